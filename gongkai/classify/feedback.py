"""Feedback for rule maintainers (issue 7, item 3): per rule id, how often it fired on a reviewed
document, how often the reviewers confirmed the proposal it contributed to and how often they
overrode it; per proposed class, what reviewers changed it to. Rules with a high override rate are
flagged. Only finished documents count (final labels as in `gongkai.classify.retrain`)."""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field

from sqlalchemy import select

from gongkai.store.models import Decision, Proposal, ReviewTask


@dataclass
class RuleFeedback:
    rule: str  # rule id without its version (GK-SM-001)
    fired: int = 0
    confirmed: int = 0
    overridden: int = 0
    changed_to: Counter = field(default_factory=Counter)  # "不予公开/内部" -> count, when overridden
    flagged: bool = False

    @property
    def override_rate(self) -> float:
        return self.overridden / self.fired if self.fired else 0.0


@dataclass
class FeedbackReport:
    rules: list[RuleFeedback]
    classes: dict[str, dict[str, int]]  # "disclosure:主动公开" -> {final label: count}
    n_documents: int

    def as_dict(self) -> dict:
        return {"n_documents": self.n_documents, "classes": self.classes,
                "rules": [dict(asdict(r), override_rate=round(r.override_rate, 3), changed_to=dict(r.changed_to))
                          for r in self.rules]}

    def markdown(self) -> str:
        lines = ["# 规则反馈 / Rule feedback", "", f"Reviewed documents: {self.n_documents}", "",
                 "| rule | fired | confirmed | overridden | override rate | changed to | flag |", "|---|---|---|---|---|---|---|"]
        for r in self.rules:
            changed = ", ".join(f"{k} ×{v}" for k, v in r.changed_to.most_common(3))
            lines.append(f"| {r.rule} | {r.fired} | {r.confirmed} | {r.overridden} | {r.override_rate:.0%} | "
                         f"{changed} | {'⚠ 复核此规则' if r.flagged else ''} |")
        lines += ["", "| proposed | final labels |", "|---|---|"]
        for proposed, finals in sorted(self.classes.items()):
            lines.append(f"| {proposed} | " + ", ".join(f"{k} ×{v}" for k, v in sorted(finals.items())) + " |")
        return "\n".join(lines) + "\n"


def rule_feedback(store, *, flag_rate: float = 0.3, min_fired: int = 5) -> FeedbackReport:
    """Compare each finished document's proposal (the one its first task was opened with) with its
    final reviewed labels."""
    with store.session() as s:
        finals: dict[int, Decision] = {}
        for d in s.scalars(select(Decision).where(Decision.action.in_(("confirm", "change")),
                                                  Decision.disclosure.is_not(None)).order_by(Decision.id)):
            finals[d.document_id] = d  # the latest wins
        still_open = set(s.scalars(select(ReviewTask.document_id).where(ReviewTask.status == "open")))
        proposals: dict[int, Proposal] = {}
        for p in s.scalars(select(Proposal).where(Proposal.document_id.in_(list(finals))).order_by(Proposal.id)):
            proposals[p.document_id] = p  # the latest proposal is the one reviewers saw
        rules: dict[str, RuleFeedback] = {}
        classes: dict[str, Counter] = defaultdict(Counter)
        n = 0
        for doc_id, decision in finals.items():
            proposal = proposals.get(doc_id)
            if doc_id in still_open or proposal is None:
                continue
            n += 1
            final = f"{decision.disclosure}/{decision.secrecy}"
            classes[f"disclosure:{proposal.disclosure}"][decision.disclosure] += 1
            classes[f"secrecy:{proposal.secrecy}"][decision.secrecy] += 1
            agreed = (proposal.disclosure, proposal.secrecy) == (decision.disclosure, decision.secrecy)
            fired = {rule.split("@")[0] for reason in proposal.reasons or [] for rule in
                     [*(reason.get("rules") or []), *(e.get("rule") for e in reason.get("evidence") or [])] if rule}
            for rule in fired:
                entry = rules.setdefault(rule, RuleFeedback(rule))
                entry.fired += 1
                if agreed:
                    entry.confirmed += 1
                else:
                    entry.overridden += 1
                    entry.changed_to[final] += 1
    for entry in rules.values():
        entry.flagged = entry.fired >= min_fired and entry.override_rate >= flag_rate
    ordered = sorted(rules.values(), key=lambda r: (-r.override_rate, -r.fired, r.rule))
    return FeedbackReport(ordered, {k: dict(v) for k, v in classes.items()}, n)
