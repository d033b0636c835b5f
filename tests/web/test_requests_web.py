"""/requests, the 依申请公开 desk: who sees it (the roles of the reply's approval chain; 404 for everyone
else, pages and actions alike), the queue order, a request from registration to reply through the web, and
search hits that never show a state secret's title or text."""
from __future__ import annotations

import re
from datetime import date

import pytest
from fastapi.testclient import TestClient

from gongkai.store.models import Document
from tests.review.seed import SECRET_TEXT, USERS, add_document
from tests.web.conftest import csrf_of, login

HANDLERS = {"bangong", "bangong2", "bangong_hi", "fenguan", "zhuyao"}  # office, leader in charge, principal
TODAY = date(2026, 11, 25)


@pytest.fixture(autouse=True)
def fixed_day(monkeypatch):
    """The desk counts days from the office's today; the tests fix it inside the known calendar."""
    monkeypatch.setattr("gongkai.web.requests_desk.office_today", lambda zone: TODAY)


def _register(client: TestClient, *, submitted: str, channel: str = "当面", received: str = "",
              name: str = "测试申请人甲", content: str = "请提供2025年部门预算公开文件") -> str:
    page = client.get("/requests").text
    response = client.post("/requests", data={
        "csrf": csrf_of(page), "applicant_type": "自然人", "applicant_name": name, "applicant_contact": "",
        "channel": channel, "content": content, "submitted_on": submitted, "received_on": received})
    assert response.status_code == 303, response.text
    return response.headers["location"].split("/requests/")[1].split("?")[0]


def _indexed(store, **kwargs) -> int:
    from gongkai.search import index_document

    doc_id, _task = add_document(store, **kwargs)
    with store.session() as s:
        index_document(s, s.get(Document, doc_id))
    return doc_id


def _form(html: str, form_id: str) -> dict:
    form = re.search(rf'<form[^>]*id="{form_id}".*?</form>', html, re.S).group(0)
    return dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', form))


def _link_form(html: str) -> dict:
    """The fields of the first search hit's 关联 form."""
    return _form(html.replace('class="link-form"', 'id="link"', 1), "link")


def test_only_the_request_roles_see_the_desk(app):
    number = _register(login(app, "bangong"), submitted="2026-11-02")
    for name in USERS:
        client = login(app, name)
        listing, page = client.get("/requests"), client.get(f"/requests/{number}")
        expected = 200 if name in HANDLERS else 404
        assert (listing.status_code, page.status_code) == (expected, expected), name
        assert ('href="/requests"' in client.get("/").text) == (name in HANDLERS), name
        if name not in HANDLERS:
            assert "测试申请人甲" not in page.text and number not in listing.text
            csrf = csrf_of(client.get("/").text)
            for action in ("received", "link", "propose", "draft", "approve", "reply"):
                response = client.post(f"/requests/{number}/{action}",
                                       data={"csrf": csrf, "version": 1, "document_id": 1})
                assert response.status_code == 404, (name, action)
    assert TestClient(app, follow_redirects=False).get(f"/requests/{number}").status_code == 303  # log in first
    assert login(app, "fenguan").get("/requests/2026-9999").status_code == 404


def test_only_the_office_registers(app):
    leader = login(app, "fenguan")
    page = leader.get("/requests").text
    assert 'id="register-form"' not in page
    response = leader.post("/requests", data={"csrf": csrf_of(page), "applicant_type": "自然人",
                                              "applicant_name": "某人", "channel": "当面", "content": "某事",
                                              "submitted_on": "2026-11-02"})
    assert response.status_code == 403
    assert 'id="register-form"' in login(app, "bangong").get("/requests").text


def test_the_queue_puts_overdue_then_nearly_due_first(app):
    office = login(app, "bangong")
    later = _register(office, submitted="2026-11-20")  # due in December
    overdue = _register(office, submitted="2026-10-20")  # due in mid November: past
    nearly = _register(office, submitted="2026-10-28")  # 20 working days: 2026-11-25, today
    waiting = _register(office, submitted="2026-11-24", channel="信函")  # not yet signed for: no period
    html = office.get("/requests").text
    order = re.findall(r'<tr data-href="/requests/([\d-]+)"', html)
    assert order == [overdue, nearly, later, waiting]
    row = re.search(rf'<tr data-href="/requests/{overdue}".*?</tr>', html, re.S).group(0)
    assert "已逾期" in row and "overdue" in row
    assert "临近到期" in re.search(rf'<tr data-href="/requests/{nearly}".*?</tr>', html, re.S).group(0)


