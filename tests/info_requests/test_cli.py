"""`gongkai request …` through the argument parser, on a SQLite store in a temporary folder."""
from __future__ import annotations

import argparse
import io
import sys

import pytest

from gongkai.commands import requests as cli
from gongkai.errors import GongkaiError
from gongkai.settings import Settings
from gongkai.store.db import close_all, database_url
from tests.info_requests.builders import SECRET_TEXT, SECRET_TITLE, add_document
from tests.review.seed import open_test_store

PASSWORD = "not a real password 2"


@pytest.fixture
def env(tmp_path, monkeypatch):
    monkeypatch.setenv("GONGKAI_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("GONGKAI_DATABASE_URL", raising=False)
    store = open_test_store(database_url(Settings()))
    yield store
    store.dispose()
    close_all()


def run(argv: list[str], monkeypatch, stdin: str = "") -> int:
    parser = argparse.ArgumentParser(prog="gongkai")
    cli.register(parser.add_subparsers(dest="command", required=True))
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except GongkaiError as exc:  # as gongkai.commands.main does
        print(f"gongkai: [{exc.code}] {exc.message}", file=sys.stderr)
        return 2


def test_a_secret_request_from_the_command_line(env, monkeypatch, capsys):
    from gongkai.review.users import add_user

    with env.session() as s:
        add_user(s, "fenguan", PASSWORD, "leader_in_charge", "机密")
        add_user(s, "zhuyao", PASSWORD, "principal_leader", "绝密")
    secret = add_document(env, title=SECRET_TITLE, text=SECRET_TEXT, disclosure="不予公开", secrecy="机密",
                          codes=("state_secret",))
    assert run(["request", "register", "--type", "自然人", "--name", "吴某某", "--channel", "当面",
                "--content", "城西应急物资的储存情况", "--submitted", "2026年2月6日", "--user", "clerk"], monkeypatch) == 0
    assert "2026-0001" in capsys.readouterr().out
    assert run(["request", "list", "--today", "2026-03-10"], monkeypatch) == 0
    listing = capsys.readouterr().out
    assert "2026-03-12" in listing and "临近到期" in listing and "剩 2 个工作日" in listing
    assert run(["request", "consult", "start", "2026-0001", "--on", "2026-02-09"], monkeypatch) == 0
    assert run(["request", "consult", "end", "2026-0001", "--on", "2026-02-10"], monkeypatch) == 0
    assert "2026-03-13" in capsys.readouterr().out  # one working day not counted
    assert run(["request", "link", "2026-0001", "--doc", str(secret)], monkeypatch) == 0
    assert run(["request", "propose", "2026-0001"], monkeypatch) == 0
    assert "属于国家秘密" in capsys.readouterr().out
    assert run(["request", "draft", "2026-0001", "--on", "2026-02-12"], monkeypatch) == 0
    draft = capsys.readouterr().out
    assert "政府信息不予公开告知书" in draft and "青石岭" not in draft and "城西应急物资储备库调整" not in draft
    assert run(["request", "approve", "2026-0001", "--as", "zhuyao", "--password-stdin"], monkeypatch,
               PASSWORD + "\n") == 2  # not the principal leader's turn yet
    assert run(["request", "approve", "2026-0001", "--as", "fenguan", "--password-stdin"], monkeypatch,
               "wrong\n") == 2
    assert run(["request", "approve", "2026-0001", "--as", "fenguan", "--password-stdin"], monkeypatch,
               PASSWORD + "\n") == 0
    assert run(["request", "approve", "2026-0001", "--as", "zhuyao", "--password-stdin"], monkeypatch,
               PASSWORD + "\n") == 0
    assert run(["request", "reply", "2026-0001", "--on", "2026-02-13"], monkeypatch) == 0
    assert run(["request", "review", "2026-0001", "--kind", "行政复议", "--filed", "2026-03-02"], monkeypatch) == 0
    assert run(["request", "review", "2026-0001", "--kind", "行政复议", "--filed", "2026-03-02",
                "--result", "结果维持", "--concluded", "2026-04-20"], monkeypatch) == 0
    capsys.readouterr()
    assert run(["request", "show", "2026-0001"], monkeypatch) == 0
    shown = capsys.readouterr().out
    assert "1.属于国家秘密" in shown and "结果维持" in shown and "答复申请人" in shown and "青石岭" not in shown
