"""The review web UI through FastAPI's TestClient: every endpoint × every role, need-to-know and clearance
on every endpoint, CSRF, cookies, escaping, log-in throttling, path traversal, the conflict page."""
from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from gongkai.store.models import Decision, ReviewTask
from tests.review.seed import PASSWORD, SECRET_TEXT, USERS, add_document
from tests.web.conftest import ALL_USERS, csrf_of, login, page_csrf

OFFICE = {"bangong", "bangong2", "bangong_hi"}
ADMIN_ONLY = {"/users", "/admin/models", "/admin/rules", "/admin/logins", "/admin/quarantine"}
# Who may see a document with an open task at 办公室 (need-to-know): its stage's reviewers and the
# administrator (exempt in rules/routing.yaml); for everyone else it does not exist.
SEES_OFFICE_DOCUMENT = OFFICE | {"admin"}
SECRET_BITS = ("北山", "储备库", "机密★")


def _open_tasks(store) -> int:
    with store.session() as s:
        return len(s.scalars(select(ReviewTask).where(ReviewTask.status == "open")).all())


def test_anonymous_visitors_see_only_the_log_in_page(app, store):
    doc_id, task_id = add_document(store)
    client = TestClient(app, follow_redirects=False)
    assert client.get("/login").status_code == 200 and client.get("/healthz").status_code == 200
    for path in ("/", f"/tasks/{task_id}", f"/documents/{doc_id}", f"/documents/{doc_id}/history", "/users",
                 "/admin/models", "/admin/rules"):
        response = client.get(path)
        assert response.status_code == 303 and response.headers["location"] == "/login", path
    for path in (f"/tasks/{task_id}/confirm", f"/tasks/{task_id}/change", f"/tasks/{task_id}/return", "/batch-confirm"):
        assert client.post(path, data={"version": 1, "csrf": "x", "reason": "r"}).status_code == 401, path
    assert _open_tasks(store) == 1


@pytest.mark.parametrize("path", ["/", "/tasks/{task}", "/documents/{doc}", "/documents/{doc}/history", "/users",
                                  "/admin/models", "/admin/rules", "/admin/logins", "/admin/quarantine"])
def test_every_page_with_every_role(app, store, path):
    doc_id, task_id = add_document(store)
    url = path.format(task=task_id, doc=doc_id)
    for name in ALL_USERS:
        response = login(app, name).get(url)
        if path in ADMIN_ONLY:
            expected = 200 if USERS[name][0] == "admin" else 403
        elif "{" in path:
            expected = 200 if name in SEES_OFFICE_DOCUMENT else 404
        else:
            expected = 200
        assert response.status_code == expected, (name, url)


@pytest.mark.parametrize("action", ["confirm", "change", "return"])
def test_every_action_with_every_role(app, store, action):
    for name in ALL_USERS:
        _, task_id = add_document(store, disclosure="依申请公开")
        client = login(app, name)
        data = {"version": 1, "csrf": page_csrf(client), "disclosure": "不予公开", "secrecy": "非密",
                "reason": "测试理由"}
        response = client.post(f"/tasks/{task_id}/{action}", data=data)
        # acts: the stage's reviewers; refused: who may see it but not act; not found: everyone else
        expected = 303 if name in OFFICE else 403 if name in SEES_OFFICE_DOCUMENT else 404
        assert response.status_code == expected, (name, action, response.text[:300])
        with store.session() as s:
            decided = s.scalars(select(Decision).where(Decision.task_id == task_id)).all()
        assert len(decided) == (1 if expected == 303 else 0)


def test_batch_confirm_with_every_role(app, store):
    for name in ALL_USERS:
        _, task_id = add_document(store, confidence=0.99)
        client = login(app, name)
        response = client.post("/batch-confirm", data={"csrf": page_csrf(client), "tasks": [f"{task_id}:1"]})
        assert response.status_code == (200 if name in OFFICE else 403), name


def test_a_reviewer_cleared_for_internal_never_receives_confidential_text(app, store):
    doc_id, task_id = add_document(store, text=SECRET_TEXT, disclosure="不予公开", secrecy="机密",
                                   title="关于应急物资储备库位置的通知")
    client = login(app, "bangong")
    csrf = page_csrf(client)
    responses = [client.get(p) for p in ("/", f"/tasks/{task_id}", f"/documents/{doc_id}",
                                         f"/documents/{doc_id}/history", "/static/app.js")]
    responses += [client.post(f"/tasks/{task_id}/{a}", data={"version": 1, "csrf": csrf, "reason": "看看",
                                                              "disclosure": "不予公开", "secrecy": "机密"})
                  for a in ("confirm", "change", "return")]
    for response in responses:
        assert not any(bit in response.text for bit in SECRET_BITS), response.url
    assert [r.status_code for r in responses[1:4]] == [404, 404, 404]  # as if it did not exist
    assert f"/tasks/{task_id}" not in responses[0].text  # nor in the queue
    assert [r.status_code for r in responses[-3:]] == [404, 404, 404]
    cleared = login(app, "bangong_hi").get(f"/tasks/{task_id}").text
    assert "北山" in cleared and "储备库" in cleared


