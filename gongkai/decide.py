"""Rules + model → proposal, under rules/policy.yaml. The safety invariant lives here:

  * an explicit state-secret mark fixes the secrecy level, 不予公开, and seals the document;
  * rules set floors (a minimum secrecy level) and ceilings (the most open disclosure allowed);
  * the model proposes within those bounds;
  * any state-secret signal — a rule, or the model's probability of 秘密/机密/绝密 at or above
    `secret_signal_probability` — rules out 主动公开;
  * unmarked personal data rules out 主动公开 as the document stands, with a redaction suggestion.
The system proposes; people decide.
"""
from __future__ import annotations

from collections import defaultdict

from gongkai.documents import Evidence, Proposal, Reason
from gongkai.labels import DISCLOSURE_ORDER, REASON_CODES, SECRECY_ORDER, SECRET_LEVELS
from gongkai.labels import higher_secrecy as _higher_secrecy
from gongkai.labels import stricter_disclosure as _stricter_disclosure
from gongkai.policy import Policy, Routing

_EFFECTIVE = ("min_secrecy", "disclosure_ceiling", "disclosure_hint", "suggest_only", "seal", "blocking")
MODEL_REASON = {"主动公开": "proactive_scope", "依申请公开": "on_request"}


def mask(text: str) -> str:
    """A redaction preview: keep a little of each end so a reviewer recognises the datum."""
    n = len(text)
    if n <= 2:
        return text[0] + "*" * (n - 1)
    keep = 1 if n <= 6 else 3
    tail = 1 if n <= 6 else 4
    return text[:keep] + "*" * (n - keep - tail) + text[-tail:]


def _model_secrecy(probs: dict[str, float], p_secret: float, policy: Policy) -> str:
    """The model's level, escalated within the state-secret levels when it sees a secret at all."""
    if not probs:
        return "非密"
    level = max(probs, key=probs.get)
    if level in SECRET_LEVELS or p_secret >= 0.5:
        share = 0.0
        for candidate in reversed(SECRET_LEVELS):
            share += probs.get(candidate, 0.0) / p_secret
            if share >= policy.secret_level_escalation:
                return candidate
    return level


