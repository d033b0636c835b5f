"""Damaged copies of corpus documents, as text extracted from a PDF shows them: spaces between Chinese and
digits, lines broken mid-sentence, page numbers and a running header between pages, a secrecy mark with odd
spacing or another star. The template generator's one lasting contribution: it teaches the model that these
artefacts carry no meaning. Deterministic for a given key."""
from __future__ import annotations

import random
import re


def pdf_damaged(text: str, key: str) -> str:
    rng = random.Random(key)
    t = text.replace("\u3000\u3000", "  " if rng.random() < 0.5 else "")
    if rng.random() < 0.8:  # extractors put spaces between CJK and digits
        t = re.sub(r"(?<=[^\x00-\x7f\s])(\d[\d.]*)", r" \1", t)
        t = re.sub(r"(\d)(?=[^\x00-\x7f\s])", r"\1 ", t)
    t = re.sub(r"(绝密|机密|秘密)\s*★\s*", lambda m: m.group(1) + rng.choice([" ★ ", "*", "★ ", " ☆ "]), t)
    first = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
    header = first[:20]
    width = rng.randint(24, 38)
    lines: list[str] = []
    for line in t.split("\n"):
        while len(line) > width:
            lines.append(line[:width])
            line = line[width:]
        lines.append(line)
    per_page, out, page = rng.randint(16, 26), [], 1
    for i, line in enumerate(lines):
        if i and i % per_page == 0:
            out += [rng.choice([f"— {page} —", f"- {page} -", f"第 {page} 页"]), header]
            page += 1
        out.append(line)
    out.append(f"— {page} —")
    return "\n".join(out) + "\n"
