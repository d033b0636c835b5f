"""Chinese text normalisation: the one function every extractor, rule and model reads text through.

`normalise(text)` repairs what extraction does to Chinese text and gives one canonical form, so that
the same document extracted from a PDF, a DOCX or a web page gives the same text (and hash):

1. characters: full-width digits, letters and ASCII symbols → ASCII, except the full-width Chinese
   punctuation `！（），：；？` which stays; half-width `｡､｢｣` → `。、「」`; Kangxi radicals and CJK
   compatibility ideographs (which PDF fonts often map glyphs to) → the unified ideograph;
   U+3000, NBSP, tabs and other spaces → space; zero-width and control characters dropped; U+00AD
   (a PDF font's hyphen) → `-`, except before a line break, where it is a soft hyphen: the word
   is rejoined;
   `\\r`, `\\f` (page break), U+2028/2029 → line break. U+FFFD stays: it marks damage a reader must see.
2. punctuation: `, ; : ? !` and `( )` next to Chinese → `， ； ： ？ ！ （ ）`; never inside numbers or
   Latin text (`3.14`, `1,000`, `10:30`, `http://`); `.` is never touched (`1.` list markers).
3. spaces: runs collapse to one space; a space next to a Chinese character or symbol is removed
   (`于 2 月份` → `于2月份`, `机密 ★ 10 年` → `机密★10年`), a space between Latin words or
   numbers stays (`GB/T 9704`). Kept on purpose: a space after a line-initial `第X条` (the article
   separator of laws: it tells `第二条 本条例…` from a wrapped `第二条的规定…`), and the table-cell
   separator ` | ` (rows with it are never joined).
4. lines: a line break inside a paragraph (line wrap, page break) is removed; breaks before headings
   and after sentence ends, headings, titles and short head-block lines (`机密★10年`,
   `（此件公开发布）`) stay; so do plain-text table rows (tabs or wide gaps, or single spaces around a
   telephone number or date cell), whose cells are kept apart as ` | `. A headline without a title word
   (a web page's `<h1>`) is still joined to the paragraph after it: letting every short unpunctuated line
   stand alone was measured (BENCHMARKS.md) to cost the model its leak-free thresholds. Where such a join
   happened, `normalise_with_breaks` records it, and the review page and the published text put the break
   back (`gongkai.extract.layout`). Blank lines carry no meaning (PDF text has them everywhere): the
   decision is made on the content of the two lines around the break. Output: one paragraph per
   line, single `\\n`, no empty lines, no leading/trailing spaces.

Idempotent. Linear time: compiled regular expressions and `str.translate`, plus one pass over lines.
Punctuation decisions look at the nearest non-space neighbour *across* line breaks, so they do not
depend on where the lines were joined — one reason the function is idempotent.
"""
from __future__ import annotations

import re
import unicodedata

__all__ = ["normalise", "normalise_with_breaks", "SHORT_LINE"]

# ------------------------------------------------------------------------------------- char classes

# CJK ideographs (unified, extension A, compatibility, supplementary planes) and 〇.
_IDEO = "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
# Characters next to which a space is never meaningful: ideographs, kana, CJK symbols and
# punctuation, full-width forms, general punctuation (“”‘’…—※), arrows/math/shapes (★●①→).
_TIGHT = (
    _IDEO
    + "\u00b7\u00d7\u00f7\u2010-\u2027\u2030-\u205e\u2190-\u2bff\u2e80-\u2fff\u3000-\u303f"
    + "\u3040-\u30ff\u31f0-\u31ff\u3200-\u33ff\ufe30-\ufe4f\uff00-\uffef"
)
_FULLWIDTH_KEPT = "！（），：；？"  # Chinese punctuation: stays full-width
_TERMINAL = "。！？；：…!?;:."  # a line ending in one of these ends its paragraph
_CLOSERS = "”’」』）》】〕)\"'"  # may follow the terminal punctuation: `。”`, `。）`
_CONTINUES = "，、,（(《“‘〔【「『-—/"  # a line ending in one of these goes on

SHORT_LINE = 16  # a non-heading line shorter than this, not ending in a continuing mark, stands alone


