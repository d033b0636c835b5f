"""Secrecy marks and disclosure lines parsed into fields."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongkai.matching.marks import MAX_YEARS, conflicts, parse_disclosure_line, parse_mark


@pytest.mark.parametrize(
    "raw, level, period, years, flags",
    [
        ("机密★10年", "机密", "10年", 10, []),
        ("秘密★1年", "秘密", "1年", 1, []),
        ("绝密★启用前", "绝密", "启用前", None, []),
        ("秘密★6个月", "秘密", "6个月", 0.5, []),
        ("机密 ★ 10 年", "机密", "10年", 10, []),
        ("机密*10年", "机密", "10年", 10, ["star_variant"]),
        ("机密☆", "机密", None, None, ["star_variant", "no_period"]),
        ("机密文1年", "机密", "1年", 1, ["star_variant"]),
        ("秘密★长期", "秘密", "长期", None, ["long_term"]),
        ("机密", "机密", None, None, ["no_period"]),
        ("机密★25年", "机密", "25年", 25, ["period_over_max"]),
        ("秘密★11年", "秘密", "11年", 11, ["period_over_max"]),
        ("绝密★30年", "绝密", "30年", 30, []),
        ("绝秘★5年", "绝密", "5年", 5, ["non_statutory_level"]),
        ("机密★１０年", "机密", "10年", 10, []),
        ("机密★2030年12月31日", "机密", "2030年12月31日", None, ["decrypt_date"]),
        ("秘密★2031年6月", "秘密", "2031年6月", None, ["decrypt_date"]),
    ],
)
def test_parse_mark(raw, level, period, years, flags):
    info = parse_mark(raw)
    assert (info.level, info.period, info.period_years, info.flags) == (level, period, years, flags)


def test_condition_and_long_term_are_not_years():
    assert parse_mark("绝密★启用前").condition == "启用前"
    assert parse_mark("秘密★长期").long_term is True


def test_no_mark_in_plain_text():
    assert parse_mark("本条例所称的事项") is None


@given(level=st.sampled_from(["秘密", "机密", "绝密"]), years=st.integers(1, 60),
       sep=st.sampled_from(["★", " ★ ", "*", "文", "☆"]))
def test_period_over_legal_maximum_is_flagged(level, years, sep):
    info = parse_mark(f"{level}{sep}{years}年")
    assert info.level == level and info.period_years == years
    assert ("period_over_max" in info.flags) == (years > MAX_YEARS[level])


@pytest.mark.parametrize(
    "raw, attribute, internal",
    [
        ("（此件公开发布）", "主动公开", False),
        ("（此件主动公开）", "主动公开", False),
        ("（此件依申请公开）", "依申请公开", False),
        ("（此件不予公开）", "不予公开", False),
        ("(此 件 公 开 发 布)", "主动公开", False),
        ("内部资料 注意保存", "不予公开", True),
        ("内部使用", "不予公开", True),
        ("内部", "不予公开", True),
    ],
)
def test_disclosure_line(raw, attribute, internal):
    line = parse_disclosure_line(raw, offset=5)
    assert (line.attribute, line.internal) == (attribute, internal)
    assert line.start == 5 and line.end == 5 + len(raw)


def test_conflict_between_mark_and_public_line():
    assert conflicts(parse_mark("机密★10年"), parse_disclosure_line("（此件公开发布）"))
    assert conflicts(parse_mark("秘密"), parse_disclosure_line("（此件依申请公开）"))
    assert not conflicts(parse_mark("机密★10年"), parse_disclosure_line("（此件不予公开）"))
    assert not conflicts(None, parse_disclosure_line("（此件公开发布）"))
