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
    page.wait_for_load_state()  # the shortcuts are a deferred script
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
    response = page.goto(f"{base}/tasks/{task_id}")  # above the clearance: as if it did not exist
    assert response.status == 404 and page.get_attribute("#error-message", "data-status") == "404"
    assert "北山" not in page.content() and "机密" not in page.inner_text("main")
    assert page.query_selector("#confirm-form") is None
    _shot(page, "07-clearance-refused")


def test_one_document_through_every_stage_to_publication(browser, server, tmp_path):
    store, base = server
    doc_id, _ = add_document(store, title="关于公开2025年部门预算的通知")
    for name in ("bangong", "fenguan", "zhuyao"):
        page = _login(browser, base, name)
        page.keyboard.press("Enter")
        page.wait_for_selector("#confirm-form")
        page.wait_for_load_state()  # the shortcuts are a deferred script
        if name == "zhuyao":  # the last approver: the catalogue entry first, and its gaps to fill
            assert "批准后将按此发布" in page.inner_text("#publication-preview")
            assert "（缺，批准前须填写）" in page.inner_text("#catalogue-entry")
            page.keyboard.press("c")  # refused by the browser: the required fields are empty, the first gets focus
            page.wait_for_function("document.activeElement && document.activeElement.name === 'catalogue_issuer'")
            page.keyboard.type("青川市财政局")
            page.keyboard.press("Tab")
            page.keyboard.type("2026年11月20日")
            _shot(page, "08a-publication-preview")
            page.keyboard.press("Enter")
        else:
            assert page.query_selector("#publication-preview") is None
            page.keyboard.press("c")
        page.wait_for_selector("#message")
        page.context.close()
    published = sorted(p.suffix for p in (tmp_path / "data" / "publication").iterdir())
    assert published == [".html", ".json"]
    page = _login(browser, base, "admin")
    page.goto(f"{base}/documents/{doc_id}/history")
    events = page.locator("#history td.event")
    assert [events.nth(i).inner_text() for i in range(events.count())] == ["入库", "确认", "确认", "确认", "发布"]
    _shot(page, "08-published-history")


def test_batch_confirm_at_the_office(browser, server):
    store, base = server
    add_document(store, confidence=0.97, title="低风险甲")
    add_document(store, confidence=0.95, title="低风险乙")
    add_document(store, confidence=0.5, title="不确定丙")
    add_document(store, confidence=0.93, disclosure="不予公开", title="安全检查通知",
                 text="关于做好安全检查的通知\n以上事项涉及国家秘密，请严格控制知悉范围。")
    page = _login(browser, base, "bangong")
    boxes = page.locator("input[name=tasks]")
    assert boxes.count() == 2  # not the unsure one, nor the one whose text speaks of state secrets
    assert not any(boxes.nth(i).is_checked() for i in range(2))  # never pre-ticked
    page.click("#batch-confirm")  # nothing ticked: nothing confirmed, and the page says so
    page.wait_for_selector("#batch-count")
    assert page.inner_text("#batch-count") == "0"
    page.click("#back-to-queue")
    assert "低风险甲" in page.inner_text("#queue")
    boxes = page.locator("input[name=tasks]")
    for i in range(boxes.count()):
        boxes.nth(i).check()
    page.click("#batch-confirm")
    page.wait_for_selector("#batch-count")
    assert page.inner_text("#batch-count") == "2"  # by count, and by list
    assert "低风险甲" in page.inner_text("#batch-confirmed") and "低风险乙" in page.inner_text("#batch-confirmed")
    _shot(page, "09-batch-confirmed")
    page.click("#back-to-queue")
    assert "不确定丙" in page.inner_text("#queue") and "低风险甲" not in page.inner_text("#queue")


