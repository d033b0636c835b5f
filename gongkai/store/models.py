"""Tables of the store (SQLAlchemy 2, declarative). Schema changes go through Alembic migrations in
`migrations/versions/`; the initial migration creates exactly these tables."""
from __future__ import annotations

from datetime import date, datetime, timezone

from sqlalchemy import (JSON, Boolean, Date, DateTime, Float, ForeignKey, Index, Integer, String, Text,
                        UniqueConstraint)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class Base(DeclarativeBase):
    pass


class Document(Base):
    """One distinct file content. `text` is NULL for sealed documents: their text never enters the store."""

    __tablename__ = "documents"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    source_name: Mapped[str] = mapped_column(String(1024))  # path relative to the inbox it came from
    format: Mapped[str | None] = mapped_column(String(16))
    pages: Mapped[int] = mapped_column(Integer, default=0)
    size: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str | None] = mapped_column(Text)
    text_sha256: Mapped[str | None] = mapped_column(String(64), index=True)
    meta: Mapped[dict] = mapped_column(JSON, default=dict)
    warnings: Mapped[list] = mapped_column(JSON, default=list)
    sealed: Mapped[bool] = mapped_column(Boolean, default=False)
    # For sealed documents: {"level", "period", "mark", "copy_no"}; for others the marks found, if any.
    secrecy_mark: Mapped[dict | None] = mapped_column(JSON)
    archive_path: Mapped[str | None] = mapped_column(String(256))  # relative to data_dir
    duplicate_of: Mapped[str | None] = mapped_column(String(64))  # sha256 of an earlier near-duplicate
    run_id: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    proposals: Mapped[list[Proposal]] = relationship(back_populates="document", order_by="Proposal.id")
    tasks: Mapped[list[ReviewTask]] = relationship(back_populates="document", order_by="ReviewTask.id")


class Proposal(Base):
    """What the system proposed; `payload` is Proposal.as_dict() (evidence text removed when sealed)."""

    __tablename__ = "proposals"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), index=True)
    model_version: Mapped[str | None] = mapped_column(String(64))
    disclosure: Mapped[str | None] = mapped_column(String(16))
    secrecy: Mapped[str | None] = mapped_column(String(8))
    confidence: Mapped[float | None] = mapped_column(Float)
    route: Mapped[str | None] = mapped_column(String(32))
    reasons: Mapped[list] = mapped_column(JSON, default=list)
    findings: Mapped[list] = mapped_column(JSON, default=list)  # personal data found (masked)
    flags: Mapped[list] = mapped_column(JSON, default=list)
    payload: Mapped[dict] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    document: Mapped[Document] = relationship(back_populates="proposals")


class ReviewTask(Base):
    """A document waiting at one stage of the approval chain. `version` is for optimistic locking."""

    __tablename__ = "review_tasks"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), index=True)
    proposal_id: Mapped[int | None] = mapped_column(ForeignKey("proposals.id"))
    stage: Mapped[str] = mapped_column(String(32), index=True)
    role: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(16), default="open", index=True)  # open | done | returned
    due_date: Mapped[date | None] = mapped_column(Date)
    assignee: Mapped[str | None] = mapped_column(String(128))
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    document: Mapped[Document] = relationship(back_populates="tasks")
    __mapper_args__ = {"version_id_col": version}


class Decision(Base):
    """A person's decision on a task: the labels they set and why."""

    __tablename__ = "decisions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("review_tasks.id"), index=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), index=True)
    actor: Mapped[str] = mapped_column(String(128))
    role: Mapped[str] = mapped_column(String(32))
    action: Mapped[str] = mapped_column(String(16))  # confirm | change | return
    disclosure: Mapped[str | None] = mapped_column(String(16))
    secrecy: Mapped[str | None] = mapped_column(String(8))
    reason: Mapped[str | None] = mapped_column(Text)
    justification: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class AuditEvent(Base):
    """Append-only, hash-chained: `hash` = sha256(prev_hash + canonical JSON of the event), keyed by `mac`."""

    __tablename__ = "audit_events"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id"), index=True)
    actor: Mapped[str] = mapped_column(String(128))
    role: Mapped[str | None] = mapped_column(String(32))
    action: Mapped[str] = mapped_column(String(64))
    before: Mapped[dict | None] = mapped_column(JSON)
    after: Mapped[dict | None] = mapped_column(JSON)
    reason: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)
    # HMAC-SHA256 of `hash` under the key file (gongkai.store.audit_key): without the key nobody can
    # append or rewrite an event that verifies. Migration 0003 adds it.
    mac: Mapped[str | None] = mapped_column(String(64))


