"""Load and validate every rule file in a folder.

Any problem raises GongkaiError("rule_file_invalid", "<file>: rule <id>: field <path>: <what>") so that
an office editing a file sees exactly where it went wrong.
"""
from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any, Callable

import yaml
from pydantic import ValidationError

from gongkai.errors import GongkaiError
from gongkai.matching.schema import RuleSet

log = logging.getLogger(__name__)


def default_rules_dir() -> Path:
    """The folder named by the `rules_dir` setting, else the rules/ folder shipped with gongkai."""
    try:
        from gongkai.settings import Settings

        configured = Settings().rules_dir
    except Exception:  # settings are optional for the matcher; a broken setting is reported elsewhere
        configured = ""
    return Path(configured) if configured else Path(__file__).resolve().parents[2] / "rules"


def validators() -> dict[str, Callable[[str], bool]]:
    try:
        from gongkai.matching.validators import VALIDATORS
    except ImportError:
        return {}
    return VALIDATORS


def recognizers() -> dict[str, Callable]:
    try:
        from gongkai.matching.recognizers import RECOGNIZERS
    except ImportError:
        return {}
    return RECOGNIZERS


def rule_files(rules_dir: Path) -> list[Path]:
    """Files that are rule files: *.yaml, not starting with `_`, with a top-level `rules:` key."""
    found = []
    for path in sorted(Path(rules_dir).glob("*.yaml")):
        if path.name.startswith("_"):
            continue
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except yaml.YAMLError as exc:
            raise _invalid(path, "?", "(yaml)", str(exc).replace("\n", " ")) from exc
        if isinstance(data, dict) and "rules" in data:
            found.append(path)
    return found


def _invalid(path: Path, rule_id: str, field: str, what: str) -> GongkaiError:
    return GongkaiError("rule_file_invalid", f"{path.name}: rule {rule_id}: field {field}: {what}")


def _rule_id_at(data: Any, loc: tuple) -> tuple[str, tuple]:
    """The id of the rule an error location points into, and the location inside that rule."""
    if len(loc) >= 2 and loc[0] == "rules" and isinstance(loc[1], int):
        try:
            return str(data["rules"][loc[1]].get("id", f"#{loc[1] + 1}")), loc[2:]
        except (KeyError, IndexError, TypeError, AttributeError):
            return f"#{loc[1] + 1}", loc[2:]
    return "-", loc


def _clean_loc(loc) -> tuple:
    """Drop pydantic's union-member tags (`literal[...]`, `function-after[...]`) from an error location."""
    return tuple(p for p in loc if isinstance(p, int) or re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", str(p)))


def load_file(path: Path) -> RuleSet:
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise _invalid(path, "?", "(yaml)", str(exc).replace("\n", " ")) from exc
    except OSError as exc:
        raise _invalid(path, "-", "-", f"cannot read: {exc}") from exc
    try:
        ruleset = RuleSet.model_validate(data)
    except ValidationError as exc:
        errors = exc.errors()
        err = errors[0]
        rule_id, inner = _rule_id_at(data, _clean_loc(err["loc"]))
        field = ".".join(str(p) for p in inner) or "-"
        places = {_clean_loc(e["loc"]) for e in errors}  # a union reports one error per member
        more = f" (and {len(places) - 1} more)" if len(places) > 1 else ""
        raise _invalid(path, rule_id, field, f"{err['msg']}{more}") from exc
    _check_names(path, ruleset)
    return ruleset


def _check_names(path: Path, ruleset: RuleSet) -> None:
    known_validators, known_recognizers = validators(), recognizers()
    for rule in ruleset.rules:
        for i, pattern in enumerate(rule.patterns):
            if pattern.regex:
                try:
                    compiled = re.compile(pattern.regex)
                except re.error as exc:
                    raise _invalid(path, rule.id, f"patterns.{i}.regex", f"does not compile: {exc}") from exc
                if pattern.group and pattern.group not in compiled.groupindex:
                    raise _invalid(path, rule.id, f"patterns.{i}.group", f"no group named {pattern.group!r}")
            if pattern.validator and pattern.validator not in known_validators:
                raise _invalid(path, rule.id, f"patterns.{i}.validator",
                               f"unknown validator {pattern.validator!r} (known: {sorted(known_validators)})")
            if pattern.recognizer and pattern.recognizer not in known_recognizers:
                raise _invalid(path, rule.id, f"patterns.{i}.recognizer",
                               f"unknown recognizer {pattern.recognizer!r} (known: {sorted(known_recognizers)})")
        if rule.suppress:
            for i, rx in enumerate(rule.suppress.regex):
                try:
                    re.compile(rx)
                except re.error as exc:
                    raise _invalid(path, rule.id, f"suppress.regex.{i}", f"does not compile: {exc}") from exc


def load_rules(rules_dir: Path | str | None = None) -> list[RuleSet]:
    """Every rule file in `rules_dir`, validated; ids are unique across files."""
    rules_dir = Path(rules_dir) if rules_dir else default_rules_dir()
    if not rules_dir.is_dir():
        raise GongkaiError("rule_file_invalid", f"{rules_dir}: rule -: field -: folder not found")
    rulesets, seen_ids, seen_sets = [], {}, {}
    for path in rule_files(rules_dir):
        ruleset = load_file(path)
        if ruleset.ruleset in seen_sets:
            raise _invalid(path, "-", "ruleset", f"name {ruleset.ruleset!r} is also used in {seen_sets[ruleset.ruleset]}")
        seen_sets[ruleset.ruleset] = path.name
        for rule in ruleset.rules:
            if rule.id in seen_ids:
                raise _invalid(path, rule.id, "id", f"duplicate id, also in {seen_ids[rule.id]}")
            seen_ids[rule.id] = path.name
        rulesets.append(ruleset)
    for path_name, ruleset in zip(seen_sets.values(), rulesets):
        for rule in ruleset.rules:
            if rule.require:
                for i, ref in enumerate(rule.require.rules):
                    if ref not in seen_ids:
                        raise _invalid(Path(path_name), rule.id, f"require.rules.{i}", f"unknown rule id {ref!r}")
    log.debug("loaded %d rule sets from %s", len(rulesets), rules_dir)
    return rulesets
