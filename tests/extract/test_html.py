"""Government web pages: the article, without the page furniture."""
from __future__ import annotations

import pytest

from gongkai.errors import GongkaiError
from gongkai.extract import html as html_extractor
from gongkai.settings import Settings
from tests.builders.office_builders import (
    GBK_ARTICLE_HTML,
    GOV_ARTICLE_HTML,
    PLAIN_ARTICLE_HTML,
    assert_golden,
    build_html,
    build_mht,
)

PAGES = {
    "gov_article": (GOV_ARTICLE_HTML, "utf-8"),
    "gbk_article": (GBK_ARTICLE_HTML, "gbk"),
    "plain_article": (PLAIN_ARTICLE_HTML, "utf-8"),
}
FURNITURE = ["首页", "政务公开", "搜索", "当前位置", "栏目导航", "分享到", "打印本页", "关闭窗口", "相关链接",
             "2023年政府信息公开工作年度报告", "主办", "ICP", "统计代码", "不应出现", "版权所有", "机构概况",
             "网站首页", "某某镇召开", "网站地图", "_hmt", "font-family"]


@pytest.mark.parametrize("name", PAGES)
def test_article_text_matches_golden(tmp_path, name):
    html, encoding = PAGES[name]
    result = html_extractor.extract(build_html(tmp_path / f"{name}.html", html, encoding), Settings())
    assert_golden(f"{name}.txt", result.text)
    for word in FURNITURE:
        assert word not in result.text, word


def test_gov_cms_meta_tags_become_metadata(tmp_path):
    result = html_extractor.extract(build_html(tmp_path / "a.html", GOV_ARTICLE_HTML), Settings())
    meta = result.metadata
    assert meta["title"] == "某某市财政局2024年政府信息公开工作年度报告"
    assert meta["published"] == "2025-01-20 09:30"
    assert meta["source"] == "某某市财政局"
    assert meta["encoding"] == "utf-8"
    assert result.text.splitlines()[0] == meta["title"]


def test_gbk_page_decoded_by_meta_charset(tmp_path):
    result = html_extractor.extract(build_html(tmp_path / "g.html", GBK_ARTICLE_HTML, "gbk"), Settings())
    assert result.metadata["encoding"] == "gb18030"
    assert "二、征集方式：通过本网站“互动交流”栏目或信函提交。" in result.text


def test_table_rows_use_cell_separator(tmp_path):
    result = html_extractor.extract(build_html(tmp_path / "a.html", GOV_ARTICLE_HTML), Settings())
    assert "规范性文件 | 3" in result.text.splitlines()


def test_xml_declaration_and_hidden_text(tmp_path):
    page = ('<?xml version="1.0" encoding="utf-8"?><html><body><div class="content">'
            '<p>本机关决定对下列事项予以公开，请各单位认真遵照执行。</p>'
            '<p style="display: none">隐藏的统计脚本文字</p></div></body></html>')
    result = html_extractor.extract(build_html(tmp_path / "x.html", page), Settings())
    assert "本机关决定" in result.text and "隐藏" not in result.text


def test_page_without_text_is_no_text(tmp_path):
    page = "<html><head><script>var a='中文中文';</script></head><body><img src='a.png'></body></html>"
    with pytest.raises(GongkaiError) as err:
        html_extractor.extract(build_html(tmp_path / "empty.html", page), Settings())
    assert err.value.code == "no_text"


def test_damaged_byte_in_page_is_flagged_not_refused(tmp_path):
    data = bytearray(GOV_ARTICLE_HTML.encode("utf-8"))
    data[data.index("相关链接".encode())] = 0xFF
    path = tmp_path / "damaged.html"
    path.write_bytes(bytes(data))
    result = html_extractor.extract(path, Settings())
    assert "decoding_errors" in [n.code for n in result.warnings]
    assert "全年收到申请12件，均按期答复。" in result.text


def test_mht_saved_page_reads_like_the_html(tmp_path):
    html_result = html_extractor.extract(build_html(tmp_path / "g.html", GBK_ARTICLE_HTML, "gbk"), Settings())
    mht_result = html_extractor.extract(build_mht(tmp_path / "g.mht", GBK_ARTICLE_HTML, "gbk"), Settings())
    assert mht_result.text == html_result.text


@pytest.mark.parametrize("declared, stored, expected_notices", [
    ("gb2312", "utf-8", ["charset_mismatch"]),  # CMS template claims gb2312, content saved as UTF-8
    ("iso-8859-1", "gbk", []),  # server default claim over a GBK page: ignored, detected as GB18030
])
def test_wrong_charset_claims_do_not_produce_mojibake(tmp_path, declared, stored, expected_notices):
    page = GBK_ARTICLE_HTML.replace("charset=gbk", f"charset={declared}")
    result = html_extractor.extract(build_html(tmp_path / "w.html", page, stored), Settings())
    assert "现面向社会公开征集2025年民生实事项目建议" in result.text
    assert [n.code for n in result.warnings] == expected_notices
