"""Every query of the project lives here. Functions take an open Session, so that a caller can put
several writes into one transaction (`with store.session() as s: ...`)."""
from __future__ import annotations

import hashlib
import json
from collections import Counter
from datetime import datetime, timezone

from sqlalchemy import func, select, text, update
from sqlalchemy.orm import Session

from gongkai.store.audit_key import mac, mac_ok
from gongkai.store.models import AuditEvent, Decision, Document, IntakeItem, Proposal, ReviewTask, utcnow

GENESIS = "0" * 64
_PG_AUDIT_LOCK = 0x617564  # serialises appends to the hash chain on PostgreSQL


# --- intake journal -------------------------------------------------------------------------------

def find_item(s: Session, sha256: str, source_name: str) -> IntakeItem | None:
    return s.scalar(select(IntakeItem).where(IntakeItem.sha256 == sha256, IntakeItem.source_name == source_name))


def claim_item(s: Session, sha256: str, source_name: str, run_id: str | None) -> IntakeItem:
    """Record that this inbox file is being worked on (or again, after a crash)."""
    item = find_item(s, sha256, source_name)
    if item is None:
        item = IntakeItem(sha256=sha256, source_name=source_name, state="claimed", run_id=run_id, attempts=1)
        s.add(item)
    else:
        item.attempts += 1
        item.run_id, item.state, item.outcome, item.finished_at = run_id, "claimed", None, None
    s.flush()
    return item


def finish_item(s: Session, item: IntakeItem, outcome: str, *, document_id: int | None = None,
                error: dict | None = None, location: str | None = None) -> None:
    item.state, item.outcome, item.document_id = "done", outcome, document_id
    item.error, item.location, item.finished_at = error, location, utcnow()


def unfinished_items(s: Session) -> list[IntakeItem]:
    return list(s.scalars(select(IntakeItem).where(IntakeItem.state != "done").order_by(IntakeItem.id)))


def items_of_run(s: Session, run_id: str) -> list[IntakeItem]:
    return list(s.scalars(select(IntakeItem).where(IntakeItem.run_id == run_id).order_by(IntakeItem.id)))


def count_finished(s: Session, run_id: str) -> int:
    return s.scalar(select(func.count()).select_from(IntakeItem)
                    .where(IntakeItem.run_id == run_id, IntakeItem.state == "done")) or 0


def all_items(s: Session) -> list[IntakeItem]:
    return list(s.scalars(select(IntakeItem).order_by(IntakeItem.id)))


# --- documents, proposals, tasks ------------------------------------------------------------------

def document_by_sha(s: Session, sha256: str) -> Document | None:
    return s.scalar(select(Document).where(Document.sha256 == sha256))


def document_by_id(s: Session, document_id: int | None) -> Document | None:
    return s.get(Document, document_id) if document_id is not None else None


def document_by_text_sha(s: Session, text_sha256: str) -> Document | None:
    return s.scalar(select(Document).where(Document.text_sha256 == text_sha256).order_by(Document.id).limit(1))


def add_document(s: Session, **fields) -> Document:
    doc = Document(**fields)
    s.add(doc)
    s.flush()
    return doc


def add_proposal(s: Session, document: Document, payload: dict) -> Proposal:
    row = Proposal(document_id=document.id, model_version=payload.get("model_version"),
                   disclosure=payload.get("disclosure"), secrecy=payload.get("secrecy"),
                   confidence=payload.get("confidence"), route=payload.get("route"),
                   reasons=payload.get("reasons") or [], findings=payload.get("pii") or [],
                   flags=payload.get("flags") or [], payload=payload)
    s.add(row)
    s.flush()
    return row


def open_task(s: Session, document: Document, proposal: Proposal | None, stage: str, role: str,
              due_date=None) -> ReviewTask:
    task = ReviewTask(document_id=document.id, proposal_id=proposal.id if proposal else None,
                      stage=stage, role=role, status="open", due_date=due_date)
    s.add(task)
    s.flush()
    return task


def all_documents(s: Session) -> list[Document]:
    return list(s.scalars(select(Document).order_by(Document.id)))


def open_tasks(s: Session, stage: str | None = None) -> list[ReviewTask]:
    query = select(ReviewTask).where(ReviewTask.status == "open")
    if stage:
        query = query.where(ReviewTask.stage == stage)
    return list(s.scalars(query.order_by(ReviewTask.id)))


def proposals_of(s: Session, document_id: int) -> list[Proposal]:
    return list(s.scalars(select(Proposal).where(Proposal.document_id == document_id).order_by(Proposal.id)))


def transition_task(s: Session, task_id: int, expected_version: int, **changes) -> bool:
    """Optimistic locking: change the task only if nobody changed it since `expected_version` was read.
    False means another reviewer acted first (a conflict to show, not an error to hide)."""
    result = s.execute(update(ReviewTask)
                       .where(ReviewTask.id == task_id, ReviewTask.version == expected_version)
                       .values(version=expected_version + 1, updated_at=utcnow(), **changes)
                       .execution_options(synchronize_session=False))
    return result.rowcount == 1


