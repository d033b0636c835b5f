"""Issue 11: after an action the next document opens with 「撤销上一步」, a CSRF-protected POST form that
reopens the task, and that disappears after the next action."""
from __future__ import annotations

import re

from fastapi.testclient import TestClient
from sqlalchemy import select

from gongkai.policy import load_routing
from gongkai.review.access import may_see
from gongkai.review.audit import verify
from gongkai.review.users import get_actor
from gongkai.store.models import Decision, Document, ReviewTask
from tests.review.seed import add_document
from tests.web.conftest import ALL_USERS, csrf_of, login, page_csrf


def _undo_offer(page: str) -> str | None:
    """The decision id the page's undo form would take back, or None when it offers none."""
    form = re.search(r'<form method="post" action="/undo" id="undo-form".*?</form>', page, re.S)
    return re.search(r'name="decision_id" value="(\d+)"', form.group(0)).group(1) if form else None


def _status(store, task_id) -> str:
    with store.session() as s:
        return s.scalar(select(ReviewTask.status).where(ReviewTask.id == task_id))


def test_undo_is_offered_after_an_action_and_reopens_the_task(app, store):
    first_doc, first = add_document(store, title="关于甲事项的通知", confidence=0.5)
    _, second = add_document(store, title="关于乙事项的通知", confidence=0.6)
    client = login(app, "bangong")
    page = client.get(f"/tasks/{first}").text
    assert _undo_offer(page) is None  # nothing done yet in this session

    client.post(f"/tasks/{first}/confirm", data={"version": 1, "csrf": csrf_of(page)})
    page = client.get(f"/tasks/{second}").text
    offered = _undo_offer(page)
    assert offered is not None and f"撤销上一步（文件 #{first_doc}" in page and "<kbd>u</kbd>" in page

    refused = client.post("/undo", data={"decision_id": offered, "csrf": "forged"})
    assert refused.status_code == 403 and _status(store, first) == "done"

    response = client.post("/undo", data={"decision_id": offered, "csrf": csrf_of(page)})
    assert response.status_code == 303 and response.headers["location"] == f"/tasks/{first}?msg=undo"
    assert _status(store, first) == "open"
    page = client.get(response.headers["location"]).text
    assert 'id="message">已撤销上一步' in page and _undo_offer(page) is None

    # act again twice: the offer follows the latest action, the earlier one disappears and is refused
    version = re.search(r'name="version" value="(\d+)"', page).group(1)
    client.post(f"/tasks/{first}/confirm", data={"version": version, "csrf": csrf_of(page)})
    page = client.get(f"/tasks/{second}").text
    earlier = _undo_offer(page)
    client.post(f"/tasks/{second}/confirm", data={"version": 1, "csrf": csrf_of(page)})
    queue = client.get("/").text
    assert _undo_offer(queue) not in (None, earlier)
    late = client.post("/undo", data={"decision_id": earlier, "csrf": csrf_of(queue)})
    assert late.status_code == 400 and _status(store, first) == "done"
    with store.session() as s:
        assert verify(s).problems == []


def test_undo_with_every_role(app, store):
    """Only the reviewer who acted may undo: others get 403 if they may see the document, else the same
    404 as for a missing one; an anonymous visitor gets 401. Nothing changes until the actor undoes."""
    doc_id, task_id = add_document(store, title="关于丙事项的通知")
    client = login(app, "bangong")
    client.post(f"/tasks/{task_id}/confirm", data={"version": 1, "csrf": page_csrf(client)})
    with store.session() as s:
        decision_id = s.scalar(select(Decision.id).where(Decision.task_id == task_id))
    anonymous = TestClient(app, follow_redirects=False)
    assert anonymous.post("/undo", data={"decision_id": decision_id, "csrf": "x"}).status_code == 401
    statuses = {}
    for name in ALL_USERS:
        if name != "bangong":
            other = login(app, name)
            response = other.post("/undo", data={"decision_id": decision_id, "csrf": page_csrf(other)})
            statuses[name] = response.status_code
            with store.session() as s:
                sees = may_see(s, get_actor(s, name), s.get(Document, doc_id), load_routing())
            assert statuses[name] == (403 if sees else 404), name
            assert _status(store, task_id) == "done"
    assert statuses["fenguan"] == 403 and statuses["bangong2"] == 404  # the next stage sees it; a colleague not
    assert client.post("/undo", data={"decision_id": decision_id, "csrf": page_csrf(client)}).status_code == 303
    assert _status(store, task_id) == "open"
