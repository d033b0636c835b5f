"""Periods of a request on the 2026 calendar (rules/holidays.yaml). Every expected date below was counted
by hand on a paper calendar, day by day; the comments show the count."""
from __future__ import annotations

from datetime import date

import pytest

from gongkai.errors import GongkaiError
from gongkai.info_requests import deadlines as dl
from gongkai.review.calendar import load_calendar

D = date


@pytest.fixture(scope="module")
def cal():
    return load_calendar()


def test_received_date_follows_article_31():
    submitted = D(2026, 3, 2)
    assert dl.received_date("当面", submitted_on=submitted) == submitted
    assert dl.received_date("信函", submitted_on=submitted, signed_on=D(2026, 3, 5)) == D(2026, 3, 5)
    assert dl.received_date("网络", submitted_on=submitted, confirmed_on=D(2026, 3, 3)) == D(2026, 3, 3)
    assert dl.received_date("传真", submitted_on=submitted, confirmed_on=D(2026, 3, 4)) == D(2026, 3, 4)
    assert dl.received_date("其他", submitted_on=submitted, given_on=D(2026, 3, 6)) == D(2026, 3, 6)
    with pytest.raises(GongkaiError) as err:  # a letter counts from its signature, never from its postmark
        dl.received_date("信函", submitted_on=submitted)
    assert err.value.code == "request_invalid"
    with pytest.raises(GongkaiError):
        dl.received_date("网络", submitted_on=submitted, confirmed_on=D(2026, 3, 1))  # before it was sent
    with pytest.raises(GongkaiError):
        dl.received_date("邮件", submitted_on=submitted)


def test_reply_due_across_the_spring_festival(cal):
    # Fri 6 Feb: 9–13 Feb (5), Sat 14 Feb make-up (6), 15–23 Feb off, 24–27 Feb (10), Sat 28 Feb make-up (11),
    # 2–6 Mar (16), 9–12 Mar (20)
    assert dl.reply_due(cal, D(2026, 2, 6)) == D(2026, 3, 12)


def test_reply_due_across_mid_autumn_and_national_day(cal):
    # Wed 23 Sep: Thu 24 (1), Fri 25 中秋 off, 28–30 Sep (4), 1–7 Oct off, 8–9 Oct (6), Sat 10 Oct make-up (7),
    # 12–16 Oct (12), 19–23 Oct (17), 26–28 Oct (20)
    assert dl.reply_due(cal, D(2026, 9, 23)) == D(2026, 10, 28)


def test_reply_due_across_labour_day(cal):
    # Tue 28 Apr: 29–30 Apr (2), 1–5 May off, 6–8 May (5), Sat 9 May make-up (6), 11–15 (11), 18–22 (16), 25–28 (20)
    assert dl.reply_due(cal, D(2026, 4, 28)) == D(2026, 5, 28)


def test_a_year_the_calendar_does_not_know_is_refused(cal):
    # Mon 14 Dec 2026: the count reaches 2027, which neither rules/holidays.yaml nor chinesecalendar knows
    with pytest.raises(GongkaiError) as err:
        dl.reply_due(cal, D(2026, 12, 14))
    assert err.value.code == "calendar_unknown_year"


def test_reply_due_across_the_year_end_with_a_2027_schedule(tmp_path):
    from gongkai.review.calendar import load_calendar

    # An invented 2027 schedule for the test only: 1 Jan off, Saturday 9 Jan a make-up working day.
    path = tmp_path / "holidays.yaml"
    path.write_text("version: 1\nyears:\n  2027:\n    holidays: [2027-01-01]\n    workdays: [2027-01-09]\n",
                    encoding="utf-8")
    cal = load_calendar(path)
    # Mon 14 Dec 2026: 15–18 Dec (4), 21–25 (9), 28–31 (13), Fri 1 Jan off, 4–8 Jan (18), Sat 9 Jan (19),
    # Mon 11 Jan (20)
    assert dl.reply_due(cal, D(2026, 12, 14)) == D(2027, 1, 11)


def test_correction_notice_deadline_is_seven_working_days(cal):
    # Mon 2 Mar: 3–6 Mar (4), 9–11 Mar (7)
    assert dl.correction_notice_deadline(cal, D(2026, 3, 2)) == D(2026, 3, 11)


def test_extension_only_once_with_an_approver():
    dl.check_extension(already_extended=False, days=20, approver="王某某")
    for kwargs in ({"already_extended": True, "days": 20, "approver": "王某某"},
                   {"already_extended": False, "days": 20, "approver": "  "},
                   {"already_extended": False, "days": 21, "approver": "王某某"},
                   {"already_extended": False, "days": 0, "approver": "王某某"}):
        with pytest.raises(GongkaiError):
            dl.check_extension(**kwargs)


def test_extension_adds_working_days_after_the_first_period(cal):
    # due Thu 12 Mar; 20 more: 13 (1), 16–20 (6), 23–27 (11), 30–31 (13), 1–3 Apr (16), Mon 6 Apr 清明 off, 7–10 Apr (20)
    assert dl.reply_due(cal, D(2026, 2, 6), extension_days=20) == D(2026, 4, 10)


def test_consultation_time_is_not_counted(cal):
    # received Mon 2 Mar → due Mon 30 Mar; consultation Tue 10 → Tue 17 Mar took 11, 12, 13, 16, 17 = 5 days
    assert dl.reply_due(cal, D(2026, 3, 2)) == D(2026, 3, 30)
    assert dl.working_days_between(cal, D(2026, 3, 10), D(2026, 3, 17)) == 5
    # 30 Mar + 5: 31 Mar (1), 1–3 Apr (4), 6 Apr off, Tue 7 Apr (5)
    assert dl.reply_due(cal, D(2026, 3, 2), paused_days=5) == D(2026, 4, 7)


def test_state_overdue_nearly_due_on_time(cal):
    today = D(2026, 3, 10)  # Tuesday
    assert dl.state(cal, D(2026, 3, 9), today) == dl.OVERDUE
    assert dl.state(cal, D(2026, 3, 10), today) == dl.NEARLY_DUE  # due today: 0 days left
    assert dl.state(cal, D(2026, 3, 13), today) == dl.NEARLY_DUE  # 11, 12, 13: 3 left
    assert dl.state(cal, D(2026, 3, 16), today) == dl.ON_TIME  # 4 left
    assert dl.state(cal, D(2026, 3, 16), today, nearly_due_days=4) == dl.NEARLY_DUE
    # over the Spring Festival only working days count: Fri 13 Feb → Tue 24 Feb is 14 Feb (Sat, make-up) and 24 Feb
    assert dl.state(cal, D(2026, 2, 24), D(2026, 2, 13)) == dl.NEARLY_DUE


def test_queue_order():
    keys = {"on_time_late": dl.queue_key(dl.ON_TIME, D(2026, 4, 1), "2026-0001"),
            "no_due": dl.queue_key(None, None, "2026-0002"),
            "nearly": dl.queue_key(dl.NEARLY_DUE, D(2026, 3, 12), "2026-0003"),
            "on_time_early": dl.queue_key(dl.ON_TIME, D(2026, 3, 20), "2026-0004"),
            "overdue": dl.queue_key(dl.OVERDUE, D(2026, 3, 6), "2026-0005")}
    assert sorted(keys, key=keys.get) == ["overdue", "nearly", "on_time_early", "on_time_late", "no_due"]
