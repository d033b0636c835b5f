"""The nightly flow end to end on the Prefect test harness: summary, artifact, store, retries, CLI."""
from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError

from gongkai.store import repository as repo
from gongkai.store.db import open_store
from gongkai.settings import Settings
from tests.intake.inbox_builders import HOSTILE, SECRET, write_documents, write_hostile

pytestmark = pytest.mark.prefect


@pytest.fixture
def env(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("GONGKAI_DATA_DIR", str(tmp_path / "var"))
    monkeypatch.delenv("GONGKAI_DATABASE_URL", raising=False)
    monkeypatch.setenv("GONGKAI_MODELS_DIR", str(tmp_path / "no-models"))  # rules only: no trained model here
    inbox = tmp_path / "inbox"
    write_documents(inbox, 5)
    (inbox / "请示.txt").write_text(SECRET, encoding="utf-8")
    write_hostile(inbox, tmp_path)
    (inbox / "big.txt").unlink()  # the 26 MB file is covered by the library tests
    return inbox


def test_nightly_flow_end_to_end_and_a_second_run_does_nothing(prefect_harness, env: Path):
    from prefect.client.orchestration import get_client

    from flows.nightly import SUMMARY_KEY, nightly

    summary = nightly(str(env), batch_size=4)
    hostile = len(HOSTILE) - 1
    assert (summary["processed"], summary["sealed"], summary["quarantined"], summary["errors"]) == (6, 1, hostile, 0)
    assert summary["files"] == 6 + hostile and summary["batches"] == -(-summary["files"] // 4)
    assert sum(summary["routed"].values()) == 6
    assert not list(env.iterdir())
    with open_store(Settings()).session() as s:
        assert len(repo.all_documents(s)) == 6 and len(repo.open_tasks(s)) == 6

    async def latest_artifact():
        from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey

        async with get_client() as client:
            return await client.read_artifacts(artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=[SUMMARY_KEY])))

    import asyncio
    artifacts = asyncio.run(latest_artifact())
    assert any(summary["run_id"] in (a.data or "") for a in artifacts)
    markdown = next(a.data for a in artifacts if summary["run_id"] in (a.data or ""))
    assert "保密审查" in markdown and "corrupted" in markdown

    again = nightly(str(env), batch_size=4)
    assert again["processed"] == again["quarantined"] == again["files"] == 0


def test_a_transient_failure_is_retried_and_a_permanent_one_left_in_the_inbox(prefect_harness, env: Path, monkeypatch):
    import flows.nightly as module
    from gongkai.intake import Intake

    calls = {"n": 0}
    original = Intake.process

    def flaky(self, files, run_id, *, inbox=None):
        calls["n"] += 1
        if calls["n"] == 1:
            raise OperationalError("BEGIN IMMEDIATE", {}, Exception("database is locked"))
        return original(self, files, run_id, inbox=inbox)

    monkeypatch.setattr(Intake, "process", flaky)
    summary = module.nightly(str(env), batch_size=100)
    assert calls["n"] == 2 and summary["errors"] == 0 and summary["processed"] == 6

    write_documents(env, 2, start=50)

    def broken(self, files, run_id, *, inbox=None):
        raise ValueError("a bug, not worth a retry")

    monkeypatch.setattr(Intake, "process", broken)
    summary = module.nightly(str(env), batch_size=100)
    assert summary["errors"] == 2 and summary["failed_batches"] and len(list(env.iterdir())) == 2


def test_cli_prints_one_json_line(prefect_harness, env: Path, capsys):
    from gongkai.commands.intake import register

    parser = argparse.ArgumentParser()
    parser.add_argument("-v", "--verbose", action="store_true")
    register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["nightly", "--inbox", str(env), "--json", "--batch-size", "3"])
    assert args.func(args) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    result = json.loads(lines[-1])
    assert len(lines) == 1
    assert set(result) == {"processed", "skipped", "quarantined", "errors", "sealed", "routed"}
    assert (result["processed"], result["sealed"], result["quarantined"]) == (6, 1, len(HOSTILE) - 1)
