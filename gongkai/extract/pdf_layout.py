"""Layout work on pdfplumber chars: lines in reading order, running headers/footers, garbage checks.

Pure functions over plain data (char dicts, strings), so they are cheap to test and to run per page.
"""
from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass

# Cells of a table row are joined with this; it survives normalisation (unlike runs of spaces, which
# the normaliser may collapse between Chinese and digits) and reads clearly in the review UI.
CELL_SEPARATOR = " | "


@dataclass(slots=True)
class Line:
    top: float
    bottom: float
    text: str
    cells: int = 1  # number of table cells found on the line (1 = ordinary text)


# ---------------------------------------------------------------------------------------------- lines


def vertical_edges(page_objects: dict) -> list[tuple[float, float, float]]:
    """Vertical rulings (x, top, bottom) from a page's lines and rects: table cell borders."""
    edges: list[tuple[float, float, float]] = []
    for obj in page_objects.get("line", ()):
        if abs(obj["x0"] - obj["x1"]) < 1 and obj["bottom"] - obj["top"] > 2:
            edges.append((obj["x0"], obj["top"], obj["bottom"]))
    for obj in page_objects.get("rect", ()):
        if obj["bottom"] - obj["top"] > 2:
            edges.append((obj["x0"], obj["top"], obj["bottom"]))
            if obj["x1"] - obj["x0"] > 1:
                edges.append((obj["x1"], obj["top"], obj["bottom"]))
    return edges


def build_lines(chars: list[dict], edges: list[tuple[float, float, float]] = ()) -> tuple[list[Line], int]:
    """Group chars into lines (top to bottom, left to right) in one pass; drop overprinted duplicates.

    Returns the lines and the number of duplicate chars dropped. A duplicate is the same character
    drawn again within half a glyph of an earlier one (fake bold by overprinting: pdfplumber
    issue-71, issue-842, where pdfplumber's own dedupe_chars leaves doubles).
    Gaps wider than a fifth of the font size become a space; a gap crossed by a vertical ruling,
    or wider than two font sizes, becomes CELL_SEPARATOR.
    """
    ordered = sorted((c for c in chars if c["text"]), key=lambda c: (c["top"], c["x0"]))
    if not ordered:
        return [], 0
    # A char joins the current line while its vertical middle lies above the line's lowest bottom.
    # Unlike a fixed tolerance on `top` (pdfplumber's 3 pt), this keeps glyphs of other sizes or fonts
    # on one baseline together — a 机密★10年 set in two fonts must stay one line.
    groups: list[list[dict]] = [[ordered[0]]]
    line_bottom = ordered[0]["bottom"]
    for c in ordered[1:]:
        if (c["top"] + c["bottom"]) / 2 > line_bottom:
            groups.append([c])
            line_bottom = c["bottom"]
        else:
            groups[-1].append(c)
            line_bottom = max(line_bottom, c["bottom"])

    lines: list[Line] = []
    dropped = 0
    for group in groups:
        group.sort(key=lambda c: c["x0"])
        kept: list[dict] = []
        for c in group:
            half = max(c["x1"] - c["x0"], 1.0) * 0.5
            if any(k["text"] == c["text"] and abs(k["x0"] - c["x0"]) < half and abs(k["top"] - c["top"]) < half
                   for k in kept[-4:]):
                dropped += 1
                continue
            # A space glyph drawn on top of a visible glyph is a layout artefact, not a word break.
            if kept and abs(kept[-1]["x0"] - c["x0"]) < half:
                if c["text"].isspace():
                    continue
                if kept[-1]["text"].isspace():
                    kept.pop()
            kept.append(c)
        top = min(c["top"] for c in kept)
        bottom = max(c["bottom"] for c in kept)
        mid = (top + bottom) / 2
        xs = sorted(x for x, t, b in edges if t - 1 <= mid <= b + 1)
        parts: list[str] = [kept[0]["text"]]
        cells = 1
        prev = kept[0]
        for c in kept[1:]:
            gap = c["x0"] - prev["x1"]
            size = max(c["size"], prev["size"], 1.0)
            if gap > 0.5 and (_ruling_between(xs, prev["x1"], c["x0"]) or gap > 2 * size):
                parts.append(CELL_SEPARATOR)
                cells += 1
            elif gap > 0.2 * size and not c["text"].isspace() and not prev["text"].isspace():
                parts.append(" ")
            parts.append(c["text"])
            prev = c
        text = _SPACE_BEFORE_CELL.sub(CELL_SEPARATOR, "".join(parts)).strip()
        if text:
            lines.append(Line(top, bottom, text, cells))
    return lines, dropped


