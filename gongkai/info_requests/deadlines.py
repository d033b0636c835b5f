"""The periods of a request, as pure functions on a WorkingCalendar (gongkai.review.calendar).

A date in a year the calendar does not know raises GongkaiError("calendar_unknown_year") from the
calendar itself: a period is never guessed. Days are counted the way the calendar counts them: the start
day is excluded, so "20 working days after receipt" ends on the 20th working day after the receipt day."""
from __future__ import annotations

from datetime import date, timedelta

from gongkai.errors import GongkaiError
from gongkai.info_requests.vocab import CHANNELS
from gongkai.review.calendar import WorkingCalendar

OVERDUE, NEARLY_DUE, ON_TIME = "overdue", "nearly_due", "on_time"
CALENDAR_UNKNOWN = "calendar_unknown"  # received, but the period runs into a year the calendar does not know
STATE_NAMES = {OVERDUE: "已逾期", CALENDAR_UNKNOWN: "期限无法计算（节假日安排未录入）", NEARLY_DUE: "临近到期",
               ON_TIME: "正常"}
_STATE_RANK = {OVERDUE: 0, CALENDAR_UNKNOWN: 1, NEARLY_DUE: 2, ON_TIME: 3}


def received_date(channel: str, *, submitted_on: date, signed_on: date | None = None,
                  confirmed_on: date | None = None, given_on: date | None = None) -> date:
    """The day a request counts as received (第三十一条): in person, the day it is handed in; by post, the
    day the office signs for the letter; online or by fax, the day the office confirms receipt to the
    applicant; otherwise, the day the office records."""
    if channel not in CHANNELS:
        raise GongkaiError("request_invalid", f"申请方式 {channel!r} 不在 {CHANNELS} 之中")
    needed = {"当面": ("submitted_on", submitted_on), "信函": ("signed_on", signed_on),
              "网络": ("confirmed_on", confirmed_on), "传真": ("confirmed_on", confirmed_on),
              "其他": ("given_on", given_on)}[channel]
    if needed[1] is None:
        what = {"signed_on": "签收日期", "confirmed_on": "确认收到日期", "given_on": "收到日期"}[needed[0]]
        raise GongkaiError("request_invalid", f"以{channel}方式提交的申请需要{what}（第三十一条）/ {needed[0]} is needed")
    if needed[1] < submitted_on:
        raise GongkaiError("request_invalid", f"收到日期 {needed[1]} 早于提交日期 {submitted_on}")
    return needed[1]


def working_days_between(calendar: WorkingCalendar, start: date, end: date) -> int:
    """Working days d with start < d <= end (0 when end <= start)."""
    count, day = 0, start
    while day < end:
        day += timedelta(days=1)
        count += calendar.is_workday(day)
    return count


def reply_due(calendar: WorkingCalendar, counted_from: date, *, reply_days: int = 20, extension_days: int = 0,
              paused_days: int = 0) -> date:
    """The reply deadline (第三十三条第二款): `reply_days` working days after `counted_from` (the receipt, or
    the receipt of the corrected request), plus the extension granted and the working days a third-party
    consultation took (第三十二条: not counted)."""
    return calendar.add_working_days(counted_from, reply_days + extension_days + paused_days)


def check_extension(*, already_extended: bool, days: int, approver: str | None, max_days: int = 20) -> None:
    """第三十三条第二款: one extension, at most `max_days` working days, with the consent of the head of the
    open-government office (who must be named)."""
    if already_extended:
        raise GongkaiError("request_invalid", "答复期限只能延长一次（第三十三条第二款）/ the period can be extended once only")
    if not (approver or "").strip():
        raise GongkaiError("request_invalid", "延长答复期限须经政府信息公开工作机构负责人同意，请写明批准人 / "
                           "an extension needs the approver's name")
    if not 1 <= days <= max_days:
        raise GongkaiError("request_invalid", f"延长期限最长 {max_days} 个工作日 / an extension is 1–{max_days} working days")


def correction_notice_deadline(calendar: WorkingCalendar, received_on: date, days: int = 7) -> date:
    """The last day the office may ask for a correction (第三十条: 收到申请之日起7个工作日内)."""
    return calendar.add_working_days(received_on, days)


def state(calendar: WorkingCalendar, due: date, today: date, nearly_due_days: int = 3) -> str:
    """overdue (past the due date), nearly due (`nearly_due_days` working days left or fewer, the due day
    itself included), else on time."""
    if today > due:
        return OVERDUE
    return NEARLY_DUE if working_days_between(calendar, today, due) <= nearly_due_days else ON_TIME


def queue_key(state_code: str | None, due: date | None, number: str) -> tuple:
    """Overdue first, then those whose due date cannot be counted yet (someone must look), then nearly due,
    then by due date; requests without a due date because none runs (awaiting receipt or correction) last."""
    return (_STATE_RANK.get(state_code, len(_STATE_RANK)), due or date.max, number)
