"""/admin/assessment: administrators only (the refusal of the other administrator pages for every other
role), the hand-counted figures of tests/assessment/seed.py, the chart and the 定期报送 downloads."""
from __future__ import annotations

import csv
import io
import re
from datetime import date

from fastapi.testclient import TestClient
from openpyxl import load_workbook

from tests.assessment.seed import seed_month, seed_requests
from tests.review.seed import USERS
from tests.web.conftest import login

NOVEMBER = "from=2026-11-01&to=2026-11-30"
PAGES = ["/admin/assessment", "/admin/assessment/chart.png", "/admin/assessment/export.csv",
         "/admin/assessment/export.xlsx"]


def test_only_the_administrator_sees_the_assessment(app, store):
    seed_month(store)
    for name, (role, _clearance) in USERS.items():
        client = login(app, name)
        for path in PAGES:
            response = client.get(f"{path}?{NOVEMBER}")
            assert response.status_code == (200 if role == "admin" else 403), (name, path)
            if role != "admin":
                assert "处理文件数" not in response.text and "仅管理员可查看" in response.text
    anonymous = TestClient(app, follow_redirects=False)
    for path in PAGES:
        response = anonymous.get(path)
        assert response.status_code == 303 and response.headers["location"] == "/login"


def test_the_admin_header_links_to_the_assessment(app):
    assert 'href="/admin/assessment"' in login(app, "admin").get("/").text
    assert 'href="/admin/assessment"' not in login(app, "bangong").get("/").text


def _row(html: str, table: str, first_cell: str) -> list[str]:
    body = re.search(rf'<table id="{table}">.*?</table>', html, re.S).group(0)
    row = re.search(rf"<tr[^>]*><t[dh]>{re.escape(first_cell)}</t[dh]>(.*?)</tr>", body, re.S).group(1)
    return [re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<td[^>]*>.*?</td>", row, re.S)]


def test_the_page_shows_the_hand_counted_month(app, store):
    seed_month(store)
    seed_requests(store)
    html = login(app, "admin").get(f"/admin/assessment?{NOVEMBER}").text
    assert "2026-11-01 至 2026-11-30" in html
    assert _row(html, "sections", "办公室") == ["6", "6", "4 / 5", "80.0%", "1 / 5", "20.0%", "1", "16.7%"]
    assert _row(html, "sections", "分管领导")[2:4] == ["0 / 2", "0.0%"]
    assert re.search(r'<td class="worse"[^>]*>0\.0%</td>', html)  # below the 90% target
    assert _row(html, "sections", "合计")[:2] == ["6", "8"]
    assert _row(html, "reviewers", "bangong2")[0] == "办公室" and _row(html, "reviewers", "bangong2")[6] == "—"
    assert _row(html, "requests", "bangong") == ["2", "1 / 2", "50.0%"]
    assert f'href="/admin/assessment/export.csv?{NOVEMBER}"' in html.replace("&amp;", "&")
    assert f'src="/admin/assessment/chart.png?{NOVEMBER}"' in html.replace("&amp;", "&")


def test_downloads_and_chart(app, store):
    seed_month(store)
    seed_requests(store)
    client = login(app, "admin")
    data = client.get(f"/admin/assessment/export.csv?{NOVEMBER}")
    assert data.headers["content-type"].startswith("text/csv")
    assert 'filename="assessment-2026-11-01-2026-11-30.csv"' in data.headers["content-disposition"]
    assert data.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.content.decode("utf-8-sig"))))
    assert ["办公室", "6", "6", "5", "4", "80.0%", "5", "1", "20.0%", "1", "16.7%"] in rows
    book = load_workbook(io.BytesIO(client.get(f"/admin/assessment/export.xlsx?{NOVEMBER}").content))
    assert book.sheetnames == ["按审核环节", "按审核人", "依申请公开（按承办人）"]
    chart = client.get(f"/admin/assessment/chart.png?{NOVEMBER}")
    assert chart.headers["content-type"] == "image/png" and chart.content.startswith(b"\x89PNG")


def test_the_period_defaults_to_this_month_and_bad_periods_are_refused(app):
    client = login(app, "admin")
    html = client.get("/admin/assessment").text
    from gongkai.web.assessment_page import today

    now = today("Asia/Shanghai")
    assert f'value="{now.replace(day=1).isoformat()}"' in html and f'value="{now.isoformat()}"' in html
    assert client.get("/admin/assessment?from=2026-13-01&to=2026-11-30").status_code == 422
    reversed_period = client.get("/admin/assessment?from=2026-11-30&to=2026-11-01")
    assert reversed_period.status_code == 422 and "早于" in reversed_period.text
    assert client.get("/admin/assessment/export.csv?from=x").status_code == 422


def test_quick_periods():
    from gongkai.web.assessment_page import quick_periods

    got = {label: (start, end) for label, start, end in quick_periods(date(2026, 5, 14))}
    assert got == {"本月": (date(2026, 5, 1), date(2026, 5, 14)), "上月": (date(2026, 4, 1), date(2026, 4, 30)),
                   "本季度": (date(2026, 4, 1), date(2026, 5, 14)), "本年": (date(2026, 1, 1), date(2026, 5, 14))}
