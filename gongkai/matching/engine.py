"""The matcher: every rule of every rule file over one normalised text, in one pass per pattern kind.

- phrases: one spaCy PhraseMatcher over a `spacy.blank("zh")` Doc. The default `char` segmenter makes
  every character a token, so a phrase matches inside any word (`机密` in `本文件属机密文件`);
- regular expressions: run on the text, trimmed of spaces (which puts them on token edges);
- recognizers (code, for what a pattern cannot say): run once per text, whatever the number of rules;
- then per hit: position (head/title/tail from govdoc.py), validator, suppressors, required co-occurring
  words, context words that raise or lower the score, min_score, and the marks.py parser.

Long texts: a spaCy Doc is built per window of WINDOW_CHARS characters (spaCy refuses texts over
`nlp.max_length`, and memory grows with the Doc), and only for a window where a regular-expression
screen of the phrases says one may match. Windows overlap by more than the longest phrase and the
widest context, suppressor or co-occurrence window of any rule, so nothing that fits in one window
is lost at a border; a hit seen in two windows counts once. Every other step — regexes,
recognizers, context words, positions — reads the whole text, so offsets are always into the whole
text and a hit near the end of a long document is judged exactly as it would be in a short one.
"""
from __future__ import annotations

import logging
import re
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Iterator

from gongkai.labels import WITHHELD
from gongkai.matching import marks
from gongkai.matching.catalogue import CatalogueHit, CompiledItem, compile_catalogues, load_catalogues, match_catalogues
from gongkai.matching.govdoc import GovDocStructure, parse_govdoc
from gongkai.matching.mention import MentionContext, mention_context
from gongkai.matching.loader import default_rules_dir, load_rules, recognizers, validators
from gongkai.matching.schema import Rule, RuleSet

log = logging.getLogger(__name__)
MASK_CHARS = frozenset("*＊×●•")
# Characters per spaCy Doc (at least 4× the overlap): far under nlp.max_length, and spaCy's Chinese
# make_doc slows down with the square of the length (it slices the rest of the text for every token).
WINDOW_CHARS = 10_000


@dataclass
class Finding:
    rule_id: str  # "GK-SM-001@1"
    category: str
    label: str
    reason: str
    article: str
    start: int
    end: int
    text: str
    score: float
    effect: dict
    data: dict = field(default_factory=dict)
    explanation: dict = field(default_factory=dict)

    @property
    def base_id(self) -> str:
        return self.rule_id.split("@", 1)[0]

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass
class MatchResult:
    findings: list[Finding]
    structure: GovDocStructure
    mark: marks.MarkInfo | None  # the head-block mark, parsed
    disclosure: marks.DisclosureLine | None  # the 附注 / disclosure line, structured
    conflicts: list[str]
    context: MentionContext | None = None  # what kind of document speaks (gongkai.matching.mention)


@lru_cache(maxsize=1)
def blank_zh():
    """The spaCy pipeline, built once: blank Chinese with the default character segmenter."""
    import spacy

    return spacy.blank("zh")


@dataclass
class _Hit:
    rule_index: int
    pattern_index: int
    start: int
    end: int
    groups: dict