def add_decision(s: Session, task: ReviewTask, *, actor: str, role: str, action: str, disclosure: str | None,
                 secrecy: str | None, reason: str | None = None, justification: str | None = None) -> Decision:
    row = Decision(task_id=task.id, document_id=task.document_id, actor=actor, role=role, action=action,
                   disclosure=disclosure, secrecy=secrecy, reason=reason, justification=justification)
    s.add(row)
    s.flush()
    return row


def counts(s: Session) -> dict[str, int]:
    """Rows per table and intake outcomes: for status pages and tests."""
    result = {name: s.scalar(select(func.count()).select_from(model)) or 0
              for name, model in [("documents", Document), ("proposals", Proposal), ("review_tasks", ReviewTask),
                                  ("decisions", Decision), ("audit_events", AuditEvent), ("intake_items", IntakeItem)]}
    outcomes = Counter(s.scalars(select(IntakeItem.outcome).where(IntakeItem.state == "done")))
    result.update({f"intake_{k}": v for k, v in outcomes.items()})
    return result


# --- audit: append-only, hash-chained, keyed ------------------------------------------------------

def _utc_iso(moment: datetime) -> str:
    if moment.tzinfo is None:  # SQLite returns naive datetimes; we always store UTC
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).isoformat(timespec="microseconds")


def event_hash(prev_hash: str, event: AuditEvent) -> str:
    body = {"document_id": event.document_id, "actor": event.actor, "role": event.role, "action": event.action,
            "before": event.before, "after": event.after, "reason": event.reason,
            "created_at": _utc_iso(event.created_at)}
    canonical = json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256((prev_hash + canonical).encode("utf-8")).hexdigest()


def audit_key(s: Session) -> bytes:
    key = s.info.get("audit_key")
    if key is None:  # a session not made by Store.session(): it could only write unsigned events
        raise RuntimeError("audit events need a session from Store.session() (it carries the audit key)")
    return key


def hold_audit_lock(s: Session) -> None:
    """Wait for every transaction appending to the chain to commit, and keep others from appending until
    this one ends (PostgreSQL; SQLite writers are serialised anyway). A check of tables against the chain
    needs it: under READ COMMITTED a writer committing between two reads would show its decision without
    its event, or the other way round."""
    conn = s.connection()
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_AUDIT_LOCK})


def _next_event(s: Session, actor: str, action: str, **fields) -> AuditEvent:
    """A new, signed event after the current head (not yet added). Call inside the writing transaction."""
    conn = s.connection()
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_AUDIT_LOCK})
    table = AuditEvent.__table__
    prev = conn.execute(select(table.c.hash).order_by(table.c.id.desc()).limit(1)).scalar() or GENESIS
    event = AuditEvent(actor=actor, action=action, created_at=utcnow(), prev_hash=prev, **fields)
    event.hash = event_hash(prev, event)
    event.mac = mac(audit_key(s), event.hash)
    return event


def append_audit(s: Session, actor: str, action: str, *, document_id: int | None = None, role: str | None = None,
                 before: dict | None = None, after: dict | None = None, reason: str | None = None) -> AuditEvent:
    s.flush()  # pending changes first: their own events (e.g. a user's) come before this one
    event = _next_event(s, actor, action, document_id=document_id, role=role, before=before, after=after,
                        reason=reason)
    s.add(event)
    s.flush()
    return event


def append_audit_in_flush(s: Session, actor: str, action: str, **fields) -> None:
    """The same, from inside a flush (a session event hook), where the ORM may not flush again:
    the row is written with a plain INSERT on the session's connection."""
    event = _next_event(s, actor, action, **fields)
    values = {c.name: getattr(event, c.key) for c in AuditEvent.__table__.columns if c.name != "id"}
    s.connection().execute(AuditEvent.__table__.insert().values(**values))


def authentic(s: Session, event: AuditEvent) -> bool:
    """The event's content matches its hash and the hash carries a valid HMAC under this store's key."""
    return event_hash(event.prev_hash, event) == event.hash and mac_ok(s.info.get("audit_key"), event.hash, event.mac)


def verify_audit_chain(s: Session) -> list[str]:
    """Problems found in the chain (empty when intact): an altered, inserted or deleted event breaks the
    hashes; an event appended or rewritten without the key lacks a valid HMAC."""
    problems, prev, key = [], GENESIS, s.info.get("audit_key")
    for event in s.scalars(select(AuditEvent).order_by(AuditEvent.id)):
        if event.prev_hash != prev:
            problems.append(f"event {event.id}: previous hash does not match (an event was deleted or inserted)")
        if event_hash(event.prev_hash, event) != event.hash:
            problems.append(f"event {event.id}: content does not match its hash (altered)")
        elif event.mac is None:
            problems.append(f"event {event.id}: no HMAC (written without the audit key: forged, or by a "
                            "process that bypassed gongkai)")
        elif not mac_ok(key, event.hash, event.mac):
            problems.append(f"event {event.id}: HMAC does not match (forged or rewritten without the audit key, "
                            "or audit_key_file names another key)")
        prev = event.hash
    return problems


def audit_events(s: Session, document_id: int | None = None) -> list[AuditEvent]:
    query = select(AuditEvent).order_by(AuditEvent.id)
    if document_id is not None:
        query = query.where(AuditEvent.document_id == document_id)
    return list(s.scalars(query))
