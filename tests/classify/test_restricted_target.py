"""Issue 10: the binary restricted target (withheld, or 内部/state secret, vs publishable) and the thresholds a
model that has it is decided by."""
from __future__ import annotations

from gongkai.classify.features import DocumentRecord
from gongkai.classify.model import RESTRICTED, Classifier, Prediction, restricted_labels
from gongkai.decide import decide
from gongkai.documents import Proposal
from gongkai.matching.engine import Finding, MatchResult
from gongkai.matching.govdoc import GovDocStructure
from gongkai.policy import SignalThresholds, load_policy, load_routing

POLICY, ROUTING = load_policy(), load_routing()


def _match() -> MatchResult:
    f = Finding(rule_id="GK-XX-001@1", category="proactive_scope", label="proactive_scope", reason="proactive_scope",
                article="政府信息公开条例", start=0, end=2, text="示例", score=0.5, effect={"reason": "proactive_scope"})
    return MatchResult([f], GovDocStructure(), None, None, [])


def _preds(p_restricted: float | None) -> dict:
    # The multi-class models alone would rule out 主动公开: 1 − P(非密) = 0.2 is above the shipped 0.15.
    out = {"disclosure": Prediction({"主动公开": 0.9, "依申请公开": 0.07, "不予公开": 0.03}, []),
           "secrecy": Prediction({"非密": 0.8, "内部": 0.2, "秘密": 0.0, "机密": 0.0, "绝密": 0.0}, [])}
    if p_restricted is not None:
        out[RESTRICTED] = Prediction({RESTRICTED: p_restricted, "publishable": 1 - p_restricted}, [])
    return out


def _decide(preds, policy):
    return decide(Proposal("a.txt", "0" * 64), _match(), preds, policy, ROUTING)


def test_the_restricted_model_answers_the_withheld_question_with_its_own_threshold():
    policy = POLICY.model_copy(update={"with_restricted_model": SignalThresholds(
        secret_signal_probability=0.3, withheld_signal_probability=0.012)})
    assert _decide(_preds(None), policy).disclosure != "主动公开"  # no restricted target: the old signal
    low = _decide(_preds(0.005), policy)
    assert low.disclosure == "主动公开" and "withheld_signal" not in low.flags
    high = _decide(_preds(0.02), policy)
    assert high.disclosure != "主动公开" and "withheld_signal" in high.flags


def test_without_thresholds_for_it_the_restricted_prediction_is_ignored():
    policy = POLICY.model_copy(update={"with_restricted_model": None})
    assert _decide(_preds(0.001), policy).disclosure != "主动公开"


def test_restricted_labels_follow_the_leak_definition():
    assert restricted_labels(["主动公开", "不予公开", "依申请公开", "主动公开"], ["非密", "非密", "内部", "秘密"]) == \
        ["publishable", RESTRICTED, RESTRICTED, RESTRICTED]


def test_a_fitted_classifier_predicts_the_restricted_target():
    public = ["关于开展全民健身活动的通知 各单位 请积极参加 健身 活动 公开", "关于公布办事指南的公告 办事 指南 公开 群众"]
    secret = ["关于应急储备物资调度的请示 储备 数量 部署 不得外传", "关于重要目标防护方案的报告 防护 部署 知悉范围"]
    texts = [t + f" 第{k}号" for k in range(4) for t in public + secret]
    disclosure = ["主动公开", "主动公开", "不予公开", "不予公开"] * 4
    secrecy = ["非密", "非密", "秘密", "机密"] * 4
    groups = [f"g{k}" for k in range(4) for _ in range(4)]
    clf = Classifier().fit([DocumentRecord(t) for t in texts], {"disclosure": disclosure, "secrecy": secrecy}, groups)
    assert set(clf.models) == {"disclosure", "secrecy", RESTRICTED}
    pred = clf.predict([DocumentRecord(secret[0]), DocumentRecord(public[0])])
    assert pred[0][RESTRICTED].probabilities[RESTRICTED] > pred[1][RESTRICTED].probabilities[RESTRICTED]
