"""The administrator's quarantine desk (issue 11): files the intake could not process, with their error,
and two actions, both written to the audit chain.

- retry: the quarantined copy goes back into the inbox under another name (`重试<item>_<name>`), which
  the intake treats as a new file (see gongkai.intake: a known hash + name would count as a leftover);
- discard: the quarantined copy is deleted; its `.error.json` stays, as the record of what arrived.

Which files are still waiting is derived from the journal and the audit chain: a quarantined journal
row without a later `quarantine.retry` / `quarantine.discard` event."""
from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from sqlalchemy import select
from sqlalchemy.orm import Session

from gongkai.store import repository as repo
from gongkai.store.db import Store
from gongkai.store.models import AuditEvent, IntakeItem

ACTIONS = ("quarantine.retry", "quarantine.discard")


class QuarantineError(Exception):
    """A retry or discard that cannot be done; the message says why, in Chinese."""


@dataclass
class QuarantinedFile:
    item_id: int
    source_name: str
    sha256: str
    error_code: str
    error_message: str
    location: str | None
    at: object
    has_copy: bool  # False for a link refused unread, or a copy already gone


def _handled(s: Session) -> set[int]:
    events = s.scalars(select(AuditEvent).where(AuditEvent.action.in_(ACTIONS)))
    return {int(e.after["item_id"]) for e in events if e.after and "item_id" in e.after}


def _copy_of(data_dir: Path, location: str | None) -> Path | None:
    """The quarantined copy, only inside <data_dir>/quarantine/ (the location comes from the store)."""
    if not location or PurePosixPath(location).parts[:1] != ("quarantine",) or ".." in PurePosixPath(location).parts:
        return None
    path = data_dir / location
    return path if path.is_file() else None


def waiting(s: Session, data_dir: Path | str) -> list[QuarantinedFile]:
    data_dir, handled = Path(data_dir), _handled(s)
    rows = []
    for item in s.scalars(select(IntakeItem).where(IntakeItem.outcome == "quarantined").order_by(IntakeItem.id)):
        if item.id in handled:
            continue
        error = item.error or {}
        rows.append(QuarantinedFile(item.id, item.source_name, item.sha256, str(error.get("code") or "—"),
                                    str(error.get("message") or error.get("detail") or ""), item.location,
                                    item.claimed_at, _copy_of(data_dir, item.location) is not None))
    return rows


def _item(s: Session, item_id: int) -> IntakeItem:
    item = s.get(IntakeItem, item_id)
    if item is None or item.outcome != "quarantined" or item_id in _handled(s):
        raise QuarantineError(f"隔离区中没有待处理的第 {item_id} 项（可能已被处理）")
    return item


def retry(store: Store, item_id: int, data_dir: Path | str, inbox: Path | str, *, actor: str, role: str) -> Path:
    """Put the quarantined copy back into the inbox under a new name; returns the new inbox path. The
    event is committed first: a file that reappears in the inbox must never be unexplained."""
    with store.session() as s:
        item = _item(s, item_id)
        copy = _copy_of(Path(data_dir), item.location)
        if copy is None:
            raise QuarantineError("该文件未留存副本（链接文件未经读取即被拒收，或副本已删除），无法重试；请从来源重新提交")
        target = Path(inbox) / f"重试{item.id}_{PurePosixPath(item.source_name).name}"
        repo.append_audit(s, actor, "quarantine.retry", role=role, after={
            "item_id": item.id, "source": item.source_name, "sha256": item.sha256, "inbox_name": target.name})
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(copy, target)
    return target


def discard(store: Store, item_id: int, data_dir: Path | str, *, actor: str, role: str, reason: str) -> None:
    """Delete the quarantined copy (its error record stays); a reason is required. Event first, as above."""
    reason = (reason or "").strip()
    if not reason:
        raise QuarantineError("丢弃隔离文件必须填写理由")
    with store.session() as s:
        item = _item(s, item_id)
        copy = _copy_of(Path(data_dir), item.location)
        repo.append_audit(s, actor, "quarantine.discard", role=role, reason=reason[:2000], after={
            "item_id": item.id, "source": item.source_name, "sha256": item.sha256})
    if copy is not None:
        copy.unlink(missing_ok=True)
