"""Issue 11, "publication that a leader can sign": the last approver of a 主动公开 document sees the
catalogue entry and the redacted text exactly as they will be published, and a missing 发布机构 or
成文日期 must be filled in before the approval goes through."""
from __future__ import annotations

import json
import re

from sqlalchemy import select

from gongkai.store.models import AuditEvent, Decision
from tests.review.seed import add_document
from tests.web.conftest import csrf_of, login

TEXT = "关于公布2025年部门预算的通知\n联系人：张伟，电话13812345678。\n（此件主动公开）"
START = TEXT.index("138")
PHONE = [{"type": "手机号码", "start": START, "end": START + 11, "masked": "138****5678"}]


def _decisions(store, task_id) -> int:
    with store.session() as s:
        return len(s.scalars(select(Decision).where(Decision.task_id == task_id)).all())


def test_the_last_approver_sees_the_entry_and_must_fill_its_gaps(app, store, tmp_path):
    doc_id, task_id = add_document(store, text=TEXT, stage="主要领导", pii=PHONE, title="部门预算")
    zhuyao = login(app, "zhuyao")
    page = zhuyao.get(f"/tasks/{task_id}").text
    box = re.search(r'<div class="box" id="publication-preview">(.*?)</div>\s*</div>', page, re.S).group(1)
    assert "批准后将按此发布" in box and "索引号" in box and "公开时限" in box and "（缺，批准前须填写）" in box
    published_text = re.search(r'id="published-text"[^>]*>(.*?)</div>', page, re.S).group(1)
    assert "13812345678" not in published_text and "█" * 11 in published_text and "部门预算" in published_text
    assert 'name="catalogue_issuer"' in page and 'name="catalogue_date"' in page
    csrf = csrf_of(page)
    refused = zhuyao.post(f"/tasks/{task_id}/confirm", data={"version": 1, "csrf": csrf})
    assert refused.status_code == 400 and "发布机构、成文日期" in refused.text
    bad_date = zhuyao.post(f"/tasks/{task_id}/confirm", data={"version": 1, "csrf": csrf, "catalogue_issuer": "青川市财政局",
                                                              "catalogue_date": "去年"})
    assert bad_date.status_code == 400 and _decisions(store, task_id) == 0
    assert not (tmp_path / "data" / "publication").exists()
    done = zhuyao.post(f"/tasks/{task_id}/confirm", data={"version": 1, "csrf": csrf, "catalogue_issuer": "青川市财政局",
                                                          "catalogue_date": "2026年11月20日"})
    assert done.status_code == 303
    entry = json.loads(next((tmp_path / "data" / "publication").glob("*.json")).read_text(encoding="utf-8"))
    assert entry["发布机构"] == "青川市财政局" and entry["成文日期"] == "2026年11月20日"
    assert entry["公开时限"].startswith("2026-12-18 前")  # Art. 26: 20 working days from the 成文日期
    with store.session() as s:
        event = s.scalars(select(AuditEvent).where(AuditEvent.action == "review.confirm")).one()
    assert event.after["catalogue"] == {"发布机构": "青川市财政局", "成文日期": "2026年11月20日"}


def test_no_preview_and_no_catalogue_fields_before_the_last_stage(app, store):
    _, task_id = add_document(store, text=TEXT, pii=PHONE)  # at 办公室: approving does not publish
    bangong = login(app, "bangong")
    page = bangong.get(f"/tasks/{task_id}").text
    assert 'id="publication-preview"' not in page and 'name="catalogue_issuer"' not in page
    assert bangong.post(f"/tasks/{task_id}/confirm", data={"version": 1, "csrf": csrf_of(page)}).status_code == 303


def test_changing_to_proactive_at_the_last_stage_also_needs_the_gaps_filled(app, store):
    _, task_id = add_document(store, text=TEXT, disclosure="依申请公开", stage="主要领导")
    zhuyao = login(app, "zhuyao")
    page = zhuyao.get(f"/tasks/{task_id}").text
    assert "若改为主动公开并批准，将按此发布" in page
    # confirming 依申请公开 archives, it publishes nothing: the confirm form asks for no catalogue field
    confirm_form = re.search(r'<form[^>]*action="/tasks/\d+/confirm".*?</form>', page, re.S).group(0)
    assert 'name="catalogue_issuer"' not in confirm_form and 'name="catalogue_date"' not in confirm_form
    data = {"version": 1, "csrf": csrf_of(page), "disclosure": "主动公开", "secrecy": "非密", "reason": "属主动公开范围",
            "justification": "经核对属于第二十条所列信息"}
    refused = zhuyao.post(f"/tasks/{task_id}/change", data=data)
    assert refused.status_code == 400 and "发布机构" in refused.text and _decisions(store, task_id) == 0
    data.update(catalogue_issuer="青川市财政局", catalogue_date="2026-11-20")
    assert zhuyao.post(f"/tasks/{task_id}/change", data=data).status_code == 303
