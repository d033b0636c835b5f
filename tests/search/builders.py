"""Small invented documents for the search tests: every name, place and figure here is made up."""
from __future__ import annotations

import hashlib

from gongkai import search
from gongkai.store import repository as repo

HOUSING = ("青川市2025年老旧小区改造专项资金分配方案",
           "为推进老旧小区改造，市财政安排专项资金三千二百万元，用于东湖区、柳林镇等十二个小区的"
           "管网更新、外墙保温和加装电梯。各街道须于六月底前报送项目清单。")
ROADS = ("关于滨江路道路维修工程的公告",
         "滨江路道路维修工程定于四月开工。道路维修期间，滨江路北段实行单向通行，请市民绕行。"
         "道路维修工程由市政工程处负责实施，预计七月完工。")
REPORT = ("青川市城市管理局2025年度工作总结",
          "一年来，我局围绕市容环境整治、违法建设查处和垃圾分类开展工作。全年清理占道经营摊点三百余处，"
          "拆除违法建设一万二千平方米，新建垃圾分类投放点八十个，另完成背街小巷道路维修一处。"
          "明年将继续推进垃圾分类和市容环境整治。")
SCHOOLS = ("东湖区2025年义务教育招生入学工作方案",
           "东湖区公办小学和初中实行划片招生。适龄儿童持户口簿和房产证明到划片学校报名，招生结果于七月公布。")
DEFENCE = ("关于滨江沿线重要目标防护工程的意见",
           "滨江沿线重要目标防护工程涉及三处地下设施，其位置与构造不得对外提供。")


def add(s, title: str | None, text: str | None, *, disclosure: str = "主动公开", secrecy: str = "非密",
        reasons: tuple[str, ...] = ("proactive_scope",), sealed: bool = False, index: bool = True):
    """A document with one proposal, indexed as intake would index it."""
    sha = hashlib.sha256(f"{title}|{text}|{sealed}".encode()).hexdigest()
    document = repo.add_document(s, sha256=sha, source_name=f"{sha[:8]}.txt", text=text,
                                 meta={"title": title} if title else {}, sealed=sealed)
    proposal = repo.add_proposal(s, document, {"disclosure": disclosure, "secrecy": secrecy,
                                               "reasons": [{"code": c} for c in reasons]})
    if index:
        search.index_document(s, document)
    return document, proposal


def decide(s, document, proposal, *, disclosure: str, secrecy: str) -> None:
    """A reviewer's change of the labels."""
    task = repo.open_task(s, document, proposal, "保密审查", "secrecy_officer")
    repo.add_decision(s, task, actor="baomi", role="secrecy_officer", action="change", disclosure=disclosure,
                      secrecy=secrecy, reason="测试用的修改理由")
