"""normalise(): the seeds' acceptance, one example per rule, and properties over generated text."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from gongkai.extract.normalise import normalise

IDEOGRAPH = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")


def ideographs(text: str) -> list[str]:
    return IDEOGRAPH.findall(text)


# ------------------------------------------------------------------------------------ acceptance


def test_the_two_seed_reports_normalise_to_the_same_body(seeds_dir: Path):
    """000 is the report extracted from a PDF (title line, `于 2 月份`, `干部职` / `工` across a page
    break, `；`); 001 is the same report as published on the web (`于2月份`, `;`, a leading space).

    Inspected byte by byte (xxd): both files are valid UTF-8, hold no U+FFFD and end on the same
    sentence (`强化经费保障。`), so nothing is cut and the whole bodies are compared — no trimming.
    """
    pdf_text = (seeds_dir / "000_ab52f5e9316a8024.txt").read_bytes().decode("utf-8")
    web_text = (seeds_dir / "001_01727a0aa35daeb1.txt").read_bytes().decode("utf-8")
    assert "\ufffd" not in pdf_text + web_text
    pdf_lines = normalise(pdf_text).split("\n")
    web_lines = normalise(web_text).split("\n")
    assert pdf_lines[0] == "淄博市对外贸易经济合作局2008年度信息公开年报"  # the title only 000 has
    assert pdf_lines[1:] == web_lines
    body = "\n".join(web_lines)
    assert "使全体干部职工意识到" in body and "着力健全完善公开制度、依申请公开制度等制度" in body
    assert web_lines[0] == "（一）组织机构建设情况"
    assert "1.专机专人管理。设1台独立的计算机" in body
    assert ideographs(pdf_text) == ideographs("\n".join(pdf_lines))


# -------------------------------------------------------------------------------------- spaces


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("我局于 2 月份成立", "我局于2月份成立"),
        ("2008 年度", "2008年度"),
        ("设 1 台独立的计算机", "设1台独立的计算机"),
        ("政 府 信 息", "政府信息"),
        ("公开 ， 透明 。", "公开，透明。"),
        ("《 条例 》", "《条例》"),
        ("机密 ★ 10 年", "机密★10年"),
        ("Open Government Information", "Open Government Information"),
        ("依据 GB/T 9704-2012 排版", "依据GB/T 9704-2012排版"),
        ("使用  Python   编程", "使用Python编程"),
        ("版本 2.0 release notes", "版本2.0 release notes"),
    ],
)
def test_spaces(raw: str, expected: str):
    assert normalise(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("信息\u3000公开", "信息公开"),  # ideographic space
        ("\u3000\u3000我局于2月份", "我局于2月份"),  # first-line indent
        ("信息\u00a0公开", "信息公开"),  # NBSP
        ("GB/T\u00a09704", "GB/T 9704"),
        ("信息\t公开 A B", "信息公开A B"),  # one tab is a space; two tabs (three columns) make a table row
        ("信\u200b息\ufeff公\u200d开", "信息公开"),  # zero-width characters
        ("规划纲要（2014\u00ad2020年）", "规划纲要（2014-2020年）"),  # a PDF font's hyphen (GovDoc-CN 397)
        ("soft\u00ad\n\nhyphen", "softhyphen"),  # a real soft hyphen at a line end: the word goes on
        ("信息\x07公开", "信息公开"),  # control character
        ("损坏\ufffd的字", "损坏\ufffd的字"),  # a replacement character is damage a reader must see
    ],
)
def test_special_whitespace_and_invisible_characters(raw: str, expected: str):
    assert normalise(raw) == expected


def test_article_space_and_table_separator_are_kept():
    assert normalise("第一条　为了保障公民的权利，制定本法。") == "第一条 为了保障公民的权利，制定本法。"
    assert normalise("第一条为了保障公民的权利。") == "第一条为了保障公民的权利。"
    assert normalise("项目 | 金额\n办公费 | 100") == "项目 | 金额\n办公费 | 100"


# ------------------------------------------------------------------------------------ characters


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("２０２６年", "2026年"),
        ("ＧＢ／Ｔ ９７０４", "GB/T 9704"),
        ("增长５０％", "增长50%"),
        ("１．专机专人管理", "1.专机专人管理"),
        ("公开，透明；及时：准确？是！（一）", "公开，透明；及时：准确？是！（一）"),  # full-width kept
        ("公开､透明｡", "公开、透明。"),  # half-width ideographic punctuation
        ("\u2f08\u6c11", "人民"),  # Kangxi radical ⼈ from a PDF font → 人
        ("\uf901", "更"),  # CJK compatibility ideograph
    ],
)
def test_character_folding(raw: str, expected: str):
    assert normalise(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("宣传;着眼", "宣传；着眼"),
        ("公开,透明", "公开，透明"),
        ("如下:各科室", "如下：各科室"),
        ("是否公开?是的!", "是否公开？是的！"),
        ("报送信息;\n下一段", "报送信息；\n下一段"),
        ("(一)组织机构", "（一）组织机构"),
        ("(1)专机专人管理", "（1）专机专人管理"),
        ("条例(2019年修订)", "条例（2019年修订）"),
        ("(此件公开发布)", "（此件公开发布）"),
        # not inside numbers or Latin text
        ("圆周率3.14", "圆周率3.14"),
        ("共1,000元", "共1,000元"),
        ("时间10:30", "时间10:30"),
        ("网址http://www.gov.cn", "网址http://www.gov.cn"),
        ("f(x) = (a, b)", "f(x) = (a, b)"),
        ("see (RFC 1234), ok", "see (RFC 1234), ok"),
    ],
)
def test_half_width_punctuation_next_to_chinese(raw: str, expected: str):
    assert normalise(raw) == expected


# ----------------------------------------------------------------------------------------- lines


def test_line_and_page_breaks_inside_a_paragraph_are_joined():
    # a full line (a page ends on a full line), then a page break and blank lines
    raw = "还在多次大会上强调政府信息公开工作的重要性，使全体干部职\n\n\x0c\n工意识到推行政府信息公开的意义。"
    assert normalise(raw) == "还在多次大会上强调政府信息公开工作的重要性，使全体干部职工意识到推行政府信息公开的意义。"


def test_a_short_line_without_end_mark_stands_alone():
    """Documented limit: a line shorter than SHORT_LINE is taken as a head-block line, not a wrap."""
    assert normalise("使全体干部职\n工意识到。") == "使全体干部职\n工意识到。"
    assert normalise("各区县人民政府、\n市政府各部门：") == "各区县人民政府、市政府各部门："


def test_latin_words_broken_across_lines_are_joined_with_one_space():
    raw = "The Regulations on Open Government Information\nwere revised in 2019 by the State Council."
    assert normalise(raw) == "The Regulations on Open Government Information were revised in 2019 by the State Council."


@pytest.mark.parametrize(
    "heading",
    ["（一）组织机构建设情况", "一、总体要求", "1.专机专人管理", "1、工作目标", "（1）受理", "第一章 总则",
     "第一条 为了规范管理，制定本办法。", "附件1", "附件：名单", "①报送", "## 第一章 总则"],
)
def test_a_heading_starts_a_new_line(heading: str):
    raw = f"前一段的最后一行还没有结束标点而且比较长的一行文字\n{heading}"
    out = normalise(raw).split("\n")
    assert len(out) == 2 and out[1] == normalise(heading)


@pytest.mark.parametrize("heading", ["（一）组织机构建设情况", "一、总体要求", "第二章 组织机构", "（五）《政府信息公开条例》的学习、宣传、培训等方面的工作"])
def test_a_heading_line_is_not_joined_to_its_body(heading: str):
    raw = f"{heading}\n我局于2月份成立了信息公开工作领导小组，由局主要领导为组长。"
    assert normalise(raw).split("\n")[0] == normalise(heading)


def test_a_wrapped_list_item_is_joined():
    raw = "3.注重健全配套制度。着力健全完善公开制度、依申请公开制\n\n度等制度，确保扎实有效推进。"
    assert normalise(raw) == "3.注重健全配套制度。着力健全完善公开制度、依申请公开制度等制度，确保扎实有效推进。"


def test_a_wrapped_article_is_joined():
    raw = "第一条 为了保障公民、法人和其他组织依法获取政府信息，提高政府\n工作的透明度，制定本条例。"
    assert normalise(raw) == "第一条 为了保障公民、法人和其他组织依法获取政府信息，提高政府工作的透明度，制定本条例。"


def test_sentence_end_keeps_the_break():
    assert normalise("第一段结束。\n第二段开始") == "第一段结束。\n第二段开始"
    assert normalise("他说：“结束。”\n下一段") == "他说：“结束。”\n下一段"


def test_head_block_lines_stay_on_their_own_lines():
    raw = (
        "000123\n机密 ★ 10 年\n特急\nXX市人民政府文件\nX政发〔2026〕5号\n"
        "关于进一步做好政府信息公开工作的通知\n各区县人民政府，\n市政府各部门：\n"
        "现将有关事项通知如下。\n（此件公开发布）\nXX市人民政府\n2026年1月5日"
    )
    assert normalise(raw).split("\n") == [
        "000123", "机密★10年", "特急", "XX市人民政府文件", "X政发〔2026〕5号",
        "关于进一步做好政府信息公开工作的通知", "各区县人民政府，市政府各部门：",
        "现将有关事项通知如下。", "（此件公开发布）", "XX市人民政府", "2026年1月5日",
    ]


def test_a_long_document_number_is_not_glued_to_the_title():
    raw = "发改办财金规〔2019〕860号\n关于加强个人所得税纳税信用建设的通知"
    assert normalise(raw).split("\n") == ["发改办财金规〔2019〕860号", "关于加强个人所得税纳税信用建设的通知"]


def test_a_title_wrapped_over_two_lines_is_joined_but_not_glued_to_the_addressee():
    raw = "关于印发《2026年政府信息公开工作要点》的\n通知\n各科室：\n请认真贯彻执行。"
    assert normalise(raw).split("\n") == ["关于印发《2026年政府信息公开工作要点》的通知", "各科室：", "请认真贯彻执行。"]


def test_a_marker_alone_on_its_line_joins_its_text():
    assert normalise("一、\n总体要求\n1.\n专机专人管理") == "一、总体要求\n1.专机专人管理"


def test_table_rows_are_not_joined():
    assert normalise("项目 | 2025年预算数 | 2026年预算数\n办公费 | 100 | 120") == "项目 | 2025年预算数 | 2026年预算数\n办公费 | 100 | 120"


def test_rows_of_numbers_are_not_joined():
    raw = "营业收入（元） 4,755,785.11 5,699,227.63 -16.55%\n基本每股收益（元/股） -0.0053 -0.0178 70.22%"
    assert normalise(raw) == "营业收入（元）4,755,785.11 5,699,227.63 -16.55%\n基本每股收益（元/股）-0.0053 -0.0178 70.22%"


def test_output_shape():
    out = normalise("  \n\n 第一段。 \r\n\r\n\n  第二段。\u2028第三段。\n\n")
    assert out == "第一段。\n第二段。\n第三段。"
    assert normalise("") == "" and normalise(" \n\t\u3000\n") == ""


# ------------------------------------------------------------------------------------ properties

_CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
_PIECES = st.one_of(
    st.text(_CJK, min_size=1, max_size=6),
    st.sampled_from(["一、", "（一）", "(二)", "1.", "1、", "（1）", "第一条", "第二章", "附件", "（此件公开发布）",
                     "机密★10年", "GB/T 9704", "3.14", "1,000", "10:30", "http://x.cn", "Open Government"]),
    st.sampled_from(list("，。；：！？、,.;:?!()（）《》“”★·-|/%０１２ＡＢ")),
    st.sampled_from([" ", "  ", "\n", "\n\n", "\u3000", "\t", "\u00a0", "\u200b", "\x0c", "\r\n", " | ", "\u00ad"]),
    st.text(st.sampled_from("abcXYZ0123456789"), min_size=1, max_size=5),
)
_DOCS = st.lists(_PIECES, max_size=60).map("".join)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_DOCS)
@example("中 (a(中)b) 中")
@example("a , 中\n;文 ( 1 )x")
@example("一、\n\n（一）\n第一条 \n\n文")
def test_idempotent(text: str):
    once = normalise(text)
    assert normalise(once) == once


@settings(max_examples=600, deadline=None)
@given(_DOCS)
def test_no_chinese_character_is_lost_added_or_reordered(text: str):
    assert ideographs(normalise(text)) == ideographs(text)


@settings(max_examples=300, deadline=None)
@given(_DOCS)
def test_output_is_one_paragraph_per_line_without_blank_or_padded_lines(text: str):
    out = normalise(text)
    for line in out.split("\n") if out else []:
        assert line and line == line.strip() and "\r" not in line and "  " not in line


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_idempotent_on_arbitrary_unicode(text: str):
    once = normalise(text)
    assert normalise(once) == once


def test_plain_text_table_rows_keep_their_cells_apart():
    roster = ("序号  姓名  公民身份号码  联系电话\n"
              "1  王秀兰  370303195804123420  13905331234  柳林镇东关村幸福路12号\n"
              "2\t赵建国\t370303196511020414\t13705337788\n")
    assert normalise(roster).split("\n") == [
        "序号 | 姓名 | 公民身份号码 | 联系电话",
        "1 | 王秀兰 | 370303195804123420 | 13905331234 | 柳林镇东关村幸福路12号",
        "2 | 赵建国 | 370303196511020414 | 13705337788",
    ]
    assert normalise(normalise(roster)) == normalise(roster)


def test_two_wide_gaps_are_spacing_not_a_table():
    assert normalise("我局于  2  月份成立了领导小组") == "我局于2月份成立了领导小组"


@pytest.mark.parametrize(
    "raw, expected",
    [
        # three columns split by tabs: a table row, kept apart from the sentence after it
        ("值班表\n日期\t值班领导\t联系电话\n2月10日\t李明\t0871-6123456\n本通知自发布之日起施行。",
         "值班表\n日期 | 值班领导 | 联系电话\n2月10日 | 李明 | 0871-6123456\n本通知自发布之日起施行。"),
        # cells split by single spaces, one of them a telephone number or a date
        ("现将值班安排通知如下：\n2月10日 李明 王芳 0871-6123456\n2月11日 赵强 孙丽 13912345678\n本通知自发布之日起施行。",
         "现将值班安排通知如下：\n2月10日 | 李明 | 王芳 | 0871-6123456\n2月11日 | 赵强 | 孙丽 | 13912345678\n本通知自发布之日起施行。"),
        # not tables: a secrecy mark with spaces, a spaced-out title with a year, a sentence
        ("机密 ★ 2026年1月20日", "机密★2026年1月20日"),
        ("滨湾区交通运输局 2024 年部门决算公开说明", "滨湾区交通运输局2024年部门决算公开说明"),
        ("请于 2月10日 前报送 联系电话 0871-6123456。", "请于2月10日前报送联系电话0871-6123456。"),
    ],
)
def test_plain_text_table_rows_keep_their_cells_and_their_lines(raw: str, expected: str):
    assert normalise(raw) == expected
    assert normalise(expected) == expected

