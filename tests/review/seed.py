"""Builders for review tests: a migrated store with documents, proposals, first tasks and users."""
from __future__ import annotations

from datetime import date

from gongkai.review.users import Actor, add_user
from gongkai.store import repository as repo
from gongkai.store.db import Store

PASSWORD = "correct horse 42"
USERS = {  # name: (role, clearance)
    "keshi": ("department", "内部"), "bangong": ("office", "内部"), "baomi": ("secrecy_officer", "绝密"),
    "fenguan": ("leader_in_charge", "机密"), "zhuyao": ("principal_leader", "绝密"), "admin": ("admin", "绝密"),
    "bangong2": ("office", "内部"), "bangong_hi": ("office", "机密"),
}
SECRET_TEXT = "机密★10年\n关于应急物资储备库位置的通知\n储备库位于北山隧道以西三公里。"
_counter = [0]


def open_test_store(url: str) -> Store:
    """A SQLite store keeps its audit key beside the database file (as `open_store` would find it, so a
    CLI test shares it); a PostgreSQL schema gets a fixed test key."""
    if url.startswith("sqlite"):
        return Store(url)
    return Store(url, audit_key=bytes(range(32)))


def actor(name: str) -> Actor:
    role, clearance = USERS[name]
    return Actor(name, role, clearance)


def add_users(store: Store, names=None) -> None:
    with store.session() as s:
        for name in names or USERS:
            role, clearance = USERS[name]
            add_user(s, name, PASSWORD, role, clearance)


def add_document(store: Store, *, text: str | None = None,
                 disclosure: str = "主动公开", secrecy: str = "非密", confidence: float = 0.95,
                 stage: str = "办公室", pii: list | None = None, flags: list | None = None, sealed: bool = False,
                 title: str | None = None, due: date | None = date(2026, 12, 1), duplicate_of: str | None = None,
                 mark: dict | None = None) -> tuple[int, int]:
    """(document id, first task id). Without `text`, a short notice whose title line is `title`."""
    if text is None:
        text = f"{title or '关于公布2025年部门预算的通知'}\n现将预算公布如下。\n（此件主动公开）"
    from gongkai.policy import load_routing

    _counter[0] += 1
    sha = f"{_counter[0]:064x}"
    with store.session() as s:
        doc = repo.add_document(s, sha256=sha, source_name=f"doc{_counter[0]}.txt", format="txt", pages=1,
                                size=len(text), text=None if sealed else text,
                                meta={"title": title or text.splitlines()[0]}, sealed=sealed,
                                secrecy_mark=mark, duplicate_of=duplicate_of)
        prop = repo.add_proposal(s, doc, {
            "disclosure": disclosure, "secrecy": secrecy, "confidence": confidence, "route": stage,
            "reasons": [{"code": "proactive_scope", "article": "第二十条", "evidence": [
                {"text": text[:4], "start": 0, "end": 4, "rule": "GK-PS-001@1"}], "rules": [], "features": [], "note": ""}],
            "pii": pii or [], "flags": flags or []})
        task = repo.open_task(s, doc, prop, stage, load_routing().role_of(stage), due_date=due)
        repo.append_audit(s, "system:test", "intake.sealed" if sealed else "intake.processed", document_id=doc.id,
                          after={"sha256": sha, "disclosure": disclosure, "secrecy": secrecy, "route": stage,
                                 "task_id": task.id})  # what gongkai.intake records
        return doc.id, task.id


def task_version(store: Store, task_id: int) -> int:
    from gongkai.store.models import ReviewTask

    with store.session() as s:
        return s.get(ReviewTask, task_id).version
