"""What a reviewer sees: the queue and one document — the single place where need-to-know and clearance
are applied (gongkai.review.access), so that the web UI and the CLI hand out exactly the same things. A
document the actor may not see is left out of the queue and answers None (the web's 404) everywhere."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from datetime import date, timezone

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from gongkai.extract.layout import LayoutMap, with_breaks
from gongkai.labels import ACTION_NAMES
from gongkai.policy import Routing, load_policy, load_routing
from gongkai.review.access import may_see
from gongkai.review.publish import redact
from gongkai.review.service import current_labels, return_target, risk_facts, risk_of
from gongkai.review.users import Actor, document_level, may_read
from gongkai.store.models import AuditEvent, Decision, Document, IntakeItem, Proposal, ReviewTask

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
    risk_facts: list[str] = field(default_factory=list)  # what makes up `risk`, in words
    returned: dict | None = None  # this task came back by a return: who, from which stage, why
    due_basis: str = ""  # how the due date was counted, in words

    @property
    def confidence_text(self) -> str:
        return f"{self.confidence:.2f}" if self.confidence is not None else "—"

    def as_dict(self) -> dict:
        return asdict(self)


_TITLES: dict[tuple[str, int], str] = {}  # (file hash, text hash) → title: parsed once per process


def _title(document: Document) -> str:
    """The title line of the 公文 parse, else the first line of the text (the extractor's guess often
    names the issuing office, so that two rows of one office read alike), else the metadata's title."""
    if document.text:
        key = (document.sha256, hash(document.text))
        if key not in _TITLES:
            from gongkai.matching.govdoc import parse_govdoc

            field = parse_govdoc(document.text).title
            line = document.text[field.start:field.end] if field else next(
                (ln for ln in with_breaks(document.text, (document.meta or {}).get("line_breaks")).splitlines()
                 if ln.strip()), "")
            declared = "".join(str((document.meta or {}).get("title") or "").split())
            if not field and declared and "".join(line.split()).startswith(declared):
                line = declared  # a web page's heading run into its first paragraph: the page's own title
            if len(_TITLES) > 5000:
                _TITLES.clear()
            _TITLES[key] = "".join(line.split())[:120]
        if _TITLES[key]:
            return _TITLES[key]
    meta = document.meta or {}
    return str(meta.get("title") or document.source_name)


def _latest_proposal(s: Session, document_id: int) -> Proposal | None:
    return s.scalar(select(Proposal).where(Proposal.document_id == document_id).order_by(Proposal.id.desc()).limit(1))


def queue(s: Session, actor: Actor | None, *, today: date | None = None, routing: Routing | None = None) -> list[QueueRow]:
    """Open tasks of the actor's role that the actor may see (need-to-know and clearance; the administrator:
    every open task up to their clearance; without an actor — the CLI's overview — all, without titles),
    sorted by risk (highest first), then uncertainty (least confident first), then due date.
    With `queue.uncertain_first` in routing.yaml, the queue of that stage's role (the office) is sorted by
    uncertainty first, then risk, then due date (active learning)."""
    from gongkai.review.service import is_low_risk

    today = today or date.today()
    routing = routing or load_routing()
    low_confidence = load_policy().low_confidence
    batch = routing.batch_confirm
    query = select(ReviewTask).where(ReviewTask.status == "open")
    if actor is not None and actor.role != "admin":
        query = query.where(ReviewTask.role == actor.role)
    rows = []
    for task in s.scalars(query):
        document = s.get(Document, task.document_id)
        if actor is not None and not may_see(s, actor, document, routing):
            continue
        proposal = s.get(Proposal, task.proposal_id) if task.proposal_id else _latest_proposal(s, document.id)
        readable = actor is not None
        disclosure, secrecy = current_labels(s, document.id)
        due = task.due_date or _computed_due(document)
        rows.append(QueueRow(
            task.id, task.version, document.id, task.stage, due,
            bool(due and due < today), risk_of(proposal),
            proposal.confidence if proposal else None, disclosure, secrecy,
            _title(document) if readable else HIDDEN_TITLE, readable, document.sealed,
            low_risk=bool(batch and task.stage == batch.stage and is_low_risk(proposal, batch.min_confidence)),
            risk_facts=risk_facts(proposal, low_confidence), returned=returned_by(s, task),
            due_basis=due_basis(document, routing)))
    order = routing.queue
    if order.uncertain_first and actor is not None and actor.role == routing.role_of(order.stage):
        rows.sort(key=lambda r: (_uncertainty_key(r), -r.risk, r.due_date or date.max, r.task_id))
    else:
        rows.sort(key=lambda r: (-r.risk, _uncertainty_key(r), r.due_date or date.max, r.task_id))
    return rows


def due_basis(document: Document, routing: Routing) -> str:
    """Where a due date comes from: Art. 26 counts working days from the day the document came in."""
    if document.created_at is None:
        return ""
    from zoneinfo import ZoneInfo

    moment = document.created_at if document.created_at.tzinfo else document.created_at.replace(tzinfo=timezone.utc)
    day = moment.astimezone(ZoneInfo("Asia/Shanghai")).date()
    return f"自 {day.isoformat()} 收文起 {routing.due_working_days} 个工作日（第二十六条）"


