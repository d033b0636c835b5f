from datetime import date
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
