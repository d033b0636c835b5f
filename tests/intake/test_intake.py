"""The intake library without Prefect: idempotence, quarantine, sealing, store and archive agreeing."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import inspect, select

from gongkai.errors import CATALOGUE
from gongkai.extract import file_sha256
from gongkai.intake import Intake, check_consistency, new_run_id, summarise
from gongkai.settings import Settings
from gongkai.store import repository as repo
from gongkai.store.db import Store
from gongkai.store.models import Base
from tests.intake.inbox_builders import HOSTILE, OUTSIDE_SECRET, SECRET, SECRET_BODY, notice, write_documents, write_hostile
from tests.store.pg import pg_schema_url


def make_intake(tmp_path: Path, reviewer, url: str | None = None) -> Intake:
    data = tmp_path / "var"
    settings = Settings({"data_dir": str(data)}, environ={})
    return Intake(settings, store=Store(url or f"sqlite:///{data.resolve()}/gongkai.db"), reviewer=reviewer)


def dump_store(store: Store) -> str:
    """Every value of every table as one string: what a leak check must search."""
    parts = []
    present = set(inspect(store.engine).get_table_names())
    with store.engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            if table.name not in present:
                continue
            for row in conn.execute(select(table)):
                parts.append(repr(tuple(row)))
    return "\n".join(parts)


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    write_documents(folder, 6)
    (folder / "sub").mkdir()
    (folder / "sub" / "机密请示.txt").write_text(SECRET, encoding="utf-8")
    return folder


def test_a_run_stores_every_document_once_and_a_rerun_does_nothing_new(tmp_path, inbox, rules_reviewer):
    intake = make_intake(tmp_path, rules_reviewer)
    hashes = {p.name: file_sha256(p) for p in inbox.rglob("*") if p.is_file()}
    first = summarise(intake.run(inbox, batch_size=4))
    assert (first["processed"], first["sealed"], first["quarantined"], first["errors"]) == (7, 1, 0, 0)
    assert sum(first["routed"].values()) == 7
    assert not [p for p in inbox.rglob("*") if p.is_file()]  # originals moved out of the inbox
    with intake.store.session() as s:
        docs = repo.all_documents(s)
        assert {d.sha256 for d in docs} == set(hashes.values())
        for d in docs:
            assert len(d.proposals) == 1 and len(d.tasks) == 1 and d.tasks[0].stage == d.proposals[0].route
            assert [e.action for e in repo.audit_events(s, d.id)] == ["intake.sealed" if d.sealed else "intake.processed"]
        assert repo.verify_audit_chain(s) == []
    assert check_consistency(intake.store, intake.data_dir) == []
    for d in docs:
        if not d.sealed:
            assert (intake.data_dir / "archive" / d.sha256[:2] / d.sha256[2:]).is_file()

    second = summarise(intake.run(inbox))
    assert second["processed"] == second["skipped"] == second["quarantined"] == 0
    with intake.store.session() as s:
        assert len(repo.all_documents(s)) == 7


def test_the_same_content_under_another_name_is_skipped(tmp_path, inbox, rules_reviewer):
    intake = make_intake(tmp_path, rules_reviewer)
    intake.run(inbox)
    (inbox / "again.txt").write_text(notice(3), encoding="utf-8")  # == 00003_通知.txt
    results = intake.run(inbox)
    assert [(r.name, r.outcome) for r in results] == [("again.txt", "skipped")]
    assert not (inbox / "again.txt").exists()
    with intake.store.session() as s:
        assert len(repo.all_documents(s)) == 7
        assert [i.outcome for i in repo.all_items(s) if i.source_name == "again.txt"] == ["duplicate"]
    assert check_consistency(intake.store, intake.data_dir) == []


def test_every_hostile_input_is_quarantined_with_its_reason_and_the_rest_processed(tmp_path, rules_reviewer):
    inbox = tmp_path / "inbox"
    good = write_documents(inbox, 4)
    write_hostile(inbox, tmp_path)
    intake = make_intake(tmp_path, rules_reviewer)
    results = {r.name: r for r in intake.run(inbox, batch_size=5)}
    assert set(results) == set(good) | set(HOSTILE)
    for name in good:
        assert results[name].outcome == "processed", (name, results[name].error)
    quarantine = intake.data_dir / "quarantine"
    for name, code in HOSTILE.items():
        result = results[name]
        assert result.outcome == "quarantined" and result.error["code"] == code, (name, result)
        [error_file] = quarantine.glob(f"*-{name}.error.json")
        record = json.loads(error_file.read_text(encoding="utf-8"))
        assert record["source"] == name and record["error"]["code"] == code
        assert CATALOGUE[code].zh in record["error"]["message"]
        copy = error_file.with_name(error_file.name.removesuffix(".error.json"))
        assert copy.exists() != (code in {"symlink_refused", "hardlink_refused"})  # a link is recorded, never read
    assert json.loads(next(quarantine.glob("*-hard_out.txt.error.json")).read_text(encoding="utf-8"))["hard_links"] == 2
    assert not list(inbox.iterdir())
    assert (tmp_path / "outside.txt").exists() and (tmp_path / "outside_hard.txt").read_text(encoding="utf-8")
    leaked = [p for p in quarantine.iterdir() if OUTSIDE_SECRET in p.read_text(encoding="utf-8", errors="replace")]
    assert leaked == [] and OUTSIDE_SECRET not in dump_store(intake.store)
    with intake.store.session() as s:
        assert {i.source_name: i.error["code"] for i in repo.all_items(s) if i.outcome == "quarantined"} == HOSTILE
    assert check_consistency(intake.store, intake.data_dir) == []
    summary = summarise(results.values())
    assert (summary["processed"], summary["quarantined"]) == (len(good), len(HOSTILE))


def test_a_sealed_documents_text_never_enters_the_store_or_the_archive(tmp_path, rules_reviewer):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "请示.txt").write_text(SECRET, encoding="utf-8")
    intake = make_intake(tmp_path, rules_reviewer)
    [result] = intake.run(inbox)
    assert result.outcome == "sealed" and result.secrecy == "机密" and result.disclosure == "不予公开"
    assert result.route == "保密审查"
    everything = dump_store(intake.store)
    for fragment in (SECRET_BODY, "应急物资储备库布局", "出入口密码"):
        assert fragment not in everything
    with intake.store.session() as s:
        [doc] = repo.all_documents(s)
        assert doc.sealed and doc.text is None and doc.archive_path is None
        assert doc.secrecy_mark["level"] == "机密" and doc.secrecy_mark["copy_no"] == "000126"
        assert doc.tasks[0].role == "secrecy_officer"
    assert not (intake.data_dir / "archive").exists()
    sealed = list((intake.data_dir / "sealed").glob(f"{doc.sha256}*"))
    assert len(sealed) == 1 and sealed[0].read_text(encoding="utf-8") == SECRET


def test_a_retried_batch_reports_what_it_did_the_first_time(tmp_path, inbox, rules_reviewer):
    intake = make_intake(tmp_path, rules_reviewer)
    files = intake.scan(inbox)
    run_id = new_run_id()
    first = intake.process(files, run_id, inbox=inbox)
    again = intake.process(files, run_id, inbox=inbox)  # e.g. Prefect retrying the task after a late failure
    assert [(r.outcome, r.route, r.disclosure, r.pages) for r in again] == \
        [(r.outcome, r.route, r.disclosure, r.pages) for r in first]
    assert summarise(again)["processed"] == summarise(first)["processed"] == 7
    with intake.store.session() as s:
        assert len(repo.all_documents(s)) == 7


def test_pending_lists_only_unfinished_files(tmp_path, inbox, rules_reviewer):
    intake = make_intake(tmp_path, rules_reviewer)
    files = intake.scan(inbox)
    intake.process(files[:3], new_run_id(), inbox=inbox)
    assert [f.name for f in intake.pending(files)] == [f.name for f in files[3:]]


@pytest.mark.postgres
def test_intake_on_postgresql(tmp_path, inbox, rules_reviewer):
    with pg_schema_url() as url:
        intake = make_intake(tmp_path, rules_reviewer, url)
        summary = summarise(intake.run(inbox))
        assert (summary["processed"], summary["sealed"]) == (7, 1)
        assert check_consistency(intake.store, intake.data_dir) == []
        assert SECRET_BODY not in dump_store(intake.store)
        assert summarise(intake.run(inbox))["processed"] == 0
        intake.store.dispose()


def test_partial_copies_of_dead_writers_are_cleared_and_live_ones_kept(tmp_path, rules_reviewer):
    import socket
    intake = make_intake(tmp_path, rules_reviewer)
    folder = intake.data_dir / "archive" / "ab"
    folder.mkdir(parents=True)
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    stale = folder / f".cdef.{socket.gethostname()}.{int(dead.stdout)}.part"
    live = folder / f".cdee.{socket.gethostname()}.{os.getpid()}.part"
    stale.write_bytes(b"half")
    live.write_bytes(b"half")
    intake.scan(tmp_path)
    assert not stale.exists() and live.exists()


def test_a_file_that_changes_while_being_read_is_left_for_the_next_run(tmp_path, rules_reviewer):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    target = inbox / "draft.txt"
    target.write_text(notice(1), encoding="utf-8")
    intake = make_intake(tmp_path, rules_reviewer)
    files = intake.scan(inbox)
    target.write_text(notice(2), encoding="utf-8")  # the copy into the inbox was not finished at scan time
    [result] = intake.process(files, new_run_id(), inbox=inbox)
    assert result.outcome == "error" and target.exists()
    [result] = intake.run(inbox)
    assert result.outcome == "processed" and not target.exists()
    with intake.store.session() as s:
        [doc] = repo.all_documents(s)
        assert doc.sha256 == result.sha256 and "第2号" in doc.text
    assert check_consistency(intake.store, intake.data_dir) == []


def test_without_a_trained_model_the_rules_decide_alone(tmp_path):
    from gongkai.intake import make_reviewer

    reviewer = make_reviewer(Settings({"models_dir": str(tmp_path / "empty")}, environ={}))
    assert reviewer.model is None


def test_keeping_the_originals_leaves_the_inbox_alone_and_a_rerun_skips_everything(tmp_path, inbox, rules_reviewer):
    intake = make_intake(tmp_path, rules_reviewer)
    intake.keep_originals = True
    before = sorted(p.relative_to(inbox) for p in inbox.rglob("*") if p.is_file())
    assert summarise(intake.run(inbox))["processed"] == 7
    again = summarise(intake.run(inbox))
    assert (again["processed"], again["skipped"]) == (0, 7)
    assert sorted(p.relative_to(inbox) for p in inbox.rglob("*") if p.is_file()) == before
    assert check_consistency(intake.store, intake.data_dir) == []
