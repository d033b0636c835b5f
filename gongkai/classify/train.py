"""Training the shipped model reproducibly from corpus/ (`gongkai train`), with an honest held-out
measurement: the model is first fitted on the training groups only and evaluated — through the whole
decision, rules included — on groups it never saw; the shipped model is then refitted on every group."""
from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.model_selection import StratifiedGroupKFold

from gongkai.classify import registry
from gongkai.classify.corpus import Example, corpus_hash, default_corpus_dir, load_corpus
from gongkai.classify.evaluate import Outcome, Report, evaluate
from gongkai.classify.features import DocumentRecord, cues_from
from gongkai.classify.model import DISCLOSURE, SECRECY, Classifier
from gongkai.decide import decide
from gongkai.documents import Proposal
from gongkai.policy import load_policy, load_routing

log = logging.getLogger(__name__)


@dataclass
class TrainingResult:
    version: str
    held_out: Report
    n_train: int
    n_test: int


def records_for(texts: list[str], matcher) -> tuple[list[DocumentRecord], list]:
    matches = [matcher.run(t) for t in texts]
    return [DocumentRecord(t, cues_from(m.structure, m.findings)) for t, m in zip(texts, matches)], matches


def held_out_split(examples: list[Example], seed: int) -> tuple[np.ndarray, np.ndarray]:
    """One fold of five, stratified on the label pair, never splitting a group."""
    y = [f"{e.disclosure}|{e.secrecy}" for e in examples]
    groups = [e.group for e in examples]
    splitter = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=seed)
    return next(splitter.split(np.zeros(len(examples)), y, groups))


def propose_all(classifier: Classifier, records, matches, sources, version: str | None = None) -> list[Proposal]:
    policy, routing = load_policy(), load_routing()
    predictions = classifier.predict(records)
    out = []
    for source, match, pred in zip(sources, matches, predictions):
        p = Proposal(source=source, sha256="", model_version=version)
        out.append(decide(p, match, pred, policy, routing))
    return out


def train(corpus_dir: Path | None = None, models_dir: Path | None = None, *, seed: int = 0,
          make_current: bool = True) -> TrainingResult:
    from gongkai.matching.engine import get_matcher

    corpus_dir = corpus_dir or default_corpus_dir()
    examples = load_corpus(corpus_dir)
    matcher = get_matcher()
    records, matches = records_for([e.text for e in examples], matcher)
    train_idx, test_idx = held_out_split(examples, seed)

    def fit(idx) -> Classifier:
        return Classifier(seed).fit(
            [records[i] for i in idx],
            {"disclosure": [examples[i].disclosure for i in idx], "secrecy": [examples[i].secrecy for i in idx]},
            [examples[i].group for i in idx],
        )

    log.info("training on %d documents, holding out %d", len(train_idx), len(test_idx))
    candidate = fit(train_idx)
    proposals = propose_all(candidate, [records[i] for i in test_idx], [matches[i] for i in test_idx],
                            [str(examples[i].path.relative_to(corpus_dir)) for i in test_idx])
    held_out = evaluate([
        Outcome(p.source, examples[i].disclosure, examples[i].secrecy, p.disclosure, p.secrecy, p.confidence)
        for i, p in zip(test_idx, proposals)
    ])
    final = fit(np.arange(len(examples)))
    meta = {
        "corpus_hash": corpus_hash(corpus_dir),
        "n_documents": len(examples),
        "labels": {"disclosure": list(DISCLOSURE), "secrecy": list(SECRECY)},
        "seed": seed,
        "held_out": {"n_train": len(train_idx), "n_test": len(test_idx), **held_out.summary(),
                     "note": "measured with a model fitted on the training groups only; the shipped model is refitted on all groups"},
    }
    version = registry.save(final, meta, models_dir, make_current=make_current)
    return TrainingResult(version, held_out, len(train_idx), len(test_idx))
