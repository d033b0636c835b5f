"""Learning from reviewers (issue 7): retrain on the corpus plus the reviewers' final decisions, and
promote the candidate only through a gate that never lets a less safe model in.

Training data = corpus/ (minus the frozen evaluation fold) + the final reviewed labels — the
reviewers' labels, never the proposals. The final label of a document is its latest confirm/change
decision carrying both labels (as `gongkai.review.service.current_labels`), counted only once no task
of the document is open (a later stage could still change it). Sealed documents never enter (their
text is not in the store). Among near-duplicates the latest decision wins, and it also supersedes the
corpus label of a near-duplicate corpus document; a decision on a near-duplicate of a frozen
evaluation document is left out, so that the evaluation stays honest.

The gate compares candidate and current model on (a) the frozen evaluation set — the held-out fold
`held_out_split(corpus, seed=0)`, never trained on by a retrained model — and (b) the newest decisions,
held out in time order. A model made by `gongkai train` saw the frozen fold; its score there is the
honest one recorded at training time (`meta.held_out`, measured on exactly that fold)."""
from __future__ import annotations

import logging
import math
import uuid
import warnings
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import select

from gongkai.classify import registry
from gongkai.classify.corpus import corpus_hash, default_corpus_dir, load_corpus
from gongkai.classify.evaluate import SECRET_LEVELS, Outcome, evaluate
from gongkai.classify.model import DISCLOSURE, SECRECY, Classifier
from gongkai.classify.train import held_out_split, propose_all, records_for
from gongkai.extract.identity import NearDuplicateIndex
from gongkai.policy import Retraining, load_policy
from gongkai.store.models import Decision, Document, ReviewTask

log = logging.getLogger(__name__)
FROZEN_SEED = 0  # the frozen evaluation fold is held_out_split(corpus, seed=0), as in `gongkai train`


@dataclass
class Reviewed:
    """A document with its final reviewed labels."""

    document_id: int
    decision_id: int  # decisions are numbered in the order they were made
    text: str
    disclosure: str
    secrecy: str
    source: str
    decided_at: str  # ISO, UTC


@dataclass
class RetrainResult:
    promoted: bool
    reasons: list[str]  # why the candidate was refused or nothing was trained; empty when promoted
    current_version: str | None
    candidate_version: str | None = None
    n_decisions: int = 0
    n_new_decisions: int = 0
    n_recent: int = 0
    comparison: dict = field(default_factory=dict)  # {"frozen"|"recent": {"current", "candidate", "note"}}
    skipped: bool = False

    def as_dict(self) -> dict:
        return asdict(self)

    def markdown(self) -> str:
        verdict = "已采用 / promoted" if self.promoted else ("未训练 / skipped" if self.skipped else "已拒绝 / refused")
        lines = [f"# 模型再训练 / Retraining: {verdict}", "",
                 f"- current model: `{self.current_version}`", f"- candidate: `{self.candidate_version}`",
                 f"- reviewed decisions used: {self.n_decisions} ({self.n_new_decisions} new, "
                 f"{self.n_recent} newest held out)"]
        if self.reasons:
            lines += ["", "## Reasons", ""] + [f"- {r}" for r in self.reasons]
        for name, part in self.comparison.items():
            cur, cand = part.get("current") or {}, part.get("candidate") or {}
            lines += ["", f"## {name} evaluation set (n={cand.get('n', '—')})", ""]
            if part.get("note"):
                lines += [f"_{part['note']}_", ""]
            lines += ["| measure | current | candidate |", "|---|---|---|"]
            for key in ("leaks", "disclosure_macro_f1", "secrecy_macro_f1", "secret_detection_recall"):
                lines.append(f"| {key} | {cur.get(key, '—')} | {cand.get(key, '—')} |")
            for level in SECRET_LEVELS:
                if level in cand.get("secret_recall", {}) or level in cur.get("secret_recall", {}):
                    lines.append(f"| recall {level} | {cur.get('secret_recall', {}).get(level, '—')} | "
                                 f"{cand.get('secret_recall', {}).get(level, '—')} |")
        return "\n".join(lines) + "\n"


