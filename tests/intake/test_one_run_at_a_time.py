"""One nightly run at a time, and workers that never overwrite each other: the run lock (flock on
SQLite, an advisory lock on PostgreSQL), journal claims that a later claim supersedes, and 保密 alerts
that are recorded once per document, also after a kill between sealing and commit."""
from __future__ import annotations

import signal
import threading
from collections import Counter
from pathlib import Path

import pytest

from gongkai import sealing
from gongkai.extract import file_sha256
from gongkai.intake import Intake, RunLocked, check_consistency, new_run_id, summarise
from gongkai.settings import Settings
from gongkai.store import repository as repo
from gongkai.store.db import Store
from tests.intake.inbox_builders import SECRET, notice
from tests.intake.test_intake_crash import start
from tests.store.pg import store_url  # noqa: F401  (the shared SQLite/PostgreSQL fixture)

SECRET_2 = SECRET.replace("000126", "000127").replace("临政发〔2026〕7号", "临政发〔2026〕8号")


@pytest.fixture(autouse=True)
def private_data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("GONGKAI_DATA_DIR", str(tmp_path / "var"))  # where a store without a SQLite file keeps its key


def build_inbox(folder: Path) -> dict[str, str]:
    folder.mkdir()
    for n in range(1, 9):
        (folder / f"{n:02d}_通知.txt").write_text(notice(n), encoding="utf-8")
    (folder / "机密请示.txt").write_text(SECRET, encoding="utf-8")
    (folder / "机密请示_2.txt").write_text(SECRET_2, encoding="utf-8")
    (folder / "random.txt").write_bytes(bytes(range(256)) * 8)
    return {p.name: file_sha256(p) for p in folder.iterdir()}


def intake_on(url: str, data: Path, reviewer) -> Intake:
    return Intake(Settings({"data_dir": str(data)}, environ={}), store=Store(url), reviewer=reviewer)


def assert_every_file_once(intake: Intake, originals: dict[str, str]) -> None:
    with intake.store.session() as s:
        items = repo.all_items(s)
        assert Counter((i.source_name, i.sha256) for i in items) == Counter(originals.items())
        assert {i.state for i in items} == {"done"}
        outcomes = Counter(i.outcome for i in items)
        assert outcomes == Counter({"processed": 8, "sealed": 2, "quarantined": 1}), outcomes
        docs = repo.all_documents(s)
        assert len(docs) == 10
        events = Counter((e.document_id, e.action) for e in repo.audit_events(s) if e.document_id)
        assert set(events.values()) == {1} and len(events) == 10
    sealed = {originals["机密请示.txt"], originals["机密请示_2.txt"]}
    assert Counter(a["sha256"] for a in sealing.alerts(intake.data_dir)) == Counter({sha: 1 for sha in sealed})
    assert check_consistency(intake.store, intake.data_dir) == []


def test_a_second_run_exits_at_once_while_another_holds_the_lock(store_url, tmp_path, rules_reviewer):
    inbox = tmp_path / "inbox"
    originals = build_inbox(inbox)
    first = intake_on(store_url, tmp_path / "var", rules_reviewer)
    second = intake_on(store_url, tmp_path / "var", rules_reviewer)  # its own store: other connections
    with first.run_lock() as held:
        assert held
        with pytest.raises(RunLocked, match="another nightly run holds the lock"):
            second.run(inbox)
        with second.run_lock() as also:
            assert not also
    assert sorted(p.name for p in inbox.iterdir()) == sorted(originals)  # nothing was touched
    assert summarise(second.run(inbox))["processed"] == 10  # released: the next run does the work
    assert_every_file_once(second, originals)
    second.store.dispose()
    first.store.dispose()


