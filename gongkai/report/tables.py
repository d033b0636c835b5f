"""The tables of the annual report as data: named rows × named columns, and which cells add up to which.

The same `Table` is filled from gongkai's records (gongkai.report.annual) and parsed from a report made
elsewhere (gongkai.report.parse), so that `gongkai.report.check` is one piece of arithmetic for both.
The relations are part of the table's shape, not of the check: `part3_table()` and `part4_table()`
declare them once, from the template's layout."""
from __future__ import annotations

from dataclasses import dataclass, field

from gongkai.info_requests.vocab import APPLICANT_TYPES, REPLY_GROUPS, REPLY_RESULTS, REVIEW_KINDS, REVIEW_RESULTS

Number = int | float | None
Cell = tuple[str, str]  # (row, column)

PART2_TITLE = "二、主动公开政府信息情况"
PART3_TITLE = "三、收到和处理政府信息公开申请情况"
PART4_TITLE = "四、政府信息公开行政复议、行政诉讼情况"

# part 3: printed row names
RECEIVED = "一、本年新收政府信息公开申请数量"
CARRIED_IN = "二、上年结转政府信息公开申请数量"
RESULTS_HEADING = "三、本年度办理结果"
RESULTS_TOTAL = "（七）总计"
CARRIED_OUT = "四、结转下年度继续办理"
TOTAL = "总计"
SUBTOTAL = "小计"  # the printed label of a group's own row, beside its name
ORGANISATIONS = "法人或其他组织"


@dataclass(frozen=True)
class Relation:
    """sum(left) must equal sum(right). A total is `left=(total,)`, `right=parts`. `where` is the cell
    a failure is named by; `what` says in Chinese which rule it is."""

    left: tuple[Cell, ...]
    right: tuple[Cell, ...]
    where: Cell
    what: str


@dataclass
class Table:
    title: str
    rows: list[str]
    columns: list[str]
    cells: dict[Cell, Number] = field(default_factory=dict)
    relations: list[Relation] = field(default_factory=list)
    row_titles: dict[str, str] = field(default_factory=dict)  # a sub-row's name with its group, for messages
    column_titles: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        assert len(set(self.rows)) == len(self.rows) and len(set(self.columns)) == len(self.columns)

    def get(self, row: str, column: str) -> Number:
        return self.cells.get((row, column))

    def set(self, row: str, column: str, value: Number) -> None:
        if row not in self.rows or column not in self.columns:
            raise KeyError((row, column))
        self.cells[(row, column)] = value

    def row_values(self, row: str) -> list[Number]:
        return [self.get(row, c) for c in self.columns]

    def row_title(self, row: str) -> str:
        return self.row_titles.get(row, row)

    def column_title(self, column: str) -> str:
        return self.column_titles.get(column, column)


def _total(table: Table, total: Cell, parts: list[Cell], what: str) -> None:
    table.relations.append(Relation((total,), tuple(parts), total, what))


# --- part 3 -----------------------------------------------------------------------------------

def result_row(code: str) -> str:
    """The row of a reply result: the group's own row for a group without sub-rows (予以公开, 部分公开)."""
    if "." not in code:
        return REPLY_GROUPS[code]
    return REPLY_RESULTS[code]


def group_rows() -> dict[str, list[str]]:
    """Group row → its sub-rows (empty for 予以公开 and 部分公开), in the template's order."""
    out: dict[str, list[str]] = {}
    for group, name in REPLY_GROUPS.items():
        out[name] = [REPLY_RESULTS[c] for c in REPLY_RESULTS if c.startswith(group + ".")]
    return out


PART3_COLUMNS: tuple[str, ...] = (*APPLICANT_TYPES, TOTAL)


def part3_rows() -> list[str]:
    rows = [RECEIVED, CARRIED_IN]
    for group, subs in group_rows().items():
        rows += [group, *subs]
    return rows + [RESULTS_TOTAL, CARRIED_OUT]


def part3_table() -> Table:
    groups = group_rows()
    titles = {sub: f"{group} {sub}" for group, subs in groups.items() for sub in subs}
    table = Table(PART3_TITLE, part3_rows(), list(PART3_COLUMNS), row_titles=titles,
                  column_titles={c: f"{ORGANISATIONS}·{c}" for c in APPLICANT_TYPES[1:]})
    applicants = list(APPLICANT_TYPES)
    for row in table.rows:  # every row: 总计 = the applicant columns
        _total(table, (row, TOTAL), [(row, c) for c in applicants], "总计不等于各类申请人之和")
    for column in table.columns:
        for group, subs in groups.items():
            if subs:
                _total(table, (group, column), [(s, column) for s in subs], f"{group}不等于其各项之和")
        _total(table, (RESULTS_TOTAL, column), [(g, column) for g in groups], "（七）总计不等于（一）至（六）之和")
        table.relations.append(Relation(
            ((RECEIVED, column), (CARRIED_IN, column)), ((RESULTS_TOTAL, column), (CARRIED_OUT, column)),
            (CARRIED_OUT, column), "本年新收 + 上年结转 不等于 （七）总计 + 结转下年度"))
    return table


# --- part 4 -----------------------------------------------------------------------------------

REVIEW_COUNTS = "件数"  # the one data row; the template prints no name for it
CASE_GROUPS: dict[str, tuple[str, ...]] = {  # printed header: kind → its two header levels
    REVIEW_KINDS[0]: ("行政复议",),
    REVIEW_KINDS[1]: ("行政诉讼", "未经复议直接起诉"),
    REVIEW_KINDS[2]: ("行政诉讼", "复议后起诉"),
}


def case_column(kind: str, result: str) -> str:
    return f"{kind}·{result}"


PART4_COLUMNS: tuple[str, ...] = tuple(case_column(k, r) for k in REVIEW_KINDS for r in (*REVIEW_RESULTS, TOTAL))


def part4_table() -> Table:
    titles = {case_column(k, r): " ".join((*CASE_GROUPS[k], r)) for k in REVIEW_KINDS for r in (*REVIEW_RESULTS, TOTAL)}
    table = Table(PART4_TITLE, [REVIEW_COUNTS], list(PART4_COLUMNS), column_titles=titles)
    for kind in REVIEW_KINDS:
        _total(table, (REVIEW_COUNTS, case_column(kind, TOTAL)),
               [(REVIEW_COUNTS, case_column(kind, r)) for r in REVIEW_RESULTS], "总计不等于四项之和")
    return table


# --- part 2 (no totals: the office's figures and the store's counts side by side) ----------------

REGULATIONS = "规章"
NORMATIVE = "行政规范性文件"
LICENSING, PENALTY, COERCION, FEES = "行政许可", "行政处罚", "行政强制", "行政事业性收费"
MADE, ABOLISHED, IN_FORCE = "本年制发件数", "本年废止件数", "现行有效件数"
DECISIONS = "本年处理决定数量"
FEE_AMOUNT = "本年收费金额（单位：万元）"
PART2_SECTIONS: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (  # heading, rows, columns
    ("第二十条第（一）项", (REGULATIONS, NORMATIVE), (MADE, ABOLISHED, IN_FORCE)),
    ("第二十条第（五）项", (LICENSING,), (DECISIONS,)),
    ("第二十条第（六）项", (PENALTY, COERCION), (DECISIONS,)),
    ("第二十条第（八）项", (FEES,), (FEE_AMOUNT,)),
)


def part2_table() -> Table:
    rows = [r for _h, rs, _c in PART2_SECTIONS for r in rs]
    columns = list(dict.fromkeys(c for _h, _r, cs in PART2_SECTIONS for c in cs))
    return Table(PART2_TITLE, rows, columns)