class Matcher:
    def __init__(self, rulesets: list[RuleSet], catalogue_items: list[CompiledItem] | None = None):
        from spacy.matcher import PhraseMatcher

        self.rulesets = rulesets
        self.catalogue_items = catalogue_items or []
        self.rules: list[Rule] = [r for rs in rulesets for r in rs.rules]
        self.nlp = blank_zh()
        self._validators = validators()
        self._recognizers = recognizers()
        self.phrase_matcher = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        self._phrase_keys: dict[int, tuple[int, int]] = {}
        self._regexes: list[tuple[int, int, re.Pattern]] = []
        self._recognizer_uses: list[tuple[int, int, str]] = []
        for ri, rule in enumerate(self.rules):
            for pi, p in enumerate(rule.patterns):
                if p.phrase:
                    key = f"{rule.id}:{pi}"
                    self.phrase_matcher.add(key, [self.nlp.make_doc(p.phrase)])
                    self._phrase_keys[self.nlp.vocab.strings[key]] = (ri, pi)
                elif p.regex:
                    self._regexes.append((ri, pi, re.compile(p.regex)))
                else:
                    self._recognizer_uses.append((ri, pi, p.recognizer))
        self._suppress_rx = {
            ri: [re.compile(x) for x in r.suppress.regex] for ri, r in enumerate(self.rules) if r.suppress
        }
        # rules that depend on other rules' findings are decided after the first pass
        self._deferred = {ri for ri, r in enumerate(self.rules) if r.require and r.require.rules}
        self.overlap = _overlap(self.rules)
        self._phrase_screen = _phrase_screen([p.phrase for r in self.rules for p in r.patterns if p.phrase], self.nlp)
        log.debug("matcher: %d rules, %d phrases, %d regexes, %d recognizer uses", len(self.rules),
                  len(self._phrase_keys), len(self._regexes), len(self._recognizer_uses))

    # ------------------------------------------------------------------ public
    def make_doc(self, text: str):
        return self.nlp.make_doc(text)

    def match(self, text: str, doc=None, structure: GovDocStructure | None = None) -> list[Finding]:
        return self.run(text, doc=doc, structure=structure).findings

    def run(self, text: str, doc=None, structure: GovDocStructure | None = None) -> MatchResult:
        """All findings over `text`. `doc`, a spaCy Doc of the whole text, is reused when given (short texts)."""
        structure = structure or parse_govdoc(text)
        title = structure.title.text if structure.title else None
        context = mention_context(text, title)
        findings: list[Finding] = []
        deferred: list[tuple[_Hit, Finding]] = []
        for hit in self._hits(text, doc, structure):
            rule = self.rules[hit.rule_index]
            f = self._evaluate(rule, hit, text, structure, context)
            if f is None:
                continue
            if hit.rule_index in self._deferred:
                deferred.append((hit, f))
            else:
                findings.append(f)
        fired = {f.base_id for f in findings}
        for hit, f in deferred:
            rule = self.rules[hit.rule_index]
            ok = [r for r in rule.require.rules if r in fired]
            if ok or self._required_words_ok(rule, text, f.start, f.end, f.explanation):
                if ok:
                    f.explanation["required_rules"] = ok
                findings.append(f)
        findings += [_catalogue_finding(h, text) for h in match_catalogues(self.catalogue_items, text, context)]
        findings = _dedupe(findings)
        findings.sort(key=lambda f: (f.start, -f.end, f.rule_id))
        mark = structure.secrecy_parsed
        disclosure = structure.disclosure
        if disclosure is None:
            line = next((f for f in findings if f.category == "disclosure_line"), None)
            if line is not None:
                disclosure = marks.parse_disclosure_line(line.text, offset=line.start)
        if mark is None:
            sm = next((f for f in findings if f.category == "secrecy_mark" and f.data.get("level")), None)
            mark = marks.parse_mark(sm.text) if sm else None
        return MatchResult(findings, structure, mark, disclosure, marks.conflicts(mark, disclosure), context)

    # ------------------------------------------------------------------ internals
    @staticmethod
    def _window(position: str, text: str, structure: GovDocStructure) -> tuple[int, int] | None:
        """Where a rule with this position can match at all, so that its regex scans only there."""
        if position == "head":
            return (0, structure.head_end) if structure.head_end else None
        if position == "title":
            return (structure.title.start, structure.title.end) if structure.title else None
        if position == "body":
            return structure.head_end, len(text)
        if position == "tail":
            return (structure.body.end if structure.body else 0), len(text)
        return 0, len(text)

    def windows(self, length: int) -> list[tuple[int, int]]:
        """(start, end) of the spaCy windows over a text of `length` characters: one for a short text."""
        out, start, size = [], 0, max(WINDOW_CHARS, 4 * self.overlap)
        while True:
            end = min(length, start + size)
            out.append((start, end))
            if end == length:
                return out
            start = end - self.overlap

    def _docs(self, text: str, doc) -> Iterator[tuple[int, object]]:
        """(offset, Doc) of each window that can hold a phrase, built one at a time; the caller's Doc
        (of the whole text) when given. Building a Doc costs ~5 µs a character, so a window where the
        screen finds no phrase is never built: a 5-million-character text costs ~25 s less, and finds
        the same (checked against the single-Doc matcher on 500 texts)."""
        if doc is not None:
            yield 0, doc
            return
        if self._phrase_screen is None:
            return
        spans = [(m.start(1), m.end(1)) for m in self._phrase_screen.finditer(text)]
        i = 0
        for a, b in self.windows(len(text)):
            while i < len(spans) and spans[i][1] <= b and spans[i][0] < a:
                i += 1  # held whole by an earlier window
            if i < len(spans) and spans[i][1] <= b:
                yield a, self.make_doc(text[a:b])

    def _hits(self, text: str, doc, structure: GovDocStructure) -> Iterable[_Hit]:
        seen: set[tuple[int, int, int, int]] = set()  # a phrase in the overlap of two windows counts once
        for offset, wdoc in self._docs(text, doc):
            for match_id, s, e in self.phrase_matcher(wdoc):
                ri, pi = self._phrase_keys[match_id]
                span = wdoc[s:e]
                key = (ri, pi, offset + span.start_char, offset + span.end_char)
                if key not in seen:
                    seen.add(key)
                    yield _Hit(ri, pi, key[2], key[3], {})
        # Regexes run on the whole text. A hit is trimmed of spaces at both ends; every other character
        # is a token of its own under the character segmenter, so the hit already lies on token edges
        # (`doc.char_span(..., alignment_mode="expand")` would return it unchanged).
        for ri, pi, rx in self._regexes:
            group = self.rules[ri].patterns[pi].group
            window = self._window(self.rules[ri].position, text, structure)
            if window is None:
                continue
            for m in rx.finditer(text, *window):
                s, e = (m.span(group) if group else m.span())
                while s < e and text[s].isspace():  # a space is not a token: expanding would grab a neighbour
                    s += 1
                while e > s and text[e - 1].isspace():
                    e -= 1
                if s < 0 or s == e:
                    continue
                yield _Hit(ri, pi, s, e, {k: v for k, v in m.groupdict().items() if v is not None})
        cache: dict[str, list] = {}
        for ri, pi, name in self._recognizer_uses:
            if name not in cache:
                cache[name] = list(self._recognizers[name](text))
            for s, e, data in cache[name]:
                yield _Hit(ri, pi, s, e, dict(data or {}))

    def _position_ok(self, rule: Rule, start: int, structure: GovDocStructure) -> bool:
        if rule.position == "any":
            return True
        if rule.position == "head":
            return start < structure.head_end
        if rule.position == "body":
            return start >= structure.head_end
        if rule.position == "title":
            t = structure.title
            return t is not None and t.start <= start < t.end
        tail_from = structure.body.end if structure.body else 0
        return start >= tail_from

    def _required_words_ok(self, rule: Rule, text: str, s: int, e: int, expl: dict) -> bool:
        req = rule.require
        if not req or not req.words:
            return False
        around = text if req.window is None else text[max(0, s - req.window): e + req.window]
        word = next((w for w in req.words if w in around), None)
        if word:
            expl["required_word"] = word
        return word is not None

    def _evaluate(self, rule: Rule, hit: _Hit, text: str, structure: GovDocStructure,
                  context: MentionContext) -> Finding | None:
        s, e = hit.start, hit.end
        if not self._position_ok(rule, s, structure):
            return None
        pattern = rule.patterns[hit.pattern_index]
        matched = text[s:e]
        expl: dict[str, Any] = {"pattern": _describe(pattern), "position": rule.position, "base_score": rule.score}
        if pattern.validator:
            value = hit.groups.get("value", matched)
            ok = bool(self._validators[pattern.validator](value))
            expl["validator"] = {"name": pattern.validator, "result": ok}
            if not ok:
                return None
        if rule.silent_in:
            place = next((p for p in rule.silent_in if context.holds(p, s)), None)
            if place:
                return None
        sup = rule.suppress
        if sup:
            if sup.masked and any(ch in MASK_CHARS for ch in matched):
                return None
            around = text[max(0, s - sup.window): e + sup.window]
            if any(p in around for p in sup.phrases) or any(rx.search(around) for rx in self._suppress_rx[hit.rule_index]):
                return None
        if rule.require and rule.require.words and hit.rule_index not in self._deferred:
            if not self._required_words_ok(rule, text, s, e, expl):
                return None
        score = rule.score
        changes = []
        if rule.context:
            w = rule.context.window
            around = text[max(0, s - w): s] + "\x00" + text[e: e + w]
            for adjust, sign in ((rule.context.raise_, 1), (rule.context.lower, -1)):
                if adjust:
                    word = next((x for x in adjust.words if x in around), None)
                    if word:
                        score += sign * adjust.by
                        changes.append({"word": word, "change": round(sign * adjust.by, 3)})
        score = round(min(1.0, max(0.0, score)), 3)
        if changes:
            expl["context"] = changes
        if score < rule.min_score:
            return None
        data = dict(hit.groups)
        effect = rule.effect.model_dump()
        if rule.parse == "secrecy_mark":
            info = marks.parse_mark(matched)
            if info is None:
                return None
            data.update(level=info.level, raw_level=info.raw_level, period=info.period,
                        period_years=info.period_years, long_term=info.long_term,
                        condition=info.condition, flags=info.flags)
        elif rule.parse == "disclosure_line":
            line = marks.parse_disclosure_line(matched)
            if line:
                data.update(attribute=line.attribute, internal=line.internal)
        if effect.get("min_secrecy") == "from_match":
            effect["min_secrecy"] = data.get("level") if data.get("level") in marks.STATUTORY_LEVELS else "秘密"
        return Finding(rule_id=rule.versioned_id, category=rule.category, label=rule.label,
                       reason=rule.effect.reason, article=rule.article, start=s, end=e, text=matched,
                       score=score, effect=effect, data=data, explanation=expl)


