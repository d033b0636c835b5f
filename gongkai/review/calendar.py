"""Working days on the Chinese official calendar, for due dates counted in working days."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, model_validator

from gongkai.errors import GongkaiError


class YearSchedule(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    holidays: list[date] = []
    workdays: list[date] = []


class HolidayFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    version: int
    years: dict[int, YearSchedule] = {}

    @model_validator(mode="after")
    def _dates_in_their_year(self) -> "HolidayFile":
        for year, sched in self.years.items():
            for d in (*sched.holidays, *sched.workdays):
                if d.year != year:
                    raise ValueError(f"{d} is listed under {year}")
            for d in sched.workdays:
                if d.weekday() < 5:
                    raise ValueError(f"workday {d} is a weekday already; list only weekend make-up days")
        return self


@dataclass(frozen=True)
class WorkingCalendar:
    schedules: dict[int, YearSchedule]

    def is_workday(self, day: date) -> bool:
        sched = self.schedules.get(day.year)
        if sched is not None:
            if day in sched.holidays:
                return False
            if day in sched.workdays:
                return True
            return day.weekday() < 5
        import chinese_calendar

        try:
            return chinese_calendar.is_workday(day)
        except NotImplementedError:
            raise GongkaiError("calendar_unknown_year", f"{day.year} (date {day})") from None

    def add_working_days(self, start: date, days: int) -> date:
        """The date on which `days` working days after `start` (start itself excluded) have passed."""
        current, counted = start, 0
        while counted < days:
            current += timedelta(days=1)
            counted += self.is_workday(current)
        return current


def load_calendar(path: Path | None = None) -> WorkingCalendar:
    if path is None:
        from gongkai.policy import rules_dir

        path = rules_dir() / "holidays.yaml"
    return _load(Path(path))


@lru_cache(maxsize=4)
def _load(path: Path) -> WorkingCalendar:
    try:
        data = HolidayFile.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    except (OSError, yaml.YAMLError, ValidationError) as exc:
        raise GongkaiError("config_invalid", f"{path}: {exc}") from None
    return WorkingCalendar(dict(data.years))


_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0, "O": 0, "０": 0}


def _chinese_number(text: str) -> int | None:
    """一 … 三十一 and digit by digit (二〇二六); None if it is not a number."""
    if text.isdigit():
        return int(text)
    if "十" in text:
        tens, _, ones = text.partition("十")
        if (tens and tens not in _DIGITS) or (ones and ones not in _DIGITS):
            return None
        return (_DIGITS[tens] if tens else 1) * 10 + (_DIGITS[ones] if ones else 0)
    if text and all(c in _DIGITS for c in text):
        return int("".join(str(_DIGITS[c]) for c in text))
    return None


def parse_written_date(text: str | None) -> date | None:
    """A 成文日期 as written in a 公文 or typed by an approver: 2026年11月20日, 二〇二六年十一月二十日 (older
    documents) or 2026-11-20. None when it is not a real date."""
    import re

    if not text:
        return None
    text = "".join(text.split())
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text) or re.fullmatch(r"(.+?)年(.+?)月(.+?)日", text)
    if not m:
        return None
    parts = [_chinese_number(p) for p in m.groups()]
    if None in parts:
        return None
    try:
        return date(*parts)
    except ValueError:
        return None
