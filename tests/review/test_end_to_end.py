"""One document from the inbox through every stage to the publication catalogue, on the real intake."""
from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from gongkai.review.audit import verify
from gongkai.review.service import ReviewService
from gongkai.store.models import ReviewTask
from tests.review.seed import actor, add_users

NOTICE = ("XX市财政局\n关于公开2025年部门预算的通知\n各科室：\n现将本局2025年部门预算予以公开，"
          "咨询电话联系人：张伟，13812345678。\nXX市财政局\n2025年3月1日\n（此件主动公开）\n")


@pytest.fixture(scope="module")
def rules_reviewer():
    from gongkai.proposer import Proposer as Reviewer
    from gongkai.settings import Settings

    return Reviewer(Settings(environ={}), model=None)


def test_from_the_inbox_to_publication(tmp_path, rules_reviewer):
    from gongkai.intake import Intake
    from gongkai.settings import Settings
    from tests.review.seed import open_test_store

    store = open_test_store(f"sqlite:///{tmp_path / 'e2e.db'}")
    add_users(store)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "budget.txt").write_text(NOTICE, encoding="utf-8")
    settings = Settings({"data_dir": str(tmp_path / "data")}, environ={})
    results = Intake(settings, store=store, reviewer=rules_reviewer).run(inbox)
    assert [r.outcome for r in results] == ["processed"]
    service = ReviewService(store, data_dir=tmp_path / "data")

    def open_task():
        with store.session() as s:
            return s.scalar(select(ReviewTask).where(ReviewTask.status == "open"))

    task = open_task()
    # rules alone: the most cautious proposal, personal data found → the secrecy officer first
    assert task.stage == "保密审查"
    service.change(actor("baomi"), task.id, task.version, disclosure="主动公开", secrecy="非密",
                   reason="属于预算公开范围", justification="个人信息遮盖后主动公开（第三十七条）")
    for name in ("fenguan", "zhuyao"):
        task = open_task()
        out = service.confirm(actor(name), task.id, task.version)
    assert out.next_stage == "发布" and open_task() is None
    json_file = next(p for p in out.published if p.endswith(".json"))
    entry = json.loads(open(json_file, encoding="utf-8").read())
    assert entry["标题"] == "关于公开2025年部门预算的通知" and entry["成文日期"] == "2025年3月1日"
    assert "13812345678" not in entry["text"] and "部门预算予以公开" in entry["text"]
    with store.session() as s:
        assert verify(s).ok
    store.dispose()
