"""Issue 10 model experiments: leave-writer-out (LWO) variants of the classifier, measured the way `gongkai train`
measures them, without training the shipped model.

Corpus records and rule results are computed once and cached (pickle in /tmp); each variant then runs the ten
LWO folds and the threshold sweep of gongkai.classify.train and prints the leak-free frontier (the largest share of
public documents still proposed 主动公开 with zero leaks), the unmarked-secret recall at that threshold pair and the
LWO disclosure macro-F1. The dev set is never read here.

    PYTHONPATH=/work/wt10 /work/main/.venv/bin/python bench/model_experiments.py prepare
    PYTHONPATH=/work/wt10 /work/main/.venv/bin/python bench/model_experiments.py run baseline c4 ...
"""
from __future__ import annotations

import json
import pickle
import sys
import time
from pathlib import Path

import numpy as np

CACHE = Path("/tmp/gk10_cache.pkl")
RESULTS = Path("/tmp/gk10_results.jsonl")
PREDS = Path("/tmp/gk10_preds")

# One change at a time against the shipped configuration (C=8, all three feature parts, 5-class secrecy model,
# sigmoid calibration on writer folds, one refit model).
BASE = {"restricted_model": None, "C": 8.0, "parts": ("词", "字", "线索"), "strip": False, "binary_secret": False, "method": "sigmoid",
        "ensemble": False, "writer_min": 1, "generator": True}
VARIANTS = {
    "baseline": {},
    "c0.5": {"C": 0.5}, "c1": {"C": 1.0}, "c2": {"C": 2.0}, "c4": {"C": 4.0},
    "strip": {"strip": True},
    "words": {"parts": ("词", "线索")}, "chars": {"parts": ("字", "线索")},
    "binary": {"binary_secret": True},
    # the same as "binary", cheaper: the disclosure and 5-class secrecy predictions are the baseline's own (same
    # features, same deterministic fits), only the binary model is fitted
    "binary_reuse": {"binary_secret": True, "reuse": "baseline"},
    # (needs commit 28be18b) a binary "withheld or restricted (the leak definition) vs not" model replaces max(P(不予公开), 1 − P(非密))
    # as the withheld signal; "…_max" keeps the larger of the two
    "restricted_reuse": {"restricted_model": "replace", "reuse": "baseline"},
    "restricted_max_reuse": {"restricted_model": "max", "reuse": "baseline"},
    "ensemble": {"ensemble": True},
    "writers2": {"writer_min": 2}, "writers3": {"writer_min": 3},
    "isotonic": {"method": "isotonic"},
    "nogen": {"generator": False},
}


def at(policy, ts, tw):
    """The policy with both pairs of signal thresholds (with and without the restricted target) set to (ts, tw)."""
    pair = {"secret_signal_probability": ts, "withheld_signal_probability": tw}
    try:  # the restricted-target variants need decide.py and policy.py of commit 28be18b (reverted in the library)
        from gongkai.policy import SignalThresholds
    except ImportError:
        return policy.model_copy(update=pair)
    return policy.model_copy(update={**pair, "with_restricted_model": SignalThresholds.model_construct(**pair)})


def prepare():
    from gongkai.classify.corpus import load_training
    from gongkai.classify.train import records_for
    from gongkai.proposer import Proposer

    t = time.time()
    proposer = Proposer(model=None)
    examples = load_training()
    records, matches = records_for([e.text for e in examples], proposer=proposer)
    CACHE.write_bytes(pickle.dumps((examples, records, matches)))
    print(f"cached {len(examples)} examples in {time.time() - t:.0f}s")


def stripped(record, match):
    """The training copy of a sealed document without its mark: mark and 份号 cut out of the text, the mark rules'
    cues and the 份号 cue dropped. Sealed documents never reach the model at prediction, so what it learns from
    them should be their content, not the mark."""
    from gongkai.classify.features import DocumentRecord, cues_from

    spans = sorted((f.start, f.end) for f in match.findings if f.category == "secrecy_mark")
    text, last = [], 0
    for s, e in spans:
        if s >= last:
            text.append(record.text[last:s])
            last = e
    text.append(record.text[last:])
    findings = [f for f in match.findings if f.category != "secrecy_mark"]
    cues = {k: v for k, v in cues_from(match.structure, findings).items() if k != "要素=份号"}
    return DocumentRecord("".join(text), cues)


