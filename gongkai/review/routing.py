"""Where a task goes next: approve → the next stage of the path, return → the previous stage; and due
dates in working days. All paths are data (rules/routing.yaml, `gongkai.policy.Routing`)."""
from __future__ import annotations

import logging
from datetime import date

from gongkai.errors import GongkaiError
from gongkai.policy import SECRECY_ORDER, Routing
from gongkai.review.calendar import WorkingCalendar, load_calendar

log = logging.getLogger(__name__)


def next_stage(routing: Routing, stage: str, *, disclosure: str | None, secrecy: str | None,
               sealed: bool = False, passed: set[str] | frozenset[str] = frozenset()) -> str:
    """The stage after `stage` is approved with these labels. `passed`: stages this document has
    already been approved at (so that secrecy review is not inserted twice)."""
    if sealed:  # only the secrecy officer ever sees a sealed document, then it is archived
        return routing.sealed_path.get(stage) or (routing.terminal[-1] if routing.terminal else "归档")
    restricted = secrecy is not None and secrecy in SECRECY_ORDER and SECRECY_ORDER.index(secrecy) > 0
    if (restricted and routing.secrecy_stage and stage in routing.secrecy_review_from
            and routing.secrecy_stage not in passed):
        return routing.secrecy_stage
    path = routing.next_stage["proactive" if disclosure == "主动公开" and not restricted else "other"]
    if stage not in path:
        raise GongkaiError("config_invalid", f"rules/routing.yaml: no stage follows {stage!r}")
    return path[stage]


def previous_stage(routing: Routing, stage: str, history: list[str]) -> str:
    """Where a returned task goes: the latest other stage this document was approved at (`history`:
    stages of its approved tasks, oldest first), else the drafting department (return_default)."""
    for earlier in reversed(history):
        if earlier != stage and earlier not in routing.terminal:
            return earlier
    return routing.return_default or routing.stages[0]


def is_terminal(routing: Routing, stage: str) -> bool:
    return stage in routing.terminal


def due_date(routing: Routing, opened: date, calendar: WorkingCalendar | None = None) -> tuple[date | None, str | None]:
    """(due date, warning). A year missing from the holiday calendar does not stop the intake or a
    review: the task is recorded WITHOUT a due date and the warning says why (shown in the queue as
    "无法计算期限" until rules/holidays.yaml is extended). We never guess a holiday schedule."""
    try:
        return (calendar or load_calendar()).add_working_days(opened, routing.due_working_days), None
    except GongkaiError as exc:
        if exc.code != "calendar_unknown_year":
            raise
        log.warning("no due date: %s", exc.message)
        return None, exc.message


def publication_deadline(written: str | None, fallback: date | None, routing: Routing | None = None,
                         calendar: WorkingCalendar | None = None) -> str:
    """公开时限 for the catalogue: Art. 26 counts 20 working days from when the information was formed or
    changed, so from the 成文日期 when it is known; else the review's due date (counted from intake)."""
    from gongkai.policy import load_routing
    from gongkai.review.calendar import parse_written_date

    days = (routing or load_routing()).due_working_days
    formed = parse_written_date(written)
    if formed is not None:
        try:
            due = (calendar or load_calendar()).add_working_days(formed, days)
            return f"{due.isoformat()} 前（第二十六条：自成文日期起 {days} 个工作日内）"
        except GongkaiError as exc:
            if exc.code != "calendar_unknown_year":
                raise
    if fallback is not None:
        return f"{fallback.isoformat()} 前（第二十六条：{days} 个工作日内，自收文日计）"
    return f"{days} 个工作日内（第二十六条）"
