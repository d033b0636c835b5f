"""The decision policy and first-stage routing, read from rules/policy.yaml and rules/routing.yaml."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from gongkai.errors import GongkaiError

from gongkai.labels import DISCLOSURE_ORDER, SECRECY_ORDER, Disclosure, Secrecy
Condition = Literal["sealed", "unreadable", "conflict", "state_secret_signal", "personal_data", "low_confidence",
                    "restricted", "always"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Retraining(_Strict):
    """The gate for retrained models (issue 7). Defaults keep older policy files valid."""

    min_new_decisions: int = Field(default=30, ge=0)  # reviewed documents since the current model
    macro_f1_tolerance: float = Field(default=0.02, ge=0, le=1)  # the most macro-F1 may fall
    recent_share: float = Field(default=0.2, gt=0, lt=1)  # newest decisions held out for evaluation
    min_recent: int = Field(default=5, ge=1)  # at least this many, when there are enough decisions
    # The reviewers' decisions together weigh at most this share of the training set: a handful of
    # decisions can correct a genre, not outvote the corpus.
    max_decision_weight_share: float = Field(default=0.25, gt=0, lt=1)


class Policy(_Strict):
    version: int
    secret_signal_probability: float = Field(gt=0, lt=1)
    # max(P(不予公开), 1 − P(非密)) from the model at or above which 主动公开 is ruled out (an exemption or an
    # internal document the rules did not see).
    # 1 disables it; `gongkai train` sweeps it with the secret threshold on leave-writer-out predictions.
    withheld_signal_probability: float = Field(default=1.0, gt=0, le=1)
    secret_level_escalation: float = Field(gt=0, le=1)
    secrecy_ceilings: dict[Secrecy, Disclosure]
    personal_data_ceiling: Disclosure
    ceiling_min_score: float = Field(ge=0, le=1)
    mark_confidence: float = Field(gt=0, le=1)
    low_confidence: float = Field(ge=0, le=1)
    articles: dict[str, str]
    retraining: Retraining = Retraining()

    @model_validator(mode="after")
    def _complete(self) -> "Policy":
        missing = set(SECRECY_ORDER) - set(self.secrecy_ceilings)
        if missing:
            raise ValueError(f"secrecy_ceilings lacks {sorted(missing)}")
        for level in SECRECY_ORDER[2:]:
            if self.secrecy_ceilings[level] == "主动公开":
                raise ValueError(f"a state secret ({level}) can never be 主动公开")
        return self


class Route(_Strict):
    when: Condition
    stage: str


class BatchConfirm(_Strict):
    stage: str
    min_confidence: float = Field(ge=0, le=1)
    # Any of these keeps a document out of batch-confirm (issue 11): a reason code in the proposal, or a
    # rule hit (stored in the proposal or found again in the text) whose id starts with one of the prefixes.
    exclude_reasons: list[str] = ["state_secret", "personal_privacy"]
    exclude_rule_prefixes: list[str] = ["GK-SM-", "GK-ST-", "GK-SC-", "GK-PII-"]


class NeedToKnow(_Strict):
    """Who may see a document at all (issue 11), before clearance is applied: the reviewers of a stage
    where it has an open task, those who acted on it, and the members of its 科室. Roles in `exempt_roles`
    see every document up to their clearance. `departments`: 科室 name → user names; a document's 科室 is
    its `department` metadata, else the first folder of its path in the inbox."""

    own_stage: bool = True
    acted_on: bool = True
    own_department: bool = True
    exempt_roles: list[str] = ["admin"]
    departments: dict[str, list[str]] = {}
    # At these stages a task is for its document's 科室 only (when that 科室 has members listed), not for
    # every reviewer of the stage: one department's clerk never works on another's drafts.
    department_stages: list[str] = []


class QueueOrder(_Strict):
    """Active learning (issue 7, item 4): the queue of `stage` can put the least confident proposals
    first (then risk) instead of the riskiest first, so that reviewers label what teaches the model most.
    Only for the office stage by default: what is risky is routed to 保密审查 before it gets there."""

    uncertain_first: bool = False
    stage: str = "办公室"


class Routing(_Strict):
    version: int
    stages: list[str]
    first_stage: list[Route]
    # The path after the first stage (gongkai.review.routing). Defaults keep older routing files valid.
    roles: dict[str, str] = {}
    next_stage: dict[Literal["proactive", "other"], dict[str, str]] = {}
    sealed_path: dict[str, str] = {}
    terminal: list[str] = []
    secrecy_stage: str | None = None
    secrecy_review_from: list[str] = []
    return_default: str | None = None
    due_working_days: int = Field(default=20, ge=1)
    batch_confirm: BatchConfirm | None = None
    queue: QueueOrder = QueueOrder()
    need_to_know: NeedToKnow = NeedToKnow()

    @model_validator(mode="after")
    def _known_stages(self) -> "Routing":
        named = [r.stage for r in self.first_stage] + list(self.roles) + list(self.terminal)
        named += [s for path in (*self.next_stage.values(), self.sealed_path) for pair in path.items() for s in pair]
        named += [s for s in (self.secrecy_stage, self.return_default) if s] + list(self.secrecy_review_from)
        named += list(self.need_to_know.department_stages)
        if self.batch_confirm:
            named.append(self.batch_confirm.stage)
        if self.queue.uncertain_first:  # the default stage name need not exist in an old file that leaves it off
            named.append(self.queue.stage)
            if self.queue.stage == self.secrecy_stage:  # the secrecy review must always see the riskiest first
                raise ValueError(f"queue.uncertain_first cannot apply to the secrecy stage {self.secrecy_stage!r}")
        for stage in named:
            if stage not in self.stages:
                raise ValueError(f"stage {stage!r} is not in stages")
        unknown = set(self.need_to_know.exempt_roles) - set(self.roles.values()) - {"admin"}
        if unknown:  # a typo here would silently hide (or reveal) documents
            raise ValueError(f"need_to_know.exempt_roles: unknown roles {sorted(unknown)}")
        if not self.first_stage or self.first_stage[-1].when != "always":
            raise ValueError("the last first_stage entry must be `when: always`")
        for name, path in self.next_stage.items():
            for stage in path:  # every path must end in a terminal stage, without cycles
                seen = {stage}
                while stage in path:
                    stage = path[stage]
                    if stage in seen:
                        raise ValueError(f"next_stage.{name} loops at {stage!r}")
                    seen.add(stage)
                if stage not in self.terminal:
                    raise ValueError(f"next_stage.{name} ends at {stage!r}, which is not terminal")
        return self

    def first(self, facts: dict[str, bool]) -> str:
        for route in self.first_stage:
            if route.when == "always" or facts.get(route.when):
                return route.stage
        raise AssertionError("unreachable: validated to end with `always`")

    def role_of(self, stage: str) -> str:
        return self.roles.get(stage, stage)


def rules_dir() -> Path:
    from gongkai.settings import Settings

    configured = Settings().rules_dir
    return Path(configured) if configured else Path(__file__).resolve().parents[1] / "rules"


def _load(path: Path, model: type[BaseModel]):
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        return model.model_validate(data)
    except FileNotFoundError:
        raise GongkaiError("config_invalid", f"{path} is missing") from None
    except (yaml.YAMLError, ValidationError) as exc:
        raise GongkaiError("config_invalid", f"{path}: {exc}") from None


@lru_cache(maxsize=8)
def load_policy(folder: Path | None = None) -> Policy:
    return _load((folder or rules_dir()) / "policy.yaml", Policy)


@lru_cache(maxsize=8)
def load_routing(folder: Path | None = None) -> Routing:
    return _load((folder or rules_dir()) / "routing.yaml", Routing)
