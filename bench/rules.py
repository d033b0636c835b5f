"""Benchmark and false-alarm measurement of the rule engine.

    .venv/bin/python bench/rules.py [--runs 200] [--laws DIR]

1. False alarms on published law texts (../shared/real/laws, recursive *.md): how many documents the
   state-secret rules (secrecy marks + unmarked secrets) and the ID-number recognizer fire on, with
   every exception listed (file + matched text).
2. Time for all rules over a 10,000-character document after warm-up (median of many runs), split into
   spaCy Doc creation, 公文 structure parsing and matching.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from gongkai.matching.engine import get_matcher  # noqa: E402
from gongkai.matching.govdoc import parse_govdoc  # noqa: E402

REAL = REPO / ".." / "shared" / "real"
STATE_SECRET_CATEGORIES = {"secrecy_mark", "unmarked_secret"}


def false_alarms(laws_dir: Path) -> None:
    files = sorted(laws_dir.rglob("*.md"))
    if not files:
        print(f"no law texts under {laws_dir}: skipped")
        return
    matcher = get_matcher()
    secret_docs: dict[Path, list] = {}
    id_docs: dict[Path, list] = {}
    words = {"秘密": 0, "国家秘密": 0, "机密": 0, "绝密": 0, "内部": 0}
    by_category: dict[str, int] = {}
    chars = 0
    t0 = time.perf_counter()
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        chars += len(text)
        findings = matcher.match(text)
        for w in words:
            words[w] += w in text
        for cat in {f.category for f in findings}:
            by_category[cat] = by_category.get(cat, 0) + 1
        secret = [f for f in findings if f.category in STATE_SECRET_CATEGORIES]
        ids = [f for f in findings if f.label == "id_card"]
        if secret:
            secret_docs[path] = secret
        if ids:
            id_docs[path] = ids
    elapsed = time.perf_counter() - t0
    n = len(files)
    has_id = any(r.pii_type == "id_card" for r in matcher.rules)
    print(f"## False alarms on {n} published law texts ({chars:,} characters, {elapsed:.1f} s)\n")
    print(f"- state-secret rules (secrecy_mark + unmarked_secret) fire on {len(secret_docs)} documents "
          f"= {100 * len(secret_docs) / n:.2f}%")
    if has_id:
        print(f"- ID-number rule(s) (pii_type id_card) fire on {len(id_docs)} documents = {100 * len(id_docs) / n:.2f}%")
    else:
        print("- no rule with pii_type id_card is loaded: ID-number recognizer not measured")
    print("- documents containing the word: " + ", ".join(f"{w} {c}" for w, c in words.items()))
    print("- documents with at least one finding, by category (informational; only the first two lines are "
          "false alarms by definition): " + ", ".join(f"{c} {n}" for c, n in sorted(by_category.items())))
    for title, docs in (("state-secret", secret_docs), ("ID number", id_docs)):
        if docs:
            print(f"\n### Exceptions ({title})\n")
            for path, fs in docs.items():
                rel = path.relative_to(laws_dir)
                for f in fs:
                    ctx = f.text.replace("\n", "⏎")
                    print(f"- `{rel}`: {f.rule_id} `{ctx}` (score {f.score})")


def sample_document(size: int = 10_000) -> str:
    """A realistic 10,000-character text: the GovDoc-CN 公文 when present, then law text, else synthetic."""
    parts = []
    govdoc = next((REAL / "pdfs" / "GovDoc-CN").rglob("397.txt"), None) if (REAL / "pdfs").is_dir() else None
    if govdoc:
        parts.append(govdoc.read_text(encoding="utf-8"))
    laws = sorted((REAL / "laws").rglob("*.md")) if (REAL / "laws").is_dir() else []
    for path in laws[:50]:
        parts.append(path.read_text(encoding="utf-8"))
        if sum(map(len, parts)) > size:
            break
    text = "\n".join(parts)
    while len(text) < size:
        text += ("机密★10年\n关于做好储备物资管理的通知\n各单位：\n现将有关事项通知如下。联系人：张伟，电话：13812345678。"
                 "本办法自2026年5月1日起施行。\n（此件公开发布）\n")
    return text[:size]


def timing(runs: int) -> None:
    matcher = get_matcher()
    text = sample_document()
    for _ in range(5):  # warm-up: spaCy vocab, regex caches, jieba dictionary in recognizers
        matcher.match(text)
    doc_t, struct_t, match_t, total_t = [], [], [], []
    for _ in range(runs):
        t0 = time.perf_counter()
        doc = matcher.make_doc(text)
        t1 = time.perf_counter()
        structure = parse_govdoc(text)
        t2 = time.perf_counter()
        matcher.match(text, doc=doc, structure=structure)
        t3 = time.perf_counter()
        doc_t.append(t1 - t0)
        struct_t.append(t2 - t1)
        match_t.append(t3 - t2)
        total_t.append(t3 - t0)
    ms = lambda xs: f"{1000 * statistics.median(xs):.2f} ms"  # noqa: E731
    print(f"\n## Time, all {len(matcher.rules)} rules over {len(text):,} characters, median of {runs} runs after warm-up\n")
    print(f"- total: {ms(total_t)} (p90 {1000 * sorted(total_t)[int(0.9 * runs)]:.2f} ms)")
    print(f"- spaCy Doc (blank zh, char segmenter): {ms(doc_t)}")
    print(f"- 公文 structure (govdoc.py): {ms(struct_t)}")
    print(f"- matching (phrases, regexes, recognizers, scoring): {ms(match_t)}")
    # per pattern kind, to show where the time goes
    per_rx = []
    for ri, pi, rx in matcher._regexes:
        t0 = time.perf_counter()
        for _ in range(20):
            list(rx.finditer(text))
        per_rx.append(((time.perf_counter() - t0) / 20, matcher.rules[ri].id))
    per_rx.sort(reverse=True)
    print(f"- all {len(per_rx)} regexes alone: {1000 * sum(t for t, _ in per_rx):.2f} ms; slowest: "
          + ", ".join(f"{rid} {1000 * t:.2f} ms" for t, rid in per_rx[:3]))
    for name in {n for _, _, n in matcher._recognizer_uses}:
        fn = matcher._recognizers[name]
        xs = []
        for _ in range(max(5, runs // 10)):
            t0 = time.perf_counter()
            list(fn(text))
            xs.append(time.perf_counter() - t0)
        print(f"- recognizer {name}: {ms(xs)}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=200)
    ap.add_argument("--laws", type=Path, default=REAL / "laws")
    ap.add_argument("--skip-laws", action="store_true")
    args = ap.parse_args()
    if not args.skip_laws:
        false_alarms(args.laws)
    govdoc_accuracy()
    timing(args.runs)



GOVDOC_FIELDS = {  # BIO label in 397_a.txt → GovDocStructure attribute
    "发文机关标志": "issuer_mark", "发文字号": "doc_number", "正文标题": "title", "主送机关": "addressee",
    "正文": "body", "一级标题": "body", "二级标题": "body", "发文机关": "signature", "成文日期": "date",
}


def govdoc_field_scores(text: str, labels_path: Path) -> dict[str, dict]:
    """Per field: exact (same characters as the gold span) and character F1, comparing in
    whitespace-free coordinates (the label file has no line breaks and marks layout spaces as 曌/錓).
    `text` may differ a little from the labelled text (e.g. extracted from the PDF): characters are then
    aligned with difflib and unaligned ones count as errors."""
    import difflib
    import re

    from gongkai.matching.govdoc import parse_govdoc

    rows = [line.rstrip("\n").split(" ") for line in labels_path.read_text(encoding="utf-8").splitlines()]
    rows = [(c, lab) for c, lab in rows if c not in "曌錓"]
    gold_text = "".join(c for c, _ in rows)
    offsets = [i for i, ch in enumerate(text) if not re.match(r"\s", ch)]  # stripped index -> text offset
    stripped = "".join(text[i] for i in offsets)
    to_gold: dict[int, int] = {}  # text offset -> index into the labels
    for tag, a0, a1, b0, _ in difflib.SequenceMatcher(None, stripped, gold_text, autojunk=False).get_opcodes():
        if tag == "equal":
            for k in range(a1 - a0):
                to_gold[offsets[a0 + k]] = b0 + k
    gold: dict[str, set[int]] = {}
    for idx, (_, lab) in enumerate(rows):
        name = GOVDOC_FIELDS.get(lab.split("_", 1)[-1])
        if name:
            gold.setdefault(name, set()).add(idx)
    s = parse_govdoc(text)
    scores = {}
    for name in dict.fromkeys(GOVDOC_FIELDS.values()):
        f = getattr(s, name)
        pred = {to_gold.get(i, -1 - i) for i in range(f.start, f.end) if not text[i].isspace()} if f else set()
        g = gold.get(name, set())
        tp = len(pred & g)
        p = tp / len(pred) if pred else 0.0
        r = tp / len(g) if g else 0.0
        scores[name] = {"exact": pred == g, "f1": 2 * p * r / (p + r) if p + r else 0.0,
                        "gold_chars": len(g), "pred_chars": len(pred)}
    return scores


def govdoc_accuracy() -> None:
    found = sorted((REAL / "pdfs" / "GovDoc-CN").rglob("397_a.txt")) if (REAL / "pdfs").is_dir() else []
    if not found:
        print("\nGovDoc-CN 397 not present: 公文 structure accuracy skipped")
        return
    labels = found[0]
    texts = {"397.txt (clean text)": labels.with_name("397.txt").read_text(encoding="utf-8")}
    try:
        from gongkai.extract import extract_file

        doc = extract_file(labels.with_name("397.pdf"))
        if doc.ok:
            texts["397.pdf through gongkai.extract"] = doc.text
    except ImportError:
        pass
    for name, text in texts.items():
        scores = govdoc_field_scores(text, labels)
        exact = sum(v["exact"] for v in scores.values())
        print(f"\n## 公文 structure of {name} vs GovDoc-CN 397_a.txt: {exact}/{len(scores)} fields exact\n")
        for field, v in scores.items():
            print(f"- {field}: exact={v['exact']} char-F1={v['f1']:.3f} "
                  f"(gold {v['gold_chars']}, predicted {v['pred_chars']})")


if __name__ == "__main__":
    main()
