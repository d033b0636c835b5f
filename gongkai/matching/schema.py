"""Pydantic models of the rule-file format (docs/rule-format.md).

The models are strict (unknown fields are errors) so that a typo in a rule file is reported instead of
silently ignored. Cross-file checks (unique ids, known validator/recognizer names, compilable regexes)
live in loader.py because they need more than one field.
"""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from gongkai.labels import DISCLOSURE_ORDER, SECRECY_ORDER, Disclosure, Secrecy
from gongkai.labels import ReasonCode as Reason
from gongkai.matching.mention import MentionPlace

Category = Literal[
    "secrecy_mark", "disclosure_line", "unmarked_secret", "exemption", "proactive_scope",
    "personal_data", "trade_secret", "structure",
]
PiiType = Literal[
    "id_card", "mobile", "landline", "bank_card", "credit_code", "email", "passport", "plate",
    "address", "person_name", "health", "income", "minor",
]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Effect(_Strict):
    reason: Reason
    min_secrecy: Secrecy | Literal["from_match"] | None = None
    disclosure_ceiling: Disclosure | None = None
    disclosure_hint: Disclosure | None = None
    suggest_only: bool = False
    seal: bool = False
    blocking: bool = False  # extension: a finding that must stop automatic processing (a conflict)


class Pattern(_Strict):
    phrase: str | None = None
    regex: str | None = None
    validator: str | None = None
    recognizer: str | None = None
    # extension: for a regex, report only this named group's span (the rest is context)
    group: str | None = None

    @model_validator(mode="after")
    def _exactly_one_kind(self) -> "Pattern":
        kinds = [k for k in ("phrase", "regex", "recognizer") if getattr(self, k)]
        if len(kinds) != 1:
            raise ValueError("a pattern needs exactly one of phrase, regex, recognizer")
        if self.validator and not self.regex:
            raise ValueError("validator is only allowed with a regex")
        if self.group and not self.regex:
            raise ValueError("group is only allowed with a regex")
        return self


class Adjust(_Strict):
    words: list[str] = Field(min_length=1)
    by: float = Field(gt=0, le=1)


class Context(_Strict):
    window: int = Field(default=20, ge=1, le=500)
    raise_: Adjust | None = Field(default=None, alias="raise")
    lower: Adjust | None = None


class Suppress(_Strict):
    window: int = Field(default=10, ge=0, le=500)
    phrases: list[str] = []
    regex: list[str] = []
    masked: bool = False


class Require(_Strict):
    """Extension: a hit is kept only if one of `words` occurs within `window` characters (or anywhere
    in the document when window is null), or one of `rules` fired somewhere in the same document."""

    window: int | None = Field(default=30, ge=1, le=2000)
    words: list[str] = []
    rules: list[str] = []

    @model_validator(mode="after")
    def _something(self) -> "Require":
        if not self.words and not self.rules:
            raise ValueError("require needs words or rules")
        return self


class Examples(_Strict):
    match: list[str] = Field(min_length=1)
    no_match: list[str] = Field(min_length=1)
    masked: list[str] = []


class Rule(_Strict):
    id: str = Field(pattern=r"^GK-[A-Z]{2,4}-\d{3}$")
    version: int = Field(ge=1)
    category: Category
    description: str = Field(min_length=2)
    article: str = Field(min_length=2)
    effect: Effect
    patterns: list[Pattern] = Field(min_length=1)
    # extensions: `title` = inside the 公文 title found by govdoc.py; `body` = after the head block
    position: Literal["any", "head", "title", "body", "tail"] = "any"
    context: Context | None = None
    suppress: Suppress | None = None
    require: Require | None = None  # extension, see Require
    # extension: places where the rule speaks of a mention, not of what the document is (matching/mention.py)
    silent_in: list[MentionPlace] = []
    parse: Literal["secrecy_mark", "disclosure_line"] | None = None  # extension: marks.py parser
    score: float = Field(ge=0, le=1)
    min_score: float = Field(default=0.3, ge=0, le=1)
    pii_type: PiiType | None = None
    examples: Examples

    @property
    def versioned_id(self) -> str:
        return f"{self.id}@{self.version}"

    @property
    def label(self) -> str:
        return self.pii_type or self.category

    @field_validator("description")
    @classmethod
    def _chinese(cls, v: str) -> str:
        if not any("\u4e00" <= ch <= "\u9fff" for ch in v):
            raise ValueError("description must be written in Chinese")
        return v


class RuleSet(_Strict):
    ruleset: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    version: int = Field(ge=1)
    description: str | None = None  # extension
    rules: list[Rule] = Field(min_length=1)
