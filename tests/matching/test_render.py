"""HTML rendering of findings: escaped, line breaks kept, no gaps between characters, tooltips."""
from __future__ import annotations

import re
from html import unescape

from gongkai.matching import match
from gongkai.matching.engine import Finding
from gongkai.matching.render import render_fragment, render_html


def finding(start, end, text, category="personal_data", score=0.9, rule_id="GK-TS-001@1"):
    return Finding(rule_id=rule_id, category=category, label=category, reason="personal_privacy",
                   article="政府信息公开条例第十五条", start=start, end=end, text=text[start:end], score=score,
                   effect={})


def visible_text(html: str) -> str:
    inner = re.search(r'<div class="gk-text">(.*)</div>', html, re.S).group(1)
    return unescape(re.sub(r"<[^>]+>", "", inner))


def test_text_survives_exactly_with_line_breaks_and_no_gaps():
    text = "联系人：张伟\n电话：13812345678\n<b>不是标签</b> & 符号"
    html = render_fragment(text, [finding(4, 6, text), finding(10, 21, text)])
    assert visible_text(html) == text
    assert "<b>" not in html and "&lt;b&gt;" in html and "&amp;" in html
    assert "\n" in html and "white-space" not in html  # the style sheet, in render_html, keeps the breaks
    assert ">张伟</mark>" in html and "张 伟" not in html


def test_tooltip_names_rule_article_and_score():
    text = "机密★10年"
    html = render_fragment(text, [finding(0, 6, text, "secrecy_mark", 0.95, "GK-SM-001@1")])
    title = unescape(re.search(r'title="([^"]*)"', html).group(1))
    assert "GK-SM-001@1" in title and "政府信息公开条例第十五条" in title and "0.95" in title
    assert 'class="gk-secrecy_mark"' in html


def test_overlap_uses_the_most_serious_category_and_lists_both():
    text = "储备库地点及数量"
    html = render_fragment(text, [finding(0, 8, text, "proactive_scope", 0.4, "GK-PS-1@1"),
                                  finding(0, 5, text, "unmarked_secret", 0.6, "GK-US-1@1")])
    assert visible_text(html) == text
    first = re.search(r"<mark[^>]*>储备库地点</mark>", html).group(0)
    assert "gk-unmarked_secret" in first and "GK-PS-1@1" in first and "GK-US-1@1" in first


def test_full_page_with_real_findings():
    text = "机密★10年\n关于储备粮轮换的通知\n各单位：\n联系人：张伟，电话：13812345678。\n（此件公开发布）"
    page = render_html(text, match(text), title="测试<文件>")
    assert page.startswith("<!DOCTYPE html>") and "white-space:pre-wrap" in page and "测试&lt;文件&gt;" in page
    assert visible_text(page) == text
    assert page.count("<mark") >= 3 + 8  # findings plus the legend


def test_terminal_highlight_with_and_without_colour():
    from gongkai.commands.rules import _highlight

    text = "前文\n机密★10年\n后文"
    plain = _highlight(text, 3, 9, "secrecy_mark", colour=False, width=5)
    assert plain == "…前文⏎【机密★10年】⏎后文…"
    coloured = _highlight(text, 3, 9, "secrecy_mark", colour=True, width=5)
    assert "\x1b[" in coloured and "机密★10年\x1b[0m" in coloured
