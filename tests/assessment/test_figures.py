"""内部考核 figures against a month counted by hand (tests/assessment/seed.py says what each document went
through). On SQLite and on PostgreSQL: the period's bounds are compared in SQL."""
from __future__ import annotations

from datetime import date

import pytest

from gongkai.assessment import UNASSIGNED, assess, share
from gongkai.errors import GongkaiError
from tests.assessment.seed import END, START, seed_month, seed_requests


def _row(rows, name):
    return next(r for r in rows if r.name == name)


def test_sections_counted_by_hand(store):
    seed_month(store)
    with store.session() as s:
        result = assess(s, START, END)
    assert [r.name for r in result.sections] == ["办公室", "分管领导"]  # chain order; nothing else acted
    office = _row(result.sections, "办公室")
    # 甲 乙 丙 丁 戊 己: 庚 is on 1 December in Beijing, 辛 was taken back, the change on 戊 too
    assert (office.decisions, office.documents) == (6, 6)
    assert (office.with_due, office.without_due, office.on_time) == (5, 1, 4)  # 丙 returned a day late
    assert (office.judgements, office.changed) == (5, 1)  # only 乙 was changed
    assert office.returned == 1
    assert office.on_time_share == pytest.approx(0.8)
    assert office.changed_share == pytest.approx(0.2)
    assert office.returned_share == pytest.approx(1 / 6)
    leader = _row(result.sections, "分管领导")
    assert (leader.decisions, leader.documents, leader.with_due, leader.on_time) == (2, 2, 2, 0)
    # confirming what the office changed is not changing the system's proposal
    assert (leader.judgements, leader.changed, leader.returned) == (2, 0, 0)
    assert leader.on_time_share == 0 and leader.changed_share == 0


def test_reviewers_counted_by_hand(store):
    seed_month(store)
    with store.session() as s:
        result = assess(s, START, END)
    assert [(r.name, r.role) for r in result.reviewers] == [
        ("bangong", "office"), ("bangong2", "office"), ("fenguan", "leader_in_charge")]
    bangong = _row(result.reviewers, "bangong")
    assert (bangong.decisions, bangong.documents, bangong.with_due, bangong.on_time) == (5, 5, 4, 4)
    assert (bangong.judgements, bangong.changed, bangong.returned) == (5, 1, 0)
    bangong2 = _row(result.reviewers, "bangong2")  # the confirmation of 辛 was undone after the period
    assert (bangong2.decisions, bangong2.on_time, bangong2.returned, bangong2.judgements) == (1, 0, 1, 0)
    assert bangong2.changed_share is None and bangong2.returned_share == 1
    fenguan = _row(result.reviewers, "fenguan")  # 壬 (20 October) is before the period
    assert (fenguan.decisions, fenguan.on_time) == (2, 0)
    total = result.total
    assert (total.decisions, total.documents, total.with_due, total.on_time) == (8, 6, 7, 4)
    assert (total.judgements, total.changed, total.returned) == (7, 1, 1)


def test_period_bounds_follow_beijing_days(store):
    seed_month(store)
    with store.session() as s:
        first_day = assess(s, date(2026, 11, 1), date(2026, 11, 1))
        december = assess(s, date(2026, 12, 1), date(2026, 12, 31))
    assert [(r.name, r.decisions) for r in first_day.reviewers] == [("bangong", 1)]  # 己 at 00:30
    assert [(r.name, r.decisions) for r in december.reviewers] == [("bangong", 1)]  # 庚 at 00:30 on 1 December
    assert december.sections[0].on_time == 1  # due 31 December


def test_requests_answered_on_time_per_assignee(store):
    seed_requests(store)
    with store.session() as s:
        rows = assess(s, START, END).requests
    got = {r.assignee: (r.answered, r.with_due, r.on_time) for r in rows}
    # 0004 was closed without a reply, 0006 replied in December, 0007 is still open
    assert got == {"bangong": (2, 2, 1), "bangong2": (1, 1, 1), UNASSIGNED: (1, 1, 1)}
    assert rows[-1].assignee == UNASSIGNED
    assert rows[0].on_time_share == 0.5


def test_empty_period_has_no_shares_rather_than_zero(store):
    seed_month(store)
    with store.session() as s:
        result = assess(s, date(2025, 1, 1), date(2025, 1, 31))
    assert result.sections == [] and result.reviewers == [] and result.requests == []
    assert result.total.decisions == 0 and result.total.on_time_share is None
    assert share(0, 0) is None and share(1, 4) == 0.25


def test_a_period_that_ends_before_it_starts_is_refused(store):
    with store.session() as s, pytest.raises(GongkaiError) as caught:
        assess(s, date(2026, 11, 30), date(2026, 11, 1))
    assert caught.value.code == "config_invalid"
