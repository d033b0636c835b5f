"""Review actions on SQLite and PostgreSQL: the chain of stages, reasons and justifications,
authorisation, optimistic locking (two reviewers, one task) and the audit trail they leave."""
from __future__ import annotations

import threading

import pytest
from sqlalchemy import select

from gongkai.review.audit import verify
from gongkai.review.service import (ReviewConflict, ReviewError, ReviewForbidden, ReviewNotFound,
                                    ReviewService,
                                    current_labels)
from gongkai.store import repository as repo
from gongkai.store.models import AuditEvent, Decision, ReviewTask
from tests.review.seed import SECRET_TEXT, actor, add_document, add_users, task_version


@pytest.fixture
def service(store, tmp_path):
    add_users(store)
    return ReviewService(store, data_dir=tmp_path / "data")


def _open_task(store, document_id):
    with store.session() as s:
        return s.scalar(select(ReviewTask).where(ReviewTask.document_id == document_id, ReviewTask.status == "open"))


def test_a_proactive_document_walks_the_chain_to_publication(store, service, tmp_path):
    doc_id, task_id = add_document(store, pii=[{"type": "手机号码", "start": 2, "end": 4, "masked": "1**"}])
    for name, stage in (("bangong", "办公室"), ("fenguan", "分管领导"), ("zhuyao", "主要领导")):
        task = _open_task(store, doc_id)
        assert task.stage == stage
        if name == "zhuyao":  # the 公文 parse found no 发布机构 or 成文日期: the approver fills them in
            with pytest.raises(ReviewError, match="发布机构、成文日期"):
                service.confirm(actor(name), task.id, task.version)
        out = service.confirm(actor(name), task.id, task.version,
                              catalogue={"发布机构": "青川市财政局", "成文日期": "2026-11-20"})
    assert out.next_stage == "发布" and out.next_task_id is None
    assert _open_task(store, doc_id) is None
    assert [p.rsplit("/", 1)[-1].rsplit(".", 1)[-1] for p in out.published] == ["json", "html"]
    with store.session() as s:
        actions = [e.action for e in repo.audit_events(s, doc_id)]
        assert actions == ["intake.processed"] + ["review.confirm"] * 3 + ["publish.export"]
        assert verify(s).ok


def test_a_document_that_is_not_proactive_is_archived(store, service):
    doc_id, _ = add_document(store, disclosure="依申请公开")
    for name in ("bangong", "fenguan", "zhuyao"):
        task = _open_task(store, doc_id)
        out = service.confirm(actor(name), task.id, task.version)
    assert out.next_stage == "归档" and out.published == []


def test_a_secrecy_level_set_at_the_office_goes_through_secrecy_review(store, service):
    doc_id, task_id = add_document(store, disclosure="依申请公开")
    out = service.change(actor("bangong"), task_id, 1, disclosure="不予公开", secrecy="内部", reason="内部工作信息")
    assert out.next_stage == "保密审查"
    out = service.confirm(actor("baomi"), out.next_task_id, 1)
    assert out.next_stage == "分管领导"


def test_a_sealed_document_reaches_only_the_secrecy_officer_then_the_archive(store, service):
    doc_id, task_id = add_document(store, sealed=True, disclosure="不予公开", secrecy="机密", stage="保密审查",
                                   mark={"level": "机密"})
    with pytest.raises(ReviewNotFound):  # for anyone else it does not exist, even with 绝密 clearance
        service.confirm(actor("zhuyao"), task_id, 1)
    out = service.confirm(actor("baomi"), task_id, 1)
    assert out.next_stage == "归档" and out.next_task_id is None


def test_a_change_needs_a_reason_and_lowering_needs_a_written_justification(store, service):
    doc_id, task_id = add_document(store, disclosure="不予公开", secrecy="内部", stage="保密审查")
    officer = actor("baomi")
    with pytest.raises(ReviewError, match="理由"):
        service.change(officer, task_id, 1, disclosure="不予公开", secrecy="秘密", reason="  ")
    with pytest.raises(ReviewError, match="书面说明"):  # lowering 内部 → 非密
        service.change(officer, task_id, 1, disclosure="不予公开", secrecy="非密", reason="不涉密")
    with pytest.raises(ReviewError, match="书面说明"):  # loosening 不予公开 → 依申请公开 (and lowering)
        service.change(officer, task_id, 1, disclosure="依申请公开", secrecy="非密", reason="可依申请公开")
    with pytest.raises(ReviewError):  # a state secret is never 主动公开, justified or not
        service.change(officer, task_id, 1, disclosure="主动公开", secrecy="秘密", reason="x", justification="y")
    _, other = add_document(store, disclosure="不予公开", secrecy="非密", stage="保密审查")
    with pytest.raises(ReviewError, match="书面说明"):  # loosening alone
        service.change(officer, other, 1, disclosure="主动公开", secrecy="非密", reason="属于主动公开范围")
    service.change(officer, other, 1, disclosure="不予公开", secrecy="秘密", reason="提高密级无需书面说明")
    assert task_version(store, task_id) == 1  # nothing of the refused attempts was written
    out = service.change(officer, task_id, 1, disclosure="依申请公开", secrecy="非密", reason="不涉密",
                         justification="经核对保密事项范围，不属于工作秘密")
    with store.session() as s:
        assert current_labels(s, doc_id) == ("依申请公开", "非密")
        event = repo.audit_events(s, doc_id)[-1]
        assert event.before["secrecy"] == "内部" and event.after["secrecy"] == "非密"
        assert event.after["justification"].startswith("经核对") and event.actor == "baomi"
    assert out.next_stage == "分管领导"


