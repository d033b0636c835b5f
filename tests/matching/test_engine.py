"""The matcher: character-level phrases, regexes placed on the spaCy Doc, validators, recognizers,
context windows, suppressors, positions, required co-occurrence, and the findings' fields."""
from __future__ import annotations

import json
import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import gongkai.matching.engine as engine
import gongkai.matching.loader as loader
from gongkai.matching import Matcher, load_rules, match


def make_matcher(tmp_path, rules_yaml: str) -> Matcher:
    (tmp_path / "t.yaml").write_text("ruleset: t\nversion: 1\nrules:\n" + textwrap.indent(textwrap.dedent(rules_yaml), "  "),
                                     encoding="utf-8")
    return Matcher(load_rules(tmp_path))


def rule(id_: str, patterns: str, extra: str = "", examples: str = "{match: [x], no_match: [y]}") -> str:
    return textwrap.dedent(f"""\
    - id: {id_}
      version: 1
      category: exemption
      description: 测试
      article: 测试条文
      effect: {{reason: internal_affairs}}
      patterns: {patterns}
      score: 0.5
      examples: {examples}
    """) + textwrap.indent(textwrap.dedent(extra), "  ")


def test_phrase_matches_inside_a_word(tmp_path):
    m = make_matcher(tmp_path, rule("GK-TS-001", "[{phrase: 机密}]"))
    text = "本文件属机密文件，请勿外传。"
    [f] = m.match(text)
    assert (f.start, f.end, f.text) == (4, 6, "机密")
    assert f.explanation["pattern"] == "phrase: 机密"


def test_phrase_with_digits_and_latin(tmp_path):
    m = make_matcher(tmp_path, rule("GK-TS-001", "[{phrase: GDP数据}]"))
    assert [f.text for f in m.match("一季度GDP数据未发布")] == ["GDP数据"]


def test_regex_spans_are_character_offsets_into_the_text(tmp_path):
    m = make_matcher(tmp_path, rule("GK-TS-001", "[{regex: '第[一二三四五六七八九十]+条'}]"))
    text = "依照本条例  第十四条 和\n第十五条的规定"
    found = m.match(text)
    assert [text[f.start:f.end] for f in found] == ["第十四条", "第十五条"]
    assert [f.text for f in found] == ["第十四条", "第十五条"]


def test_context_words_raise_and_lower_with_explanation(tmp_path):
    m = make_matcher(tmp_path, rule("GK-TS-001", "[{phrase: 名单}]", """\
        context:
          window: 6
          raise: {words: [上访], by: 0.2}
          lower: {words: [公示], by: 0.15}
        """))
    up = m.match("重点上访人员名单")[0]
    assert up.score == 0.7 and up.explanation["context"] == [{"word": "上访", "change": 0.2}]
    down = m.match("名单现予公示")[0]
    assert down.score == 0.35 and down.explanation["context"] == [{"word": "公示", "change": -0.15}]
    far = m.match("上访" + "。" * 10 + "名单")[0]
    assert far.score == 0.5 and "context" not in far.explanation


def test_min_score_drops_lowered_hits(tmp_path):
    m = make_matcher(tmp_path, rule("GK-TS-001", "[{phrase: 名单}]", """\
        context: {window: 5, lower: {words: [应当], by: 0.3}}
        min_score: 0.3
        """))
    assert m.match("应当公布名单") == []
    assert len(m.match("附件：名单")) == 1


def test_suppressors_masked_phrases_and_regex(tmp_path):
    m = make_matcher(tmp_path, rule("GK-TS-001", "[{regex: '1[3-9]\\d[\\d*]{4}\\d{4}'}]", """\
        suppress: {window: 6, phrases: [示例], regex: ['样例\\d'], masked: true}
        """))
    assert len(m.match("电话13812345678")) == 1
    assert m.match("电话138****5678") == []
    assert m.match("示例：13812345678") == []
    assert m.match("样例1：13812345678") == []


def test_required_words_within_window(tmp_path):
    m = make_matcher(tmp_path, rule("GK-TS-001", "[{phrase: 试题}]", "require: {window: 5, words: [启用前]}\n"))
    assert m.match("试题（启用前）")[0].explanation["required_word"] == "启用前"
    assert m.match("试题将在考试结束后公布，启用前") == []