_SPACE_BEFORE_CELL = re.compile(r"[ \u3000]* \| [ \u3000]*")


def _ruling_between(xs: list[float], left: float, right: float) -> bool:
    i = bisect_left(xs, left - 0.5)
    return i < len(xs) and xs[i] <= right + 0.5


# ------------------------------------------------------------------------------ running headers/footers

_DASH = "\\-‐‑–—―－~～"
PAGE_NUMBER_PATTERNS = [
    re.compile(rf"^[{_DASH}]+\d{{1,4}}[{_DASH}]+$"),                    # — 2 —   - 3 -
    re.compile(r"^第\d{1,4}页([,，/／]?共\d{1,4}页)?$"),               # 第 2 页 共 5 页
    re.compile(r"^共\d{1,4}页[,，/／]?第\d{1,4}页$"),
    re.compile(r"^(page)?\d{1,4}(of|/|／)\d{1,4}$", re.I),              # 2 / 5, Page 2 of 5
    re.compile(r"^page\d{1,4}$", re.I),
]
BARE_NUMBER = re.compile(r"^\d{1,4}$")
# A repeated line holding one of these may be a secrecy or disclosure mark: keep its first occurrence.
PROTECTED_MARKERS = ("密", "内部", "公开", "★")

BAND = 0.15      # share of page height at the top and at the bottom searched for running text
EDGE_LINES = 3   # how many lines from the top and from the bottom of a page are candidates


@dataclass(frozen=True, slots=True)
class PageLines:
    number: int
    height: float
    lines: list[Line]


def _candidates(page: PageLines):
    n = len(page.lines)
    for i, line in enumerate(page.lines):
        near_edge = i < EDGE_LINES or i >= n - EDGE_LINES
        in_band = line.top < page.height * BAND or line.bottom > page.height * (1 - BAND)
        if near_edge and in_band:
            yield i, line


def find_running_text(pages: list[PageLines]) -> dict[int, set[int]]:
    """Line indexes to remove per page number: running headers/footers and page numbers.

    A line is running text when, with digits generalised and spaces ignored, it recurs near the same
    height on at least max(2, 30 % of the pages with text), within the top or bottom band of the page
    and among its first or last few lines. Page numbers (— 2 —, 第 2 页 共 5 页, 2/5) in those places
    are removed even on a single page; a bare number only when its offset from the page index recurs.
    Table rows (cells joined by CELL_SEPARATOR) are never treated as running text: a repeated table
    header row is content. Lines with a secrecy/disclosure marker keep their first occurrence.
    """
    remove: dict[int, set[int]] = defaultdict(set)
    occurrences: dict[str, list[tuple[int, int, float]]] = defaultdict(list)
    bare: list[tuple[int, int, int]] = []
    for page in pages:
        for i, line in _candidates(page):
            if line.cells > 1:
                continue
            compact = re.sub(r"\s+", "", line.text)
            if any(p.match(compact) for p in PAGE_NUMBER_PATTERNS):
                remove[page.number].add(i)
                continue
            if BARE_NUMBER.match(compact):
                bare.append((page.number, i, int(compact) - page.number))
                continue
            occurrences[re.sub(r"\d+", "#", compact)].append((page.number, i, line.top))

    offsets = defaultdict(set)
    for number, _, offset in bare:
        offsets[offset].add(number)
    for number, i, offset in bare:
        if len(offsets[offset]) >= 2 or len(pages) == 1:
            remove[number].add(i)

    needed = max(2, math.ceil(0.3 * sum(1 for p in pages if p.lines)))
    tolerance = max((p.height for p in pages), default=800) * 0.02
    for key, occ in occurrences.items():
        if len(occ) < needed:
            continue
        occ.sort(key=lambda o: o[2])
        cluster = [occ[0]]
        for o in occ[1:] + [None]:
            if o is not None and o[2] - cluster[-1][2] <= tolerance:
                cluster.append(o)
                continue
            if len({c[0] for c in cluster}) >= needed:
                cluster.sort()
                protected = any(m in key for m in PROTECTED_MARKERS)
                for number, i, _ in cluster[1:] if protected else cluster:
                    remove[number].add(i)
            if o is not None:
                cluster = [o]
    return remove


