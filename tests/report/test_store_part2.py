"""Part 2's 本年制发件数 from the store: only documents whose review reached 发布, by their 成文日期 and genre;
and `gongkai report annual`, which checks before it writes and writes nothing that does not add up."""
from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from gongkai.report import tables as T
from gongkai.report.annual import count_made, published_documents
from gongkai.report.figures import load_annual_rules
from gongkai.review.service import ReviewService
from gongkai.store.models import ReviewTask
from tests.review.seed import actor, add_document, add_users

REGULATION = ("青川市人民政府令\n第7号\n青川市城市绿化管理办法\n《青川市城市绿化管理办法》已经2026年3月2日市人民政府"
              "第9次常务会议通过，现予公布，自2026年5月1日起施行。\n青川市人民政府\n2026年3月10日")
NORMATIVE = ("青川市住房租赁补贴管理办法\n第一条 为规范住房租赁补贴发放，制定本办法。\n第二十条 本办法自2026年8月1日起施行，"
             "有效期5年。\n青川市住房和城乡建设局\n2026年7月1日")
NORMATIVE_LAST_YEAR = NORMATIVE.replace("2026年7月1日", "2025年12月20日").replace("住房租赁补贴", "公共租赁住房")
NOTICE = "关于做好2026年春节期间安全生产工作的通知\n各单位：\n请做好值班安排。\n青川市应急管理局\n2026年1月20日"


def _publish(store, service, text: str) -> int:
    doc_id, _task = add_document(store, text=text, stage="主要领导")
    with store.session() as s:
        task = s.scalar(select(ReviewTask).where(ReviewTask.document_id == doc_id, ReviewTask.status == "open"))
        task_id, version = task.id, task.version
    out = service.confirm(actor("zhuyao"), task_id, version, catalogue={"发布机构": "青川市测试局", "成文日期": "2026-06-01"})
    assert out.next_stage == "发布"
    return doc_id


def test_documents_made_in_the_year_are_those_published_with_a_date_in_it(store, tmp_path, cheap_password_hashing):
    add_users(store, ["zhuyao"])
    service = ReviewService(store, data_dir=tmp_path / "data")
    regulation = _publish(store, service, REGULATION)
    normative = _publish(store, service, NORMATIVE)
    _publish(store, service, NORMATIVE_LAST_YEAR)  # published, but written the year before
    _publish(store, service, NOTICE)  # published, neither genre
    add_document(store, text=REGULATION.replace("第7号", "第8号").replace("城市绿化", "城市照明"), stage="主要领导")  # not yet at 发布
    made = count_made(published_documents(store), 2026, load_annual_rules())
    assert made == {T.REGULATIONS: [regulation], T.NORMATIVE: [normative]}
    assert count_made(published_documents(store), 2025, load_annual_rules())[T.NORMATIVE] != []


# --- the command ----------------------------------------------------------------------------------

@pytest.fixture
def data_dir(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("GONGKAI_DATA_DIR", str(tmp_path / "var"))
    monkeypatch.delenv("GONGKAI_DATABASE_URL", raising=False)
    monkeypatch.chdir(tmp_path)
    yield tmp_path / "var"
    from gongkai.store.db import close_all

    close_all()


def test_annual_writes_docx_and_html_for_a_consistent_year(data_dir, tmp_path, monkeypatch, capsys):
    from gongkai.commands import report as command
    from gongkai.commands.main import main
    from tests.report.known_year import YEAR, make_records

    monkeypatch.setattr(command, "_records", lambda store, year: make_records(year))  # the records module is
    out = tmp_path / "out"                                                              # another engineer's part
    assert main(["report", "annual", "--year", str(YEAR), "--organ", "青川市测试局", "--out", str(out)]) == 0
    written = sorted(p.suffix for p in out.iterdir())
    assert written == [".docx", ".html"]
    html = next(out.glob("*.html")).read_text("utf-8")
    assert "青川市测试局2026年政府信息公开工作年度报告" in html and "data:image/png;base64," in html
    assert "【草稿，请审核修改】" in html
    assert main(["report", "check", str(next(out.glob("*.docx")))]) == 0


def test_annual_refuses_to_write_a_report_that_does_not_add_up(data_dir, tmp_path, monkeypatch, capsys):
    from gongkai.commands import report as command
    from gongkai.commands.main import main
    from gongkai.report import annual

    real_build = annual.build_report

    def broken(*args, **kwargs):  # a counting bug: one cell off
        report = real_build(*args, **kwargs)
        report.part3.set(T.CARRIED_OUT, "自然人", report.part3.get(T.CARRIED_OUT, "自然人") + 1)
        return report

    monkeypatch.setattr(annual, "build_report", broken)
    monkeypatch.setattr(command, "_records", lambda store, year: [])
    out = tmp_path / "out"
    assert main(["report", "annual", "--year", "2026", "--organ", "某局", "--out", str(out)]) == 1
    text = capsys.readouterr().out
    assert "行「四、结转下年度继续办理」｜列「自然人」" in text and "未生成报告" in text
    assert not out.exists() or not any(out.iterdir())


def test_annual_without_an_organ_name_says_how_to_give_one(data_dir, capsys):
    from gongkai.commands.main import main

    assert main(["report", "annual", "--year", "2026"]) == 2
    assert "--organ" in capsys.readouterr().err