XCACHE = Path("/tmp/gk10_X")


def fold_matrices(w, strip, examples, records, matches):
    """Feature matrices of one LWO fold (shipped features fitted on the training writers), cached on disk: the
    feature parts are independent TF-IDF/dict blocks, so a subset of parts is a subset of columns."""
    from gongkai.classify.corpus import GENERATOR
    from gongkai.classify.features import build_features
    from gongkai.classify.model import feature_names
    from gongkai.classify.train import _is_original
    from gongkai.proposer import is_sealed

    path = XCACHE / f"{int(strip)}_{w}.pkl"
    if path.exists():
        return pickle.loads(path.read_bytes())
    train_idx = [i for i, e in enumerate(examples) if e.writer != w]
    test_idx = [i for i, e in enumerate(examples) if e.writer == w and _is_original(e) and not is_sealed(matches[i])]
    recs = [stripped(records[i], matches[i]) if strip and is_sealed(matches[i]) else records[i] for i in train_idx]
    union = build_features()
    X_tr = union.fit_transform(recs).tocsr()
    X_te = union.transform([records[i] for i in test_idx]).tocsr()
    names = feature_names(union)
    parts = np.array([n.split(":", 1)[0] for n in names])
    out = (train_idx, test_idx, X_tr, X_te, parts)
    XCACHE.mkdir(exist_ok=True)
    tmp = path.with_suffix(f".{time.time_ns()}.tmp")
    tmp.write_bytes(pickle.dumps(out))
    tmp.rename(path)
    return out


def fit_predict(cfg, X_tr, X_te, parts, y, groups, writers, seed=0, reused=None):
    """The variant's calibrated models fitted on X_tr; {target: {label: p}} for each row of X_te."""
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    from gongkai.labels import SECRET_LEVELS

    cols = np.flatnonzero(np.isin(parts, cfg["parts"]))
    if cfg["writer_min"] > 1:  # keep a column only if documents of at least `writer_min` writers use it
        seen = np.zeros(X_tr.shape[1], dtype=int)
        wa = np.asarray(writers)
        for w in set(writers):
            seen += X_tr[np.flatnonzero(wa == w)].getnnz(axis=0) > 0
        cols = np.intersect1d(cols, np.flatnonzero(seen >= cfg["writer_min"]))
    X_tr, X_te = X_tr[:, cols], X_te[:, cols]
    n_splits = max(2, min(4, len(set(groups))))
    splits = list(GroupKFold(n_splits=n_splits).split(np.zeros(len(groups)), groups=groups))

    def fitted(values):
        base = LogisticRegression(C=cfg["C"], class_weight="balanced", max_iter=3000, random_state=seed)
        return CalibratedClassifierCV(base, method=cfg["method"], cv=splits, ensemble=cfg["ensemble"]).fit(X_tr, values)

    out = [{} for _ in range(X_te.shape[0])] if reused is None else reused
    for target, values in (y.items() if reused is None else ()):
        model = fitted(values)
        proba = model.predict_proba(X_te)
        for i in range(X_te.shape[0]):
            out[i][target] = dict(zip(model.classes_, map(float, proba[i])))
    if cfg["restricted_model"]:
        model = fitted(["restricted" if d == "不予公开" or s != "非密" else "publishable"
                        for d, s in zip(y["disclosure"], y["secrecy"])])
        pr = model.predict_proba(X_te)[:, list(model.classes_).index("restricted")]
        for i in range(X_te.shape[0]):
            old = max(out[i]["disclosure"].get("不予公开", 0.0), 1.0 - out[i]["secrecy"].get("非密", 1.0))
            r = float(pr[i]) if cfg["restricted_model"] == "replace" else max(old, float(pr[i]))
            out[i]["restricted"] = {"restricted": r, "publishable": 1 - r, "raw": float(pr[i])}
    if cfg["binary_secret"]:
        # P(secret) from a binary model; the 5-class model's shares kept within each side.
        model = fitted(["secret" if v in SECRET_LEVELS else "not" for v in y["secrecy"]])
        ps = model.predict_proba(X_te)[:, list(model.classes_).index("secret")]
        for i in range(X_te.shape[0]):
            probs = out[i]["secrecy"]
            s = sum(probs.get(lv, 0.0) for lv in SECRET_LEVELS)
            for k in probs:
                if k in SECRET_LEVELS:
                    probs[k] = probs[k] / s * ps[i] if s > 0 else ps[i] / len(SECRET_LEVELS)
                else:
                    probs[k] = probs[k] / (1 - s) * (1 - ps[i]) if s < 1 else 0.0
    return out


