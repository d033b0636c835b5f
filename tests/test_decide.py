"""The decision layer: floors, ceilings, sealing, and the safety invariant, checked over every
combination hypothesis can build — no state-secret signal may ever end in 主动公开."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.classify.model import DISCLOSURE, SECRECY, Prediction
from gongkai.decide import decide, mask
from gongkai.documents import Proposal
from gongkai.matching.engine import Finding, MatchResult
from gongkai.matching.govdoc import GovDocStructure
from gongkai.matching.marks import parse_mark
from gongkai.policy import load_policy, load_routing

POLICY, ROUTING = load_policy(), load_routing()


def finding(reason="proactive_scope", category="proactive_scope", score=0.5, **effect) -> Finding:
    return Finding(rule_id="GK-XX-001@1", category=category, label=category, reason=reason,
                   article="政府信息公开条例", start=0, end=2, text="示例", score=score,
                   effect={"reason": reason, **effect})


def result(*findings, mark=None) -> MatchResult:
    return MatchResult(list(findings), GovDocStructure(), mark, None, [])


def predictions(d: dict[str, float], s: dict[str, float]) -> dict:
    return {"disclosure": Prediction(d, [{"feature": "词:公告", "weight": 0.5}]),
            "secrecy": Prediction(s, [])}


PUBLIC = predictions({"主动公开": 0.9, "依申请公开": 0.07, "不予公开": 0.03},
                     {"非密": 0.99, "内部": 0.01, "秘密": 0.0, "机密": 0.0, "绝密": 0.0})


def run(match, preds) -> Proposal:
    return decide(Proposal("a.txt", "0" * 64), match, preds, POLICY, ROUTING)


def test_a_public_notice_is_proposed_public_and_goes_to_the_general_office():
    p = run(result(finding()), PUBLIC)
    assert (p.disclosure, p.secrecy, p.route) == ("主动公开", "非密", "办公室")
    assert p.confidence > 0.8
    assert any(r.code == "proactive_scope" and r.features for r in p.reasons)


def test_an_explicit_mark_fixes_level_seals_and_escalates():
    mark = parse_mark("机密★10年")
    p = run(result(finding("state_secret", "secrecy_mark", 0.95, min_secrecy="机密", seal=True,
                           disclosure_ceiling="不予公开"), mark=mark), None)
    assert (p.disclosure, p.secrecy, p.sealed, p.route) == ("不予公开", "机密", True, "保密审查")
    assert p.marks["secrecy_mark"]["period_years"] == 10


def test_an_unmarked_secret_suggestion_raises_the_level_and_rules_out_publication():
    p = run(result(finding("state_secret", "unmarked_secret", 0.7, min_secrecy="秘密", suggest_only=True)), PUBLIC)
    assert p.secrecy == "秘密" and p.disclosure == "不予公开" and not p.sealed
    assert p.route == "保密审查"


def test_a_small_model_probability_of_secrecy_is_enough_to_rule_out_publication():
    preds = predictions({"主动公开": 0.95, "依申请公开": 0.04, "不予公开": 0.01},
                        {"非密": 0.93, "内部": 0.0, "秘密": POLICY.secret_signal_probability, "机密": 0.0, "绝密": 0.0})
    p = run(result(), preds)
    assert p.disclosure != "主动公开" and p.route == "保密审查"


def test_unmasked_personal_data_rules_out_publication_as_is_and_suggests_redaction():
    pii = Finding("GK-PII-001@1", "personal_data", "id_card", "personal_privacy", "政府信息公开条例第十五条",
                  3, 21, "370303195804123420", 0.95, {"reason": "personal_privacy", "disclosure_ceiling": "依申请公开"})
    p = run(result(pii), PUBLIC)
    assert p.disclosure == "依申请公开"
    assert p.pii == [{"type": "id_card", "start": 3, "end": 21, "masked": "370***********3420", "rule": "GK-PII-001@1"}]
    privacy = next(r for r in p.reasons if r.code == "personal_privacy")
    assert "第三十七条" in privacy.note and privacy.evidence[0].text == "370303195804123420"


def test_without_a_model_the_most_cautious_value_is_proposed_with_no_confidence():
    p = run(result(), None)
    assert p.disclosure == "不予公开" and p.confidence == 0.0 and p.route == "保密审查"


def test_mask_keeps_both_ends_only():
    assert mask("13905331234") == "139****1234"
    assert mask("张三") == "张*"


probabilities = st.lists(st.floats(0, 1), min_size=1, max_size=5)


def _dist(labels, raw):
    raw = (raw + [0.0] * len(labels))[: len(labels)]
    if not sum(raw):
        raw = [1.0] * len(labels)
    total = sum(raw)
    return {label: v / total for label, v in zip(labels, raw)}


signals = st.sampled_from(["none", "rule", "suggest", "mark", "model"])


@settings(max_examples=300, deadline=None)
@given(d=probabilities, s=probabilities, signal=signals, score=st.floats(0, 1))
def test_no_state_secret_signal_ever_ends_in_proactive_disclosure(d, s, signal, score):
    dist_d, dist_s = _dist(DISCLOSURE, d), _dist(SECRECY, s)
    findings, mark = [], None
    if signal == "model":  # the model alone, just at the threshold
        t = POLICY.secret_signal_probability
        dist_s = {k: v * (1 - t) for k, v in dist_s.items()}
        dist_s["秘密"] += t
    elif signal == "rule":
        findings.append(finding("state_secret", "unmarked_secret", score))
    elif signal == "suggest":
        findings.append(finding("state_secret", "unmarked_secret", score, min_secrecy="秘密", suggest_only=True))
    elif signal == "mark":
        mark = parse_mark("秘密★1年")
        findings.append(finding("state_secret", "secrecy_mark", score, min_secrecy="秘密", seal=True))
    p = run(result(*findings, mark=mark), predictions(dist_d, dist_s))
    p_secret = dist_s["秘密"] + dist_s["机密"] + dist_s["绝密"]
    if signal != "none" or p_secret >= POLICY.secret_signal_probability:
        assert p.disclosure != "主动公开"
    if p.secrecy in ("秘密", "机密", "绝密"):
        assert p.disclosure == "不予公开"
    assert 0.0 <= p.confidence <= 1.0


def test_a_weak_model_signal_rules_out_publication_but_says_how_unsure_it_is():
    """Issue 10: on long published texts P(secret) sat just above the threshold and the renormalised
    decision claimed 0.94 for 不予公开. The doubt must stay visible and go to the secrecy review."""
    weak = predictions({"主动公开": 0.9, "依申请公开": 0.06, "不予公开": 0.04},
                       {"非密": 0.92, "内部": 0.0, "秘密": 0.06, "机密": 0.01, "绝密": 0.01})
    p = run(result(finding()), weak)
    assert p.disclosure != "主动公开"
    assert p.confidence < POLICY.low_confidence, p.confidence
    assert "weak_secret_signal" in p.flags and "model_overruled" in p.flags
    assert p.route == "保密审查"


def test_a_strong_rule_ceiling_keeps_its_confidence():
    p = run(result(finding("state_secret", "unmarked_secret", 0.8, min_secrecy="秘密", suggest_only=True,
                           disclosure_ceiling="不予公开")), PUBLIC)
    assert p.disclosure == "不予公开" and "weak_secret_signal" not in p.flags


def test_unreadable_text_gets_no_model_and_confidence_zero():
    p = decide(Proposal("a.pdf", "0" * 64), result(finding()), PUBLIC, POLICY, ROUTING, quality={"unreadable": True})
    assert p.confidence == 0 and "unreadable" in p.flags and p.disclosure != "主动公开"
    assert p.secrecy != "非密"  # nobody read it: not declared 非密 on the system's word


def test_unreadable_text_goes_to_a_person_whatever_the_confidence_threshold():
    lenient = POLICY.model_copy(update={"low_confidence": 0.0})  # confidence 0 would no longer count as low
    p = decide(Proposal("a.pdf", "0" * 64), result(finding()), PUBLIC, lenient, ROUTING, quality={"unreadable": True})
    assert p.route == "保密审查" and p.disclosure == "不予公开"
    readable = decide(Proposal("a.pdf", "0" * 64), result(finding()), PUBLIC, lenient, ROUTING,
                      quality={"unreadable": False, "score": 0.9})
    assert readable.route == "办公室" and "unreadable" not in readable.flags


def test_a_mark_in_unreadable_text_still_seals_but_claims_no_confidence():
    mark = parse_mark("机密★10年")
    p = decide(Proposal("a.pdf", "0" * 64),
               result(finding("state_secret", "secrecy_mark", 0.95, min_secrecy="机密", seal=True,
                              disclosure_ceiling="不予公开"), mark=mark), None, POLICY, ROUTING, quality={"unreadable": True})
    assert p.sealed and (p.disclosure, p.secrecy) == ("不予公开", "机密")
    assert p.confidence == 0 and "unreadable" in p.flags


def test_a_secret_level_is_proposed_from_the_policy_threshold_not_only_when_secret_is_likelier_than_not():
    """An unmarked secret the model gives P(secret) = 0.3: with the old fixed 0.5 it was proposed 非密 with a weak
    flag; at the policy's secret_level_probability it is proposed a state-secret level for the 定密责任人."""
    doubt = predictions({"主动公开": 0.2, "依申请公开": 0.5, "不予公开": 0.3},
                        {"非密": 0.7, "内部": 0.0, "秘密": 0.2, "机密": 0.08, "绝密": 0.02})
    assert POLICY.secret_level_probability <= 0.3
    p = run(result(), doubt)
    assert p.secrecy in ("秘密", "机密", "绝密") and p.disclosure == "不予公开" and p.route == "保密审查"
    strict = POLICY.model_copy(update={"secret_level_probability": 0.5})
    q = decide(Proposal("a.txt", "0" * 64), result(), doubt, strict, ROUTING)
    assert q.secrecy == "非密" and "weak_secret_signal" in q.flags and q.disclosure != "主动公开"
