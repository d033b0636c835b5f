"""What the administrator pages show (issue 7): model versions with each retrained candidate's gate
comparison, and the rule feedback report. Plain data for the templates; the reasons the gate records
(English, see gongkai.classify.retrain.gate) are put into plain Chinese here."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from gongkai.classify import registry
from gongkai.classify.evaluate import SECRET_LEVELS
from gongkai.classify.retrain import model_table

EVALUATION_SETS = {"frozen": "冻结评估集", "recent": "最近的审核决定（按时间留出）"}
MEASURES = {"leaks": "泄密数（涉密或不予公开的文件被建议主动公开）", "disclosure_macro_f1": "公开属性 macro-F1",
            "secrecy_macro_f1": "密级 macro-F1", "secret_detection_recall": "涉密文件检出率"}
MEASURE_SHORT = {"disclosure_macro_f1": "公开属性 macro-F1", "secrecy_macro_f1": "密级 macro-F1"}
KINDS = {"retrained": "再训练", "trained": "初始训练"}

# One pattern per reason format written by gongkai.classify.retrain.gate (a test checks they all match).
_REASONS = [
    (re.compile(r"^(\w+): leaks rise from (\d+) to (\d+)$"),
     lambda m: f"{_set(m[1])}：泄密数由 {m[2]} 升至 {m[3]}（新模型不得更不安全）"),
    (re.compile(r"^(\w+): recall on (\S+) falls from ([\d.]+) to ([\d.]+)$"),
     lambda m: f"{_set(m[1])}：{m[2]}文件的召回率由 {m[3]} 降至 {m[4]}（涉密文件的召回率不得下降）"),
    (re.compile(r"^(\w+): (\w+) falls from ([\d.]+) to ([\d.]+) \(tolerance ([\d.]+)\)$"),
     lambda m: f"{_set(m[1])}：{MEASURE_SHORT.get(m[2], m[2])} 由 {m[3]} 降至 {m[4]}，超过允许的降幅 {m[5]}"),
    (re.compile(r"^the candidate loosens (\d+) document\(s\) the current model holds restricted"),
     lambda m: f"候选模型会放宽 {m[1]} 件现模型认定为受限的文件：只有管理员可以采用（须写明理由）"),
]


def _set(name: str) -> str:
    return EVALUATION_SETS.get(name, name)


def reason_zh(reason: str) -> str:
    """A gate reason in plain Chinese; an unknown format is shown as recorded rather than hidden."""
    for pattern, say in _REASONS:
        match = pattern.match(reason)
        if match:
            return say(match)
    return reason


@dataclass
class Comparison:
    name: str  # 冻结评估集 / 最近的审核决定
    n: object
    note: str
    rows: list[tuple[str, object, object, bool]]  # measure, current, candidate, worse


@dataclass
class ModelRow:
    version: str
    created: str
    kind: str
    current: bool
    promoted: bool | None
    n_decisions: int
    parent: str | None = None
    tolerance: object = None
    reasons: list[str] = field(default_factory=list)  # in Chinese
    comparisons: list[Comparison] = field(default_factory=list)

    @property
    def verdict(self) -> str:
        if self.promoted is None:
            return "—"
        return "通过，已采用" if self.promoted else "未通过，未采用"


def _comparison(name: str, part: dict) -> Comparison:
    cur, cand = part.get("current") or {}, part.get("candidate") or {}
    rows = []
    for key, label in MEASURES.items():
        before, after = cur.get(key), cand.get(key)
        worse = isinstance(before, (int, float)) and isinstance(after, (int, float)) and (
            after > before if key == "leaks" else after < before)
        rows.append((label, "—" if before is None else before, "—" if after is None else after, worse))
    for level in SECRET_LEVELS:
        before, after = cur.get("secret_recall", {}).get(level), cand.get("secret_recall", {}).get(level)
        if before is None and after is None:
            continue
        worse = before is not None and after is not None and after < before
        rows.append((f"{level}文件召回率", "—" if before is None else before, "—" if after is None else after, worse))
    note = part.get("note") or ""
    if note.startswith("the current model was trained on this set"):
        note = "现用模型曾在此集合上训练；其分数取自训练时记录的留出评估结果。"
    elif note.startswith("the current model may have been trained"):
        note = "现用模型可能曾在此集合上训练（语料不同），其分数可能偏高。"
    return Comparison(_set(name), cand.get("n", "—"), note, rows)


def models_view(models_dir: Path | None = None) -> list[ModelRow]:
    """Newest first; retrained candidates carry their gate comparison and, when refused, the reasons."""
    metas = {m.get("version"): m for m in registry.list_versions(models_dir)}
    rows = []
    for entry in model_table(models_dir):
        meta = metas.get(entry["version"], {})
        gate = meta.get("gate") or {}
        rows.append(ModelRow(
            str(entry["version"]), str(entry.get("created") or ""), KINDS.get(entry["kind"], str(entry["kind"])),
            entry["current"], entry["promoted"], entry["n_decisions"], meta.get("parent"), gate.get("tolerance"),
            [reason_zh(r) for r in entry["reasons"]],
            [_comparison(name, part) for name, part in (gate.get("comparison") or {}).items()]))
    rows.sort(key=lambda r: r.created, reverse=True)
    return rows
