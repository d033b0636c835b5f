"""Learning from reviewers (issues 7 and 14): retrain on the training corpus plus the reviewers' final
decisions, and promote the candidate only through a gate that a handful of reviewers cannot talk round.

Training data = the training corpus (`load_training`: written documents and the generator's share) + the
final reviewed labels — the reviewers' labels, never the proposals. The final label of a document is its
latest confirm/change decision carrying both labels, counted only once no task of the document is open.
Sealed documents never enter. Among near-duplicates the latest decision wins, and it supersedes the corpus
label of a near-duplicate training document.

What guards the gate:
- **A frozen set the decisions cannot touch**: the dev set (`corpus/dev`, writers the model is never trained
  on). A decision on a near-duplicate of a dev document is left out. (A corpus without a dev set falls back to
  a grouped fold of the generator's corpus.)
- **Loosening decisions are held.** Every decision is compared with what the *current* model and rules
  propose for the same text. One that loosens it — a non-public proposal decided 主动公开, a restricted level
  decided 非密, a secret signal decided below 秘密 — is counted, listed and kept out of training until a second
  person (a secrecy officer or an administrator who did not make it) confirms it (`confirm_loosening`, an
  audit event).
- **The decisions' weight is capped** (`retraining.max_decision_weight_share` of the training set).
- **A candidate that loosens any restricted document waits for an administrator**: the candidate's and the
  current model's proposals are compared on the frozen set and on the reviewed documents; if the candidate
  would make public (or 非密) a document the current one holds restricted, it is never promoted automatically,
  not even by the hourly flow. The report lists every document whose proposal would change, loosening first.
"""
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
from gongkai.classify.corpus import GENERATOR, corpus_hash, default_corpus_dir, load_dev, load_training
from gongkai.classify.evaluate import Outcome, evaluate
from gongkai.classify.model import Classifier
from gongkai.classify.train import held_out_split, records_for
from gongkai.errors import GongkaiError
from gongkai.extract.identity import NearDuplicateIndex
from gongkai.labels import DISCLOSURE, SECRECY, SECRET_LEVELS
from gongkai.policy import Retraining, load_policy
from gongkai.store.models import AuditEvent, Decision, Document, ReviewTask

log = logging.getLogger(__name__)
FROZEN_SEED = 0  # only for a corpus without dev set: the grouped fold held_out_split(corpus, seed=0)
CONFIRM_ACTION = "retraining_loosening_confirmed"
CONFIRMER_ROLES = ("secrecy_officer", "admin")
PROMOTE_ACTION = "model_promoted"
_RANK = {level: i for i, level in enumerate(SECRECY)}  # 非密 < 内部 < 秘密 < 机密 < 绝密


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
    actor: str = ""


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
    needs_admin: bool = False  # the candidate loosens a restricted document: only an administrator promotes it
    held_decisions: list[dict] = field(default_factory=list)  # loosening decisions kept out of training
    changes: list[dict] = field(default_factory=list)  # documents whose proposal the candidate changes
    decision_weight: float | None = None  # the weight of one decision in training (1 = a corpus document)

    def as_dict(self) -> dict:
        return asdict(self)

    def markdown(self) -> str:
        if self.promoted:
            verdict = "已采用 / promoted"
        elif self.skipped:
            verdict = "未训练 / skipped"
        elif self.needs_admin:
            verdict = "待管理员决定 / waiting for an administrator"
        else:
            verdict = "已拒绝 / refused"
        lines = [f"# 模型再训练 / Retraining: {verdict}", "",
                 f"- current model: `{self.current_version}`", f"- candidate: `{self.candidate_version}`",
                 f"- reviewed decisions used: {self.n_decisions} ({self.n_new_decisions} new, "
                 f"{self.n_recent} newest held out for evaluation)",
                 f"- loosening decisions held out of training until a second person confirms them: "
                 f"{len(self.held_decisions)}"]
        if self.decision_weight is not None:
            lines.append(f"- weight of one decision in training: {self.decision_weight:.3f}")
        if self.reasons:
            lines += ["", "## Reasons", ""] + [f"- {r}" for r in self.reasons]
        if self.held_decisions:
            lines += ["", "## 待复核的放宽决定 / Loosening decisions held", "",
                      "| document | decided by | decided | current proposal | why held |", "|---|---|---|---|---|"]
            for h in self.held_decisions:
                lines.append(f"| {h['document_id']} {h['source']} | {h['actor']} | {h['decided']} | "
                             f"{h['proposed']} | {'; '.join(h['loosening'])} |")
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
        if self.changes:
            lines += ["", "## 提议会改变的文件 / Documents whose proposal would change (loosening first)", "",
                      "| set | document | current | candidate | loosens |", "|---|---|---|---|---|"]
            for c in self.changes[:200]:
                lines.append(f"| {c['set']} | {c['source']} | {c['current']} | {c['candidate']} | "
                             f"{'是 / yes' if c['loosens'] else ''} |")
            if len(self.changes) > 200:
                lines.append(f"| … | {len(self.changes) - 200} more | | | |")
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
                                      doc.source_name, _iso(decision.created_at), decision.actor)
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


