"""Rules as data: load rule files, match them over normalised text, explain and render the findings."""
from gongkai.matching.engine import Finding, Matcher, MatchResult, get_matcher, match
from gongkai.matching.govdoc import GovDocStructure, parse_govdoc
from gongkai.matching.loader import default_rules_dir, load_rules
from gongkai.matching.marks import DisclosureLine, MarkInfo, parse_disclosure_line, parse_mark
from gongkai.matching.schema import Rule, RuleSet

__all__ = [
    "DisclosureLine", "Finding", "GovDocStructure", "MarkInfo", "MatchResult", "Matcher", "Rule", "RuleSet",
    "default_rules_dir", "get_matcher", "load_rules", "match", "parse_disclosure_line", "parse_govdoc",
    "parse_mark",
]