def _build_char_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {}
    for cp in range(0xFF01, 0xFF5F):  # full-width ASCII
        ch = chr(cp)
        if ch not in _FULLWIDTH_KEPT:
            table[cp] = chr(cp - 0xFEE0)
    table.update({0xFF61: "。", 0xFF62: "「", 0xFF63: "」", 0xFF64: "、"})
    # Kangxi radicals, CJK radicals supplement, compatibility ideographs: NFKC gives the ideograph.
    for lo, hi in ((0x2E80, 0x2EFF), (0x2F00, 0x2FDF), (0xF900, 0xFAFF)):
        for cp in range(lo, hi + 1):
            folded = unicodedata.normalize("NFKC", chr(cp))
            if folded != chr(cp) and len(folded) == 1:
                table[cp] = folded
    for cp in (0x09, 0xA0, 0x1680, *range(0x2000, 0x200B), 0x202F, 0x205F, 0x3000):
        table[cp] = " "
    for cp in (0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x85, 0x2028, 0x2029):
        table[cp] = "\n"
    dropped = [*range(0x00, 0x09), *range(0x0E, 0x1C), 0x1F, 0x7F, *range(0x80, 0x85), *range(0x86, 0xA0),
               0x180E, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, *range(0x202A, 0x202F), 0x2060,
               *range(0x2061, 0x2065), *range(0x2066, 0x206A), 0xFEFF]
    for cp in dropped:
        table[cp] = None
    # U+00AD: in PDF text the soft hyphen is the code of a visible hyphen glyph (`2014\xad2020年`);
    # only at a line end is it a real soft hyphen (dropped before this table is applied).
    table[0xAD] = "-"
    return table


_CHAR_TABLE = _build_char_table()
# str.translate looks up every character; a regex finds the rare ones to fold ~7× faster.
_TO_FOLD = re.compile("[" + "".join(re.escape(chr(cp)) for cp in sorted(_CHAR_TABLE)) + "]+")
_PLACEHOLDER = "\x00"  # control characters are dropped first, so NUL is free to mark kept spaces

_CRLF = re.compile(r"\r\n")
# A soft hyphen before a line break: the word goes on after the break (`Infor\xad\nmation`).
_SOFT_HYPHEN_AT_LINE_END = re.compile(r"\xad+[ \t]*[\r\n\x0b\x0c]\s*")
_SPACES = re.compile(r" {2,}")
_LINE_EDGE_SPACES = re.compile(r" *\n *")
_BLANK_LINES = re.compile(r"\n{2,}")

# Half-width punctuation next to Chinese. The neighbour is the nearest non-space character, across
# line breaks. Converted when one neighbour is an ideograph and the other is not a Latin letter or
# digit (so `10:30`, `1,000`, `a,b`, `http://` stay).
# After space clean-up at most one space or line break separates two visible characters, so the
# nearest non-space neighbour is within two characters: fixed-width look-arounds suffice.
# Each pattern starts with the mark itself (the regex engine then skips ahead to candidates) and
# looks behind over the mark: `(?<=[中].)` is "the character before the mark is an ideograph".
_AFTER_IDEO = rf"(?:(?<=[{_IDEO}].)|(?<=[{_IDEO}][ \n].))"
_BEFORE_IDEO = rf"(?=[ \n]?[{_IDEO}])"
_NOT_AFTER_ALNUM = r"(?<![A-Za-z0-9].)(?<![A-Za-z0-9][ \n].)"
_NOT_BEFORE_ALNUM = r"(?![ \n]?[A-Za-z0-9])"
_PUNCT_NEXT_TO_IDEO = re.compile(
    rf"[,;:?!](?:{_AFTER_IDEO}{_NOT_BEFORE_ALNUM}|{_NOT_AFTER_ALNUM}{_BEFORE_IDEO})", re.DOTALL
)
_HALF_TO_FULL = str.maketrans({",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"})
# Innermost pair of ASCII parentheses (no parenthesis of either width inside): a linear scan.
_PAREN_PAIR = re.compile(r"\(([^()（）]*)\)")
_HAS_IDEO = re.compile(rf"[{_IDEO}]")
_LONE_PAREN = re.compile(rf"[()](?:{_AFTER_IDEO}|{_BEFORE_IDEO})", re.DOTALL)

