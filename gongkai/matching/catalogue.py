"""The 保密事项范围 as knowledge: catalogues of secret matters by sector, kept as data (`rules/secret_matters*.yaml`).

An item names a matter, the level it suggests, the authority that decides, the concepts that must occur
together, what makes the matter secret and what makes a mention harmless. Matching is by concepts occurring
together in a window of characters, in any order and whatever punctuation stands between them — a comma
between 弹药库 and 坐标 does not defeat it. Each hit is a *suggestion* for the 定密责任人: the system never
classifies by itself.

    item fires at an anchor when
        every concept group has a term within `window` characters of the anchor, and
        at least one term of the item's `secret_when` qualifiers lies within `window` of the matched terms, and
        no `harmless_when` term lies in that region, and the hit does not stand in a `silent_in` place.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from gongkai.errors import GongkaiError
from gongkai.labels import Secrecy
from gongkai.matching.mention import MentionContext, MentionPlace

QualifierKind = Literal["not_released", "precise", "deployment", "named_people", "plain_statement"]
QUALIFIER_NAMES = {"not_released": "尚未公开或使用", "precise": "精确位置、数量或参数", "deployment": "具体部署",
                   "named_people": "点名的人员（未结案件）", "plain_statement": "文中自述涉密"}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _compile_terms(terms: list[str]) -> re.Pattern | None:
    """Terms are literal words, or regular expressions written between slashes: `/东经\\d/`."""
    parts = [t[1:-1] if len(t) > 2 and t.startswith("/") and t.endswith("/") else re.escape(t) for t in terms]
    parts.sort(key=len, reverse=True)  # longest first, so that 储备粮库 wins over 储备粮
    return re.compile("|".join(parts)) if parts else None


class Examples(_Strict):
    match: list[str] = Field(min_length=1)
    no_match: list[str] = Field(min_length=1)


class Item(_Strict):
    id: str = Field(pattern=r"^GK-[A-Z]{2,4}-\d{3}$")
    version: int = Field(ge=1)
    matter: str = Field(min_length=2)  # the secret matter, in Chinese
    level: Secrecy  # the level suggested to the 定密责任人
    concepts: list[list[str]] = Field(min_length=1)  # groups; one term of every group must occur together
    secret_when: list[QualifierKind] = []  # qualifier kinds of the catalogue that make the matter secret
    also_secret_when: list[str] = []  # item-specific qualifier terms
    harmless_when: list[str] = []  # item-specific terms that make the mention harmless
    window: int | None = Field(default=None, ge=5, le=400)
    # where a qualifier may stand: near the concepts (`window`), or anywhere in the document (`document`: a
    # question paper is secret wherever its questions are; a stock list wherever its quantities are)
    qualifier_scope: Literal["window", "document"] = "window"
    silent_in: list[MentionPlace] | None = None  # None: the catalogue's default
    score: float = Field(default=0.7, ge=0, le=1)
    examples: Examples

    @property
    def versioned_id(self) -> str:
        return f"{self.id}@{self.version}"

    @field_validator("concepts")
    @classmethod
    def _groups_not_empty(cls, v: list[list[str]]) -> list[list[str]]:
        if any(not group for group in v):
            raise ValueError("every concept group needs at least one term")
        return v

    @model_validator(mode="after")
    def _qualified(self) -> "Item":
        if not self.secret_when and not self.also_secret_when:
            raise ValueError("an item needs secret_when or also_secret_when: a topic alone is never a secret")
        return self


class Sector(_Strict):
    sector: str = Field(pattern=r"^[a-z_]+$")
    name: str
    authority: str  # who may classify (定密权限) in this sector
    items: list[Item] = Field(min_length=1)


class Catalogue(_Strict):
    catalogue: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    version: int = Field(ge=1)
    description: str
    article: str
    window: int = Field(default=60, ge=5, le=400)
    qualifiers: dict[QualifierKind, list[str]]
    harmless: list[str] = []  # terms that make a mention harmless for every item
    silent_in: list[MentionPlace] = []
    sectors: list[Sector] = Field(min_length=1)

    @model_validator(mode="after")
    def _known_kinds(self) -> "Catalogue":
        for sector in self.sectors:
            for item in sector.items:
                missing = [k for k in item.secret_when if k not in self.qualifiers]
                if missing:
                    raise ValueError(f"item {item.id}: qualifier kinds {missing} are not defined in `qualifiers`")
        return self


@dataclass
class CompiledItem:
    item: Item
    sector: Sector
    catalogue: Catalogue
    groups: list[re.Pattern]
    secret: list[tuple[str, re.Pattern]]  # (qualifier kind, pattern)
    harmless: re.Pattern | None
    window: int
    silent_in: list[str]


@dataclass
class CatalogueHit:
    item: Item
    sector: Sector
    article: str
    start: int  # the span from the first to the last matched term
    end: int
    terms: list[tuple[str, int, int]]  # every matched concept term
    qualifiers: list[tuple[str, str]]  # (kind, term) that made it secret
    score: float


def load_catalogues(rules_dir: Path) -> list[Catalogue]:
    """Every `*.yaml` file of the folder with a top-level `catalogue:` key, validated."""
    out = []
    for path in sorted(Path(rules_dir).glob("*.yaml")):
        if path.name.startswith("_"):
            continue
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except yaml.YAMLError as exc:
            raise GongkaiError("rule_file_invalid", f"{path.name}: (yaml): {exc}") from None
        if not (isinstance(data, dict) and "catalogue" in data):
            continue
        try:
            catalogue = Catalogue.model_validate(data)
        except ValidationError as exc:
            first = exc.errors()[0]
            loc = ".".join(str(p) for p in first["loc"])
            raise GongkaiError("rule_file_invalid", f"{path.name}: field {loc}: {first['msg']}") from None
        for sector in catalogue.sectors:
            for item in sector.items:
                for terms in (*item.concepts, item.also_secret_when, item.harmless_when):
                    try:
                        _compile_terms(terms)
                    except re.error as exc:
                        raise GongkaiError("rule_file_invalid",
                                           f"{path.name}: rule {item.id}: field concepts: {exc}") from None
        out.append(catalogue)
    return out


def compile_catalogues(catalogues: list[Catalogue]) -> list[CompiledItem]:
    compiled = []
    for cat in catalogues:
        for sector in cat.sectors:
            for item in sector.items:
                secret = [(kind, _compile_terms(cat.qualifiers[kind])) for kind in item.secret_when]
                if item.also_secret_when:
                    secret.append(("item", _compile_terms(item.also_secret_when)))
                compiled.append(CompiledItem(
                    item=item, sector=sector, catalogue=cat,
                    groups=[_compile_terms(g) for g in item.concepts],
                    secret=[(k, p) for k, p in secret if p is not None],
                    harmless=_compile_terms([*cat.harmless, *item.harmless_when]),
                    window=item.window or cat.window,
                    silent_in=list(cat.silent_in if item.silent_in is None else item.silent_in),
                ))
    return compiled


def _occurrences(pattern: re.Pattern, text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in pattern.finditer(text)]


def _nearest(occ: list[tuple[int, int, str]], starts: list[int], lo: int, hi: int, centre: int):
    """The occurrence with its start in [lo, hi] that lies nearest to `centre`, or None."""
    i, j = bisect.bisect_left(starts, lo), bisect.bisect_right(starts, hi)
    if i >= j:
        return None
    return min(occ[i:j], key=lambda o: abs(o[0] - centre))


def match_item(ci: CompiledItem, text: str, context: MentionContext) -> tuple[CatalogueHit | None, dict]:
    """The first place where the item fires, and why other places did not (for `rules explain`)."""
    occ = [_occurrences(g, text) for g in ci.groups]
    why: dict = {}
    if any(not o for o in occ):
        return None, why
    starts = [[o[0] for o in group] for group in occ]
    anchor_group = min(range(len(occ)), key=lambda g: len(occ[g]))
    w = ci.window
    for a_start, a_end, a_term in occ[anchor_group]:
        terms = [(a_term, a_start, a_end)]
        for g in range(len(occ)):
            if g == anchor_group:
                continue
            near = _nearest(occ[g], starts[g], a_start - w, a_end + w, a_start)
            if near is None:
                break
            terms.append((near[2], near[0], near[1]))
        else:
            lo, hi = min(t[1] for t in terms), max(t[2] for t in terms)
            region = text if ci.item.qualifier_scope == "document" else text[max(0, lo - w): hi + w]
            quals = []
            for kind, pattern in ci.secret:
                m = pattern.search(region)
                if m:
                    quals.append((kind, m.group()))
            if not quals:
                why.setdefault("unqualified", a_term)
                continue
            if ci.harmless is not None:
                m = ci.harmless.search(text[max(0, lo - w // 2): hi + w // 2])
                if m:
                    why.setdefault("harmless", m.group())
                    continue
            place = next((p for p in ci.silent_in if context.holds(p, a_start)), None)
            if place:
                why.setdefault("silent_in", place)
                continue
            score = min(0.95, ci.item.score + 0.05 * (len({k for k, _ in quals}) - 1))
            hit = CatalogueHit(ci.item, ci.sector, ci.catalogue.article, lo, hi, sorted(terms, key=lambda t: t[1]),
                               quals, round(score, 3))
            return hit, why
    return None, why


def match_catalogues(items: list[CompiledItem], text: str, context: MentionContext) -> list[CatalogueHit]:
    hits = []
    for ci in items:
        hit, _ = match_item(ci, text, context)
        if hit is not None:
            hits.append(hit)
    return hits
