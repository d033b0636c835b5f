"""Proposals on real published documents (../shared/real): every one of them was published, so a correct
pipeline proposes 主动公开 / 非密. Covers laws, State Council work reports, `published/` (98 documents of other
genres) and the government PDFs (district budgets and final accounts, the GovDoc-CN 公文).

    .venv/bin/python bench/classify_real.py [--limit N] [--out FILE.md]

Writes a Markdown section: share proposed 主动公开 / 非密 per collection, every exception with its reasons,
and the end-to-end time.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
REAL = REPO.parent / "shared" / "real"
sys.path.insert(0, str(REPO))

from gongkai.labels import PUBLIC, UNRESTRICTED  # noqa: E402
from gongkai.proposer import Proposer  # noqa: E402

# Government PDFs that were published (budgets, final accounts, their official template, a 公文). The other
# PDFs under pdfs/ are extraction test files of software projects (a bond prospectus, a lab report, a
# customs form), not government documents, and are left out.
GOVERNMENT_PDFS = ("GOV/samples", "GovBudgetChecker", "tianbaoxitong", "GovDoc-CN")
COLLECTIONS = ("laws", "work-reports", "published", "pdfs")


def real_documents(tmp: Path, limit: int | None = None) -> list[tuple[str, Path]]:
    """Laws are Markdown files already; work reports are JSON lines, written out as text files."""
    docs = [("laws", p) for p in sorted((REAL / "laws").rglob("*.md"))]
    for jl in sorted((REAL / "work-reports").glob("*.jsonl")):
        for n, line in enumerate(jl.read_text(encoding="utf-8").splitlines()):
            row = json.loads(line)
            path = tmp / f"{jl.stem}_{n:03d}.txt"
            path.write_text(f"{row['title']}\n{row['content']}", encoding="utf-8")
            docs.append(("work-reports", path))
    docs += [("published", p) for p in sorted((REAL / "published").glob("*.txt"))]
    for sub in GOVERNMENT_PDFS:
        docs += [("pdfs", p) for p in sorted((REAL / "pdfs" / sub).rglob("*.pdf"))]
    if limit:  # a spread over every collection, not the first N laws
        step = max(1, len(docs) // limit)
        docs = docs[::step][:limit]
    return docs


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int)
    ap.add_argument("--out", type=Path)
    args = ap.parse_args()
    if not REAL.is_dir():
        sys.exit(f"{REAL} not present")
    proposer = Proposer.from_settings()
    with tempfile.TemporaryDirectory() as tmp:
        docs = real_documents(Path(tmp), args.limit)
        from gongkai.extract import extract_file

        proposer.review(extract_file(docs[0][1]))  # warm-up: jieba dictionary, spaCy, model
        counts, exceptions, chars = Counter(), [], 0
        started = time.perf_counter()
        for corpus, path in docs:
            r = proposer.review(extract_file(path, proposer.settings))
            p = r.proposal
            chars += len(r.document.text)
            ok = p.error is None and p.disclosure == PUBLIC and p.secrecy == UNRESTRICTED
            counts[(corpus, ok)] += 1
            if not ok:
                why = p.error["code"] if p.error else "; ".join(
                    f"{x.code}: " + "，".join([e.text for e in x.evidence[:2]] + [f["feature"] for f in x.features[:3]])
                    for x in p.reasons[:3])
                name = str(path.relative_to(REAL)) if path.is_relative_to(REAL) else (
                    r.document.metadata.get("title") or path.name)
                exceptions.append((corpus, name, p.disclosure, p.secrecy, p.confidence, ",".join(p.flags), why))
        elapsed = time.perf_counter() - started
    version = proposer.model.version if proposer.model else "none"
    lines = [f"Model {version}; {len(docs)} documents, {chars / 1e6:.1f} M characters; "
             f"{elapsed:.1f} s end to end (extract + rules + model + decision), "
             f"{len(docs) / elapsed * 60:.0f} documents/min, one process.", "",
             "| collection | documents | proposed 主动公开 / 非密 | share |", "|---|---|---|---|"]
    for corpus in COLLECTIONS:
        good, bad = counts[(corpus, True)], counts[(corpus, False)]
        if good + bad:
            lines.append(f"| {corpus} | {good + bad} | {good} | {good / (good + bad):.1%} |")
    total_good = sum(counts[(c, True)] for c in COLLECTIONS)
    lines.append(f"| all | {len(docs)} | {total_good} | {total_good / len(docs):.1%} |")
    lines += ["", "Exceptions:", "", "| collection | document | proposed | confidence | flags | why |",
              "|---|---|---|---|---|---|"]
    lines += [f"| {c} | {name} | {d} / {s} | {conf} | {fl} | {why} |" for c, name, d, s, conf, fl, why in exceptions]
    text = "\n".join(lines) + "\n"
    print(text)
    if args.out:
        args.out.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
