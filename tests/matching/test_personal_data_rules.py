"""rules/personal_data.yaml end to end through the matching engine."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from gongkai.matching.engine import Matcher
from gongkai.matching.loader import load_file
from gongkai.matching.validators import VALIDATORS

REPO = Path(__file__).resolve().parents[2]
RULE_FILE = REPO / "rules" / "personal_data.yaml"
LAWS = REPO / ".." / "shared" / "real" / "laws"

RULESET = load_file(RULE_FILE)
SENSITIVE = {"health", "income", "minor"}


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher([RULESET])


def _labels(matcher: Matcher, text: str) -> list[tuple[str, str]]:
    return sorted((f.label, f.text) for f in matcher.match(text))


def _examples():
    for rule in RULESET.rules:
        for kind in ("match", "no_match", "masked"):
            for text in getattr(rule.examples, kind):
                yield pytest.param(rule.id, kind, text, id=f"{rule.id}-{kind}-{text[:12]}")


@pytest.mark.parametrize("rule_id,kind,text", list(_examples()))
def test_rule_examples(matcher: Matcher, rule_id: str, kind: str, text: str) -> None:
    fired = [f for f in matcher.match(text) if f.base_id == rule_id]
    assert bool(fired) == (kind == "match"), [(f.text, f.score, f.explanation) for f in fired]


def test_every_rule_has_all_three_kinds_of_examples_and_cites_its_article() -> None:
    for rule in RULESET.rules:
        assert rule.category == "personal_data" and rule.pii_type
        assert rule.examples.match and rule.examples.no_match and rule.examples.masked, rule.id
        assert "政府信息公开条例第十五条" in rule.article
        if rule.pii_type in SENSITIVE:
            assert "个人信息保护法第二十八条" in rule.article, rule.id


def test_effects_personal_privacy_except_credit_codes() -> None:
    for rule in RULESET.rules:
        if rule.pii_type == "credit_code":  # a company, not a natural person: shown, never limiting
            assert rule.effect.reason != "personal_privacy" and rule.effect.disclosure_ceiling is None
        else:
            assert rule.effect.reason == "personal_privacy"
            assert rule.effect.disclosure_ceiling == "依申请公开"


DECISION = """济南市某区市场监督管理局
行政处罚决定书
当事人：张伟，男，身份证号码370102198503121233，住址：济南市历下区文化东路12号3单元401室，
手机13805312345，邮箱zhang.wei1985@163.com。
委托代理人：李娜，联系电话0531-86012345。
患者赵小红，女，经诊断为抑郁症。
局长王建国签发。
如不服本决定，可申请行政复议。咨询电话：0531-86099999。办公地址：济南市历下区龙鼎大道1号。
"""


def test_a_decision_with_personal_data(matcher: Matcher) -> None:
    found = _labels(matcher, DECISION)
    assert found == sorted([
        ("person_name", "张伟"), ("id_card", "370102198503121233"),
        ("address", "济南市历下区文化东路12号3单元401室"), ("mobile", "13805312345"),
        ("email", "zhang.wei1985@163.com"), ("person_name", "李娜"), ("landline", "0531-86012345"),
        ("person_name", "赵小红"), ("health", "诊断为抑郁症"),
    ])
    for f in matcher.match(DECISION):
        assert DECISION[f.start:f.end] == f.text
        assert f.effect["disclosure_ceiling"] == "依申请公开"
        assert f.rule_id.startswith("GK-PII-") and "@" in f.rule_id


def test_the_same_decision_masked_has_no_findings(matcher: Matcher) -> None:
    masked = (DECISION.replace("张伟", "张某").replace("李娜", "李某").replace("赵小红", "赵某某")
              .replace("370102198503121233", "370102********1233").replace("13805312345", "138****2345")
              .replace("zhang.wei1985@163.com", "zh****@163.com").replace("0531-86012345", "0531-8601****")
              .replace("文化东路12号3单元401室", "文化东路**号"))
    assert _labels(matcher, masked) == []


def test_context_changes_the_score_and_is_explained(matcher: Matcher) -> None:
    [with_context] = [f for f in matcher.match("银行卡号6222021602012345676") if f.label == "bank_card"]
    assert with_context.explanation["context"][0]["word"] in ("银行卡", "卡号")
    assert with_context.explanation["validator"] == {"name": "bank_card", "result": True}
    assert not [f for f in matcher.match("档案编号6222021602012345676") if f.label == "bank_card"]


def test_office_phone_is_suppressed_but_a_private_one_nearby_is_not(matcher: Matcher) -> None:
    """Only an agency label right before the number suppresses it (the engine's window is symmetric,
    so the rules use a 5-character window and labels with their colon)."""
    text = "申请人手机13905316789，监督电话：0531-86012345，传真：0531-86012346"
    assert _labels(matcher, text) == [("mobile", "13905316789")]
    text = "监督电话：0531-86012345。\n申请人家庭电话0531-86054321"
    assert _labels(matcher, text) == [("landline", "0531-86054321")]


def test_id_number_rules_fire_on_no_published_law() -> None:
    """The published laws contain no ID numbers: the regex + validator of both ID rules (the engine
    can only lower a hit from there by context) find none. Full measurements: BENCHMARKS.md."""
    if not LAWS.is_dir():
        pytest.skip("../shared/real not present")
    id_rules = [r for r in RULESET.rules if r.pii_type == "id_card"]
    assert id_rules
    checks = [(re.compile(p.regex), VALIDATORS[p.validator]) for r in id_rules for p in r.patterns]
    fired = []
    for path in sorted(LAWS.rglob("*.md")):
        text = path.read_text(encoding="utf-8", errors="replace")
        fired += [(path.name, m.group()) for rx, ok in checks for m in rx.finditer(text) if ok(m.group())]
    assert fired == []


def test_extracted_text_after_normalisation(matcher: Matcher) -> None:
    """Full-width digits, spaces around numbers and a line wrap inside an address, as extraction
    gives them, are found once the text went through the normaliser."""
    from gongkai.extract.normalise import normalise

    raw = ("当事人：张伟，身份证号码 ３７０１０２１９８５０３１２１２３３ ，手机：138 0531 2345，\n"
           "住址：济南市历下区文化东路１２号３单元\n401室。监督电话:(0531)86012345")
    assert _labels(matcher, normalise(raw)) == sorted([
        ("person_name", "张伟"), ("id_card", "370102198503121233"), ("mobile", "138 0531 2345"),
        ("address", "济南市历下区文化东路12号3单元401室"),
    ])
