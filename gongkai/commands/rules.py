"""`gongkai rules check` and `gongkai rules explain FILE`.

Wired by gongkai/cli.py: `gongkai.commands.rules.register(subparsers)`. Each handler returns an exit code.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from gongkai.errors import GongkaiError

RESET = "\x1b[0m"
COLOURS = {"secrecy_mark": "\x1b[1;41;97m", "unmarked_secret": "\x1b[1;43;30m", "personal_data": "\x1b[1;45;97m",
           "trade_secret": "\x1b[1;45;97m", "exemption": "\x1b[1;33m", "disclosure_line": "\x1b[1;36m",
           "proactive_scope": "\x1b[1;32m"}


def _may_hold_rules(path: Path) -> bool:
    """False for YAML data of another kind; True for rule files and for unreadable files, which
    load_file then reports with the file name and the YAML error."""
    import yaml

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, OSError, UnicodeDecodeError):
        return True
    return not isinstance(data, dict) or "rules" in data


def register(subparsers) -> None:
    rules = subparsers.add_parser("rules", help="规则文件：校验和解释 / rule files: check and explain")
    sub = rules.add_subparsers(dest="rules_command", required=True)
    check = sub.add_parser("check", help="校验每个规则文件并运行每条示例 / validate every file, run every example")
    check.add_argument("--rules-dir", type=Path, default=None)
    check.set_defaults(func=cmd_check)
    explain = sub.add_parser("explain", help="逐条列出一个文件的命中及其上下文 / print each finding in context")
    explain.add_argument("file", type=Path)
    explain.add_argument("--rules-dir", type=Path, default=None)
    explain.add_argument("--no-color", action="store_true")
    explain.add_argument("--context", type=int, default=30, help="characters shown either side")
    explain.set_defaults(func=cmd_explain)


def cmd_check(args: argparse.Namespace) -> int:
    """Validate every rule file (each one, so that all broken files are reported), then the cross-file
    checks, then run every example of every rule."""
    from gongkai.matching.catalogue import compile_catalogues, load_catalogues
    from gongkai.matching.engine import Matcher, catalogue_example_failures, example_failures
    from gongkai.matching.loader import default_rules_dir, load_file, load_rules

    rules_dir = Path(args.rules_dir or default_rules_dir())
    broken = 0
    loaded = []
    for path in sorted(rules_dir.glob("*.yaml")):
        if path.name.startswith("_"):
            continue
        if not _may_hold_rules(path):
            continue  # policy.yaml, routing.yaml…: other kinds of data
        try:
            loaded.append((path, load_file(path)))
        except GongkaiError as exc:
            print(f"FAIL {exc.message}")
            broken += 1
    try:
        rulesets = load_rules(rules_dir)
    except GongkaiError as exc:
        if not broken:
            print(f"FAIL {exc.message}")
        return 1
    try:
        catalogues = load_catalogues(rules_dir)
    except GongkaiError as exc:
        print(f"FAIL {exc.message}")
        return 1
    if broken:
        return 1
    matcher = Matcher(rulesets, compile_catalogues(catalogues))
    failed = total_examples = 0
    for path, ruleset in loaded:
        file_failures = []
        for rule in ruleset.rules:
            ex = rule.examples
            total_examples += len(ex.match) + len(ex.no_match) + len(ex.masked)
            file_failures += [f"  {rule.id}: {p}" for p in example_failures(matcher, rule)]
        print(f"{'ok  ' if not file_failures else 'FAIL'} {path.name}: {len(ruleset.rules)} rules")
        for line in file_failures:
            print(line)
        failed += len(file_failures)
    for catalogue in catalogues:
        items = [item for sector in catalogue.sectors for item in sector.items]
        file_failures = []
        for item in items:
            total_examples += len(item.examples.match) + len(item.examples.no_match)
            file_failures += [f"  {item.id}: {p}" for p in catalogue_example_failures(matcher, item)]
        print(f"{'ok  ' if not file_failures else 'FAIL'} catalogue {catalogue.catalogue}: "
              f"{len(catalogue.sectors)} sectors, {len(items)} items")
        for line in file_failures:
            print(line)
        failed += len(file_failures)
    n_items = len(matcher.catalogue_items)
    print(f"\n{len(matcher.rules)} rules, {n_items} catalogue items, {total_examples} examples, {failed} failures")
    return 1 if failed else 0


def _read(path: Path):
    """Extract through gongkai.extract; plain text files still work while that module is missing."""
    try:
        from gongkai.extract import extract_file
    except ImportError:
        if path.suffix.lower() in {".txt", ".md"}:
            return path.read_text(encoding="utf-8", errors="replace"), None
        return None, "gongkai.extract is not available to read this file type"
    doc = extract_file(path)
    if doc.error:
        return None, doc.error.get("message", str(doc.error))
    return doc.text, None


def _highlight(text: str, s: int, e: int, category: str, colour: bool, width: int) -> str:
    before = text[max(0, s - width): s].replace("\n", "⏎")
    after = text[e: e + width].replace("\n", "⏎")
    hit = text[s:e].replace("\n", "⏎")
    if colour:
        hit = f"{COLOURS.get(category, chr(27) + '[1m')}{hit}{RESET}"
    else:
        hit = f"【{hit}】"
    return f"…{before}{hit}{after}…"


def cmd_explain(args: argparse.Namespace) -> int:
    from gongkai.matching.engine import get_matcher

    if not args.file.exists():
        print(GongkaiError("not_found", str(args.file)).message)
        return 1
    text, error = _read(args.file)
    if error:
        print(f"{args.file}: {error}")
        return 1
    try:
        result = get_matcher(args.rules_dir).run(text)
    except GongkaiError as exc:
        print(exc.message)
        return 1
    colour = sys.stdout.isatty() and not args.no_color
    st = result.structure
    print(f"{args.file}  ({len(text)} 字)")
    print(f"  文种: {st.doc_type or '-'}  行文方向: {st.direction or '-'}  发文字号: "
          f"{st.doc_number.text if st.doc_number else '-'}  标题: {st.title.text if st.title else '-'}")
    if st.copy_no or st.urgency:
        print(f"  份号: {st.copy_no.text if st.copy_no else '-'}  紧急程度: {st.urgency.text if st.urgency else '-'}")
    if result.mark:
        print(f"  密级标志: {result.mark.raw} → {result.mark.level} {result.mark.period or ''} {result.mark.flags or ''}")
    if result.disclosure:
        print(f"  附注: {result.disclosure.raw} → {result.disclosure.attribute}")
    for c in result.conflicts:
        print(f"  冲突（阻断）: {c}")
    print(f"  {len(result.findings)} 条命中\n")
    for f in result.findings:
        tag = "建议" if f.effect.get("suggest_only") else ""
        print(f"[{f.rule_id}] {f.category}/{f.label} 分数 {f.score:.2f} {tag} 理由 {f.reason}  {f.article}")
        print("   " + _highlight(text, f.start, f.end, f.category, colour, args.context))
        ex = f.explanation
        notes = [ex.get("pattern", "")]
        for c in ex.get("context", []):
            notes.append(f"上下文“{c['word']}” {c['change']:+.2f}")
        if "validator" in ex:
            notes.append(f"校验 {ex['validator']['name']}: {'通过' if ex['validator']['result'] else '未通过'}")
        if "required_word" in ex:
            notes.append(f"共现词“{ex['required_word']}”")
        if f.data.get("flags"):
            notes.append(f"标记 {f.data['flags']}")
        print("   " + "；".join(n for n in notes if n))
    return 0
