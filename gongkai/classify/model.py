"""Two calibrated linear models — disclosure attribute (3 values) and secrecy level (5 values) — and
the explanation of a prediction as its top contributing features."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from sklearn.calibration import CalibratedClassifierCV
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold
from sklearn.pipeline import Pipeline

from gongkai.classify.features import DocumentRecord, build_features

from gongkai.labels import DISCLOSURE, SECRECY
TARGETS = {"disclosure": DISCLOSURE, "secrecy": SECRECY}


@dataclass
class Prediction:
    probabilities: dict[str, float]  # label -> calibrated probability
    top_features: list[dict]  # [{"feature", "weight"}] for the most probable label


def _estimator(groups: list[str], seed: int) -> CalibratedClassifierCV:
    base = LogisticRegression(C=8.0, class_weight="balanced", max_iter=3000, random_state=seed)
    # Calibrate on folds that never split a group (a document and its damaged/revised copies).
    n_splits = max(2, min(4, len(set(groups))))
    splits = list(GroupKFold(n_splits=n_splits).split(np.zeros(len(groups)), groups=groups))
    # ensemble=False: one model refit on all data, calibrated by cross-validation; its coefficients
    # are the explanation.
    return CalibratedClassifierCV(base, method="sigmoid", cv=splits, ensemble=False)


class Classifier:
    """Fitted features + one calibrated model per target."""

    def __init__(self, seed: int = 0):
        self.seed = seed
        self.features = build_features()
        self.models: dict[str, CalibratedClassifierCV] = {}

    def fit(self, records: list[DocumentRecord], labels: dict[str, list[str]], groups: list[str],
            weights: list[float] | None = None) -> "Classifier":
        """`weights`: per-document sample weights (retraining caps the weight of reviewers' decisions)."""
        X = self.features.fit_transform(records)
        self.feature_names = feature_names(self.features)  # computed once: it costs ~90 ms
        for target, values in labels.items():
            model = _estimator(groups, self.seed)
            model.fit(X, values, sample_weight=None if weights is None else np.asarray(weights, dtype=float))
            self.models[target] = model
        return self

    def predict(self, records: list[DocumentRecord], top: int = 6) -> list[dict[str, Prediction]]:
        X = self.features.transform(records)
        names = self.feature_names
        out: list[dict[str, Prediction]] = [{} for _ in records]
        for target, model in self.models.items():
            proba = model.predict_proba(X)
            classes = list(model.classes_)
            linear = model.calibrated_classifiers_[0].estimator
            for i in range(len(records)):
                probs = {c: float(p) for c, p in zip(classes, proba[i])}
                best = classes[int(np.argmax(proba[i]))]
                out[i][target] = Prediction(probs, _top_features(linear, X[i], names, best, top))
        return out


# Words that carry grammar, not meaning: never shown to a reviewer as a reason.
FUNCTION_WORDS = frozenset(
    "的 了 以 和 与 及 或 在 对 为 是 将 等 于 由 从 按 向 把 被 其 之 所 而 并 也 就 都 又 还 个 这 那 该 此 各 本 有 "
    "上 下 中 年 月 日 号 第 一 二 三 要 可 不 已 我 我们 你 他 她 它 们 着 过 给 让 使 如 若 则 即 但 及其 以及 并且 或者 "
    "因此 为了 关于 根据 按照 通过 进行 有关 相关 工作 一个 一些 这个 这些 那些 其中 以上 以下 以及 同时 并 <num>".split())


def readable_feature(name: str) -> str | None:
    """The words of the document behind a feature, or None when the feature is not words a reviewer can read
    (character n-grams, internal cues, function words, numbers)."""
    part, _, value = name.partition(":")
    if part != "词":
        return None
    tokens = [t for t in value.split(" ") if t]
    if not tokens or any(t in FUNCTION_WORDS or len(t) < 2 for t in tokens):
        return None
    if any(t == "<num>" for t in tokens):
        return None
    return "".join(tokens)


def _top_features(linear: LogisticRegression, row, names, label: str, top: int) -> list[dict]:
    """Words and phrases of this document that pushed it towards `label` the most (value × weight)."""
    classes = list(linear.classes_)
    coef = linear.coef_[classes.index(label)] if len(classes) > 2 else (
        linear.coef_[0] if label == classes[1] else -linear.coef_[0])
    row = row.tocoo()
    contributions = row.data * coef[row.col]
    out: list[dict] = []
    seen: set[str] = set()
    for j in np.argsort(contributions)[::-1]:
        if contributions[j] <= 0 or len(out) >= top:
            break
        words = readable_feature(names[row.col[j]])
        if words is None or words in seen:
            continue
        seen.add(words)
        out.append({"feature": words, "weight": round(float(contributions[j]), 4)})
    return out


def feature_names(union) -> np.ndarray:
    """Readable names of the union's columns: "词:保密", "字:启用前", "线索:文种=请示"."""
    names = []
    for part, pipeline in union.transformer_list:
        names.extend(f"{part}:{n}" for n in pipeline[-1].get_feature_names_out())
    return np.asarray(names, dtype=object)
