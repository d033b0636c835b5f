"""The printed layout of the report's three tables, as a grid of cells with spans, shared by the DOCX and
HTML writers (and so by what `gongkai report check` reads back). Row and column headers follow the 2021
national template: part 3 has three label columns (part, group, sub-row); a group with sub-rows prints its
own figure on a 小计 line under its name."""
from __future__ import annotations

from dataclasses import dataclass

from gongkai.info_requests.vocab import APPLICANT_TYPES, REVIEW_KINDS, REVIEW_RESULTS
from gongkai.report import tables as T
from gongkai.report.tables import Number, Table


@dataclass(frozen=True)
class GridCell:
    text: str
    colspan: int = 1
    rowspan: int = 1
    header: bool = False
    numeric: bool = False


Grid = list[list[GridCell]]  # each row lists only the cells that start in it


def show(value: Number) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and not value.is_integer():
        return f"{value:.2f}".rstrip("0").rstrip(".")
    return str(int(value))


def _nums(table: Table, row: str) -> list[GridCell]:
    return [GridCell(show(v), numeric=True) for v in table.row_values(row)]


def part2_grid(table: Table) -> Grid:
    grid: Grid = []
    for heading, rows, columns in T.PART2_SECTIONS:
        grid.append([GridCell(heading, colspan=4, header=True)])
        span = 3 // len(columns)  # one value column spans the three
        grid.append([GridCell("信息内容", header=True), *[GridCell(c, colspan=span, header=True) for c in columns]])
        for row in rows:
            grid.append([GridCell(row), *[GridCell(show(table.get(row, c)), colspan=span, numeric=True) for c in columns]])
    return grid


def part3_grid(table: Table) -> Grid:
    groups = T.group_rows()
    result_lines = sum(1 + len(subs) for subs in groups.values()) + 1
    grid: Grid = [
        [GridCell("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", colspan=3, rowspan=3, header=True),
         GridCell("申请人情况", colspan=7, header=True)],
        [GridCell(APPLICANT_TYPES[0], rowspan=2, header=True), GridCell(T.ORGANISATIONS, colspan=5, header=True),
         GridCell(T.TOTAL, rowspan=2, header=True)],
        [GridCell(c, header=True) for c in APPLICANT_TYPES[1:]],
        [GridCell(T.RECEIVED, colspan=3), *_nums(table, T.RECEIVED)],
        [GridCell(T.CARRIED_IN, colspan=3), *_nums(table, T.CARRIED_IN)],
    ]
    first = True
    for group, subs in groups.items():
        lead = [GridCell(T.RESULTS_HEADING, rowspan=result_lines)] if first else []
        first = False
        if not subs:
            grid.append([*lead, GridCell(group, colspan=2), *_nums(table, group)])
            continue
        grid.append([*lead, GridCell(group, rowspan=1 + len(subs)), GridCell(T.SUBTOTAL), *_nums(table, group)])
        grid += [[GridCell(sub), *_nums(table, sub)] for sub in subs]
    grid.append([GridCell(T.RESULTS_TOTAL, colspan=2), *_nums(table, T.RESULTS_TOTAL)])
    grid.append([GridCell(T.CARRIED_OUT, colspan=3), *_nums(table, T.CARRIED_OUT)])
    return grid


def part4_grid(table: Table) -> Grid:
    n = len(REVIEW_RESULTS) + 1
    levels = T.CASE_GROUPS
    return [
        [GridCell(levels[REVIEW_KINDS[0]][0], colspan=n, rowspan=2, header=True),
         GridCell(levels[REVIEW_KINDS[1]][0], colspan=2 * n, header=True)],
        [GridCell(levels[REVIEW_KINDS[1]][1], colspan=n, header=True),
         GridCell(levels[REVIEW_KINDS[2]][1], colspan=n, header=True)],
        [GridCell(r, header=True) for _k in REVIEW_KINDS for r in (*REVIEW_RESULTS, T.TOTAL)],
        _nums(table, T.REVIEW_COUNTS),
    ]


def width(grid: Grid) -> int:
    return sum(c.colspan for c in grid[0])  # the first row starts every column


def placed(grid: Grid):
    """(row, column, cell) for each cell, with the columns that cells spanning from above occupy skipped."""
    taken: set[tuple[int, int]] = set()
    for r, line in enumerate(grid):
        c = 0
        for cell in line:
            while (r, c) in taken:
                c += 1
            yield r, c, cell
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    taken.add((r + dr, c + dc))
            c += cell.colspan
