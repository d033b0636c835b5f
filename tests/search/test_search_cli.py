"""`gongkai search`: Chinese output, JSON lines, --reindex; a secret hit shows neither title nor text."""
from __future__ import annotations

import json

import pytest

from gongkai.commands.main import main
from gongkai.settings import Settings
from gongkai.store.db import close_all, open_store
from tests.search.builders import DEFENCE, REPORT, ROADS, add


@pytest.fixture
def cli_store(tmp_path, monkeypatch):
    for var in ("GONGKAI_DATABASE_URL", "GONGKAI_AUDIT_KEY_FILE"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("GONGKAI_DATA_DIR", str(tmp_path / "var"))
    yield open_store(Settings())
    close_all()


def test_search_prints_hits_in_chinese_with_their_labels(cli_store, capsys):
    with cli_store.session() as s:
        add(s, *ROADS)
        add(s, *DEFENCE, disclosure="不予公开", secrecy="秘密", reasons=("state_secret",))
    assert main(["search", "滨江"]) == 0
    out = capsys.readouterr().out
    assert "找到 2 个文件" in out
    assert ROADS[0] in out and "公开属性：主动公开" in out
    assert "密级：秘密" in out and "国家秘密" in out
    assert DEFENCE[0] not in out and "地下设施" not in out  # the secret's title and text stay out


def test_search_json_and_reindex(cli_store, capsys):
    with cli_store.session() as s:
        roads_id = add(s, *ROADS, index=False)[0].id
        report_id = add(s, *REPORT, index=False)[0].id
    assert main(["search", "道路维修", "--json"]) == 0
    assert capsys.readouterr().out == ""  # not indexed yet
    assert main(["search", "--reindex"]) == 0
    assert "2 个文件" in capsys.readouterr().out
    assert main(["search", "道路维修", "--json", "--limit", "5"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["document_id"] for r in rows] == [roads_id, report_id]
    assert rows[0]["title"] == ROADS[0] and rows[0]["withheld"] is False


def test_search_without_a_query_is_refused(cli_store, capsys):
    assert main(["search"]) == 2
    assert "--reindex" in capsys.readouterr().err