def _overlap(rules: list[Rule]) -> int:
    """How far two windows overlap: more than the longest phrase and the widest window any rule looks at."""
    reach = [len(p.phrase) for r in rules for p in r.patterns if p.phrase]
    for r in rules:
        if r.context:
            reach.append(r.context.window)
        if r.suppress:
            reach.append(r.suppress.window)
        if r.require and r.require.window:
            reach.append(r.require.window)
    return 2 * max(reach, default=0) + 100


def _phrase_screen(phrases: list[str], nlp) -> re.Pattern | None:
    """Where a phrase can match: its tokens, one optional space between two (the character segmenter
    folds one space into the token before it; anything else between two tokens is a token of its own).
    The lookahead reports every start, overlapping ones too."""
    if not phrases:
        return None
    forms = {"(?: )?".join(re.escape(t.text) for t in nlp.make_doc(p) if not t.is_space) for p in phrases}
    return re.compile("(?=(" + "|".join(sorted(forms, key=len, reverse=True)) + "))")


def _catalogue_finding(hit: CatalogueHit, text: str) -> Finding:
    """A catalogue hit as a finding: a state-secret suggestion with the matter, sector and authority."""
    item = hit.item
    start, end = (hit.start, hit.end) if hit.end - hit.start <= 160 else (hit.terms[0][1], hit.terms[0][2])
    effect = {"reason": "state_secret", "min_secrecy": item.level, "disclosure_ceiling": WITHHELD,
              "disclosure_hint": None, "suggest_only": True, "seal": False, "blocking": False}
    data = {"sector": hit.sector.sector, "sector_name": hit.sector.name, "matter": item.matter, "level": item.level,
            "authority": hit.sector.authority, "terms": [t[0] for t in hit.terms],
            "qualifiers": [{"kind": k, "term": t} for k, t in hit.qualifiers]}
    expl = {"pattern": "catalogue: " + " + ".join("/".join(g[:3]) for g in item.concepts), "base_score": item.score,
            "terms": [{"term": t, "start": s, "end": e} for t, s, e in hit.terms]}
    return Finding(rule_id=item.versioned_id, category="unmarked_secret", label="unmarked_secret",
                   reason="state_secret", article=hit.article, start=start, end=end, text=text[start:end],
                   score=hit.score, effect=effect, data=data, explanation=expl)


