"""`gongkai users|review|audit` through the argument parser, on a SQLite store in a temporary folder."""
from __future__ import annotations

import argparse
import io

import pytest

from gongkai.commands import review as cli
from gongkai.store.db import close_all, database_url
from gongkai.settings import Settings
from tests.review.seed import PASSWORD, SECRET_TEXT, add_document, open_test_store


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
    return args.func(args)


def _user(monkeypatch, name, role, clearance):
    assert run(["users", "add", name, "--role", role, "--clearance", clearance, "--password-stdin"],
               monkeypatch, PASSWORD + "\n") == 0


def test_review_from_the_command_line(env, monkeypatch, capsys):
    _user(monkeypatch, "bangong", "办公室", "内部")
    _user(monkeypatch, "fenguan", "leader_in_charge", "机密")
    _, task_id = add_document(env, title="部门预算公开")
    _, secret_task = add_document(env, text=SECRET_TEXT, secrecy="机密", disclosure="不予公开")
    assert run(["review", "list", "--user", "bangong", "--password-stdin"], monkeypatch, PASSWORD) == 0
    listing = capsys.readouterr().out
    assert "部门预算公开" in listing and "储备库" not in listing
    # above bangong's clearance: the same answer as a task that does not exist
    assert run(["review", "show", str(secret_task), "--user", "bangong", "--password-stdin"], monkeypatch, PASSWORD) == 2
    assert "北山" not in capsys.readouterr().out
    assert run(["review", "confirm", str(task_id), "--user", "bangong", "--password-stdin"], monkeypatch, "wrong\n") == 2
    assert run(["review", "confirm", str(task_id), "--user", "bangong", "--password-stdin"], monkeypatch, PASSWORD) == 0
    assert "分管领导" in capsys.readouterr().out
    # a second confirm with the version first read is a conflict (exit 3)
    assert run(["review", "confirm", str(task_id), "--version", "1", "--user", "bangong", "--password-stdin"],
               monkeypatch, PASSWORD) == 3
    assert run(["review", "change", str(task_id + 2), "--disclosure", "不予公开", "--secrecy", "非密", "--reason",
                "涉及内部事务", "--user", "fenguan", "--password-stdin"], monkeypatch, PASSWORD) == 0
    assert run(["audit", "verify"], monkeypatch) == 0
    assert "intact" in capsys.readouterr().out


def test_audit_verify_fails_on_a_tampered_row(env, monkeypatch, capsys):
    from sqlalchemy import update

    from gongkai.store.models import AuditEvent

    add_document(env)
    with env.session() as s:
        s.execute(update(AuditEvent).values(actor="someone else"))
    assert run(["audit", "verify"], monkeypatch) == 1
    assert "altered" in capsys.readouterr().out


def test_demo_accounts_then_publish_again(env, monkeypatch, capsys, tmp_path):
    assert run(["users", "add-demo", "--password-stdin"], monkeypatch, PASSWORD + "\n") == 0
    assert run(["users", "add-demo", "--password-stdin"], monkeypatch, PASSWORD + "\n") == 0  # idempotent
    assert len(capsys.readouterr().out.strip().splitlines()) == 12
    doc_id, task_id = add_document(env)
    for name, task in (("bangong", task_id), ("fenguan", task_id + 1)):
        assert run(["review", "confirm", str(task), "--user", name, "--password-stdin"], monkeypatch, PASSWORD) == 0
    last = ["review", "confirm", str(task_id + 2), "--user", "zhuyao", "--password-stdin"]
    assert run(last, monkeypatch, PASSWORD) == 2  # the catalogue entry lacks 发布机构 and 成文日期
    assert "发布机构" in capsys.readouterr().err
    assert run(last + ["--issuer", "青川市财政局", "--written-date", "2026年11月20日"], monkeypatch, PASSWORD) == 0
    assert "已发布" in capsys.readouterr().out
    assert run(["review", "publish", str(doc_id), "--user", "bangong", "--password-stdin"], monkeypatch, PASSWORD) == 2
    assert run(["review", "publish", str(doc_id), "--user", "admin", "--password-stdin"], monkeypatch, PASSWORD) == 0
    assert sorted(p.suffix for p in (tmp_path / "publication").iterdir()) == [".html", ".json"]


def test_a_users_department_is_set_on_the_account_and_audited(env, monkeypatch, capsys):
    from gongkai.review.audit import verify
    from gongkai.review.users import get_actor

    assert run(["users", "add", "cz", "--role", "科室", "--clearance", "内部", "--department", "财政科",
                "--password-stdin"], monkeypatch, PASSWORD + "\n") == 0
    assert run(["users", "department", "cz", "人事科"], monkeypatch) == 0
    assert run(["users", "department", "nobody", "人事科"], monkeypatch) == 2
    assert run(["users", "list"], monkeypatch) == 0
    assert "人事科" in capsys.readouterr().out
    with env.session() as s:
        assert get_actor(s, "cz").department == "人事科"
        assert verify(s).ok  # the change is an audit event, and the table agrees with the chain
