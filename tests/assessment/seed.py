"""A store with a hand-made month of review decisions and request replies (November 2026, Asia/Shanghai),
whose figures the tests count by hand. Times are given in UTC, as the store keeps them."""
from __future__ import annotations

from datetime import date, datetime, timezone

from gongkai.store import repository as repo
from gongkai.store.db import Store
from gongkai.store.models import Document, InfoRequest, Proposal, ReviewTask
from tests.review.seed import add_document

START, END = date(2026, 11, 1), date(2026, 11, 30)


def utc(year: int, month: int, day: int, hour: int = 2, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=timezone.utc)


def decide(store: Store, task_id: int, actor: str, role: str, action: str, at: datetime, *,
           labels: tuple[str, str] | None = None) -> None:
    """A decision on a task at a given moment (`labels` for a change; else the proposal's labels)."""
    with store.session() as s:
        task = s.get(ReviewTask, task_id)
        proposal = s.get(Proposal, task.proposal_id)
        disclosure, secrecy = labels or (proposal.disclosure, proposal.secrecy)
        decision = repo.add_decision(s, task, actor=actor, role=role, action=action, disclosure=disclosure,
                                     secrecy=secrecy, reason="测试")
        decision.created_at = at
        if action != "undo":
            task.status = "returned" if action == "return" else "done"


def next_task(store: Store, task_id: int, stage: str, role: str) -> int:
    """The task after `task_id` on the same document, carrying its proposal and due date (as the service does)."""
    with store.session() as s:
        task = s.get(ReviewTask, task_id)
        document = s.get(Document, task.document_id)
        proposal = s.get(Proposal, task.proposal_id)
        return repo.open_task(s, document, proposal, stage, role, due_date=task.due_date).id


def seed_month(store: Store) -> None:
    """Review decisions of November 2026; the counts are worked out in tests/assessment/test_figures.py."""
    # A: office confirms on time, the leader confirms two days late
    _a, t1 = add_document(store, title="文件甲", due=date(2026, 11, 10))
    decide(store, t1, "bangong", "office", "confirm", utc(2026, 11, 5))
    t2 = next_task(store, t1, "分管领导", "leader_in_charge")
    decide(store, t2, "fenguan", "leader_in_charge", "confirm", utc(2026, 11, 12))
    # B: office changes the proposal at 23:30 Beijing time on its due day; the leader confirms late
    _b, t3 = add_document(store, title="文件乙", due=date(2026, 11, 20))
    decide(store, t3, "bangong", "office", "change", utc(2026, 11, 20, 15, 30), labels=("依申请公开", "非密"))
    t4 = next_task(store, t3, "分管领导", "leader_in_charge")
    decide(store, t4, "fenguan", "leader_in_charge", "confirm", utc(2026, 11, 21), labels=("依申请公开", "非密"))
    # C: a second office reviewer returns it, a day after its due date
    _c, t5 = add_document(store, title="文件丙", due=date(2026, 11, 3))
    decide(store, t5, "bangong2", "office", "return", utc(2026, 11, 4))
    # D: no due date (a year the calendar did not know)
    _d, t6 = add_document(store, title="文件丁", due=None)
    decide(store, t6, "bangong", "office", "confirm", utc(2026, 11, 6))
    # E: a change taken back at once, then a confirmation
    _e, t7 = add_document(store, title="文件戊", due=date(2026, 11, 30))
    decide(store, t7, "bangong", "office", "change", utc(2026, 11, 7), labels=("不予公开", "内部"))
    decide(store, t7, "bangong", "office", "undo", utc(2026, 11, 7, 3))
    decide(store, t7, "bangong", "office", "confirm", utc(2026, 11, 8))
    # F: 00:30 on 1 November in Beijing is still 31 October in UTC: inside the period
    _f, t8 = add_document(store, title="文件己", due=date(2026, 11, 30))
    decide(store, t8, "bangong", "office", "confirm", utc(2026, 10, 31, 16, 30))
    # G: 00:30 on 1 December in Beijing: outside
    _g, t9 = add_document(store, title="文件庚", due=date(2026, 12, 31))
    decide(store, t9, "bangong", "office", "confirm", utc(2026, 11, 30, 16, 30))
    # H: confirmed in the period, taken back after it ended: does not count
    _h, t10 = add_document(store, title="文件辛", due=date(2026, 11, 30))
    decide(store, t10, "bangong2", "office", "confirm", utc(2026, 11, 29))
    decide(store, t10, "bangong2", "office", "undo", utc(2026, 12, 2))
    # I: before the period
    _i, t11 = add_document(store, title="文件壬", due=date(2026, 10, 30))
    decide(store, t11, "fenguan", "leader_in_charge", "confirm", utc(2026, 10, 20))


def add_request(store: Store, seq: int, *, assignee: str | None, status: str, due: date | None,
                closed: date | None, result: str | None = "disclose") -> None:
    with store.session() as s:
        s.add(InfoRequest(number=f"2026-{seq:04d}", year=2026, seq=seq, applicant_type="自然人",
                          applicant_name=f"测试申请人{seq}", channel="当面", content="申请公开某项预算",
                          submitted_on=date(2026, 10, 9), received_on=date(2026, 10, 9),
                          counted_from=date(2026, 10, 9), status=status, due_date=due, closed_on=closed,
                          result=result if closed else None, assignee=assignee))


def seed_requests(store: Store) -> None:
    add_request(store, 1, assignee="bangong", status="replied", due=date(2026, 11, 12), closed=date(2026, 11, 10))
    add_request(store, 2, assignee="bangong", status="replied", due=date(2026, 11, 19), closed=date(2026, 11, 20))
    add_request(store, 3, assignee="bangong2", status="replied", due=date(2026, 11, 5), closed=date(2026, 11, 5))
    add_request(store, 4, assignee="bangong", status="closed", due=None, closed=date(2026, 11, 15),
                result="other.no_correction")
    add_request(store, 5, assignee=None, status="replied", due=date(2026, 11, 30), closed=date(2026, 11, 25))
    add_request(store, 6, assignee="bangong2", status="replied", due=date(2026, 12, 5), closed=date(2026, 12, 1))
    add_request(store, 7, assignee="bangong", status="open", due=date(2026, 11, 28), closed=None)