def returned_by(s: Session, task: ReviewTask) -> dict | None:
    """If this open task was opened by a return, that return: who, from which stage, when and why (shown
    at the top of the document and marked in the queue). The reason is reviewer-written: callers show it
    only to those who may see the document."""
    last = s.scalar(select(Decision).where(Decision.document_id == task.document_id, Decision.task_id != task.id)
                    .order_by(Decision.id.desc()).limit(1))
    if last is None or last.action != "return":  # the decision that opened an open task is the latest one
        return None
    stage = s.scalar(select(ReviewTask.stage).where(ReviewTask.id == last.task_id))
    return {"actor": last.actor, "role": last.role, "stage": stage, "reason": last.reason, "at": last.created_at}


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
    return_to: str | None = None  # where "return" would send the open task; None: nowhere (no return)
    returned: dict | None = None  # the open task came back by a return: who, from where, why
    risk_facts: list[str] = field(default_factory=list)
    sealed_info: dict | None = None  # a sealed document: its mark, 份号, period and where the original lies

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
                  with_spans: bool = False, routing: Routing | None = None) -> DocumentView | None:
    """None when the task or document does not exist or the actor may not see it (need-to-know, clearance,
    sealed): the caller cannot tell these apart, and nothing of the document — text, rule ids, counts,
    labels, what reviewers wrote — is handed out."""
    routing = routing or load_routing()
    task = s.get(ReviewTask, task_id) if task_id is not None else None
    if task_id is not None and task is None:
        return None
    document = s.get(Document, task.document_id if task else document_id)
    if not may_see(s, actor, document, routing):
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
         "due_date": task.due_date, "due_basis": due_basis(document, routing)} if task else None,
        disclosure, secrecy, _proposal_dict(proposal, readable))
    view.decisions = [{"actor": d.actor, "role": d.role, "action": d.action, "disclosure": d.disclosure,
                       "secrecy": d.secrecy, "reason": d.reason, "justification": d.justification,
                       "at": d.created_at} for d in s.scalars(select(Decision).where(
                           Decision.document_id == document.id).order_by(Decision.id))]
    if readable and document.text is not None:
        # shown with the reader's line breaks (a headline on its own line); offsets moved to match
        breaks = (document.meta or {}).get("line_breaks")
        view.text = with_breaks(document.text, breaks)
        view.pii = list(proposal.findings or []) if proposal else []
        view.redacted = with_breaks(redact(document.text, view.pii), breaks)
        if with_spans:
            try:
                layout = LayoutMap(document.text, breaks)
                view.spans = [replace(sp, start=layout.start(sp.start), end=layout.end(sp.end))
                              for sp in _spans(document.text)]
            except Exception:  # highlighting is a help, never a reason to refuse the page
                view.spans = []
    view.near_duplicates = _near_duplicates(s, actor, document, routing)
    if task is not None and task.status == "open":
        view.return_to = return_target(s, routing, task, document)
        view.returned = returned_by(s, task)
    view.risk_facts = risk_facts(proposal, load_policy().low_confidence)
    if document.sealed:
        view.sealed_info = sealed_info(s, document)
    return view


def sealed_info(s: Session, document: Document) -> dict:
    """What the secrecy officer needs to find the original of a sealed document: its mark, 份号 and period
    as read at intake, and its place in the sealed area (relative to the data folder)."""
    mark = document.secrecy_mark or {}
    location = s.scalar(select(IntakeItem.location).where(IntakeItem.document_id == document.id,
                                                          IntakeItem.outcome == "sealed").order_by(IntakeItem.id))
    return {"level": mark.get("level"), "mark": mark.get("mark"), "period": mark.get("period"),
            "copy_no": mark.get("copy_no"), "location": location}


def _near_duplicates(s: Session, actor: Actor, document: Document, routing: Routing) -> list[dict]:
    """Earlier decisions on near-duplicates (either direction of `duplicate_of`), with their outcome."""
    clauses = [Document.duplicate_of == document.sha256]
    if document.duplicate_of:
        clauses.append(Document.sha256 == document.duplicate_of)
    result = []
    for other in s.scalars(select(Document).where(or_(*clauses), Document.id != document.id).order_by(Document.id)):
        if not may_see(s, actor, other, routing):
            continue
        last = s.scalar(select(Decision).where(Decision.document_id == other.id).order_by(Decision.id.desc()).limit(1))
        action = ACTION_NAMES.get(last.action, last.action) if last else ""
        result.append({"document_id": other.id, "title": _title(other),
                       "outcome": f"{last.disclosure}/{last.secrecy}（{last.actor}，{action}）" if last else "尚未决定"})
    return result


def history(s: Session, actor: Actor, document_id: int, routing: Routing | None = None) -> list[AuditEvent] | None:
    """Audit events of one document; None if the actor may not see the document. Events hold labels,
    stages, names and the reasons reviewers wrote (which may quote the text), hence the same test."""
    document = s.get(Document, document_id)
    if not may_see(s, actor, document, routing or load_routing()):
        return None
    return list(s.scalars(select(AuditEvent).where(AuditEvent.document_id == document_id).order_by(AuditEvent.id)))


def batch_report(s: Session, actor: Actor, done: list, refused: list[tuple[int, str]], *,
                 routing: Routing | None = None) -> dict:
    """What a batch-confirm did, for the page that follows it: each confirmed task with its document's
    title, labels and next stage; each refused task with the reason. Titles only of documents the actor
    may see (those they just confirmed are)."""
    routing = routing or load_routing()
    confirmed = []
    for outcome in done:
        document = s.get(Document, outcome.document_id)
        visible = may_see(s, actor, document, routing)
        confirmed.append({"task_id": outcome.task_id, "document_id": outcome.document_id,
                          "title": _title(document) if visible else HIDDEN_TITLE,
                          "labels": f"{outcome.disclosure} / {outcome.secrecy}", "next_stage": outcome.next_stage})
    return {"confirmed": confirmed, "refused": [{"task_id": t, "why": why} for t, why in refused]}
