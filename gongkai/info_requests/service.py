"""Handling a request, as a plain library: register → received → (补正, extension, third-party
consultation) → documents linked → reply proposed → 答复书 drafted → approved along the chain → replied
or closed; then any 行政复议 / 行政诉讼 about it.

Each action is ONE transaction: the request row changes (optimistic locking on InfoRequest.version: a
change made meanwhile by someone else raises request_conflict, never a lost update), its own event is
written, and an event is appended to the audit chain (document_id None, the request number in before and
after) — so the chain tells who did what to which request, and when. Days are the office's record of when
something happened (`on`), checked against the calendar; the audit event carries the moment it was
written."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from gongkai.errors import GongkaiError
from gongkai.info_requests import deadlines as dl
from gongkai.info_requests.config import RequestRules, load_request_rules
from gongkai.info_requests.reply import ReplyProposal, draft_reply, propose_reply
from gongkai.info_requests.templates import TemplateFile, load_templates
from gongkai.info_requests.vocab import (APPLICANT_TYPES, CHANNELS, REPLY_RESULTS, REVIEW_KINDS, REVIEW_RESULTS,
                                         reply_group)
from gongkai.review.calendar import WorkingCalendar, load_calendar
from gongkai.store import repository as repo
from gongkai.store.db import Store
from gongkai.store.models import Document, InfoRequest, InfoRequestDocument, InfoRequestEvent, InfoReviewCase, utcnow

STATUS_NAMES = {
    "pending_receipt": "待确认收到", "open": "办理中", "correction": "待补正", "consulting": "征求第三方意见",
    "approving": "答复审批中", "signed": "已签发待答复", "replied": "已答复", "closed": "已终止办理",
}
OPEN_STATUSES = ("pending_receipt", "open", "correction", "consulting", "approving", "signed")
CLOSED_STATUSES = ("replied", "closed")
# Results a request may be closed with without a reply on its substance (第三十条, 第四十二条).
CLOSING_RESULTS = ("other.no_correction", "other.no_fee", "other.other")
DONE = "done"


def _invalid(message: str) -> GongkaiError:
    return GongkaiError("request_invalid", message)


@dataclass
class QueueRow:
    number: str
    status: str
    applicant_type: str
    received_on: date | None
    due_date: date | None
    state: str | None  # deadlines.OVERDUE / NEARLY_DUE / ON_TIME; None without a due date
    days_left: int | None
    assignee: str | None
    content: str


class RequestService:
    def __init__(self, store: Store, *, calendar: WorkingCalendar | None = None, rules: RequestRules | None = None,
                 templates: TemplateFile | None = None):
        self.store = store
        self.calendar = calendar or load_calendar()
        self.rules = rules or load_request_rules()
        self.templates = templates or load_templates()

    # --- plumbing -------------------------------------------------------------------------------

    def _run(self, work):
        """One transaction; a concurrent change of the same request is a conflict to report."""
        try:
            with self.store.session() as s:
                return work(s)
        except StaleDataError:
            raise GongkaiError("request_conflict", "请重新查看该申请 / reload the request") from None

    @staticmethod
    def _get(s: Session, number: str, expected_version: int | None = None) -> InfoRequest:
        req = s.scalar(select(InfoRequest).where(InfoRequest.number == number))
        if req is None:
            raise GongkaiError("request_not_found", number)
        if expected_version is not None and req.version != expected_version:
            raise GongkaiError("request_conflict", f"{number}: version {req.version}, not {expected_version}")
        return req

    @staticmethod
    def _need(req: InfoRequest, *statuses: str) -> None:
        if req.status not in statuses:
            allowed = "、".join(STATUS_NAMES[x] for x in statuses)
            raise _invalid(f"申请 {req.number} 当前为「{STATUS_NAMES.get(req.status, req.status)}」，此操作只适用于：{allowed}")

    def _due(self, req: InfoRequest) -> date | None:
        if req.counted_from is None:
            return None
        return dl.reply_due(self.calendar, req.counted_from, reply_days=self.rules.reply_working_days,
                            extension_days=req.extension_days, paused_days=req.paused_days)

    def _set_due(self, req: InfoRequest) -> dict:
        """Recompute the due date. When the period runs into a year whose holidays are not yet known, the
        request is still recorded (the law counts from receipt whatever our calendar knows) but without a
        due date: the queue shows it as 期限无法计算 until the year is added — never a guessed date."""
        try:
            req.due_date = self._due(req)
        except GongkaiError as exc:
            if exc.code != "calendar_unknown_year":
                raise
            req.due_date = None
            return {"due_date": None, "due_date_unknown": exc.detail}
        return {"due_date": req.due_date}

    def _record(self, s: Session, req: InfoRequest, actor: str, kind: str, on: date, before: dict, after: dict,
                *, role: str | None = None, reason: str | None = None) -> None:
        """The request's own event and the audit event, in the caller's transaction."""
        req.updated_at = utcnow()
        details = {k: _plain(v) for k, v in after.items()}
        s.add(InfoRequestEvent(request=req, kind=kind, on=on, actor=actor, details=details))
        s.flush()
        repo.append_audit(s, actor, f"request.{kind}", role=role, reason=reason,
                          before={"request": req.number, **{k: _plain(v) for k, v in before.items()}},
                          after={"request": req.number, "on": on.isoformat(), **details})

    # --- intake of a request ----------------------------------------------------------------------

    def register(self, actor: str, *, applicant_type: str, applicant_name: str, channel: str, content: str,
                 submitted_on: date, applicant_contact: str | None = None, received_on: date | None = None,
                 assignee: str | None = None) -> str:
        """A new request; its number. `received_on`: for post, online, fax or other channels, the day signed
        for / confirmed / recorded, if already known (else `mark_received` later); in person it is the day
        submitted."""
        if applicant_type not in APPLICANT_TYPES:
            raise _invalid(f"申请人类型 {applicant_type!r} 不在 {APPLICANT_TYPES} 之中")
        if channel not in CHANNELS:
            raise _invalid(f"申请方式 {channel!r} 不在 {CHANNELS} 之中")
        if not applicant_name.strip() or not content.strip():
            raise _invalid("申请人姓名（名称）和申请内容不能为空 / applicant and content are required")

        def work(s: Session) -> str:
            repo.hold_audit_lock(s)  # PostgreSQL: numbers are taken one registration at a time
            year = submitted_on.year
            seq = (s.scalar(select(func.max(InfoRequest.seq)).where(InfoRequest.year == year)) or 0) + 1
            req = InfoRequest(number=f"{year}-{seq:04d}", year=year, seq=seq, applicant_type=applicant_type,
                              applicant_name=applicant_name.strip(), applicant_contact=applicant_contact,
                              channel=channel, content=content.strip(), submitted_on=submitted_on,
                              status="pending_receipt", extended=False, extension_days=0, paused_days=0,
                              assignee=assignee)
            s.add(req)
            s.flush()
            self._record(s, req, actor, "register", submitted_on, {},
                         {"applicant_type": applicant_type, "channel": channel, "submitted_on": submitted_on,
                          "status": req.status})
            day = submitted_on if channel == "当面" else received_on
            if day is not None:
                self._receive(s, req, actor, day)
            return req.number

        return self._run(work)

    def _receive(self, s: Session, req: InfoRequest, actor: str, day: date) -> None:
        received = dl.received_date(req.channel, submitted_on=req.submitted_on, signed_on=day, confirmed_on=day,
                                    given_on=day)
        before = {"status": req.status}
        req.received_on = req.counted_from = received
        req.status = "open"
        due = self._set_due(req)
        self._record(s, req, actor, "received", received, before,
                     {"status": req.status, "received_on": received, **due})

    def mark_received(self, actor: str, number: str, on: date, *, version: int | None = None) -> date:
        """第三十一条: the day the letter was signed for, or receipt of the online / fax request was confirmed."""
        def work(s: Session) -> date:
            req = self._get(s, number, version)
            self._need(req, "pending_receipt")
            self._receive(s, req, actor, on)
            return req.due_date

        return self._run(work)

    # --- 补正 (第三十条) ---------------------------------------------------------------------------

    def request_correction(self, actor: str, number: str, on: date, *, what: str, correct_by: date | None = None,
                           version: int | None = None) -> date:
        """Ask the applicant, once, to correct the request; the reply period stops until the correction is
        received and then starts again. Returns the day by which the applicant must correct."""
        if not what.strip():
            raise _invalid("补正通知须一次性写明需要补正的事项 / say what must be corrected")

        def work(s: Session) -> date:
            req = self._get(s, number, version)
            self._need(req, "open")
            if req.correction_asked_on is not None:
                raise _invalid("补正只能一次性告知（第三十条）/ a correction can be asked for once only")
            if on < req.received_on:
                raise _invalid(f"补正日期 {on} 早于收到日期 {req.received_on}")
            last = dl.correction_notice_deadline(self.calendar, req.received_on,
                                                 self.rules.correction_notice_working_days)
            late = on > last
            if late and self.rules.late_correction == "refuse":
                raise _invalid(f"补正须在收到申请之日起{self.rules.correction_notice_working_days}个工作日内（最迟 {last}）"
                               f"一次性告知，{on} 已逾期；请按申请现状答复 / too late to ask for a correction")
            by = correct_by or self.calendar.add_working_days(on, self.rules.correction_period_working_days)
            before = {"status": req.status, "due_date": req.due_date}
            req.status, req.correction_asked_on, req.correct_by, req.due_date = "correction", on, by, None
            self._record(s, req, actor, "correction_requested", on, before,
                         {"status": req.status, "correct_by": by, "what": what.strip(), "late": late,
                          "notice_deadline": last})
            return by

        return self._run(work)

    def correction_received(self, actor: str, number: str, on: date, *, version: int | None = None) -> date:
        """The corrected request arrived: the reply period is counted anew from this day."""
        def work(s: Session) -> date:
            req = self._get(s, number, version)
            self._need(req, "correction")
            if on < req.correction_asked_on:
                raise _invalid(f"补正收到日期 {on} 早于补正通知日期 {req.correction_asked_on}")
            before = {"status": req.status, "counted_from": req.counted_from}
            req.status, req.counted_from = "open", on
            due = self._set_due(req)
            self._record(s, req, actor, "corrected", on, before, {"status": req.status, "counted_from": on, **due})
            return req.due_date

        return self._run(work)

    # --- periods -------------------------------------------------------------------------------------

    def extend(self, actor: str, number: str, on: date, *, approver: str, days: int | None = None,
               version: int | None = None) -> date:
        """第三十三条第二款: once, at most 20 working days, with the named approver's consent, before the
        period has run out."""
        days = self.rules.max_extension_working_days if days is None else days

        def work(s: Session) -> date:
            req = self._get(s, number, version)
            self._need(req, "open", "consulting", "approving", "signed")
            dl.check_extension(already_extended=req.extended, days=days, approver=approver,
                               max_days=self.rules.max_extension_working_days)
            if req.due_date is not None and on > req.due_date:
                raise _invalid(f"答复期限已于 {req.due_date} 届满，不能再延长 / the period has already run out")
            before = {"due_date": req.due_date, "extended": False}
            req.extended, req.extension_days, req.extension_approver = True, days, approver.strip()
            due = self._set_due(req)
            self._record(s, req, actor, "extended", on, before,
                         {"extended": True, "extension_days": days, "approver": req.extension_approver, **due})
            return req.due_date

        return self._run(work)

    def consult_start(self, actor: str, number: str, on: date, *, third_party: str = "",
                      version: int | None = None) -> None:
        """第三十二条: a third party's opinion is asked; its time is not counted."""
        def work(s: Session) -> None:
            req = self._get(s, number, version)
            self._need(req, "open")
            if on < req.counted_from:
                raise _invalid(f"征求意见日期 {on} 早于起算日期 {req.counted_from}")
            before = {"status": req.status}
            req.status, req.consult_started_on = "consulting", on
            self._record(s, req, actor, "consult_started", on, before,
                         {"status": req.status, "third_party": third_party.strip() or None,
                          "reply_by": self.calendar.add_working_days(on, self.rules.consultation_working_days)})

        self._run(work)

    def consult_end(self, actor: str, number: str, on: date, *, version: int | None = None) -> date:
        """The third party answered (or its 15 working days ran out): the due date moves by the working days
        the consultation took, at most the days the third party is allowed."""
        def work(s: Session) -> date:
            req = self._get(s, number, version)
            self._need(req, "consulting")
            if on < req.consult_started_on:
                raise _invalid(f"征求意见结束日期 {on} 早于开始日期 {req.consult_started_on}")
            took = dl.working_days_between(self.calendar, req.consult_started_on, on)
            counted = min(took, self.rules.consultation_working_days)
            before = {"status": req.status, "due_date": req.due_date, "paused_days": req.paused_days}
            req.status, req.paused_days, req.consult_started_on = "open", req.paused_days + counted, None
            due = self._set_due(req)
            self._record(s, req, actor, "consult_ended", on, before,
                         {"status": req.status, "working_days_taken": took, "working_days_not_counted": counted,
                          "paused_days": req.paused_days, **due})
            return req.due_date

        return self._run(work)

    # --- documents, proposal, draft, approval --------------------------------------------------------

    def link(self, actor: str, number: str, document_id: int, on: date, *, version: int | None = None) -> None:
        """A document that answers the request. Any proposal, draft and approvals made before no longer hold."""
        def work(s: Session) -> None:
            req = self._get(s, number, version)
            self._need(req, "open", "consulting", "approving", "signed")
            if s.get(Document, document_id) is None:
                raise _invalid(f"文件 {document_id} 不存在")
            if any(link.document_id == document_id for link in req.links):
                raise _invalid(f"文件 {document_id} 已关联该申请")
            s.add(InfoRequestDocument(request=req, document_id=document_id, linked_by=actor))
            before = self._reset_reply(req)
            self._record(s, req, actor, "linked", on, before, {"document_id": document_id, "status": req.status})

        self._run(work)

    def unlink(self, actor: str, number: str, document_id: int, on: date, *, version: int | None = None) -> None:
        def work(s: Session) -> None:
            req = self._get(s, number, version)
            self._need(req, "open", "consulting", "approving", "signed")
            link = next((x for x in req.links if x.document_id == document_id), None)
            if link is None:
                raise _invalid(f"文件 {document_id} 未关联该申请")
            s.delete(link)
            before = self._reset_reply(req)
            self._record(s, req, actor, "unlinked", on, before, {"document_id": document_id, "status": req.status})

        self._run(work)

    @staticmethod
    def _reset_reply(req: InfoRequest) -> dict:
        before = {"status": req.status, "approval_stage": req.approval_stage, "drafted": req.draft is not None}
        req.proposal, req.draft, req.approval_stage = None, None, None
        if req.status in ("approving", "signed"):
            req.status = "open"
        return before

    def propose(self, actor: str, number: str, on: date, *, version: int | None = None) -> ReplyProposal:
        def work(s: Session) -> ReplyProposal:
            req = self._get(s, number, version)
            self._need(req, "open", "consulting")
            proposal = propose_reply(s, [link.document_id for link in req.links], self.templates)
            req.proposal = proposal.as_dict()
            self._record(s, req, actor, "proposed", on, {"status": req.status},
                         {"result": proposal.result, "flags": proposal.flags,
                          "reasons": [{k: r.get(k) for k in ("code", "article", "document_id")}
                                      for r in proposal.reasons]})
            return proposal

        return self._run(work)

    def draft(self, actor: str, number: str, on: date, *, result: str | None = None, reason: str = "",
              version: int | None = None) -> str:
        """The 答复书 draft by the office (the first stage of approval_chain). `result` overrides the
        proposal's (a person's choice, recorded); `reason` fills the generic templates' reason."""
        def work(s: Session) -> str:
            req = self._get(s, number, version)
            self._need(req, "open")
            if req.proposal is None:
                req.proposal = propose_reply(s, [link.document_id for link in req.links], self.templates).as_dict()
            proposal = ReplyProposal.from_dict(req.proposal)
            chosen = result or proposal.result
            if chosen not in REPLY_RESULTS:
                raise _invalid("系统无法确定答复类别（有不予公开的文件未记录理由），请用 --result 指定 / "
                               f"choose the reply result; proposal flags: {proposal.flags}")
            if reply_group(chosen) == "other":
                raise _invalid("终止办理请用 close / use close for other.* results")
            secret = [j.secret for j in proposal.documents]
            if (any(secret) and chosen == "disclose") or (secret and all(secret) and chosen == "partial"):
                raise _invalid("所关联文件含国家秘密，不能答复予以公开 / a linked document is a state secret")
            secret_texts = []
            for j in proposal.documents:
                if j.secret:  # read only to keep the applicant's words from repeating them; never printed
                    document = s.get(Document, j.document_id)
                    secret_texts += [str((document.meta or {}).get("title") or ""), document.text or ""]
            text = draft_reply(proposal, result=chosen, applicant=req.applicant_name, number=req.number,
                               received_on=req.received_on, content=req.content, on=on, secret_texts=secret_texts,
                               reason=reason, templates=self.templates,
                               reconsideration_days=self.rules.reconsideration_days,
                               litigation_months=self.rules.litigation_months)
            before = {"status": req.status}
            req.proposal = {**req.proposal, "draft_result": chosen}
            req.draft, req.status = text, "approving"
            req.approval_stage = self.rules.after(self.rules.drafting.stage)
            self._record(s, req, actor, "drafted", on, before,
                         {"status": req.status, "result": chosen,
                          "overridden": bool(result and result != proposal.result),
                          "stage": self.rules.drafting.stage, "next_stage": req.approval_stage,
                          "draft_chars": len(text)})
            return text

        return self._run(work)

    def approve(self, actor, number: str, on: date, *, version: int | None = None) -> str:
        """`actor` (gongkai.review.users.Actor) approves the draft at the current stage, if their role is the
        stage's; returns the next stage, or "done" once the last stage has signed."""
        def work(s: Session) -> str:
            req = self._get(s, number, version)
            self._need(req, "approving")
            stage = self.rules.stage(req.approval_stage)
            if actor.role != stage.role:
                raise GongkaiError("forbidden", f"{req.approval_stage}环节须由角色 {stage.role} 审批，"
                                   f"{actor.name} 是 {actor.role}")
            before = {"status": req.status, "stage": req.approval_stage}
            req.approval_stage = self.rules.after(stage.stage)
            if req.approval_stage == DONE:
                req.status = "signed"
            self._record(s, req, actor.name, "approved", on, before,
                         {"status": req.status, "stage": stage.stage, "action": stage.action,
                          "next_stage": req.approval_stage}, role=actor.role)
            return req.approval_stage

        return self._run(work)

    def reply(self, actor: str, number: str, on: date, *, version: int | None = None) -> str:
        """The signed reply is sent: the request is closed with the drafted result on this day."""
        def work(s: Session) -> str:
            req = self._get(s, number, version)
            self._need(req, "signed")
            before = {"status": req.status, "due_date": req.due_date}
            if req.due_date is None:
                self._set_due(req)  # counted when the year was unknown: count again now
            req.result, req.closed_on, req.status = req.proposal["draft_result"], on, "replied"
            late = req.due_date is not None and on > req.due_date
            self._record(s, req, actor, "replied", on, before,
                         {"status": req.status, "result": req.result, "closed_on": on, "late": late})
            return req.result

        return self._run(work)

    def close_without_reply(self, actor: str, number: str, result: str, on: date, *, note: str = "",
                            version: int | None = None) -> None:
        """Stop handling: no correction in time (第三十条), fee not paid (第四十二条), or other (e.g. withdrawn)."""
        if result not in CLOSING_RESULTS:
            raise _invalid(f"终止办理的结果只能是 {CLOSING_RESULTS}")

        def work(s: Session) -> None:
            req = self._get(s, number, version)
            if result == "other.no_correction":
                self._need(req, "correction")
                if on <= req.correct_by:
                    raise _invalid(f"补正期限至 {req.correct_by} 尚未届满 / the applicant may still correct")
            else:
                self._need(req, *OPEN_STATUSES)
            if result == "other.other" and not note.strip():
                raise _invalid("请写明终止办理的原因 / say why")
            before = {"status": req.status}
            req.result, req.closed_on, req.status = result, on, "closed"
            self._record(s, req, actor, "closed", on, before,
                         {"status": req.status, "result": result, "closed_on": on}, reason=note.strip() or None)

        self._run(work)

    # --- 行政复议 / 行政诉讼 ----------------------------------------------------------------------------

    def record_review(self, actor: str, number: str, *, kind: str, filed_on: date, result: str | None = None,
                      concluded_on: date | None = None) -> int:
        if kind not in REVIEW_KINDS:
            raise _invalid(f"案件类型须为 {REVIEW_KINDS}")
        _check_conclusion(result, concluded_on, filed_on)

        def work(s: Session) -> int:
            req = self._get(s, number)
            case = InfoReviewCase(request=req, kind=kind, filed_on=filed_on, result=result, concluded_on=concluded_on)
            s.add(case)
            s.flush()
            self._record(s, req, actor, "review_filed", filed_on, {},
                         {"case_id": case.id, "kind": kind, "filed_on": filed_on, "result": result,
                          "concluded_on": concluded_on})
            return case.id

        return self._run(work)

    def conclude_review(self, actor: str, case_id: int, *, result: str, concluded_on: date) -> None:
        def work(s: Session) -> None:
            case = s.get(InfoReviewCase, case_id)
            if case is None:
                raise GongkaiError("request_not_found", f"case {case_id}")
            if case.result is not None:
                raise _invalid(f"案件 {case_id} 已于 {case.concluded_on} 审结")
            _check_conclusion(result, concluded_on, case.filed_on)
            case.result, case.concluded_on = result, concluded_on
            self._record(s, case.request, actor, "review_concluded", concluded_on, {"case_id": case_id, "result": None},
                         {"case_id": case_id, "kind": case.kind, "result": result, "concluded_on": concluded_on})

        self._run(work)

    # --- reading ---------------------------------------------------------------------------------------

    def queue(self, today: date, *, include_closed: bool = False) -> list[QueueRow]:
        """Open requests, overdue first, then nearly due, then by due date."""
        with self.store.session() as s:
            query = select(InfoRequest)
            if not include_closed:
                query = query.where(InfoRequest.status.in_(OPEN_STATUSES))
            rows = []
            for req in s.scalars(query):
                state = days_left = None
                due = req.due_date
                running = req.status in ("open", "consulting", "approving", "signed")
                try:
                    if running and due is None:  # the year's holidays were missing when it was counted
                        due = self._due(req)  # shown once the year is known; stored at the next action
                    if due is not None and running:
                        state = dl.state(self.calendar, due, today, self.rules.nearly_due_working_days)
                        days_left = (dl.working_days_between(self.calendar, today, due) if today <= due
                                     else -dl.working_days_between(self.calendar, due, today))
                except GongkaiError as exc:
                    if exc.code != "calendar_unknown_year":
                        raise
                    state = dl.OVERDUE if due is not None and today > due else dl.CALENDAR_UNKNOWN
                rows.append(QueueRow(req.number, req.status, req.applicant_type, req.received_on, due, state,
                                     days_left, req.assignee, req.content))
        return sorted(rows, key=lambda r: dl.queue_key(r.state, r.due_date, r.number))

    def show(self, number: str) -> dict:
        with self.store.session() as s:
            req = self._get(s, number)
            return {
                "number": req.number, "status": req.status, "status_name": STATUS_NAMES.get(req.status, req.status),
                "applicant_type": req.applicant_type, "applicant_name": req.applicant_name,
                "applicant_contact": req.applicant_contact, "channel": req.channel, "content": req.content,
                "submitted_on": req.submitted_on, "received_on": req.received_on, "counted_from": req.counted_from,
                "due_date": req.due_date, "extended": req.extended, "extension_days": req.extension_days,
                "extension_approver": req.extension_approver, "paused_days": req.paused_days,
                "correct_by": req.correct_by, "approval_stage": req.approval_stage, "result": req.result,
                "closed_on": req.closed_on, "assignee": req.assignee, "version": req.version,
                "documents": [link.document_id for link in req.links], "proposal": req.proposal, "draft": req.draft,
                "events": [{"kind": e.kind, "on": e.on, "actor": e.actor, "details": e.details} for e in req.events],
                "cases": [{"id": c.id, "kind": c.kind, "filed_on": c.filed_on, "result": c.result,
                           "concluded_on": c.concluded_on} for c in req.cases],
            }


def _check_conclusion(result: str | None, concluded_on: date | None, filed_on: date) -> None:
    if result is None and concluded_on is None:
        return
    if result not in REVIEW_RESULTS or result == "尚未审结":
        raise _invalid(f"审结结果须为 {[r for r in REVIEW_RESULTS if r != '尚未审结']}")
    if concluded_on is None or concluded_on < filed_on:
        raise _invalid("审结须写明审结日期，且不早于受理日期 / a conclusion needs its date, not before filing")


def _plain(value):
    """JSON-safe: dates as ISO strings."""
    return value.isoformat() if isinstance(value, date) else value