def test_return_goes_back_to_the_previous_stage_with_a_reason(store, service):
    doc_id, task_id = add_document(store)
    out = service.confirm(actor("bangong"), task_id, 1)
    with pytest.raises(ReviewError):
        service.return_task(actor("fenguan"), out.next_task_id, 1, reason="")
    back = service.return_task(actor("fenguan"), out.next_task_id, 1, reason="请补充依据")
    assert back.next_stage == "办公室"
    first = service.return_task(actor("bangong"), back.next_task_id, 1, reason="退回起草科室")
    assert first.next_stage == "科室"  # at the first stage: back to the drafting department
    with store.session() as s:
        assert s.get(ReviewTask, out.next_task_id).status == "returned"


def test_only_the_stage_role_with_enough_clearance_may_act(store, service):
    _, task_id = add_document(store, text=SECRET_TEXT, disclosure="不予公开", secrecy="机密", stage="办公室")
    with pytest.raises(ReviewNotFound):
        service.confirm(actor("fenguan"), task_id, 1)  # not the office: no need to know it exists
    with pytest.raises(ReviewNotFound):
        service.confirm(actor("bangong"), task_id, 1)  # office, but cleared for 内部 only
    with pytest.raises(ReviewForbidden):
        service.confirm(actor("admin"), task_id, 1)  # sees every document up to 绝密, decides nothing
    service.change(actor("bangong_hi"), task_id, 1, disclosure="不予公开", secrecy="机密", reason="确认机密")


def test_a_stale_version_is_a_conflict_not_a_lost_update(store, service):
    _, task_id = add_document(store)
    service.confirm(actor("bangong"), task_id, 1)
    with pytest.raises(ReviewConflict, match="bangong"):
        service.change(actor("bangong2"), task_id, 1, disclosure="不予公开", secrecy="非密", reason="晚了一步")
    with store.session() as s:
        assert len(s.scalars(select(Decision).where(Decision.task_id == task_id)).all()) == 1


def test_two_reviewers_at_once_one_wins_the_other_gets_a_conflict(store, service):
    _, task_id = add_document(store)
    barrier, results = threading.Barrier(2), {}

    def act(name):
        barrier.wait()
        try:
            results[name] = service.confirm(actor(name), task_id, 1)
        except ReviewConflict as exc:
            results[name] = exc

    threads = [threading.Thread(target=act, args=(n,)) for n in ("bangong", "bangong2")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    conflicts = [r for r in results.values() if isinstance(r, ReviewConflict)]
    assert len(results) == 2 and len(conflicts) == 1
    with store.session() as s:
        assert len(s.scalars(select(Decision).where(Decision.task_id == task_id)).all()) == 1
        assert len(s.scalars(select(ReviewTask).where(ReviewTask.status == "open")).all()) == 1
        assert s.get(ReviewTask, task_id).version == 2
        assert verify(s).ok


def test_batch_confirm_takes_only_low_risk_high_confidence_office_tasks(store, service):
    _, easy = add_document(store, confidence=0.97)
    _, unsure = add_document(store, confidence=0.6)
    _, personal = add_document(store, confidence=0.99, pii=[{"type": "手机号码", "start": 0, "end": 2, "masked": "1*"}])
    with store.session() as s:
        assert [t.id for t in service.batch_candidates(s, actor("bangong"))] == [easy]
        assert service.batch_candidates(s, actor("fenguan")) == []
    done, refused = service.batch_confirm(actor("bangong"), [(easy, 1), (unsure, 1), (personal, 1)])
    assert [o.task_id for o in done] == [easy] and {t for t, _ in refused} == {unsure, personal}
    with store.session() as s:
        assert s.scalars(select(AuditEvent).where(AuditEvent.action == "review.confirm")).one().after["batch"] is True
