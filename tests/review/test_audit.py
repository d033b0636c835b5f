"""`audit verify`: intact on an untouched store, broken by an altered or deleted event."""
from __future__ import annotations

from sqlalchemy import delete, select, update

from gongkai.review.audit import verify
from gongkai.review.service import ReviewService
from gongkai.store.models import AuditEvent, Document, Proposal, ReviewTask
from tests.review.seed import actor, add_document, add_users


def _store_with_history(store, tmp_path):
    add_users(store, ["bangong", "fenguan"])
    service = ReviewService(store, data_dir=tmp_path)
    _, task_id = add_document(store)
    out = service.change(actor("bangong"), task_id, 1, disclosure="依申请公开", secrecy="非密", reason="不属主动公开范围")
    service.return_task(actor("fenguan"), out.next_task_id, 1, reason="请说明")
    add_document(store)


def test_an_untouched_chain_verifies_and_reports_its_head(store, tmp_path):
    _store_with_history(store, tmp_path)
    with store.session() as s:
        report = verify(s)
        head = s.scalars(select(AuditEvent.hash).order_by(AuditEvent.id.desc())).first()
    assert report.ok and report.events == 6 and report.head == head  # 2 accounts, 2 intakes, change, return
    with store.session() as s:
        assert verify(s, expect_head=head).ok


def test_an_altered_reason_is_detected(store, tmp_path):
    _store_with_history(store, tmp_path)
    with store.session() as s:
        s.execute(update(AuditEvent).where(AuditEvent.action == "review.change").values(reason="篡改后的理由"))
    with store.session() as s:
        report = verify(s)
    assert not report.ok and any("altered" in p for p in report.problems)


def test_a_deleted_event_is_detected(store, tmp_path):
    _store_with_history(store, tmp_path)
    with store.session() as s:
        s.execute(delete(AuditEvent).where(AuditEvent.action == "review.change"))
    with store.session() as s:
        assert not verify(s).ok


def test_deleting_the_tail_is_caught_with_a_recorded_head(store, tmp_path):
    _store_with_history(store, tmp_path)
    with store.session() as s:
        head = verify(s).head
        last = s.scalars(select(AuditEvent).order_by(AuditEvent.id.desc())).first()
        # the last transaction undone entirely (its event and the rows it recorded), so the tables still agree
        doc = last.document_id
        s.execute(delete(AuditEvent).where(AuditEvent.id == last.id))
        for table in (ReviewTask, Proposal, Document):
            s.execute(delete(table).where((table.id if table is Document else table.document_id) == doc))
    with store.session() as s:
        assert verify(s).ok  # a shorter chain is still a chain…
        assert not verify(s, expect_head=head).ok  # …but the head recorded earlier is gone