class _Interleaving:
    """A reviewer that, the first time it sees each document, lets another worker process the same
    file to the end: the interleaving of a batch re-run while its first attempt is still going."""

    def __init__(self, reviewer, other: Intake, files, run_id: str, inbox: Path):
        self.inner, self.other, self.run_id, self.inbox = reviewer, other, run_id, inbox
        self.files = {str(f.path): f for f in files}
        self.outcomes = []

    def review(self, doc):
        f = self.files.pop(doc.source, None)
        if f is not None:
            self.outcomes += self.other.process([f], self.run_id, inbox=self.inbox)
        return self.inner.review(doc)


def test_a_worker_whose_file_was_taken_over_overwrites_nothing(store_url, tmp_path, rules_reviewer):
    inbox = tmp_path / "inbox"
    originals = build_inbox(inbox)
    other = intake_on(store_url, tmp_path / "var", rules_reviewer)
    late = intake_on(store_url, tmp_path / "var", None)
    files, run_id = late.scan(inbox), new_run_id()
    late._reviewer = _Interleaving(rules_reviewer, other, files, run_id, inbox)
    results = late.process(files, run_id, inbox=inbox)
    taken = late._reviewer.outcomes
    assert Counter(r.outcome for r in taken) == Counter({"processed": 8, "sealed": 2, "quarantined": 1})
    assert [(r.outcome, "taken over" in r.note) for r in results] == [("skipped", True)] * 11
    assert summarise([*results, *taken])["errors"] == 0
    assert not list(inbox.iterdir())
    assert_every_file_once(late, originals)
    other.store.dispose()
    late.store.dispose()


def test_sealing_the_same_document_again_alerts_once(tmp_path):
    path = tmp_path / "请示.txt"
    path.write_text(SECRET, encoding="utf-8")
    sha = file_sha256(path)
    marks = {"secrecy_mark": {"raw": "机密★10年", "level": "机密", "period": "10年"}, "copy_no": "000126"}
    first = sealing.seal(path, sha, marks, tmp_path / "var")
    again = sealing.seal(tmp_path / "请示.txt", sha, marks, tmp_path / "var")
    assert again == first
    assert [a["sha256"] for a in sealing.alerts(tmp_path / "var")] == [sha]


def test_a_kill_between_sealing_and_commit_leaves_one_alert(tmp_path, rules_reviewer):
    inbox, data = tmp_path / "inbox", tmp_path / "var"
    inbox.mkdir()
    (inbox / "机密请示.txt").write_text(SECRET, encoding="utf-8")
    sha = file_sha256(inbox / "机密请示.txt")
    proc = start(data, inbox, "stored:1")  # killed after the sealed copy and its alert, before the commit
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == -signal.SIGKILL, err.decode()[-2000:]
    assert [a["sha256"] for a in sealing.alerts(data)] == [sha]
    intake = intake_on(f"sqlite:///{data.resolve()}/gongkai.db", data, rules_reviewer)
    [result] = intake.run(inbox)
    assert result.outcome == "sealed"
    assert [a["sha256"] for a in sealing.alerts(data)] == [sha]
    intake.store.dispose()


def test_two_overlapping_runs_process_every_file_once(store_url, tmp_path, rules_reviewer):
    """Two runs started together, each with its own store connections and lock handle (as two processes
    have): one that exits when the lock is taken and one that waits for it."""
    inbox, data = tmp_path / "inbox", tmp_path / "var"
    originals = build_inbox(inbox)
    runs = [intake_on(store_url, data, rules_reviewer) for _ in range(2)]
    together = threading.Barrier(2)
    reports: list = [None, None]

    def run(i: int, wait: bool) -> None:
        together.wait()
        try:
            reports[i] = summarise(runs[i].run(inbox, batch_size=2, wait=wait))
        except RunLocked:
            reports[i] = "locked"

    threads = [threading.Thread(target=run, args=(i, wait)) for i, wait in enumerate((False, True))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    worked = [r for r in reports if r != "locked"]
    assert worked and all(r["errors"] == 0 for r in worked), reports
    assert sum(r["processed"] for r in worked) == 10 and sum(r["quarantined"] for r in worked) == 1
    assert not list(inbox.iterdir())
    assert_every_file_once(runs[0], originals)
    for intake in runs:
        intake.store.dispose()
