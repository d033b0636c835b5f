"""Extraction and review in worker processes (issue 13): the same outcomes as in one process, and
kill -9 of the run at any step still ends every inbox file exactly once."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from gongkai.intake import KILL_HOOK, Intake, check_consistency
from gongkai.settings import Settings
from gongkai.store import repository as repo
from tests.intake.inbox_builders import SECRET, notice, pdf_bytes
from tests.intake.test_intake_crash import BROKEN, assert_exactly_once

REPO = Path(__file__).resolve().parents[2]
# No injected reviewer: the workers build theirs from the settings. An empty models folder makes it
# rules-only, so that the test does not depend on a trained model.
RUNNER = """
import sys
from gongkai.intake import Intake
from gongkai.settings import Settings
settings = Settings({"data_dir": sys.argv[1], "models_dir": sys.argv[3], "processes": 2}, environ={})
Intake(settings).run(sys.argv[2], batch_size=6)
"""


def build_inbox(folder: Path) -> None:
    folder.mkdir()
    for n in range(1, 10):
        (folder / f"{n:02d}_通知.txt").write_text(notice(n), encoding="utf-8")
    (folder / "05_请示.txt").write_text(SECRET, encoding="utf-8")
    (folder / "10_报告.pdf").write_bytes(pdf_bytes([notice(1000 + p, paragraphs=4) for p in range(3)]))
    (folder / "random.txt").write_bytes(bytes(range(256)) * 20)
    (folder / "truncated.pdf").write_bytes(pdf_bytes([notice(99)])[:700])


def _run(tmp_path: Path, label: str, processes: int) -> tuple[Intake, list]:
    inbox, data = tmp_path / label / "inbox", tmp_path / label / "var"
    shutil.copytree(tmp_path / "inbox", inbox)
    (tmp_path / "nomodels").mkdir(exist_ok=True)
    intake = Intake(Settings({"data_dir": str(data), "models_dir": str(tmp_path / "nomodels"),
                              "processes": processes}, environ={}))
    return intake, intake.run(inbox, batch_size=6)


def test_workers_give_what_one_process_gives(tmp_path):
    build_inbox(tmp_path / "inbox")
    alone, alone_results = _run(tmp_path, "one", 1)
    pooled, pooled_results = _run(tmp_path, "pool", 2)
    try:
        assert alone._pool is None and pooled._pool is not None and pooled._pool.processes == 2
        key = lambda r: (r.name, r.outcome, r.disclosure, r.secrecy, r.route, (r.error or {}).get("code"), r.pages)  # noqa: E731
        assert sorted(map(key, pooled_results)) == sorted(map(key, alone_results))
        outcomes = {r.name: r.outcome for r in pooled_results}
        assert outcomes["05_请示.txt"] == "sealed" and outcomes["random.txt"] == "quarantined"
        assert outcomes["10_报告.pdf"] == "processed"
        stored = []
        for intake in (alone, pooled):
            with intake.store.session() as s:
                stored.append(sorted((d.source_name, d.text, d.proposals[0].disclosure, d.proposals[0].secrecy)
                                     for d in repo.all_documents(s)))
            assert check_consistency(intake.store, intake.data_dir) == []
        assert stored[0] == stored[1]
    finally:
        pooled.close()
        alone.store.dispose()
        pooled.store.dispose()


@pytest.mark.parametrize("kill_at", ["claimed:5", "stored:3", "committed:6", "removed:2"])
def test_kill_9_of_a_run_with_workers_then_rerun(tmp_path: Path, kill_at: str, rules_reviewer):
    inbox, data = tmp_path / "inbox", tmp_path / "var"
    build_inbox(inbox)
    originals = {p.name: __import__("gongkai.extract", fromlist=["file_sha256"]).file_sha256(p) for p in inbox.iterdir()}
    (tmp_path / "nomodels").mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("GONGKAI_")}
    env[KILL_HOOK] = kill_at
    proc = subprocess.Popen([sys.executable, "-c", RUNNER, str(data), str(inbox), str(tmp_path / "nomodels")],
                            cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == -signal.SIGKILL, err.decode()[-2000:]
    assert list(inbox.iterdir()), "the run was killed before the end: files must remain"
    good = {name for name in originals if name not in BROKEN}
    assert "10_报告.pdf" in good
    assert_exactly_once(data, inbox, originals, rules_reviewer)


def test_batched_review_gives_what_one_by_one_gives(tmp_path):
    """`Proposer.review_many` (one model call for a chunk) against `review` (one call per document)."""
    from gongkai.classify import registry
    from gongkai.extract import extract_file
    from gongkai.proposer import Proposer

    # set-up trains the model (scripts/setup.sh): without one this test must fail, not pass unseen
    assert registry.current_version(None) is not None, "no trained model in models/: run scripts/setup.sh"
    build_inbox(tmp_path / "inbox")
    settings = Settings({"ocr_enabled": False}, environ={})
    docs = [extract_file(p, settings) for p in sorted((tmp_path / "inbox").iterdir())]
    assert any(not d.ok for d in docs) and any(d.ok for d in docs)
    proposer = Proposer(settings)
    one_by_one = [proposer.review(d).proposal.as_dict() for d in docs]
    batched = [r.proposal.as_dict() for r in proposer.review_many(docs)]
    assert batched == one_by_one
    assert any(p["confidence"] for p in batched)  # the model did take part


def test_an_unusable_model_in_the_workers_stops_the_run_with_its_message(tmp_path):
    from gongkai.errors import GongkaiError

    models = tmp_path / "models"
    models.mkdir()
    (models / "CURRENT").write_text("20990101-000000-deadbeef\n")  # points at a model that is not there
    build_inbox(tmp_path / "inbox")
    intake = Intake(Settings({"data_dir": str(tmp_path / "var"), "models_dir": str(models), "processes": 2},
                             environ={}))
    try:
        with pytest.raises(GongkaiError) as err:
            intake.check_ready()
        assert intake._reviewer is None  # this process never loaded rules or model itself
        with pytest.raises(GongkaiError) as again:
            intake.run(tmp_path / "inbox", batch_size=6)
        assert again.value.code == err.value.code
        assert len(list((tmp_path / "inbox").iterdir())) == 13  # nothing was processed, nothing removed
    finally:
        intake.close()
        intake.store.dispose()