def run(name: str):
    from gongkai.classify.corpus import GENERATOR
    from gongkai.classify.evaluate import evaluate
    from gongkai.classify.model import Prediction
    from gongkai.classify.train import _outcome, best_thresholds, sweep
    from gongkai.labels import SECRET_LEVELS
    from gongkai.proposer import BareModel, Proposer

    cfg = {**BASE, "reuse": None, **VARIANTS[name]}
    examples, records, matches = pickle.loads(CACHE.read_bytes())
    previous = pickle.loads((PREDS / f"{cfg['reuse']}.pkl").read_bytes()) if cfg["reuse"] else None
    raw = {}
    proposer = Proposer(model=None)
    writers = sorted({e.writer for e in examples if e.writer != GENERATOR})
    predictions = [None] * len(examples)
    tested = []
    t0 = time.time()
    for w in writers:
        train_idx, test_idx, X_tr, X_te, parts = fold_matrices(w, cfg["strip"], examples, records, matches)
        if not cfg["generator"]:
            rows = [k for k, i in enumerate(train_idx) if examples[i].writer != GENERATOR]
            train_idx, X_tr = [train_idx[k] for k in rows], X_tr[rows]
        preds = fit_predict(cfg, X_tr, X_te, parts,
                            {"disclosure": [examples[i].disclosure for i in train_idx],
                             "secrecy": [examples[i].secrecy for i in train_idx]},
                            [examples[i].writer if examples[i].writer != GENERATOR else examples[i].group
                             for i in train_idx],
                            [examples[i].writer for i in train_idx],
                            reused=None if previous is None else [
                                {"secrecy": dict(previous[i][1]), "disclosure": dict(previous[i][2])} for i in test_idx])
        for i, p in zip(test_idx, preds):
            predictions[i] = {t: Prediction(probs, []) for t, probs in p.items()}
            raw[i] = p
        # sealed documents of the writer are tested too: they never reach the model (prediction None)
        tested += [i for i, e in enumerate(examples) if e.writer == w and e.meta.get("variant", "original") == "original"]
        print(f"  {name}: fold {w} done at {time.time() - t0:.0f}s", flush=True)
    fit_time = time.time() - t0
    bare = proposer.with_model(BareModel(None))
    rows = sweep(bare, examples, matches, records, predictions, tested)
    best = best_thresholds(rows)

    def report_at(ts, tw):
        p2 = bare.with_model(bare.model)
        p2.policy = at(proposer.policy, ts, tw)
        props = p2.propose_records([records[i] for i in tested], [matches[i] for i in tested],
                                   [str(i) for i in tested], [predictions[i] for i in tested])
        return evaluate([_outcome(examples[i], p) for i, p in zip(tested, props)])

    shipped = report_at(0.05, 0.15)
    at_best = report_at(best["secret_signal_probability"], best["withheld_signal_probability"]) if best else None
    PREDS.mkdir(exist_ok=True)
    (PREDS / f"{name}.pkl").write_bytes(pickle.dumps({i: (
        sum(predictions[i]["secrecy"].probabilities.get(lv, 0.0) for lv in SECRET_LEVELS),
        predictions[i]["secrecy"].probabilities, predictions[i]["disclosure"].probabilities)
        for i in tested if predictions[i]}))
    (PREDS / f"{name}.raw.pkl").write_bytes(pickle.dumps(raw))
    row = {"variant": name, "cfg": {k: v for k, v in VARIANTS[name].items()},
           "frontier": best and best["public_proposed_public"],
           "pair": best and [best["secret_signal_probability"], best["withheld_signal_probability"]],
           "unmarked_recall_at_pair": at_best and at_best.secret_recall_unmarked,
           "disclosure_f1_at_pair": at_best and round(at_best.disclosure_macro_f1, 4),
           "at_0.05_0.15": {k: shipped.summary()[k] for k in ("leaks", "public_proposed_public",
                                                             "secret_recall_unmarked", "disclosure_macro_f1",
                                                             "secrecy_macro_f1", "internal_recall_at_least")},
           "n_tested": len(tested), "fit_seconds": round(fit_time), "total_seconds": round(time.time() - t0),
           "sweep": rows}
    with RESULTS.open("a", encoding="utf-8") as fh:
        fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(json.dumps({k: v for k, v in row.items() if k != "sweep"}, ensure_ascii=False), flush=True)


