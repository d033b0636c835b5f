"""Learning curve (issue 7, item 5): how fast the model learns from reviewers' decisions.

Simulation on corpus/: the frozen evaluation fold (held_out_split(seed=0), as the retraining gate
uses) is only evaluated on. Of the remaining groups, `--pool-share` is withheld from the start model
and fed, K documents at a time, as reviewer decisions (their corpus labels are the reviewers'
labels); after each K the model is refitted on start data + decisions so far and proposals on the
frozen fold are measured through the whole decision (rules included). Two orders of feeding:
`random`, and `uncertain` (active learning: the documents the current model is least sure about
first, by its top calibrated disclosure probability). Each step is one fit (the gate's comparison
and refit are not repeated here: this measures learning, not the gate).

    .venv/bin/python bench/learning_curve.py --k 60 --steps 6 --out bench/learning_curve.png
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from gongkai.classify.corpus import load_corpus  # noqa: E402
from gongkai.classify.model import Classifier  # noqa: E402
from gongkai.classify.retrain import FROZEN_SEED, evaluate_classifier  # noqa: E402
from gongkai.classify.train import held_out_split, records_for  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--k", type=int, default=60, help="decisions per retraining")
    ap.add_argument("--steps", type=int, default=6)
    ap.add_argument("--pool-share", type=float, default=0.5, help="share of the training groups fed as decisions")
    ap.add_argument("--strategies", default="random,uncertain")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", type=Path, default=REPO / "bench" / "learning_curve.png")
    args = ap.parse_args()

    from gongkai.matching.engine import get_matcher

    examples = load_corpus()
    train_idx, frozen_idx = held_out_split(examples, FROZEN_SEED)
    records, matches = records_for([e.text for e in examples], get_matcher())
    groups = sorted({examples[i].group for i in train_idx})
    random.Random(args.seed).shuffle(groups)
    pool_groups = set(groups[:round(args.pool_share * len(groups))])
    start = [int(i) for i in train_idx if examples[i].group not in pool_groups]
    pool = [int(i) for i in train_idx if examples[i].group in pool_groups]
    frozen = [int(i) for i in frozen_idx]
    frozen_args = ([records[i] for i in frozen], [matches[i] for i in frozen], [examples[i].path.name for i in frozen],
                   [(examples[i].disclosure, examples[i].secrecy) for i in frozen])

    def fit(idx: list[int]) -> Classifier:
        return Classifier(args.seed).fit([records[i] for i in idx],
                                         {"disclosure": [examples[i].disclosure for i in idx],
                                          "secrecy": [examples[i].secrecy for i in idx]},
                                         [examples[i].group for i in idx])

    curves: dict[str, list[dict]] = {}
    for strategy in args.strategies.split(","):
        remaining = list(pool)
        random.Random(args.seed + 1).shuffle(remaining)
        fed: list[int] = []
        model = fit(start)
        points = []
        for step in range(args.steps + 1):
            t0 = time.perf_counter()
            summary = evaluate_classifier(model, *frozen_args)
            points.append({"decisions": len(fed), "disclosure_macro_f1": summary["disclosure_macro_f1"],
                           "secrecy_macro_f1": summary["secrecy_macro_f1"], "leaks": summary["leaks"],
                           "secret_detection_recall": summary["secret_detection_recall"]})
            print(json.dumps({"strategy": strategy, **points[-1]}, ensure_ascii=False), flush=True)
            if step == args.steps or not remaining:
                break
            if strategy == "uncertain":
                preds = model.predict([records[i] for i in remaining], top=0)
                sureness = [max(p["disclosure"].probabilities.values()) for p in preds]
                remaining = [i for _, i in sorted(zip(sureness, remaining), key=lambda t: t[0])]
            fed += remaining[:args.k]
            remaining = remaining[args.k:]
            model = fit(start + fed)
            print(f"  fit {len(start) + len(fed)} documents in {time.perf_counter() - t0:.1f} s", file=sys.stderr, flush=True)
        curves[strategy] = points

    plot(curves, args.out, len(start), len(frozen))
    (args.out.with_suffix(".json")).write_text(json.dumps({"start_documents": len(start), "pool": len(pool),
                                                           "frozen": len(frozen), "k": args.k, "curves": curves},
                                                          ensure_ascii=False, indent=2), encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


def plot(curves: dict[str, list[dict]], out: Path, n_start: int, n_frozen: int) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    out.parent.mkdir(parents=True, exist_ok=True)
    fig, (a, b) = plt.subplots(1, 2, figsize=(10, 4))
    for strategy, points in curves.items():
        x = [p["decisions"] for p in points]
        a.plot(x, [p["disclosure_macro_f1"] for p in points], marker="o", label=f"disclosure ({strategy})")
        a.plot(x, [p["secrecy_macro_f1"] for p in points], marker="s", linestyle="--", label=f"secrecy ({strategy})")
        b.plot(x, [p["leaks"] for p in points], marker="o", label=strategy)
    a.set_xlabel("reviewer decisions")
    a.set_ylabel(f"macro-F1 on frozen set (n={n_frozen})")
    a.legend(fontsize=7)
    b.set_xlabel("reviewer decisions")
    b.set_ylabel("leaks (non-public proposed 主动公开)".replace("主动公开", "public"))
    b.legend(fontsize=7)
    fig.suptitle(f"Learning from decisions (start model: {n_start} corpus documents)")
    fig.tight_layout()
    fig.savefig(out, dpi=110)
    plt.close(fig)


if __name__ == "__main__":
    raise SystemExit(main())
