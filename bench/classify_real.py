"""Issue 4 benchmarks on real published texts (../shared/real): every one of them was published, so a
correct pipeline proposes 主动公开 / 非密. Also the end-to-end throughput on 1,000 documents.

    .venv/bin/python bench/classify_real.py [--limit N] [--out FILE.md]

Writes a Markdown section (share proposed 主动公开 / 非密, the exceptions with their reasons, timing).
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

from gongkai.pipeline import Reviewer  # noqa: E402


def real_documents(tmp: Path, limit: int | None) -> list[tuple[str, Path]]:
    """Laws are Markdown files already; work reports are JSON lines, written out as text files."""
    docs = [("laws", p) for p in sorted((REAL / "laws").rglob("*.md"))]
    for jl in sorted((REAL / "work-reports").glob("*.jsonl")):
        for n, line in enumerate(jl.read_text(encoding="utf-8").splitlines()):
            row = json.loads(line)
            path = tmp / f"{jl.stem}_{n:03d}.txt"
            path.write_text(f"{row['title']}\n{row['content']}", encoding="utf-8")
            docs.append(("work-reports", path))
    return docs[:limit] if limit else docs


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int)
    ap.add_argument("--out", type=Path)
    args = ap.parse_args()
    if not REAL.is_dir():
        sys.exit(f"{REAL} not present")
    reviewer = Reviewer()
    with tempfile.TemporaryDirectory() as tmp:
        docs = real_documents(Path(tmp), args.limit)
        from gongkai.extract import extract_file

        reviewer.review(extract_file(docs[0][1]))  # warm-up: jieba dictionary, spaCy, model
        counts, exceptions, chars = Counter(), [], 0
        started = time.perf_counter()
        for corpus, path in docs:
            r = reviewer.review(extract_file(path, reviewer.settings))
            p = r.proposal
            chars += len(r.document.text)
            ok = p.error is None and p.disclosure == "主动公开" and p.secrecy == "非密"
            counts[(corpus, ok)] += 1
            if not ok:
                why = p.error["code"] if p.error else "; ".join(
                    f"{x.code}: " + "，".join([e.text for e in x.evidence[:2]] + [f["feature"] for f in x.features[:3]])
                    for x in p.reasons[:3])
                exceptions.append((corpus, path.name if corpus == "laws" else r.document.metadata.get("title") or path.name,
                                   p.disclosure, p.secrecy, p.confidence, why))
        elapsed = time.perf_counter() - started
    lines = [f"Model {reviewer.model.version}; {len(docs)} documents, {chars / 1e6:.1f} M characters; "
             f"{elapsed:.1f} s end to end (extract + rules + model + decision), "
             f"{len(docs) / elapsed * 60:.0f} documents/min, one process.", "",
             "| corpus | documents | proposed 主动公开 / 非密 | share |", "|---|---|---|---|"]
    for corpus in ("laws", "work-reports"):
        good, bad = counts[(corpus, True)], counts[(corpus, False)]
        if good + bad:
            lines.append(f"| {corpus} | {good + bad} | {good} | {good / (good + bad):.1%} |")
    total_good = counts[("laws", True)] + counts[("work-reports", True)]
    lines.append(f"| all | {len(docs)} | {total_good} | {total_good / len(docs):.1%} |")
    lines += ["", "Exceptions:", "", "| corpus | document | proposed | confidence | why |", "|---|---|---|---|---|"]
    lines += [f"| {c} | {name} | {d} / {s} | {conf} | {why} |" for c, name, d, s, conf, why in exceptions]
    text = "\n".join(lines) + "\n"
    print(text)
    if args.out:
        args.out.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