def combine(name: str, secret_from: str, restricted_from: str | None, how: str = "replace", grid=None):
    """Post-hoc: the baseline's disclosure and secrecy predictions, P(secret) rescaled to a binary model's
    (`secret_from` ≠ "baseline") and/or the withheld signal from a binary restricted model's raw output, then the
    sweep. No refit: the raw outputs of earlier runs are combined."""
    from gongkai.classify.evaluate import evaluate
    from gongkai.classify.model import Prediction
    from gongkai.classify.train import SECRET_THRESHOLDS, WITHHELD_THRESHOLDS, _outcome, best_thresholds, sweep
    import gongkai.classify.train as train_mod
    from gongkai.labels import SECRET_LEVELS
    from gongkai.proposer import BareModel, Proposer

    examples, records, matches = pickle.loads(CACHE.read_bytes())
    base = pickle.loads((PREDS / "baseline.pkl").read_bytes())
    sec = base if secret_from == "baseline" else pickle.loads((PREDS / f"{secret_from}.raw.pkl").read_bytes())
    res = pickle.loads((PREDS / f"{restricted_from}.raw.pkl").read_bytes()) if restricted_from else None
    predictions = [None] * len(examples)
    for i, (_, s, d) in base.items():
        s = dict(s if secret_from == "baseline" else sec[i]["secrecy"])
        p = {"disclosure": Prediction(dict(d), []), "secrecy": Prediction(s, [])}
        if res is not None:
            r = res[i]["restricted"]["raw"]
            old = max(d.get("不予公开", 0.0), 1.0 - s.get("非密", 1.0))
            r = r if how == "replace" else max(r, old)
            p["restricted"] = Prediction({"restricted": r, "publishable": 1 - r}, [])
        predictions[i] = p
    tested = [i for i, e in enumerate(examples) if e.writer != "generator" and e.meta.get("variant", "original") == "original"]
    proposer = Proposer(model=None)
    bare = proposer.with_model(BareModel(None))
    if grid:  # a finer grid, as a diagnostic only
        train_mod.SECRET_THRESHOLDS, train_mod.WITHHELD_THRESHOLDS = grid
    rows = sweep(bare, examples, matches, records, predictions, tested)
    train_mod.SECRET_THRESHOLDS, train_mod.WITHHELD_THRESHOLDS = SECRET_THRESHOLDS, WITHHELD_THRESHOLDS
    best = best_thresholds(rows)
    p2 = bare.with_model(bare.model)
    p2.policy = at(proposer.policy, best["secret_signal_probability"], best["withheld_signal_probability"])
    props = p2.propose_records([records[i] for i in tested], [matches[i] for i in tested],
                               [str(i) for i in tested], [predictions[i] for i in tested])
    rep = evaluate([_outcome(examples[i], p) for i, p in zip(tested, props)])
    row = {"variant": name, "frontier": best["public_proposed_public"],
           "pair": [best["secret_signal_probability"], best["withheld_signal_probability"]],
           "unmarked_recall_at_pair": rep.secret_recall_unmarked, "disclosure_f1_at_pair": round(rep.disclosure_macro_f1, 4),
           "leaks_at_pair": len(rep.leaks), "fine_grid": bool(grid), "sweep": rows}
    with RESULTS.open("a", encoding="utf-8") as fh:
        fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(json.dumps({k: v for k, v in row.items() if k != "sweep"}, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    if sys.argv[1] == "prepare":
        prepare()
    elif sys.argv[1] == "combine":  # combine NAME SECRET_FROM RESTRICTED_FROM|- [replace|max] [fine]
        fine = (tuple(round(x, 3) for x in np.arange(0.02, 0.301, 0.005)),
                (0.05, 0.075, 0.1, 0.125, 0.15, 0.175, 0.2, 0.25, 0.3, 0.4, 0.5, 1.0))
        combine(sys.argv[2], sys.argv[3], None if sys.argv[4] == "-" else sys.argv[4],
                sys.argv[5] if len(sys.argv) > 5 else "replace", fine if "fine" in sys.argv[6:] else None)
    elif sys.argv[1] == "run":
        for name in sys.argv[2:]:
            run(name)


def fine_frontier(secret_from: str, restricted_from: str | None, how: str = "replace"):
    """Diagnostic only: the leak-free frontier over every threshold pair, not just the grid. A document is proposed
    主动公开 at (ts, tw) iff it is at no threshold at all and p_secret < ts and p_restricted < tw (decide.py: either
    signal only lowers the ceiling), so one pass of the chain at thresholds above 1 suffices."""
    from gongkai.classify.model import Prediction
    from gongkai.labels import SECRET_LEVELS
    from gongkai.proposer import BareModel, Proposer

    examples, records, matches = pickle.loads(CACHE.read_bytes())
    base = pickle.loads((PREDS / "baseline.pkl").read_bytes())
    sec = None if secret_from == "baseline" else pickle.loads((PREDS / f"{secret_from}.raw.pkl").read_bytes())
    res = pickle.loads((PREDS / f"{restricted_from}.raw.pkl").read_bytes()) if restricted_from else None
    tested = [i for i, e in enumerate(examples) if e.writer != "generator" and e.meta.get("variant", "original") == "original"]
    preds, ps, pr = [], [], []
    for i in tested:
        if i not in base:
            preds.append(None); ps.append(0.0); pr.append(0.0)
            continue
        _, s, d = base[i]
        s = dict(s if sec is None else sec[i]["secrecy"])
        r = max(d.get("不予公开", 0.0), 1.0 - s.get("非密", 1.0))
        p = {"disclosure": Prediction(dict(d), []), "secrecy": Prediction(s, [])}
        if res is not None:
            r = res[i]["restricted"]["raw"] if how == "replace" else max(r, res[i]["restricted"]["raw"])
            p["restricted"] = Prediction({"restricted": r}, [])
        preds.append(p); ps.append(sum(s.get(lv, 0.0) for lv in SECRET_LEVELS)); pr.append(r)
    proposer = Proposer(model=None)
    p2 = proposer.with_model(BareModel(None))
    p2.policy = at(proposer.policy, 1.01, 1.01)
    props = p2.propose_records([records[i] for i in tested], [matches[i] for i in tested], [str(i) for i in tested], preds)
    ps, pr = np.array(ps), np.array(pr)
    out = np.array([p.disclosure == "主动公开" for p in props])
    bad = np.array([examples[i].disclosure == "不予公开" or examples[i].secrecy != "非密" for i in tested])
    public = np.array([examples[i].disclosure == "主动公开" for i in tested])
    best = (0.0, None)
    # a leak-free pair: every restricted document still public at infinity has p_s >= ts or p_r >= tw
    for tw in sorted(set(np.round(pr[out], 6)) | {1.01}):
        risky = out & bad & (pr < tw)
        ts = ps[risky].min() if risky.any() else 1.01  # the largest ts with no leak (strict <)
        share = (out & public & (ps < ts) & (pr < tw)).sum() / public.sum()
        if share > best[0]:
            best = (round(float(share), 4), (round(float(ts), 4), round(float(tw), 4)))
    print(json.dumps({"secret_from": secret_from, "restricted_from": restricted_from, "how": how,
                      "fine_frontier": best[0], "pair": best[1]}), flush=True)


if __name__ == "__main__" and sys.argv[1] == "fine":
    fine_frontier(sys.argv[2], None if sys.argv[3] == "-" else sys.argv[3], sys.argv[4] if len(sys.argv) > 4 else "replace")
