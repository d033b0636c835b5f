"""答复书 drafts as data: rules/reply_templates.yaml, validated here, rendered by `draft_reply`.

A result uses its own template, filled in from its group's (withhold.third_party takes the body of
withhold and sets its own article and reason). The loader refuses a file where some result of
vocab.REPLY_RESULTS has no template, a template has no body or article after that, or a text names a
placeholder the renderer does not fill: a typo must fail at load, not in front of an applicant."""
from __future__ import annotations

import string
from datetime import date
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, model_validator

from gongkai.info_requests.vocab import REPLY_RESULTS, reply_group

PLACEHOLDERS = frozenset({"applicant", "number", "received_on", "content", "documents", "withheld", "reason",
                          "article", "remedies", "office", "date"})
REMEDY_PLACEHOLDERS = frozenset({"reconsideration_days", "litigation_months"})


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ReplyTemplate(_Strict):
    title: str | None = None
    article: str | None = None
    reason: str = ""
    body: str | None = None


class Resolved(_Strict):
    title: str
    article: str
    reason: str
    body: str


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


class TemplateFile(_Strict):
    version: int
    office: str
    remedies: str
    opening: str
    closing: str
    templates: dict[str, ReplyTemplate]

    @model_validator(mode="after")
    def _complete(self) -> "TemplateFile":
        groups = {reply_group(k) for k in REPLY_RESULTS}
        unknown = set(self.templates) - set(REPLY_RESULTS) - groups
        if unknown:
            raise ValueError(f"templates for unknown results {sorted(unknown)}")
        for result in REPLY_RESULTS:
            if result not in self.templates and reply_group(result) not in self.templates:
                raise ValueError(f"no template for {result} nor for its group {reply_group(result)}")
            resolved = self.resolve(result)  # raises when body or article is missing
            for text in (resolved.body, resolved.reason, resolved.title):
                bad = _fields(text) - PLACEHOLDERS
                if bad:
                    raise ValueError(f"{result}: unknown placeholders {sorted(bad)}")
        for name, text in (("opening", self.opening), ("closing", self.closing)):
            bad = _fields(text) - PLACEHOLDERS
            if bad:
                raise ValueError(f"{name}: unknown placeholders {sorted(bad)}")
        bad = _fields(self.remedies) - REMEDY_PLACEHOLDERS
        if bad:
            raise ValueError(f"remedies: unknown placeholders {sorted(bad)}")
        return self

    def resolve(self, result: str) -> Resolved:
        own = self.templates.get(result) or ReplyTemplate()
        group = self.templates.get(reply_group(result)) or ReplyTemplate()
        merged = {k: getattr(own, k) or getattr(group, k) for k in ("title", "article", "reason", "body")}
        missing = [k for k in ("title", "article", "body") if not merged[k]]
        if missing:
            raise ValueError(f"{result}: no {', '.join(missing)} (neither its own nor its group's)")
        return Resolved(**merged)


@lru_cache(maxsize=8)
def load_templates(folder: Path | None = None) -> TemplateFile:
    from gongkai.policy import _load, rules_dir

    return _load((folder or rules_dir()) / "reply_templates.yaml", TemplateFile)


def chinese_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def render(templates: TemplateFile, result: str, values: dict[str, str], *, reconsideration_days: int,
           litigation_months: int) -> str:
    """The whole 答复书: title, opening, body, remedies, signature. `values` fills the placeholders; the
    article and the reason come from the template unless `values` gives a reason (a person's words for
    the generic templates)."""
    tpl = templates.resolve(result)
    filled = {k: "" for k in PLACEHOLDERS} | {
        "article": tpl.article, "reason": tpl.reason, "office": templates.office,
        "remedies": templates.remedies.format(reconsideration_days=reconsideration_days,
                                              litigation_months=litigation_months)}
    filled |= {k: v for k, v in values.items() if v or k not in ("reason",)}
    parts = [tpl.title.format_map(filled), templates.opening.format_map(filled), tpl.body.format_map(filled),
             templates.closing.format_map(filled)]
    return "\n".join(p.rstrip("\n") for p in parts if p.strip()) + "\n"
