"""Full-text search on SQLite and PostgreSQL: Chinese queries, ranking, sealed and secret documents,
labels in force, reindexing."""
from __future__ import annotations

import re

from alembic import command
from alembic.config import Config

from gongkai import search
from gongkai.review.users import Actor
from gongkai.search.config import load_search_config
from gongkai.store.db import MIGRATIONS
from tests.search.builders import DEFENCE, HOUSING, REPORT, ROADS, SCHOOLS, add, decide


def ids(hits) -> list[int]:
    return [h.document_id for h in hits]


def test_chinese_queries_find_the_documents_that_contain_them(store):
    with store.session() as s:
        housing, _ = add(s, *HOUSING)
        roads, _ = add(s, *ROADS)
        schools, _ = add(s, *SCHOOLS)
        housing_id, roads_id, schools_id = housing.id, roads.id, schools.id
    with store.session() as s:
        assert ids(search.search(s, "老旧小区改造")) == [housing_id]
        assert ids(search.search(s, "划片招生")) == [schools_id]
        assert ids(search.search(s, "单向通行")) == [roads_id]
        # words of a request phrased as a sentence; stop words (关于, 的) do not count
        assert ids(search.search(s, "关于加装电梯的专项资金")) == [housing_id]
        assert search.search(s, "防汛抗旱") == []
        assert search.search(s, "的 关于") == []  # nothing left to look for


def test_every_word_is_required_unless_any_is_asked_for(store):
    with store.session() as s:
        housing_id, schools_id = add(s, *HOUSING)[0].id, add(s, *SCHOOLS)[0].id
    with store.session() as s:
        assert search.search(s, "加装电梯 招生") == []
        assert sorted(ids(search.search(s, "加装电梯 招生", match="any"))) == sorted([housing_id, schools_id])


def test_the_better_match_ranks_first(store):
    with store.session() as s:
        report_id = add(s, *REPORT)[0].id  # mentions 道路维修 once, in passing
        roads_id = add(s, *ROADS)[0].id  # about it: in the title and three times in the text
        add(s, *SCHOOLS)
    with store.session() as s:
        hits = search.search(s, "道路维修")
        assert ids(hits) == [roads_id, report_id]
        assert hits[0].score > hits[1].score
        assert ids(search.search(s, "道路维修", limit=1)) == [roads_id]


def test_a_hit_shows_title_labels_reasons_and_a_marked_snippet(store):
    config = load_search_config()
    with store.session() as s:
        document, _ = add(s, *REPORT, disclosure="依申请公开", reasons=("on_request", "process_info"))
        document_id = document.id
    with store.session() as s:
        [hit] = search.search(s, "垃圾分类")
    assert (hit.document_id, hit.title, hit.withheld) == (document_id, REPORT[0], False)
    assert (hit.disclosure, hit.secrecy, hit.reasons) == ("依申请公开", "非密", ("on_request", "process_info"))
    marked = re.findall(re.escape(config.mark_open) + "(.*?)" + re.escape(config.mark_close), hit.snippet)
    assert marked and all(m in "垃圾分类" for m in marked)
    plain = hit.snippet.replace(config.mark_open, "").replace(config.mark_close, "").strip("…")
    assert plain in REPORT[1] and len(plain) <= config.snippet_chars


def test_sealed_documents_are_never_indexed(store):
    with store.session() as s:
        sealed, _ = add(s, "人防工程布局说明", None, secrecy="机密", reasons=("state_secret",), sealed=True)
        assert search.index_document(s, sealed) is False
        add(s, *HOUSING)
    with store.session() as s:
        assert search.search(s, "人防工程") == []
        assert search.reindex_all(s) == 1
        assert search.search(s, "人防工程") == []
        assert search.indexed_count(s) == 1


