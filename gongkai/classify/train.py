"""Training the shipped model reproducibly (`gongkai train`), with an evaluation that cannot flatter:

- **leave-writer-out**: for every writer of the written corpus, a model fitted on all the other writers (and
  the generator's share) proposes for that writer's documents, through the whole proposal chain — rules,
  model, decision — exactly as production does (one `Proposer`);
- **the frozen dev set** (`corpus/dev/`, other writers): a model fitted on the whole training set proposes for
  it; it is never trained or tuned on;
- the secret-signal threshold is swept on the leave-writer-out predictions: the report shows, per threshold,
  how many state secrets and withheld documents would be proposed 主动公开 and how many public ones would not.

The shipped model is then fitted on the whole training set (never the dev set). Probabilities are calibrated
on folds split by writer, so that a confidence means what it says on a writer the model has not read.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from sklearn.model_selection import StratifiedGroupKFold

from gongkai.classify import registry
from gongkai.classify.corpus import GENERATOR, Example, corpus_hash, default_corpus_dir, load_dev, load_training
from gongkai.classify.evaluate import Outcome, Report, evaluate
from gongkai.classify.model import Classifier
from gongkai.labels import DISCLOSURE, SECRECY, SECRET_LEVELS

log = logging.getLogger(__name__)
THRESHOLDS = (0.02, 0.03, 0.05, 0.08, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5)


@dataclass
class TrainingResult:
    version: str
    leave_writer_out: Report | None
    dev: Report | None
    n_train: int
    per_writer: dict = field(default_factory=dict)
    threshold_sweep: list = field(default_factory=list)
    held_out: Report | None = None  # old-style grouped split, for a corpus without writers
    details: list = field(default_factory=list)  # per held-out document: truth, proposal, reasons (JSON-ready)


def _proposer(proposer=None):
    from gongkai.proposer import Proposer

    return proposer or Proposer(model=None)


def records_for(texts: list[str], matcher=None, proposer=None) -> tuple[list, list]:
    """Classifier records and rule results for texts, through the Proposer's matcher."""
    from gongkai.proposer import record_for

    matcher = matcher or _proposer(proposer).matcher
    matches = [matcher.run(t) for t in texts]
    return [record_for(t, m) for t, m in zip(texts, matches)], matches


def held_out_split(examples: list[Example], seed: int) -> tuple[np.ndarray, np.ndarray]:
    """One fold of five, stratified on the label pair, never splitting a group (the retraining gate's
    frozen fold on the generator's corpus)."""
    y = [f"{e.disclosure}|{e.secrecy}" for e in examples]
    groups = [e.group for e in examples]
    splitter = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=seed)
    return next(splitter.split(np.zeros(len(examples)), y, groups))


def propose_all(classifier: Classifier, records, matches, sources, version: str | None = None, proposer=None):
    """Proposals of a (candidate) classifier through the one proposal chain."""
    from gongkai.proposer import BareModel

    return _proposer(proposer).with_model(BareModel(classifier, version)).propose_records(records, matches, sources)


def _fit(examples: list[Example], records, idx, seed: int) -> Classifier:
    # Calibration folds are split by writer: a confidence is calibrated on writers the fold did not read.
    return Classifier(seed).fit(
        [records[i] for i in idx],
        {"disclosure": [examples[i].disclosure for i in idx], "secrecy": [examples[i].secrecy for i in idx]},
        [examples[i].writer if examples[i].writer != GENERATOR else examples[i].group for i in idx],
    )


def _outcome(e: Example, p) -> Outcome:
    return Outcome(f"{e.writer}/{e.path.name}", e.disclosure, e.secrecy, p.disclosure, p.secrecy, p.confidence,
                   e.marked, e.hard_negative, e.writer)


def _is_original(e: Example) -> bool:
    return e.meta.get("variant", "original") == "original"


SECRET_THRESHOLDS = (0.03, 0.04, 0.05, 0.055, 0.06, 0.065, 0.07, 0.075, 0.08, 0.09, 0.1, 0.12, 0.15, 0.2, 0.3)
WITHHELD_THRESHOLDS = (0.1, 0.15, 0.2, 0.3, 0.5, 1.0)


def sweep(proposer, examples, matches, records, predictions, idx) -> list[dict]:
    """For each pair of thresholds (P(secret), P(不予公开)): state secrets and withheld documents proposed 主动公开,
    and the share of public documents still proposed 主动公开 — on held-out predictions only."""
    rows = []
    for ts in SECRET_THRESHOLDS:
        for tw in WITHHELD_THRESHOLDS:
            p2 = proposer.with_model(proposer.model)
            p2.policy = proposer.policy.model_copy(update={"secret_signal_probability": ts,
                                                           "withheld_signal_probability": tw})
            props = p2.propose_records([records[i] for i in idx], [matches[i] for i in idx],
                                       [str(i) for i in idx], [predictions[i] for i in idx])
            public_out = [p.disclosure == "主动公开" for p in props]
            secret_leaks = sum(1 for i, out in zip(idx, public_out) if out and examples[i].secrecy in SECRET_LEVELS)
            leaks = sum(1 for i, out in zip(idx, public_out)
                        if out and (examples[i].disclosure == "不予公开" or examples[i].secrecy != "非密"))
            public = [out for i, out in zip(idx, public_out) if examples[i].disclosure == "主动公开"]
            rows.append({"secret_signal_probability": ts, "withheld_signal_probability": tw,
                         "secret_leaks": secret_leaks, "leaks": leaks,
                         "public_proposed_public": round(sum(public) / len(public), 4) if public else None})
    return rows