# `第十二条 ` at the start of a line (laws): the space separates the article number from its text.
_NUM = "〇零一二三四五六七八九十百千两0-9"
_ARTICLE_SPACE = re.compile(rf"(?m)^(第[{_NUM}]{{1,8}}条) (?=\S)")
_CELL_SEPARATOR = " | "
_SPACE_NEAR_TIGHT = re.compile(rf" (?:(?<=[{_TIGHT}] )(?!\|)|(?<!\| )(?=[{_TIGHT}]))")

# ---------------------------------------------------------------------------------------- lines

_CN_NUM = "一二三四五六七八九十百零〇"
# What starts a new paragraph when it begins a line.
_PARA_START = re.compile(
    rf"""(?:
        （[{_CN_NUM}]{{1,4}}）                     # （一）
      | （\d{{1,3}}）  | \d{{1,3}}）               # （1） 1）
      | [{_CN_NUM}]{{1,4}}、                        # 一、
      | \d{{1,3}}[、.．](?!\d)                      # 1、 1.
      | [\u2460-\u2473\u2776-\u277f]               # ① ❶
      | 第[{_NUM}]{{1,8}}[章节编](?![的中之])        # 第一章
      | 第[{_NUM}]{{1,8}}部分
      | 第[{_NUM}]{{1,8}}条(?=\ |$)                # 第一条 (its space is kept, see above)
      | 附件(?:[:：0-9{_CN_NUM}]|$) | 附[:：]
      | （此件 | 抄送[:：] | 抄报[:：] | 主题词[:：] | 联系人[:：]
      | 【[^】\n]{{1,16}}】                          # 【批注】, 【文档属性·标题】 added by extractors
      | \#{{1,6}}(?!\#)                            # Markdown heading (its space may be gone)
    )""",
    re.VERBOSE,
)
# A line that is nothing but a marker (`一、`, `1.`, `第一条`) belongs to the next line.
_MARKER_ONLY = re.compile(
    rf"(?:（[{_CN_NUM}]{{1,4}}）|（\d{{1,3}}）|[{_CN_NUM}]{{1,4}}、|\d{{1,3}}[、.．]|第[{_NUM}]{{1,8}}[条章节])"
)
_ARTICLE_ONLY = re.compile(rf"第[{_NUM}]{{1,8}}条")
_SENTENCE_PUNCT = re.compile(r"[，。；！？：,;!?]")
# The last word of a document title: a line ending so, without sentence punctuation, is a title.
_TITLE_END = re.compile(
    r"(?:通知|通报|决定|意见|报告|批复|复函|函|请示|纪要|办法|规定|规则|细则|方案|规划|计划|公告|通告|"
    r"条例|年报|总结|要点|答复|说明|议案|命令|指引|指南|标准|目录|清单|名单|公示|章程|制度|文件)$"
)
# A document number (发文字号) ends its line: 发改办财金规〔2019〕860号.
_DOC_NUMBER = re.compile(r"[〔\[【（(]\d{4}[〕\]】）)]第?\d{1,5}号$")
# Two numbers side by side, separated by a space, mark a table row (`4,755,785.11 5,699,227.63 -16.55%`):
# rows are not joined, neither to each other nor to prose.
_NUMBER = r"[-+]?\d[\d,]*(?:\.\d+)?%?"
_NUMERIC_ROW = re.compile(rf"(?<![\w.]){_NUMBER} {_NUMBER}(?![\w.])")
_HEADING_MAX = 40
_TITLE_MAX = 60


def _terminal(text: str) -> bool:
    end = text.rstrip(_CLOSERS)
    return bool(end) and end[-1] in _TERMINAL


