"""内部考核 figures for a period: per stage of the approval chain and per reviewer, how many documents were
handled, the share decided on time, the share of the system's proposals people changed and the share
returned; and, for 依申请公开, the requests each assignee answered and how many of them on time.

Pure functions over a Session: the web page, the CLI and the exports all read an `Assessment`.

What counts (the definitions the report states, so that the figures can be checked by hand):
- a decision counts in the period when it was taken on a day from `start` to `end` inclusive, in the office's
  time zone (rules/assessment.yaml); a decision later taken back with 撤销 does not count, the undo itself
  neither (it is not a judgement);
- documents handled: distinct documents with a counted decision;
- on time: the decision's day is on or before its task's due date; a task without a due date (a year the
  holiday calendar does not know) is left out of that share and counted apart;
- changed: among confirmations and changes on a task that carries a system proposal, the changes whose labels
  differ from that proposal (a leader confirming what the office changed did not change anything; a change
  back to the proposal's labels did not either);
- returned: returns among all counted decisions."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, field_validator
from sqlalchemy import select
from sqlalchemy.orm import Session

from gongkai.errors import GongkaiError
from gongkai.store.models import Decision, InfoRequest, Proposal, ReviewTask

JUDGEMENTS = ("confirm", "change")  # decisions that set labels
COUNTED = (*JUDGEMENTS, "return")
UNASSIGNED = "（未指定承办人）"


class AssessmentRules(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    version: int
    timezone: str = "Asia/Shanghai"
    on_time_target: float = Field(default=0.9, ge=0, le=1)
    chart_font: str = "WenQuanYi Micro Hei"

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown time zone {value!r}") from None
        return value


@lru_cache(maxsize=8)
def load_assessment_rules(folder: Path | None = None) -> AssessmentRules:
    from gongkai.policy import _load, rules_dir

    return _load((folder or rules_dir()) / "assessment.yaml", AssessmentRules)


def share(part: int, whole: int) -> float | None:
    """part / whole, or None when there is nothing to divide (shown as 「—」, never as 0%)."""
    return part / whole if whole else None


@dataclass
class Figures:
    """One row: a stage (`name` is the stage) or a reviewer (`name` is the user, `role` their role)."""

    name: str
    role: str | None = None
    documents: int = 0  # distinct documents handled
    decisions: int = 0  # counted decisions (confirm, change, return)
    with_due: int = 0  # of those, on tasks that have a due date
    on_time: int = 0
    judgements: int = 0  # confirmations and changes on a task that carries a system proposal
    changed: int = 0  # judgements whose labels differ from the system's proposal
    returned: int = 0
    _documents: set = field(default_factory=set, repr=False, compare=False)

    @property
    def without_due(self) -> int:
        return self.decisions - self.with_due

    @property
    def on_time_share(self) -> float | None:
        return share(self.on_time, self.with_due)

    @property
    def changed_share(self) -> float | None:
        return share(self.changed, self.judgements)

    @property
    def returned_share(self) -> float | None:
        return share(self.returned, self.decisions)


@dataclass
class RequestFigures:
    """Requests an assignee answered (closed) in the period, and how many by their due date."""

    assignee: str
    answered: int = 0
    with_due: int = 0
    on_time: int = 0

    @property
    def on_time_share(self) -> float | None:
        return share(self.on_time, self.with_due)


@dataclass
class Assessment:
    start: date
    end: date
    sections: list[Figures]
    reviewers: list[Figures]
    total: Figures
    requests: list[RequestFigures]  # 依申请公开 replies per assignee
    on_time_target: float


def local_day(moment: datetime, zone: ZoneInfo) -> date:
    """The day of a stored moment in the office's zone (stored times are UTC; SQLite returns them naive)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(zone).date()


def _bounds(start: date, end: date, zone: ZoneInfo) -> tuple[datetime, datetime]:
    """The period as UTC moments [from, to): local midnight of `start` to local midnight after `end`."""
    low = datetime.combine(start, time.min, zone).astimezone(timezone.utc)
    high = datetime.combine(end + timedelta(days=1), time.min, zone).astimezone(timezone.utc)
    return low, high


