"""Accounts: argon2 hashes, roles, and clearance deciding who receives a document's text."""
from __future__ import annotations

import pytest

from gongkai.review.queue import document_view, queue
from gongkai.review.users import UserError, add_user, authenticate, document_level, may_read
from gongkai.store.models import Document
from gongkai.store.users import User
from tests.review.seed import PASSWORD, SECRET_TEXT, actor, add_document, add_users


def test_passwords_are_stored_as_argon2_hashes_and_checked(store):
    with store.session() as s:
        add_user(s, "王科长", "很长的口令 123", "办公室", "内部")
    with store.session() as s:
        user = s.query(User).filter_by(name="王科长").one()
        assert user.password_hash.startswith("$argon2id$") and "很长" not in user.password_hash
        assert user.role == "office"
        assert authenticate(s, "王科长", "很长的口令 123").clearance == "内部"
        assert authenticate(s, "王科长", "wrong password") is None
        assert authenticate(s, "nobody", "很长的口令 123") is None


@pytest.mark.parametrize("role, clearance, password", [("厨师", "内部", PASSWORD), ("office", "特级", PASSWORD),
                                                       ("office", "内部", "short")])
def test_bad_accounts_are_refused(store, role, clearance, password):
    with store.session() as s, pytest.raises(UserError):
        add_user(s, "x", password, role, clearance)


def test_the_document_level_is_the_highest_of_mark_proposal_and_decision(store):
    marked, _ = add_document(store, text=SECRET_TEXT, secrecy="内部", mark={"level": "机密"})
    sealed, _ = add_document(store, sealed=True, secrecy="秘密", stage="保密审查")
    with store.session() as s:
        assert document_level(s, s.get(Document, marked)) == "机密"
        assert document_level(s, s.get(Document, sealed)) == "绝密"  # sealed without a readable mark


def test_a_reviewer_cleared_for_internal_never_receives_confidential_text(store):
    add_users(store, ["bangong", "bangong_hi"])
    doc_id, task_id = add_document(store, text=SECRET_TEXT, disclosure="不予公开", secrecy="机密")
    with store.session() as s:  # above the clearance: the document does not exist for bangong
        assert document_view(s, actor("bangong"), task_id=task_id, with_spans=True) is None
        assert document_view(s, actor("bangong"), document_id=doc_id) is None
        assert queue(s, actor("bangong")) == []
        high = document_view(s, actor("bangong_hi"), task_id=task_id)
        assert high.readable and "北山" in high.text
        assert may_read(s, actor("bangong_hi"), s.get(Document, doc_id))


def test_sealed_documents_exist_only_for_the_secrecy_officer(store):
    doc_id, task_id = add_document(store, sealed=True, secrecy="机密", stage="保密审查", mark={"level": "机密"})
    with store.session() as s:
        assert document_view(s, actor("zhuyao"), task_id=task_id) is None  # 绝密 clearance, wrong role
        assert document_view(s, actor("baomi"), task_id=task_id) is not None
        assert document_view(s, actor("admin"), document_id=doc_id) is None  # not cleared: sealed


def test_the_queue_is_sorted_by_risk_then_uncertainty_then_due_date(store):
    from datetime import date

    calm_late, _ = add_document(store, confidence=0.9, due=date(2026, 12, 30))
    calm_early, _ = add_document(store, confidence=0.9, due=date(2026, 11, 30))
    unsure, _ = add_document(store, confidence=0.4, due=date(2026, 12, 30))
    personal, _ = add_document(store, confidence=0.99, pii=[{"type": "身份证号", "start": 0, "end": 2, "masked": "1*"}])
    with store.session() as s:
        rows = queue(s, actor("bangong"), today=date(2026, 12, 1))
    assert [r.document_id for r in rows] == [personal, unsure, calm_early, calm_late]
    assert [r.overdue for r in rows] == [False, False, True, False]


def test_the_users_table_comes_from_its_migration(store_url):
    from sqlalchemy import inspect

    from gongkai.store.db import Store

    store = Store(store_url)
    try:
        assert "users" in inspect(store.engine).get_table_names()  # no create_all anywhere: the migration made it
    finally:
        store.dispose()
