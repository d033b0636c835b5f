"""rules/reply_templates.yaml and rules/requests.yaml: loaded, complete, and refused when broken."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from gongkai.errors import GongkaiError
from gongkai.info_requests.config import load_request_rules
from gongkai.info_requests.templates import load_templates
from gongkai.info_requests.vocab import REPLY_RESULTS

RULES = Path(__file__).resolve().parents[2] / "rules"


def _copy_with(tmp_path: Path, name: str, change) -> Path:
    data = yaml.safe_load((RULES / name).read_text(encoding="utf-8"))
    change(data)
    (tmp_path / name).write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return tmp_path


def test_every_result_has_a_template_citing_an_article():
    templates = load_templates(RULES)
    for result in REPLY_RESULTS:
        tpl = templates.resolve(result)
        assert tpl.article.startswith("第") and "条" in tpl.article, result
        assert tpl.body.strip() and tpl.title.endswith(("书", "告知书")), result
    assert "第十五条" in templates.resolve("withhold.third_party").article
    assert "国家秘密" in templates.resolve("withhold.state_secret").reason
    # the withholding categories share the group's body and state their own ground
    assert templates.resolve("withhold.process_info").body == templates.resolve("withhold").body
    assert templates.resolve("withhold.process_info").reason != templates.resolve("withhold.enforcement_file").reason


def test_a_missing_template_is_refused(tmp_path):
    def drop(data):
        del data["templates"]["unable.not_held"]
        del data["templates"]["unable"]
    folder = _copy_with(tmp_path, "reply_templates.yaml", drop)
    with pytest.raises(GongkaiError) as err:
        load_templates(folder)
    assert err.value.code == "config_invalid" and "unable.not_held" in err.value.detail


def test_an_unknown_placeholder_is_refused(tmp_path):
    def typo(data):
        data["templates"]["disclose"]["body"] += "{applicant_name}"
    with pytest.raises(GongkaiError) as err:
        load_templates(_copy_with(tmp_path, "reply_templates.yaml", typo))
    assert "applicant_name" in err.value.detail


def test_request_rules_load_and_their_chain_uses_known_roles():
    from gongkai.policy import load_routing

    rules = load_request_rules(RULES)
    assert rules.reply_working_days == 20 and rules.nearly_due_working_days == 3
    assert [s.stage for s in rules.approval_chain] == ["办公室", "分管领导", "主要领导"]
    assert {s.role for s in rules.approval_chain} <= set(load_routing(RULES).roles.values())
    assert rules.after("分管领导") == "主要领导" and rules.after("主要领导") == "done"


def test_request_rules_refuse_a_chain_without_approvals(tmp_path):
    def short(data):
        data["approval_chain"] = data["approval_chain"][:1]
    with pytest.raises(GongkaiError):
        load_request_rules(_copy_with(tmp_path, "requests.yaml", short))
