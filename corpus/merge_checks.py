"""Fold a second reader's `check.jsonl` into a writer's `labels.jsonl` (idempotent).

Every document of the written corpus was labelled by its writer and read again by a different person (a second
reader who did not write it). Where they disagreed, the second reader resolved the labels with a note. This
script makes `labels.jsonl` carry the final labels and keeps the trail:

    "check": {"agreed": bool, "writer": {"disclosure", "secrecy", "marked", "hard_negative"}, "note": "…"}

    python corpus/merge_checks.py corpus/written/w01 [more folders…]
"""
from __future__ import annotations

import json
import sys
from pathlib import Path


def merge(folder: Path) -> tuple[int, int]:
    labels_file, check_file = folder / "labels.jsonl", folder / "check.jsonl"
    rows = [json.loads(x) for x in labels_file.read_text(encoding="utf-8").splitlines() if x.strip()]
    checks = {}
    for line in check_file.read_text(encoding="utf-8").splitlines():
        if line.strip():
            c = json.loads(line)
            checks[c["id"]] = c  # a later line for the same id wins (a reader's own correction)
    missing = [r["id"] for r in rows if r["id"] not in checks]
    if missing:
        raise SystemExit(f"{folder}: {len(missing)} documents have no check: {missing[:5]}")
    changed = 0
    for row in rows:
        c = checks[row["id"]]
        writer = row.get("check", {}).get("writer") or {k: row.get(k) for k in ("disclosure", "secrecy", "marked", "hard_negative")}
        final = {"disclosure": c.get("final_disclosure") or writer["disclosure"],
                 "secrecy": c.get("final_secrecy") or writer["secrecy"],
                 "marked": c.get("final_marked", writer["marked"]),
                 "hard_negative": c.get("final_hard_negative", writer["hard_negative"])}
        if (final["disclosure"], final["secrecy"]) != (writer["disclosure"], writer["secrecy"]):
            changed += 1
        row.update(final)
        row["check"] = {"agreed": bool(c.get("agree")), "writer": writer, "note": c.get("note", "")}
    labels_file.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return len(rows), changed


if __name__ == "__main__":
    for arg in sys.argv[1:]:
        n, changed = merge(Path(arg))
        print(f"{arg}: {n} documents, {changed} labels changed by the second reading")
