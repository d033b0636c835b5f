"""The nightly flow's run lock seen from the command line, and where Prefect keeps its home."""
from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

import pytest

from gongkai.intake import Intake
from gongkai.settings import Settings
from tests.intake.inbox_builders import SECRET, write_documents


def test_prefect_home_defaults_to_the_working_directory(tmp_path, monkeypatch):
    from flows.nightly import REPO, configure_prefect_env

    monkeypatch.delenv("PREFECT_HOME", raising=False)
    monkeypatch.chdir(tmp_path)
    configure_prefect_env()
    assert os.environ["PREFECT_HOME"] == str(tmp_path / ".prefect") != str(REPO / ".prefect")

    monkeypatch.setenv("PREFECT_HOME", str(tmp_path / "elsewhere"))  # an explicit choice is kept
    configure_prefect_env()
    assert os.environ["PREFECT_HOME"] == str(tmp_path / "elsewhere")


@pytest.mark.prefect
def test_a_run_while_another_holds_the_lock_says_so_and_exits_0(prefect_harness, tmp_path, monkeypatch, capsys):
    from gongkai.commands.intake import register

    monkeypatch.setenv("GONGKAI_DATA_DIR", str(tmp_path / "var"))
    monkeypatch.delenv("GONGKAI_DATABASE_URL", raising=False)
    monkeypatch.setenv("GONGKAI_MODELS_DIR", str(tmp_path / "no-models"))  # rules only
    inbox = tmp_path / "inbox"
    write_documents(inbox, 2)
    (inbox / "请示.txt").write_text(SECRET, encoding="utf-8")
    parser = argparse.ArgumentParser()
    parser.add_argument("-v", "--verbose", action="store_true")
    register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["nightly", "--inbox", str(inbox), "--json"])

    with Intake(Settings()).run_lock() as held:  # a run already under way
        assert held
        assert args.func(args) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out.strip().splitlines()[-1])["locked"] is True
    assert "another nightly run holds the lock" in captured.err
    assert len(list(inbox.iterdir())) == 3  # nothing was taken

    assert args.func(args) == 0  # the lock is free again: this run does the work
    result = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert (result["processed"], result["sealed"], result["errors"]) == (3, 1, 0)
    assert not list(inbox.iterdir())
