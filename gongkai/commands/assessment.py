"""`gongkai assessment --from D --to D [--csv F] [--xlsx F]`: the 内部考核 figures of a period (per review
stage, per reviewer, and 依申请公开 replies per assignee), printed, and written for 定期报送 when asked.

(Named `assessment`, not `report assessment`: `gongkai report` belongs to the annual report.)"""
from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期格式应为 2026-11-30 / expected YYYY-MM-DD, got {text!r}") from None


def register(sub) -> None:
    p = sub.add_parser("assessment", help="内部考核统计（按环节、审核人、依申请公开承办人），可导出 CSV/XLSX / "
                                          "internal assessment figures for a period")
    p.add_argument("--from", dest="start", type=_day, required=True, help="开始日期（含）YYYY-MM-DD")
    p.add_argument("--to", dest="end", type=_day, required=True, help="结束日期（含）YYYY-MM-DD")
    p.add_argument("--csv", type=Path, default=None, help="写出 CSV（UTF-8 带 BOM，Excel 可直接打开）")
    p.add_argument("--xlsx", type=Path, default=None, help="写出 XLSX")
    p.set_defaults(func=cmd_assessment)


def cmd_assessment(args: argparse.Namespace) -> int:
    from gongkai.assessment import assess
    from gongkai.assessment_export import percent, period_line, tables, write
    from gongkai.store.db import open_store

    store = open_store()
    with store.session() as s:
        result = assess(s, args.start, args.end)
    print(period_line(result))
    for title, headings, rows in tables(result):
        print(f"\n【{title}】")
        print("\t".join(headings))
        for row in rows:
            print("\t".join(percent(c) if c is None or isinstance(c, float) else str(c) for c in row))
        if not rows:
            print("（无）")
    for path in write(result, csv_path=args.csv, xlsx_path=args.xlsx):
        print(f"已写出 / written: {path}")
    return 0