def decide(proposal: Proposal, match, predictions: dict | None, policy: Policy, routing: Routing,
           quality: dict | None = None) -> Proposal:
    """Fill `proposal` (source, sha256 already set) from the rule result and the model's predictions.

    `quality` is the extraction's verdict on the text; text that cannot be trusted is decided as if there
    were no model (the most cautious labels the rules allow, confidence 0) and flagged `unreadable`."""
    unreadable = bool(quality and quality.get("unreadable"))
    if unreadable:
        predictions = None
        proposal.flags.append("unreadable")
    findings = match.findings
    mark = match.mark
    facts = {"conflict": bool(match.conflicts)}
    proposal.flags.extend(match.conflicts)
    proposal.marks = {
        "secrecy_mark": mark.as_dict() if mark else None,
        "disclosure_line": match.disclosure.as_dict() if match.disclosure else None,
        "copy_no": match.structure.copy_no.text if match.structure and match.structure.copy_no else None,
    }
    if mark:
        proposal.flags.extend(f"mark:{flag}" for flag in mark.flags)

    # Floors and ceilings from the rules.
    floor, suggested, ceiling = "非密", "非密", "主动公开"
    ceiling_from_rules = False
    state_secret_rule = False
    for f in findings:
        eff = f.effect
        level = eff.get("min_secrecy")
        if level in SECRECY_ORDER:
            if eff.get("suggest_only"):
                suggested = _higher_secrecy(suggested, level)
            else:
                floor = _higher_secrecy(floor, level)
        if f.reason == "state_secret":
            state_secret_rule = True
        cap = eff.get("disclosure_ceiling")
        if cap and (f.reason == "state_secret" or f.score >= policy.ceiling_min_score):
            ceiling = _stricter_disclosure(ceiling, cap)
            ceiling_from_rules = ceiling_from_rules or cap == "不予公开"
    sealed = any(f.effect.get("seal") for f in findings)

    probs_d = predictions["disclosure"].probabilities if predictions else {}
    probs_s = predictions["secrecy"].probabilities if predictions else {}
    p_secret = sum(probs_s.get(level, 0.0) for level in SECRET_LEVELS)
    model_secrecy = _model_secrecy(probs_s, p_secret, policy)

    secrecy = _higher_secrecy(_higher_secrecy(model_secrecy, floor), suggested)
    if unreadable:  # what nobody could read is not 非密 on our word: 内部 at least, until a person has read it
        secrecy = _higher_secrecy(secrecy, "内部")
    if sealed and mark and mark.level:
        secrecy = _higher_secrecy(mark.level, floor)
    ceiling = _stricter_disclosure(ceiling, policy.secrecy_ceilings[secrecy])
    strong_signal = state_secret_rule or sealed or secrecy in SECRET_LEVELS
    secret_signal = strong_signal or p_secret >= policy.secret_signal_probability
    if secret_signal:
        ceiling = _stricter_disclosure(ceiling, "依申请公开")
    if secret_signal and not strong_signal:
        # Only the model's small P(secret) rules out 主动公开: a question for the secrecy review, not a
        # finding. The confidence below stays what the model really gives the chosen label.
        proposal.flags.append("weak_secret_signal")
    # The model's doubt that the document may be published: withheld by the disclosure model, or restricted
    # (内部 or a state secret) by the secrecy model.
    p_restricted = max(probs_d.get("不予公开", 0.0), 1.0 - probs_s.get("非密", 1.0)) if probs_d else 0.0
    if p_restricted >= policy.withheld_signal_probability and ceiling == "主动公开":
        # The model sees an exemption the rules did not: never publish on that doubt; a person decides.
        ceiling = "依申请公开"
        proposal.flags.append("withheld_signal")
    pii = [f for f in findings if f.category == "personal_data" and f.effect.get("disclosure_ceiling")]
    if pii:
        ceiling = _stricter_disclosure(ceiling, policy.personal_data_ceiling)

    allowed = DISCLOSURE_ORDER[DISCLOSURE_ORDER.index(ceiling):]
    if probs_d:
        mass = sum(probs_d.get(d, 0.0) for d in allowed) or 1.0
        disclosure = max(allowed, key=lambda d: probs_d.get(d, 0.0))
        if len(allowed) == 1:
            conf_d = policy.mark_confidence if strong_signal or ceiling_from_rules else probs_d.get(disclosure, 0.0)
        elif mass >= 0.5:
            conf_d = probs_d.get(disclosure, 0.0) / mass
        else:
            # The model preferred a label the rules or the safety policy exclude: renormalising between
            # the small remaining scores would turn a doubt into a confident answer. Say the doubt.
            conf_d = probs_d.get(disclosure, 0.0)
            proposal.flags.append("model_overruled")
        conf_s = probs_s.get(secrecy, 0.0) if secrecy == model_secrecy else max(
            (f.score for f in findings if f.effect.get("min_secrecy") in SECRECY_ORDER), default=0.5)
    else:  # no model: the most cautious value the rules allow, and say so with a low confidence
        disclosure, conf_d, conf_s = allowed[-1] if len(allowed) > 1 else allowed[0], 0.0, 0.0
    if sealed:
        disclosure, secrecy = "不予公开", secrecy
        conf_d = conf_s = policy.mark_confidence
    proposal.disclosure, proposal.secrecy = disclosure, secrecy
    # Unreadable text: even a mark found in it may be misread (a sealed document stays sealed: the cautious side).
    proposal.confidence = 0.0 if unreadable else round(min(conf_d, conf_s), 4)
    proposal.sealed = sealed

    proposal.reasons = _reasons(findings, disclosure, predictions, policy)
    if pii and probs_d and max(probs_d, key=probs_d.get) == "主动公开" and not secret_signal:
        note = "区分处理：删除或遮盖个人信息后可主动公开（第三十七条）"
        for r in proposal.reasons:
            if r.code == "personal_privacy":
                r.note = note
    proposal.pii = [
        {"type": f.label, "start": f.start, "end": f.end, "masked": mask(f.text), "rule": f.rule_id}
        for f in findings if f.category == "personal_data"
    ]
    facts.update(
        sealed=sealed,
        unreadable=unreadable,
        state_secret_signal=secret_signal,
        personal_data=bool(pii),
        low_confidence=proposal.confidence < policy.low_confidence,
        restricted=secrecy != "非密",
    )
    proposal.route = routing.first(facts)
    return proposal


def _reasons(findings, disclosure: str, predictions: dict | None, policy: Policy) -> list[Reason]:
    by_code: dict[str, Reason] = {}
    grouped = defaultdict(list)
    for f in sorted(findings, key=lambda f: (-f.score, f.start)):
        if any(f.effect.get(k) for k in _EFFECTIVE):
            grouped[f.reason].append(f)  # a finding with no effect (e.g. a company's credit code) is shown, not a reason
    for code, items in grouped.items():
        reason = Reason(code=code, article=items[0].article)
        for f in items:
            reason.evidence.append(Evidence(f.text, f.start, f.end, f.rule_id))
            if f.rule_id not in reason.rules:
                reason.rules.append(f.rule_id)
            if f.data.get("matter") and not reason.note:
                # a catalogue item: say which secret matter, the level suggested, and who decides
                reason.note = (f"保密事项：{f.data['matter']}；建议密级{f.data['level']}，"
                               f"由定密责任人审定（定密权限：{f.data['authority']}）")
        by_code[code] = reason
    if predictions:
        code = MODEL_REASON.get(disclosure, "model")
        features = predictions["disclosure"].top_features
        if code in by_code:
            by_code[code].features = features
        else:
            by_code[code] = Reason(code=code, article=policy.articles.get(code, "模型判断（无单一条款）"), features=features)
    # The strongest legal ground first: state secrets, then other exemptions, then the rest.
    order = [*REASON_CODES, "model"]
    return sorted(by_code.values(), key=lambda r: order.index(r.code) if r.code in order else len(order))