def test_required_rules_are_decided_after_the_first_pass(tmp_path):
    rules = rule("GK-TS-001", "[{phrase: 甲}]") + rule("GK-TS-002", "[{phrase: 乙}]", "require: {window: null, rules: [GK-TS-001]}\n")
    m = make_matcher(tmp_path, rules)
    assert [f.base_id for f in m.match("乙")] == []
    assert sorted(f.base_id for f in m.match("乙" + "。" * 500 + "甲")) == ["GK-TS-001", "GK-TS-002"]


def test_overlapping_hits_of_one_rule_become_one_finding(tmp_path):
    m = make_matcher(tmp_path, rule("GK-TS-001", "[{phrase: 询问笔录}, {regex: '询问笔录[（(][^）)]*[）)]'}]"))
    [f] = m.match("附件：询问笔录（第一次）")
    assert f.text == "询问笔录（第一次）"


def test_validator_and_recognizer_are_looked_up_by_name(tmp_path, monkeypatch):
    monkeypatch.setattr(loader, "validators", lambda: {"even": lambda s: int(s) % 2 == 0})
    monkeypatch.setattr(engine, "validators", lambda: {"even": lambda s: int(s) % 2 == 0})
    fake = {"digits3": lambda text: [(i, i + 3, {"kind": "three"}) for i in range(len(text) - 2) if text[i:i + 3] == "abc"]}
    monkeypatch.setattr(loader, "recognizers", lambda: fake)
    monkeypatch.setattr(engine, "recognizers", lambda: fake)
    m = make_matcher(tmp_path, rule("GK-TS-001", "[{regex: '\\d{4}', validator: even}]")
                     + rule("GK-TS-002", "[{recognizer: digits3}]"))
    found = m.match("编号1234和1235，xabc")
    assert [(f.base_id, f.text) for f in found] == [("GK-TS-001", "1234"), ("GK-TS-002", "abc")]
    assert found[0].explanation["validator"] == {"name": "even", "result": True}
    assert found[1].data == {"kind": "three"}


def test_head_mark_is_a_mark_and_legal_language_is_not():
    doc = "000123\n机密★10年\n特急\n某市人民政府文件\n某政发〔2026〕12号\n关于储备粮轮换的通知\n各县（区）人民政府：\n现将有关事项通知如下。\n"
    marks = [f for f in match(doc) if f.category == "secrecy_mark"]
    head = next(f for f in marks if f.base_id == "GK-SM-001")
    assert head.text == "机密★10年" and head.effect["seal"] and head.effect["min_secrecy"] == "机密"
    assert head.data["period_years"] == 10 and head.effect["disclosure_ceiling"] == "不予公开"
    assert any(f.base_id == "GK-SM-005" and f.text == "000123" for f in marks)
    for sentence in ["本条例所称国家秘密，是指关系国家安全和利益的事项。", "涉及国家秘密的，依照有关规定办理。",
                     "机关、单位应当保守国家秘密。", "第十条 国家秘密的密级分为绝密、机密、秘密三级。",
                     "关于加强保密工作的通知\n各单位：\n机密文件应当存放在保密柜中，秘密文件也是。"]:
        assert [f for f in match(sentence) if f.category in ("secrecy_mark", "unmarked_secret")] == [], sentence


def test_mark_with_public_line_is_a_blocking_conflict():
    text = "机密★10年\n关于储备粮轮换的通知\n各单位：\n现将有关事项通知如下。\n某局\n2026年3月1日\n（此件公开发布）"
    result = engine.get_matcher().run(text)
    conflict = [f for f in result.findings if f.base_id == "GK-SM-010"]
    assert conflict and conflict[0].effect["blocking"] and conflict[0].explanation["required_rules"] == ["GK-SM-001"]
    assert result.conflicts and result.mark.level == "机密" and result.disclosure.attribute == "主动公开"


def test_unmarked_secret_is_only_a_suggestion():
    [f] = [f for f in match("附件：全市救灾物资储备库地点及实物数量一览表") if f.category == "unmarked_secret"]
    assert f.effect["suggest_only"] is True and f.reason == "state_secret" and f.effect["min_secrecy"] == "秘密"


