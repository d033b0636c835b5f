"""Issue 11, "safety first", through the web app: batch-confirm never pre-ticked and never offered a
document with a secret signal; need-to-know; what reviewers write shown only to those cleared for the
document's current level; an unseeable document answers exactly like a missing one; log-in throttling
per (name, address) with an administrator's unlock."""
from __future__ import annotations

import re

from fastapi.testclient import TestClient
from sqlalchemy import select

from gongkai.store.models import AuditEvent, Decision, Document
from tests.review.seed import PASSWORD, add_document
from tests.web.conftest import ALL_USERS, csrf_of, login, page_csrf

STATEMENT = "关于做好年度安全检查的通知\n各单位按要求做好检查。\n以上事项涉及国家秘密，请严格控制知悉范围。"
CATALOGUE = "高考试卷押运车辆6月6日5时30分从市教育局保密室出发，沿途由公安护送。"
LEAK = "张伟13812345678"  # what a secrecy officer quoted in a reason


def _post(client, url, **data):
    return client.post(url, data={"csrf": page_csrf(client), **data})


def _decisions(store, task_id) -> int:
    with store.session() as s:
        return len(s.scalars(select(Decision).where(Decision.task_id == task_id)).all())


# --- batch-confirm ---------------------------------------------------------------------------------


def test_batch_confirm_is_never_pre_ticked_and_offers_nothing_with_a_secret_signal(app, store):
    _, easy = add_document(store, confidence=0.97, title="部门预算公开")
    # the case: proposed 不予公开/非密 at 0.93, the text says it concerns state secrets
    _, statement = add_document(store, text=STATEMENT, disclosure="不予公开", confidence=0.93)
    _, catalogue = add_document(store, text=CATALOGUE, disclosure="依申请公开", confidence=0.95)
    _, weak = add_document(store, confidence=0.96, flags=["weak_secret_signal"])
    client = login(app, "bangong")
    queue = client.get("/").text
    boxes = re.findall(r'<input type="checkbox"[^>]*>', queue)
    assert [re.search(r'value="(\d+):', b).group(1) for b in boxes] == [str(easy)]
    assert not any("checked" in b for b in boxes)
    response = _post(client, "/batch-confirm", tasks=[f"{t}:1" for t in (easy, statement, catalogue, weak)])
    assert response.status_code == 409  # three refused, and said so
    assert [_decisions(store, t) for t in (easy, statement, catalogue, weak)] == [1, 0, 0, 0]


# --- need-to-know ----------------------------------------------------------------------------------


def _app_with_departments(store, tmp_path, departments):
    from gongkai.policy import NeedToKnow, load_routing
    from gongkai.web.app import create_app

    routing = load_routing().model_copy(update={"need_to_know": NeedToKnow(departments=departments)})
    return create_app(store, data_dir=tmp_path / "data", routing=routing)


def test_need_to_know_own_stage_own_department_or_acted_on_not_everything_up_to_the_clearance(store, tmp_path):
    app = _app_with_departments(store, tmp_path, {"财政科": ["keshi"]})
    finance, finance_task = add_document(store, title="财政科的预算说明")
    other, other_task = add_document(store, title="人事科的名单")
    with store.session() as s:
        s.get(Document, finance).source_name = "财政科/预算说明.txt"
        s.get(Document, other).source_name = "人事科/名单.txt"
    expected = {  # who sees which document: 200, else the same 404 as a missing id
        "keshi": (200, 404),  # 科室 clerk: their own department's document only, though cleared for 内部
        "bangong": (200, 200), "bangong2": (200, 200), "bangong_hi": (200, 200),  # the office stage
        "baomi": (404, 404), "fenguan": (404, 404), "zhuyao": (404, 404),  # cleared, but not their stage
        "admin": (200, 200),  # exempt in routing.yaml: sees everything up to the clearance
    }
    for name in ALL_USERS:
        client = login(app, name)
        got = tuple(client.get(f"/documents/{d}").status_code for d in (finance, other))
        assert got == expected[name], name
        assert client.get(f"/documents/{other}/history").status_code == expected[name][1], name
        assert ("人事科的名单" in client.get("/").text) == (name in ("bangong", "bangong2", "bangong_hi", "admin"))
    # after the office confirms, the document moves to 分管领导: the one who acted still sees it, the
    # colleague who did not no longer does, and the leader now does
    bangong = login(app, "bangong")
    assert _post(bangong, f"/tasks/{other_task}/confirm", version=1).status_code == 303
    assert bangong.get(f"/documents/{other}").status_code == 200
    assert login(app, "bangong2").get(f"/documents/{other}").status_code == 404
    assert login(app, "fenguan").get(f"/documents/{other}").status_code == 200


# --- reviewer-written text -------------------------------------------------------------------------


