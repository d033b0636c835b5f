"""The 依申请公开 desk in headless Chromium, for each role that touches it: the office registers a request,
finds and links a document with the keyboard (`/`, then `l`), has the reply proposed and drafts the 答复书;
the leader in charge and the principal leader open it from their list with Enter and approve with `a`."""
from __future__ import annotations

from datetime import date

import pytest

from gongkai.store.models import Document
from tests.browser.test_review_ui import _login, _shot, browser, server  # noqa: F401  (shared fixtures)
from tests.review.seed import add_document

pytestmark = [pytest.mark.browser]


@pytest.fixture(autouse=True)
def fixed_day(monkeypatch):
    monkeypatch.setattr("gongkai.web.requests_desk.office_today", lambda zone: date(2026, 11, 25))


def _indexed(store, title: str) -> int:
    from gongkai.search import index_document

    doc_id, _task = add_document(store, title=title)
    with store.session() as s:
        index_document(s, s.get(Document, doc_id))
    return doc_id


def _approve_from_the_list(browser, base: str, name: str, number: str) -> str:  # noqa: F811
    page = _login(browser, base, name)
    page.click("text=依申请公开")
    page.wait_for_selector("#requests")
    page.wait_for_load_state()
    page.keyboard.press("Enter")  # the first row is selected
    page.wait_for_url(f"{base}/requests/{number}")
    page.wait_for_load_state()  # the shortcuts are a deferred script
    page.keyboard.press("a")
    page.wait_for_selector("#message")
    assert page.inner_text("#message") == "已审批"
    return page.inner_text("#approval-stage")


def test_office_registers_and_drafts_leaders_approve(browser, server):  # noqa: F811
    store, base = server
    document_id = _indexed(store, "关于公布2025年部门预算的通知")
    office = _login(browser, base, "bangong")
    office.click("text=依申请公开")
    office.wait_for_selector("#register-form")
    office.select_option("#applicant-type", "自然人")
    office.select_option("#channel", "当面")
    office.fill("#applicant-name", "测试申请人乙")
    office.fill("#submitted-on", "2026-11-02")
    office.focus("#content")
    office.keyboard.type("请公开本单位2025年部门预算")
    office.keyboard.press("Control+Enter")  # submits the form from the field
    office.wait_for_url(f"{base}/requests/2026-0001?msg=registered")
    office.wait_for_load_state()
    assert office.inner_text("#due-date") == "2026-11-30"
    office.keyboard.press("/")
    assert office.evaluate("document.activeElement.id") == "search-q"
    office.keyboard.type("部门预算")
    office.keyboard.press("Enter")
    office.wait_for_selector("#hits")
    office.wait_for_load_state()
    _shot(office, "30-request-search")
    office.keyboard.press("l")  # links the selected (first) hit
    office.wait_for_selector("#message")
    assert office.inner_text("#message") == "已关联文件" and f"#{document_id}" in office.inner_text("#linked")
    office.click("#propose")
    office.wait_for_selector("#proposal-result")
    assert office.inner_text("#proposal-result") == "予以公开"
    office.click("#draft")
    office.wait_for_selector("#draft-text")
    assert "测试申请人乙" in office.inner_text("#draft-text")
    assert office.inner_text("#approval-stage") == "待分管领导审核"
    _shot(office, "31-request-drafted")

    assert _approve_from_the_list(browser, base, "fenguan", "2026-0001") == "待主要领导签发"
    assert _approve_from_the_list(browser, base, "zhuyao", "2026-0001") == "已签发"

    office.reload()
    office.wait_for_selector("#reply-form")
    office.click("#reply")
    office.wait_for_selector("#message")
    assert office.inner_text("#message") == "已答复申请人"
    _shot(office, "32-request-replied")