# ---------------------------------------------------------------------------------------- loosening
def has_secret_signal(proposal) -> bool:
    """A state-secret level or a state-secret finding (rule, catalogue). The model's weak doubt alone
    (`weak_secret_signal`) is a question put to the reviewer, and answering it is not loosening."""
    return proposal.secrecy in SECRET_LEVELS or any(r.code == "state_secret" for r in proposal.reasons)


def loosening(proposal, disclosure: str, secrecy: str, *, judge_disclosure: bool = True) -> list[str]:
    """How labels (disclosure, secrecy) loosen what `proposal` holds; empty when they do not.
    `judge_disclosure=False` for rules-only proposals, whose disclosure is cautious by construction."""
    why = []
    if judge_disclosure and proposal.disclosure != "主动公开" and disclosure == "主动公开":
        why.append(f"{proposal.disclosure} → 主动公开")
    if proposal.secrecy != "非密" and secrecy == "非密":
        why.append(f"{proposal.secrecy} → 非密")
    elif has_secret_signal(proposal) and secrecy not in SECRET_LEVELS:
        why.append(f"涉密信号 / secret signal → {secrecy}")
    return why


def _confirmations(store) -> dict[int, list[AuditEvent]]:
    with store.session() as s:
        events = s.scalars(select(AuditEvent).where(AuditEvent.action == CONFIRM_ACTION).order_by(AuditEvent.id)).all()
        out: dict[int, list] = {}
        for e in events:
            s.expunge(e)
            out.setdefault(e.document_id, []).append(e)
        return out


def _confirmed(r: Reviewed, confirmations: dict[int, list[AuditEvent]]) -> bool:
    """A second person confirmed exactly these labels of this decision."""
    return any(e.actor != r.actor and (e.after or {}).get("decision_id") == r.decision_id
               and (e.after or {}).get("disclosure") == r.disclosure and (e.after or {}).get("secrecy") == r.secrecy
               for e in confirmations.get(r.document_id, []))


def confirm_loosening(store, document_id: int, actor_name: str, reason: str) -> dict:
    """A second person confirms the final decision on a document so that retraining may learn from it.
    Only a secrecy officer or an administrator who did not make the decision can; it is an audit event."""
    from gongkai.review import audit
    from gongkai.review.users import get_actor

    if not reason or not reason.strip():
        raise GongkaiError("review_invalid", "a written reason is required / 须写明理由")
    final = next((r for r in reviewed_documents(store) if r.document_id == document_id), None)
    if final is None:
        raise GongkaiError("review_invalid", f"document {document_id} has no final reviewed decision")
    with store.session() as s:
        actor = get_actor(s, actor_name)
        if actor is None or actor.role not in CONFIRMER_ROLES:
            raise GongkaiError("forbidden", f"{actor_name!r} is not a secrecy officer or administrator")
        if actor.name == final.actor:
            raise GongkaiError("forbidden", "the person who made the decision cannot confirm it / 须由另一人复核")
        after = {"decision_id": final.decision_id, "disclosure": final.disclosure, "secrecy": final.secrecy}
        audit.record(s, actor.name, CONFIRM_ACTION, document_id=document_id, role=actor.role, after=after,
                     reason=reason.strip())
        s.commit()
    return after


# ---------------------------------------------------------------------------------------- the gate
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


def _summary(proposals, truths, sources) -> dict:
    with warnings.catch_warnings():  # the newest decisions may all carry one label: expected, not a fault
        warnings.simplefilter("ignore", UserWarning)
        return evaluate([Outcome(src, d, s, p.disclosure, p.secrecy, p.confidence)
                         for p, (d, s), src in zip(proposals, truths, sources)]).summary()


