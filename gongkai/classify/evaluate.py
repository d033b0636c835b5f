"""Measuring proposals against reviewers' labels: per-class precision/recall/F1, confusion matrices,
leaks (a non-public document proposed 主动公开), recall on state secrets, calibration error."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from sklearn.metrics import classification_report, confusion_matrix, f1_score

from gongkai.labels import DISCLOSURE, INTERNAL, PUBLIC, SECRECY, SECRET_LEVELS, UNRESTRICTED, WITHHELD


@dataclass
class Outcome:
    source: str
    true_disclosure: str
    true_secrecy: str
    disclosure: str
    secrecy: str
    confidence: float
    marked: bool | None = None  # the document carries an explicit secrecy mark (corpus field `marked`)
    hard_negative: bool = False  # a public document full of alarming words (corpus field)
    writer: str = ""

    @property
    def restricted(self) -> bool:
        """Withheld or restricted by its true labels: proposing it 主动公开 is a leak."""
        return self.true_disclosure == WITHHELD or self.true_secrecy != UNRESTRICTED


@dataclass
class Report:
    n: int
    disclosure_macro_f1: float
    secrecy_macro_f1: float
    per_class: dict
    confusion: dict
    leaks: list[str] = field(default_factory=list)
    secret_recall: dict = field(default_factory=dict)  # level -> share proposed at that level or higher
    secret_detection_recall: float = 1.0  # share of true secrets proposed as a state secret at all
    secret_recall_marked: float | None = None  # the same, for documents with an explicit mark
    secret_recall_unmarked: float | None = None  # … and without one
    internal_recall: float | None = None  # true 内部 proposed 内部
    internal_recall_at_least: float | None = None  # true 内部 proposed 内部 or a state-secret level
    public_proposed_public: float | None = None  # true 主动公开 proposed 主动公开
    hard_negatives_alarmed: float | None = None  # hard negatives proposed anything but 主动公开/非密
    n_hard_negatives: int = 0
    calibration_error: float = 0.0

    def summary(self) -> dict:
        return {"n": self.n, "disclosure_macro_f1": round(self.disclosure_macro_f1, 4),
                "secrecy_macro_f1": round(self.secrecy_macro_f1, 4), "leaks": len(self.leaks),
                "secret_recall": {k: round(v, 4) for k, v in self.secret_recall.items()},
                "secret_detection_recall": round(self.secret_detection_recall, 4),
                "secret_recall_marked": _round(self.secret_recall_marked),
                "secret_recall_unmarked": _round(self.secret_recall_unmarked),
                "internal_recall": _round(self.internal_recall),
                "internal_recall_at_least": _round(self.internal_recall_at_least),
                "public_proposed_public": _round(self.public_proposed_public),
                "hard_negatives_alarmed": _round(self.hard_negatives_alarmed),
                "n_hard_negatives": self.n_hard_negatives,
                "calibration_error": round(self.calibration_error, 4)}


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 4)


def _share(items, test) -> float | None:
    items = list(items)
    return sum(1 for o in items if test(o)) / len(items) if items else None


def expected_calibration_error(confidence: np.ndarray, correct: np.ndarray, bins: int = 10) -> float:
    edges = np.linspace(0, 1, bins + 1)
    total = 0.0
    for lo, hi in zip(edges[:-1], edges[1:]):
        inside = (confidence > lo) & (confidence <= hi)
        if inside.any():
            total += inside.mean() * abs(confidence[inside].mean() - correct[inside].mean())
    return float(total)


def evaluate(outcomes: list[Outcome]) -> Report:
    td = [o.true_disclosure for o in outcomes]
    pd = [o.disclosure for o in outcomes]
    ts = [o.true_secrecy for o in outcomes]
    ps = [o.secrecy for o in outcomes]
    d_labels = [d for d in DISCLOSURE if d in td or d in pd]
    s_labels = [s for s in SECRECY if s in ts or s in ps]
    report = Report(
        n=len(outcomes),
        disclosure_macro_f1=float(f1_score(td, pd, labels=d_labels, average="macro", zero_division=0)),
        secrecy_macro_f1=float(f1_score(ts, ps, labels=s_labels, average="macro", zero_division=0)),
        per_class={
            "disclosure": classification_report(td, pd, labels=d_labels, output_dict=True, zero_division=0),
            "secrecy": classification_report(ts, ps, labels=s_labels, output_dict=True, zero_division=0),
        },
        confusion={
            "disclosure": {"labels": d_labels, "matrix": confusion_matrix(td, pd, labels=d_labels).tolist()},
            "secrecy": {"labels": s_labels, "matrix": confusion_matrix(ts, ps, labels=s_labels).tolist()},
        },
    )
    report.leaks = [o.source for o in outcomes if o.disclosure == PUBLIC and o.restricted]
    order = {s: i for i, s in enumerate(SECRECY)}
    for level in SECRET_LEVELS:
        truly = [o for o in outcomes if o.true_secrecy == level]
        if truly:
            report.secret_recall[level] = sum(order[o.secrecy] >= order[level] for o in truly) / len(truly)
    secrets = [o for o in outcomes if o.true_secrecy in SECRET_LEVELS]
    if secrets:
        report.secret_detection_recall = sum(o.secrecy in SECRET_LEVELS for o in secrets) / len(secrets)
    detected = lambda o: o.secrecy in SECRET_LEVELS  # noqa: E731
    report.secret_recall_marked = _share((o for o in secrets if o.marked), detected)
    report.secret_recall_unmarked = _share((o for o in secrets if o.marked is False), detected)
    internal = [o for o in outcomes if o.true_secrecy == INTERNAL]
    report.internal_recall = _share(internal, lambda o: o.secrecy == INTERNAL)
    report.internal_recall_at_least = _share(internal, lambda o: order[o.secrecy] >= order[INTERNAL])
    report.public_proposed_public = _share((o for o in outcomes if o.true_disclosure == PUBLIC),
                                           lambda o: o.disclosure == PUBLIC)
    hard = [o for o in outcomes if o.hard_negative]
    report.n_hard_negatives = len(hard)
    report.hard_negatives_alarmed = _share(hard, lambda o: not (o.disclosure == PUBLIC and o.secrecy == UNRESTRICTED))
    conf = np.array([o.confidence for o in outcomes], dtype=float)
    correct = np.array([o.disclosure == o.true_disclosure for o in outcomes], dtype=float)
    report.calibration_error = expected_calibration_error(conf, correct) if len(outcomes) else 0.0
    return report


def write_report(report: Report, folder: Path, title: str = "gongkai evaluation") -> Path:
    """A Markdown report with the confusion matrices as PNG beside it."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib import font_manager

    folder.mkdir(parents=True, exist_ok=True)
    cjk = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
    if Path(cjk).exists():
        font_manager.fontManager.addfont(cjk)
        plt.rcParams["font.family"] = font_manager.FontProperties(fname=cjk).get_name()
    lines = [f"# {title}", "", f"Documents: {report.n}", "",
             "| measure | value |", "|---|---|"]
    for key, value in report.summary().items():
        lines.append(f"| {key} | {value} |")
    for target in ("disclosure", "secrecy"):
        cm = report.confusion[target]
        fig, ax = plt.subplots(figsize=(4.5, 4))
        ax.imshow(np.array(cm["matrix"]), cmap="Blues")
        ax.set_xticks(range(len(cm["labels"])), cm["labels"])
        ax.set_yticks(range(len(cm["labels"])), cm["labels"])
        ax.set_xlabel("proposed")
        ax.set_ylabel("true")
        for i, row in enumerate(cm["matrix"]):
            for j, v in enumerate(row):
                ax.text(j, i, str(v), ha="center", va="center")
        fig.tight_layout()
        png = folder / f"confusion_{target}.png"
        fig.savefig(png, dpi=110)
        plt.close(fig)
        lines += ["", f"## {target}", "", f"![confusion matrix]({png.name})", "",
                  "| true \\ proposed | " + " | ".join(cm["labels"]) + " |",
                  "|---" * (len(cm["labels"]) + 1) + "|"]
        lines += [f"| {lab} | " + " | ".join(map(str, row)) + " |" for lab, row in zip(cm["labels"], cm["matrix"])]
        lines += ["", "| class | precision | recall | F1 | support |", "|---|---|---|---|---|"]
        for lab in cm["labels"]:
            r = report.per_class[target][lab]
            lines.append(f"| {lab} | {r['precision']:.3f} | {r['recall']:.3f} | {r['f1-score']:.3f} | {int(r['support'])} |")
    if report.leaks:
        lines += ["", "## Leaks (non-public documents proposed 主动公开)", ""] + [f"- {s}" for s in report.leaks]
    out = folder / "report.md"
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out
