"""The settings of request handling, read from rules/requests.yaml (periods, thresholds, approval chain)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ApprovalStage(_Strict):
    stage: str
    role: str
    action: str


class RequestRules(_Strict):
    version: int
    reply_working_days: int = Field(default=20, ge=1)
    max_extension_working_days: int = Field(default=20, ge=1)
    correction_notice_working_days: int = Field(default=7, ge=1)
    late_correction: Literal["refuse", "warn"] = "refuse"
    correction_period_working_days: int = Field(default=15, ge=1)
    consultation_working_days: int = Field(default=15, ge=1)
    nearly_due_working_days: int = Field(default=3, ge=0)
    reconsideration_days: int = Field(default=60, ge=1)
    litigation_months: int = Field(default=6, ge=1)
    approval_chain: list[ApprovalStage]

    @model_validator(mode="after")
    def _chain(self) -> "RequestRules":
        if len(self.approval_chain) < 2:
            raise ValueError("approval_chain needs a drafting stage and at least one approval")
        names = [s.stage for s in self.approval_chain]
        if len(set(names)) != len(names):
            raise ValueError(f"approval_chain repeats a stage: {names}")
        return self

    @property
    def drafting(self) -> ApprovalStage:
        return self.approval_chain[0]

    def after(self, stage: str) -> str:
        """The stage that approves next after `stage`, or "done" after the last."""
        names = [s.stage for s in self.approval_chain]
        i = names.index(stage)
        return names[i + 1] if i + 1 < len(names) else "done"

    def stage(self, name: str) -> ApprovalStage:
        return next(s for s in self.approval_chain if s.stage == name)


@lru_cache(maxsize=8)
def load_request_rules(folder: Path | None = None) -> RequestRules:
    from gongkai.policy import _load, rules_dir

    return _load((folder or rules_dir()) / "requests.yaml", RequestRules)
