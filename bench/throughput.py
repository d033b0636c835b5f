"""End-to-end throughput of `gongkai classify` (issue 4): 1,000 documents through extraction,
normalisation, rules, model and decision, one process, after loading.

    .venv/bin/python bench/throughput.py [--source written|corpus|laws] [-n 1000]

written: the first N documents of corpus/written (TXT written by the writer briefs);
corpus: the first N documents of corpus/documents (TXT, 150–3,000 characters);
laws: the first N law texts of ../shared/real/laws (Markdown, about 5,600 characters on average).
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from gongkai.proposer import Proposer as Reviewer  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--source", choices=["written", "corpus", "laws"], default="written")
    ap.add_argument("-n", type=int, default=1000)
    args = ap.parse_args()
    if args.source == "written":
        files = sorted((REPO / "corpus" / "written").glob("*/*.txt"))[: args.n]
    elif args.source == "corpus":
        files = sorted((REPO / "corpus" / "documents").glob("*.txt"))[: args.n]
    else:
        files = sorted((REPO.parent / "shared" / "real" / "laws").rglob("*.md"))[: args.n]
    load_started = time.perf_counter()
    reviewer = Reviewer()
    reviewer.review_paths(files[:1]).__next__()  # warm-up: jieba dictionary, spaCy, model
    loaded = time.perf_counter() - load_started
    started = time.perf_counter()
    chars = errors = 0
    for r in reviewer.review_paths(files):
        chars += len(r.document.text)
        errors += r.proposal.error is not None
    elapsed = time.perf_counter() - started
    print(f"| {args.source} | {len(files)} | {chars / len(files):,.0f} | {elapsed:.1f} s | "
          f"{len(files) / elapsed * 60:,.0f} | {loaded:.1f} s | {errors} | load {os.getloadavg()[0]:.1f} |")


if __name__ == "__main__":
    main()
