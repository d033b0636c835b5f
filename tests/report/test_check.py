"""`gongkai report check`: a report is written as DOCX, HTML and PDF, cells are altered in the file, and
the check must name exactly the relations the alterations break — by table, row and column as printed —
and nothing else."""
from __future__ import annotations

from pathlib import Path

import pytest

from gongkai.commands.main import main
from gongkai.report.annual import build_report
from gongkai.report.check import check
from gongkai.report.figures import Figures, load_annual_rules
from gongkai.report.layout import part2_grid, part3_grid, part4_grid
from gongkai.report.parse import read_report
from gongkai.report.render import write_docx, write_html
from tests.report.known_year import YEAR, make_records
from tests.report.pdf_render import grids_to_pdf

P3, P4 = "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况"
SUM_OF_APPLICANTS = "总计不等于各类申请人之和"
IDENTITY = "本年新收 + 上年结转 不等于 （七）总计 + 结转下年度"

# Each planted alteration: (row labels as printed at the row's end, column position among the numbers, new value
# as an offset), with the failures it must cause, worked out by hand from the template's relations.
# The columns: 0 自然人 … 5 其他, 6 总计. (The check adds up printed cells only, so the plants do not interact.)
PLANTS = {
    "wrong_total": ((("（一）予以公开",), 6, +1), {
        (P3, "（一）予以公开", "总计", SUM_OF_APPLICANTS),
        (P3, "（七）总计", "总计", "（七）总计不等于（一）至（六）之和")}),
    "wrong_group_sum": ((("（五）不予处理", "小计"), 4, +3), {
        (P3, "（五）不予处理", "总计", SUM_OF_APPLICANTS),
        (P3, "（五）不予处理", "法人或其他组织·法律服务机构", "（五）不予处理不等于其各项之和"),
        (P3, "（七）总计", "法人或其他组织·法律服务机构", "（七）总计不等于（一）至（六）之和")}),
    # 上年结转 changed in a column and in its 总计 alike: the row still adds up, the identity does not
    "broken_identity": ((("二、上年结转政府信息公开申请数量",), (3, 6), +1), {
        (P3, "四、结转下年度继续办理", "法人或其他组织·社会公益组织", IDENTITY),
        (P3, "四、结转下年度继续办理", "总计", IDENTITY)}),
    "wrong_part4_total": (("part4", 4, +1), {(P4, "件数", "行政复议 总计", "总计不等于四项之和")}),
}


@pytest.fixture(scope="module")
def report():
    return build_report(make_records(), YEAR, "青川市测试局", Figures(), {"规章": 1, "行政规范性文件": 3},
                        load_annual_rules())


def _keys(failures) -> set[tuple[str, str, str, str]]:
    return {(f.table, f.row, f.column, f.what) for f in failures}


def _positions(spec) -> tuple[int, ...]:
    return spec if isinstance(spec, tuple) else (spec,)


# --- altering the files -----------------------------------------------------------------------------

def _alter_docx(path: Path, plants: list[str]) -> None:
    from docx import Document

    document = Document(str(path))
    for name in plants:
        (labels, columns, delta), _ = PLANTS[name]
        for table in document.tables:
            is_part4 = "行政复议" in table.rows[0].cells[0].text
            for row in table.rows:
                cells = list({id(c._tc): c for c in row.cells}.values())  # merged cells once, in order
                numbers = [c for c in cells if c.text.strip().lstrip("-").isdigit()]
                texts = [c.text.strip() for c in cells if c not in numbers]
                hit = (labels == "part4" and is_part4 and len(numbers) == 15) or (
                    labels != "part4" and tuple(texts[-len(labels):]) == labels)
                if hit:
                    for column in _positions(columns):
                        run = numbers[column].paragraphs[0].runs[0]
                        run.text = str(int(run.text) + delta)
    document.save(str(path))


def _alter_html(path: Path, plants: list[str]) -> None:
    from lxml import html

    tree = html.fromstring(path.read_bytes())
    for name in plants:
        (labels, columns, delta), _ = PLANTS[name]
        for tr in tree.iter("tr"):
            numbers = [td for td in tr if td.get("class") == "n"]
            texts = [td.text_content().strip() for td in tr if td.get("class") != "n"]
            hit = (labels == "part4" and len(numbers) == 15) or (
                labels != "part4" and numbers and tuple(texts[-len(labels):]) == labels)
            if hit:
                for column in _positions(columns):
                    numbers[column].text = str(int(numbers[column].text) + delta)
    path.write_text(html.tostring(tree, encoding="unicode", doctype="<!DOCTYPE html>"), encoding="utf-8")


# --- the tests ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["docx", "html"])
def test_a_report_as_written_reads_back_cell_for_cell_and_passes(report, tmp_path, fmt):
    path = tmp_path / f"r.{fmt}"
    (write_docx if fmt == "docx" else write_html)(report, path)
    p3, p4 = read_report(path)
    assert p3.cells == report.part3.cells and p4.cells == report.part4.cells
    assert check([p3, p4]) == []


