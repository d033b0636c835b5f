"""Review actions as a plain library: confirm, change, return, batch-confirm, and undo of the last one.

Each action is ONE transaction: the task moves on (optimistic locking on ReviewTask.version — a
stale version raises `ReviewConflict`, never a lost update), a Decision and an AuditEvent are
written, and the next task is opened (or the review closes at 发布 / 归档). After the commit, a
document approved for 发布 is exported to the publication catalogue (gongkai.review.publish).

Due dates: Art. 26 counts 20 working days from the day the information is formed, so the deadline
is set once, on the first task, and carried along the chain; each later task keeps that deadline.
A task opened where the first one had none (year missing from the calendar) gets one counted from
the document's intake day if that is possible now, else stays without one (see routing.due_date)."""
from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from gongkai.labels import ACTION_NAMES, PUBLIC
from gongkai.policy import DISCLOSURE_ORDER, SECRECY_ORDER, Routing, load_policy, load_routing
from gongkai.review import routing as paths
from gongkai.review.access import may_see
from gongkai.review.users import Actor, may_read
from gongkai.store import repository as repo
from gongkai.store.db import Store
from gongkai.store.models import Decision, Document, Proposal, ReviewTask

log = logging.getLogger(__name__)
PUBLISH_STAGE = "发布"  # the terminal stage whose reaching exports to the catalogue (rules/routing.yaml)
CATALOGUE_FIELDS = ("发布机构", "成文日期")  # what the 公文 parse may miss and the approver then fills in
DATE_RE = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日|\d{4}-\d{2}-\d{2}")


class ReviewError(Exception):
    """A refused review action. `code` is stable (web and CLI key on it); the message is bilingual."""

    code = "review_invalid"

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class ReviewConflict(ReviewError):
    code = "review_conflict"


class ReviewForbidden(ReviewError):
    code = "forbidden"


class ReviewNotFound(ReviewError):
    code = "not_found"


@dataclass
class Outcome:
    task_id: int
    document_id: int
    action: str
    stage: str
    next_stage: str
    next_task_id: int | None
    disclosure: str | None
    secrecy: str | None
    published: list[str] = field(default_factory=list)  # files written to the publication catalogue
    decision_id: int | None = None  # the decision written (what `undo` takes back)


def current_labels(s: Session, document_id: int) -> tuple[str | None, str | None]:
    """The labels in force: the latest confirm/change decision, else the latest proposal."""
    decision = s.scalar(select(Decision).where(Decision.document_id == document_id, Decision.action != "return")
                        .order_by(Decision.id.desc()).limit(1))
    if decision is not None:
        return decision.disclosure, decision.secrecy
    proposal = s.scalar(select(Proposal).where(Proposal.document_id == document_id).order_by(Proposal.id.desc()).limit(1))
    return (proposal.disclosure, proposal.secrecy) if proposal else (None, None)


def risk_of(proposal: Proposal | None) -> int:
    """How bad a wrong approval would be, for sorting queues (higher first): secrecy level, conflicting
    marks and flags, personal data, and a 主动公开 proposal carrying any of those."""
    if proposal is None:
        return 0
    level = SECRECY_ORDER.index(proposal.secrecy) if proposal.secrecy in SECRECY_ORDER else len(SECRECY_ORDER)
    risky = bool(proposal.flags) + bool(proposal.findings)
    return 3 * level + 2 * bool(proposal.flags) + bool(proposal.findings) + (
        2 if proposal.disclosure == "主动公开" and (risky or level) else 0)


def risk_facts(proposal: Proposal | None, low_confidence: float) -> list[str]:
    """The facts behind `risk_of`, as a reviewer reads them (the queue and the document page show these,
    not a bare number): a secret signal, personal data, low confidence, a conflicting mark, other flags."""
    if proposal is None:
        return ["无系统建议"]
    facts, flags = [], list(proposal.flags or [])
    codes = {r.get("code") for r in proposal.reasons or []}
    rules = {str(e.get("rule", "")) for r in proposal.reasons or [] for e in r.get("evidence", [])}
    if (proposal.secrecy not in (None, "非密") or "state_secret" in codes or "weak_secret_signal" in flags
            or any(rule.startswith(("GK-SM-", "GK-ST-", "GK-SC-")) for rule in rules)):
        facts.append(f"涉密信号（建议密级：{proposal.secrecy}）" if proposal.secrecy not in (None, "非密") else "涉密信号")
    if proposal.findings:
        facts.append(f"个人信息 {len(proposal.findings)} 处")
    if proposal.confidence is None or proposal.confidence < low_confidence:
        facts.append("置信度低")
    if any("矛盾" in f for f in flags):
        facts.append("标志矛盾")
    from gongkai.labels import FLAG_NAMES

    facts += [FLAG_NAMES[f] for f in flags if f in FLAG_NAMES and f != "weak_secret_signal"]
    return facts


