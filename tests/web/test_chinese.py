"""Issue 11, "everything is Chinese": reason codes, personal-data types, actions, statuses, flags, audit
events, the 404 and 422 pages (HTML, not JSON), and times to the minute in Asia/Shanghai."""
from __future__ import annotations

import re
from datetime import datetime, timezone

from gongkai.store.models import AuditEvent, Decision
from tests.review.seed import add_document
from tests.web.conftest import login, page_csrf

ENGLISH = ("personal_privacy", "proactive_scope", "on_request", "mobile", "id_card", "weak_secret_signal",
           "confirm", "change", "return", "open", "review.", "intake.", "publish.")


def test_codes_actions_statuses_and_times_are_shown_in_chinese(app, store):
    pii = [{"type": "mobile", "start": 0, "end": 2, "masked": "1*"}, {"type": "id_card", "start": 3, "end": 5,
                                                                      "masked": "5*"}]
    doc_id, task_id = add_document(store, pii=pii, flags=["weak_secret_signal"], disclosure="依申请公开")
    client = login(app, "bangong")
    client.post(f"/tasks/{task_id}/change", data={"version": 1, "csrf": page_csrf(client), "disclosure": "不予公开",
                                                  "secrecy": "非密", "reason": "个人信息较多"})
    with store.session() as s:  # a decision at a known instant: 2026-12-01 01:02:03.456789 UTC
        decision = s.query(Decision).one()
        decision.created_at = datetime(2026, 12, 1, 1, 2, 3, 456789, tzinfo=timezone.utc)
        for event in s.query(AuditEvent):
            event.created_at = datetime(2026, 12, 1, 1, 2, 3, 456789, tzinfo=timezone.utc)
    for url in (f"/documents/{doc_id}", f"/documents/{doc_id}/history"):
        html = login(app, "admin").get(url).text
        main = re.sub(r"<[^>]+>", " ", html[html.index("<main>"):])  # what a reader sees
        for word in ENGLISH:
            assert word not in main, (url, word)
        assert "2026-12-01 09:02" in main and "456789" not in main and "01:02:03" not in main, url
    page = login(app, "admin").get(f"/documents/{doc_id}").text
    assert "手机号码" in page and "身份证号" in page and "修改" in page and "模型提示可能涉密" in page


def test_missing_pages_and_malformed_requests_answer_in_html(app, store):
    client = login(app, "bangong")
    for response, status in ((client.get("/no/such/page"), 404), (client.get("/tasks/not-a-number"), 422),
                             (client.post("/tasks/1/confirm", data={"csrf": "x"}), 422)):
        assert response.status_code == status
        assert response.headers["content-type"].startswith("text/html")
        assert '{"detail"' not in response.text and re.search(r'data-status="%d"' % status, response.text)