def test_sealed_documents_are_invisible_to_everyone_but_the_secrecy_officer(app, store):
    doc_id, task_id = add_document(store, sealed=True, secrecy="机密", stage="保密审查", mark={"level": "机密"},
                                   title="封存文件标题")
    for name in ALL_USERS:
        client = login(app, name)
        status = client.get(f"/tasks/{task_id}").status_code
        assert status == (200 if USERS[name][0] == "secrecy_officer" else 404), name
        shown = "封存文件标题" in client.get("/").text
        assert shown == (USERS[name][0] == "secrecy_officer"), name


def test_posts_without_the_session_csrf_token_are_refused(app, store):
    _, task_id = add_document(store)
    client, other = login(app, "bangong"), login(app, "bangong2")
    for token in ("", "forged", page_csrf(other)):
        response = client.post(f"/tasks/{task_id}/confirm", data={"version": 1, "csrf": token})
        assert response.status_code == 403
    assert _open_tasks(store) == 1
    assert client.post("/logout", data={"csrf": "forged"}).status_code == 403
    # log-in form: the token must match the log-in cookie
    fresh = TestClient(app, follow_redirects=False)
    assert fresh.post("/login", data={"name": "bangong", "password": PASSWORD, "csrf": "x"}).status_code == 403


def test_session_cookies_are_httponly_and_samesite_strict(app):
    client = TestClient(app, follow_redirects=False)
    form = client.get("/login")
    response = client.post("/login", data={"name": "bangong", "password": PASSWORD, "csrf": csrf_of(form.text)})
    cookie = response.headers["set-cookie"]
    assert "gk_session=" in cookie and "HttpOnly" in cookie and "samesite=strict" in cookie.lower()


def test_logging_out_ends_the_session(app):
    client = login(app, "bangong")
    assert client.post("/logout", data={"csrf": page_csrf(client)}).status_code == 303
    assert client.get("/").status_code == 303


def test_document_content_is_always_escaped(app, store):
    hostile = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    doc_id, task_id = add_document(store, text=f"关于{hostile}的通知\n正文", title=f"标题{hostile}")
    client = login(app, "bangong")
    for response in (client.get("/"), client.get(f"/tasks/{task_id}")):
        assert "<script>alert" not in response.text and "<img src=x" not in response.text
        assert "&lt;script&gt;" in response.text and "onerror=alert(1)&gt;" in response.text
    client.post(f"/tasks/{task_id}/return", data={"version": 1, "csrf": page_csrf(client), "reason": hostile})
    history = client.get(f"/documents/{doc_id}/history").text
    assert "<script>alert" not in history and "&lt;script&gt;" in history


def test_log_in_is_throttled_per_name_and_address(app):
    client = TestClient(app, follow_redirects=False)
    for _ in range(3):  # the free attempts
        form = client.get("/login")
        assert client.post("/login", data={"name": "bangong", "password": "wrong", "csrf": csrf_of(form.text)}).status_code == 401
    form = client.get("/login")
    response = client.post("/login", data={"name": "bangong", "password": PASSWORD, "csrf": csrf_of(form.text)})
    assert response.status_code == 429  # even the right password waits now, for this name from this address
    login(app, "keshi")  # a colleague at the same machine is not locked out


def test_no_path_traversal(app, store):
    client = login(app, "admin")
    for path in ("/static/../../../etc/passwd", "/static/..%2f..%2f..%2fetc%2fpasswd", "/documents/..%2f..%2fetc",
                 "/static/app.js/../../gongkai.db"):
        response = client.get(path)
        assert response.status_code in (303, 404, 422) and "root:" not in response.text, path


def test_two_reviewers_on_one_task_one_wins_the_other_sees_a_conflict(app, store):
    _, task_id = add_document(store)
    first, second = login(app, "bangong"), login(app, "bangong2")
    page_a, page_b = first.get(f"/tasks/{task_id}").text, second.get(f"/tasks/{task_id}").text
    version = re.search(r'name="version" value="(\d+)"', page_a).group(1)
    assert first.post(f"/tasks/{task_id}/confirm", data={"version": version, "csrf": csrf_of(page_a)}).status_code == 303
    late = second.post(f"/tasks/{task_id}/change", data={"version": version, "csrf": csrf_of(page_b),
                                                          "disclosure": "不予公开", "secrecy": "非密", "reason": "晚了"})
    assert late.status_code == 409 and "冲突" in late.text and "bangong" in late.text


