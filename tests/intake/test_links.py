"""Links are refused from every entry point, unread: `gongkai extract` and `gongkai classify` (a link
named on the command line, a link met in a folder walk, a linked folder) and the nightly inbox
(library; the Prefect flow runs the same hostile inbox in tests/flows)."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from gongkai.commands.main import main
from gongkai.intake import Intake, summarise
from gongkai.settings import Settings
from gongkai.store.db import Store
from tests.intake.inbox_builders import notice

SECRET_OUTSIDE = "外部文件：仅限本科室，不得外传"


@pytest.fixture(autouse=True)
def keep_umask():
    old = os.umask(0o022)  # main() narrows the umask: give it back to the other tests
    os.umask(old)
    yield
    os.umask(old)


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    (folder / "private.txt").write_text(f"{SECRET_OUTSIDE}\n{notice(7)}", encoding="utf-8")
    (folder / "sub").mkdir()
    (folder / "sub" / "more.txt").write_text(notice(8), encoding="utf-8")
    return folder


@pytest.fixture
def links(tmp_path: Path, outside: Path) -> dict[str, Path]:
    """One folder with an ordinary file and every kind of link, and the same links on their own."""
    folder = tmp_path / "given"
    folder.mkdir()
    (folder / "plain.txt").write_text(notice(1), encoding="utf-8")
    os.symlink(outside / "private.txt", folder / "sym_out.txt")
    os.symlink(folder / "plain.txt", folder / "sym_in.txt")
    os.symlink(outside / "sub", folder / "linked_folder")
    os.link(outside / "private.txt", folder / "hard.txt")
    return {"folder": folder, "sym_out": folder / "sym_out.txt", "hard": folder / "hard.txt",
            "linked_folder": folder / "linked_folder"}


def _json_lines(out: str) -> dict[str, dict]:
    return {Path(r["source"]).name: r for r in map(json.loads, out.strip().splitlines())}


def test_extract_refuses_links_named_on_the_command_line_and_met_in_a_folder(links, capsys):
    assert main(["extract", "--json", str(links["sym_out"]), str(links["hard"]), str(links["linked_folder"])]) == 0
    out = capsys.readouterr().out
    named = _json_lines(out)
    assert {n: r["error"]["code"] for n, r in named.items()} == {
        "sym_out.txt": "symlink_refused", "hard.txt": "hardlink_refused", "linked_folder": "symlink_refused"}
    assert SECRET_OUTSIDE not in out and "第8号" not in out
    assert named["hard.txt"]["sha256"] == ""  # refused before a byte was read

    assert main(["extract", "--json", str(links["folder"])]) == 0
    out = capsys.readouterr().out
    walked = _json_lines(out)
    assert {n: (r["error"] or {}).get("code") for n, r in walked.items()} == {
        "plain.txt": None, "sym_out.txt": "symlink_refused", "sym_in.txt": "symlink_refused",
        "hard.txt": "hardlink_refused", "linked_folder": "symlink_refused"}
    assert SECRET_OUTSIDE not in out and "第8号" not in out


def test_classify_refuses_links_and_goes_on_with_the_batch(links, capsys, monkeypatch, rules_reviewer, tmp_path):
    from gongkai.proposer import Proposer

    monkeypatch.setenv("GONGKAI_DATA_DIR", str(tmp_path / "var"))
    monkeypatch.setattr(Proposer, "from_settings", classmethod(lambda cls, *a, **k: rules_reviewer))
    assert main(["classify", "--json", str(links["sym_out"]), str(links["hard"]), str(links["folder"] / "plain.txt")]) == 0
    out = capsys.readouterr().out
    results = _json_lines(out)
    assert results["sym_out.txt"]["error"]["code"] == "symlink_refused"
    assert results["hard.txt"]["error"]["code"] == "hardlink_refused"
    assert results["plain.txt"]["error"] is None and results["plain.txt"]["disclosure"]
    assert SECRET_OUTSIDE not in out


def test_the_inbox_refuses_links_writes_the_decision_down_and_processes_the_rest(tmp_path, outside, rules_reviewer):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "plain.txt").write_text(notice(1), encoding="utf-8")
    os.symlink(inbox / "plain.txt", inbox / "sym_in.txt")
    os.symlink(outside / "sub", inbox / "linked_folder")
    os.link(outside / "private.txt", inbox / "hard.txt")
    data = tmp_path / "var"
    intake = Intake(Settings({"data_dir": str(data)}, environ={}),
                    store=Store(f"sqlite:///{data.resolve()}/gongkai.db"), reviewer=rules_reviewer)
    results = {r.name: r for r in intake.run(inbox)}
    assert {n: (r.outcome, (r.error or {}).get("code")) for n, r in results.items()} == {
        "plain.txt": ("processed", None), "sym_in.txt": ("quarantined", "symlink_refused"),
        "linked_folder": ("quarantined", "symlink_refused"), "hard.txt": ("quarantined", "hardlink_refused")}
    assert summarise(results.values())["errors"] == 0
    quarantine = data / "quarantine"
    record = json.loads(next(quarantine.glob("*-hard.txt.error.json")).read_text(encoding="utf-8"))
    assert record["hard_links"] == 2 and "neither read nor copied" in record["decision"]
    assert sorted(p.name for p in quarantine.iterdir() if not p.name.endswith(".error.json")) == []
    leaked = [p for p in data.rglob("*") if p.is_file() and SECRET_OUTSIDE.encode() in p.read_bytes()]
    assert leaked == []
    assert (outside / "private.txt").read_text(encoding="utf-8").startswith(SECRET_OUTSIDE)  # the original stays
    assert (outside / "sub" / "more.txt").exists() and not list(inbox.iterdir())
