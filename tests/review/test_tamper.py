"""Issue 14, item 1: the state in force is verified against the keyed audit chain.

Each test tampers as an operator with write access to the database would — one UPDATE or INSERT on
decisions, tasks, users, the publication folder, or the chain itself — and checks that `audit verify`
names it and that review and publication refuse to build on it. The last tests show the limit: with
the key and the database together, only an anchor recorded elsewhere exposes a new history."""
from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import insert, select, update

from gongkai.review.audit import parse_anchor, verify
from gongkai.review.publish import PublicationRefused, export
from gongkai.review.service import ReviewError, ReviewService
from gongkai.review.users import get_actor
from gongkai.store import repository as repo
from gongkai.store.audit_key import mac
from gongkai.store.models import AuditEvent, Decision, Proposal, ReviewTask, utcnow
from gongkai.store.users import User
from tests.review.seed import SECRET_TEXT, actor, add_document, add_users

NOTICE = "XX市财政局\n关于公布2025年部门预算的通知\n现将预算公布如下。\nXX市财政局\n2025年3月1日\n（此件主动公开）"
RESTRICTED = dict(text=SECRET_TEXT, disclosure="不予公开", secrecy="机密", stage="办公室")


@pytest.fixture
def service(store, tmp_path):
    add_users(store)
    return ReviewService(store, data_dir=tmp_path / "data")


def _open(store, doc_id) -> ReviewTask:
    with store.session() as s:
        return s.scalar(select(ReviewTask).where(ReviewTask.document_id == doc_id, ReviewTask.status == "open"))


def _problems(store, **kwargs) -> list[str]:
    with store.session() as s:
        return verify(s, **kwargs).problems


def _restricted_at_the_leader(store, service) -> int:
    """A 机密 document approved by the office (机密 clearance) and the secrecy officer: now at 分管领导."""
    doc_id, task_id = add_document(store, **RESTRICTED)
    service.confirm(actor("bangong_hi"), task_id, 1)
    task = _open(store, doc_id)
    assert task.stage == "保密审查"
    service.confirm(actor("baomi"), task.id, task.version)
    assert _open(store, doc_id).stage == "分管领导" and not _problems(store)
    return doc_id


def _forge(s, key: bytes, action: str, **fields) -> AuditEvent:
    """An event appended by hand with the public hash formula, signed with `key`."""
    prev = s.scalar(select(AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1))
    event = AuditEvent(actor=fields.pop("actor", "bangong"), action=action, created_at=utcnow(), prev_hash=prev,
                       **fields)
    event.hash = repo.event_hash(prev, event)
    event.mac = mac(key, event.hash)
    s.add(event)
    s.flush()
    return event


def test_one_update_on_the_decisions_table_is_reported_and_stops_review_and_publication(store, service, tmp_path):
    doc_id = _restricted_at_the_leader(store, service)
    with store.session() as s:  # the attack of the issue: one UPDATE relabels the restricted document
        s.execute(update(Decision).where(Decision.document_id == doc_id).values(disclosure="主动公开", secrecy="非密"))
    problems = _problems(store)
    assert any(f"document {doc_id}: labels in force 主动公开/非密 differ from the chain's 不予公开/机密" in p
               for p in problems)
    assert sum(p.startswith("decision ") and "disclosure '主动公开' ≠ '不予公开'" in p for p in problems) == 2
    task = _open(store, doc_id)
    with pytest.raises(ReviewError, match="audit chain"):  # the ordinary confirms no longer carry it on
        service.confirm(actor("fenguan"), task.id, task.version)
    with pytest.raises(PublicationRefused, match="does not verify against the audit chain"):
        export(store, doc_id, tmp_path / "data")
    assert not (tmp_path / "data" / "publication").exists()


def test_a_decision_inserted_or_deleted_by_sql_is_reported(store, service):
    doc_id = _restricted_at_the_leader(store, service)
    task = _open(store, doc_id)
    with store.session() as s:
        s.execute(insert(Decision).values(task_id=task.id, document_id=doc_id, actor="fenguan", role="leader_in_charge",
                                          action="change", disclosure="主动公开", secrecy="非密", created_at=utcnow()))
    problems = _problems(store)
    assert any("no audit event records it" in p for p in problems)
    assert any(f"document {doc_id}: labels in force 主动公开/非密" in p for p in problems)
    with store.session() as s:
        s.execute(Decision.__table__.delete().where(Decision.document_id == doc_id))
    assert sum("is in the chain" in p and "missing from the table" in p for p in _problems(store)) == 2


