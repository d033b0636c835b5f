"""What a reviewer sees: the queue and one document — the single place where clearance is applied,
so that the web UI and the CLI hand out exactly the same text (none above the user's clearance)."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from gongkai.policy import Routing
from gongkai.review.publish import redact
from gongkai.review.service import current_labels, risk_of
from gongkai.review.users import Actor, document_level, may_open, may_read
from gongkai.store.models import AuditEvent, Decision, Document, Proposal, ReviewTask

HIDDEN_TITLE = "（超出您的涉密等级，不显示）"


@dataclass
class QueueRow:
    task_id: int
    version: int
    document_id: int
    stage: str
    due_date: date | None
    overdue: bool
    risk: int
    confidence: float | None
    disclosure: str | None
    secrecy: str | None
    title: str
    readable: bool
    sealed: bool
    low_risk: bool = False

    @property
    def confidence_text(self) -> str:
        return f"{self.confidence:.2f}" if self.confidence is not None else "—"

    def as_dict(self) -> dict:
        return asdict(self)


def _title(document: Document) -> str:
    meta = document.meta or {}
    return str(meta.get("title") or document.source_name)


def _latest_proposal(s: Session, document_id: int) -> Proposal | None:
    return s.scalar(select(Proposal).where(Proposal.document_id == document_id).order_by(Proposal.id.desc()).limit(1))


def queue(s: Session, actor: Actor | None, *, today: date | None = None, routing: Routing | None = None) -> list[QueueRow]:
    """Open tasks of the actor's role (all open tasks for the administrator, or without an actor — then
    no titles), sorted by risk (highest first), then uncertainty (least confident first), then due date.
    With `queue.uncertain_first` in routing.yaml, the queue of that stage's role (the office) is sorted by
    uncertainty first, then risk, then due date (active learning)."""
    from gongkai.policy import load_routing
    from gongkai.review.service import is_low_risk

    today = today or date.today()
    routing = routing or load_routing()
    batch = routing.batch_confirm
    query = select(ReviewTask).where(ReviewTask.status == "open")
    if actor is not None and actor.role != "admin":
        query = query.where(ReviewTask.role == actor.role)
    rows = []
    for task in s.scalars(query):
        document = s.get(Document, task.document_id)
        if actor is not None and not may_open(actor, document):
            continue
        proposal = s.get(Proposal, task.proposal_id) if task.proposal_id else _latest_proposal(s, document.id)
        readable = actor is not None and may_read(s, actor, document)
        disclosure, secrecy = current_labels(s, document.id)
        due = task.due_date or _computed_due(document)
        rows.append(QueueRow(
            task.id, task.version, document.id, task.stage, due,
            bool(due and due < today), risk_of(proposal),
            proposal.confidence if proposal else None, disclosure, secrecy,
            _title(document) if readable else HIDDEN_TITLE, readable, document.sealed,
            low_risk=bool(batch and task.stage == batch.stage and is_low_risk(proposal, batch.min_confidence))))
    order = routing.queue
    if order.uncertain_first and actor is not None and actor.role == routing.role_of(order.stage):
        rows.sort(key=lambda r: (_uncertainty_key(r), -r.risk, r.due_date or date.max, r.task_id))
    else:
        rows.sort(key=lambda r: (-r.risk, _uncertainty_key(r), r.due_date or date.max, r.task_id))
    return rows


def _uncertainty_key(row: QueueRow) -> float:
    """Least confident first; a proposal without a confidence counts as the least confident."""
    return row.confidence if row.confidence is not None else -1.0


def _computed_due(document: Document) -> date | None:
    """For a task recorded without a due date (an intake that did not set one, or a year missing from
    the calendar then): the Art. 26 deadline counted from the intake day, if the calendar knows it now."""
    from gongkai.policy import load_routing
    from gongkai.review.routing import due_date

    if document.created_at is None:
        return None
    return due_date(load_routing(), document.created_at.date())[0]


@dataclass
class Span:
    """A highlighted piece of evidence (the Finding-like shape gongkai.matching.render expects)."""

    rule_id: str
    category: str
    article: str
    score: float
    start: int
    end: int


@dataclass
class DocumentView:
    document_id: int
    source_name: str
    sealed: bool
    level: str
    readable: bool
    title: str
    task: dict | None
    disclosure: str | None
    secrecy: str | None
    proposal: dict | None
    text: str | None = None
    redacted: str | None = None
    pii: list[dict] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    decisions: list[dict] = field(default_factory=list)
    near_duplicates: list[dict] = field(default_factory=list)

    def as_dict(self) -> dict:
        return asdict(self)


def _spans(text: str) -> list[Span]:
    """Evidence spans with rule, article and score: the rules are run again on the stored text (cheap
    once loaded), so that the tooltip shows the current rule's article and score."""
    from gongkai.matching.engine import get_matcher

    return [Span(f.rule_id, f.category, f.article, f.score, f.start, f.end) for f in get_matcher().run(text).findings]


