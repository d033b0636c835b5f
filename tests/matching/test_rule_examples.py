"""Every example of every rule of every rule file in rules/ (personal_data.yaml included when present):
a `match` example yields a finding of that rule; a `no_match` or `masked` example yields none of it."""
from __future__ import annotations

import pytest

from gongkai.matching import load_rules
from gongkai.matching.engine import get_matcher

CASES = [
    pytest.param(rule.id, kind, text, id=f"{rule.id}-{kind}-{i}")
    for rs in load_rules()
    for rule in rs.rules
    for kind, texts in (("match", rule.examples.match), ("no_match", rule.examples.no_match),
                        ("masked", rule.examples.masked))
    for i, text in enumerate(texts)
]


@pytest.fixture(scope="module")
def matcher():
    return get_matcher()


@pytest.mark.parametrize("rule_id, kind, text", CASES)
def test_rule_example(matcher, rule_id, kind, text):
    hits = [f for f in matcher.match(text) if f.base_id == rule_id]
    if kind == "match":
        assert hits, f"{rule_id} should find something in {text!r}"
        assert all(text[f.start:f.end] == f.text for f in hits)
    else:
        assert not hits, f"{rule_id} should not fire on this {kind} example, found {[f.text for f in hits]}"


def test_every_rule_has_examples_of_both_kinds():
    for rs in load_rules():
        for rule in rs.rules:
            assert rule.examples.match and rule.examples.no_match, rule.id
            if rule.category == "personal_data" and rule.pii_type not in (None, "health", "income", "minor"):
                assert rule.examples.masked, f"{rule.id}: a recogniser needs masked examples"