def standing_decisions(decisions: list[Decision]) -> list[Decision]:
    """The decisions not taken back: an undo on a task cancels the latest standing decision on it."""
    by_task: dict[int, list[Decision]] = defaultdict(list)
    for d in sorted(decisions, key=lambda d: d.id):
        if d.action == "undo":
            if by_task[d.task_id]:
                by_task[d.task_id].pop()
        else:
            by_task[d.task_id].append(d)
    return sorted((d for kept in by_task.values() for d in kept), key=lambda d: d.id)


def assess(s: Session, start: date, end: date, *, rules: AssessmentRules | None = None,
           stages: list[str] | None = None) -> Assessment:
    """The figures of decisions taken from `start` to `end` (both included)."""
    if end < start:
        raise GongkaiError("config_invalid", f"考核期间的结束日 {end} 早于开始日 {start} / the period ends before it starts")
    rules = rules or load_assessment_rules()
    zone = ZoneInfo(rules.timezone)
    low, high = _bounds(start, end, zone)
    if stages is None:
        from gongkai.policy import load_routing

        stages = list(load_routing().stages)
    tasks_in_period = select(Decision.task_id).where(Decision.created_at >= low, Decision.created_at < high)
    # every decision on those tasks, so that an undo taken after the period's end still cancels its action
    decisions = list(s.scalars(select(Decision).where(Decision.task_id.in_(tasks_in_period))))
    tasks = {t.id: t for t in s.scalars(select(ReviewTask).where(ReviewTask.id.in_(tasks_in_period)))}
    proposal_ids = {t.proposal_id for t in tasks.values() if t.proposal_id is not None}
    proposals = {p.id: (p.disclosure, p.secrecy)
                 for p in s.scalars(select(Proposal).where(Proposal.id.in_(proposal_ids)))} if proposal_ids else {}

    sections: dict[str, Figures] = {}
    reviewers: dict[str, Figures] = {}
    total = Figures("合计")
    for d in standing_decisions(decisions):
        if d.action not in COUNTED:
            continue
        day = local_day(d.created_at, zone)
        if not start <= day <= end:
            continue
        task = tasks[d.task_id]
        section = sections.setdefault(task.stage, Figures(task.stage, task.role))
        reviewer = reviewers.setdefault(d.actor, Figures(d.actor, d.role))
        reviewer.role = d.role  # the role they last acted in
        proposed = proposals.get(task.proposal_id)
        for row in (section, reviewer, total):
            _count(row, d, task, day, proposed)

    order = {stage: i for i, stage in enumerate(stages)}
    role_rank = {}
    for stage in stages:
        section = sections.get(stage)
        if section is not None and section.role:
            role_rank.setdefault(section.role, order[stage])
    return Assessment(
        start, end,
        sorted(sections.values(), key=lambda f: (order.get(f.name, len(order)), f.name)),
        sorted(reviewers.values(), key=lambda f: (role_rank.get(f.role, len(order)), f.role or "", f.name)),
        total, _request_figures(s, start, end), rules.on_time_target)


def _count(row: Figures, d: Decision, task: ReviewTask, day: date, proposed: tuple | None) -> None:
    row.decisions += 1
    row._documents.add(d.document_id)
    row.documents = len(row._documents)
    if task.due_date is not None:
        row.with_due += 1
        row.on_time += day <= task.due_date
    if d.action == "return":
        row.returned += 1
    elif proposed is not None:
        row.judgements += 1
        row.changed += d.action == "change" and (d.disclosure, d.secrecy) != proposed


def _request_figures(s: Session, start: date, end: date) -> list[RequestFigures]:
    """Requests replied to (gongkai.info_requests: status 已答复) on a day in the period, per assignee; on time
    when the reply day is on or before the due date in force when it was sent (extension and third-party
    consultation included, as the request service keeps it). Requests closed without a reply (终止办理) are
    not answers and are left out. A request without an assignee counts under UNASSIGNED."""
    rows: dict[str, RequestFigures] = {}
    query = select(InfoRequest).where(InfoRequest.status == "replied", InfoRequest.closed_on >= start,
                                      InfoRequest.closed_on <= end)
    for req in s.scalars(query):
        name = req.assignee or UNASSIGNED
        row = rows.setdefault(name, RequestFigures(name))
        row.answered += 1
        if req.due_date is not None:
            row.with_due += 1
            row.on_time += req.closed_on <= req.due_date
    return sorted(rows.values(), key=lambda r: (r.assignee == UNASSIGNED, r.assignee))
