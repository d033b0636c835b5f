"""The annual report's figures (政府信息公开条例第五十条, the 2021 national format).

Part 3 and part 4 are counted from `RequestRecord`s alone; part 2 takes 本年制发件数 of 规章 and 行政规范性文件
from the store (documents whose review reached 发布, by their 成文日期) and everything else from the
office's figures file. Counting rules of part 3, per column (the applicant's type):
  新收 = received in the year; 上年结转 = received before it and not closed before 1 January;
  办理结果 = closed in the year, by result; 结转下年度 = received by 31 December and not closed by then.
Part 4 counts the cases filed in the year; one not concluded by 31 December is 尚未审结."""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from gongkai.info_requests.vocab import (
    APPLICANT_TYPES,
    REPLY_RESULTS,
    REVIEW_KINDS,
    REVIEW_RESULTS,
    RequestRecord,
)
from gongkai.report import tables as T
from gongkai.report.figures import AnnualRules, Figures
from gongkai.report.tables import Table

OPEN_CASE = REVIEW_RESULTS[-1]  # 尚未审结


class RecordProblem(ValueError):
    """A record the report cannot count (unknown applicant type or result, closed before received)."""


def _validate(record: RequestRecord) -> None:
    if record.applicant_type not in APPLICANT_TYPES:
        raise RecordProblem(f"申请 {record.id}：申请人类型「{record.applicant_type}」不在模板之列")
    if record.closed_on is not None:
        if record.result not in REPLY_RESULTS:
            raise RecordProblem(f"申请 {record.id}：已办结但办理结果「{record.result}」不是模板中的结果")
        if record.closed_on < record.received_on:
            raise RecordProblem(f"申请 {record.id}：办结日期早于收到日期")
    for case in record.reviews:
        if case.kind not in REVIEW_KINDS:
            raise RecordProblem(f"申请 {record.id}：案件类型「{case.kind}」不在模板之列")
        if case.result is not None and case.result not in REVIEW_RESULTS[:-1]:
            raise RecordProblem(f"申请 {record.id}：案件结果「{case.result}」不在模板之列")


def part3(records: Iterable[RequestRecord], year: int) -> Table:
    start, end = date(year, 1, 1), date(year, 12, 31)
    table = T.part3_table()
    counts: dict[tuple[str, str], int] = {}

    def add(row: str, column: str) -> None:
        counts[(row, column)] = counts.get((row, column), 0) + 1

    for r in records:
        _validate(r)
        column = r.applicant_type
        if r.received_on > end:
            continue
        if r.received_on >= start:
            add(T.RECEIVED, column)
        elif r.closed_on is None or r.closed_on >= start:
            add(T.CARRIED_IN, column)
        if r.closed_on is not None and start <= r.closed_on <= end:
            add(T.result_row(r.result), column)
        if r.closed_on is None or r.closed_on > end:
            add(T.CARRIED_OUT, column)
    # the sums are computed from the counted cells, exactly as the check will add them up again
    groups = T.group_rows()
    for column in APPLICANT_TYPES:
        for row in table.rows:
            table.set(row, column, counts.get((row, column), 0))
        for group, subs in groups.items():
            if subs:
                table.set(group, column, sum(table.get(s, column) for s in subs))
        table.set(T.RESULTS_TOTAL, column, sum(table.get(g, column) for g in groups))
    for row in table.rows:
        table.set(row, T.TOTAL, sum(table.get(row, c) for c in APPLICANT_TYPES))
    return table


def _case_result(case, end: date) -> str:
    if case.result is None or (case.concluded_on is not None and case.concluded_on > end):
        return OPEN_CASE
    return case.result


def part4(records: Iterable[RequestRecord], year: int) -> Table:
    end = date(year, 12, 31)
    table = T.part4_table()
    for column in table.columns:
        table.set(T.REVIEW_COUNTS, column, 0)
    for r in records:
        _validate(r)
        for case in r.reviews:
            if case.filed_on.year != year:
                continue
            column = T.case_column(case.kind, _case_result(case, end))
            table.set(T.REVIEW_COUNTS, column, table.get(T.REVIEW_COUNTS, column) + 1)
    for kind in REVIEW_KINDS:
        table.set(T.REVIEW_COUNTS, T.case_column(kind, T.TOTAL),
                  sum(table.get(T.REVIEW_COUNTS, T.case_column(kind, res)) for res in REVIEW_RESULTS))
    return table


# --- part 2 ------------------------------------------------------------------------------------

_CN_DIGITS = str.maketrans("〇○零一二三四五六七八九", "000123456789")
_YEAR_RE = re.compile(r"((?:19|20)\d{2}|[〇○零一二三四五六七八九]{4})\s*(?:年|[-./])")


def written_year(written: str | None) -> int | None:
    """The year of a 成文日期 as the catalogue keeps it: 2026年3月1日, 2026-03-01, 二〇二六年三月一日."""
    m = _YEAR_RE.search(written or "")
    return int(m.group(1).translate(_CN_DIGITS)) if m else None


@dataclass(frozen=True)
class PublishedDocument:
    """What part 2 needs of a published document (the catalogue entry's fields and the stored meta)."""

    document_id: int
    title: str
    written: str  # 成文日期 as the catalogue entry has it
    text: str
    meta: dict = field(default_factory=dict)
    doc_number: str | None = None  # 发文字号