def test_a_secret_document_is_found_but_neither_its_title_nor_its_text_shown(store):
    with store.session() as s:
        secret_id = add(s, *DEFENCE, disclosure="不予公开", secrecy="秘密", reasons=("state_secret",))[0].id
        # proposed 非密, raised to 机密 by a reviewer: the decision is what counts
        raised, proposal = add(s, "滨江路地下管廊防护工程检修记录", "防护工程检修三次，详见附表。")
        decide(s, raised, proposal, disclosure="不予公开", secrecy="机密")
        raised_id = raised.id
    with store.session() as s:
        hits = {h.document_id: h for h in search.search(s, "防护工程")}
    assert set(hits) == {secret_id, raised_id}
    assert (hits[secret_id].title, hits[secret_id].snippet, hits[secret_id].withheld) == (None, None, True)
    assert (hits[secret_id].secrecy, hits[secret_id].reasons) == ("秘密", ("state_secret",))
    assert (hits[raised_id].title, hits[raised_id].snippet) == (None, None)
    assert (hits[raised_id].disclosure, hits[raised_id].secrecy) == ("不予公开", "机密")


def test_the_labels_in_force_are_the_latest_decision_else_the_proposal(store):
    with store.session() as s:
        schools, proposal = add(s, *SCHOOLS)
        decide(s, schools, proposal, disclosure="依申请公开", secrecy="内部")
        add(s, *HOUSING)
    with store.session() as s:
        [decided] = search.search(s, "招生")
        [proposed] = search.search(s, "加装电梯")
    assert (decided.disclosure, decided.secrecy, decided.withheld) == ("依申请公开", "内部", False)
    assert (proposed.disclosure, proposed.secrecy) == ("主动公开", "非密")


def test_a_viewer_below_the_documents_level_sees_no_content(store):
    with store.session() as s:
        add(s, *SCHOOLS, secrecy="内部")
    with store.session() as s:
        [cleared] = search.search(s, "招生", viewer=Actor("bangong", "office", "内部"))
        [uncleared] = search.search(s, "招生", viewer=Actor("keshi", "department", "非密"))
    assert cleared.title == SCHOOLS[0] and cleared.snippet
    assert (uncleared.title, uncleared.snippet, uncleared.withheld) == (None, None, True)


def test_reindexing_is_idempotent_and_indexing_twice_adds_nothing(store):
    with store.session() as s:
        roads, _ = add(s, *ROADS)
        add(s, *REPORT)
        add(s, *HOUSING, index=False)  # stored before the index existed
        search.index_document(s, roads)  # again: replaces, never duplicates
    with store.session() as s:
        before = [(h.document_id, h.score) for h in search.search(s, "道路维修")]
        assert len(before) == 2
        assert search.search(s, "加装电梯") == []
    with store.session() as s:
        assert search.reindex_all(s) == 3
    with store.session() as s:
        first = [(h.document_id, h.score, h.snippet) for h in search.search(s, "道路维修 加装电梯", match="any")]
        assert search.reindex_all(s) == 3
        assert search.indexed_count(s) == 3
    with store.session() as s:
        second = [(h.document_id, h.score, h.snippet) for h in search.search(s, "道路维修 加装电梯", match="any")]
        assert len(first) == 3 and second == first
        assert ids(search.search(s, "道路维修")) == [doc for doc, _ in before]


def test_removed_documents_are_no_longer_found(store):
    with store.session() as s:
        roads_id = add(s, *ROADS)[0].id
        report_id = add(s, *REPORT)[0].id
    with store.session() as s:
        search.remove(s, roads_id)
    with store.session() as s:
        assert ids(search.search(s, "道路维修")) == [report_id]


def test_upgrading_a_store_that_holds_documents_indexes_them(store):
    with store.session() as s:
        housing_id = add(s, *HOUSING, index=False)[0].id
        add(s, "人防工程布局说明", None, secrecy="机密", sealed=True, index=False)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with store.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0004_info_requests")
        command.upgrade(config, "head")
    with store.session() as s:
        assert ids(search.search(s, "老旧小区")) == [housing_id]
        assert search.indexed_count(s) == 1