def reviewed_documents(store, *, threshold: float | None = None) -> list[Reviewed]:
    """Final reviewed labels, oldest decision first, near-duplicates superseded by the latest."""
    with store.session() as s:
        rows = s.execute(
            select(Decision, Document).join(Document, Decision.document_id == Document.id)
            .where(Decision.action.in_(("confirm", "change")), Decision.disclosure.is_not(None),
                   Decision.secrecy.is_not(None), Document.sealed.is_(False), Document.text.is_not(None))
            .order_by(Decision.id)).all()
        still_open = set(s.scalars(select(ReviewTask.document_id).where(ReviewTask.status == "open")))
        latest: dict[int, Reviewed] = {}
        for decision, doc in rows:
            if doc.id in still_open or decision.disclosure not in DISCLOSURE or decision.secrecy not in SECRECY:
                continue
            latest[doc.id] = Reviewed(doc.id, decision.id, doc.text, decision.disclosure, decision.secrecy,
                                      doc.source_name, _iso(decision.created_at))
    index = NearDuplicateIndex(threshold or _threshold())
    kept: dict[str, Reviewed] = {}
    for r in sorted(latest.values(), key=lambda r: r.decision_id):
        key = str(r.document_id)
        for match in index.matches(r.text):
            kept.pop(match.key, None)  # the earlier decision on a near-duplicate is superseded
        index.add(key, r.text)
        kept[key] = r
    return sorted(kept.values(), key=lambda r: r.decision_id)


def _iso(moment: datetime | None) -> str:
    """UTC, without offset: SQLite hands datetimes back naive, PostgreSQL aware."""
    if moment is None:
        return ""
    if moment.tzinfo is not None:
        moment = moment.astimezone(timezone.utc).replace(tzinfo=None)
    return moment.isoformat(timespec="microseconds")


def _threshold() -> float:
    from gongkai.settings import Settings

    return float(Settings().near_duplicate_threshold)


def count_new_decisions(store, models_dir: Path | None = None) -> int:
    """Reviewed documents decided after the current model was trained (what triggers a retraining)."""
    since = _last_attempt(models_dir)
    return sum(r.decided_at > since for r in reviewed_documents(store))


def _last_attempt(models_dir: Path | None) -> str:
    """The newest decision any retraining has already seen, promoted or refused: a refused candidate
    is not retried on every check with the same decisions (the weekly run forces a retry)."""
    return max((m.get("decisions_until", "") for m in registry.list_versions(models_dir)), default="")


def _current_meta(models_dir: Path | None) -> dict | None:
    version = registry.current_version(models_dir)
    if not version:
        return None
    return next((m for m in registry.list_versions(models_dir) if m.get("version") == version), None)


def gate(current: dict | None, candidate: dict, tolerance: float, label: str) -> list[str]:
    """Why `candidate` is not at least as safe as `current` on one evaluation set (summaries of
    `Report.summary()`); empty when it passes."""
    if not current:
        return []
    reasons = []
    if candidate["leaks"] > current["leaks"]:
        reasons.append(f"{label}: leaks rise from {current['leaks']} to {candidate['leaks']}")
    for level in SECRET_LEVELS:
        before = current.get("secret_recall", {}).get(level)
        after = candidate.get("secret_recall", {}).get(level)
        if before is not None and after is not None and after < before - 1e-9:
            reasons.append(f"{label}: recall on {level} falls from {before:.3f} to {after:.3f}")
    for key in ("disclosure_macro_f1", "secrecy_macro_f1"):
        if candidate[key] < current[key] - tolerance - 1e-9:
            reasons.append(f"{label}: {key} falls from {current[key]:.3f} to {candidate[key]:.3f} "
                           f"(tolerance {tolerance})")
    return reasons


def _evaluate(classifier, records, matches, sources, truths) -> dict:
    proposals = propose_all(classifier, records, matches, sources)
    with warnings.catch_warnings():  # the newest decisions may all carry one label: expected, not a fault
        warnings.simplefilter("ignore", UserWarning)
        return evaluate([Outcome(p.source, d, s, p.disclosure, p.secrecy, p.confidence)
                         for p, (d, s) in zip(proposals, truths)]).summary()