@pytest.mark.parametrize("plant", sorted(PLANTS))
@pytest.mark.parametrize("fmt", ["docx", "html"])
def test_each_planted_inconsistency_is_named_and_nothing_else(report, tmp_path, fmt, plant):
    path = tmp_path / f"r.{fmt}"
    if fmt == "docx":
        write_docx(report, path)
        _alter_docx(path, [plant])
    else:
        write_html(report, path)
        _alter_html(path, [plant])
    assert _keys(check(read_report(path))) == PLANTS[plant][1]


@pytest.mark.parametrize("fmt", ["docx", "html"])
def test_all_plants_at_once_through_the_cli(report, tmp_path, fmt, capsys):
    path = tmp_path / f"r.{fmt}"
    (write_docx if fmt == "docx" else write_html)(report, path)
    (_alter_docx if fmt == "docx" else _alter_html)(path, list(PLANTS))
    assert main(["report", "check", str(path)]) == 1
    out = capsys.readouterr().out
    expected = set().union(*(failures for _spec, failures in PLANTS.values()))
    assert f"发现 {len(expected)} 处不一致" in out
    for table, row, column, what in expected:
        assert any(table in line and f"行「{row}」" in line and f"列「{column}」" in line and what in line
                   for line in out.splitlines()), (row, column, what)
    # the values are those of the file: （一）予以公开 was 59 in all, printed 60
    assert "行「（一）予以公开」｜列「总计」：总计不等于各类申请人之和（表中为 60，应为 59）" in out


def test_a_consistent_report_passes_the_cli(report, tmp_path, capsys):
    path = write_html(report, tmp_path / "r.html")
    assert main(["report", "check", str(path)]) == 0
    assert "✓" in capsys.readouterr().out


def _pdf(report, path: Path) -> Path:
    return grids_to_pdf([("二、主动公开政府信息情况", part2_grid(report.part2)),
                         (P3, part3_grid(report.part3)), (P4, part4_grid(report.part4))], path)


def test_a_pdf_is_read_by_its_row_names_and_numbers(report, tmp_path):
    p3, p4 = read_report(_pdf(report, tmp_path / "r.pdf"))
    assert p3.cells == report.part3.cells and p4.cells == report.part4.cells
    assert check([p3, p4]) == []


def test_a_pdf_with_planted_inconsistencies(report, tmp_path):
    import copy

    altered = copy.deepcopy(report)
    p3 = altered.part3
    p3.set("（一）予以公开", "总计", p3.get("（一）予以公开", "总计") + 1)
    p3.set("（五）不予处理", "法律服务机构", p3.get("（五）不予处理", "法律服务机构") + 3)
    for column in ("社会公益组织", "总计"):
        p3.set("二、上年结转政府信息公开申请数量", column, p3.get("二、上年结转政府信息公开申请数量", column) + 1)
    altered.part4.set("件数", "行政复议·总计", altered.part4.get("件数", "行政复议·总计") + 1)
    failures = check(read_report(_pdf(altered, tmp_path / "r.pdf")))
    assert _keys(failures) == set().union(*(f for _s, f in PLANTS.values()))


def test_a_missing_row_and_a_missing_table_are_reported_not_guessed(report, tmp_path):
    path = write_html(report, tmp_path / "r.html")
    text = path.read_text("utf-8")
    start = text.index("<tr><td>2.重复申请")
    path.write_text(text[:start] + text[text.index("</tr>", start) + 5:], encoding="utf-8")
    failures = check(read_report(path))
    assert [(f.row, f.what) for f in failures] == [("（五）不予处理 2.重复申请", "表中没有这一行")]
    empty = tmp_path / "empty.html"
    empty.write_text("<html><body><p>没有表格</p></body></html>", encoding="utf-8")
    assert {(f.table, f.what) for f in check(read_report(empty))} == {(P3, "报告中没有找到这张表"),
                                                                      (P4, "报告中没有找到这张表")}


def test_the_national_layout_without_the_groups_own_lines_is_checked_through_its_sub_rows(report, tmp_path):
    """The template prints no 小计 line: （七）总计 is then checked against the sub-rows directly."""
    from lxml import html

    path = write_html(report, tmp_path / "r.html")
    tree = html.fromstring(path.read_bytes())
    for tr in list(tree.iter("tr")):
        if any(td.text_content().strip() == "小计" for td in tr):
            tr.getparent().remove(tr)
    path.write_text(html.tostring(tree, encoding="unicode"), encoding="utf-8")
    p3, _p4 = read_report(path)
    assert p3.get("（四）无法提供", "总计") == report.part3.get("（四）无法提供", "总计")
    assert check([p3]) == []


@pytest.mark.parametrize("name,code", [("r.txt", "unsupported_type"), ("missing.docx", "not_found")])
def test_files_the_check_cannot_read_exit_with_their_code(tmp_path, name, code, capsys):
    if name == "r.txt":
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert main(["report", "check", str(tmp_path / name)]) == 2
    assert f"[{code}]" in capsys.readouterr().err
