"""The 保密事项范围 catalogue: items found by concepts occurring together, whatever the punctuation or order
between them; qualified by what makes a matter secret; silent in legal text and where a mention is harmless."""
from __future__ import annotations

import pytest
import yaml

from gongkai.errors import GongkaiError
from gongkai.matching.catalogue import load_catalogues
from gongkai.matching.engine import Matcher, catalogue_example_failures, get_matcher
from gongkai.matching.loader import default_rules_dir

MATCHER = get_matcher()


def items_by(text: str) -> dict[str, object]:
    return {f.base_id: f for f in MATCHER.match(text) if f.category == "unmarked_secret"}


def test_every_catalogue_item_passes_its_own_examples():
    assert MATCHER.catalogue_items, "the shipped rules carry a secret-matters catalogue"
    failures = {ci.item.id: catalogue_example_failures(MATCHER, ci.item) for ci in MATCHER.catalogue_items}
    assert {k: v for k, v in failures.items() if v} == {}


def test_the_catalogue_covers_at_least_fifteen_sectors():
    sectors = {ci.sector.sector for ci in MATCHER.catalogue_items}
    assert len(sectors) >= 15


@pytest.mark.parametrize("text", [
    "民兵弹药库坐标：东经103度17分、北纬25度40分。",
    "民兵弹药库，坐标为东经103度17分、北纬25度40分。",  # a comma between 弹药库 and 坐标 (issue 10)
    "坐标为东经103度17分、北纬25度40分——这里是乡民兵武器弹药的存放库房。",  # the other order
    "弹药\n存放于以下库房\n东经 103°17′ 北纬 25°40′",  # broken across lines, as from a PDF
])
def test_concepts_match_in_any_order_and_across_punctuation(text):
    hit = items_by(text).get("GK-SC-040")
    assert hit is not None, text
    assert hit.effect["min_secrecy"] == "机密" and hit.effect["suggest_only"] is True
    assert hit.data["sector"] == "defence_militia" and hit.data["authority"]


def test_a_hit_explains_itself_with_matter_terms_and_qualifier():
    hit = items_by("城东水厂为全城单一水源，取水口无人值守，一旦遭到投毒将导致全城停水。")["GK-SC-120"]
    assert hit.data["matter"].startswith("供水")
    assert {"取水口", "单一水源"} & set(hit.data["terms"])
    assert hit.data["qualifiers"], "what made it secret is named"
    assert hit.reason == "state_secret" and "保守国家秘密法" in hit.article


@pytest.mark.parametrize("text", [
    # a topic alone, without what makes it secret
    "我县持续加强粮食储备管理，确保储备粮数量真实、质量良好。",
    # the same words in a law
    "第一条 为了加强民兵武器装备管理，制定本条例。\n第二条 民兵武器弹药应当存放在符合规定的库室。\n"
    "第三条 库室位置由县级人民武装部确定。\n第四条 本条例自公布之日起施行。",
    # published after the fact
    "市统计局已于4月18日发布一季度统计数据，全市生产总值同比增长5.3%。",
])
def test_harmless_mentions_stay_silent(text):
    assert items_by(text) == {}


def test_the_hard_case_of_the_issue_is_found_without_a_mark():
    text = ("关于调整民兵武器存放点的通知\n各民兵营：\n经研究，县人武部民兵武器库由城关镇迁至青杠乡，"
            "库房坐标东经104°02′、北纬26°15′，作战预案同步修订。以上事项涉及国家秘密，请严格控制知悉范围。")
    found = {f.base_id for f in MATCHER.match(text)}
    assert "GK-SC-040" in found and "GK-ST-001" in found


def _write(tmp_path, data) -> None:
    (tmp_path / "secret_matters.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def _catalogue(**item_overrides) -> dict:
    item = {"id": "GK-SC-901", "version": 1, "matter": "测试事项", "level": "秘密",
            "concepts": [["储备库"], ["坐标"]], "secret_when": ["precise"],
            "examples": {"match": ["储备库坐标"], "no_match": ["储备"]}, **item_overrides}
    return {"catalogue": "test", "version": 1, "description": "测试", "article": "条例第十四条",
            "qualifiers": {"precise": ["坐标"]},
            "sectors": [{"sector": "reserves", "name": "储备", "authority": "储备部门", "items": [item]}]}


def test_an_item_without_a_qualifier_is_refused_with_file_and_field(tmp_path):
    data = _catalogue(secret_when=[])
    _write(tmp_path, data)
    with pytest.raises(GongkaiError, match=r"secret_matters\.yaml: field sectors\.0\.items\.0"):
        load_catalogues(tmp_path)


def test_an_unknown_qualifier_kind_is_refused(tmp_path):
    data = _catalogue()
    data["qualifiers"] = {"not_released": ["发布前"]}
    _write(tmp_path, data)
    with pytest.raises(GongkaiError, match="not defined in `qualifiers`"):
        load_catalogues(tmp_path)


def test_a_catalogue_in_another_folder_is_loaded_and_matched(tmp_path):
    _write(tmp_path, _catalogue())
    from gongkai.matching.catalogue import compile_catalogues

    matcher = Matcher([], compile_catalogues(load_catalogues(tmp_path)))
    assert [f.base_id for f in matcher.match("县储备库，坐标东经104度")] == ["GK-SC-901"]
    assert matcher.match("县储备库管理制度") == []


def test_the_shipped_folder_has_no_other_catalogue_errors():
    assert load_catalogues(default_rules_dir())
