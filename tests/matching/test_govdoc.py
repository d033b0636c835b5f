"""公文 structure parser on realistic texts, and against the labelled GovDoc-CN 397."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from gongkai.matching.govdoc import parse_govdoc

DOWNWARD = """000123
机密★5年
特急
某市人民政府文件
某政发〔2026〕12号
关于做好2026年防汛抗旱工作的通知
各县（区）人民政府，市政府各部门：
现将有关事项通知如下。
一、提高认识。各地要高度重视，压实责任。
二、加强值守。汛期实行24小时值班。
附件：1.防汛物资储备一览表
      2.值班表
某市人民政府
2026年4月10日
（此件不予公开）
抄送：市委办公室，市人大常委会办公室。
某市人民政府办公室        2026年4月11日印发
"""

UPWARD = """某县应急管理局
某应急〔2026〕3号      签发人：王某某
关于申请追加防汛经费的
请示
县人民政府：
今年汛期降雨偏多，现申请追加经费50万元。
妥否，请批示。
某县应急管理局
2026年5月6日
"""

LETTER = """某市财政局
某财函[2026]45号
关于商请提供项目资料的函
市发展改革委：
为做好预算评审工作，请提供相关项目资料。
某市财政局
二〇二六年三月二日
（此件依申请公开）
"""


def f(s, name):
    v = getattr(s, name)
    return v.text if v else None


def test_downward_notice_all_fields():
    s = parse_govdoc(DOWNWARD)
    assert f(s, "copy_no") == "000123"
    assert f(s, "secrecy") == "机密★5年" and s.secrecy_parsed.level == "机密" and s.secrecy_parsed.period_years == 5
    assert f(s, "urgency") == "特急"
    assert f(s, "issuer_mark") == "某市人民政府文件"
    assert f(s, "doc_number") == "某政发〔2026〕12号"
    assert f(s, "title") == "关于做好2026年防汛抗旱工作的通知"
    assert f(s, "addressee") == "各县（区）人民政府，市政府各部门："
    assert f(s, "body").startswith("现将有关事项") and f(s, "body").endswith("24小时值班。")
    assert f(s, "attachments").startswith("附件：1.") and f(s, "attachments").endswith("2.值班表")
    assert f(s, "signature") == "某市人民政府"
    assert f(s, "date") == "2026年4月10日"
    assert f(s, "note") == "（此件不予公开）" and s.disclosure.attribute == "不予公开"
    assert f(s, "cc").startswith("抄送：")
    assert f(s, "printed") == "某市人民政府办公室        2026年4月11日印发"
    assert (s.doc_type, s.direction) == ("通知", "downward")
    assert s.head_end == DOWNWARD.index("关于做好")
    for name in ("copy_no", "secrecy", "doc_number", "title", "body", "date"):
        fld = getattr(s, name)
        assert DOWNWARD[fld.start:fld.end] == fld.text


def test_upward_request_with_signer_and_two_line_title():
    s = parse_govdoc(UPWARD)
    assert f(s, "doc_number") == "某应急〔2026〕3号"
    assert f(s, "signer") == "签发人：王某某"
    assert f(s, "title") == "关于申请追加防汛经费的\n请示"
    assert (s.doc_type, s.direction) == ("请示", "upward")
    assert f(s, "addressee") == "县人民政府："
    assert f(s, "signature") == "某县应急管理局" and f(s, "date") == "2026年5月6日"
    assert s.secrecy is None and s.copy_no is None


def test_letter_with_square_brackets_and_chinese_date():
    s = parse_govdoc(LETTER)
    assert f(s, "doc_number") == "某财函[2026]45号"
    assert (s.doc_type, s.direction) == ("函", "parallel")
    assert f(s, "date") == "二〇二六年三月二日"
    assert s.disclosure.attribute == "依申请公开"


@pytest.mark.parametrize("number", ["某发（2026）12号", "某发(2026)12号", "某发 〔 2026 〕 12 号", "某发【2026】12号"])
def test_doc_number_bracket_variants(number):
    s = parse_govdoc(f"某局文件\n{number}\n关于X的通知\n各单位：\n正文。")
    assert f(s, "doc_number") == number


def test_cited_doc_number_in_a_sentence_is_not_this_documents_number():
    s = parse_govdoc("关于转发文件的通知\n各单位：\n根据《某某通知》（国发〔2018〕41号），现通知如下。")
    assert s.doc_number is None and f(s, "title") == "关于转发文件的通知"


def test_law_text_has_no_head():
    s = parse_govdoc("# 中华人民共和国保守国家秘密法\n\n第一条 为了保守国家秘密，制定本法。\n")
    assert s.head_end == 0 and s.secrecy is None and s.title is not None


def test_doc_type_ignores_trailing_parenthesis():
    assert parse_govdoc("某县国土空间总体规划（2021—2035年）").doc_type == "规划"
    assert parse_govdoc("某市物业管理条例（草案）").doc_type == "条例"


def test_empty_text():
    s = parse_govdoc("")
    assert s.title is None and s.head_end == 0


def _bench_module():
    path = Path(__file__).resolve().parents[2] / "bench" / "rules.py"
    spec = importlib.util.spec_from_file_location("bench_rules", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_govdoc_cn_397_fields_match_labels(real_dir):
    found = sorted((real_dir / "pdfs").rglob("397_a.txt"))
    if not found:
        pytest.skip("GovDoc-CN 397 not present")
    scores = _bench_module().govdoc_field_scores(found[0].with_name("397.txt").read_text(encoding="utf-8"), found[0])
    wrong = {k: v for k, v in scores.items() if not v["exact"]}
    assert not wrong, wrong


@pytest.mark.parametrize(
    "text, copy_no, mark, title",
    [
        ("000123 机密★1年 特急 关于储备粮轮换的通知\n各单位：\n现将有关事项通知如下。", "000123", "机密★1年", "关于储备粮轮换的通知"),
        ("秘密 关于X的通知\n各单位：\n现将有关事项通知如下。", None, "秘密", "关于X的通知"),
        ("机密文件管理规定\n第一条 为了加强管理，制定本规定。", None, None, "机密文件管理规定"),
    ],
)
def test_head_glued_onto_the_title_line(text, copy_no, mark, title):
    s = parse_govdoc(text)
    assert (f(s, "copy_no"), f(s, "secrecy"), f(s, "title")) == (copy_no, mark, title)
    assert s.head_end == s.title.start


def test_internal_use_in_the_head_is_a_disclosure_field_but_not_in_the_title():
    s = parse_govdoc("内部资料 注意保存\n第12期\n某局办公室编\n2026年3月1日\n一、工作动态\n本周召开了会议，研究了三件事。")
    assert s.disclosure is not None and s.disclosure.internal and s.disclosure.attribute == "不予公开"
    s = parse_govdoc("关于加强内部使用车辆管理的通知\n各科室：\n现将有关事项通知如下。\n某局\n2026年3月1日")
    assert s.disclosure is None
