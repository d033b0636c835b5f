"""The one proposal chain: extract → normalise → rules → classifier → decision (→ sealing by the caller).

Every entry point — the CLI, the web app, the nightly and retraining flows, training and evaluation — builds
one `Proposer` from one `Settings` and passes it down, so that "how is this document decided?" has one answer
and training measures exactly what production does. A document with an explicit state-secret mark never
reaches the model, wherever it comes from.
"""
from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from gongkai.classify.features import DocumentRecord, cues_from
from gongkai.decide import decide
from gongkai.documents import ExtractedDocument, Proposal
from gongkai.errors import GongkaiError
from gongkai.extract import extract_paths
from gongkai.policy import Policy, Routing, load_policy, load_routing
from gongkai.settings import Settings

log = logging.getLogger(__name__)


@dataclass
class Reviewed:
    document: ExtractedDocument
    proposal: Proposal
    match: object | None  # gongkai.matching.engine.MatchResult; None for a file that could not be read


CURRENT_MODEL = object()  # sentinel: load the current model from the registry


@dataclass
class BareModel:
    """A fitted classifier that is not (yet) in the registry, e.g. a candidate during training."""

    classifier: object
    version: str | None = None


def is_sealed(match) -> bool:
    """An explicit state-secret mark: the document is sealed and never reaches the model."""
    return any(f.effect.get("seal") for f in match.findings)


