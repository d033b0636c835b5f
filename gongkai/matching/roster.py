"""Rosters (花名册, 名单, 一览表): which lines are rows of a list of people, and which cell of each row holds
the person's name. Pure layout; whether a cell is a plausible name is the recognizer's business.

A roster is a block of consecutive table lines (cells separated by ` | ` or by runs of spaces/tabs) that
either
  - starts with a header line carrying a 姓名 column — the name is the cell under it; or
  - has at least two consecutive rows that each carry a personal cell (ID number, mobile, 男/女, a birth
    date) — the name is the cell at the head of the row (after a 序号 number).
A header that lists duties (职务, 分工, 分管) and no personal column is a list of officials in their public
role (领导分工, 政府信息公开条例第二十条 publishes it), not a roster.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

NAME_COLUMNS = frozenset({"姓名", "名字", "户主", "户主姓名", "申请人姓名", "学生姓名", "患者姓名", "救助对象", "对象姓名", "人员姓名"})
# a header column that says the rows are about private persons
_PERSONAL_COLUMN = re.compile(r"性别|身份|证件|出生|年龄|民族|籍贯|住址|户籍|家庭|手机|学历|政治面貌|救助|补助|补贴|病")
_DUTY_COLUMN = re.compile(r"职务|职责|分工|分管|职位")

_SPACE_CELL = re.compile(r"[^ \t\u3000|]+")
_MARKDOWN_RULE = re.compile(r"^[\s|:\-—]+$")
_SERIAL = re.compile(r"\d{1,4}[.、]?")
_ID = re.compile(r"[1-9]\d{5}[\d*＊×]{8}\d{3}[\dXx*＊×]|[1-9]\d{14}")
_MOBILE = re.compile(r"1[3-9]\d[\d*＊×]{4}\d{4}")
_BIRTH = re.compile(r"((?:19|20)\d{2})(?:[.\-/]\d{1,2}(?:[.\-/]\d{1,2})?|年\d{1,2}月(?:\d{1,2}日)?)")
# a name followed by another name in brackets (岩温香（都温）): the first is the cell's name
_NAME_WITH_ALIAS = re.compile(r"([\u4e00-\u9fff]{2,4})[（(][\u4e00-\u9fff]{1,6}[)）]")
# a date this recent is an entry or inspection date (入库时间 2021.10), not a grown-up's birth date
_BIRTH_AGE = 16


@dataclass(frozen=True)
class Cell:
    start: int  # offsets into the whole text
    end: int
    text: str


def _cells(line: str, offset: int) -> list[Cell]:
    """The cells of one line: split at | when the line has one, else at runs of whitespace."""
    if "|" in line:
        cells, pos = [], 0
        for raw in line.split("|"):
            lead = len(raw) - len(raw.lstrip())
            cells.append(Cell(offset + pos + lead, offset + pos + lead + len(raw.strip()), raw.strip()))
            pos += len(raw) + 1
        # a Markdown row `| a | b |` has nothing before the first bar and after the last; inner empty
        # cells stay, so that a row's cells line up with its header's
        if cells and not cells[0].text and line.lstrip().startswith("|"):
            cells = cells[1:]
        if cells and not cells[-1].text and line.rstrip().endswith("|"):
            cells = cells[:-1]
        return cells
    return [Cell(offset + m.start(), offset + m.end(), m.group()) for m in _SPACE_CELL.finditer(line)]


def _personal_cell(text: str) -> bool:
    if text in ("男", "女") or _ID.fullmatch(text) or _MOBILE.fullmatch(text):
        return True
    birth = _BIRTH.fullmatch(text)
    return bool(birth) and int(birth.group(1)) <= date.today().year - _BIRTH_AGE


def _head_cell(cells: list[Cell]) -> Cell | None:
    """The cell at the head of a row, after a 序号 number."""
    rest = cells[1:] if cells and _SERIAL.fullmatch(cells[0].text) else cells
    return rest[0] if rest else None


def _name_column(cells: list[Cell]) -> int | None:
    """The column headed 姓名 (also 考生姓名, 姓名（宗教名）), or None."""
    return next((i for i, c in enumerate(cells)
                 if c.text in NAME_COLUMNS or ("姓名" in c.text and len(c.text) <= 8)), None)


def _lists_duties(cells: list[Cell]) -> bool:
    """A header of officials and their duties (姓名 | 职务 | 分工) with no column about private life."""
    texts = "".join(c.text for c in cells)
    return bool(_DUTY_COLUMN.search(texts)) and not _PERSONAL_COLUMN.search(texts)


def officials_rows(text: str) -> frozenset[int]:
    """Line starts of the rows under a 姓名 | 职务 | 分工 header: leaders and their duties are published
    information (政府信息公开条例第二十条), not personal data, whatever recognizer looks at them."""
    rows: set[int] = set()
    for block in _blocks(text):
        under = False
        for cells in block:
            if _name_column(cells) is not None:
                under = _lists_duties(cells)
            elif under and cells:
                rows.add(_line_start(text, cells[0].start))
    return frozenset(rows)


def _line_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def _blocks(text: str) -> Iterator[list[list[Cell]]]:
    """Runs of consecutive lines with two or more cells (Markdown rule lines are skipped)."""
    block: list[list[Cell]] = []
    offset = 0
    for line in text.split("\n"):
        if _MARKDOWN_RULE.fullmatch(line) and "-" in line:
            offset += len(line) + 1
            continue
        cells = [c for c in _cells(line, offset) if c.text] if "|" not in line else _cells(line, offset)
        if len([c for c in cells if c.text]) >= 2:
            block.append(cells)
        elif block:
            yield block
            block = []
        offset += len(line) + 1
    if block:
        yield block


def _name_part(cell: Cell) -> Cell:
    alias = _NAME_WITH_ALIAS.fullmatch(cell.text)
    return Cell(cell.start, cell.start + len(alias.group(1)), alias.group(1)) if alias else cell


def name_cells(text: str) -> Iterator[Cell]:
    """The cell holding the person's name in every roster row of `text`."""
    # A roster split by department (委领导 / 办公室 / …) repeats no header: a later block with no header of
    # its own is read with the last roster header's name column (its rows may drop a trailing column).
    column: int | None = None
    width = 0
    for block in _blocks(text):
        if column is not None and any(len(cells) <= column for cells in block):
            column = None
        elif column is not None and _name_column(block[0]) is None:
            width = len(block[0])
        personal_run: list[Cell] = []
        for cells in block:
            header = _name_column(cells)
            if header is not None:
                column, width = (None, 0) if _lists_duties(cells) else (header, len(cells))
                if column is None:
                    break  # a list of officials' duties: no row of it is a roster row
                continue
            if column is not None:
                # under a 姓名 header: the cell in that column, or the head cell when the row is ragged
                cell = cells[column] if len(cells) == width else _head_cell(cells)
                if cell is not None and cell.text:
                    yield _name_part(cell)
                continue
            # no header: rows count only as a run of two or more that each carry a personal cell
            head = _head_cell(cells)
            if head is not None and any(_personal_cell(c.text) for c in cells if c is not head):
                personal_run.append(_name_part(head))
                continue
            if len(personal_run) >= 2:
                yield from personal_run
            personal_run = []
        if len(personal_run) >= 2:
            yield from personal_run
