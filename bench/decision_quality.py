"""Issue 10's figures from a trained model's meta.json: leave-writer-out, the frozen dev set, per writer, and the
threshold sweep — as a Markdown section for BENCHMARKS.md.

    .venv/bin/gongkai train --details var/details.jsonl      # writes models/<version>/meta.json
    .venv/bin/python bench/decision_quality.py [--models DIR] [--version V] [--out FILE.md]
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from gongkai.classify import registry  # noqa: E402

ROWS = [("documents", "n"), ("disclosure macro-F1", "disclosure_macro_f1"), ("secrecy macro-F1", "secrecy_macro_f1"),
        ("leaks (secret or withheld proposed 主动公开)", "leaks"),
        ("recall on 秘密/机密/绝密 (proposed a state-secret level)", "secret_detection_recall"),
        ("… with a mark", "secret_recall_marked"), ("… without a mark", "secret_recall_unmarked"),
        ("recall on 内部 (proposed 内部)", "internal_recall"), ("… proposed 内部 or higher", "internal_recall_at_least"),
        ("public documents proposed 主动公开", "public_proposed_public"),
        ("hard negatives alarmed", "hard_negatives_alarmed"), ("hard negatives", "n_hard_negatives"),
        ("expected calibration error", "calibration_error")]
TARGETS = {"leaks": "0", "secret_detection_recall": "≥ 0.97", "secret_recall_unmarked": "≥ 0.95",
           "disclosure_macro_f1": "≥ 0.85", "internal_recall": "≥ 0.85", "public_proposed_public": "≥ 0.90",
           "hard_negatives_alarmed": "≤ 0.083"}


def section(meta: dict) -> str:
    lwo, dev = meta.get("leave_writer_out", {}), meta.get("dev", {})
    lines = [f"Model `{meta['version']}`: {meta['n_documents']} training documents "
             f"({meta.get('n_generator_supplied', 0)} supplied by the template generator: damaged copies and its own "
             f"originals), writers {', '.join(meta.get('writers', []))}; dev writers {', '.join(dev.get('writers', []))}. "
             f"Thresholds in force: {meta.get('policy')}.", "",
             "| measure | leave-writer-out | frozen dev set | target (issue 10) |", "|---|---|---|---|"]
    for label, key in ROWS:
        lines.append(f"| {label} | {lwo.get(key, '—')} | {dev.get(key, '—')} | {TARGETS.get(key, '')} |")
    lines += ["", "Per writer (leave-writer-out: the model never read the writer it is tested on):", "",
              "| writer | n | disclosure macro-F1 | leaks | secrets found | unmarked secrets found | public → 主动公开 | hard negatives alarmed |",
              "|---|---|---|---|---|---|---|---|"]
    for w, s in meta.get("per_writer", {}).items():
        lines.append(f"| {w} | {s['n']} | {s['disclosure_macro_f1']} | {s['leaks']} | {s['secret_detection_recall']} | "
                     f"{s.get('secret_recall_unmarked')} | {s.get('public_proposed_public')} | {s.get('hard_negatives_alarmed')} |")
    sweep = meta.get("threshold_sweep", [])
    if sweep:
        lines += ["", "Threshold sweep on the leave-writer-out predictions (P(secret) threshold × P(withheld or "
                  "restricted) threshold; leaks count state secrets, 内部 and 不予公开 documents proposed 主动公开):", "",
                  "| P(secret) ≥ | P(withheld) ≥ | secret leaks | all leaks | public → 主动公开 |", "|---|---|---|---|---|"]
        for r in sweep:
            if r["withheld_signal_probability"] in (0.15, 0.3, 1.0):
                lines.append(f"| {r['secret_signal_probability']} | {r['withheld_signal_probability']} | "
                             f"{r['secret_leaks']} | {r['leaks']} | {r['public_proposed_public']} |")
        lines += ["", f"Best pair with no leak: {meta.get('best_thresholds')}."]
    return "\n".join(lines) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--models", type=Path, default=None)
    ap.add_argument("--version", default=None)
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args()
    meta = registry.load(args.version, args.models).meta
    text = section(meta)
    print(text)
    if args.out:
        args.out.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
