"""The audit trail: append-only, hash-chained (hash = sha256(prev_hash + canonical JSON of the event)).

The chain itself lives in gongkai.store.repository (`append_audit`, `event_hash`); here: verification
for `gongkai audit verify`. An altered, inserted or deleted event breaks the chain. Deleting the LAST events leaves a shorter chain that is still valid: to catch that, keep the
head hash printed by `gongkai audit verify` (e.g. in the daily log) and pass it as `expect_head` later."""
from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from gongkai.store import repository as repo
from gongkai.store.models import AuditEvent


@dataclass
class AuditReport:
    events: int
    head: str
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def record(s: Session, actor: str, action: str, **fields) -> AuditEvent:
    """Append one event in the caller's transaction (so it commits or fails with the change it records)."""
    return repo.append_audit(s, actor, action, **fields)


def verify(s: Session, expect_head: str | None = None) -> AuditReport:
    problems = repo.verify_audit_chain(s)
    # No check on gaps in the ids: PostgreSQL sequences skip numbers on every rolled-back transaction.
    hashes = list(s.scalars(select(AuditEvent.hash).order_by(AuditEvent.id)))
    if expect_head and expect_head not in hashes:
        problems.append(f"the recorded head {expect_head[:16]}… is no longer in the chain (events deleted or rewritten)")
    return AuditReport(len(hashes), hashes[-1] if hashes else repo.GENESIS, problems)
