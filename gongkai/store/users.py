"""Reviewer accounts (issue 6). A separate module so that the store's own models stay untouched;
the table is created by migration 0002_users.

A user's role, clearance and standing decide what they may read and approve, so every change to them
is an audit event (issue 14), whoever makes it: a session hook writes `users.add`, `users.change` or
`users.delete` with the account's state in the same transaction, and `audit verify` compares the table
with the chain. The actor is `session.info["actor"]` when the caller set it."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, Integer, String, event, inspect
from sqlalchemy.orm import Mapped, Session, mapped_column

from gongkai.store.models import Base, utcnow

AUDITED = ("name", "role", "clearance", "active", "department")  # the password hash is not state anyone decides on


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(128), unique=True)
    password_hash: Mapped[str] = mapped_column(String(256))
    role: Mapped[str] = mapped_column(String(32))
    clearance: Mapped[str] = mapped_column(String(8))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # The 科室 the user works in (need-to-know: a 科室's documents are theirs). Migration 0006 adds it.
    department: Mapped[str | None] = mapped_column(String(64), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


def user_state(user: User) -> dict:
    return {"name": user.name, "role": user.role, "clearance": user.clearance,
            "active": True if user.active is None else bool(user.active), "department": user.department}


@event.listens_for(Session, "after_flush")
def _record_user_changes(s: Session, _context) -> None:
    from gongkai.store.repository import append_audit_in_flush

    actor = s.info.get("actor") or "system"
    for user in [u for u in s.new if isinstance(u, User)]:
        append_audit_in_flush(s, actor, "users.add", role=s.info.get("actor_role"), after=user_state(user))
    for user in [u for u in s.dirty if isinstance(u, User)]:
        state = inspect(user)
        changed = {name: state.attrs[name].history for name in AUDITED if state.attrs[name].history.has_changes()}
        if changed:
            before = user_state(user) | {name: (h.deleted[0] if h.deleted else None) for name, h in changed.items()}
            append_audit_in_flush(s, actor, "users.change", role=s.info.get("actor_role"), before=before,
                                  after=user_state(user))
    for user in [u for u in s.deleted if isinstance(u, User)]:
        append_audit_in_flush(s, actor, "users.delete", role=s.info.get("actor_role"), before=user_state(user))
