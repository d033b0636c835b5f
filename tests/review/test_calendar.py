from datetime import date, timedelta
from pathlib import Path

import pytest

from gongkai.errors import GongkaiError
from gongkai.review.calendar import load_calendar


def test_twenty_working_days_skip_the_national_day_holiday():
    # 2026-09-25 (Mid-Autumn) and 1–7 October are off; 2026-10-10 (a Saturday) is a make-up workday.
    assert load_calendar().add_working_days(date(2026, 9, 25), 20) == date(2026, 10, 29)


def test_a_year_nobody_has_entered_is_refused_not_guessed():
    with pytest.raises(GongkaiError) as info:
        load_calendar().add_working_days(date(2026, 12, 20), 20)
    assert info.value.code == "calendar_unknown_year" and "2027" in info.value.message


def test_an_office_extends_the_calendar_with_a_new_year(tmp_path: Path):
    f = tmp_path / "holidays.yaml"
    f.write_text("version: 1\nyears:\n  2027:\n    holidays: [2027-01-01]\n    workdays: [2027-01-09]\n", encoding="utf-8")
    cal = load_calendar(f)
    assert not cal.is_workday(date(2027, 1, 1))  # a Friday, holiday
    assert cal.is_workday(date(2027, 1, 9))  # a Saturday, make-up day
    assert not cal.is_workday(date(2027, 1, 10))  # an ordinary Sunday
    assert cal.add_working_days(date(2026, 12, 30), 3) == date(2027, 1, 5)


def test_a_misfiled_date_is_a_clear_configuration_error(tmp_path: Path):
    f = tmp_path / "holidays.yaml"
    f.write_text("version: 1\nyears:\n  2027:\n    holidays: [2028-01-01]\n", encoding="utf-8")
    with pytest.raises(GongkaiError) as info:
        load_calendar(f)
    assert info.value.code == "config_invalid" and "2028-01-01" in info.value.message


def test_the_publication_deadline_counts_from_the_written_date_when_it_is_known():
    from datetime import date

    from gongkai.review.calendar import parse_written_date
    from gongkai.review.routing import publication_deadline

    assert parse_written_date("2026年11月20日") == parse_written_date("二〇二六年十一月二十日") == date(2026, 11, 20)
    assert parse_written_date("2026-11-20") == date(2026, 11, 20)
    assert parse_written_date("2026年2月30日") is None and parse_written_date("去年") is None
    # 2026-11-20 is a Friday; 20 working days later (no holiday in between) is Friday 2026-12-18
    assert publication_deadline("2026年11月20日", date(2026, 12, 31)).startswith("2026-12-18 前（第二十六条：自成文日期起")
    assert publication_deadline("", date(2026, 12, 31)).startswith("2026-12-31 前")  # unknown: the review's due date


def test_the_2026_schedule_in_the_rules_file_agrees_with_the_package_day_by_day():
    """rules/holidays.yaml lists 2026 from the State Council's notice; it overrides the package, so a typo in it
    would move every 2026 deadline. Both sources, read independently, must agree on every day of the year."""
    import chinese_calendar

    from gongkai.review.calendar import _load
    from gongkai.policy import rules_dir

    listed = _load(rules_dir() / "holidays.yaml").schedules
    assert 2026 in listed and len(listed[2026].holidays) == 19 and len(listed[2026].workdays) == 6
    calendar = load_calendar()
    day = date(2026, 1, 1)
    while day.year == 2026:
        assert calendar.is_workday(day) == chinese_calendar.is_workday(day), day
        day += timedelta(days=1)
    # the Spring Festival: 2月15日–23日 off, Saturday 14 and 28 February worked
    assert not calendar.is_workday(date(2026, 2, 23)) and calendar.is_workday(date(2026, 2, 28))