def test_nothing_out_of_sight_sealed_original_and_quarantine(browser, server, tmp_path):
    from gongkai.store import repository as repo

    store, base = server
    mark = {"level": "机密", "period": "10年", "mark": "机密★10年", "copy_no": "000123"}
    doc_id, task_id = add_document(store, sealed=True, secrecy="机密", stage="保密审查", mark=mark)
    quarantine = tmp_path / "data" / "quarantine"
    quarantine.mkdir(parents=True)
    (quarantine / "abc-def-08_传输中断.pdf").write_bytes(b"%PDF-1.4 cut")
    with store.session() as s:
        item = repo.claim_item(s, "e" * 64, "02_请示.txt", "run-1")
        repo.finish_item(s, item, "sealed", document_id=doc_id, location="sealed/eeeeee/02_请示.txt")
        item = repo.claim_item(s, "d" * 64, "08_传输中断.pdf", "run-1")
        repo.finish_item(s, item, "quarantined", error={"code": "pdf_damaged", "message": "PDF 文件不完整"},
                         location="quarantine/abc-def-08_传输中断.pdf")
    page = _login(browser, base, "baomi")
    page.goto(f"{base}/tasks/{task_id}")
    info = page.inner_text("#sealed-info")
    assert "机密★10年" in info and "000123" in info and "sealed/eeeeee/02_请示.txt" in info
    assert page.query_selector("#return-form") is None  # sealed: to the archive only, never "return"
    _shot(page, "10-sealed-original")
    admin = _login(browser, base, "admin")
    admin.click("text=隔离区")
    assert "08_传输中断.pdf" in admin.inner_text("#quarantine") and "pdf_damaged" in admin.inner_text("#quarantine")
    _shot(admin, "11-quarantine")
    admin.click("#quarantine button:has-text('重试')")
    admin.wait_for_selector("#message")
    assert "08_传输中断.pdf" not in admin.inner_text("#quarantine")
    assert (tmp_path / "data" / "inbox" / "重试2_08_传输中断.pdf").exists()


def test_the_desk_by_keyboard_alone(browser, server):
    """Log in, open, jump through the evidence, change with Ctrl+Enter, see a refusal inline with the text
    kept, and move on to the next document with the progress, all without the mouse."""
    store, base = server
    add_document(store, text=SECRET_TEXT + "联系人：张伟，电话13812345678。", secrecy="机密", disclosure="不予公开",
                 confidence=0.5)
    add_document(store, title="关于公布2025年部门预算的通知", disclosure="不予公开", confidence=0.6)
    add_document(store, title="关于做好防汛工作的通知", confidence=0.7)
    context = browser.new_context(locale="zh-CN")
    page = context.new_page()
    page.goto(f"{base}/login")
    page.focus("input[name=name]")
    page.keyboard.type("bangong_hi")
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(f"{base}/")
    page.keyboard.press("Enter")  # the riskiest first: the 机密 notice
    page.wait_for_selector("#findings")
    page.wait_for_load_state()
    assert page.inner_text("#progress") == "第 1 / 3 件"
    page.keyboard.press("n")
    assert "第 1 / " in page.inner_text("#hit-detail") and "GK-SM-" in page.inner_text("#hit-detail")
    assert page.evaluate("document.activeElement.tagName") == "MARK"
    page.keyboard.press("n")
    assert "第 2 / " in page.inner_text("#hit-detail")
    page.keyboard.press("p")
    assert "第 1 / " in page.inner_text("#hit-detail")
    _shot(page, "12-desk-evidence")
    page.keyboard.press("c")  # confirm 不予公开 / 机密: the next document opens
    page.wait_for_selector("#message")
    page.wait_for_load_state()
    assert page.inner_text("#progress") == "第 2 / 3 件" and "部门预算" in page.inner_text("h1")
    page.keyboard.press("x")  # to the reason; loosening to 主动公开 without a justification is refused
    page.keyboard.type("属于预算公开事项")
    page.focus("#change-disclosure")
    page.keyboard.press("Home")  # 主动公开, the first option
    page.focus("#change-reason")
    page.keyboard.press("Control+Enter")
    page.wait_for_selector("#error-message")
    page.wait_for_load_state()
    assert "书面说明" in page.inner_text("#error-message")
    assert page.input_value("#change-reason") == "属于预算公开事项"  # what was typed is kept
    page.focus("#change-justification")
    page.keyboard.type("经核对属于第二十条规定的预算信息")
    page.keyboard.press("Control+Enter")
    page.wait_for_selector("#message")
    assert page.inner_text("#message") == "已修改" and page.inner_text("#progress") == "第 3 / 3 件"
    context.close()
