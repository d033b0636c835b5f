"""Issue 11, "a desk made for speed", through the web app: titles from the 公文 parse, the next document
after an action with progress, errors on the document page keeping what was typed, returned tasks
marked, risk as facts, a list of every finding."""
from __future__ import annotations

import re

from tests.review.seed import SECRET_TEXT, add_document
from tests.web.conftest import csrf_of, login, page_csrf

OFFICE = "青川市人民政府办公室"


def _notice(subject: str) -> str:
    return f"{OFFICE}\n{OFFICE}关于{subject}的通知\n各乡镇人民政府：\n现将有关事项通知如下。\n（此件主动公开）"


def test_queue_titles_come_from_the_gongwen_parse_not_the_issuing_office(app, store):
    add_document(store, text=_notice("做好政府信息公开重点工作"), title=OFFICE)  # the extractor's guess
    add_document(store, text=_notice("开展安全生产检查"), title=OFFICE)
    add_document(store, text="柳林镇2026年度临时救助对象花名册\n序号 姓名", title="")  # no 公文 title: first line
    # a web page whose heading ran into its first paragraph: the page's declared title
    add_document(store, text="东湖区开展2026年保密宣传月活动5月以来，东湖区在全区机关单位开展保密宣传月活动。",
                 title="东湖区开展2026年保密宣传月活动")
    queue = login(app, "bangong").get("/").text
    titles = re.findall(r'<td>(?:<span class="tag[^>]*>退回</span> )?([^<]*)</td>\s*<td>[^<]*/', queue)
    assert f"{OFFICE}关于做好政府信息公开重点工作的通知" in queue and f"{OFFICE}关于开展安全生产检查的通知" in queue
    assert "柳林镇2026年度临时救助对象花名册" in queue
    assert ">东湖区开展2026年保密宣传月活动<" in queue and "5月以来" not in queue
    assert f">{OFFICE}<" not in queue, titles


def test_after_an_action_the_next_document_opens_with_the_progress(app, store):
    _, first = add_document(store, title="关于甲事项的通知", confidence=0.5)
    _, second = add_document(store, title="关于乙事项的通知", confidence=0.6)
    _, third = add_document(store, title="关于丙事项的通知", confidence=0.7)
    client = login(app, "bangong")
    page = client.get(f"/tasks/{first}").text
    assert re.search(r'id="progress">第 1 / 3 件<', page)
    response = client.post(f"/tasks/{first}/confirm", data={"version": 1, "csrf": csrf_of(page)})
    assert response.status_code == 303 and response.headers["location"] == f"/tasks/{second}?msg=confirm"
    page = client.get(response.headers["location"]).text
    assert re.search(r'id="progress">第 2 / 3 件<', page) and 'id="message">已确认' in page
    client.post(f"/tasks/{second}/confirm", data={"version": 1, "csrf": csrf_of(page)})
    response = client.post(f"/tasks/{third}/confirm", data={"version": 1, "csrf": csrf_of(page)})
    assert response.headers["location"] == "/?msg=confirm"  # the queue is empty


def test_a_refused_action_shows_its_error_on_the_document_and_keeps_what_was_typed(app, store):
    _, task_id = add_document(store, disclosure="不予公开", title="关于丁事项的通知")
    client = login(app, "bangong")
    typed = "经核对属于主动公开范围<b>"
    response = client.post(f"/tasks/{task_id}/change", data={
        "version": 1, "csrf": page_csrf(client), "disclosure": "主动公开", "secrecy": "非密", "reason": typed})
    assert response.status_code == 400
    page = response.text
    assert 'id="change-form"' in page and "书面说明" in re.search(r'id="error-message"[^>]*>([^<]*)<', page).group(1)
    assert "经核对属于主动公开范围&lt;b&gt;</textarea>" in page  # kept, and escaped
    assert re.search(r"<option selected>主动公开</option>", page)
    assert "/ lowering" not in page and "needs a written" not in page  # Chinese only


def test_a_returned_task_shows_its_reason_at_the_top_and_is_marked_in_the_queue(app, store):
    doc_id, task_id = add_document(store, title="关于戊事项的通知")
    add_document(store, title="关于己事项的通知", stage="科室")
    bangong = login(app, "bangong")
    bangong.post(f"/tasks/{task_id}/return", data={"version": 1, "csrf": page_csrf(bangong),
                                                   "reason": "请补充附件二的发文依据"})
    keshi = login(app, "keshi")
    queue = keshi.get("/").text
    rows = re.findall(r'<tr data-href="/tasks/(\d+)".*?</tr>', queue, re.S)
    marked = [r for r in re.findall(r'<tr data-href="/tasks/\d+".*?</tr>', queue, re.S) if "returned-tag" in r]
    assert len(rows) == 2 and len(marked) == 1 and "请补充附件二的发文依据" in marked[0] and "关于戊事项" in marked[0]
    returned_task = re.search(r'href="/tasks/(\d+)"', marked[0]).group(1)
    page = keshi.get(f"/tasks/{returned_task}").text
    top = page[:page.index('class="desk"')]
    assert 'id="returned"' in top and "请补充附件二的发文依据" in top and "bangong" in top


def test_risk_is_shown_as_the_facts_that_make_it_up(app, store):
    add_document(store, title="关于庚事项的通知", confidence=0.4,
                 pii=[{"type": "mobile", "start": 0, "end": 2, "masked": "1*"}])
    add_document(store, text=SECRET_TEXT, secrecy="机密", disclosure="不予公开")
    queue = login(app, "bangong_hi").get("/").text
    assert "个人信息 1 处" in queue and "置信度低" in queue and "涉密信号（建议密级：机密）" in queue
    assert re.search(r"<td>\d+</td>\s*<td>[\d.]+</td>", queue) is None  # no bare risk number before confidence


def test_the_document_page_lists_every_finding_with_rule_article_and_score(app, store):
    _, task_id = add_document(store, text=SECRET_TEXT, secrecy="机密", disclosure="不予公开")
    page = login(app, "bangong_hi").get(f"/tasks/{task_id}").text
    findings = re.search(r'<ol id="findings">(.*?)</ol>', page, re.S).group(1)
    items = re.findall(r'<button type="button" class="finding"[^>]*>([^<]*)</button>', findings)
    assert items and any("GK-SM-" in i and "密级标志" in i and "分数" in i for i in items)
    assert page.index('id="text"') < page.index('id="proposal"')  # text on one side, the proposal beside it


def test_a_due_date_says_how_it_was_counted(app, store):
    from datetime import datetime, timezone

    from gongkai.store.models import Document

    doc_id, task_id = add_document(store, title="关于辛事项的通知")
    with store.session() as s:  # received 2026-11-02 23:30 in Beijing (15:30 UTC)
        s.get(Document, doc_id).created_at = datetime(2026, 11, 2, 15, 30, tzinfo=timezone.utc)
    client = login(app, "bangong")
    for page in (client.get("/").text, client.get(f"/tasks/{task_id}").text):
        assert "自 2026-11-02 收文起 20 个工作日（第二十六条）" in page