def is_low_risk(proposal: Proposal | None, min_confidence: float) -> bool:
    return (proposal is not None and proposal.secrecy == "非密" and not proposal.flags and not proposal.findings
            and proposal.confidence is not None and proposal.confidence >= min_confidence)


def secret_signals(proposal: Proposal, text: str | None, rule) -> list[str]:
    """Why a document may not be batch-confirmed although its labels look harmless (routing.yaml
    `batch_confirm`): excluded reason codes and rule hits stored in the proposal, and the same rules run
    again over the stored text — so that a statement such as 「以上事项涉及国家秘密」 keeps the document
    out even when the proposal was made by older rules or the model alone."""
    prefixes = tuple(rule.exclude_rule_prefixes)
    found = []
    for reason in proposal.reasons or []:
        if reason.get("code") in rule.exclude_reasons:
            found.append(reason["code"])
        found += [e["rule"] for e in reason.get("evidence", []) if str(e.get("rule", "")).startswith(prefixes)]
        found += [r for r in reason.get("rules", []) if isinstance(r, str) and r.startswith(prefixes)]
    if text:
        key = (hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest(), prefixes,
               tuple(rule.exclude_reasons))
        if key not in _RESCANNED:  # the queue asks on every load; the rules do not change within a process
            from gongkai.matching.engine import get_matcher

            if len(_RESCANNED) > 5000:
                _RESCANNED.clear()
            _RESCANNED[key] = [f.rule_id for f in get_matcher().run(text).findings
                               if f.rule_id.startswith(prefixes) or f.reason in rule.exclude_reasons]
        found += _RESCANNED[key]
    return found


_RESCANNED: dict[tuple, list[str]] = {}


def return_target(s: Session, routing: Routing, task: ReviewTask, document: Document) -> str | None:
    """Where returning this task would send it, or None where there is nowhere to return to: at the stage
    the review began (the drafting 科室 would return the task to itself), and for a sealed document, which
    only ever goes from the secrecy officer to the archive."""
    if document.sealed:
        return None
    history = list(s.scalars(select(ReviewTask.stage).where(  # approved stages, oldest first
        ReviewTask.document_id == document.id, ReviewTask.status == "done").order_by(ReviewTask.id)))
    target = paths.previous_stage(routing, task.stage, history)
    return None if target == task.stage else target