# ---------------------------------------------------------------------------------------------- garbage

CID_RE = re.compile(r"\(cid:\d+\)")
REPLACEMENT = "\ufffd"


def cid_ratio(text: str) -> tuple[int, float]:
    """(number of (cid:N) placeholders, their share of the page's non-space characters)."""
    n = len(CID_RE.findall(text))
    if not n:
        return 0, 0.0
    visible = len(re.sub(r"\s+", "", CID_RE.sub("x", text)))
    return n, n / max(visible, 1)


def replace_cid(text: str) -> str:
    """An unmapped glyph becomes one U+FFFD instead of eight ASCII characters that look like text."""
    return CID_RE.sub(REPLACEMENT, text)


def _is_cjk(ch: str) -> bool:
    o = ord(ch)
    return (0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0x3000 <= o <= 0x303F
            or 0xFF00 <= o <= 0xFFEF or 0x20000 <= o <= 0x2FFFF)


def cjk_share(text: str) -> float:
    visible = [c for c in text if not c.isspace()]
    return sum(map(_is_cjk, visible)) / len(visible) if visible else 0.0


def latin1_share(text: str) -> tuple[int, float]:
    """(count, share) of Latin-1 supplement letters/symbols (U+00A1–U+00FF) among visible chars."""
    visible = [c for c in text if not c.isspace()]
    n = sum(1 for c in visible if "\xa1" <= c <= "\xff")
    return n, (n / len(visible) if visible else 0.0)


def looks_like_mojibake(text: str) -> bool:
    """GBK bytes shown as Latin-1: many U+00A1–U+00FF chars. French or German text stays far below."""
    n, share = latin1_share(text)
    return n >= 4 and share >= 0.3


_HIGH_RUN = re.compile(r"[\x00-\xff]+")
_SPACE_IN_PAIR = re.compile(r"(?<=[\xa1-\xff]) (?=[\xa1-\xff])")


def repair_mojibake(text: str) -> str | None:
    """Undo GBK-read-as-Latin-1: re-encode runs of chars <= U+00FF as Latin-1, decode as GB18030.

    Spaces between two high chars are layout artefacts (each byte is drawn as half a glyph, so gaps
    fall inside character pairs) and are dropped first. Returns None unless every run decodes and the
    result is mostly Chinese — a repair we cannot trust is not made.
    """
    def fix(match: re.Match) -> str:
        run = _SPACE_IN_PAIR.sub("", match.group(0))
        return run.encode("latin-1").decode("gb18030")

    try:
        repaired = _HIGH_RUN.sub(fix, text)
    except UnicodeDecodeError:
        return None
    if cjk_share(repaired) < 0.5 or latin1_share(repaired)[1] > 0.05:
        return None
    return repaired


_CJK_CLASS = r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]"
_SPACE_BETWEEN_CJK = re.compile(rf"(?<={_CJK_CLASS})[ \t]+(?={_CJK_CLASS})")


def squeeze_cjk_spaces(text: str) -> str:
    """pypdfium2 and tesseract put a space between every two Chinese characters; drop those."""
    return _SPACE_BETWEEN_CJK.sub("", text)


def plausible_text(text: str) -> bool:
    """Text another extractor offers as a replacement: non-empty, mostly CJK/ASCII, no placeholders."""
    visible = [c for c in text if not c.isspace()]
    if len(visible) < 2 or CID_RE.search(text):
        return False
    good = sum(1 for c in visible if _is_cjk(c) or " " < c <= "~" or "\u2000" <= c <= "\u206f")
    return good / len(visible) >= 0.8
