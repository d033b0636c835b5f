"""The `gongkai` command. Each sub-command is `func(args) -> int`; errors become exit codes and
readable messages, never tracebacks."""
from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Callable

from gongkai.errors import GongkaiError

# Modules that add their own sub-commands with `register(subparsers)`; a module that is missing
# (a part not yet installed) simply contributes nothing.
COMMAND_MODULES = ("gongkai.commands.rules", "gongkai.commands.classify", "gongkai.commands.intake", "gongkai.commands.review",
                   "gongkai.commands.models", "gongkai.commands.doctor", "gongkai.commands.search",
                   "gongkai.commands.report", "gongkai.commands.requests",
                   "gongkai.commands.assessment")


def _cmd_extract(args: argparse.Namespace) -> int:
    from gongkai.extract import extract_paths
    from gongkai.settings import Settings

    settings = Settings()
    failures = 0
    count = 0
    for doc in extract_paths(args.paths, settings):
        count += 1
        failures += not doc.ok
        if args.json:
            print(json.dumps(doc.as_dict(), ensure_ascii=False), flush=True)
        else:
            _print_summary(doc)
    if not args.json:
        print(f"\n共 {count} 个文件，成功 {count - failures}，失败 {failures} / "
              f"{count} files, {count - failures} extracted, {failures} failed")
    return 0


def _print_summary(doc) -> None:
    if not doc.ok:
        print(f"✗ {doc.source}\n    [{doc.error['code']}] {doc.error['message']}")
        return
    meta = doc.metadata
    ocr = "，OCR" if meta.get("ocr") else ""
    print(f"✓ {doc.source}\n    {doc.format}，{doc.pages} 页{ocr}，{len(doc.text)} 字  标题：{meta.get('title') or '—'}")
    if doc.duplicate_of:
        print(f"    近似重复 / near-duplicate of {doc.duplicate_of} (相似度 {doc.similarity:.2f})")
    for w in doc.warnings:
        where = f" p.{w.page}" if w.page else ""
        print(f"    ! [{w.code}{where}] {w.message}")
    preview = doc.text[:80].replace("\n", " ⏎ ")
    print(f"    {preview}{'…' if len(doc.text) > 80 else ''}")


def _cmd_settings(args: argparse.Namespace) -> int:
    from gongkai.settings import SETTINGS, Settings

    current = Settings().as_dict()
    for s in SETTINGS:
        print(f"{s.name} = {current[s.name]!r}   (default {s.default!r}; env GONGKAI_{s.name.upper()})\n    {s.help}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="gongkai", description="公开属性与密级审查 / disclosure and secrecy review")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress to stderr")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("extract", help="extract normalised text from files or folders")
    p.add_argument("paths", nargs="+", help="files or folders (walked recursively, in sorted order)")
    p.add_argument("--json", action="store_true", help="one JSON object per document on stdout")
    p.set_defaults(func=_cmd_extract)

    p = sub.add_parser("settings", help="list every setting with its value and help")
    p.set_defaults(func=_cmd_settings)

    for name in COMMAND_MODULES:
        try:
            module = __import__(name, fromlist=["register"])
        except ModuleNotFoundError as exc:
            if exc.name is None or not name.startswith(exc.name):
                raise
            continue
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    from gongkai.filemodes import restrict_umask

    restrict_umask()  # whatever any command writes (store, archive, models, publication) is owner-only
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, stream=sys.stderr,
                        format="%(levelname)s %(name)s: %(message)s")
    # pdfminer warns about every odd font ("Could not get FontBBox"); our extractor reports what matters.
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    func: Callable[[argparse.Namespace], int] = args.func
    try:
        return func(args)
    except GongkaiError as exc:
        print(f"gongkai: [{exc.code}] {exc.message}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