def retrain(store, *, corpus_dir: Path | None = None, models_dir: Path | None = None,
            settings: Retraining | None = None, force: bool = False, seed: int = 0) -> RetrainResult:
    """Train a candidate on corpus + reviewed decisions; promote it only if it passes the gate."""
    from gongkai.matching.engine import get_matcher

    settings = settings or load_policy().retraining
    corpus_dir = corpus_dir or default_corpus_dir()
    current_version = registry.current_version(models_dir)
    current_meta = _current_meta(models_dir)
    reviewed = reviewed_documents(store)
    # New = decided after the newest decision a retraining has seen (all, with corpus-only models).
    since = _last_attempt(models_dir)
    n_new = sum(r.decided_at > since for r in reviewed)
    result = RetrainResult(False, [], current_version, n_decisions=len(reviewed), n_new_decisions=n_new)
    if not force and n_new < settings.min_new_decisions:
        result.skipped = True
        result.reasons.append(f"only {n_new} new reviewed decisions (< {settings.min_new_decisions}); nothing trained")
        return result

    examples = load_corpus(corpus_dir)
    train_idx, frozen_idx = held_out_split(examples, FROZEN_SEED)
    frozen = sorted(int(i) for i in frozen_idx)
    frozen_set = set(frozen)
    # Decisions on near-duplicates of corpus documents: supersede the corpus label (training fold) or
    # are left out (frozen fold), so that no copy of an evaluation document is trained on.
    index = NearDuplicateIndex(_threshold())
    for i, e in enumerate(examples):
        index.add(f"c{i}", e.text)
    superseded: set[int] = set()
    usable: list[Reviewed] = []
    for r in reviewed:
        hits = [int(m.key[1:]) for m in index.matches(r.text)]
        if any(h in frozen_set for h in hits):
            continue
        superseded.update(hits)
        usable.append(r)
    if len(usable) < len(reviewed):
        log.info("%d decisions left out: near-duplicates of frozen evaluation documents", len(reviewed) - len(usable))
    result.n_decisions = len(usable)
    n_recent = 0 if len(usable) < 2 else min(len(usable) // 2, max(settings.min_recent, math.ceil(settings.recent_share * len(usable))))
    older = usable[:len(usable) - n_recent]  # the newest n_recent decisions are held out in time order
    result.n_recent = n_recent

    matcher = get_matcher()
    corpus_train = [int(i) for i in train_idx if int(i) not in superseded]
    c_records, c_matches = records_for([examples[i].text for i in range(len(examples))], matcher)
    r_records, r_matches = records_for([r.text for r in usable], matcher)

    def fit(decisions: list[Reviewed]) -> Classifier:
        positions = {r.decision_id: k for k, r in enumerate(usable)}
        recs = [c_records[i] for i in corpus_train] + [r_records[positions[r.decision_id]] for r in decisions]
        return Classifier(seed).fit(
            recs,
            {"disclosure": [examples[i].disclosure for i in corpus_train] + [r.disclosure for r in decisions],
             "secrecy": [examples[i].secrecy for i in corpus_train] + [r.secrecy for r in decisions]},
            [examples[i].group for i in corpus_train] + [f"review:{r.document_id}" for r in decisions])

    log.info("training a candidate on %d corpus documents + %d decisions (%d newest held out)",
             len(corpus_train), len(older), n_recent)
    candidate = fit(older)
    frozen_args = ([c_records[i] for i in frozen], [c_matches[i] for i in frozen],
                   [str(examples[i].path.name) for i in frozen],
                   [(examples[i].disclosure, examples[i].secrecy) for i in frozen])
    rec_pos = range(len(usable) - n_recent, len(usable))
    recent_args = ([r_records[k] for k in rec_pos], [r_matches[k] for k in rec_pos],
                   [usable[k].source for k in rec_pos], [(usable[k].disclosure, usable[k].secrecy) for k in rec_pos])
    comparison = {"frozen": {"candidate": _evaluate(candidate, *frozen_args)}}
    if n_recent:
        comparison["recent"] = {"candidate": _evaluate(candidate, *recent_args)}

    this_corpus = corpus_hash(corpus_dir)
    if current_version:
        current = registry.load(current_version, models_dir).classifier
        if current_meta.get("frozen_excluded") and current_meta.get("corpus_hash") == this_corpus:
            comparison["frozen"]["current"] = _evaluate(current, *frozen_args)
        elif current_meta.get("held_out") and current_meta.get("corpus_hash") == this_corpus and current_meta.get("seed", 0) == FROZEN_SEED:
            recorded = current_meta["held_out"]
            comparison["frozen"]["current"] = {k: recorded[k] for k in ("n", "disclosure_macro_f1", "secrecy_macro_f1", "leaks", "secret_recall", "secret_detection_recall") if k in recorded}
            comparison["frozen"]["note"] = ("the current model was trained on this set; its score is the held-out "
                                            "measurement recorded when it was trained")
        else:
            comparison["frozen"]["current"] = _evaluate(current, *frozen_args)
            comparison["frozen"]["note"] = "the current model may have been trained on this set (other corpus)"
        if n_recent:
            comparison["recent"]["current"] = _evaluate(current, *recent_args)
    for name, part in comparison.items():
        result.reasons += gate(part.get("current"), part["candidate"], settings.macro_f1_tolerance, name)
    result.comparison = comparison
    result.promoted = not result.reasons

    # A promoted candidate is refitted with the newest decisions too; a refused one is kept as measured,
    # for the administrator to inspect (and, deliberately, to promote by hand).
    final = fit(usable) if result.promoted and n_recent else candidate
    meta = {"corpus_hash": this_corpus, "n_documents": len(corpus_train) + len(usable if final is not candidate else older),
            "labels": {"disclosure": list(DISCLOSURE), "secrecy": list(SECRECY)}, "seed": seed,
            "kind": "retrained", "parent": current_version, "frozen_excluded": True,
            "n_decisions": len(usable), "decisions_until": max((r.decided_at for r in reviewed), default=since),
            "gate": {"promoted": result.promoted, "reasons": result.reasons, "comparison": comparison,
                     "n_recent": n_recent, "tolerance": settings.macro_f1_tolerance}}
    version = f"{datetime.now(timezone.utc):%Y%m%d-%H%M%S}-rt{uuid.uuid4().hex[:6]}"
    result.candidate_version = registry.save(final, meta, models_dir, version=version, make_current=result.promoted)
    log.info("retraining: candidate %s %s", version, "promoted" if result.promoted else f"refused: {result.reasons}")
    return result


def promote(version: str, models_dir: Path | None = None) -> None:
    """Make `version` current by hand (it must load with the installed libraries)."""
    registry.load(version, models_dir)
    registry.set_current(version, models_dir)


def rollback(models_dir: Path | None = None) -> str:
    """Return to the model that was current before the current one (per HISTORY); returns it."""
    from gongkai.errors import GongkaiError

    models_dir = models_dir or registry.default_models_dir()
    current = registry.current_version(models_dir)
    history_file = models_dir / registry.HISTORY
    history = history_file.read_text(encoding="utf-8").split() if history_file.is_file() else []
    for version in reversed(history):
        if version != current and (models_dir / version / "meta.json").is_file():
            registry.set_current(version, models_dir)
            return version
    raise GongkaiError("model_missing", f"no earlier model to roll back to in {models_dir}")


def model_table(models_dir: Path | None = None) -> list[dict]:
    """One row per version: version, created, kind, current, gate verdict, frozen-set scores."""
    current = registry.current_version(models_dir)
    rows = []
    for meta in registry.list_versions(models_dir):
        gate_info = meta.get("gate") or {}
        rows.append({"version": meta.get("version"), "created": meta.get("created"),
                     "kind": meta.get("kind", "trained"), "current": meta.get("version") == current,
                     "promoted": gate_info.get("promoted"), "reasons": gate_info.get("reasons", []),
                     "n_decisions": meta.get("n_decisions", 0)})
    return rows