class Proposer:
    """Holds what is expensive to load once — rules, policy, routing, model — and proposes.

    `model=None` runs the rules alone: every proposal is then the most cautious value the rules allow,
    with confidence 0, so that nothing is published on rules alone."""

    def __init__(self, settings: Settings | None = None, *, model=CURRENT_MODEL, rules_dir: Path | None = None,
                 policy: Policy | None = None, routing: Routing | None = None):
        from gongkai.classify import registry
        from gongkai.matching.engine import get_matcher

        self.settings = settings or Settings()
        folder = rules_dir or (Path(self.settings.rules_dir) if self.settings.rules_dir else None)
        self.matcher = get_matcher(folder)
        self.policy = policy or load_policy(folder)
        self.routing = routing or load_routing(folder)
        if model is CURRENT_MODEL:
            models_dir = Path(self.settings.models_dir) if self.settings.models_dir else None
            model = registry.load(models_dir=models_dir)
        self.model = model

    @classmethod
    def from_settings(cls, settings: Settings | None = None, **kwargs) -> "Proposer":
        return cls(settings, **kwargs)

    def with_model(self, model) -> "Proposer":
        """The same rules, policy and routing with another model (a training candidate, a retrained one)."""
        clone = object.__new__(Proposer)
        clone.__dict__.update(self.__dict__)
        clone.model = model if model is None or hasattr(model, "classifier") else BareModel(model)
        return clone

    @property
    def model_version(self) -> str | None:
        return getattr(self.model, "version", None) if self.model is not None else None

    # ------------------------------------------------------------------ one document, many documents
    def review(self, doc: ExtractedDocument) -> Reviewed:
        proposal = Proposal(source=doc.source, sha256=doc.sha256, duplicate_of=doc.duplicate_of,
                            model_version=self.model_version)
        if not doc.ok:
            proposal.error = doc.error
            return Reviewed(doc, proposal, None)
        try:
            match = self.matcher.run(doc.text)
            predictions = self._predict([doc.text], [match])[0]
            decide(proposal, match, predictions, self.policy, self.routing, quality=doc.metadata.get("quality"))
            return Reviewed(doc, proposal, match)
        except GongkaiError as exc:
            proposal.error = exc.as_dict()
        except Exception as exc:  # never let one document stop the batch
            log.exception("review failed for %s", doc.source)
            proposal.error = GongkaiError("internal", f"{type(exc).__name__}: {exc}").as_dict()
        return Reviewed(doc, proposal, None)

    def review_many(self, docs: Sequence[ExtractedDocument]) -> list[Reviewed]:
        """`review` for many documents, with one call of the model for all of them (vectorised: the
        model's per-call cost is paid once). Gives exactly what `review` gives one by one."""
        out: list[Reviewed | None] = [None] * len(docs)
        todo, matches = [], []
        for i, doc in enumerate(docs):
            if not doc.ok:
                out[i] = self.review(doc)
                continue
            try:
                matches.append(self.matcher.run(doc.text))
                todo.append(i)
            except Exception:  # the one-by-one path records the error as it always has
                out[i] = self.review(doc)
        try:
            predictions = self._predict([docs[i].text for i in todo], matches) if todo else []
        except Exception:  # one document the model cannot take must not cost the others: one by one
            log.exception("batched prediction failed; reviewing %d documents one by one", len(todo))
            for i in todo:
                out[i] = self.review(docs[i])
            return out
        for i, match, pred in zip(todo, matches, predictions):
            doc = docs[i]
            proposal = Proposal(source=doc.source, sha256=doc.sha256, duplicate_of=doc.duplicate_of,
                                model_version=self.model_version)
            try:
                decide(proposal, match, pred, self.policy, self.routing, quality=doc.metadata.get("quality"))
                out[i] = Reviewed(doc, proposal, match)
            except GongkaiError as exc:
                proposal.error = exc.as_dict()
                out[i] = Reviewed(doc, proposal, None)
            except Exception as exc:  # never let one document stop the batch
                log.exception("review failed for %s", doc.source)
                proposal.error = GongkaiError("internal", f"{type(exc).__name__}: {exc}").as_dict()
                out[i] = Reviewed(doc, proposal, None)
        return out

    def review_paths(self, paths: Iterable[Path | str]) -> Iterator[Reviewed]:
        for doc in extract_paths(paths, self.settings):
            yield self.review(doc)

    def match_texts(self, texts: Sequence[str]) -> list:
        return [self.matcher.run(t) for t in texts]

    def propose_texts(self, texts: Sequence[str], sources: Sequence[str], matches: Sequence | None = None) -> list[Proposal]:
        """Proposals for already-normalised texts (corpus, decisions) through the very chain of `review`."""
        matches = list(matches) if matches is not None else self.match_texts(texts)
        return self.propose_records([record_for(t, m) for t, m in zip(texts, matches)], matches, sources)

    def propose_records(self, records: Sequence[DocumentRecord], matches: Sequence, sources: Sequence[str],
                        predictions: Sequence[dict | None] | None = None) -> list[Proposal]:
        """Proposals from prepared classifier records and rule results (training and retraining reuse them)."""
        if predictions is None:
            predictions = self.predict_records(records, matches)
        out = []
        for source, match, pred in zip(sources, matches, predictions):
            p = Proposal(source=source, sha256="", model_version=self.model_version)
            out.append(decide(p, match, pred, self.policy, self.routing))
        return out

    def predict_records(self, records: Sequence[DocumentRecord], matches: Sequence) -> list[dict | None]:
        """The model's predictions, batched; None for a sealed document (never shown to the model)."""
        out: list[dict | None] = [None] * len(records)
        if self.model is None:
            return out
        todo = [i for i, m in enumerate(matches) if not is_sealed(m)]
        if todo:
            for i, pred in zip(todo, self.model.classifier.predict([records[i] for i in todo])):
                out[i] = pred
        return out

    def _predict(self, texts: Sequence[str], matches: Sequence) -> list[dict | None]:
        todo = [i for i, m in enumerate(matches) if not is_sealed(m)] if self.model is not None else []
        records = [record_for(texts[i], matches[i]) if i in set(todo) else None for i in range(len(texts))]
        return self.predict_records(records, matches)


def record_for(text: str, match) -> DocumentRecord:
    """What the classifier sees of one document: its text and the cues of its rule result."""
    return DocumentRecord(text, cues_from(match.structure, match.findings))
