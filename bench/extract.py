"""Benchmark: pages/s of gongkai's PDF path vs pdfminer.six extract_text and pypdfium2.

Files: the budget PDFs in ../shared/real/pdfs (GOV, GovBudgetChecker, tianbaoxitong).
One process (files in sequence) and a pool of 2 processes (files spread over the pool).
Prints a Markdown table. Run:  .venv/bin/python bench/extract.py [--repeat N]
Not a test: numbers depend on the machine; BENCHMARKS.md records a measured run.
"""
from __future__ import annotations

import argparse
import logging
import multiprocessing
import platform
import sys
import time
from pathlib import Path

REAL = Path(__file__).resolve().parents[1] / ".." / "shared" / "real" / "pdfs"
BUDGET_DIRS = ("GOV", "GovBudgetChecker", "tianbaoxitong")


def budget_files() -> list[Path]:
    return sorted(p for d in BUDGET_DIRS for p in (REAL / d).rglob("*.pdf"))


def run_gongkai(path: Path) -> int:
    from gongkai.extract.pdf import extract
    from gongkai.settings import Settings

    return len(extract(path, Settings({"ocr_enabled": False})).pages)


def run_pdfminer(path: Path) -> int:
    from pdfminer.high_level import extract_text

    return extract_text(str(path)).count("\f") or 1


def run_pdfium(path: Path) -> int:
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(path))
    try:
        for page in pdf:
            page.get_textpage().get_text_range()
        return len(pdf)
    finally:
        pdf.close()


ENGINES = {"gongkai (pdfplumber)": run_gongkai, "pdfminer.six extract_text": run_pdfminer, "pypdfium2": run_pdfium}


def _quiet() -> None:
    logging.disable(logging.WARNING)  # pdfminer logs about broken font descriptors


def timed(fn, files: list[Path], processes: int) -> float:
    start = time.perf_counter()
    if processes == 1:
        for f in files:
            fn(f)
    else:
        with multiprocessing.get_context("fork").Pool(processes, initializer=_quiet) as pool:
            # chunksize 1: files differ in size, so hand them out one at a time.
            pool.map(fn, files, chunksize=1)
    return time.perf_counter() - start


def page_count(files: list[Path]) -> int:
    import pypdfium2

    total = 0
    for f in files:
        pdf = pypdfium2.PdfDocument(str(f))
        total += len(pdf)
        pdf.close()
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per cell; the best is reported")
    args = parser.parse_args()
    _quiet()
    files = budget_files()
    if not files:
        sys.exit(f"no budget PDFs under {REAL.resolve()}")
    pages = page_count(files)
    for fn in ENGINES.values():  # warm imports and caches outside the clock
        fn(files[0])
    print(f"{len(files)} files, {pages} pages; Python {platform.python_version()}, "
          f"{multiprocessing.cpu_count()} CPUs; best of {args.repeat}\n")
    print("| extractor | 1 process: pages/s | ms/page | 2 processes: pages/s | speed-up |")
    print("|---|---:|---:|---:|---:|")
    results = {}
    for name, fn in ENGINES.items():
        one = min(timed(fn, files, 1) for _ in range(args.repeat))
        two = min(timed(fn, files, 2) for _ in range(args.repeat))
        results[name] = one
        print(f"| {name} | {pages / one:.1f} | {1000 * one / pages:.1f} | {pages / two:.1f} | {one / two:.2f}× |")
    ratio = results["gongkai (pdfplumber)"] / results["pdfminer.six extract_text"]
    print(f"\ngongkai cost per page / pdfminer.six cost per page: {ratio:.2f}× (target ≤ 1.3×)")


if __name__ == "__main__":
    main()