def genre_of(doc: PublishedDocument, rules: AnnualRules) -> str | None:
    """规章, 行政规范性文件 or None, by the order rules/annual_report.yaml documents."""
    for key in rules.genre_meta_keys:
        value = str(doc.meta.get(key) or (doc.meta.get("catalogue") or {}).get(key) or "").strip()
        if value in rules.genres:
            return value
    reg = rules.genres[T.REGULATIONS]
    if (any(re.search(p, doc.doc_number or "") for p in reg.doc_number)
            or any(re.search(p, doc.title) for p in reg.title) or any(re.search(p, doc.text) for p in reg.text)):
        return T.REGULATIONS
    norm = rules.genres[T.NORMATIVE]
    title_fits = any(re.search(p, doc.title) for p in norm.title) or any(
        re.search(p, doc.doc_number or "") for p in norm.doc_number)
    if title_fits and any(re.search(p, doc.text) for p in norm.text):
        return T.NORMATIVE
    return None


def count_made(documents: Iterable[PublishedDocument], year: int, rules: AnnualRules) -> dict[str, list[int]]:
    """Genre → the ids of the documents of that genre written (成文日期) in the year."""
    made: dict[str, list[int]] = {T.REGULATIONS: [], T.NORMATIVE: []}
    for doc in documents:
        if written_year(doc.written) == year and (genre := genre_of(doc, rules)) is not None:
            made[genre].append(doc.document_id)
    return made


def published_documents(store) -> list[PublishedDocument]:
    """Documents whose latest review action took them to 发布, per the audit chain (the record we trust,
    gongkai.review.integrity.replay), with 标题 and 成文日期 exactly as the publication catalogue has them."""
    from gongkai.matching.govdoc import parse_govdoc
    from gongkai.review.integrity import replay
    from gongkai.review.publish import catalogue_entry
    from gongkai.store import repository as repo

    with store.session() as s:
        approved = sorted(d for d, ok in replay(repo.audit_events(s)).approved.items() if ok)
        stored = {d: (repo.document_by_id(s, d)) for d in approved}
        docs = {d: (doc.text, dict(doc.meta or {})) for d, doc in stored.items() if doc is not None and doc.text}
    out = []
    for document_id, (text, meta) in docs.items():
        entry = catalogue_entry(store, document_id)
        number = parse_govdoc(text).doc_number
        out.append(PublishedDocument(document_id, entry["标题"], entry["成文日期"], text, meta,
                                     number.text if number is not None else None))
    return out


def part2(made: dict[str, int], figures: Figures) -> Table:
    table = T.part2_table()
    for row, counts in ((T.REGULATIONS, figures.regulations), (T.NORMATIVE, figures.normative_documents)):
        table.set(row, T.MADE, made.get(row, 0))
        table.set(row, T.ABOLISHED, counts.abolished)
        table.set(row, T.IN_FORCE, counts.in_force)
    table.set(T.LICENSING, T.DECISIONS, figures.licensing_decisions)
    table.set(T.PENALTY, T.DECISIONS, figures.penalty_decisions)
    table.set(T.COERCION, T.DECISIONS, figures.coercion_decisions)
    table.set(T.FEES, T.FEE_AMOUNT, figures.fees_wan_yuan)
    return table


# --- the whole report ---------------------------------------------------------------------------

PART_TITLES = ("一、总体情况", T.PART2_TITLE, T.PART3_TITLE, T.PART4_TITLE,
               "五、存在的主要问题及改进情况", "六、其他需要报告的事项")


@dataclass
class AnnualReport:
    organ: str
    year: int
    part2: Table
    part3: Table
    part4: Table
    overview: str  # prose of parts 1, 5, 6: the office's, or a draft carrying the draft mark
    problems: str
    other: str
    drafted: list[str] = field(default_factory=list)  # which parts are drafts
    sources: list[str] = field(default_factory=list)  # where part 2's figures came from, for the record
    part2_note: str | None = None  # printed under the part-2 table while figures are missing

    @property
    def title(self) -> str:
        return f"{self.organ}{self.year}年政府信息公开工作年度报告"

    def tables(self) -> list[Table]:
        return [self.part2, self.part3, self.part4]


def build_report(records: list[RequestRecord], year: int, organ: str, figures: Figures,
                 made: dict[str, int], rules: AnnualRules) -> AnnualReport:
    from gongkai.report.prose import write_prose

    if figures.year is not None and figures.year != year:
        from gongkai.errors import GongkaiError

        raise GongkaiError("config_invalid", f"the figures file is for {figures.year}, not {year}")
    records = list(records)  # counted twice (parts 3 and 4)
    p2, p3, p4 = part2(made, figures), part3(records, year), part4(records, year)
    report = AnnualReport(organ, year, p2, p3, p4, "", "", "")
    write_prose(report, figures, rules)
    blank = [f"{row}{column}" for row, column in p2.cells if p2.cells[(row, column)] is None]
    if blank:
        report.part2_note = (f"{rules.draft_mark}表中空白处尚未填写（{'、'.join(blank)}），"
                             "请在年度数据文件中补充后重新生成。")
    report.sources = [
        f"{T.REGULATIONS}、{T.NORMATIVE}的{T.MADE}：本系统中审核到达“发布”且成文日期在{year}年的文件",
        "其余第二部分数字：年度数据文件（未填写的留空）",
        "第三、四部分：本系统的依申请公开记录",
    ]
    return report
