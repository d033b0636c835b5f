"""The shipped model on writer folders it has never read: a blind test for a new batch of written documents,
run before the batch is folded into training (and reported as such in BENCHMARKS.md).

    .venv/bin/python bench/blind_writers.py FOLDER [FOLDER …] [--models DIR] [--details F.jsonl]

Each FOLDER holds one writer's `wNN-XXXX.txt` and `labels.jsonl` (second reading merged). Figures are through the
whole proposal chain (rules, catalogue, model, decision) at the thresholds in rules/policy.yaml.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--models", type=Path, help="models folder (default: the configured one)")
    parser.add_argument("--details", type=Path, help="write one JSON line per document")
    args = parser.parse_args()

    import os

    if args.models:
        os.environ["GONGKAI_MODELS_DIR"] = str(args.models)
    from gongkai.classify.corpus import _examples
    from gongkai.classify.evaluate import Outcome, evaluate
    from gongkai.classify.train import records_for
    from gongkai.labels import SECRET_LEVELS
    from gongkai.proposer import Proposer

    proposer = Proposer()
    version = proposer.model_version
    examples = [e for folder in args.folders for e in _examples(folder / "labels.jsonl", folder.name)]
    records, matches = records_for([e.text for e in examples], proposer=proposer)
    preds = proposer.predict_records(records, matches)
    props = proposer.propose_records(records, matches, [str(e.path) for e in examples], preds)
    outcomes = [Outcome(f"{e.writer}/{e.path.name}", e.disclosure, e.secrecy, p.disclosure, p.secrecy, p.confidence,
                        e.marked, e.hard_negative, e.writer) for e, p in zip(examples, props)]
    by_writer = {}
    for o in outcomes:
        by_writer.setdefault(o.writer, []).append(o)
    report = evaluate(outcomes)
    print(f"model {version}; policy {proposer.policy.secret_signal_probability}/"
          f"{proposer.policy.withheld_signal_probability}; {len(examples)} documents")
    print(json.dumps({"all": report.summary(), **{w: evaluate(o).summary() for w, o in sorted(by_writer.items())}},
                     ensure_ascii=False, indent=1))
    print("leaks:", report.leaks)
    if args.details:
        with args.details.open("w", encoding="utf-8") as fh:
            for e, p, pred in zip(examples, props, preds):
                secret = round(sum(pred["secrecy"].probabilities.get(level, 0.0) for level in SECRET_LEVELS), 4) \
                    if pred else None
                fh.write(json.dumps({"writer": e.writer, "file": e.path.name, "true": [e.disclosure, e.secrecy],
                                     "proposed": [p.disclosure, p.secrecy], "p_secret": secret, "flags": p.flags,
                                     "marked": e.marked, "hard_negative": e.hard_negative}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
