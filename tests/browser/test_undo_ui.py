"""Issue 11 in headless Chromium, keyboard only: confirm with `c`, the next document opens offering
「撤销上一步」, `u` takes the action back and reopens the task, and the offer is gone."""
from __future__ import annotations

import pytest

from tests.browser.test_review_ui import _login, browser, server  # noqa: F401  (shared fixtures)
from tests.review.seed import add_document

pytestmark = [pytest.mark.browser]


def test_undo_the_last_action_with_the_keyboard(browser, server):  # noqa: F811
    store, base = server
    _, first = add_document(store, title="关于甲事项的通知", confidence=0.5)
    add_document(store, title="关于乙事项的通知", confidence=0.6)
    page = _login(browser, base, "bangong")
    page.keyboard.press("Enter")  # the least confident first
    page.wait_for_url(f"{base}/tasks/{first}")
    page.wait_for_load_state()
    page.keyboard.press("c")
    page.wait_for_url("**msg=confirm")
    page.wait_for_load_state()
    assert "撤销上一步" in page.inner_text("#undo-form")
    page.keyboard.press("u")
    page.wait_for_url(f"{base}/tasks/{first}?msg=undo")
    assert page.inner_text("#message") == "已撤销上一步"
    assert page.query_selector("#undo-form") is None and page.query_selector("#confirm-form") is not None
