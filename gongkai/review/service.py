"""Review actions as a plain library: confirm, change, return, batch-confirm.

Each action is ONE transaction: the task moves on (optimistic locking on ReviewTask.version — a
stale version raises `ReviewConflict`, never a lost update), a Decision and an AuditEvent are
written, and the next task is opened (or the review closes at 发布 / 归档). After the commit, a
document approved for 发布 is exported to the publication catalogue (gongkai.review.publish).

Due dates: Art. 26 counts 20 working days from the day the information is formed, so the deadline
is set once, on the first task, and carried along the chain; each later task keeps that deadline.
A task opened where the first one had none (year missing from the calendar) gets one counted from
the document's intake day if that is possible now, else stays without one (see routing.due_date)."""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from gongkai.policy import DISCLOSURE_ORDER, SECRECY_ORDER, Routing, load_policy, load_routing
from gongkai.review import routing as paths
from gongkai.review.users import Actor, may_read
from gongkai.store import repository as repo
from gongkai.store.db import Store
from gongkai.store.models import Decision, Document, Proposal, ReviewTask

log = logging.getLogger(__name__)


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


def is_low_risk(proposal: Proposal | None, min_confidence: float) -> bool:
    return (proposal is not None and proposal.secrecy == "非密" and not proposal.flags and not proposal.findings
            and proposal.confidence is not None and proposal.confidence >= min_confidence)


class ReviewService:
    def __init__(self, store: Store, *, routing: Routing | None = None, data_dir: Path | str | None = None):
        self.store = store
        self.routing = routing or load_routing()
        if data_dir is None:
            from gongkai.settings import Settings
            data_dir = Settings().data_dir
        self.data_dir = Path(data_dir)

    # --- the actions --------------------------------------------------------------------------

    def confirm(self, actor: Actor, task_id: int, version: int, reason: str | None = None) -> Outcome:
        return self._act(actor, task_id, version, "confirm", reason=reason)

    def change(self, actor: Actor, task_id: int, version: int, *, disclosure: str, secrecy: str, reason: str,
               justification: str | None = None) -> Outcome:
        return self._act(actor, task_id, version, "change", disclosure=disclosure, secrecy=secrecy,
                         reason=reason, justification=justification)

    def return_task(self, actor: Actor, task_id: int, version: int, reason: str) -> Outcome:
        return self._act(actor, task_id, version, "return", reason=reason)

    def batch_candidates(self, s: Session, actor: Actor) -> list[ReviewTask]:
        """Open tasks this actor may confirm in one go: batch stage only, low risk, high confidence."""
        rule = self.routing.batch_confirm
        if rule is None or self.routing.role_of(rule.stage) != actor.role:
            return []
        result = []
        for task in repo.open_tasks(s, rule.stage):
            proposal = s.get(Proposal, task.proposal_id) if task.proposal_id else None
            document = s.get(Document, task.document_id)
            if is_low_risk(proposal, rule.min_confidence) and not document.sealed and may_read(s, actor, document):
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
             batch: bool = False) -> Outcome:
        reason = (reason or "").strip() or None
        justification = (justification or "").strip() or None
        with self.store.session() as s:
            task = s.get(ReviewTask, task_id, populate_existing=True)
            if task is None:
                raise ReviewNotFound(f"任务 {task_id} 不存在 / task {task_id} not found")
            document = s.get(Document, task.document_id)
            self._authorise(s, actor, task, document)
            if task.status != "open" or task.version != version:
                raise ReviewConflict(self._conflict_message(s, task))
            before_d, before_s = current_labels(s, document.id)
            if action == "change":
                self._check_change(before_d, before_s, disclosure, secrecy, reason, justification)
            elif action == "confirm":
                disclosure, secrecy = before_d, before_s
            else:
                if not reason:
                    raise ReviewError("退回必须填写理由 / a return needs a reason")
                disclosure, secrecy = before_d, before_s
            if not repo.transition_task(s, task.id, version, status="returned" if action == "return" else "done",
                                        assignee=actor.name):
                raise ReviewConflict(self._conflict_message(s, task))
            decision = repo.add_decision(s, task, actor=actor.name, role=actor.role, action=action,
                                         disclosure=disclosure, secrecy=secrecy, reason=reason,
                                         justification=justification)
            if action == "return":
                history = list(s.scalars(select(ReviewTask.stage).where(  # approved stages, oldest first
                    ReviewTask.document_id == document.id, ReviewTask.status == "done").order_by(ReviewTask.id)))
                target = paths.previous_stage(self.routing, task.stage, history)
            else:
                passed = {t.stage for t in s.scalars(select(ReviewTask).where(
                    ReviewTask.document_id == document.id, ReviewTask.status == "done"))} | {task.stage}
                target = paths.next_stage(self.routing, task.stage, disclosure=disclosure, secrecy=secrecy,
                                          sealed=document.sealed, passed=passed)
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
                       **({"justification": justification} if justification else {})},
                reason=reason)
            outcome = Outcome(task.id, document.id, action, task.stage, target,
                              next_task.id if next_task else None, disclosure, secrecy)
        if target == "发布" and disclosure == "主动公开" and action != "return":
            outcome.published = self._publish(document.id, actor)
        return outcome

    def _authorise(self, s: Session, actor: Actor, task: ReviewTask, document: Document) -> None:
        if actor.role != task.role:
            raise ReviewForbidden(f"此任务属于「{task.stage}」环节，您的角色无权处理 / "
                                  f"this task belongs to stage {task.stage}; your role {actor.role} may not act on it")
        if not may_read(s, actor, document):
            raise ReviewForbidden("您的涉密等级不足以审阅此文件 / your clearance does not cover this document")

    @staticmethod
    def _conflict_message(s: Session, task: ReviewTask) -> str:
        last = s.scalar(select(Decision).where(Decision.task_id == task.id).order_by(Decision.id.desc()).limit(1))
        who = f"{last.actor}（{last.action}）" if last else "他人"
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