def _stands_alone(para: str) -> bool:
    """True when a paragraph ends at a line break whatever follows (checked on short ones only)."""
    if len(para) > _TITLE_MAX:
        return False
    start = _PARA_START.match(para)
    is_article = start is not None and start.group().endswith("条")  # 第一条 opens body text
    if start and not is_article and len(para) <= _HEADING_MAX and not _SENTENCE_PUNCT.search(para, start.end()):
        return True  # a heading: （一）组织机构建设情况
    if not _SENTENCE_PUNCT.search(para) and (_TITLE_END.search(para) or _DOC_NUMBER.search(para)):
        return True  # a title (关于……的通知) or a document number
    return len(para) < SHORT_LINE and para[-1] not in _CONTINUES  # 机密★10年, 2026年1月5日


_TIGHT_CHAR = re.compile(rf"[{_TIGHT}]")


def _glue(left_end: str, right_start: str, before_end: str) -> str:
    """What goes between two joined lines: nothing next to Chinese, a space between Latin words."""
    if _TIGHT_CHAR.match(left_end) or _TIGHT_CHAR.match(right_start):
        return ""
    if left_end in "-/" and before_end.isalpha():
        return ""  # `well-` + `known`, `GB/` + `T 9704`
    return " "


def _join_lines(lines: list[str], breaks: list[int] | None = None) -> list[str]:
    """Lines into paragraphs. With `breaks`, also records where a reader's line break was joined away
    (see `normalise_with_breaks`): offsets in the joined text, paragraphs separated by one `\n`."""
    paragraphs: list[str] = []
    parts: list[str] = []  # pieces of the current paragraph (no quadratic string building)
    length = 0
    offset = 0  # where the current paragraph starts in the output
    for line in lines:
        if not parts:
            parts, length = [line], len(line)
            continue
        last = parts[-1]
        para = "".join(parts) if length <= _TITLE_MAX else None  # only short ones need a close look
        sep = _glue(last[-1], line[0], last[-2] if len(last) > 1 else "")
        if _continues(para, last, line, sep):
            if para is not None and _ARTICLE_ONLY.fullmatch(para):
                sep = " "  # `第一条` + text keeps its article space
            if breaks is not None and para is not None and _headline(para, line):
                breaks.append(offset + length)
            parts.extend((sep, line) if sep else (line,))
            length += len(sep) + len(line)
        else:
            paragraphs.append("".join(parts))
            offset += length + 1
            parts, length = [line], len(line)
    if parts:
        paragraphs.append("".join(parts))
    return paragraphs


_HEADLINE_MAX = 24


def _headline(para: str, following: str) -> bool:
    """A short line without sentence punctuation that the text joins to the next one: on the page it
    stood alone (a web page's <h1>, a DOCX heading, a title wrapped over two lines). Not a line of
    hard-wrapped prose: that is as long as the line after it, or opens with an article or list marker."""
    return (len(para) <= _HEADLINE_MAX and len(para) < len(following) and not _SENTENCE_PUNCT.search(para)
            and para[-1] not in _CONTINUES and not _PARA_START.match(para) and not _ARTICLE_ONLY.match(para))


def _continues(para: str | None, last_line: str, line: str, sep: str) -> bool:
    """Whether `line` continues the paragraph so far (`para` is None when the paragraph is long)."""
    if _PARA_START.match(line) or _CELL_SEPARATOR in line or _CELL_SEPARATOR in last_line:
        return False
    if _NUMERIC_ROW.search(line) or _NUMERIC_ROW.search(last_line):
        return False
    if para is not None and _MARKER_ONLY.fullmatch(para):
        # `一、` + `总体要求`; the result must still read as a marker (`1.` + `5倍` does not)
        glued = para + (" " if _ARTICLE_ONLY.fullmatch(para) else sep) + line
        return bool(_PARA_START.match(glued))
    if _terminal(last_line):
        return False
    return para is None or not _stands_alone(para)


# ---------------------------------------------------------------------------------------- normalise


def _neighbour(text: str, index: int, step: int) -> str:
    """The nearest non-space character from `index` in direction `step` ('' at the text's edge)."""
    for i in (index, index + step):
        if 0 <= i < len(text) and text[i] not in " \n":
            return text[i]
    return ""


