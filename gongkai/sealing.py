"""Sealing (涉密不上网): a document with an explicit state-secret mark leaves ordinary processing.

Its file is copied into the sealed area (owner-only permissions), its text is never written to the
ordinary store or used for training, and a 保密 alert is recorded: a suspected leak must be reported
within 24 hours, so the alert carries that deadline.
"""
from __future__ import annotations

import fcntl
import json
import logging
import os
import shutil
import socket
import threading
from datetime import datetime, timedelta, timezone
from pathlib import Path

from gongkai.extract import open_nofollow
from gongkai.filemodes import create_private, private_dir

log = logging.getLogger(__name__)

REPORT_WITHIN = timedelta(hours=24)
ALERTS = "alerts.jsonl"


def sealed_dir(data_dir: Path) -> Path:
    folder = private_dir(Path(data_dir) / "sealed")
    os.chmod(folder, 0o700)  # also an existing one: nobody but the service account may look inside
    return folder


def _copy_sealed(path: Path, target: Path) -> None:
    # A private name per writer: two workers sealing the same file never share a partial copy.
    tmp = target.with_name(f".{target.name}.t{threading.get_ident()}.{socket.gethostname()}.{os.getpid()}.part")
    with open_nofollow(path) as fin, os.fdopen(create_private(tmp, exclusive=False), "wb") as fout:
        shutil.copyfileobj(fin, fout, 1 << 20)
        fout.flush()
        os.fsync(fout.fileno())
    tmp.replace(target)


def seal(path: Path, sha256: str, marks: dict, data_dir: Path, *, move: bool = False) -> dict:
    """Put the file into the sealed area and record an alert. Idempotent per file content: sealing
    the same document again (a re-run after a kill, a second worker, another name) neither copies
    nor alerts twice, and returns the alert first recorded."""
    folder = sealed_dir(data_dir)
    target = folder / f"{sha256}{Path(path).suffix.lower()}"
    if not target.exists():
        _copy_sealed(Path(path), target)
    if move:
        Path(path).unlink(missing_ok=True)
    now = datetime.now(timezone.utc)
    alert = {
        "time": now.isoformat(timespec="seconds"),
        "report_by": (now + REPORT_WITHIN).isoformat(timespec="seconds"),
        "source": str(path),
        "sha256": sha256,
        "sealed_as": str(target),
        "mark": (marks.get("secrecy_mark") or {}).get("raw"),
        "level": (marks.get("secrecy_mark") or {}).get("level"),
        "period": (marks.get("secrecy_mark") or {}).get("period"),
        "copy_no": marks.get("copy_no"),
        "message": "发现标有国家秘密标志的文件，已封存；请保密工作负责人在24小时内核查并报告。",
    }
    recorded = _record_alert(folder / ALERTS, alert)
    if recorded is alert:
        log.warning("保密提示 / secrecy alert: %s carries %s; sealed as %s", path, alert["mark"], target)
    return recorded


def _record_alert(journal: Path, alert: dict) -> dict:
    """Append `alert` unless one for the same document is already there (then return that one).
    An exclusive lock on the file makes check-and-append one step across processes."""
    fd = os.open(journal, os.O_RDWR | os.O_CREAT | os.O_APPEND | getattr(os, "O_NOFOLLOW", 0), 0o600)
    with os.fdopen(fd, "r+", encoding="utf-8") as fh:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX)  # released when the file is closed
        fh.seek(0)
        line = "\n"
        for line in fh:
            try:
                earlier = json.loads(line)
            except json.JSONDecodeError:
                continue  # a line cut short by a crash mid-write: not an alert
            if earlier.get("sha256") == alert["sha256"]:
                return earlier
        cut = "" if line.endswith("\n") else "\n"  # end a cut line first, so that ours stays whole
        fh.write(cut + json.dumps(alert, ensure_ascii=False) + "\n")
        fh.flush()
        os.fsync(fh.fileno())
    return alert


def alerts(data_dir: Path) -> list[dict]:
    """Every recorded 保密 alert, oldest first."""
    journal = Path(data_dir) / "sealed" / ALERTS
    if not journal.is_file():
        return []
    rows = []
    for line in journal.read_text(encoding="utf-8").splitlines():
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError:
            continue
    return rows