class IntakeItem(Base):
    """The intake journal: one row per inbox file (content hash + name), written before anything is
    moved, so that a re-run after a crash knows what was under way. state: claimed | done."""

    __tablename__ = "intake_items"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64))
    source_name: Mapped[str] = mapped_column(String(1024))
    state: Mapped[str] = mapped_column(String(16), default="claimed")
    outcome: Mapped[str | None] = mapped_column(String(16))  # processed | sealed | quarantined | duplicate
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id"))
    error: Mapped[dict | None] = mapped_column(JSON)
    location: Mapped[str | None] = mapped_column(String(1024))  # archive / quarantine / sealed path
    run_id: Mapped[str | None] = mapped_column(String(64), index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    claimed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    __table_args__ = (UniqueConstraint("sha256", "source_name", name="uq_intake_item"),
                      Index("ix_intake_items_state", "state"))


# --- 依申请公开 requests (issue 12; gongkai.info_requests) ------------------------------------------

class InfoRequest(Base):
    """One request for government information. `number` is 申请编号 (2026-0007: year and a sequence that
    restarts each year). `received_on` is the day it counts as received (第三十一条) and is what the
    annual report counts; `counted_from` is the day the reply period runs from (the receipt, or the receipt
    of the corrected request, 第三十条). `due_date` is always recomputed from counted_from, the extension and
    the paused (third-party consultation) working days, never edited alone. `version` is for optimistic
    locking."""

    __tablename__ = "info_requests"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[str] = mapped_column(String(16), unique=True)
    year: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)
    applicant_type: Mapped[str] = mapped_column(String(16))
    applicant_name: Mapped[str] = mapped_column(String(256))
    applicant_contact: Mapped[str | None] = mapped_column(String(256))
    channel: Mapped[str] = mapped_column(String(8))
    content: Mapped[str] = mapped_column(Text)
    submitted_on: Mapped[date] = mapped_column(Date)
    received_on: Mapped[date | None] = mapped_column(Date, index=True)
    counted_from: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16), index=True)
    due_date: Mapped[date | None] = mapped_column(Date)
    extended: Mapped[bool] = mapped_column(Boolean, default=False)
    extension_days: Mapped[int] = mapped_column(Integer, default=0)
    extension_approver: Mapped[str | None] = mapped_column(String(128))
    paused_days: Mapped[int] = mapped_column(Integer, default=0)  # working days of third-party consultation
    correction_asked_on: Mapped[date | None] = mapped_column(Date)
    correct_by: Mapped[date | None] = mapped_column(Date)
    consult_started_on: Mapped[date | None] = mapped_column(Date)
    proposal: Mapped[dict | None] = mapped_column(JSON)  # gongkai.info_requests.reply.ReplyProposal.as_dict()
    draft: Mapped[str | None] = mapped_column(Text)  # the 答复书 draft (never any text of a secret document)
    approval_stage: Mapped[str | None] = mapped_column(String(32))  # next stage to approve; "done" when signed
    result: Mapped[str | None] = mapped_column(String(48))  # a key of vocab.REPLY_RESULTS once closed
    closed_on: Mapped[date | None] = mapped_column(Date)
    assignee: Mapped[str | None] = mapped_column(String(128))
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    events: Mapped[list[InfoRequestEvent]] = relationship(back_populates="request", order_by="InfoRequestEvent.id")
    links: Mapped[list[InfoRequestDocument]] = relationship(back_populates="request",
                                                            order_by="InfoRequestDocument.id")
    cases: Mapped[list[InfoReviewCase]] = relationship(back_populates="request", order_by="InfoReviewCase.id")
    __table_args__ = (UniqueConstraint("year", "seq", name="uq_info_request_seq"),)
    __mapper_args__ = {"version_id_col": version}


class InfoRequestEvent(Base):
    """The request's own history (what the desk shows); the audit chain holds the same facts, keyed."""

    __tablename__ = "info_request_events"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("info_requests.id"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    on: Mapped[date] = mapped_column(Date)  # the day it happened (as the office records it)
    actor: Mapped[str] = mapped_column(String(128))
    details: Mapped[dict] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    request: Mapped[InfoRequest] = relationship(back_populates="events")


class InfoRequestDocument(Base):
    """A document that answers (part of) the request."""

    __tablename__ = "info_request_documents"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("info_requests.id"), index=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), index=True)
    linked_by: Mapped[str] = mapped_column(String(128))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    request: Mapped[InfoRequest] = relationship(back_populates="links")
    __table_args__ = (UniqueConstraint("request_id", "document_id", name="uq_info_request_document"),)


class InfoReviewCase(Base):
    """A 行政复议 or 行政诉讼 about a request (kinds and results: gongkai.info_requests.vocab)."""

    __tablename__ = "info_review_cases"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("info_requests.id"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    filed_on: Mapped[date] = mapped_column(Date)
    result: Mapped[str | None] = mapped_column(String(16))
    concluded_on: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    request: Mapped[InfoRequest] = relationship(back_populates="cases")