def test_a_change_without_a_reason_or_a_loosening_without_justification_is_refused(app, store):
    _, task_id = add_document(store, disclosure="不予公开")
    client = login(app, "bangong")
    csrf = page_csrf(client)
    assert client.post(f"/tasks/{task_id}/change", data={"version": 1, "csrf": csrf, "disclosure": "不予公开",
                                                          "secrecy": "内部", "reason": ""}).status_code == 400
    refused = client.post(f"/tasks/{task_id}/change", data={"version": 1, "csrf": csrf, "disclosure": "主动公开",
                                                             "secrecy": "非密", "reason": "应当公开"})
    assert refused.status_code == 400 and "书面说明" in refused.text


def test_the_queue_marks_overdue_items_and_the_document_page_shows_evidence(app, store):
    from datetime import date

    add_document(store, due=date(2020, 1, 2), title="早已超期的文件")
    doc_id, task_id = add_document(store, text="机密★10年\n关于张伟（电话13812345678）的通知", disclosure="不予公开",
                                   secrecy="机密")
    queue = login(app, "bangong").get("/").text
    assert "已超期" in queue
    page = login(app, "bangong_hi").get(f"/tasks/{task_id}").text
    assert 'class="gk-secrecy_mark"' in page and "GK-SM-" in page and "分数" in page


def test_the_document_page_shows_earlier_decisions_on_near_duplicates(app, store):
    first_id, first_task = add_document(store, title="预算通知（第一稿）")
    with store.session() as s:
        from gongkai.store.models import Document
        sha = s.get(Document, first_id).sha256
    client = login(app, "bangong")
    client.post(f"/tasks/{first_task}/change", data={"version": 1, "csrf": page_csrf(client), "disclosure": "依申请公开",
                                                     "secrecy": "非密", "reason": "不在主动公开范围"})
    _, again = add_document(store, title="预算通知（第二稿）", duplicate_of=sha)
    page = client.get(f"/tasks/{again}").text
    assert 'id="near-duplicates"' in page and "预算通知（第一稿）" in page and "依申请公开/非密（bangong，修改）" in page


def test_every_route_is_covered_by_the_authorisation_tests(app):
    """A new endpoint must be added to the matrix above (or to the public list) before it can ship."""
    public = {("GET", "/login"), ("POST", "/login"), ("GET", "/healthz"), ("GET", "/static/app.js"),
              ("GET", "/static/requests.js")}
    tested = {("GET", "/"), ("GET", "/tasks/{task_id}"), ("GET", "/documents/{document_id}"),
              ("GET", "/documents/{document_id}/history"), ("GET", "/users"), ("POST", "/logout"),
              ("GET", "/admin/models"), ("GET", "/admin/rules"), ("GET", "/admin/logins"),
              ("POST", "/admin/logins/unlock"), ("GET", "/admin/quarantine"),
              ("POST", "/admin/quarantine/{item_id}/retry"), ("POST", "/admin/quarantine/{item_id}/discard"),
              ("POST", "/tasks/{task_id}/confirm"), ("POST", "/tasks/{task_id}/change"),
              ("POST", "/tasks/{task_id}/return"), ("POST", "/batch-confirm"),
              ("GET", "/documents/{document_id}/pages/{number}"),  # roles: tests/web/test_page_images.py
              ("POST", "/undo"),  # roles: tests/web/test_undo_web.py
              # roles: tests/web/test_assessment_web.py
              ("GET", "/admin/assessment"), ("GET", "/admin/assessment/chart.png"),
              ("GET", "/admin/assessment/export.csv"), ("GET", "/admin/assessment/export.xlsx"),
              # roles: tests/web/test_requests_web.py
              ("GET", "/requests"), ("POST", "/requests"), ("GET", "/requests/{number}"),
              *(("POST", f"/requests/{{number}}/{action}")
                for action in ("received", "link", "unlink", "propose", "draft", "approve", "reply"))}
    routes = {(method, route.path) for route in app.routes for method in getattr(route, "methods", set())
              if method != "HEAD"}
    assert routes == public | tested


def test_a_task_whose_deadline_cannot_be_counted_shows_a_warning_instead_of_a_date(app, store):
    from datetime import datetime, timezone

    from gongkai.store.models import Document

    doc_id, _ = add_document(store, due=None, title="年底收文")
    with store.session() as s:  # received on 2026-12-20: 20 working days reach into 2027, not yet in the calendar
        s.get(Document, doc_id).created_at = datetime(2026, 12, 20, 3, tzinfo=timezone.utc)
    queue = login(app, "bangong").get("/").text
    assert "年底收文" in queue and "无法计算期限" in queue


def test_log_ins_are_recorded_in_the_audit_trail(app, store):
    from gongkai.store.models import AuditEvent

    login(app, "bangong")
    client = TestClient(app, follow_redirects=False)
    client.post("/login", data={"name": "bangong", "password": "wrong", "csrf": csrf_of(client.get("/login").text)})
    with store.session() as s:
        events = [(e.actor, e.action) for e in s.scalars(select(AuditEvent).where(AuditEvent.action.like("web.%")))]
    assert events == [("bangong", "web.login"), ("anonymous", "web.login_failed")]
