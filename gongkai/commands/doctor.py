"""`gongkai doctor`: check permissions, ownership, disk space, the holiday schedule and the audit key,
and say what to fix. Exit code 1 when something must be fixed, 0 otherwise (warnings included)."""
from __future__ import annotations

import argparse
import json

MARKS = {"ok": "✓ 正常 OK  ", "warn": "! 注意 WARN", "fix": "✗ 需修复 FIX"}


def register(subparsers) -> None:
    p = subparsers.add_parser("doctor", help="check that this installation is safe to run, and say what to fix")
    p.add_argument("--json", action="store_true", help="one JSON object per check")
    p.set_defaults(func=_cmd_doctor)


def _cmd_doctor(args: argparse.Namespace) -> int:
    from gongkai.doctor import must_fix, run_checks
    from gongkai.settings import Settings

    checks = run_checks(Settings())
    for c in checks:
        if args.json:
            print(json.dumps(c.as_dict(), ensure_ascii=False))
            continue
        print(f"{MARKS[c.status]} [{c.name}] {c.zh}\n{' ' * 13}{c.en}")
        for path in c.paths:
            print(f"{' ' * 15}{path}")
        if c.count > len(c.paths):
            print(f"{' ' * 15}… 共 {c.count} 个 / {c.count} in all")
        if c.fix and c.status != "ok":
            print(f"{' ' * 13}修复 / fix: {c.fix}")
    return 1 if must_fix(checks) else 0
