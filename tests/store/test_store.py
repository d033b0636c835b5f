"""The store on SQLite and PostgreSQL: migrations, one-transaction writes, uniqueness, optimistic
locking, and the hash-chained audit trail."""
from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlalchemy import inspect, text, update
from sqlalchemy.exc import IntegrityError

from gongkai.settings import Settings
from gongkai.store import repository as repo
from gongkai.store.db import Store, database_url
from gongkai.store.models import AuditEvent, Base, ReviewTask

SHA = "ab" + "0" * 62


def _write_document(s, sha=SHA, text_="正文"):
    doc = repo.add_document(s, sha256=sha, source_name="a.txt", format="txt", pages=1, size=6, text=text_, meta={})
    prop = repo.add_proposal(s, doc, {"disclosure": "依申请公开", "secrecy": "非密", "confidence": 0.4,
                                      "route": "办公室", "reasons": [{"code": "on_request"}], "pii": [], "flags": []})
    task = repo.open_task(s, doc, prop, "办公室", "office")
    repo.append_audit(s, "system:test", "intake.processed", document_id=doc.id, after={"sha256": sha})
    return doc, prop, task


def test_migrations_create_every_table_and_reopening_is_a_no_op(store_url):
    first = Store(store_url)
    tables = set(inspect(first.engine).get_table_names())
    assert set(Base.metadata.tables) <= tables and "alembic_version" in tables
    with first.engine.connect() as conn:
        head = conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
    first.dispose()
    again = Store(store_url)  # upgrade head on a migrated database must change nothing
    with again.engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all() == [head]
    again.dispose()


def test_document_proposal_task_and_event_are_written_together(store):
    with store.session() as s:
        _write_document(s)
    with store.session() as s:
        doc = repo.document_by_sha(s, SHA)
        assert doc.text == "正文" and doc.proposals[0].route == "办公室"
        assert doc.tasks[0].status == "open" and doc.tasks[0].role == "office"
        assert [e.action for e in repo.audit_events(s, doc.id)] == ["intake.processed"]


def test_a_failed_transaction_leaves_nothing_behind(store):
    with pytest.raises(RuntimeError), store.session() as s:
        _write_document(s)
        raise RuntimeError("crash before commit")
    with store.session() as s:
        counts = repo.counts(s)
    assert counts["documents"] == counts["proposals"] == counts["review_tasks"] == counts["audit_events"] == 0


def test_one_document_per_content_hash(store):
    with store.session() as s:
        _write_document(s)
    with pytest.raises(IntegrityError), store.session() as s:
        repo.add_document(s, sha256=SHA, source_name="copy.txt", meta={})


def test_journal_is_unique_per_hash_and_name(store):
    with store.session() as s:
        repo.claim_item(s, SHA, "a.txt", "run1")
    with store.session() as s:
        item = repo.claim_item(s, SHA, "a.txt", "run2")  # a re-run after a crash claims the same row again
        assert item.attempts == 2
        repo.claim_item(s, SHA, "b.txt", "run2")
    with store.session() as s:
        assert len(repo.all_items(s)) == 2 and len(repo.unfinished_items(s)) == 2


def test_concurrent_task_updates_lose_no_update(store):
    with store.session() as s:
        _, _, task = _write_document(s)
    with store.session() as s:  # two reviewers open the same task
        seen_by_a = seen_by_b = s.get(ReviewTask, task.id).version
    with store.session() as s:
        assert repo.transition_task(s, task.id, seen_by_a, status="done")
    with store.session() as s:
        assert not repo.transition_task(s, task.id, seen_by_b, status="returned")
    with store.session() as s:
        row = s.get(ReviewTask, task.id)
        assert (row.status, row.version) == ("done", seen_by_a + 1)


def test_audit_chain_verifies_and_detects_tampering_and_deletion(store):
    with store.session() as s:
        doc, _, _ = _write_document(s)
        for n in range(3):
            repo.append_audit(s, "张三", "review.confirm", document_id=doc.id, role="office", after={"n": n})
    with store.session() as s:
        assert repo.verify_audit_chain(s) == []
        ids = [e.id for e in repo.audit_events(s)]
    with store.session() as s:  # someone edits a decision afterwards
        s.execute(update(AuditEvent).where(AuditEvent.id == ids[2]).values(actor="李四"))
    with store.session() as s:
        assert any(f"event {ids[2]}" in p and "altered" in p for p in repo.verify_audit_chain(s))
    with store.session() as s:
        s.execute(update(AuditEvent).where(AuditEvent.id == ids[2]).values(actor="张三"))
    with store.session() as s:
        assert repo.verify_audit_chain(s) == []
        s.delete(s.get(AuditEvent, ids[1]))
    with store.session() as s:
        assert any(f"event {ids[2]}" in p and "deleted" in p for p in repo.verify_audit_chain(s))


def test_concurrent_audit_appends_keep_one_chain(store):
    errors: list[BaseException] = []

    def append(worker: int) -> None:
        try:
            for n in range(5):
                with store.session() as s:
                    repo.append_audit(s, f"worker{worker}", "test.append", after={"n": n})
        except BaseException as exc:  # reported below, a thread cannot fail the test itself
            errors.append(exc)

    threads = [threading.Thread(target=append, args=(w,)) for w in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with store.session() as s:
        assert len(repo.audit_events(s)) == 20
        assert repo.verify_audit_chain(s) == []


def test_database_url_defaults_to_sqlite_in_data_dir_and_follows_the_environment(tmp_path: Path):
    url = database_url(Settings({"data_dir": str(tmp_path / "var")}, environ={}))
    assert url == f"sqlite:///{(tmp_path / 'var' / 'gongkai.db').resolve()}"
    pg = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
    assert database_url(Settings(environ={"GONGKAI_DATABASE_URL": pg})) == pg
