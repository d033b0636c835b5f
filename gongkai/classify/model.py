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

DISCLOSURE = ("主动公开", "依申请公开", "不予公开")
SECRECY = ("非密", "内部", "秘密", "机密", "绝密")
TARGETS = {"disclosure": DISCLOSURE, "secrecy": SECRECY}


@dataclass
class Prediction:
    probabilities: dict[str, float]  # label -> calibrated probability
    top_features: list[dict]  # [{"feature", "weight"}] for the most probable label


def _estimator(groups: list[str], seed: int) -> CalibratedClassifierCV:
    base = LogisticRegression(C=8.0, class_weight="balanced", max_iter=3000, random_state=seed)
    # Calibrate on folds that never split a group (a document and its damaged/revised copies).
    splits = list(GroupKFold(n_splits=4).split(np.zeros(len(groups)), groups=groups))
    # ensemble=False: one model refit on all data, calibrated by cross-validation; its coefficients
    # are the explanation.
    return CalibratedClassifierCV(base, method="sigmoid", cv=splits, ensemble=False)


class Classifier:
    """Fitted features + one calibrated model per target."""

    def __init__(self, seed: int = 0):
        self.seed = seed
        self.features = build_features()
        self.models: dict[str, CalibratedClassifierCV] = {}

    def fit(self, records: list[DocumentRecord], labels: dict[str, list[str]], groups: list[str]) -> "Classifier":
        X = self.features.fit_transform(records)
        self.feature_names = feature_names(self.features)  # computed once: it costs ~90 ms
        for target, values in labels.items():
            model = _estimator(groups, self.seed)
            model.fit(X, values)
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


def _top_features(linear: LogisticRegression, row, names, label: str, top: int) -> list[dict]:
    """Features that pushed this document towards `label` the most (value × weight)."""
    classes = list(linear.classes_)
    coef = linear.coef_[classes.index(label)] if len(classes) > 2 else (
        linear.coef_[0] if label == classes[1] else -linear.coef_[0])
    row = row.tocoo()
    contributions = row.data * coef[row.col]
    order = np.argsort(contributions)[::-1][:top]
    return [{"feature": names[row.col[j]], "weight": round(float(contributions[j]), 4)}
            for j in order if contributions[j] > 0]


def feature_names(union) -> np.ndarray:
    """Readable names of the union's columns: "词:保密", "字:启用前", "线索:文种=请示"."""
    names = []
    for part, pipeline in union.transformer_list:
        names.extend(f"{part}:{n}" for n in pipeline[-1].get_feature_names_out())
    return np.asarray(names, dtype=object)
