"""HTML rendering of findings for the review UI.

Our own template, not displaCy: displaCy's span style puts a gap between Chinese tokens and drops line
breaks. Here the text is cut only at finding boundaries, every piece is HTML-escaped, nothing is added
between pieces (so characters stay together), and `white-space: pre-wrap` keeps the line breaks.
Overlapping findings: each piece is coloured by the most serious category covering it; its tooltip
lists every finding covering it (rule, article, score).
"""
from __future__ import annotations

from html import escape
from typing import Iterable, Protocol

CATEGORY_PRIORITY = ("secrecy_mark", "unmarked_secret", "personal_data", "trade_secret", "exemption",
                     "disclosure_line", "proactive_scope", "structure")
CATEGORY_COLOURS = {
    "secrecy_mark": "#ff8a80", "unmarked_secret": "#ffcc80", "personal_data": "#b39ddb",
    "trade_secret": "#f48fb1", "exemption": "#fff59d", "disclosure_line": "#80deea",
    "proactive_scope": "#a5d6a7", "structure": "#e0e0e0",
}
CATEGORY_NAMES = {
    "secrecy_mark": "密级标志", "unmarked_secret": "疑似涉密事项", "personal_data": "个人信息",
    "trade_secret": "商业秘密", "exemption": "不予公开理由", "disclosure_line": "公开属性标注",
    "proactive_scope": "主动公开范围", "structure": "公文结构",
}

STYLE = "\n".join(
    [".gk-text{white-space:pre-wrap;line-height:1.9;font-family:'Noto Serif CJK SC','SimSun',serif}",
     ".gk-text mark{padding:0;margin:0;border-radius:2px;cursor:help}"]
    + [f".gk-{cat}{{background:{colour}}}" for cat, colour in CATEGORY_COLOURS.items()]
)


class _FindingLike(Protocol):
    rule_id: str
    category: str
    article: str
    score: float
    start: int
    end: int


def _tooltip(f: _FindingLike) -> str:
    name = CATEGORY_NAMES.get(f.category, f.category)
    return f"{name} · {f.rule_id} · {f.article} · 分数 {f.score:.2f}"


def render_fragment(text: str, findings: Iterable[_FindingLike]) -> str:
    """`<div class="gk-text">…</div>` with every finding's span highlighted."""
    findings = [f for f in findings if 0 <= f.start < f.end <= len(text)]
    cuts = sorted({0, len(text), *(f.start for f in findings), *(f.end for f in findings)})
    rank = {c: i for i, c in enumerate(CATEGORY_PRIORITY)}
    out = ['<div class="gk-text">']
    for a, b in zip(cuts, cuts[1:]):
        piece = escape(text[a:b])
        covering = [f for f in findings if f.start <= a and b <= f.end]
        if not covering:
            out.append(piece)
            continue
        covering.sort(key=lambda f: (rank.get(f.category, 99), -f.score))
        top = covering[0]
        title = escape("\n".join(_tooltip(f) for f in covering), quote=True)
        rules = escape(" ".join(f.rule_id for f in covering), quote=True)
        out.append(f'<mark class="gk-{escape(top.category, quote=True)}" data-rules="{rules}" '
                   f'title="{title}">{piece}</mark>')
    out.append("</div>")
    return "".join(out)


def render_html(text: str, findings: Iterable[_FindingLike], title: str = "审核视图") -> str:
    """A complete HTML page (styles included) for one document."""
    legend = "".join(f'<mark class="gk-{c}">{escape(n)}</mark> ' for c, n in CATEGORY_NAMES.items())
    return (f'<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>{escape(title)}</title>'
            f"<style>{STYLE}</style></head><body><h1>{escape(title)}</h1><p>{legend}</p>"
            f"{render_fragment(text, findings)}</body></html>")
