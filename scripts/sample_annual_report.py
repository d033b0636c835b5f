"""Regenerate docs/sample-annual-report.docx and .html: the annual report of the known-answer year of the
tests (tests/report/known_year.py, invented requests) with the example figures file of docs/, for a
fictitious organ. Part 2's 本年制发件数 would come from the store; here they are fixed sample numbers.

    .venv/bin/python scripts/sample_annual_report.py
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # tests.report.known_year lives beside gongkai, not inside it

from gongkai.report.annual import build_report  # noqa: E402
from gongkai.report.check import check  # noqa: E402
from gongkai.report.figures import load_annual_rules, load_figures  # noqa: E402
from gongkai.report.render import chart_png, write_docx, write_html  # noqa: E402
from gongkai.report.tables import NORMATIVE, REGULATIONS  # noqa: E402
from tests.report.known_year import YEAR, make_records  # noqa: E402

SAMPLE_MADE = {REGULATIONS: 1, NORMATIVE: 3}


def main() -> int:
    figures = load_figures(ROOT / "docs" / "annual-report-figures.yaml")
    report = build_report(make_records(YEAR), YEAR, figures.organ or "青川市测试局", figures, SAMPLE_MADE,
                          load_annual_rules())
    failures = check(report.tables())
    if failures:
        print("\n".join(map(str, failures)))
        return 1
    chart = chart_png(report)
    for path in (write_docx(report, ROOT / "docs" / "sample-annual-report.docx", chart),
                 write_html(report, ROOT / "docs" / "sample-annual-report.html", chart)):
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