def test_finding_fields_are_complete_and_serialisable():
    [f] = [f for f in match("秘密★6个月\n关于X的请示") if f.base_id == "GK-SM-001"]
    d = json.loads(json.dumps(f.as_dict(), ensure_ascii=False))
    assert d["rule_id"] == "GK-SM-001@1" and d["label"] == "secrecy_mark" and d["reason"] == "state_secret"
    assert d["article"].startswith("保守国家秘密法") and d["data"]["period_years"] == 0.5
    assert {"pattern", "position", "base_score"} <= set(d["explanation"])


def test_doc_can_be_created_once_and_reused():
    m = engine.get_matcher()
    text = "（此件主动公开）"
    doc = m.make_doc(text)
    assert [f.rule_id for f in m.match(text, doc=doc)] == [f.rule_id for f in m.match(text)]


def test_published_laws_do_not_raise_state_secret_findings(real_dir):
    laws = sorted((real_dir / "laws").rglob("*.md"))
    if not laws:
        pytest.skip("no law texts")
    chosen = [p for p in laws if any(k in p.name for k in ("政府信息公开条例", "数据安全法", "统计法", "国防动员法"))][:6]
    assert chosen
    m = engine.get_matcher()
    for path in chosen:
        found = [f for f in m.match(path.read_text(encoding="utf-8")) if f.category in ("secrecy_mark", "unmarked_secret")]
        assert found == [], (path.name, [f.text for f in found])


def test_mark_glued_onto_the_title_line_is_still_a_mark():
    found = match("000123 机密★1年 关于储备粮轮换的通知\n各单位：\n现将有关事项通知如下。")
    assert any(f.base_id == "GK-SM-001" and f.text == "机密★1年" for f in found)
    assert not [f for f in match("机密文件管理规定\n第一条 为了加强管理，制定本规定。") if f.category == "secrecy_mark"]


def test_get_matcher_rebuilds_when_a_rule_file_changes(tmp_path):
    path = tmp_path / "t.yaml"
    path.write_text("ruleset: t\nversion: 1\nrules:\n" + textwrap.indent(rule("GK-TS-001", "[{phrase: 甲}]"), "  "),
                    encoding="utf-8")
    first = engine.get_matcher(tmp_path)
    assert engine.get_matcher(tmp_path) is first
    path.write_text(path.read_text(encoding="utf-8").replace("phrase: 甲", "phrase: 乙乙"), encoding="utf-8")
    second = engine.get_matcher(tmp_path)
    assert second is not first and [f.text for f in second.match("甲乙乙")] == ["乙乙"]


def test_regex_hits_with_surrounding_spaces_are_trimmed_not_expanded(tmp_path):
    m = make_matcher(tmp_path, rule("GK-TS-001", "[{regex: '\\s机密\\s'}]"))
    text = "甲 机密 乙"
    [f] = m.match(text)
    assert (f.start, f.end, f.text) == (2, 4, "机密")

LEGAL_SENTENCES = ["本条例所称国家秘密，是指关系国家安全和利益的事项。", "机关、单位应当依法保守国家秘密。",
                   "涉及国家秘密的，按照有关规定办理。", "任何单位和个人不得泄露工作秘密。"]


@settings(max_examples=40, deadline=None)
@given(level=st.sampled_from(["秘密", "机密", "绝密"]), years=st.integers(1, 40),
       star=st.sampled_from(["★", " ★ ", "*", "☆", "文"]), sentence=st.sampled_from(LEGAL_SENTENCES))
def test_a_mark_counts_in_the_head_and_never_inside_a_sentence(level, years, star, sentence):
    mark = f"{level}{star}{years}年"
    head = match(f"{mark}\n关于加强管理的通知\n各单位：\n{sentence}")
    [f] = [f for f in head if f.base_id == "GK-SM-001"]
    assert f.effect["min_secrecy"] == level and f.data["period_years"] == years
    body = match(f"关于加强管理的通知\n各单位：\n{sentence}对标注{mark}的文件，{sentence}")
    assert not [f for f in body if f.category == "secrecy_mark"]
