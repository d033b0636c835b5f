"""What the annual report reads besides the records: the office's own figures (`--figures FILE`, see
docs/annual-report-figures.yaml) and the genre cues and draft sentences of rules/annual_report.yaml."""
from __future__ import annotations

import re
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from gongkai.errors import GongkaiError


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class DocumentCounts(_Strict):
    abolished: int | None = Field(default=None, ge=0)  # 本年废止件数
    in_force: int | None = Field(default=None, ge=0)  # 现行有效件数


class Prose(_Strict):
    overview: str | None = None  # 一、总体情况
    problems: str | None = None  # 五、存在的主要问题及改进情况
    other: str | None = None  # 六、其他需要报告的事项


class Figures(_Strict):
    """The figures only the office knows. Every field may be left out: the table cell is then blank
    and the report says so; a count can never be negative."""

    year: int | None = Field(default=None, ge=2008)  # if given, must be the report's year (a guard against last year's file)
    organ: str | None = None
    regulations: DocumentCounts = DocumentCounts()  # 规章
    normative_documents: DocumentCounts = DocumentCounts()  # 行政规范性文件
    licensing_decisions: int | None = Field(default=None, ge=0)  # 行政许可 本年处理决定数量
    penalty_decisions: int | None = Field(default=None, ge=0)  # 行政处罚
    coercion_decisions: int | None = Field(default=None, ge=0)  # 行政强制
    fees_wan_yuan: float | None = Field(default=None, ge=0)  # 行政事业性收费 本年收费金额（万元）
    processing_fees_yuan: float | None = Field(default=None, ge=0)  # 信息处理费（元）, for part 6
    prose: Prose = Prose()


class GenreCues(_Strict):
    doc_number: list[str] = []
    title: list[str] = []
    text: list[str] = []

    @field_validator("doc_number", "title", "text")
    @classmethod
    def _compiles(cls, patterns: list[str]) -> list[str]:
        for p in patterns:
            re.compile(p)
        return patterns


class Drafts(_Strict):
    overview: str
    problems: str
    other: str


class FeeSentences(_Strict):
    unknown: str
    none: str
    some: str


class AnnualRules(_Strict):
    genre_meta_keys: list[str]
    genres: dict[str, GenreCues]
    draft_mark: str = Field(min_length=1)
    drafts: Drafts
    fee_sentences: FeeSentences


def _load(path: Path, model: type[BaseModel], code: str):
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
        return model.model_validate(data if data is not None else {})
    except FileNotFoundError:
        raise GongkaiError("not_found", str(path)) from None
    except yaml.YAMLError as exc:
        raise GongkaiError(code, f"{path}: {exc}") from None
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise GongkaiError(code, f"{path}: {where}: {first['msg']}") from None


def load_figures(path: Path | str) -> Figures:
    return _load(Path(path), Figures, "config_invalid")


def load_annual_rules(folder: Path | None = None) -> AnnualRules:
    from gongkai.policy import rules_dir

    rules = _load((folder or rules_dir()) / "annual_report.yaml", AnnualRules, "rule_file_invalid")
    from gongkai.report.tables import NORMATIVE, REGULATIONS

    if set(rules.genres) != {REGULATIONS, NORMATIVE}:
        raise GongkaiError("rule_file_invalid", f"annual_report.yaml: genres must be {REGULATIONS} and {NORMATIVE}")
    return rules
