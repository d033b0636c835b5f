"""Intake indexes what it stores, in the document's own transaction; the sealed document stays out."""
from __future__ import annotations

import pytest

from gongkai import search
from gongkai.intake import Intake
from gongkai.proposer import Proposer
from gongkai.settings import Settings
from gongkai.store import repository as repo
from gongkai.store.db import Store

PARK = ("青川市东湖公园改造提升工程的通知\n各有关单位：\n东湖公园改造提升工程包括环湖步道、儿童游乐区和公共厕所，"
        "由市园林绿化中心组织实施，工期六个月。\n青川市园林绿化中心\n2026年4月2日\n（此件公开发布）\n")
BUS = ("关于调整青川市12路公交线路的公告\n因滨江路施工，12路公交线路自5月1日起临时绕行柳林大道，"
       "停靠站点相应调整，请广大乘客相互转告。\n青川市交通运输局\n2026年4月20日\n（此件公开发布）\n")
SEALED = ("000031\n机密★5年\n临河县人民政府\n关于应急指挥所转移方案的请示\n市人民政府：\n"
          "应急指挥所备用地点设在北山隧道内，通信设备由专人值守。\n妥否，请批示。\n临河县人民政府\n2026年5月9日\n")


@pytest.fixture(scope="module")
def rules_reviewer():
    return Proposer(Settings(environ={}), model=None)


def test_intake_indexes_each_stored_document_and_never_a_sealed_one(tmp_path, store_url, rules_reviewer):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name, text in [("公园.txt", PARK), ("公交.txt", BUS), ("请示.txt", SEALED)]:
        (inbox / name).write_text(text, encoding="utf-8")
    store = Store(store_url, audit_key_file=tmp_path / "audit.key")
    settings = Settings({"data_dir": str(tmp_path / "var")}, environ={})
    try:
        outcomes = {r.name: r.outcome for r in Intake(settings, store=store, reviewer=rules_reviewer).run(inbox)}
        assert outcomes == {"公园.txt": "processed", "公交.txt": "processed", "请示.txt": "sealed"}
        with store.session() as s:
            by_source = {d.source_name: d.id for d in repo.all_documents(s)}
            assert [h.document_id for h in search.search(s, "环湖步道")] == [by_source["公园.txt"]]
            assert [h.document_id for h in search.search(s, "公交线路绕行")] == [by_source["公交.txt"]]
            assert search.search(s, "应急指挥所") == [] and search.search(s, "北山隧道") == []
            assert search.indexed_count(s) == 2
            # what intake indexed is what a rebuild gives
            before = [(h.document_id, h.score) for h in search.search(s, "公园 公交", match="any")]
            assert len(before) == 2
            assert search.reindex_all(s) == 2
            assert [(h.document_id, h.score) for h in search.search(s, "公园 公交", match="any")] == before
    finally:
        store.dispose()
