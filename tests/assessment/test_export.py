"""定期报送 exports and `gongkai assessment`: the CSV opens in Excel (UTF-8 with BOM) and both files carry
the hand-counted figures of tests/assessment/seed.py."""
from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook

from gongkai.assessment import assess
from gongkai.assessment_export import csv_bytes, xlsx_bytes
from gongkai.settings import Settings
from gongkai.store.db import close_all, database_url
from tests.assessment.seed import END, START, seed_month, seed_requests
from tests.review.seed import open_test_store


@pytest.fixture
def month(tmp_path):
    store = open_test_store(f"sqlite:///{tmp_path / 'export.db'}")
    seed_month(store)
    seed_requests(store)
    with store.session() as s:
        result = assess(s, START, END)
    yield result
    store.dispose()


def _blocks(rows: list[list[str]]) -> dict[str, list[list[str]]]:
    """The CSV's tables by title: a title line, a heading line, then rows up to the next blank line."""
    blocks, title = {}, None
    for row in rows[1:]:
        if not row:
            title = None
        elif title is None:
            title = row[0]
            blocks[title] = []
        else:
            blocks[title].append(row)
    return blocks


def test_csv_has_a_bom_and_the_figures(month):
    data = csv_bytes(month)
    assert data.startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 only with it
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == ["内部考核统计 2026-11-01 至 2026-11-30"]
    blocks = _blocks(rows)
    assert list(blocks) == ["按审核环节", "按审核人", "依申请公开（按承办人）"]
    sections = blocks["按审核环节"]
    assert sections[0][:3] == ["环节", "处理文件数", "处理次数"]
    office = next(r for r in sections if r[0] == "办公室")
    assert office == ["办公室", "6", "6", "5", "4", "80.0%", "5", "1", "20.0%", "1", "16.7%"]
    reviewers = {r[0]: r for r in blocks["按审核人"][1:]}
    assert reviewers["bangong2"][1] == "办公室" and reviewers["bangong2"][9] == "—"  # no judgement: no share
    assert reviewers["fenguan"][1] == "分管领导" and reviewers["fenguan"][6] == "0.0%"
    requests = {r[0]: r for r in blocks["依申请公开（按承办人）"][1:]}
    assert requests["bangong"] == ["bangong", "2", "2", "1", "50.0%"]


def test_xlsx_has_one_sheet_per_table_with_numbers(month, tmp_path):
    path = tmp_path / "a.xlsx"
    path.write_bytes(xlsx_bytes(month))
    book = load_workbook(path)
    assert book.sheetnames == ["按审核环节", "按审核人", "依申请公开（按承办人）"]
    sheet = book["按审核环节"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "内部考核统计 2026-11-01 至 2026-11-30"
    office = next(r for r in rows if r[0] == "办公室")
    assert office[1:5] == (6, 6, 5, 4) and office[5] == pytest.approx(0.8)  # a number, shown as a percentage
    row_no = next(i for i, r in enumerate(rows, 1) if r[0] == "办公室")
    assert sheet.cell(row=row_no, column=6).number_format == "0.0%"
    total = next(r for r in rows if r[0] == "合计")
    assert total[1:3] == (6, 8)
    leader_rows = list(book["按审核人"].iter_rows(values_only=True))
    assert next(r for r in leader_rows if r[0] == "bangong2")[9] is None  # empty cell, not 0%


def test_cli_prints_and_writes(tmp_path, monkeypatch, capsys):
    from gongkai.commands.main import main

    monkeypatch.setenv("GONGKAI_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("GONGKAI_DATABASE_URL", raising=False)
    store = open_test_store(database_url(Settings()))
    seed_month(store)
    seed_requests(store)
    try:
        code = main(["assessment", "--from", "2026-11-01", "--to", "2026-11-30",
                     "--csv", str(tmp_path / "a.csv"), "--xlsx", str(tmp_path / "a.xlsx")])
        out = capsys.readouterr().out
        assert code == 0
        assert "【按审核环节】" in out and "办公室\t6\t6\t5\t4\t80.0%" in out
        assert (tmp_path / "a.csv").read_bytes().startswith(b"\xef\xbb\xbf")
        assert load_workbook(tmp_path / "a.xlsx").sheetnames[0] == "按审核环节"
        assert main(["assessment", "--from", "2026-11-30", "--to", "2026-11-01"]) == 2  # refused, no traceback
        assert "config_invalid" in capsys.readouterr().err
    finally:
        store.dispose()
        close_all()


def test_cli_refuses_a_malformed_date(capsys):
    from gongkai.commands.main import main

    with pytest.raises(SystemExit):
        main(["assessment", "--from", "30/11/2026", "--to", "2026-11-30"])
    assert "YYYY-MM-DD" in capsys.readouterr().err