def _describe(p) -> str:
    if p.phrase:
        return f"phrase: {p.phrase}"
    if p.regex:
        return f"regex: {p.regex}" + (f" + validator {p.validator}" if p.validator else "")
    return f"recognizer: {p.recognizer}"


def _dedupe(findings: list[Finding]) -> list[Finding]:
    """Per rule, overlapping hits become one: the longest, then the highest score."""
    by_rule: dict[str, list[Finding]] = {}
    for f in sorted(findings, key=lambda f: (-(f.end - f.start), -f.score)):
        kept = by_rule.setdefault(f.rule_id, [])
        if not any(f.start < k.end and k.start < f.end for k in kept):
            kept.append(f)
    return [f for fs in by_rule.values() for f in fs]


_default: dict[str, tuple[tuple, Matcher]] = {}


def get_matcher(rules_dir: Path | str | None = None) -> Matcher:
    """A Matcher for a rules folder, rebuilt only when a file in the folder changed (name, size, mtime)."""
    folder = Path(rules_dir) if rules_dir else default_rules_dir()
    key = str(folder.resolve())
    stamp = tuple((p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in sorted(folder.glob("*.yaml")))
    cached = _default.get(key)
    if cached is None or cached[0] != stamp:
        _default[key] = (stamp, Matcher(load_rules(folder), compile_catalogues(load_catalogues(folder))))
    return _default[key][1]


def match(text: str, rules_dir: Path | str | None = None) -> list[Finding]:
    """All findings of all rules over one normalised text."""
    return get_matcher(rules_dir).match(text)


def catalogue_example_failures(matcher: Matcher, item) -> list[str]:
    """What is wrong with a catalogue item's own examples (as `example_failures` for a rule)."""
    problems = []
    for kind, texts in (("match", item.examples.match), ("no_match", item.examples.no_match)):
        for text in texts:
            hits = [f for f in matcher.match(text) if f.base_id == item.id]
            if kind == "match" and not hits:
                problems.append(f"match example not found: {text!r}")
            elif kind != "match" and hits:
                problems.append(f"no_match example matched ({hits[0].text!r}): {text!r}")
    return problems


def example_failures(matcher: Matcher, rule: Rule) -> list[str]:
    """What is wrong with a rule's own examples: a `match` example it does not find, a `no_match` or
    `masked` example it does. Empty when the rule behaves as its file says."""
    problems = []
    for kind, texts in (("match", rule.examples.match), ("no_match", rule.examples.no_match),
                        ("masked", rule.examples.masked)):
        for text in texts:
            hits = [f for f in matcher.match(text) if f.base_id == rule.id]
            if kind == "match" and not hits:
                problems.append(f"match example not found: {text!r}")
            elif kind != "match" and hits:
                problems.append(f"{kind} example matched ({hits[0].text!r}): {text!r}")
    return problems
