"""Recognizers for personal data: names by context, officials and masked forms left alone,
sensitive data only when attached to a person."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from gongkai.matching.recognizers import (
    RECOGNIZERS,
    health_conditions,
    home_addresses,
    income_property,
    minors,
    person_names,
)


def names(text: str) -> list[str]:
    return [data["name"] for _s, _e, data in person_names(text)]


def spans_are_exact(text: str, hits) -> bool:
    return all(text[s:e] == (d.get("name") or d.get("address") or text[s:e]) for s, e, d in hits)


@pytest.mark.parametrize("text,expected", [
    ("申请人张伟，男，1985年出生。", ["张伟"]),
    ("联系人：李娜，联系电话：13805312345", ["李娜"]),
    ("户主欧阳明，户籍地济南市。", ["欧阳明"]),
    ("姓名：刘洋", ["刘洋"]),
    ("被询问人孙丽丽称", ["孙丽丽"]),
    ("第一小学三年级学生李小花", ["李小花"]),
    ("申请人张伟、李娜、王建国共同提出", ["张伟", "李娜", "王建国"]),
    ("张伟（户主）", ["张伟"]),
    ("申请人张伟称，", ["张伟"]),  # jieba's HMM makes one word of 张伟称
    ("申请人张伟于2024年3月提出", ["张伟"]),
    ("当事人周文斌驾驶车辆", ["周文斌"]),
])
def test_names_next_to_a_context_word(text: str, expected: list[str]) -> None:
    assert names(text) == expected
    assert spans_are_exact(text, list(person_names(text)))


@pytest.mark.parametrize("text", [
    "张伟出席会议",  # a name without any context word is not reported
    "王建国到基层调研",
])
def test_names_without_context_are_not_reported(text: str) -> None:
    assert names(text) == []


@pytest.mark.parametrize("text", [
    "局长张伟出席会议并讲话",
    "副市长李娜主持会议",
    "张伟同志任市发展改革委主任",
    "联系人：局长张伟",
    "经办人：王建国（科长）",
])
def test_officials_in_their_capacity_are_not_private(text: str) -> None:
    assert names(text) == []


@pytest.mark.parametrize("text", ["申请人：高新区管委会", "申请人高新区", "当事人开发区"])
def test_place_names_are_not_names(text: str) -> None:
    assert names(text) == []


@pytest.mark.parametrize("text", ["申请人张某，男", "当事人李某某称", "联系人：王××", "申请人张*，女", "户主刘＊＊"])
def test_masked_names_are_not_reported(text: str) -> None:
    assert names(text) == []


@pytest.mark.parametrize("text", [
    "申请人应当如实提交有关材料",
    "申请人陈述意见或者补正后",  # jieba tags 陈述 nr
    "选举程序合法公正，村民选举委员会",
    "精神障碍患者康复后，依法享有受教育的权利",
    "提升学生文明素养",
    "支付职工安置费纠纷一案",  # 安置费 is in jieba's dictionary as nr
])
def test_common_words_tagged_nr_by_jieba_are_not_names(text: str) -> None:
    assert names(text) == []


def test_name_offsets_point_into_the_whole_text() -> None:
    text = "本决定自送达之日起生效。" * 40 + "申请人张伟称" + "如不服本决定，可以依法申请行政复议。" * 30
    [(start, end, data)] = list(person_names(text))
    assert text[start:end] == "张伟" == data["name"]


# --- health, income, minors: only with a person --------------------------------------------------

def test_health_with_a_person() -> None:
    text = "患者赵小红，女，经诊断为抑郁症，住院治疗。"
    hits = list(health_conditions(text))
    assert [text[s:e] for s, e, _d in hits] == ["诊断为抑郁症", "住院治疗"]
    assert all(d["person"] == "赵小红" for _s, _e, d in hits)


@pytest.mark.parametrize("text", [
    "精神障碍患者的监护人应当履行监护职责",
    "医疗机构应当妥善保管病历资料",
    "患者张某，经诊断为抑郁症",  # the person is already masked
    "局长张伟到医院看望住院职工",
])
def test_health_without_a_private_person(text: str) -> None:
    assert list(health_conditions(text)) == []


def test_health_next_to_an_id_number() -> None:
    assert list(health_conditions("身份证号11010519491231002X，患有高血压"))


def test_income_with_a_person_and_an_amount() -> None:
    text = "申请人张伟月收入3500元，银行存款5万元"
    assert [text[s:e] for s, e, _d in income_property(text)] == ["月收入3500元", "银行存款5万元"]
    assert list(income_property("工资不得低于当地最低工资标准，申请人应当说明")) == []
    assert list(income_property("申请人张某月收入3500元")) == []
    assert [d["item"] for _s, _e, d in income_property("户主王建国名下房产两套")] == ["房产两套"]
    assert [d["item"] for _s, _e, d in income_property("户主王建国，房产：两套")] == ["房产：两套"]


def test_minor_by_age_field_and_age_next_to_a_name() -> None:
    assert [d["age"] for _s, _e, d in minors("姓名：王小明，年龄：9岁")] == [9]
    assert [d["age"] for _s, _e, d in minors("学生王小明，男，9岁")] == [9]
    assert list(minors("年龄：45岁")) == []
    assert list(minors("学生王小明，男，15岁")) == []
    assert list(minors("不满14周岁的未成年人应当由监护人陪同")) == []


def test_minor_by_birth_date_relative_to_today() -> None:
    today = date(2026, 11, 22)
    assert list(minors("出生日期：2013年11月23日", today=today))  # 13 years old tomorrow's eve
    assert list(minors("出生日期：2012年11月22日", today=today)) == []  # 14 today
    recent = date.today() - timedelta(days=365 * 5)
    assert list(minors(f"出生日期：{recent:%Y-%m-%d}"))
    assert list(minors("出生日期：1980年5月3日")) == []
    assert list(minors("出生日期：2020年2月30日")) == []


def test_pupil_with_a_name() -> None:
    assert list(minors("第一小学三年级学生李小花"))
    assert list(minors("第一小学学生李某某")) == []
    assert list(minors("中小学校应当对学生进行安全教育")) == []


# --- home address -------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,address", [
    ("家庭住址：山东省济南市历下区文化东路12号3单元401室", "山东省济南市历下区文化东路12号3单元401室"),
    ("现住济南市市中区英雄山路8号", "济南市市中区英雄山路8号"),
    ("户主王建国，住幸福小区5号楼2单元301室。", "幸福小区5号楼2单元301室"),
    ("当事人张伟，住所地济南市槐荫区经十路2号", "济南市槐荫区经十路2号"),
    ("当事人张伟，某公司员工，住址：文化东路12号3单元401室", "文化东路12号3单元401室"),
])
def test_home_addresses(text: str, address: str) -> None:
    hits = list(home_addresses(text))
    assert [d["address"] for _s, _e, d in hits] == [address]
    assert spans_are_exact(text, hits)


@pytest.mark.parametrize("text", [
    "办公地址：济南市历下区龙鼎大道1号",
    "受理地点：市政务服务中心（经十路100号）",
    "济南市市场监管局地址：经十路100号",
    "会议地点：市政府1号会议室",
    "当事人：济南某某商贸有限公司，住所：济南市槐荫区经十路2号",
    "道路两侧建筑物应当设置门牌号",
])
def test_agency_addresses_are_not_private(text: str) -> None:
    assert list(home_addresses(text)) == []


def test_home_word_wins_over_a_later_agency_word() -> None:
    text = "住址：文化东路12号3单元401室；办公地址：龙鼎大道1号"
    assert [d["address"] for _s, _e, d in home_addresses(text)] == ["文化东路12号3单元401室"]


def test_every_recognizer_is_registered_and_handles_empty_text() -> None:
    assert {"person_name", "health_condition", "income_property", "minor", "home_address"} <= set(RECOGNIZERS)
    for recognize in RECOGNIZERS.values():
        assert list(recognize("")) == []


LIST = "2026年低保公示\n序号 | 姓名 | 年龄 | 保障金额\n1 | 张伟 | 45 | 800元\n2 | 李小花 | 9 | 600元\n3 | 王* | 8 | 600元\n4 | 赵某某 | 10 | 500元\n合计4户"


def test_names_and_ages_in_a_table_column() -> None:
    """A 公示 list has its context word once, in the header: the name column is read as names, and
    an age under 14 in a row with an unmasked name is a minor's."""
    assert [(LIST[s:e], d["source"]) for s, e, d in person_names(LIST)] == [("张伟", "table"), ("李小花", "table")]
    assert [(LIST[s:e], d["age"]) for s, e, d in minors(LIST)] == [("9", 9)]
    assert names("序号 | 单位 | 金额\n1 | 高新区 | 800元") == []
