"""Active learning (issue 7, item 4): `queue.uncertain_first` in routing.yaml reorders the office queue
by uncertainty first; every other queue keeps risk first."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from gongkai.policy import Routing, load_routing
from gongkai.review import queue as views
from tests.review.seed import actor, add_document, add_users

ROUTING_FILE = Path(__file__).resolve().parents[2] / "rules" / "routing.yaml"


def _routing(uncertain_first: bool) -> Routing:
    return load_routing().model_copy(update={"queue": load_routing().queue.model_copy(
        update={"uncertain_first": uncertain_first})})


@pytest.fixture
def office_queue(store):
    add_users(store, ["bangong", "admin"])
    risky = add_document(store, secrecy="内部", disclosure="依申请公开", confidence=0.95, title="风险高、把握大")[1]
    unsure = add_document(store, confidence=0.40, title="把握最小")[1]
    middle = add_document(store, confidence=0.70, title="把握居中")[1]
    return {"risky": risky, "unsure": unsure, "middle": middle}


def _order(store, name: str, routing: Routing) -> list[int]:
    with store.session() as s:
        return [row.task_id for row in views.queue(s, actor(name), routing=routing)]


def test_the_office_queue_order_follows_the_setting(store, office_queue):
    t = office_queue
    assert _order(store, "bangong", _routing(False)) == [t["risky"], t["unsure"], t["middle"]]
    assert _order(store, "bangong", _routing(True)) == [t["unsure"], t["middle"], t["risky"]]


def test_uncertain_first_applies_only_to_the_configured_stage(store, office_queue):
    t = office_queue
    # the administrator sees every stage: risk stays first
    assert _order(store, "admin", _routing(True)) == [t["risky"], t["unsure"], t["middle"]]
    elsewhere = _routing(True).model_copy(update={"queue": _routing(True).queue.model_copy(update={"stage": "科室"})})
    assert _order(store, "bangong", elsewhere) == [t["risky"], t["unsure"], t["middle"]]


def test_the_shipped_file_keeps_risk_first_and_old_files_without_the_setting_still_load():
    assert load_routing().queue.uncertain_first is False
    data = yaml.safe_load(ROUTING_FILE.read_text("utf-8"))
    data.pop("queue", None)
    assert Routing.model_validate(data).queue.uncertain_first is False
    with pytest.raises(ValueError):
        Routing.model_validate({**data, "queue": {"uncertain_first": True, "stage": "不存在的科室"}})
    with pytest.raises(ValueError):
        Routing.model_validate({**data, "queue": {"uncertain_first": "maybe"}})


def test_the_secrecy_review_queue_can_never_put_risk_second():
    import yaml
    from pydantic import ValidationError

    from gongkai.policy import Routing, rules_dir

    data = yaml.safe_load((rules_dir() / "routing.yaml").read_text(encoding="utf-8"))
    data["queue"] = {"uncertain_first": True, "stage": data["secrecy_stage"]}
    with pytest.raises(ValidationError, match="secrecy stage"):
        Routing.model_validate(data)
