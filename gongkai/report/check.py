"""The consistency check of the annual report's tables: every total is the sum of its parts, and what
came in (新收 + 上年结转) is what went out (办理结果总计 + 结转下年度), in every column.

Every relation declared by the table is tested; each one that fails is a `Failure` named by the table,
the row and the column as printed. A blank cell counts as 0 (reports leave zeros blank), but a cell
the table should have and does not (a row missing from a parsed report) is reported, not guessed."""
from __future__ import annotations

from dataclasses import dataclass

from gongkai.report.tables import Cell, Table

TOLERANCE = 1e-6  # fee amounts are decimals (万元); counts are integers and compare exactly


@dataclass(frozen=True)
class Failure:
    table: str
    row: str
    column: str
    what: str
    printed: float | None  # the left side as printed (the total); None for a missing row
    computed: float | None  # the right side (the sum of the parts)

    def __str__(self) -> str:
        where = f"{self.table}｜行「{self.row}」" + (f"｜列「{self.column}」" if self.column else "")
        if self.printed is None:
            return f"{where}：{self.what}"
        return f"{where}：{self.what}（表中为 {_show(self.printed)}，应为 {_show(self.computed)}）"

    def key(self) -> tuple[str, str, str]:
        return self.table, self.row, self.column


def _show(value: float | None) -> str:
    if value is None:
        return "—"
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _sum(table: Table, cells: tuple[Cell, ...]) -> float:
    return sum(float(table.get(*c) or 0) for c in cells)


def check_table(table: Table) -> list[Failure]:
    failures: list[Failure] = []
    missing = sorted({r for r in table.rows if all((r, c) not in table.cells for c in table.columns)},
                     key=table.rows.index)
    if len(missing) == len(table.rows):
        return [Failure(table.title, "—", "", "报告中没有找到这张表", None, None)]
    for row in missing:
        failures.append(Failure(table.title, table.row_title(row), "", "表中没有这一行", None, None))
    for rel in table.relations:
        if {c[0] for c in rel.left + rel.right} & set(missing):
            continue  # already reported as missing; its sums would only repeat that
        left, right = _sum(table, rel.left), _sum(table, rel.right)
        if abs(left - right) > TOLERANCE:
            row, column = rel.where
            if len(rel.left) > 1:  # an identity: the printed side is the derived cell, the rest gives it
                printed = float(table.get(*rel.where) or 0)
                computed = printed + left - right
            else:
                printed, computed = left, right
            failures.append(Failure(table.title, table.row_title(row), table.column_title(column), rel.what,
                                    printed, computed))
    return failures


def check(tables: list[Table]) -> list[Failure]:
    return [f for t in tables for f in check_table(t)]