def test_what_reviewers_wrote_is_shown_only_to_users_cleared_for_the_current_level(app, store):
    doc_id, task_id = add_document(store, title="值班安排")
    bangong = login(app, "bangong")
    assert _post(bangong, f"/tasks/{task_id}/change", version=1, disclosure="不予公开", secrecy="内部",
                 reason="含内部事项").status_code == 303
    baomi = login(app, "baomi")
    secrecy_task = re.search(r'href="/tasks/(\d+)"', baomi.get("/").text).group(1)
    assert _post(baomi, f"/tasks/{secrecy_task}/change", version=1, disclosure="不予公开", secrecy="机密",
                 reason=f"涉及{LEAK}等人员部署", justification=f"另见{LEAK}").status_code == 303
    # every role × clearance: the reasons show exactly where the document does (need-to-know + clearance)
    sees = {"baomi": True,  # acted on it, cleared for 绝密
            "fenguan": True,  # its next stage, cleared for 机密
            "admin": True,  # exempt from need-to-know, cleared for 绝密
            "bangong": False,  # acted on it, but cleared for 内部 only
            "bangong_hi": False, "bangong2": False, "keshi": False, "zhuyao": False}  # no need to know
    for name in ALL_USERS:
        client = login(app, name)
        for path in (f"/documents/{doc_id}", f"/documents/{doc_id}/history"):
            response = client.get(path)
            assert (LEAK in response.text, response.status_code) == (
                (True, 200) if sees[name] else (False, 404)), (name, path)
    # bangong acted on it, but is cleared for 内部 only: the document, its reasons and its history are gone
    urls = ("/", f"/tasks/{task_id}", f"/tasks/{secrecy_task}", f"/documents/{doc_id}",
            f"/documents/{doc_id}/history")
    for url in urls:
        response = bangong.get(url)
        assert LEAK not in response.text and "人员部署" not in response.text, url
        assert response.status_code == (200 if url == "/" else 404), url


# --- an unseeable document is a missing one ---------------------------------------------------------


def _normalised(response) -> tuple[int, str]:
    return response.status_code, re.sub(r'name="csrf" value="[^"]+"', "", response.text)


def test_an_unseeable_document_answers_exactly_like_a_missing_id(app, store):
    text = "关于困难群众名单的通知\n" + "\n".join(f"联系人{i}：1381234567{i}" for i in range(6))
    doc_id, task_id = add_document(store, text=text, disclosure="依申请公开", secrecy="机密", title="困难群众名单")
    sealed_doc, sealed_task = add_document(store, sealed=True, secrecy="机密", stage="保密审查",
                                           mark={"level": "机密"})
    missing = 999_999
    client = login(app, "bangong")  # office stage, but cleared for 内部 only
    for hidden, kind in ((doc_id, "documents"), (task_id, "tasks"), (sealed_doc, "documents"),
                         (sealed_task, "tasks")):
        assert _normalised(client.get(f"/{kind}/{hidden}")) == _normalised(client.get(f"/{kind}/{missing}"))
    assert (_normalised(client.get(f"/documents/{doc_id}/history"))
            == _normalised(client.get(f"/documents/{missing}/history")))
    everything = [client.get(p).text for p in ("/", f"/tasks/{task_id}", f"/documents/{doc_id}")]
    assert not any("GK-PII" in page or "困难群众" in page for page in everything)
    # actions: a sealed task and a task above the clearance answer like a task that does not exist
    zhuyao = login(app, "zhuyao")  # 绝密, but not the secrecy officer
    for who, task in ((zhuyao, sealed_task), (client, task_id)):
        for action in ("confirm", "change", "return"):
            data = {"version": 1, "reason": "r", "disclosure": "不予公开", "secrecy": "机密"}
            got = _normalised(_post(who, f"/tasks/{task}/{action}", **data))
            assert got == _normalised(_post(who, f"/tasks/{missing}/{action}", **data)), (task, action)
            assert got[0] == 404 and "保密审查" not in got[1]


# --- log-in throttling -----------------------------------------------------------------------------


def _try(client, name, password):
    return client.post("/login", data={"name": name, "password": password,
                                       "csrf": csrf_of(client.get("/login").text)})


def test_one_persons_typos_lock_out_only_that_name_and_an_administrator_can_unlock(app, store):
    client = TestClient(app, follow_redirects=False)
    for _ in range(3):
        assert _try(client, "bangong", "wrong").status_code == 401
    assert _try(client, "bangong", PASSWORD).status_code == 429
    assert _try(client, "keshi", PASSWORD).status_code == 303  # same machine, another reviewer: in
    admin = login(app, "admin")
    page = admin.get("/admin/logins").text
    assert "bangong" in page and "testclient" in page
    response = admin.post("/admin/logins/unlock", data={"csrf": csrf_of(page), "name": "bangong",
                                                        "address": "testclient"})
    assert response.status_code == 303
    assert _try(client, "bangong", PASSWORD).status_code == 303
    with store.session() as s:
        event = s.scalars(select(AuditEvent).where(AuditEvent.action == "admin.login_unlock")).one()
    assert event.actor == "admin" and event.after["name"] == "bangong"
    # only an administrator may unlock, and only with the session's CSRF token
    keshi = login(app, "keshi")
    assert keshi.post("/admin/logins/unlock", data={"csrf": page_csrf(keshi), "name": "x",
                                                    "address": "y"}).status_code == 403
    assert admin.post("/admin/logins/unlock", data={"csrf": "forged", "name": "x", "address": "y"}).status_code == 403