def _proposal_dict(proposal: Proposal | None, readable: bool) -> dict | None:
    if proposal is None:
        return None
    reasons = []
    for r in proposal.reasons or []:
        r = dict(r)
        if not readable:  # evidence quotes the text
            r["evidence"] = [{"rule": e.get("rule")} for e in r.get("evidence", [])]
            r["note"], r["features"] = "", []
        reasons.append(r)
    return {"disclosure": proposal.disclosure, "secrecy": proposal.secrecy, "confidence": proposal.confidence,
            "model_version": proposal.model_version, "reasons": reasons,
            "flags": list(proposal.flags or []) if readable else [f"{len(proposal.flags or [])} 条标记"],
            "marks": (proposal.payload or {}).get("marks") if readable else None}


def document_view(s: Session, actor: Actor, *, task_id: int | None = None, document_id: int | None = None,
                  with_spans: bool = False) -> DocumentView | None:
    """None when the task or document does not exist or the actor may not know it exists (sealed)."""
    task = s.get(ReviewTask, task_id) if task_id is not None else None
    if task_id is not None and task is None:
        return None
    document = s.get(Document, task.document_id if task else document_id)
    if document is None or not may_open(actor, document):
        return None
    if task is None:
        task = s.scalar(select(ReviewTask).where(ReviewTask.document_id == document.id, ReviewTask.status == "open")
                        .order_by(ReviewTask.id.desc()).limit(1))
    readable = may_read(s, actor, document)
    proposal = _latest_proposal(s, document.id)
    disclosure, secrecy = current_labels(s, document.id)
    view = DocumentView(
        document.id, document.source_name if readable else f"文件 #{document.id}", document.sealed,
        document_level(s, document), readable, _title(document) if readable else HIDDEN_TITLE,
        {"id": task.id, "version": task.version, "stage": task.stage, "role": task.role, "status": task.status,
         "due_date": task.due_date} if task else None,
        disclosure, secrecy, _proposal_dict(proposal, readable))
    view.decisions = [{"actor": d.actor, "role": d.role, "action": d.action, "disclosure": d.disclosure,
                       "secrecy": d.secrecy, "reason": d.reason, "justification": d.justification,
                       "at": d.created_at} for d in s.scalars(select(Decision).where(
                           Decision.document_id == document.id).order_by(Decision.id))]
    if readable and document.text is not None:
        view.text = document.text
        view.pii = list(proposal.findings or []) if proposal else []
        view.redacted = redact(document.text, view.pii)
        if with_spans:
            try:
                view.spans = _spans(document.text)
            except Exception:  # highlighting is a help, never a reason to refuse the page
                view.spans = []
    view.near_duplicates = _near_duplicates(s, actor, document)
    return view


def _near_duplicates(s: Session, actor: Actor, document: Document) -> list[dict]:
    """Earlier decisions on near-duplicates (either direction of `duplicate_of`), with their outcome."""
    clauses = [Document.duplicate_of == document.sha256]
    if document.duplicate_of:
        clauses.append(Document.sha256 == document.duplicate_of)
    result = []
    for other in s.scalars(select(Document).where(or_(*clauses), Document.id != document.id).order_by(Document.id)):
        if not may_open(actor, other):
            continue
        last = s.scalar(select(Decision).where(Decision.document_id == other.id).order_by(Decision.id.desc()).limit(1))
        result.append({"document_id": other.id, "title": _title(other) if may_read(s, actor, other) else HIDDEN_TITLE,
                       "outcome": f"{last.disclosure}/{last.secrecy}（{last.actor}，{last.action}）" if last else "尚未决定",
                       })
    return result


def history(s: Session, actor: Actor, document_id: int) -> list[AuditEvent] | None:
    """Audit events of one document; None if the actor may not know the document exists. Events hold
    labels, stages, names and reasons — never document text."""
    document = s.get(Document, document_id)
    if document is None or not may_open(actor, document):
        return None
    return list(s.scalars(select(AuditEvent).where(AuditEvent.document_id == document_id).order_by(AuditEvent.id)))
