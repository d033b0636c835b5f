"""The review UI in real headless Chromium (Debian's /usr/bin/chromium via Playwright, no browser
download): log in, the queue, confirm with the keyboard, change with a reason, the conflict case and
a clearance refusal. Screenshots go to test-artifacts/browser/ (git-ignored)."""
from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import pytest

from tests.review.seed import PASSWORD, SECRET_TEXT, add_document, add_users, open_test_store
from tests.conftest import missing_prerequisite

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "browser"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync", "--disable-quic"]

pytestmark = [pytest.mark.browser]


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    if not CHROMIUM.exists():
        missing_prerequisite("/usr/bin/chromium absent: apt-get install chromium")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def server(tmp_path, monkeypatch):
    import uvicorn
    from argon2 import PasswordHasher

    from gongkai.web.app import create_app

    monkeypatch.setattr("gongkai.review.users._HASHER", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
    store = open_test_store(f"sqlite:///{tmp_path / 'ui.db'}")
    add_users(store)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    config = uvicorn.Config(create_app(store, data_dir=tmp_path / "data"), host="127.0.0.1", port=port,
                            log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started:
        if time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    yield store, f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)
    store.dispose()


def _login(browser, base: str, name: str):
    context = browser.new_context(locale="zh-CN")
    page = context.new_page()
    page.goto(f"{base}/login")
    page.fill("input[name=name]", name)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/")
    return page


def _shot(page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_log_in_open_the_queue_and_confirm_with_the_keyboard(browser, server):
    store, base = server
    add_document(store, title="关于公布2025年部门预算的通知")
    page = _login(browser, base, "bangong")
    assert "关于公布2025年部门预算的通知" in page.inner_text("#queue")
    _shot(page, "01-queue")
    page.keyboard.press("Enter")  # the first row is selected
    page.wait_for_selector("#confirm-form")
    _shot(page, "02-document")
    page.keyboard.press("c")
    page.wait_for_selector("#message")
    assert page.inner_text("#message") == "已确认" and "没有待办任务" in page.inner_text("#queue")
    _shot(page, "03-confirmed")


def test_change_with_a_reason(browser, server):
    store, base = server
    _, task_id = add_document(store, disclosure="依申请公开")
    page = _login(browser, base, "bangong")
    page.goto(f"{base}/tasks/{task_id}")
    page.keyboard.press("x")  # jumps to the reason field
    page.keyboard.type("涉及内部人事安排，属内部事务信息")
    page.select_option("#change-disclosure", "不予公开")
    _shot(page, "04-change")
    page.click("#change")
    page.wait_for_selector("#message")
    assert page.inner_text("#message") == "已修改"
    history = page.goto(f"{base}/documents/1/history")
    assert "涉及内部人事安排" in page.inner_text("#history")
    _shot(page, "05-history")


def test_two_reviewers_on_one_task_the_second_sees_a_conflict(browser, server):
    store, base = server
    _, task_id = add_document(store)
    first, second = _login(browser, base, "bangong"), _login(browser, base, "bangong2")
    first.goto(f"{base}/tasks/{task_id}")
    second.goto(f"{base}/tasks/{task_id}")
    first.click("#confirm")
    first.wait_for_selector("#message")
    second.click("#confirm")
    second.wait_for_selector("#error-message")
    assert "冲突" in second.inner_text("#error-message") and second.get_attribute("#error-message", "data-status") == "409"
    _shot(second, "06-conflict")


def test_a_reviewer_without_clearance_sees_no_text(browser, server):
    store, base = server
    _, task_id = add_document(store, text=SECRET_TEXT, disclosure="不予公开", secrecy="机密", title="储备库通知")
    page = _login(browser, base, "bangong")
    assert "储备库" not in page.content()
    page.goto(f"{base}/tasks/{task_id}")
    assert "正文不予显示" in page.inner_text("#no-text") and "北山" not in page.content()
    assert page.query_selector("#confirm-form") is None
    _shot(page, "07-clearance-refused")


def test_one_document_through_every_stage_to_publication(browser, server, tmp_path):
    store, base = server
    doc_id, _ = add_document(store, title="关于公开2025年部门预算的通知")
    for name in ("bangong", "fenguan", "zhuyao"):
        page = _login(browser, base, name)
        page.keyboard.press("Enter")
        page.wait_for_selector("#confirm-form")
        page.keyboard.press("c")
        page.wait_for_selector("#message")
        page.context.close()
    published = sorted(p.suffix for p in (tmp_path / "data" / "publication").iterdir())
    assert published == [".html", ".json"]
    page = _login(browser, base, "admin")
    page.goto(f"{base}/documents/{doc_id}/history")
    assert page.inner_text("#history").count("review.confirm") == 3 and "publish.export" in page.inner_text("#history")
    _shot(page, "08-published-history")


def test_batch_confirm_at_the_office(browser, server):
    store, base = server
    add_document(store, confidence=0.97, title="低风险甲")
    add_document(store, confidence=0.95, title="低风险乙")
    add_document(store, confidence=0.5, title="不确定丙")
    page = _login(browser, base, "bangong")
    assert page.locator("input[name=tasks]").count() == 2
    page.click("#batch-confirm")
    page.wait_for_selector("#message")
    assert page.inner_text("#message") == "批量确认完成"
    assert "不确定丙" in page.inner_text("#queue") and "低风险甲" not in page.inner_text("#queue")
    _shot(page, "09-batch-confirmed")
