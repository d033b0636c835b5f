"""The audit trail: append-only, hash-chained (hash = sha256(prev_hash + canonical JSON of the event)),
and keyed: each event carries an HMAC-SHA256 of its hash under a key kept outside the database
(setting `audit_key_file`, gongkai.store.audit_key).

The chain itself lives in gongkai.store.repository (`append_audit`, `event_hash`). Here: `verify` for
`gongkai audit verify`, which checks the chain, then replays it (gongkai.review.integrity) and reports
every row of the state tables that differs; and `anchor`, the head to write down elsewhere.

What this protects, and what it cannot: someone who can write to the database but does not hold the
key can neither change a decision, task or account unseen (the table no longer matches the chain)
nor append or rewrite an event (no valid HMAC); deleting the last events leaves a valid, shorter
chain, which an anchor recorded earlier exposes. Someone holding the key AND the database can write a
whole new, valid history after the anchor: `verify --expect-head` then reports how many events came
after it, and only a person comparing them with what really happened can tell."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from gongkai.review import integrity
from gongkai.store import repository as repo
from gongkai.store.models import AuditEvent


@dataclass
class AuditReport:
    events: int
    head: str
    problems: list[str] = field(default_factory=list)
    beyond_anchor: list[AuditEvent] = field(default_factory=list)  # events after the --expect-head anchor

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def anchor(self) -> str:
        return f"{self.events}:{self.head}"


def record(s: Session, actor: str, action: str, **fields) -> AuditEvent:
    """Append one event in the caller's transaction (so it commits or fails with the change it records)."""
    return repo.append_audit(s, actor, action, **fields)


def parse_anchor(text: str) -> tuple[int | None, str]:
    """`SEQ:HASH` as printed by `gongkai audit anchor`, or a bare HASH (older notes)."""
    seq, _, digest = text.strip().rpartition(":")
    return (int(seq) if seq.isdigit() else None), digest.lower()


def verify(s: Session, expect_head: str | None = None, *, data_dir: Path | str | None = None,
           routing=None, models_dir: Path | str | None = None) -> AuditReport:
    """The chain intact and keyed; every decision, label in force, task and account as the chain says;
    with `data_dir`, every publication file as exported; with `models_dir`, the current model the last one
    the chain made current; with `expect_head`, the anchor still there."""
    problems = repo.verify_audit_chain(s)
    # No check on gaps in the ids: PostgreSQL sequences skip numbers on every rolled-back transaction.
    events = list(s.scalars(select(AuditEvent).order_by(AuditEvent.id)))
    if routing is None:
        from gongkai.policy import load_routing

        routing = load_routing()
    state = integrity.replay(events)
    problems += state.problems + state.unapproved_exports
    problems += integrity.compare(s, state, routing=routing) + integrity.compare_users(s, state)
    if data_dir is not None:
        problems += integrity.compare_publication(state, data_dir)
    if models_dir is not None:
        from gongkai.classify.retrain import pointer_problems

        problems += pointer_problems(events, Path(models_dir), lambda e: repo.authentic(s, e))
    head = events[-1].hash if events else repo.GENESIS
    report = AuditReport(len(events), head, problems)
    if expect_head:
        seq, digest = parse_anchor(expect_head)
        position = next((n for n, e in enumerate(events, 1) if e.hash == digest), None)
        if position is None:
            problems.append(f"the recorded head {digest[:16]}… is no longer in the chain (events deleted or rewritten)")
        else:
            if seq is not None and seq != position:
                problems.append(f"the recorded head was event number {seq}, it is now number {position} "
                                "(events before it deleted or inserted)")
            report.beyond_anchor = events[position:]
    return report
