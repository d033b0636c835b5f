"""kill -9 in the middle of an intake run, then run again: every inbox file ends exactly once as
processed, sealed or quarantined; no duplicates; archive, quarantine and database agree."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from gongkai.extract import file_sha256
from gongkai.intake import KILL_HOOK, Intake, check_consistency
from gongkai.settings import Settings
from gongkai.store import repository as repo
from gongkai.store.db import Store
from tests.intake.inbox_builders import SECRET, notice, pdf_bytes

REPO = Path(__file__).resolve().parents[2]
RUNNER = """
import sys
from gongkai.intake import Intake
from gongkai.proposer import Proposer as Reviewer
from gongkai.settings import Settings
settings = Settings({"data_dir": sys.argv[1]}, environ={})
Intake(settings, reviewer=Reviewer(settings, model=None)).run(sys.argv[2], batch_size=3)
"""
BROKEN = {"random.txt": "binary_not_text", "truncated.pdf": "corrupted"}


def build_inbox(folder: Path) -> dict[str, str]:
    folder.mkdir()
    for n in range(1, 10):
        (folder / f"{n:02d}_通知.txt").write_text(notice(n), encoding="utf-8")
    (folder / "05_请示.txt").write_text(SECRET, encoding="utf-8")
    (folder / "random.txt").write_bytes(bytes(range(256)) * 20)
    (folder / "truncated.pdf").write_bytes(pdf_bytes([notice(99)])[:700])
    return {p.name: file_sha256(p) for p in folder.iterdir()}


def start(data: Path, inbox: Path, kill_at: str | None) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GONGKAI_")}
    if kill_at:
        env[KILL_HOOK] = kill_at
    return subprocess.Popen([sys.executable, "-c", RUNNER, str(data), str(inbox)], cwd=REPO, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def assert_exactly_once(data: Path, inbox: Path, originals: dict[str, str], rules_reviewer) -> None:
    settings = Settings({"data_dir": str(data)}, environ={})
    store = Store(f"sqlite:///{data.resolve()}/gongkai.db")
    Intake(settings, store=store, reviewer=rules_reviewer).run(inbox, batch_size=3)  # the re-run
    assert not list(inbox.iterdir())
    with store.session() as s:
        items = repo.all_items(s)
        assert Counter((i.source_name, i.sha256) for i in items) == Counter(originals.items())
        outcome = {i.source_name: i.outcome for i in items}
        assert all(i.state == "done" for i in items)
        docs = repo.all_documents(s)
        good = {name: sha for name, sha in originals.items() if name not in BROKEN}
        assert sorted(d.sha256 for d in docs) == sorted(good.values())
        assert {outcome[name] for name in good} <= {"processed", "sealed"}
        assert {name: i.error["code"] for i in items if (name := i.source_name) in BROKEN} == BROKEN
        intake_events = Counter((e.document_id, e.action) for e in repo.audit_events(s) if e.document_id)
        assert all(n == 1 for n in intake_events.values()) and len(intake_events) == len(docs)
        assert repo.verify_audit_chain(s) == []
    quarantined = sorted(p.name for p in (data / "quarantine").iterdir())
    assert len(quarantined) == 2 * len(BROKEN)  # one copy and one error file each, no leftovers
    assert check_consistency(store, data) == []
    store.dispose()


@pytest.mark.parametrize("kill_at", ["claimed:5", "stored:3", "committed:6", "removed:2"])
def test_kill_9_at_each_step_then_rerun(tmp_path: Path, kill_at: str, rules_reviewer):
    inbox, data = tmp_path / "inbox", tmp_path / "var"
    originals = build_inbox(inbox)
    proc = start(data, inbox, kill_at)
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == -signal.SIGKILL, err.decode()[-2000:]
    assert list(inbox.iterdir()), "the run was killed before the end: files must remain"
    assert_exactly_once(data, inbox, originals, rules_reviewer)


def test_kill_9_at_an_arbitrary_moment_then_rerun(tmp_path: Path, rules_reviewer):
    inbox, data = tmp_path / "inbox", tmp_path / "var"
    originals = build_inbox(inbox)
    proc = start(data, inbox, None)
    deadline = time.monotonic() + 300
    while len(list(inbox.iterdir())) > len(originals) - 4 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=60)
    assert_exactly_once(data, inbox, originals, rules_reviewer)