def _punct_to_full(text: str) -> str:
    def pair(m: re.Match[str]) -> str:
        start, end = m.span()
        around = _neighbour(text, start - 1, -1) + _neighbour(text, end, 1)
        if _HAS_IDEO.search(m.group(1)) or _HAS_IDEO.search(around):
            return f"（{m.group(1)}）"
        return m.group(0)

    if "(" in text or ")" in text:
        text = _PAREN_PAIR.sub(pair, text)
        text = _LONE_PAREN.sub(lambda m: m.group(0).translate(_HALF_TO_FULL), text)
    return _PUNCT_NEXT_TO_IDEO.sub(lambda m: m.group(0).translate(_HALF_TO_FULL), text)


# Plain-text tables (花名册, 值班表). Such a row keeps its cells apart as " | ", like the tables of the other
# formats; otherwise a name would run into an ID number, and the last row into the sentence after the table.
# A row: three or more gaps of tabs or runs of spaces; two gaps when one is a tab (three columns); or cells
# split by single spaces when one cell is a telephone number or a date (`2月10日 李明 0871-6123456`) — every cell
# two characters or more and no punctuation, so that a spaced-out title or 「机密 ★ 2026年1月20日」 is no table.
_CELL_GAP = re.compile(r"(?<=\S)(?:[ \u3000]*\t[ \t\u3000]*|[ \u3000]{2,})(?=\S)")
_TAB_GAP = re.compile(r"(?<=\S)[ \u3000]*\t[ \t\u3000]*(?=\S)")
_DATA_CELL = re.compile(r"(?:\d{3,4}-\d{7,8}|1[3-9]\d{9}|\d{1,2}月\d{1,2}日|\d{4}[-./年]\d{1,2}[-./月]\d{1,2}日?)")
_NOT_A_CELL = re.compile(r"[，。；！？：、,;!?“”《》（）()|★☆]")


def _spaced_row(row: str) -> bool:
    cells = row.split(" ")
    return (len(cells) >= 3 and all(2 <= len(c) <= 12 for c in cells) and not _NOT_A_CELL.search(row)
            and any(_HAS_IDEO.search(c) for c in cells) and any(_DATA_CELL.fullmatch(c) for c in cells))


def _mark_table_rows(text: str) -> str:
    rows = text.split("\n")
    for i, row in enumerate(rows):
        gaps = _CELL_GAP.findall(row)
        if len(gaps) >= 3 or (len(gaps) == 2 and _TAB_GAP.search(row)):
            rows[i] = _CELL_GAP.sub(_CELL_SEPARATOR, row)
        elif " " in row and _spaced_row(row.strip(" ")):
            rows[i] = row.strip(" ").replace(" ", _CELL_SEPARATOR)
    return "\n".join(rows)


def normalise(text: str) -> str:
    """The canonical form of extracted Chinese text (see the module docstring). Idempotent."""
    return _normalise(text, None)


def normalise_with_breaks(text: str) -> tuple[str, tuple[int, ...]]:
    """`normalise(text)` and the reader's line breaks it joined away: offsets in the normalised text where
    a headline ended (the space there, if any, becomes the break; else one is inserted).

    The classifier and the rules read the normalised text, whose joins its thresholds were chosen on
    (BENCHMARKS.md: letting headlines stand alone in it cost the leak-free thresholds); the review page
    and the published text show the layout (`gongkai.extract.layout.with_breaks`)."""
    breaks: list[int] = []
    return _normalise(text, breaks), tuple(breaks)


def _normalise(text: str, breaks: list[int] | None) -> str:
    text = _SOFT_HYPHEN_AT_LINE_END.sub("", _CRLF.sub("\n", text))
    text = _mark_table_rows(text)
    text = _TO_FOLD.sub(lambda m: m.group().translate(_CHAR_TABLE), text)
    text = _SPACES.sub(" ", text)
    text = _LINE_EDGE_SPACES.sub("\n", text)
    text = _BLANK_LINES.sub("\n", text).strip(" \n")
    if not text:
        return ""
    text = _punct_to_full(text)
    text = _ARTICLE_SPACE.sub(lambda m: m.group(1) + _PLACEHOLDER, text)
    text = _SPACE_NEAR_TIGHT.sub("", text).replace(_PLACEHOLDER, " ")
    lines = [line for line in text.split("\n") if line]
    return "\n".join(_join_lines(lines, breaks))
