"""Loading and validating rule files; `gongkai rules check` on good and broken folders."""
from __future__ import annotations

import argparse
import textwrap
from pathlib import Path

import pytest

from gongkai.errors import GongkaiError
from gongkai.matching import load_rules
from gongkai.commands.rules import register

GOOD_RULE = """
  - id: GK-TS-001
    version: 2
    category: exemption
    description: 测试用规则
    article: 政府信息公开条例第十六条
    effect: {reason: internal_affairs, disclosure_hint: 不予公开}
    patterns:
      - phrase: 值班表
    score: 0.5
    examples:
      match: [附件：值班表]
      no_match: [无关的句子]
"""


def write(folder: Path, name: str, body: str) -> Path:
    path = folder / name
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


def ruleset(rules: str, name: str = "test_set") -> str:
    return f"ruleset: {name}\nversion: 1\nrules:{rules}"


def test_shipped_rules_load_with_unique_ids():
    rulesets = load_rules()
    names = {rs.ruleset for rs in rulesets}
    assert {"secrecy_marks", "disclosure_lines", "secret_statements", "exemptions", "proactive_scope"} <= names
    ids = [r.id for rs in rulesets for r in rs.rules]
    assert len(ids) == len(set(ids))
    assert all(r.versioned_id.startswith(r.id + "@") for rs in rulesets for r in rs.rules)


def test_non_rule_files_and_underscore_files_are_ignored(tmp_path):
    write(tmp_path, "a.yaml", ruleset(GOOD_RULE))
    write(tmp_path, "policy.yaml", "thresholds: {x: 1}\n")
    write(tmp_path, "_draft.yaml", "rules: [broken")
    rulesets = load_rules(tmp_path)
    assert [rs.ruleset for rs in rulesets] == ["test_set"]
    assert rulesets[0].rules[0].versioned_id == "GK-TS-001@2"


@pytest.mark.parametrize(
    "change, field, what",
    [
        (("reason: internal_affairs", "reason: secret_ish"), "effect.reason", "Input should be"),
        (("score: 0.5", "score: 1.5"), "score", "less than or equal"),
        (("disclosure_hint: 不予公开", "disclosure_hint: 不予公开, min_secrecy: 顶级"), "effect.min_secrecy", "Input should be"),
        (("      - phrase: 值班表", "      - phrase: 值班表\n        regex: 'x'"), "patterns.0", "exactly one"),
        (("      - phrase: 值班表", "      - regex: '值班(表'"), "patterns.0.regex", "does not compile"),
        (("      - phrase: 值班表", "      - regex: '\\d{18}'\n        validator: no_such_check"),
         "patterns.0.validator", "unknown validator"),
        (("      - phrase: 值班表", "      - recognizer: no_such_recognizer"), "patterns.0.recognizer",
         "unknown recognizer"),
        (("      no_match: [无关的句子]\n", ""), "examples.no_match", "Field required"),
        (("    score: 0.5", "    score: 0.5\n    colour: red"), "colour", "Extra inputs"),
        (("description: 测试用规则", "description: only english"), "description", "Chinese"),
    ],
)
def test_broken_rule_names_file_rule_and_field(tmp_path, change, field, what):
    write(tmp_path, "broken.yaml", ruleset(GOOD_RULE.replace(*change)))
    with pytest.raises(GongkaiError) as exc:
        load_rules(tmp_path)
    assert exc.value.code == "rule_file_invalid"
    assert f"broken.yaml: rule GK-TS-001: field {field}: " in exc.value.detail
    assert what in exc.value.detail


def test_duplicate_id_across_files(tmp_path):
    write(tmp_path, "a.yaml", ruleset(GOOD_RULE, "set_a"))
    write(tmp_path, "b.yaml", ruleset(GOOD_RULE, "set_b"))
    with pytest.raises(GongkaiError, match=r"b\.yaml: rule GK-TS-001: field id: duplicate id, also in a\.yaml"):
        load_rules(tmp_path)


def test_unknown_required_rule(tmp_path):
    body = GOOD_RULE.replace("    score: 0.5", "    require: {rules: [GK-XX-999]}\n    score: 0.5")
    write(tmp_path, "a.yaml", ruleset(body))
    with pytest.raises(GongkaiError, match=r"rule GK-TS-001: field require\.rules\.0: unknown rule id"):
        load_rules(tmp_path)


def test_yaml_syntax_error_names_file(tmp_path):
    write(tmp_path, "bad.yaml", "ruleset: x\nrules: [\n  - {id: 1\n")
    with pytest.raises(GongkaiError, match=r"bad\.yaml: rule \?: field \(yaml\)"):
        load_rules(tmp_path)


def run_cli(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="gongkai")
    register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(list(argv))
    return args.func(args)


def test_rules_check_passes_on_shipped_rules(capsys):
    assert run_cli("rules", "check") == 0
    out = capsys.readouterr().out
    assert "secrecy_marks.yaml" in out and " 0 failures" in out


def test_rules_check_fails_on_broken_file(tmp_path, capsys):
    write(tmp_path, "broken.yaml", ruleset(GOOD_RULE.replace("reason: internal_affairs", "reason: nope")))
    assert run_cli("rules", "check", "--rules-dir", str(tmp_path)) == 1
    assert "broken.yaml: rule GK-TS-001: field effect.reason" in capsys.readouterr().out


def test_rules_check_fails_on_wrong_example(tmp_path, capsys):
    write(tmp_path, "a.yaml", ruleset(GOOD_RULE.replace("no_match: [无关的句子]", "no_match: [这是值班表]")))
    assert run_cli("rules", "check", "--rules-dir", str(tmp_path)) == 1
    out = capsys.readouterr().out
    assert "FAIL a.yaml" in out and "GK-TS-001: no_match example matched" in out and "这是值班表" in out


def test_rules_explain_prints_findings_in_context(tmp_path, capsys):
    doc = tmp_path / "doc.txt"
    doc.write_text("机密★10年\n关于储备粮轮换的通知\n各单位：\n现将有关事项通知如下。\n某局\n2026年3月1日\n（此件公开发布）\n",
                   encoding="utf-8")
    assert run_cli("rules", "explain", str(doc), "--no-color") == 0
    out = capsys.readouterr().out
    assert "【机密★10年】" in out and "GK-SM-001@1" in out
    assert "冲突" in out and "\x1b[" not in out


def test_rules_explain_missing_file(tmp_path, capsys):
    assert run_cli("rules", "explain", str(tmp_path / "nope.txt")) == 1


def test_rules_check_reports_every_broken_file(tmp_path, capsys):
    write(tmp_path, "a.yaml", ruleset(GOOD_RULE.replace("score: 0.5", "score: 7"), "set_a"))
    write(tmp_path, "b.yaml", ruleset(GOOD_RULE.replace("GK-TS-001", "GK-TS-002").replace("category: exemption", "category: x"), "set_b"))
    write(tmp_path, "policy.yaml", "thresholds: {x: 1}\n")
    assert run_cli("rules", "check", "--rules-dir", str(tmp_path)) == 1
    out = capsys.readouterr().out
    assert "a.yaml: rule GK-TS-001: field score" in out and "b.yaml: rule GK-TS-002: field category" in out
    assert "policy.yaml" not in out