def loosening_reason(n: int) -> str:
    return (f"the candidate loosens {n} document(s) the current model holds restricted: "
            f"only an administrator may promote it (gongkai models promote VERSION --admin NAME)")


def evaluate_classifier(classifier, records, matches, sources, truths, proposer=None) -> dict:
    """A classifier's summary on labelled texts, through the one proposal chain (benchmarks use it)."""
    from gongkai.proposer import BareModel, Proposer

    proposals = (proposer or Proposer(model=None)).with_model(BareModel(classifier)).propose_records(records, matches, sources)
    return _summary(proposals, truths, sources)


def _changes(name: str, sources, current_props, candidate_props) -> list[dict]:
    out = []
    for src, cur, cand in zip(sources, current_props, candidate_props):
        if (cur.disclosure, cur.secrecy) != (cand.disclosure, cand.secrecy):
            out.append({"set": name, "source": src, "current": f"{cur.disclosure}/{cur.secrecy}",
                        "candidate": f"{cand.disclosure}/{cand.secrecy}",
                        "loosens": bool(loosening(cur, cand.disclosure, cand.secrecy))})
    return out


def retrain(store, *, corpus_dir: Path | None = None, models_dir: Path | None = None,
            settings: Retraining | None = None, force: bool = False, seed: int = 0, proposer=None) -> RetrainResult:
    """Train a candidate on corpus + reviewed decisions; promote it only if it passes the gate."""
    from gongkai.proposer import BareModel, Proposer

    settings = settings or load_policy().retraining
    corpus_dir = corpus_dir or default_corpus_dir()
    current_version = registry.current_version(models_dir)
    reviewed = reviewed_documents(store)
    since = _last_attempt(models_dir)
    n_new = sum(r.decided_at > since for r in reviewed)
    result = RetrainResult(False, [], current_version, n_decisions=len(reviewed), n_new_decisions=n_new)
    if not force and n_new < settings.min_new_decisions:
        result.skipped = True
        result.reasons.append(f"only {n_new} new reviewed decisions (< {settings.min_new_decisions}); nothing trained")
        return result

    examples = load_training(corpus_dir)
    frozen = load_dev(corpus_dir)
    frozen_note = "the frozen dev set: writers never trained on, untouched by decisions"
    if not frozen:  # a corpus without a dev set: a grouped fold of the generator's corpus
        train_idx, frozen_idx = held_out_split(examples, FROZEN_SEED)
        frozen = [examples[i] for i in frozen_idx]
        examples = [examples[i] for i in train_idx]
        frozen_note = "a grouped fold of the generator's corpus (no dev set): the current model may have seen it"
    # A decision on a near-duplicate of a frozen document is left out; one on a training document supersedes it.
    index = NearDuplicateIndex(_threshold())
    for i, e in enumerate(examples):
        index.add(f"t{i}", e.text)
    for i, e in enumerate(frozen):
        index.add(f"f{i}", e.text)
    usable: list[Reviewed] = []
    near_training: list[set[int]] = []  # per usable decision: the training documents it supersedes
    for r in reviewed:
        keys = [m.key for m in index.matches(r.text)]
        if any(k.startswith("f") for k in keys):
            continue
        usable.append(r)
        near_training.append({int(k[1:]) for k in keys})
    if len(usable) < len(reviewed):
        log.info("%d decisions left out: near-duplicates of frozen evaluation documents", len(reviewed) - len(usable))

    proposer = proposer or Proposer(model=None)
    t_records, _ = records_for([e.text for e in examples], proposer=proposer)
    f_records, f_matches = records_for([e.text for e in frozen], proposer=proposer)
    r_records, r_matches = records_for([r.text for r in usable], proposer=proposer)
    r_sources = [f"{r.document_id}:{r.source}" for r in usable]
    current = registry.load(current_version, models_dir) if current_version else None
    cur_proposer = proposer.with_model(current)  # None: the rules alone (every proposal as cautious as they allow)

    # Decisions that loosen what the current model and rules propose wait for a second person.
    cur_on_reviewed = cur_proposer.propose_records(r_records, r_matches, r_sources)
    confirmations = _confirmations(store)
    held: set[int] = set()
    for r, p in zip(usable, cur_on_reviewed):
        why = loosening(p, r.disclosure, r.secrecy, judge_disclosure=current is not None)
        if why and not _confirmed(r, confirmations):
            held.add(r.decision_id)
            result.held_decisions.append({"document_id": r.document_id, "decision_id": r.decision_id,
                                          "source": r.source, "actor": r.actor, "decided": f"{r.disclosure}/{r.secrecy}",
                                          "proposed": f"{p.disclosure}/{p.secrecy}", "loosening": why})
    trainable = [k for k, r in enumerate(usable) if r.decision_id not in held]
    result.n_decisions = len(trainable)
    n_recent = 0 if len(trainable) < 2 else min(len(trainable) // 2, max(settings.min_recent, math.ceil(settings.recent_share * len(trainable))))
    older = trainable[:len(trainable) - n_recent]  # the newest n_recent decisions are held out in time order
    recent = trainable[len(trainable) - n_recent:]
    result.n_recent = n_recent

    # Only a decision that is learnt from supersedes the corpus label (a held one must not erase it either).
    superseded = set().union(*(near_training[k] for k in trainable)) if trainable else set()
    corpus_train = [i for i in range(len(examples)) if i not in superseded]

    def fit(decisions: list[int]) -> tuple[Classifier, float]:
        # Together the decisions weigh at most max_decision_weight_share of the whole training set.
        share = settings.max_decision_weight_share
        weight = min(1.0, share * len(corpus_train) / ((1 - share) * len(decisions))) if decisions else 1.0
        return Classifier(seed).fit(
            [t_records[i] for i in corpus_train] + [r_records[k] for k in decisions],
            {"disclosure": [examples[i].disclosure for i in corpus_train] + [usable[k].disclosure for k in decisions],
             "secrecy": [examples[i].secrecy for i in corpus_train] + [usable[k].secrecy for k in decisions]},
            [examples[i].writer if examples[i].writer != GENERATOR else examples[i].group for i in corpus_train]
            + [f"review:{usable[k].document_id}" for k in decisions],
            [1.0] * len(corpus_train) + [weight] * len(decisions)), weight

    log.info("training a candidate on %d corpus documents + %d decisions (%d newest held out, %d loosening held)",
             len(corpus_train), len(older), n_recent, len(held))
    candidate, result.decision_weight = fit(older)
    cand_proposer = proposer.with_model(BareModel(candidate, "candidate"))
    f_sources = [f"{e.writer}/{e.path.name}" for e in frozen]
    f_truth = [(e.disclosure, e.secrecy) for e in frozen]
    cand_frozen = cand_proposer.propose_records(f_records, f_matches, f_sources)
    comparison = {"frozen": {"candidate": _summary(cand_frozen, f_truth, f_sources), "note": frozen_note}}
    cand_reviewed = cand_proposer.propose_records(r_records, r_matches, r_sources)
    if n_recent:
        comparison["recent"] = {"candidate": _summary([cand_reviewed[k] for k in recent],
                                                      [(usable[k].disclosure, usable[k].secrecy) for k in recent],
                                                      [r_sources[k] for k in recent])}
    if current is not None:
        cur_frozen = cur_proposer.propose_records(f_records, f_matches, f_sources)
        comparison["frozen"]["current"] = _summary(cur_frozen, f_truth, f_sources)
        if n_recent:
            comparison["recent"]["current"] = _summary([cur_on_reviewed[k] for k in recent],
                                                       [(usable[k].disclosure, usable[k].secrecy) for k in recent],
                                                       [r_sources[k] for k in recent])
        changes = _changes("frozen", f_sources, cur_frozen, cand_frozen) + _changes("reviewed", r_sources, cur_on_reviewed, cand_reviewed)
        result.changes = sorted(changes, key=lambda c: not c["loosens"])
    for name, part in comparison.items():
        result.reasons += gate(part.get("current"), part["candidate"], settings.macro_f1_tolerance, name)
    n_loosened = sum(c["loosens"] for c in result.changes)
    if n_loosened:
        result.needs_admin = True
        result.reasons.append(loosening_reason(n_loosened))
    result.comparison = comparison
    result.promoted = not result.reasons

    # A promoted candidate is refitted with the newest decisions too; a refused one is kept as measured,
    # for an administrator to inspect and, deliberately, to promote by hand.
    final = fit(trainable)[0] if result.promoted and n_recent else candidate
    n_used = len(trainable) if final is not candidate else len(older)
    meta = {"corpus_hash": corpus_hash(corpus_dir), "n_documents": len(corpus_train) + n_used,
            "labels": {"disclosure": list(DISCLOSURE), "secrecy": list(SECRECY)}, "seed": seed,
            "kind": "retrained", "parent": current_version, "frozen": frozen_note,
            "n_decisions": len(trainable), "decisions_until": max((r.decided_at for r in reviewed), default=since),
            "gate": {"promoted": result.promoted, "needs_admin": result.needs_admin, "reasons": result.reasons,
                     "comparison": comparison, "n_recent": n_recent, "tolerance": settings.macro_f1_tolerance,
                     "held_decisions": result.held_decisions, "changes": result.changes[:500],
                     "decision_weight": result.decision_weight, "n_corpus": len(corpus_train)}}
    version = f"{datetime.now(timezone.utc):%Y%m%d-%H%M%S}-rt{uuid.uuid4().hex[:6]}"
    result.candidate_version = registry.save(final, meta, models_dir, version=version, make_current=False)
    if result.promoted:  # an automatic promotion is an audit event like a promotion by hand
        set_current_audited(store, version, models_dir, actor="retraining", reason="gate passed")
    log.info("retraining: candidate %s %s", version, "promoted" if result.promoted else f"refused: {result.reasons}")
    return result


def set_current_audited(store, version: str, models_dir: Path | None, *, actor: str, role: str | None = None,
                        reason: str | None = None, gate_refused: bool = False) -> None:
    """Make `version` current and record it in the audit chain in one step: `audit verify` then checks
    that the current-model pointer is the last version the chain made current."""
    from gongkai.review import audit

    with store.session() as s:
        audit.record(s, actor, PROMOTE_ACTION, role=role, before={"version": registry.current_version(models_dir)},
                     after={"version": version, "gate_refused": gate_refused}, reason=reason)
        registry.set_current(version, models_dir)
        s.commit()


def pointer_problems(events, models_dir: Path | None, authentic=lambda e: True) -> list[str]:
    """Once the chain has made a model current, the pointer in the models folder must name the last one."""
    made_current = [e for e in events if e.action == PROMOTE_ACTION and authentic(e)]
    if not made_current:
        return []  # a store that never promoted a model: nothing recorded to compare with
    expected = (made_current[-1].after or {}).get("version")
    current = registry.current_version(models_dir)
    if current != expected:
        return [f"the current model is {current!r}, but the last model the audit chain made current is {expected!r} "
                f"(the models folder's pointer was changed outside gongkai)"]
    return []


def promote(version: str, models_dir: Path | None = None, *, store=None, admin: str | None = None,
            reason: str | None = None) -> None:
    """Make `version` current by hand (it must load with the installed libraries).

    A candidate the gate refused or left for an administrator is promoted only by a named administrator
    with a written reason; with a store, every promotion is an audit event."""
    meta = next((m for m in registry.list_versions(models_dir) if m.get("version") == version), None)
    if meta is None:
        raise GongkaiError("model_missing", f"no model version {version!r}")
    registry.load(version, models_dir)
    refused = (meta.get("gate") or {}).get("promoted") is False
    if refused and not (admin and reason and reason.strip() and store is not None):
        raise GongkaiError("forbidden", f"the gate did not promote {version}: only an administrator may, with a "
                                        f"written reason (--admin NAME --reason TEXT)")
    if store is not None:
        from gongkai.review.users import get_actor

        with store.session() as s:
            actor = get_actor(s, admin) if admin else None
        if admin and (actor is None or actor.role != "admin"):
            raise GongkaiError("forbidden", f"{admin!r} is not an administrator")
        set_current_audited(store, version, models_dir, actor=actor.name if actor else "cli",
                            role=actor.role if actor else None, reason=(reason or "").strip() or None,
                            gate_refused=refused)
        return
    registry.set_current(version, models_dir)


def rollback(models_dir: Path | None = None, *, store=None) -> str:
    """Return to the model that was current before the current one (per HISTORY); returns it. With a
    store, the change is an audit event."""
    models_dir = models_dir or registry.default_models_dir()
    current = registry.current_version(models_dir)
    history_file = models_dir / registry.HISTORY
    history = history_file.read_text(encoding="utf-8").split() if history_file.is_file() else []
    for version in reversed(history):
        if version != current and (models_dir / version / "meta.json").is_file():
            if store is not None:
                set_current_audited(store, version, models_dir, actor="cli", reason=f"rollback from {current}")
            else:
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