class ReviewService:
    def __init__(self, store: Store, *, routing: Routing | None = None, data_dir: Path | str | None = None):
        self.store = store
        self.routing = routing or load_routing()
        if data_dir is None:
            from gongkai.settings import Settings
            data_dir = Settings().data_dir
        self.data_dir = Path(data_dir)

    # --- the actions --------------------------------------------------------------------------

    def confirm(self, actor: Actor, task_id: int, version: int, reason: str | None = None,
                catalogue: dict | None = None) -> Outcome:
        filled = self._catalogue_fill(actor, task_id, None, catalogue)
        return self._act(actor, task_id, version, "confirm", reason=reason, catalogue=filled)

    def change(self, actor: Actor, task_id: int, version: int, *, disclosure: str, secrecy: str, reason: str,
               justification: str | None = None, catalogue: dict | None = None) -> Outcome:
        filled = self._catalogue_fill(actor, task_id, disclosure, catalogue)
        return self._act(actor, task_id, version, "change", disclosure=disclosure, secrecy=secrecy,
                         reason=reason, justification=justification, catalogue=filled)

    # --- publication: what the last approver sees and must complete (issue 11) -------------------

    def publication_preview(self, actor: Actor, task_id: int, disclosure: str | None = None) -> dict | None:
        """The catalogue entry (索引号, 标题, 发布机构, 成文日期, 公开方式, 公开时限, redacted text) exactly as
        approving this open task with `disclosure` (default: the labels in force) would publish it; None
        when that approval does not publish, or when the actor may not act on the task (the action then
        says why, without this having told anything)."""
        with self.store.session() as s:
            task = s.get(ReviewTask, task_id)
            document = s.get(Document, task.document_id) if task is not None else None
            if (task is None or task.status != "open" or task.role != actor.role
                    or not may_see(s, actor, document, self.routing) or document.text is None):
                return None
            labels = current_labels(s, document.id)
            disclosure = disclosure or labels[0]
            if disclosure != PUBLIC or self._approval_target(s, task, document, disclosure, labels[1]) != PUBLISH_STAGE:
                return None
            document_id = document.id
        from gongkai.review.publish import catalogue_entry

        return catalogue_entry(self.store, document_id)

    def _catalogue_fill(self, actor: Actor, task_id: int, disclosure: str | None, given: dict | None) -> dict | None:
        """The catalogue fields the approver filled in, when this approval publishes; refuses the approval
        while 发布机构 or 成文日期 is empty (a catalogue entry must never go out with a gap)."""
        preview = self.publication_preview(actor, task_id, disclosure)
        if preview is None:
            return None
        given = {k: str(v).strip()[:200] for k, v in (given or {}).items() if k in CATALOGUE_FIELDS and v}
        filled = {k: given[k] for k in CATALOGUE_FIELDS if not preview.get(k) and k in given}
        missing = [k for k in CATALOGUE_FIELDS if not preview.get(k) and k not in filled]
        if missing:
            raise ReviewError(f"发布前须填写目录信息：{'、'.join(missing)}")
        if "成文日期" in filled and not DATE_RE.fullmatch(filled["成文日期"]):
            raise ReviewError("成文日期格式应为「2026年12月1日」或「2026-12-01」")
        return filled or None

    def _approval_target(self, s: Session, task: ReviewTask, document: Document, disclosure: str | None,
                         secrecy: str | None) -> str:
        passed = {t.stage for t in s.scalars(select(ReviewTask).where(
            ReviewTask.document_id == document.id, ReviewTask.status == "done"))} | {task.stage}
        return paths.next_stage(self.routing, task.stage, disclosure=disclosure, secrecy=secrecy,
                                sealed=document.sealed, passed=passed)

    def return_task(self, actor: Actor, task_id: int, version: int, reason: str) -> Outcome:
        return self._act(actor, task_id, version, "return", reason=reason)

    # --- undo: the reviewer's last action, until their next one (issue 11) -----------------------

    def undo(self, actor: Actor, decision_id: int | None = None, *, task_id: int | None = None,
             reason: str | None = None) -> Outcome:
        """Take back the actor's last action (given by its decision, or by the task it closed): their
        task opens again, the task the action opened is withdrawn and the labels in force are those from
        before it. Nothing is deleted: an "undo" decision and a `review.undo` event record what was
        restored, so that the tables still verify against the audit chain. Refused (`_undo_refusal`)
        once anyone acted after it, for another's action, and for an action that closed the review."""
        with self.store.session() as s:
            if decision_id is None and task_id is not None:
                decision_id = s.scalar(select(Decision.id).where(Decision.task_id == task_id)
                                       .order_by(Decision.id.desc()).limit(1))
            decision = s.get(Decision, decision_id) if decision_id is not None else None
            document = s.get(Document, decision.document_id) if decision is not None else None
            if decision is None or not may_see(s, actor, document, self.routing):  # as for a missing one
                raise ReviewNotFound(f"操作 {decision_id or task_id} 不存在 / nothing to undo")
            if decision.actor != actor.name:
                raise ReviewForbidden("只能撤销您本人的上一步操作 / only your own last action can be undone")
            refusal, event = self._undo_refusal(s, actor, decision, document)
            if refusal:
                raise ReviewError(refusal)
            from gongkai.review.integrity import document_problems, user_problems
            if tampered := document_problems(s, document.id) + user_problems(s, actor.name):
                raise ReviewError("此文件或您的账户与审计链不符，已拒绝撤销，请管理员运行 gongkai audit verify / "
                                  f"refused: the tables differ from the audit chain — {tampered[0]}")
            task = s.get(ReviewTask, decision.task_id, populate_existing=True)
            withdrawn = s.get(ReviewTask, event.after["task_id"], populate_existing=True)
            in_force = current_labels(s, document.id)
            restored = (event.before.get("disclosure"), event.before.get("secrecy"))
            # both under optimistic locking: a concurrent action on either task makes this a conflict
            if not (repo.transition_task(s, task.id, task.version, status="open", assignee=None)
                    and repo.transition_task(s, withdrawn.id, withdrawn.version, status="withdrawn")):
                raise ReviewConflict("冲突：该文件刚被他人处理，无法撤销 / conflict: someone acted meanwhile")
            reason = (reason or "").strip() or f"撤销上一步（{ACTION_NAMES.get(decision.action, decision.action)}）"
            compensating = repo.add_decision(s, task, actor=actor.name, role=actor.role, action="undo",
                                             disclosure=restored[0], secrecy=restored[1], reason=reason)
            repo.append_audit(
                s, actor.name, "review.undo", document_id=document.id, role=actor.role,
                before={"decision_id": decision.id, "action": decision.action, "task_id": withdrawn.id,
                        "stage": withdrawn.stage, "disclosure": in_force[0], "secrecy": in_force[1]},
                after={"decision_id": compensating.id, "task_id": task.id, "stage": task.stage, "status": "open",
                       "withdrawn_task_id": withdrawn.id, "withdrawn_role": withdrawn.role,
                       "disclosure": restored[0], "secrecy": restored[1]},
                reason=reason)
            return Outcome(task.id, document.id, "undo", withdrawn.stage, task.stage, task.id, restored[0],
                           restored[1], decision_id=compensating.id)

    def undoable(self, actor: Actor, decision_id: int | None) -> dict | None:
        """What undoing this decision would take back ({document_id, task_id, action, stage}), or None if
        `undo` would refuse it: for the web page's 「撤销上一步」, which shows only what will work."""
        if decision_id is None:
            return None
        with self.store.session() as s:
            decision = s.get(Decision, decision_id)
            document = s.get(Document, decision.document_id) if decision is not None else None
            if decision is None or decision.actor != actor.name or not may_see(s, actor, document, self.routing):
                return None
            refusal, _event = self._undo_refusal(s, actor, decision, document)
            if refusal:
                return None
            stage = s.scalar(select(ReviewTask.stage).where(ReviewTask.id == decision.task_id))
            return {"decision_id": decision.id, "document_id": document.id, "task_id": decision.task_id,
                    "action": decision.action, "stage": stage}

    def _undo_refusal(self, s: Session, actor: Actor, decision: Decision, document: Document):
        """(why `undo` must refuse, None) or (None, the action's audit event). The action must be the
        latest on its document AND the actor's latest anywhere ("until the next action"), must have
        opened a next task that is still untouched, and must not have closed the review: reaching 发布
        published the document, and a sealed document's review is out of bounds."""
        if decision.action not in ("confirm", "change", "return"):
            return "只能撤销确认、修改或退回 / only a confirm, change or return can be undone", None
        latest_here = s.scalar(select(Decision.id).where(Decision.document_id == document.id)
                               .order_by(Decision.id.desc()).limit(1))
        latest_mine = s.scalar(select(Decision.id).where(Decision.actor == actor.name)
                               .order_by(Decision.id.desc()).limit(1))
        if latest_here != decision.id or latest_mine != decision.id:
            return "之后已有新的操作，不能再撤销 / a later action was taken; undo is no longer available", None
        if document.sealed:
            return "封存文件的操作不能撤销 / actions on a sealed document cannot be undone", None
        event = next((e for e in reversed(repo.audit_events(s, document.id))
                      if e.action == f"review.{decision.action}" and (e.after or {}).get("decision_id") == decision.id),
                     None)
        if event is None:
            return "审计链中没有该操作的记录，不能撤销 / the action is not in the audit chain", None
        target, next_id = event.after.get("stage"), event.after.get("task_id")
        if target == PUBLISH_STAGE or next_id is None:
            return f"该操作已使审核结束（{target}），不能撤销 / the action closed the review at {target}", None
        task, following = s.get(ReviewTask, decision.task_id), s.get(ReviewTask, next_id)
        acted = s.scalar(select(Decision.id).where(Decision.task_id == next_id).limit(1))
        if following is None or following.status != "open" or following.version != 1 or acted is not None:
            return "下一环节已处理，不能撤销 / the next stage has already acted", None
        if task is None or task.status not in ("done", "returned") or task.assignee != actor.name:
            return "该任务已不在您处理后的状态，不能撤销 / the task has changed since", None
        return None, event

    def batch_candidates(self, s: Session, actor: Actor) -> list[ReviewTask]:
        """Open tasks this actor may confirm in one go: batch stage only, low risk (非密, no personal
        data, no flag), high confidence, and no secret signal of any kind (`secret_signals`)."""
        rule = self.routing.batch_confirm
        if rule is None or self.routing.role_of(rule.stage) != actor.role:
            return []
        result = []
        for task in repo.open_tasks(s, rule.stage):
            proposal = s.get(Proposal, task.proposal_id) if task.proposal_id else None
            document = s.get(Document, task.document_id)
            if (is_low_risk(proposal, rule.min_confidence) and not document.sealed
                    and may_see(s, actor, document, self.routing)
                    and not secret_signals(proposal, document.text, rule)):
                result.append(task)
        return result

    def batch_confirm(self, actor: Actor, items: list[tuple[int, int]]) -> tuple[list[Outcome], list[tuple[int, str]]]:
        """Confirm each (task_id, version); each in its own transaction, so that one conflict does not
        undo the others. Returns (done, [(task_id, why not)])."""
        rule = self.routing.batch_confirm
        done, refused = [], []
        for task_id, version in items:
            try:
                with self.store.session() as s:
                    if task_id not in {t.id for t in self.batch_candidates(s, actor)}:
                        raise ReviewForbidden("该任务不符合批量确认条件（低风险、高置信度、办公室环节）/ "
                                              "not eligible for batch confirmation")
                done.append(self._act(actor, task_id, version, "confirm", reason="批量确认 / batch confirmation",
                                      batch=True))
            except ReviewError as exc:
                refused.append((task_id, exc.message))
        return done, refused

    # --- one transaction ----------------------------------------------------------------------

    def _act(self, actor: Actor, task_id: int, version: int, action: str, *, disclosure: str | None = None,
             secrecy: str | None = None, reason: str | None = None, justification: str | None = None,
             batch: bool = False, catalogue: dict | None = None) -> Outcome:
        reason = (reason or "").strip() or None
        justification = (justification or "").strip() or None
        with self.store.session() as s:
            task = s.get(ReviewTask, task_id, populate_existing=True)
            document = s.get(Document, task.document_id) if task is not None else None
            self._authorise(s, actor, task_id, task, document)
            if task.status != "open" or task.version != version:
                raise ReviewConflict(self._conflict_message(s, task))
            from gongkai.review.integrity import document_problems, user_problems  # issue 14: state under the chain
            if tampered := document_problems(s, document.id) + user_problems(s, actor.name):
                raise ReviewError("此文件或您的账户与审计链不符，已拒绝操作，请管理员运行 gongkai audit verify / "
                                  f"refused: the tables differ from the audit chain — {tampered[0]}")
            before_d, before_s = current_labels(s, document.id)
            if action == "change":
                self._check_change(before_d, before_s, disclosure, secrecy, reason, justification)
            elif action == "confirm":
                disclosure, secrecy = before_d, before_s
            else:
                if not reason:
                    raise ReviewError("退回必须填写理由 / a return needs a reason")
                if return_target(s, self.routing, task, document) is None:
                    raise ReviewError("本文件在此环节开始审核，没有可退回的上一环节；请确认或修改")
                disclosure, secrecy = before_d, before_s
            if not repo.transition_task(s, task.id, version, status="returned" if action == "return" else "done",
                                        assignee=actor.name):
                raise ReviewConflict(self._conflict_message(s, task))
            decision = repo.add_decision(s, task, actor=actor.name, role=actor.role, action=action,
                                         disclosure=disclosure, secrecy=secrecy, reason=reason,
                                         justification=justification)
            if action == "return":
                target = return_target(s, self.routing, task, document)
            else:
                target = self._approval_target(s, task, document, disclosure, secrecy)
            if catalogue and target == PUBLISH_STAGE and disclosure == PUBLIC:  # read by publish.catalogue_entry
                document.meta = {**(document.meta or {}), "catalogue": {
                    **((document.meta or {}).get("catalogue") or {}), **catalogue}}
            else:
                catalogue = None
            next_task = None
            if not paths.is_terminal(self.routing, target):
                due = task.due_date
                if due is None:
                    due, _warning = paths.due_date(self.routing, _day(document.created_at))
                proposal = s.get(Proposal, task.proposal_id) if task.proposal_id else None
                next_task = repo.open_task(s, document, proposal, target, self.routing.role_of(target), due_date=due)
            repo.append_audit(
                s, actor.name, f"review.{action}", document_id=document.id, role=actor.role,
                before={"task_id": task.id, "stage": task.stage, "version": version,
                        "disclosure": before_d, "secrecy": before_s},
                after={"decision_id": decision.id, "stage": target, "task_id": next_task.id if next_task else None,
                       "disclosure": disclosure, "secrecy": secrecy, "batch": batch,
                       **({"justification": justification} if justification else {}),
                       **({"catalogue": catalogue} if catalogue else {})},
                reason=reason)
            outcome = Outcome(task.id, document.id, action, task.stage, target,
                              next_task.id if next_task else None, disclosure, secrecy, decision_id=decision.id)
        if target == PUBLISH_STAGE and disclosure == PUBLIC and action != "return":
            outcome.published = self._publish(document.id, actor)
        return outcome

    def _authorise(self, s: Session, actor: Actor, task_id: int, task: ReviewTask | None,
                   document: Document | None) -> None:
        # A task on a document the actor may not see (need-to-know, clearance, sealed) answers exactly as
        # a missing one: a different answer would tell that it exists, and at which stage. A task of the
        # actor's own stage that a colleague has just closed still counts as theirs, so that the late one
        # of two reviewers is told of the conflict rather than that the task vanished.
        own_task = task is not None and task.role == actor.role and may_read(s, actor, document)
        if task is None or not (own_task or may_see(s, actor, document, self.routing)):
            raise ReviewNotFound(f"任务 {task_id} 不存在 / task {task_id} not found")
        if actor.role != task.role:
            raise ReviewForbidden(f"此任务属于「{task.stage}」环节，您的角色无权处理 / "
                                  f"this task belongs to stage {task.stage}; your role {actor.role} may not act on it")

    @staticmethod
    def _conflict_message(s: Session, task: ReviewTask) -> str:
        last = s.scalar(select(Decision).where(Decision.task_id == task.id).order_by(Decision.id.desc()).limit(1))
        who = f"{last.actor}（{ACTION_NAMES.get(last.action, last.action)}）" if last else "他人"
        return (f"冲突：该任务已被 {who} 处理或已更新，请刷新后再操作 / conflict: this task was already handled "
                f"by {last.actor if last else 'someone else'} — reload before acting")

    def _check_change(self, before_d, before_s, disclosure, secrecy, reason, justification) -> None:
        if disclosure not in DISCLOSURE_ORDER or secrecy not in SECRECY_ORDER:
            raise ReviewError(f"无效的公开属性或密级 / invalid labels {disclosure!r}, {secrecy!r}")
        if not reason:
            raise ReviewError("修改必须填写理由 / a change needs a reason")
        ceiling = load_policy().secrecy_ceilings[secrecy]
        if DISCLOSURE_ORDER.index(disclosure) < DISCLOSURE_ORDER.index(ceiling):
            raise ReviewError(f"密级为{secrecy}的文件最多为「{ceiling}」/ a {secrecy} document can be at most {ceiling}")
        lowered = before_s in SECRECY_ORDER and SECRECY_ORDER.index(secrecy) < SECRECY_ORDER.index(before_s)
        loosened = before_d in DISCLOSURE_ORDER and DISCLOSURE_ORDER.index(disclosure) < DISCLOSURE_ORDER.index(before_d)
        if (lowered or loosened) and not justification:
            raise ReviewError("降低密级或放宽公开属性必须填写书面说明 / lowering the secrecy level or loosening "
                              "the disclosure attribute needs a written justification")

    def _publish(self, document_id: int, actor: Actor) -> list[str]:
        from gongkai.review.publish import export

        try:
            return [str(p) for p in export(self.store, document_id, self.data_dir, actor=actor.name)]
        except Exception:  # the decision stands; the export is redone by `gongkai review publish`
            log.exception("publication export failed for document %s", document_id)
            return []


def _day(moment) -> date:
    return moment.date() if moment is not None else date.today()
