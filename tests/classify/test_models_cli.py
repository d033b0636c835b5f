"""`gongkai models list|show|promote|rollback|feedback` on a temporary models dir and store."""
from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from gongkai.classify import feedback, registry, retrain
from gongkai.commands import models as models_cli
from gongkai.errors import GongkaiError
from gongkai.store.db import Store
from gongkai.store.models import AuditEvent, Decision, Document, Proposal, ReviewTask
from tests.classify.test_registry import tiny_classifier


def run(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="gongkai")
    models_cli.register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(list(argv))
    return args.func(args)


@pytest.fixture
def models(tmp_path: Path, monkeypatch) -> tuple[Path, str, str]:
    folder = tmp_path / "models"
    monkeypatch.setenv("GONGKAI_MODELS_DIR", str(folder))
    clf = tiny_classifier()
    first = registry.save(clf, {"corpus_hash": "a"}, folder, version="v1")
    refused = registry.save(clf, {"corpus_hash": "a", "kind": "retrained",
                                  "gate": {"promoted": False, "reasons": ["frozen: leaks rise from 0 to 2"]}},
                            folder, version="v2", make_current=False)
    return folder, first, refused


def test_list_marks_current_and_shows_refusals(models, capsys):
    assert run("models", "list") == 0
    out = capsys.readouterr().out
    assert "* v1" in out and "  v2" in out and "refused" in out and "leaks rise" in out


def test_show_prints_the_meta(models, capsys):
    assert run("models", "show", "v2") == 0
    meta = json.loads(capsys.readouterr().out)
    assert meta["gate"]["promoted"] is False and meta["current"] is False
    with pytest.raises(GongkaiError):
        run("models", "show", "nope")


def test_a_refused_model_is_promoted_only_by_a_named_administrator_then_rollback_returns(models, capsys, tmp_path, monkeypatch):
    from gongkai.review.users import add_user
    from gongkai.store.db import open_store
    from gongkai.store.models import AuditEvent

    folder, first, refused = models
    monkeypatch.setenv("GONGKAI_DATA_DIR", str(tmp_path / "var"))
    store = open_store()
    with store.session() as s:
        add_user(s, "guanli", "a-long-password-1", "admin", "绝密")
        add_user(s, "wang", "a-long-password-2", "office", "内部")
        s.commit()
    with pytest.raises(GongkaiError, match="administrator"):
        run("models", "promote", refused)  # no administrator named
    with pytest.raises(GongkaiError, match="not an administrator"):
        run("models", "promote", refused, "--admin", "wang", "--reason", "试用")
    assert registry.current_version(folder) == first
    assert run("models", "promote", refused, "--admin", "guanli", "--reason", "复核后采用") == 0
    assert "did not promote" in capsys.readouterr().err
    assert registry.current_version(folder) == refused
    with store.session() as s:
        event = s.query(AuditEvent).filter_by(action=retrain.PROMOTE_ACTION).one()
        assert event.actor == "guanli" and event.after == {"version": refused, "gate_refused": True}
        assert event.before == {"version": first} and event.reason == "复核后采用"
    assert run("models", "rollback") == 0
    assert registry.current_version(folder) == first


def test_audit_verify_catches_a_model_pointer_changed_outside_gongkai(models, tmp_path, monkeypatch):
    from gongkai.review import audit
    from gongkai.review.users import add_user
    from gongkai.store.db import open_store

    folder, first, refused = models
    monkeypatch.setenv("GONGKAI_DATA_DIR", str(tmp_path / "var"))
    store = open_store()
    with store.session() as s:
        add_user(s, "guanli", "a-long-password-1", "admin", "绝密")
        s.commit()
    with store.session() as s:  # no model made current through the chain yet: nothing to compare
        assert audit.verify(s, models_dir=folder).ok
    assert run("models", "promote", refused, "--admin", "guanli", "--reason", "复核后采用") == 0
    with store.session() as s:
        assert audit.verify(s, models_dir=folder).ok
    registry.set_current(first, folder)  # someone edits models/CURRENT by hand
    with store.session() as s:
        report = audit.verify(s, models_dir=folder)
    assert not report.ok and any("pointer" in p and refused in p for p in report.problems), report.problems
    assert run("models", "rollback") == 0  # back to the promoted one, through the chain
    assert registry.current_version(folder) == refused
    with store.session() as s:
        assert audit.verify(s, models_dir=folder).ok
        assert [e.after["version"] for e in s.query(AuditEvent).filter_by(
            action=retrain.PROMOTE_ACTION).order_by(AuditEvent.id)] == [refused, refused]


def test_rollback_without_an_earlier_model_is_an_error(tmp_path):
    registry.save(tiny_classifier(), {"corpus_hash": "a"}, tmp_path, version="only")
    with pytest.raises(GongkaiError):
        retrain.rollback(tmp_path)


def test_rule_feedback_counts_fired_confirmed_overridden_and_flags(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'g.db'}")
    reason = {"code": "process_info", "article": "", "rules": ["GK-EX-007@1"], "evidence": [{"text": "请示", "start": 0, "end": 2, "rule": "GK-EX-007@1"}]}
    with store.session() as s:
        for n in range(6):
            doc = Document(sha256=f"{n:064x}", source_name=f"d{n}.txt", text="请示", sealed=False)
            s.add(doc)
            s.flush()
            p = Proposal(document_id=doc.id, disclosure="不予公开", secrecy="非密", reasons=[reason])
            s.add(p)
            s.flush()
            task = ReviewTask(document_id=doc.id, proposal_id=p.id, stage="办公室", role="办公室", status="done")
            s.add(task)
            s.flush()
            overridden = n < 4
            s.add(Decision(task_id=task.id, document_id=doc.id, actor="a", role="办公室",
                           action="change" if overridden else "confirm",
                           disclosure="依申请公开" if overridden else "不予公开", secrecy="非密"))
    report = feedback.rule_feedback(store)
    [rule] = report.rules
    assert (rule.rule, rule.fired, rule.confirmed, rule.overridden, rule.flagged) == ("GK-EX-007", 6, 2, 4, True)
    assert rule.changed_to == {"依申请公开/非密": 4}
    assert report.classes["disclosure:不予公开"] == {"依申请公开": 4, "不予公开": 2}
    assert "⚠" in report.markdown()
