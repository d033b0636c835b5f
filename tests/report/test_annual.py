"""The annual report's figures from a year whose every cell is known in advance (tests/report/known_year.py),
the parts the office fills in, and the drafts written where it did not."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from gongkai.errors import GongkaiError
from gongkai.info_requests.vocab import APPLICANT_TYPES, REPLY_GROUPS, REPLY_RESULTS, REVIEW_KINDS, RequestRecord
from gongkai.report import tables as T
from gongkai.report.annual import (PublishedDocument, RecordProblem, build_report, count_made, genre_of, part3,
                                   part4, written_year)
from gongkai.report.check import check
from gongkai.report.figures import Figures, load_annual_rules, load_figures
from tests.report.known_year import YEAR, expected_part3, expected_part4, make_records

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def rules():
    return load_annual_rules()


def _expected_table3() -> dict[tuple[str, str], int]:
    """Every cell of part 3, added up here from the intended counts (not by gongkai.report)."""
    base, out = expected_part3(), {}
    for a in APPLICANT_TYPES:
        out[(T.RECEIVED, a)] = base[("received", a)]
        out[(T.CARRIED_IN, a)] = base[("carried_in", a)]
        out[(T.CARRIED_OUT, a)] = base[("carried_out", a)]
        for code, name in REPLY_RESULTS.items():
            if "." in code:
                out[(name, a)] = base[(code, a)]
        for group, name in REPLY_GROUPS.items():
            out[(name, a)] = sum(base[(code, a)] for code in REPLY_RESULTS if code.split(".")[0] == group)
        out[(T.RESULTS_TOTAL, a)] = sum(base[(code, a)] for code in REPLY_RESULTS)
    for row in {r for r, _a in out}:
        out[(row, T.TOTAL)] = sum(out[(row, a)] for a in APPLICANT_TYPES)
    return out


def test_every_cell_of_part_3_is_the_intended_count():
    table = part3(make_records(), YEAR)
    expected = _expected_table3()
    assert len(expected) == len(table.rows) * len(table.columns) == (2 + 2 + 4 + 19 + 2) * 7
    wrong = {cell: (table.cells.get(cell), want) for cell, want in expected.items() if table.cells.get(cell) != want}
    assert wrong == {}
    # a few cells worked out by hand from the tables of known_year.py, as a check on the test's own sums
    assert table.get(T.RECEIVED, "自然人") == 116 and table.get(T.CARRIED_IN, T.TOTAL) == 13
    assert table.get(T.CARRIED_OUT, T.TOTAL) == 12 and table.get(REPLY_GROUPS["disclose"], T.TOTAL) == 59


def test_every_cell_of_part_4_is_the_intended_count():
    table = part4(make_records(), YEAR)
    expected = expected_part4()
    for kind in REVIEW_KINDS:
        for result in ("结果维持", "结果纠正", "其他结果", "尚未审结"):
            assert table.get(T.REVIEW_COUNTS, T.case_column(kind, result)) == expected[(kind, result)], (kind, result)
        assert table.get(T.REVIEW_COUNTS, T.case_column(kind, T.TOTAL)) == sum(
            n for (k, _r), n in expected.items() if k == kind)
    # by hand: 行政复议 4+2+1 concluded and 2 open; the case filed the year before is not counted
    assert table.get(T.REVIEW_COUNTS, T.case_column(REVIEW_KINDS[0], T.TOTAL)) == 9


def test_the_generated_tables_pass_the_check(rules):
    report = build_report(make_records(), YEAR, "青川市测试局", Figures(), {T.REGULATIONS: 2, T.NORMATIVE: 5}, rules)
    assert check(report.tables()) == []
    assert report.title == f"青川市测试局{YEAR}年政府信息公开工作年度报告"


def test_a_request_is_carried_over_exactly_while_it_is_open():
    records = [
        RequestRecord(1, "自然人", date(2025, 12, 31)),  # open all year: in 上年结转 and 结转下年度
        RequestRecord(2, "自然人", date(2025, 12, 30), date(2025, 12, 31), "disclose"),  # closed before the year
        RequestRecord(3, "自然人", date(2025, 12, 30), date(2026, 1, 1), "partial"),  # closed on 1 January
        RequestRecord(4, "其他", date(2026, 12, 31), date(2026, 12, 31), "other.other"),
        RequestRecord(5, "其他", date(2026, 12, 31), date(2027, 1, 1), "disclose"),  # closed the next day
    ]
    t = part3(records, 2026)
    assert [t.get(T.CARRIED_IN, "自然人"), t.get(T.RECEIVED, "自然人"), t.get(T.CARRIED_OUT, "自然人")] == [2, 0, 1]
    assert t.get(REPLY_GROUPS["partial"], "自然人") == 1 and t.get(REPLY_GROUPS["disclose"], T.TOTAL) == 0
    assert [t.get(T.RECEIVED, "其他"), t.get(T.RESULTS_TOTAL, "其他"), t.get(T.CARRIED_OUT, "其他")] == [2, 1, 1]
    assert check([t]) == []


@pytest.mark.parametrize("record", [
    RequestRecord(1, "个体户", date(2026, 3, 1)),
    RequestRecord(2, "自然人", date(2026, 3, 1), date(2026, 3, 5), None),
    RequestRecord(3, "自然人", date(2026, 3, 1), date(2026, 3, 5), "withhold.unknown"),
    RequestRecord(4, "自然人", date(2026, 3, 9), date(2026, 3, 5), "disclose"),
])
def test_a_record_that_cannot_be_counted_is_refused_by_its_id(record):
    with pytest.raises(RecordProblem, match=f"申请 {record.id}"):
        part3([record], 2026)


# --- part 2 ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,year", [("2026年3月1日", 2026), ("2025-12-31", 2025), ("二〇二四年六月一日", 2024),
                                       ("", None), ("三月一日", None)])
def test_the_year_of_a_written_date(text, year):
    assert written_year(text) == year


def _doc(i, title, text, written="2026年5月1日", meta=None, number=None):
    return PublishedDocument(i, title, written, text, meta or {}, number)


def test_genres_from_meta_doc_number_title_and_text(rules):
    assert genre_of(_doc(1, "关于公布2025年部门预算的通知", "现将预算公布如下。", meta={"genre": "行政规范性文件"}), rules) == T.NORMATIVE
    assert genre_of(_doc(2, "青川市城市绿化管理办法", "《青川市城市绿化管理办法》已经2026年4月2日市人民政府第12次常务会议通过，"
                         "现予公布，自2026年6月1日起施行。"), rules) == T.REGULATIONS
    assert genre_of(_doc(3, "青川市物业管理办法", "正文", number="青川市人民政府令第5号"), rules) == T.REGULATIONS
    assert genre_of(_doc(4, "青川市住房租赁补贴管理办法", "本办法自2026年7月1日起施行，有效期5年。"), rules) == T.NORMATIVE
    assert genre_of(_doc(5, "青川市住房租赁补贴管理办法", "请各单位认真执行。"), rules) is None  # no normative cue
    assert genre_of(_doc(6, "关于召开安全生产会议的通知", "自印发之日起施行"), rules) is None  # a 通知 is not listed


def test_only_documents_written_in_the_year_are_counted(rules):
    docs = [_doc(1, "青川市道路停车管理办法", "本办法自2026年3月1日起施行。", written="2026年1月20日"),
            _doc(2, "青川市道路停车管理办法（试行）", "本办法自印发之日起施行。", written="2025年12月30日"),
            _doc(3, "青川市养犬管理规定", "市人民政府令第3号 现予公布", written="2026-09-01"),
            _doc(4, "关于春节放假的通知", "现将放假安排通知如下。", written="2026年1月5日")]
    assert count_made(docs, 2026, rules) == {T.REGULATIONS: [3], T.NORMATIVE: [1]}


# --- the office's figures and the drafts ------------------------------------------------------------

def test_the_documented_figures_file_loads_and_fills_part_2(rules):
    figures = load_figures(REPO / "docs" / "annual-report-figures.yaml")
    report = build_report([], figures.year, "青川市测试局", figures, {T.REGULATIONS: 1, T.NORMATIVE: 3}, rules)
    p2 = report.part2
    assert p2.get(T.REGULATIONS, T.MADE) == 1 and p2.get(T.NORMATIVE, T.MADE) == 3
    assert p2.get(T.NORMATIVE, T.IN_FORCE) == figures.normative_documents.in_force
    assert p2.get(T.FEES, T.FEE_AMOUNT) == figures.fees_wan_yuan
    assert report.overview == figures.prose.overview.strip() and "overview" not in report.drafted


def test_a_figures_file_for_another_year_or_with_a_negative_count_is_refused(tmp_path, rules):
    path = tmp_path / "f.yaml"
    path.write_text("year: 2025\n", encoding="utf-8")
    with pytest.raises(GongkaiError, match="2025"):
        build_report([], 2026, "某局", load_figures(path), {}, rules)
    path.write_text("licensing_decisions: -3\n", encoding="utf-8")
    with pytest.raises(GongkaiError) as err:
        load_figures(path)
    assert err.value.code == "config_invalid" and "licensing_decisions" in str(err.value)


def test_drafts_are_marked_and_carry_the_years_numbers(rules):
    report = build_report(make_records(), YEAR, "青川市测试局", Figures(processing_fees_yuan=0),
                          {T.REGULATIONS: 2, T.NORMATIVE: 5}, rules)
    assert report.drafted == ["overview", "problems", "other"]
    for text in (report.overview, report.problems, report.other):
        assert text.startswith("【草稿，请审核修改】") and " " not in text
    p3 = report.part3
    assert f"本年新收政府信息公开申请{p3.get(T.RECEIVED, T.TOTAL)}件" in report.overview
    assert f"结转下年度继续办理{p3.get(T.CARRIED_OUT, T.TOTAL)}件" in report.overview
    assert "规章2件、行政规范性文件5件" in report.overview
    assert f"无法提供{p3.get(REPLY_GROUPS['unable'], T.TOTAL)}件" in report.problems
    assert "未收取信息处理费" in report.other


def test_given_prose_is_used_as_written(rules):
    figures = Figures.model_validate({"prose": {"problems": "  本机关自行撰写的问题与改进。 "}})
    report = build_report([], 2026, "某局", figures, {}, rules)
    assert report.problems == "本机关自行撰写的问题与改进。" and report.drafted == ["overview", "other"]
