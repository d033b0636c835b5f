"""The whole chain for a batch of files, callable without Prefect:
extract → normalise → rules → classifier → decision → (sealing). Used by the CLI and the flows."""
from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from gongkai.classify.features import DocumentRecord, cues_from
from gongkai.decide import decide
from gongkai.documents import ExtractedDocument, Proposal
from gongkai.errors import GongkaiError
from gongkai.extract import extract_paths
from gongkai.policy import load_policy, load_routing
from gongkai.settings import Settings

log = logging.getLogger(__name__)


@dataclass
class Reviewed:
    document: ExtractedDocument
    proposal: Proposal
    match: object | None  # gongkai.matching.engine.MatchResult; None for a file that could not be read


CURRENT_MODEL = object()  # sentinel: load the current model from the registry


class Reviewer:
    """Holds what is expensive to load once: the rules, the model, the policy.

    `model=None` runs the rules alone: every proposal is then the most cautious value the rules allow,
    with confidence 0, so that nothing is published on rules alone."""

    def __init__(self, settings: Settings | None = None, *, model=CURRENT_MODEL, rules_dir: Path | None = None):
        from gongkai.classify import registry
        from gongkai.matching.engine import get_matcher

        self.settings = settings or Settings()
        self.matcher = get_matcher(rules_dir)
        self.policy = load_policy(rules_dir)
        self.routing = load_routing(rules_dir)
        self.model = registry.load() if model is CURRENT_MODEL else model

    def review(self, doc: ExtractedDocument) -> Reviewed:
        proposal = Proposal(source=doc.source, sha256=doc.sha256, duplicate_of=doc.duplicate_of,
                            model_version=self.model.version if self.model else None)
        if not doc.ok:
            proposal.error = doc.error
            return Reviewed(doc, proposal, None)
        try:
            match = self.matcher.run(doc.text)
            sealed = any(f.effect.get("seal") for f in match.findings)
            predictions = None
            if self.model is not None and not sealed:
                record = DocumentRecord(doc.text, cues_from(match.structure, match.findings))
                predictions = self.model.classifier.predict([record])[0]
            decide(proposal, match, predictions, self.policy, self.routing)
            return Reviewed(doc, proposal, match)
        except GongkaiError as exc:
            proposal.error = exc.as_dict()
        except Exception as exc:  # never let one document stop the batch
            log.exception("review failed for %s", doc.source)
            proposal.error = GongkaiError("internal", f"{type(exc).__name__}: {exc}").as_dict()
        return Reviewed(doc, proposal, None)

    def review_paths(self, paths: Iterable[Path | str]) -> Iterator[Reviewed]:
        for doc in extract_paths(paths, self.settings):
            yield self.review(doc)