def test_a_request_from_registration_to_reply(app, store):
    public = _indexed(store, title="关于公布2025年部门预算的通知")
    office = login(app, "bangong")
    number = _register(office, submitted="2026-11-02")
    page = office.get(f"/requests/{number}").text
    # 2 November 2026 (a Monday) + 20 working days, November having no holiday: 30 November
    assert '<strong id="due-date" class="">2026-11-30</strong>' in page
    assert "登记政府信息公开申请" in page and "确认收到申请" in page  # its events
    hits = office.get(f"/requests/{number}", params={"q": "部门预算"}).text
    assert f'data-document="{public}"' in hits and "关于公布2025年部门预算的通知" in hits and "主动公开" in hits
    linked = office.post(f"/requests/{number}/link", data=_link_form(hits))
    assert linked.status_code == 303
    page = office.get(f"/requests/{number}").text
    assert f"#{public}" in page and "关联文件" in page
    office.post(f"/requests/{number}/propose", data=_form(page, "propose-form"))
    page = office.get(f"/requests/{number}").text
    assert '<strong id="proposal-result">予以公开</strong>' in page
    assert office.post(f"/requests/{number}/draft", data=_form(page, "draft-form")).status_code == 303
    page = office.get(f"/requests/{number}").text
    assert 'id="draft-text"' in page and "测试申请人甲" in page and "待分管领导审核" in page
    assert 'id="approve-form"' not in page  # the office drafts; it does not approve its own draft
    version = app.state.requests.show(number)["version"]
    forged = office.post(f"/requests/{number}/approve", data={"csrf": csrf_of(page), "version": version})
    assert forged.status_code == 403 and "分管领导环节须由角色" in forged.text  # the service's refusal

    principal = login(app, "zhuyao")  # not yet their stage
    early = principal.get(f"/requests/{number}").text
    assert 'id="approve-form"' not in early and "待分管领导审核" in early
    refused = principal.post(f"/requests/{number}/approve", data={"csrf": csrf_of(early), "version": version})
    assert refused.status_code == 403

    leader = login(app, "fenguan")
    page = leader.get(f"/requests/{number}").text
    assert 'id="approve-form"' in page and "审核" in page and 'id="search-form"' not in page
    assert leader.post(f"/requests/{number}/approve", data=_form(page, "approve-form")).status_code == 303
    page = principal.get(f"/requests/{number}").text
    assert "待主要领导签发" in page
    assert principal.post(f"/requests/{number}/approve", data=_form(page, "approve-form")).status_code == 303
    page = office.get(f"/requests/{number}").text
    assert "已签发" in page and 'id="reply-form"' in page
    reply = office.post(f"/requests/{number}/reply", data={**_form(page, "reply-form"), "on": "2026-11-26"})
    assert reply.status_code == 303
    page = office.get(f"/requests/{number}").text
    assert "已答复" in page and "办结：2026-11-26，予以公开" in page
    assert [e for e in re.findall(r'<li class="event">[\d-]+ (\w+) ', page)][-4:] == [
        "bangong", "fenguan", "zhuyao", "bangong"]  # drafted, reviewed, signed, replied


def test_a_stale_form_is_a_conflict_not_a_lost_update(app, store):
    office = login(app, "bangong")
    number = _register(office, submitted="2026-11-02")
    page = office.get(f"/requests/{number}").text
    stale = _form(page, "propose-form")
    assert office.post(f"/requests/{number}/propose", data=stale).status_code == 303
    again = office.post(f"/requests/{number}/propose", data=stale)
    assert again.status_code == 409 and "已被他人更新" in again.text


def test_a_state_secret_hit_shows_labels_but_no_title_or_text(app, store):
    secret = _indexed(store, text=SECRET_TEXT, secrecy="机密", disclosure="不予公开")
    office = login(app, "bangong_hi")  # cleared for 机密: the desk still withholds a state secret
    number = _register(office, submitted="2026-11-02")
    html = office.get(f"/requests/{number}", params={"q": "储备库"}).text
    row = re.search(rf'<tr class="hit-row" data-document="{secret}">.*?</tr>', html, re.S).group(0)
    assert "涉密文件，标题和内容不显示" in row and "不予公开 / 机密" in row
    assert "应急物资储备库位置" not in html and "北山隧道" not in html
    office.post(f"/requests/{number}/link", data=_link_form(html))
    page = office.get(f"/requests/{number}").text
    linked = re.search(r'<section class="box" id="linked">.*?</section>', page, re.S).group(0)
    assert "涉密文件，标题和内容不显示" in linked and "应急物资储备库" not in page


def test_a_day_beyond_the_calendar_still_lists_the_request(app, monkeypatch):
    office = login(app, "bangong")
    number = _register(office, submitted="2026-11-02")
    monkeypatch.setattr("gongkai.web.requests_desk.office_today", lambda zone: date(2031, 1, 6))
    response = office.get("/requests")
    assert response.status_code == 200
    row = re.search(rf'<tr data-href="/requests/{number}".*?</tr>', response.text, re.S).group(0)
    assert "已逾期" in row and "个工作日" not in row  # the working days past cannot be counted into 2031
    assert office.get(f"/requests/{number}").status_code == 200
