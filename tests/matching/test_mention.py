"""Mention or nature: where exemption, secret and personal-data rules stay silent (issue 10, item 4)."""
from __future__ import annotations

import pytest

from gongkai.matching.engine import get_matcher
from gongkai.matching.mention import mention_context

MATCHER = get_matcher()


def fired(text: str, category: str | None = None) -> set[str]:
    return {f.base_id for f in MATCHER.match(text) if category is None or f.category == category}


ANNUAL_REPORT = """XX区人民政府2025年政府信息公开工作年度报告
一、总体情况
本年度共收到政府信息公开申请42件。
三、收到和处理政府信息公开申请情况
| 不予公开 | 属于国家秘密 | 2 |
| 不予公开 | 属于行政执法案卷 | 1 |
| 不予公开 | 属于三类内部事务信息 | 0 |
"""


def test_document_kinds():
    assert "annual_report" in mention_context(ANNUAL_REPORT).kinds
    law = "第一条 为了……，制定本办法。\n第二条 ……\n第三条 ……\n第四条 本办法自公布之日起施行。"
    assert "legal_text" in mention_context(law).kinds
    news = "市保密局开展保密宣传月活动\n本报讯（记者 李明）5月8日，市保密局……"
    assert "publicity" in mention_context(news, "市保密局开展保密宣传月活动").kinds
    consult = "关于《XX办法（征求意见稿）》公开征求意见的公告\n现向社会公开征求意见。意见反馈截止日期为6月30日，邮箱……"
    assert "consultation_notice" in mention_context(consult).kinds
    assert mention_context("关于调整民兵武器存放点的通知\n各民兵营：……").kinds == frozenset()


def test_annual_report_tables_counting_refusals_alarm_nothing():
    found = {f.base_id for f in MATCHER.match(ANNUAL_REPORT) if f.effect.get("disclosure_ceiling") or f.effect.get("min_secrecy")}
    assert not found & {"GK-EX-020", "GK-ST-001", "GK-EX-001"}


def test_a_published_consultation_notice_is_not_process_information():
    text = ("关于《青川市养犬管理办法（征求意见稿）》公开征求意见的公告\n为提高立法质量，现将《办法（征求意见稿）》"
            "全文公布，公开征求社会各界意见。意见反馈截止时间：2026年6月30日，电子邮箱：fzb@example.gov.cn。")
    assert "GK-EX-011" not in fired(text)
    internal = "关于征求《青川市养犬管理办法（征求意见稿）》意见的函\n各有关单位：现将征求意见稿印送你们，请于6月30日前反馈。"
    assert "GK-EX-011" in fired(internal)


@pytest.mark.parametrize("text", [
    "咨询电话：0851-86812345",
    "办公地址：青川市长岭北路22号，监督电话：0851-86812346",
    "区政务服务中心 联系电话：0851-86812345",
    "投诉邮箱：ts@example.org",
])
def test_an_organs_contact_line_is_not_personal_data(text):
    assert fired(text, "personal_data") == set()


def test_a_persons_phone_is_still_personal_data_beside_an_office_line():
    text = "户主家庭电话0531-86012345，咨询电话：0531-86099999"
    hits = [f for f in MATCHER.match(text) if f.category == "personal_data"]
    assert [f.text for f in hits] == ["0531-86012345"]


@pytest.mark.parametrize("text, rule", [
    ("乘坐轨道15号线至市政府站下车。", "GK-PII-010"),
    ("我市深入推进维稳工作，社会大局保持稳定。各位代表：", "GK-EX-040"),
])
def test_words_that_are_not_what_the_rule_looks_for(text, rule):
    assert rule not in fired(text)


def test_legal_language_about_secrets_is_a_mention():
    text = "第十四条 依法确定为国家秘密的政府信息，不予公开。\n第十五条 ……\n第十六条 ……本条例"
    assert fired(text, "unmarked_secret") == set()


@pytest.mark.parametrize("text", [
    "如有疑问，可咨询省教育厅基础教育处，电话：0590-87654208。",
    "欢迎社会各界提出意见建议。联系电话：0716-8829200；电子邮箱：jljjzd@example.cn。",
    "| 部门 | 主要职责 | 对外电话 |\n| 办公室 | 综合协调 | 0716-8821002 |",
    "书面信函：邮寄至岚坪县岚坪大道88号县人民防空办公室（邮编：655500）",
])
def test_an_organs_number_address_or_mailbox_in_a_notice_is_not_personal_data(text):
    assert fired(text, "personal_data") == set()


@pytest.mark.parametrize("text", [
    "| 姓名 | 家庭电话 |\n| 张伟 | 0531-86012345 |",
    "申请人联系电话：（0531）86012345",
    "户主王建国，家庭住址：幸福路12号3单元401室",
])
def test_a_persons_number_or_home_is_still_personal_data(text):
    assert fired(text, "personal_data")
