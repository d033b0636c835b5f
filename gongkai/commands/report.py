"""`gongkai report annual --year YYYY` (the 政府信息公开工作年度报告, 条例第五十条) and
`gongkai report check FILE` (the consistency check of a report made elsewhere).

`annual` runs the check before it writes anything and writes nothing when a figure does not add up."""
from __future__ import annotations

import argparse
import re
from datetime import date
from pathlib import Path

from gongkai.errors import GongkaiError


def register(subparsers) -> None:
    report = subparsers.add_parser("report", help="政府信息公开工作年度报告 / the annual disclosure report")
    sub = report.add_subparsers(dest="report_command", required=True)
    p = sub.add_parser("annual", help="生成年度报告（DOCX 和 HTML），先做一致性校验 / write the annual report")
    p.add_argument("--year", type=int, default=date.today().year - 1, help="报告年度（默认上一年）")
    p.add_argument("--organ", default=None, help="机关名称（默认取设置 organ_name）")
    p.add_argument("--figures", type=Path, default=None,
                   help="本机关填写的年度数据和文字（YAML，格式见 docs/annual-report-figures.yaml）")
    p.add_argument("--out", type=Path, default=Path("."), help="输出目录")
    p.set_defaults(func=cmd_annual)
    p = sub.add_parser("check", help="校验一份年度报告（DOCX、HTML、PDF）的表格 / check a report's tables")
    p.add_argument("file", type=Path)
    p.set_defaults(func=cmd_check)


def _print_failures(failures) -> None:
    print(f"发现 {len(failures)} 处不一致 / {len(failures)} inconsistencies:")
    for f in failures:
        print(f"  ✗ {f}")


def cmd_check(args: argparse.Namespace) -> int:
    from gongkai.report.check import check
    from gongkai.report.parse import read_report

    failures = check(read_report(args.file))
    if failures:
        _print_failures(failures)
        return 1
    print(f"✓ {args.file}：第三、四部分表格的合计与勾稽关系一致 / totals and identities hold")
    return 0


def _records(store, year: int):
    try:
        from gongkai.info_requests.records import records_for_year
    except ImportError as exc:
        raise GongkaiError("internal", "依申请公开记录模块尚未安装（gongkai.info_requests.records.records_for_year）/ "
                                       f"the request records are not available yet: {exc}") from None
    with store.session() as s:
        return records_for_year(s, year)


def cmd_annual(args: argparse.Namespace) -> int:
    from gongkai.report.annual import RecordProblem, build_report, count_made, published_documents
    from gongkai.report.check import check
    from gongkai.report.figures import Figures, load_annual_rules, load_figures
    from gongkai.report.render import chart_png, write_docx, write_html
    from gongkai.settings import Settings
    from gongkai.store.db import open_store

    settings = Settings()
    figures = load_figures(args.figures) if args.figures else Figures()
    organ = (args.organ or figures.organ or settings.organ_name or "").strip()
    if not organ:
        raise GongkaiError("config_invalid", "机关名称未设置：用 --organ、年度数据文件的 organ 或设置 organ_name / "
                                             "no organ name: give --organ or set organ_name")
    rules = load_annual_rules()
    store = open_store(settings)
    made_ids = count_made(published_documents(store), args.year, rules)
    try:
        report = build_report(_records(store, args.year), args.year, organ, figures,
                              {genre: len(ids) for genre, ids in made_ids.items()}, rules)
    except RecordProblem as exc:
        print(f"无法统计 / cannot count: {exc}")
        return 1
    failures = check(report.tables())
    if failures:  # never write a report whose tables do not add up
        _print_failures(failures)
        print("未生成报告 / no report written")
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    stem = re.sub(r"[\\/:*?\"<>|\s]+", "_", report.title)
    chart = chart_png(report)
    written = [write_docx(report, args.out / f"{stem}.docx", chart), write_html(report, args.out / f"{stem}.html", chart)]
    for path in written:
        print(f"✓ {path}")
    for genre, ids in made_ids.items():
        print(f"  {genre} 本年制发 {len(ids)} 件" + (f"（文件编号 {', '.join(map(str, ids))}）" if ids else ""))
    for line in report.sources:
        print(f"  来源：{line}")
    if report.drafted:
        print(f"  注意：{len(report.drafted)} 个文字部分为自动草稿，发布前须审核修改")
    return 0
