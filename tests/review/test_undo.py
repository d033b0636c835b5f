"""Issue 11: a reviewer's last action can be undone until their next one — on SQLite and PostgreSQL.

An undo reopens the reviewer's task, withdraws the task the action opened and restores the labels in
force; it writes a compensating decision and a `review.undo` event, so `audit verify` stays clean, and
tampering with what it wrote is still found."""
from __future__ import annotations

import pytest
from sqlalchemy import select, update

from gongkai.review.audit import verify
from gongkai.review.service import ReviewError, ReviewForbidden, ReviewNotFound, ReviewService, current_labels
from gongkai.store.models import AuditEvent, Decision, ReviewTask
from tests.review.seed import actor, add_document, add_users


@pytest.fixture
def service(store, tmp_path):
    add_users(store)
    return ReviewService(store, data_dir=tmp_path / "data")


def _task(store, task_id) -> ReviewTask:
    with store.session() as s:
        return s.get(ReviewTask, task_id)


def _open(store, doc_id) -> ReviewTask:
    with store.session() as s:
        return s.scalar(select(ReviewTask).where(ReviewTask.document_id == doc_id, ReviewTask.status == "open"))


def _problems(store) -> list[str]:
    with store.session() as s:
        return verify(s).problems


def _labels(store, doc_id):
    with store.session() as s:
        return current_labels(s, doc_id)


def test_undo_reopens_the_task_withdraws_the_next_and_restores_the_labels(store, service):
    doc_id, task_id = add_document(store)  # proposed 主动公开 / 非密, first task at 办公室
    done = service.change(actor("bangong"), task_id, 1, disclosure="不予公开", secrecy="非密", reason="涉及内部事务")
    assert _labels(store, doc_id) == ("不予公开", "非密")
    version_after_action = _task(store, task_id).version

    undone = service.undo(actor("bangong"), done.decision_id)

    task, withdrawn = _task(store, task_id), _task(store, done.next_task_id)
    assert task.status == "open" and task.assignee is None and task.version > version_after_action
    assert withdrawn.status == "withdrawn"
    assert undone.next_task_id == task_id and _open(store, doc_id).id == task_id
    assert _labels(store, doc_id) == ("主动公开", "非密")
    with store.session() as s:  # history kept: the change stays, an undo decision and event record the rollback
        actions = list(s.scalars(select(Decision.action).where(Decision.document_id == doc_id).order_by(Decision.id)))
        event = s.scalar(select(AuditEvent).where(AuditEvent.action == "review.undo"))
    assert actions == ["change", "undo"]
    assert event.after["disclosure"] == "主动公开" and event.after["task_id"] == task_id
    assert _problems(store) == []

    # the reopened task is acted on again as usual, and the chain still verifies
    again = service.confirm(actor("bangong"), task_id, task.version)
    assert again.next_stage == "分管领导" and _labels(store, doc_id) == ("主动公开", "非密")
    assert _problems(store) == []


def test_undo_by_task_id_and_of_a_return(store, service):
    doc_id, task_id = add_document(store)
    service.confirm(actor("bangong"), task_id, 1)
    leader_task = _open(store, doc_id)
    returned = service.return_task(actor("fenguan"), leader_task.id, leader_task.version, "请补充依据")
    assert _task(store, returned.next_task_id).stage == "办公室"

    service.undo(actor("fenguan"), task_id=leader_task.id)

    assert _task(store, leader_task.id).status == "open"
    assert _task(store, returned.next_task_id).status == "withdrawn"
    assert _problems(store) == []


