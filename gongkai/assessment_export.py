"""定期报送 files of an `Assessment` (gongkai.assessment): CSV in UTF-8 with a byte-order mark (Excel then reads
the Chinese correctly), and XLSX with one sheet per table. Both carry the same tables with the same Chinese
headings; the CSV puts them one under the other, each under its title line."""
from __future__ import annotations

import csv
import io
from pathlib import Path

from gongkai.assessment import Assessment, Figures, RequestFigures
from gongkai.review.users import ROLES

REVIEW_HEADINGS = ("处理文件数", "处理次数", "有期限的", "按期处理", "按期率", "确认或修改（有系统建议）",
                   "改动系统建议", "改动率", "退回", "退回率")
REQUEST_HEADINGS = ("承办人", "答复件数", "有期限的", "按期答复", "按期率")


def tables(result: Assessment) -> list[tuple[str, list[str], list[list]]]:
    """(title, headings, rows) of each table; shares as fractions (None when there is nothing to divide)."""
    sections = [[f.name, *_review_cells(f)] for f in result.sections]
    sections.append([result.total.name, *_review_cells(result.total)])
    reviewers = [[f.name, ROLES.get(f.role, f.role or ""), *_review_cells(f)] for f in result.reviewers]
    requests = [_request_cells(r) for r in result.requests]
    return [("按审核环节", ["环节", *REVIEW_HEADINGS], sections),
            ("按审核人", ["审核人", "角色", *REVIEW_HEADINGS], reviewers),
            ("依申请公开（按承办人）", list(REQUEST_HEADINGS), requests)]


def _review_cells(f: Figures) -> list:
    return [f.documents, f.decisions, f.with_due, f.on_time, f.on_time_share, f.judgements, f.changed,
            f.changed_share, f.returned, f.returned_share]


def _request_cells(r: RequestFigures) -> list:
    return [r.assignee, r.answered, r.with_due, r.on_time, r.on_time_share]


def period_line(result: Assessment) -> str:
    return f"内部考核统计 {result.start.isoformat()} 至 {result.end.isoformat()}"


def percent(value) -> str:
    """A share as people write it (85.0%); 「—」 when there is nothing to divide."""
    return "—" if value is None else f"{value * 100:.1f}%"


def csv_bytes(result: Assessment) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([period_line(result)])
    for title, headings, rows in tables(result):
        writer.writerow([])
        writer.writerow([title])
        writer.writerow(headings)
        for row in rows:
            writer.writerow([percent(c) if c is None or isinstance(c, float) else c for c in row])
    return out.getvalue().encode("utf-8-sig")


def xlsx_bytes(result: Assessment) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)
    for title, headings, rows in tables(result):
        sheet = book.create_sheet(title[:31])  # Excel's limit on a sheet name
        sheet.append([period_line(result)])
        sheet.append(headings)
        for cell in sheet[2]:
            cell.font = Font(bold=True)
        shares = {i for i, h in enumerate(headings) if h.endswith("率")}
        for row in rows:
            sheet.append(row)
            for i in shares:
                sheet.cell(row=sheet.max_row, column=i + 1).number_format = "0.0%"
        for i, heading in enumerate(headings):
            sheet.column_dimensions[chr(ord("A") + i)].width = max(10, 2 * len(heading) + 2)
        sheet.freeze_panes = "A3"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def write(result: Assessment, *, csv_path: Path | str | None = None, xlsx_path: Path | str | None = None) -> list[Path]:
    written = []
    for path, make in ((csv_path, csv_bytes), (xlsx_path, xlsx_bytes)):
        if path:
            path = Path(path)
            path.write_bytes(make(result))
            written.append(path)
    return written
