"""One proposal chain: the Proposer is what the CLI, the intake, training and evaluation use; a document with
an explicit state-secret mark never reaches the model, wherever it comes from; explanations are words."""
from __future__ import annotations

from gongkai.classify.model import Prediction, readable_feature
from gongkai.documents import ExtractedDocument
from gongkai.proposer import BareModel, Proposer
from gongkai.settings import Settings

MARKED = "000123\n机密★10年\n关于民兵应急分队调整的通知\n各民兵营：\n现将调整事项通知如下。\n"
PUBLIC = "关于开展2026年防空警报试鸣的通告\n定于9月18日上午10时试鸣防空警报，请市民不要惊慌。\n"


class SpyClassifier:
    """Records every text it is asked about and answers 'public'."""

    def __init__(self):
        self.seen: list[str] = []

    def predict(self, records):
        self.seen += [r.text for r in records]
        return [{"disclosure": Prediction({"主动公开": 0.9, "依申请公开": 0.05, "不予公开": 0.05},
                                          [{"feature": "通告", "weight": 0.4}]),
                 "secrecy": Prediction({"非密": 0.99, "内部": 0.01, "秘密": 0.0, "机密": 0.0, "绝密": 0.0}, [])}
                for _ in records]


def proposer_with(spy) -> Proposer:
    return Proposer(Settings(environ={}), model=None).with_model(BareModel(spy, "spy-1"))


def test_a_sealed_document_never_reaches_the_model_in_review():
    spy = SpyClassifier()
    p = proposer_with(spy)
    r = p.review(ExtractedDocument("m.txt", "0" * 64, text=MARKED))
    assert r.proposal.sealed and r.proposal.disclosure == "不予公开"
    assert spy.seen == []
    r = p.review(ExtractedDocument("p.txt", "1" * 64, text=PUBLIC))
    assert spy.seen == [PUBLIC] and r.proposal.model_version == "spy-1"


def test_a_sealed_document_never_reaches_the_model_in_training_and_evaluation():
    spy = SpyClassifier()
    proposals = proposer_with(spy).propose_texts([MARKED, PUBLIC], ["m", "p"])
    assert spy.seen == [PUBLIC]
    assert proposals[0].sealed and not proposals[1].sealed


def test_batch_and_single_proposals_are_the_same_chain():
    p = proposer_with(SpyClassifier())
    single = p.review(ExtractedDocument("p.txt", "1" * 64, text=PUBLIC)).proposal
    batch = p.propose_texts([PUBLIC], ["p.txt"])[0]
    assert (single.disclosure, single.secrecy, single.confidence, single.route) == \
           (batch.disclosure, batch.secrecy, batch.confidence, batch.route)


def test_explanations_are_words_of_the_document_not_function_words_or_cues():
    assert readable_feature("词:民兵 武器") == "民兵武器"
    assert readable_feature("词:通告") == "通告"
    for name in ("词:以", "词:了", "词:的 通知", "线索:行文方向=downward", "字:启用", "词:<num> 年"):
        assert readable_feature(name) is None, name
