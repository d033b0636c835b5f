"""Issue 11, "nothing out of sight": the quarantine desk (retry, discard, both audited), the secrecy
officer's pointer to a sealed original (its opening audited), no "return" where the review began, and
a batch-confirm that says what it confirmed."""
from __future__ import annotations

import hashlib
import re

from sqlalchemy import select

from gongkai.store import repository as repo
from gongkai.store.models import AuditEvent, Decision
from tests.review.seed import add_document
from tests.web.conftest import csrf_of, login, page_csrf


def _events(store, action: str) -> list[AuditEvent]:
    with store.session() as s:
        return list(s.scalars(select(AuditEvent).where(AuditEvent.action == action)))


def _quarantine(store, data_dir, name: str, code: str, message: str) -> int:
    sha = hashlib.sha256(name.encode()).hexdigest()
    rel = f"quarantine/{sha[:12]}-abc123-{name}"
    (data_dir / "quarantine").mkdir(parents=True, exist_ok=True)
    (data_dir / rel).write_bytes(b"%PDF-1.4 cut off")
    (data_dir / f"{rel}.error.json").write_text('{"error": {"code": "%s"}}' % code, encoding="utf-8")
    with store.session() as s:
        item = repo.claim_item(s, sha, name, "run-1")
        repo.finish_item(s, item, "quarantined", error={"code": code, "message": message}, location=rel)
        return item.id


def test_the_administrator_sees_quarantined_files_and_retries_or_discards_them(store, tmp_path):
    from gongkai.web.app import create_app

    data, inbox = tmp_path / "data", tmp_path / "inbox"
    app = create_app(store, data_dir=data, inbox_dir=inbox)
    cut = _quarantine(store, data, "08_传输中断.pdf", "pdf_damaged", "PDF 文件不完整")
    junk = _quarantine(store, data, "垃圾.bin", "unsupported_format", "不支持的格式")
    admin = login(app, "admin")
    page = admin.get("/admin/quarantine").text
    assert "08_传输中断.pdf" in page and "pdf_damaged" in page and "PDF 文件不完整" in page and "垃圾.bin" in page
    assert login(app, "bangong").get("/admin/quarantine").status_code == 403
    assert login(app, "bangong").post(f"/admin/quarantine/{cut}/retry",
                                      data={"csrf": page_csrf(login(app, "bangong"))}).status_code == 403
    # retry: back into the inbox under a new name, audited, gone from the list
    assert admin.post(f"/admin/quarantine/{cut}/retry", data={"csrf": csrf_of(page)}).status_code == 303
    assert [p.name for p in inbox.iterdir()] == [f"重试{cut}_08_传输中断.pdf"]
    assert [e.after["item_id"] for e in _events(store, "quarantine.retry")] == [cut]
    # discard: a reason is required; the copy goes, the error record stays
    copy = next((data / "quarantine").glob("*垃圾.bin"))
    assert admin.post(f"/admin/quarantine/{junk}/discard", data={"csrf": csrf_of(page)}).status_code == 400
    assert copy.exists()
    assert admin.post(f"/admin/quarantine/{junk}/discard",
                      data={"csrf": csrf_of(page), "reason": "来源确认为误投"}).status_code == 303
    assert not copy.exists() and copy.with_name(copy.name + ".error.json").exists()
    assert [(e.after["item_id"], e.reason) for e in _events(store, "quarantine.discard")] == [(junk, "来源确认为误投")]
    after = admin.get("/admin/quarantine").text
    assert "08_传输中断.pdf" not in after and "垃圾.bin" not in after
    # a second retry of the same item is refused
    assert admin.post(f"/admin/quarantine/{cut}/retry", data={"csrf": csrf_of(page)}).status_code == 400


def test_the_secrecy_officer_sees_where_a_sealed_original_lies_and_the_look_is_audited(app, store):
    mark = {"level": "机密", "period": "10年", "mark": "机密★10年", "copy_no": "000123"}
    doc_id, task_id = add_document(store, sealed=True, secrecy="机密", stage="保密审查", mark=mark)
    with store.session() as s:
        item = repo.claim_item(s, "f" * 64, "02_请示_应急物资储备库.txt", "run-1")
        repo.finish_item(s, item, "sealed", document_id=doc_id, location="sealed/ffffff/02_请示.txt")
    page = login(app, "baomi").get(f"/tasks/{task_id}").text
    box = re.search(r'<div class="box" id="sealed-info">(.*?)</div>', page, re.S).group(1)
    for shown in ("机密★10年", "000123", "10年", "sealed/ffffff/02_请示.txt"):
        assert shown in box, shown
    opened = _events(store, "review.sealed_opened")
    assert [(e.actor, e.document_id, e.after["location"]) for e in opened] == [
        ("baomi", doc_id, "sealed/ffffff/02_请示.txt")]
    assert 'id="return-form"' not in page  # a sealed document goes only to the archive
    baomi = login(app, "baomi")  # the look is an event of the chain, not a change of state: deciding goes on
    assert baomi.post(f"/tasks/{task_id}/confirm", data={"version": 1, "csrf": page_csrf(baomi)}).status_code == 303


def test_the_stage_where_the_review_began_cannot_return(app, store):
    _, first = add_document(store, stage="科室")
    keshi = login(app, "keshi")
    page = keshi.get(f"/tasks/{first}").text
    assert 'id="return-form"' not in page and 'id="no-return"' in page
    response = keshi.post(f"/tasks/{first}/return", data={"version": 1, "csrf": csrf_of(page), "reason": "退回"})
    assert response.status_code == 400 and "没有可退回的上一环节" in response.text
    with store.session() as s:
        assert s.scalars(select(Decision).where(Decision.task_id == first)).all() == []
    _, office = add_document(store)  # the office may send a task back to the drafting 科室
    assert "退回至「科室」" in login(app, "bangong").get(f"/tasks/{office}").text


def test_batch_confirm_reports_what_it_confirmed_by_count_and_by_list(app, store):
    _, one = add_document(store, confidence=0.97, title="低风险甲")
    _, two = add_document(store, confidence=0.95, title="低风险乙")
    _, unsure = add_document(store, confidence=0.5, title="不确定丙")
    client = login(app, "bangong")
    response = client.post("/batch-confirm", data={"csrf": page_csrf(client),
                                                   "tasks": [f"{one}:1", f"{two}:1"]})
    assert response.status_code == 200
    assert re.search(r'id="batch-count">(\d+)<', response.text).group(1) == "2"
    listed = re.search(r'<table id="batch-confirmed">(.*?)</table>', response.text, re.S).group(1)
    assert f"#{one}" in listed and "低风险甲" in listed and f"#{two}" in listed and "低风险乙" in listed
    assert "不确定丙" not in listed
    refused = client.post("/batch-confirm", data={"csrf": page_csrf(client), "tasks": [f"{unsure}:1"]})
    assert refused.status_code == 409 and 'id="batch-count">0<' in refused.text and f"#{unsure}" in refused.text