def test_a_task_moved_past_its_stages_is_reported_and_refused(store, service):
    doc_id = _restricted_at_the_leader(store, service)
    task = _open(store, doc_id)
    with store.session() as s:  # skip 分管领导: straight to the principal leader
        s.execute(update(ReviewTask).where(ReviewTask.id == task.id).values(stage="主要领导", role="principal_leader"))
    problems = _problems(store)
    assert any(f"task {task.id}" in p and "stage '主要领导' ≠ '分管领导'" in p for p in problems)
    with pytest.raises(ReviewError, match="audit chain"):
        service.confirm(actor("zhuyao"), task.id, task.version)
    with store.session() as s:  # a task conjured by SQL
        s.execute(insert(ReviewTask).values(document_id=doc_id, stage="主要领导", role="principal_leader",
                                            status="open", version=1, created_at=utcnow(), updated_at=utcnow()))
    assert any("no audit event opened it" in p for p in _problems(store))


def test_a_closed_task_reopened_by_sql_is_reported(store, service):
    doc_id, task_id = add_document(store)
    service.confirm(actor("bangong"), task_id, 1)
    with store.session() as s:
        s.execute(update(ReviewTask).where(ReviewTask.id == task_id).values(status="open"))
    assert any(f"task {task_id}" in p and "status 'open' ≠ 'done'" in p for p in _problems(store))


def test_a_raised_role_or_clearance_is_reported_and_the_account_may_not_act(store, service):
    doc_id = _restricted_at_the_leader(store, service)
    with store.session() as s:  # the office clerk makes himself the leader in charge, cleared for 绝密
        s.execute(update(User).where(User.name == "bangong").values(role="leader_in_charge", clearance="绝密"))
        s.execute(insert(User).values(name="ghost", password_hash="x", role="admin", clearance="绝密", active=True,
                                      created_at=utcnow()))
    problems = _problems(store)
    assert any(p.startswith("user bangong differs") and "clearance '绝密' ≠ '内部'" in p for p in problems)
    assert any(p.startswith("user ghost: no audit event") for p in problems)
    with store.session() as s:
        promoted = get_actor(s, "bangong")
    task = _open(store, doc_id)  # at 分管领导: his new role's stage, and his new clearance covers it
    with pytest.raises(ReviewError, match="audit chain"):
        service.confirm(promoted, task.id, task.version)


def test_changes_made_through_the_application_are_recorded_and_verify(store, service):
    with store.session() as s:
        s.info["actor"] = "admin"
        user = s.scalar(select(User).where(User.name == "bangong"))
        user.clearance, user.active = "机密", False
    with store.session() as s:
        event = repo.audit_events(s)[-1]
        assert (event.action, event.actor) == ("users.change", "admin")
        assert (event.before["clearance"], event.after["clearance"], event.after["active"]) == ("内部", "机密", False)
    assert _problems(store) == []


def test_a_publication_file_changed_or_planted_is_reported(store, service, tmp_path):
    data = tmp_path / "data"
    doc_id, task_id = add_document(store, text=NOTICE)
    service.confirm(actor("bangong"), task_id, 1)
    for name in ("fenguan", "zhuyao"):
        task = _open(store, doc_id)
        out = service.confirm(actor(name), task.id, task.version)
    html = next(p for p in out.published if p.endswith(".html"))
    assert _problems(store, data_dir=data) == []
    with open(html, "a", encoding="utf-8") as fh:
        fh.write("<p>另附内部材料</p>")
    (data / "publication" / "2026-999999.json").write_text("{}", encoding="utf-8")
    problems = _problems(store, data_dir=data)
    assert any(html.rsplit("/", 1)[1] in p and "content differs" in p for p in problems)
    assert any("2026-999999.json: no audit event" in p for p in problems)


def test_an_export_without_an_approval_in_the_chain_is_reported(store, service, tmp_path):
    doc_id, _ = add_document(store)  # 主动公开 proposed, but nobody approved it
    export(store, doc_id, tmp_path / "data")
    assert any("without a 主动公开 approval" in p for p in _problems(store))


