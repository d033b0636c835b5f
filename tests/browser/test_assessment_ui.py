"""/admin/assessment in headless Chromium: the administrator chooses a period with the keyboard, reads the
tables and the chart, and downloads the CSV for 定期报送."""
from __future__ import annotations

import pytest

from tests.assessment.seed import seed_month, seed_requests
from tests.browser.test_review_ui import _login, _shot, browser, server  # noqa: F401  (shared fixtures)

pytestmark = [pytest.mark.browser]


def test_the_administrator_reads_and_downloads_the_assessment(browser, server, tmp_path):  # noqa: F811
    store, base = server
    seed_month(store)
    seed_requests(store)
    page = _login(browser, base, "admin")
    page.click("text=考核统计")
    page.wait_for_selector("#period-form")
    page.fill("#period-from", "2026-11-01")
    page.fill("#period-to", "2026-11-30")
    page.focus("#period-to")
    page.keyboard.press("Enter")  # the form submits from the date field
    page.wait_for_url(f"{base}/admin/assessment?from=2026-11-01&to=2026-11-30")
    office = page.inner_text("#sections tbody tr:first-child")
    assert office.split("\t")[:5] == ["办公室", "6", "6", "4 / 5", "80.0%"]
    assert "bangong2" in page.inner_text("#reviewers") and "50.0%" in page.inner_text("#requests")
    assert page.eval_on_selector("#chart", "img => img.complete && img.naturalWidth > 0")
    _shot(page, "20-assessment")
    page.focus("#download-csv")
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    saved = tmp_path / "a.csv"
    download.value.save_as(saved)
    data = saved.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and "按审核人" in data.decode("utf-8-sig")


def test_other_roles_are_refused(browser, server):  # noqa: F811
    _store, base = server
    page = _login(browser, base, "bangong")
    assert page.query_selector("text=考核统计") is None
    response = page.goto(f"{base}/admin/assessment")
    assert response.status == 403 and "仅管理员可查看" in page.inner_text("#error-message")
