"""`gongkai audit anchor` and `audit verify --expect-head [--exact]` through the argument parser."""
from __future__ import annotations

import argparse

import pytest
from sqlalchemy import update

from gongkai.commands import review as cli
from gongkai.settings import Settings
from gongkai.store.db import close_all, database_url
from gongkai.store.models import Decision
from tests.review.seed import actor, add_document, add_users, open_test_store


@pytest.fixture
def env(tmp_path, monkeypatch):
    monkeypatch.setenv("GONGKAI_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("GONGKAI_DATABASE_URL", raising=False)
    monkeypatch.delenv("GONGKAI_AUDIT_KEY_FILE", raising=False)
    store = open_test_store(database_url(Settings()))
    yield store
    store.dispose()
    close_all()


def run(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="gongkai")
    cli.register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(list(argv))
    return args.func(args)


def test_anchor_then_verify_reports_the_events_appended_after_it(env, capsys, tmp_path):
    from gongkai.review.service import ReviewService

    add_users(env, ["bangong"])
    _, task_id = add_document(env)
    assert run("audit", "anchor") == 0
    anchor = capsys.readouterr().out.strip()
    assert anchor.startswith("2:") and len(anchor) == 2 + 64  # one account, one intake: SEQ:HASH
    ReviewService(env, data_dir=tmp_path).confirm(actor("bangong"), task_id, 1)
    assert run("audit", "verify", "--expect-head", anchor) == 0
    out = capsys.readouterr().out
    assert "1 event(s) after the recorded head" in out and "bangong review.confirm" in out
    assert run("audit", "verify", "--expect-head", anchor, "--exact") == 1
    with env.session() as s:
        s.execute(update(Decision).values(disclosure="不予公开"))
    assert run("audit", "verify") == 1
    assert "differs from audit event" in capsys.readouterr().out