def test_an_event_appended_without_the_key_is_reported_and_stops_publication(store, service, tmp_path):
    doc_id = _restricted_at_the_leader(store, service)
    task = _open(store, doc_id)
    with store.session() as s:  # a forged approval: consistent rows, an event with the public formula
        s.execute(update(ReviewTask).where(ReviewTask.id == task.id).values(status="done", assignee="zhuyao",
                                                                           role="principal_leader"))
        decision = repo.add_decision(s, task, actor="zhuyao", role="principal_leader", action="change",
                                     disclosure="主动公开", secrecy="非密", reason="x")
        event = _forge(s, b"guessed key".ljust(32, b"\0"), "review.change", document_id=doc_id, actor="zhuyao",
                       role="principal_leader", reason="x",
                       before={"task_id": task.id, "stage": task.stage, "disclosure": "不予公开", "secrecy": "机密"},
                       after={"decision_id": decision.id, "stage": "发布", "task_id": None,
                              "disclosure": "主动公开", "secrecy": "非密"})
    problems = _problems(store)
    assert problems == [f"event {event.id}: HMAC does not match (forged or rewritten without the audit key, "
                        "or audit_key_file names another key)"]
    with pytest.raises(PublicationRefused, match="forged"):
        export(store, doc_id, tmp_path / "data")
    with store.session() as s:  # an event with no HMAC at all
        s.execute(update(AuditEvent).where(AuditEvent.id == event.id).values(mac=None))
    assert "no HMAC" in _problems(store)[0]


def test_a_rewritten_history_without_the_key_is_reported(store, service):
    doc_id = _restricted_at_the_leader(store, service)
    with store.session() as s:  # relabel every event of the document and recompute the whole hash chain
        prev = repo.GENESIS
        for e in s.scalars(select(AuditEvent).order_by(AuditEvent.id)):
            if e.document_id == doc_id:
                relabel = {"disclosure": "主动公开", "secrecy": "非密"}
                e.before = {**e.before, **relabel} if e.before and "disclosure" in e.before else e.before
                e.after = {**e.after, **relabel} if e.after and "disclosure" in e.after else e.after
            e.prev_hash = prev
            e.hash = prev = repo.event_hash(prev, e)
        for table in (Decision, Proposal):  # and the tables to match: the old HMACs stay, having no key
            s.execute(update(table).where(table.document_id == doc_id).values(disclosure="主动公开", secrecy="非密"))
    problems = _problems(store)
    assert problems and all("HMAC does not match" in p for p in problems)
    assert not any("previous hash" in p or "altered" in p for p in problems)  # the plain chain alone would pass


def test_with_the_key_and_the_database_only_the_anchor_exposes_appended_events(store, service):
    """The limit the README states: a holder of key and database writes valid events; the anchor
    recorded elsewhere shows how many came after it, and a rewrite before it removes it."""
    doc_id = _restricted_at_the_leader(store, service)
    with store.session() as s:
        anchor = verify(s).anchor
    task = _open(store, doc_id)
    with store.session() as s:
        s.execute(update(ReviewTask).where(ReviewTask.id == task.id).values(status="done", assignee="fenguan",
                                                                           role="leader_in_charge"))
        decision = repo.add_decision(s, task, actor="fenguan", role="leader_in_charge", action="confirm",
                                     disclosure="不予公开", secrecy="机密")
        _forge(s, store.audit_key, "review.confirm", document_id=doc_id, actor="fenguan", role="leader_in_charge",
               before={"task_id": task.id, "stage": "分管领导", "disclosure": "不予公开", "secrecy": "机密"},
               after={"decision_id": decision.id, "stage": "归档", "task_id": None,
                      "disclosure": "不予公开", "secrecy": "机密"})
    with store.session() as s:
        report = verify(s, anchor)
    assert report.ok and len(report.beyond_anchor) == 1 and report.beyond_anchor[0].actor == "fenguan"
    with store.session() as s:  # rewrite with the key from an event before the anchor: the anchor is gone
        seq, head = parse_anchor(anchor)
        events = list(s.scalars(select(AuditEvent).order_by(AuditEvent.id)))
        prev = events[seq - 3].hash
        for e in events[seq - 2:]:
            e.created_at += timedelta(seconds=1)
            e.prev_hash = prev
            e.hash = prev = repo.event_hash(prev, e)
            e.mac = mac(store.audit_key, e.hash)
    with store.session() as s:
        assert verify(s).ok  # a valid history, as far as the database can tell…
        assert any("no longer in the chain" in p for p in verify(s, anchor).problems)  # …but not the anchored one
