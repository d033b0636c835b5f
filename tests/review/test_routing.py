"""The approval paths are data: rules/routing.yaml is complete, loops and dead ends are refused."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from gongkai.errors import GongkaiError
from gongkai.policy import Routing, load_routing
from gongkai.review.calendar import load_calendar
from gongkai.review.routing import due_date, next_stage, previous_stage

ROUTING = load_routing()


@pytest.mark.parametrize("disclosure, end", [("主动公开", "发布"), ("依申请公开", "归档"), ("不予公开", "归档")])
def test_every_path_from_the_office_passes_both_leaders(disclosure, end):
    stage, seen = "办公室", []
    while stage not in ROUTING.terminal:
        seen.append(stage)
        stage = next_stage(ROUTING, stage, disclosure=disclosure, secrecy="非密")
    assert seen == ["办公室", "分管领导", "主要领导"] and stage == end


def test_a_restricted_document_never_takes_the_publication_path():
    # 内部 with a (wrongly) proactive label: after secrecy review it goes to the archive path
    assert next_stage(ROUTING, "办公室", disclosure="主动公开", secrecy="内部") == "保密审查"
    after = next_stage(ROUTING, "保密审查", disclosure="主动公开", secrecy="内部", passed={"保密审查"})
    assert next_stage(ROUTING, after, disclosure="主动公开", secrecy="内部") == "主要领导"
    assert next_stage(ROUTING, "主要领导", disclosure="主动公开", secrecy="内部") == "归档"


def test_sealed_documents_go_from_secrecy_review_to_the_archive():
    assert next_stage(ROUTING, "保密审查", disclosure="不予公开", secrecy="机密", sealed=True) == "归档"


def test_return_goes_to_the_last_other_approved_stage():
    assert previous_stage(ROUTING, "主要领导", ["办公室", "分管领导"]) == "分管领导"
    assert previous_stage(ROUTING, "分管领导", ["办公室", "分管领导"]) == "办公室"
    assert previous_stage(ROUTING, "办公室", []) == "科室"


def _routing_with(**changes) -> dict:
    data = yaml.safe_load((Path(__file__).resolve().parents[2] / "rules" / "routing.yaml").read_text("utf-8"))
    data.update(changes)
    return data


def test_a_loop_or_a_path_that_never_ends_is_refused():
    with pytest.raises(ValueError, match="loops"):
        Routing.model_validate(_routing_with(next_stage={"proactive": {"办公室": "分管领导", "分管领导": "办公室"},
                                                          "other": {"办公室": "归档"}}))
    with pytest.raises(ValueError, match="not terminal"):
        Routing.model_validate(_routing_with(next_stage={"proactive": {"办公室": "分管领导"}, "other": {}}))
    with pytest.raises(ValueError, match="not in stages"):
        Routing.model_validate(_routing_with(roles={"档案室": "archivist"}))


def test_due_dates_count_working_days_and_an_unknown_year_gives_a_warning_not_a_crash(tmp_path):
    assert due_date(ROUTING, date(2026, 9, 25)) == (date(2026, 10, 29), None)
    due, warning = due_date(ROUTING, date(2026, 12, 20))
    assert due is None and "holidays.yaml" in warning
    f = tmp_path / "holidays.yaml"
    f.write_text("version: 1\nyears:\n  2027:\n    holidays: [2027-01-01]\n", encoding="utf-8")
    due, warning = due_date(ROUTING, date(2026, 12, 20), load_calendar(f))
    assert warning is None and due.year == 2027
    with pytest.raises(GongkaiError):
        due_date(ROUTING, date(2026, 1, 1), load_calendar(tmp_path / "missing.yaml"))
