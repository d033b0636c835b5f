"""Need-to-know (gongkai.review.access) and log-in throttling (gongkai.web.throttle) as plain library."""
from __future__ import annotations

import pytest

from gongkai.policy import NeedToKnow, Routing, load_routing
from gongkai.review.access import document_department, may_see
from gongkai.store.models import Document
from gongkai.web.throttle import LoginThrottle
from tests.review.seed import actor, add_document


def test_a_documents_department_is_its_metadata_else_its_inbox_folder():
    assert document_department(Document(source_name="财政科/a.txt", meta={})) == "财政科"
    assert document_department(Document(source_name="财政科\\a.txt", meta={})) == "财政科"
    assert document_department(Document(source_name="a.txt", meta={"department": "人事科"})) == "人事科"
    assert document_department(Document(source_name="a.txt", meta={})) is None


def test_need_to_know_switches_are_read_from_routing(store):
    doc_id, _ = add_document(store)
    base = load_routing()
    everyone = base.model_copy(update={"need_to_know": NeedToKnow(exempt_roles=["admin", "leader_in_charge"])})
    with store.session() as s:
        document = s.get(Document, doc_id)
        assert may_see(s, actor("bangong"), document, base)
        assert not may_see(s, actor("fenguan"), document, base)
        assert may_see(s, actor("fenguan"), document, everyone)
        no_stage = base.model_copy(update={"need_to_know": NeedToKnow(own_stage=False)})
        assert not may_see(s, actor("bangong"), document, no_stage)


def test_the_routing_schema_refuses_unknown_roles_and_stages():
    data = load_routing().model_dump()
    data["need_to_know"]["exempt_roles"] = ["admin", "adnim"]
    with pytest.raises(ValueError, match="adnim"):
        Routing.model_validate(data)
    data["need_to_know"] = {"own_stage": True, "everybody": True}
    with pytest.raises(ValueError):
        Routing.model_validate(data)
    data["need_to_know"] = {"department_stages": ["科 室"]}
    with pytest.raises(ValueError, match="科 室"):
        Routing.model_validate(data)


def test_the_log_in_delay_grows_per_name_and_address_and_a_reset_clears_it():
    now = [1000.0]
    throttle = LoginThrottle(free=3, base=30, cap=120, clock=lambda: now[0])
    for _ in range(3):
        assert throttle.wait("bangong", "10.0.0.5") == 0
        throttle.fail("bangong", "10.0.0.5")
    assert throttle.wait("bangong", "10.0.0.5") == 30
    assert throttle.wait("keshi", "10.0.0.5") == 0 and throttle.wait("bangong", "10.0.0.6") == 0
    now[0] += 30
    assert throttle.wait("bangong", "10.0.0.5") == 0
    throttle.fail("bangong", "10.0.0.5")
    assert throttle.wait("bangong", "10.0.0.5") == 60  # doubled
    throttle.fail("bangong", "10.0.0.5")
    throttle.fail("bangong", "10.0.0.5")
    assert throttle.wait("bangong", "10.0.0.5") == 120  # capped
    assert [(h.name, h.failures, h.wait_seconds) for h in throttle.held()] == [("bangong", 6, 120)]
    assert throttle.reset("bangong", "10.0.0.5") and throttle.wait("bangong", "10.0.0.5") == 0
    assert not throttle.reset("bangong", "10.0.0.5")


def test_a_departments_stage_tasks_go_to_its_own_members_only(store):
    from gongkai.review.users import add_user

    with store.session() as s:
        add_user(s, "keshi_hr", "correct horse 42", "department", "内部")
    finance, _ = add_document(store, stage="科室")
    unlisted, _ = add_document(store, stage="科室")
    with store.session() as s:
        s.get(Document, finance).source_name = "财政科/预算.txt"
        s.get(Document, unlisted).source_name = "档案科/目录.txt"
    from gongkai.review.users import Actor

    routing = load_routing().model_copy(update={"need_to_know": NeedToKnow(
        departments={"财政科": ["keshi"], "人事科": ["keshi_hr"]}, department_stages=["科室"])})
    hr = Actor("keshi_hr", "department", "内部")
    with store.session() as s:
        assert may_see(s, actor("keshi"), s.get(Document, finance), routing)
        assert not may_see(s, hr, s.get(Document, finance), routing)  # another 科室's draft
        # a 科室 nobody is listed for: the stage rule still applies, so that the task is not orphaned
        assert may_see(s, hr, s.get(Document, unlisted), routing)
        assert not may_see(s, hr, s.get(Document, finance), load_routing().model_copy(update={
            "need_to_know": NeedToKnow(departments={"财政科": ["keshi"]}, department_stages=["科室"])}))


def test_a_users_department_on_the_account_gives_them_their_departments_documents_only(store):
    """The 科室 is an attribute of the account (not a list of names in the rules file): a clerk added with
    --department sees that 科室's drafts at the 科室 stage, and another 科室's clerk does not."""
    from gongkai.review.users import add_user, get_actor

    with store.session() as s:
        add_user(s, "cz_clerk", "correct horse 42", "department", "内部", department="财政科")
        add_user(s, "rs_clerk", "correct horse 42", "department", "内部", department="人事科")
    finance, _ = add_document(store, stage="科室")
    with store.session() as s:
        s.get(Document, finance).source_name = "财政科/预算.txt"
    routing = load_routing().model_copy(update={"need_to_know": NeedToKnow(department_stages=["科室"])})
    with store.session() as s:
        cz, rs = get_actor(s, "cz_clerk"), get_actor(s, "rs_clerk")
        assert cz.department == "财政科" and rs.department == "人事科"
        assert may_see(s, cz, s.get(Document, finance), routing)
        assert not may_see(s, rs, s.get(Document, finance), routing)


def test_a_department_changed_behind_gongkais_back_is_caught_by_the_audit(store):
    from sqlalchemy import select, update

    from gongkai.review.integrity import user_problems
    from gongkai.review.users import add_user
    from gongkai.store.users import User

    with store.session() as s:
        add_user(s, "cz_clerk2", "correct horse 42", "department", "内部", department="财政科")
    with store.session() as s:
        s.info["actor"] = "admin"
        s.scalar(select(User).where(User.name == "cz_clerk2")).department = "人事科"
    with store.session() as s:
        assert user_problems(s, "cz_clerk2") == []  # changed through gongkai: audited, consistent
        s.execute(update(User).where(User.name == "cz_clerk2").values(department="档案科"))  # raw SQL: no event
    with store.session() as s:
        problems = user_problems(s, "cz_clerk2")
        assert problems and "department" in problems[0] and "档案科" in problems[0]