def test_undo_is_refused_after_the_next_action(store, service):
    doc_a, task_a = add_document(store, title="关于公布2025年部门预算的通知")
    doc_b, task_b = add_document(store, title="关于公布2025年部门决算的通知")
    first = service.confirm(actor("bangong"), task_a, 1)
    second = service.confirm(actor("bangong"), task_b, 1)

    assert service.undoable(actor("bangong"), first.decision_id) is None
    with pytest.raises(ReviewError, match="新的操作"):
        service.undo(actor("bangong"), first.decision_id)
    assert _task(store, task_a).status == "done"

    assert service.undoable(actor("bangong"), second.decision_id)["document_id"] == doc_b
    undone = service.undo(actor("bangong"), second.decision_id)
    with pytest.raises(ReviewError):  # an undo is itself the latest action: it cannot be undone again
        service.undo(actor("bangong"), undone.decision_id)
    with pytest.raises(ReviewError):  # nor can the undone action be undone twice
        service.undo(actor("bangong"), second.decision_id)
    assert _problems(store) == []


def test_undo_is_refused_for_another_reviewer(store, service):
    doc_id, task_id = add_document(store)
    done = service.confirm(actor("bangong"), task_id, 1)
    with pytest.raises(ReviewForbidden):  # the next stage sees the document, but not as its own action
        service.undo(actor("fenguan"), done.decision_id)
    with pytest.raises(ReviewNotFound):  # a colleague who may no longer see it is told nothing about it
        service.undo(actor("bangong2"), done.decision_id)
    assert service.undoable(actor("bangong2"), done.decision_id) is None
    assert service.undoable(actor("fenguan"), done.decision_id) is None
    assert _task(store, task_id).status == "done" and _task(store, done.next_task_id).status == "open"


def test_undo_is_refused_once_the_next_stage_acted(store, service):
    doc_id, task_id = add_document(store)
    done = service.confirm(actor("bangong"), task_id, 1)
    service.confirm(actor("fenguan"), done.next_task_id, 1)
    with pytest.raises(ReviewError, match="新的操作|下一环节"):
        service.undo(actor("bangong"), done.decision_id)
    assert _task(store, task_id).status == "done"


def test_undo_is_refused_once_the_next_task_was_touched(store, service):
    """Even with no decision on it, a next task changed since it opened (its version moved) is the next
    stage's: the undo must not pull it away."""
    doc_id, task_id = add_document(store)
    done = service.confirm(actor("bangong"), task_id, 1)
    with store.session() as s:
        s.execute(update(ReviewTask).where(ReviewTask.id == done.next_task_id).values(version=2))
    with pytest.raises(ReviewError, match="下一环节"):
        service.undo(actor("bangong"), done.decision_id)


def test_an_action_that_published_cannot_be_undone(store, service):
    doc_id, task_id = add_document(store)
    service.confirm(actor("bangong"), task_id, 1)
    service.confirm(actor("fenguan"), _open(store, doc_id).id, 1)
    last = service.confirm(actor("zhuyao"), _open(store, doc_id).id, 1,
                           catalogue={"发布机构": "青川市财政局", "成文日期": "2026-11-20"})
    assert last.next_stage == "发布"
    with pytest.raises(ReviewError, match="发布"):
        service.undo(actor("zhuyao"), last.decision_id)
    assert _problems(store) == []


def test_tampering_with_what_an_undo_wrote_is_still_found(store, service):
    doc_id, task_id = add_document(store)
    done = service.change(actor("bangong"), task_id, 1, disclosure="不予公开", secrecy="非密", reason="涉及内部事务")
    undone = service.undo(actor("bangong"), done.decision_id)
    assert _problems(store) == []

    with store.session() as s:  # an operator rewrites the restored labels …
        s.execute(update(Decision).where(Decision.id == undone.decision_id).values(disclosure="依申请公开"))
    assert any(f"decision {undone.decision_id}" in p for p in _problems(store))
    with store.session() as s:
        s.execute(update(Decision).where(Decision.id == undone.decision_id).values(disclosure="主动公开"))
        # … or revives the withdrawn task so that the next stage would see it
        s.execute(update(ReviewTask).where(ReviewTask.id == done.next_task_id).values(status="open"))
    assert any(f"task {done.next_task_id}" in p for p in _problems(store))