def best_thresholds(rows: list[dict]) -> dict | None:
    """The pair with no leak at all that keeps the most public documents public (ties: the more cautious)."""
    safe = [r for r in rows if r["leaks"] == 0 and r["public_proposed_public"] is not None]
    if not safe:
        return None
    return max(safe, key=lambda r: (r["public_proposed_public"], -r["secret_signal_probability"],
                                    -r["withheld_signal_probability"]))


def train(corpus_dir: Path | None = None, models_dir: Path | None = None, *, seed: int = 0,
          make_current: bool = True, evaluate_writers: bool = True, proposer=None) -> TrainingResult:
    from gongkai.proposer import BareModel

    proposer = _proposer(proposer)
    corpus_dir = corpus_dir or default_corpus_dir()
    examples = load_training(corpus_dir)
    dev = load_dev(corpus_dir)
    records, matches = records_for([e.text for e in examples], proposer=proposer)
    writers = sorted({e.writer for e in examples if e.writer != GENERATOR})
    lwo_report, per_writer, threshold_rows, held_out, details = None, {}, [], None, []
    if evaluate_writers and len(writers) >= 2:
        outcomes: list[Outcome] = []
        predictions: list[dict | None] = [None] * len(examples)
        tested: list[int] = []
        for w in writers:
            train_idx = [i for i, e in enumerate(examples) if e.writer != w]
            test_idx = [i for i, e in enumerate(examples) if e.writer == w and _is_original(e)]
            log.info("leave-writer-out: %s (%d test, %d train)", w, len(test_idx), len(train_idx))
            fold = proposer.with_model(BareModel(_fit(examples, records, train_idx, seed), f"lwo-{w}"))
            preds = fold.predict_records([records[i] for i in test_idx], [matches[i] for i in test_idx])
            props = fold.propose_records([records[i] for i in test_idx], [matches[i] for i in test_idx],
                                         [str(examples[i].path) for i in test_idx], preds)
            for i, pred in zip(test_idx, preds):
                predictions[i] = pred
            tested += test_idx
            fold_outcomes = [_outcome(examples[i], p) for i, p in zip(test_idx, props)]
            details += [_detail("leave-writer-out", examples[i], p, pred) for i, p, pred in zip(test_idx, props, preds)]
            per_writer[w] = evaluate(fold_outcomes).summary()
            outcomes += fold_outcomes
        lwo_report = evaluate(outcomes)
        threshold_rows = sweep(proposer.with_model(BareModel(None)), examples, matches, records, predictions, tested)
    elif evaluate_writers:  # the generator's corpus alone: the old grouped hold-out
        train_idx, test_idx = held_out_split(examples, seed)
        fold = proposer.with_model(BareModel(_fit(examples, records, train_idx, seed)))
        props = fold.propose_records([records[i] for i in test_idx], [matches[i] for i in test_idx],
                                     [str(examples[i].path) for i in test_idx])
        held_out = evaluate([_outcome(examples[i], p) for i, p in zip(test_idx, props)])

    final = _fit(examples, records, list(range(len(examples))), seed)
    dev_report = None
    if dev:
        d_records, d_matches = records_for([e.text for e in dev], proposer=proposer)
        dev_proposer = proposer.with_model(BareModel(final))
        d_preds = dev_proposer.predict_records(d_records, d_matches)
        props = dev_proposer.propose_records(d_records, d_matches, [str(e.path) for e in dev], d_preds)
        dev_report = evaluate([_outcome(e, p) for e, p in zip(dev, props)])
        details += [_detail("dev", e, p, pred) for e, p, pred in zip(dev, props, d_preds)]
    n_generator = sum(e.writer == GENERATOR or e.meta.get("variant") == "pdf_damaged" for e in examples)
    meta = {
        "corpus_hash": corpus_hash(corpus_dir),
        "n_documents": len(examples),
        "n_generator_supplied": n_generator,
        "writers": writers,
        "labels": {"disclosure": list(DISCLOSURE), "secrecy": list(SECRECY)},
        "seed": seed,
        "policy": {"secret_signal_probability": proposer.policy.secret_signal_probability,
                   "withheld_signal_probability": proposer.policy.withheld_signal_probability,
                   "secret_level_probability": proposer.policy.secret_level_probability},
    }
    if lwo_report:
        meta["leave_writer_out"] = {**lwo_report.summary(), "leaks_list": lwo_report.leaks[:50]}
        meta["per_writer"] = per_writer
        meta["threshold_sweep"] = threshold_rows
        meta["best_thresholds"] = best_thresholds(threshold_rows)
    if held_out:
        meta["held_out"] = {**held_out.summary(), "note": "grouped hold-out of the generator's corpus"}
    if dev_report:
        meta["dev"] = {**dev_report.summary(), "writers": sorted({e.writer for e in dev}),
                       "leaks_list": dev_report.leaks[:50]}
    version = registry.save(final, meta, models_dir, make_current=make_current)
    return TrainingResult(version, lwo_report, dev_report, len(examples), per_writer, threshold_rows, held_out, details)


def _detail(split: str, e: Example, p, pred) -> dict:
    """One held-out document as a reviewer of the evaluation would want to see it."""
    secret = None
    if pred:
        secret = round(sum(pred["secrecy"].probabilities.get(level, 0.0) for level in SECRET_LEVELS), 4)
    return {"split": split, "writer": e.writer, "file": e.path.name, "genre": e.meta.get("genre"),
            "true": [e.disclosure, e.secrecy], "proposed": [p.disclosure, p.secrecy], "confidence": p.confidence,
            "p_secret": secret, "marked": e.marked, "hard_negative": e.hard_negative, "flags": p.flags,
            "reasons": [{"code": r.code, "rules": r.rules[:4], "evidence": [x.text for x in r.evidence[:2]],
                         "features": [f["feature"] for f in r.features[:4]]} for r in p.reasons]}
