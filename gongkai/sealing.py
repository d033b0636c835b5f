"""Sealing (涉密不上网): a document with an explicit state-secret mark leaves ordinary processing.

Its file is copied into the sealed area (owner-only permissions), its text is never written to the
ordinary store or used for training, and a 保密 alert is recorded: a suspected leak must be reported
within 24 hours, so the alert carries that deadline.
"""
from __future__ import annotations

import json
import logging
import os
import shutil
from datetime import datetime, timedelta, timezone
from pathlib import Path

log = logging.getLogger(__name__)

REPORT_WITHIN = timedelta(hours=24)


def sealed_dir(data_dir: Path) -> Path:
    folder = Path(data_dir) / "sealed"
    folder.mkdir(parents=True, exist_ok=True)
    os.chmod(folder, 0o700)
    return folder


def seal(path: Path, sha256: str, marks: dict, data_dir: Path, *, move: bool = False) -> dict:
    """Put the file into the sealed area and record an alert. Idempotent per file content."""
    folder = sealed_dir(data_dir)
    target = folder / f"{sha256}{Path(path).suffix.lower()}"
    if not target.exists():
        tmp = target.with_name(target.name + ".part")
        shutil.copyfile(path, tmp)
        os.chmod(tmp, 0o600)
        tmp.replace(target)
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
    with (folder / "alerts.jsonl").open("a", encoding="utf-8") as fh:
        fh.write(json.dumps(alert, ensure_ascii=False) + "\n")
    log.warning("保密提示 / secrecy alert: %s carries %s; sealed as %s", path, alert["mark"], target)
    return alert
