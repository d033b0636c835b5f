"""Statistics of the written corpus and the dev set, written into README.md between the written-stats markers.

    python corpus/written_stats.py            # print and update README.md
"""
from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
SECRET = ("秘密", "机密", "绝密")
OFFICIAL_TYPES = set("决议 决定 命令 公报 公告 通告 意见 通知 通报 报告 请示 批复 议案 函 纪要".split())


def rows(folder: Path) -> list[dict]:
    out = []
    for labels in sorted(folder.glob("*/labels.jsonl")):
        out += [json.loads(x) for x in labels.read_text(encoding="utf-8").splitlines() if x.strip()]
    return out


def table(all_rows: list[dict], title: str) -> list[str]:
    writers = sorted({r["writer"] for r in all_rows})
    lines = [f"**{title}**: {len(all_rows)} documents by {len(writers)} writers.", "",
             "| writer | documents | 主动公开 | 依申请公开 | 不予公开 | 内部 | 秘密 | 机密 | 绝密 | marked | unmarked secrets | hard negatives | second reading agreed |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for w in writers + ["all"]:
        rs = [r for r in all_rows if w in ("all", r["writer"])]
        d, s = Counter(r["disclosure"] for r in rs), Counter(r["secrecy"] for r in rs)
        secrets = [r for r in rs if r["secrecy"] in SECRET]
        checked = [r for r in rs if "check" in r]
        agreed = f"{sum(r['check']['agreed'] for r in checked)}/{len(checked)}" if checked else "—"
        lines.append(f"| {w} | {len(rs)} | {d['主动公开']} | {d['依申请公开']} | {d['不予公开']} | {s['内部']} | {s['秘密']} | "
                     f"{s['机密']} | {s['绝密']} | {sum(1 for r in secrets if r.get('marked'))} | "
                     f"{sum(1 for r in secrets if not r.get('marked'))} | {sum(1 for r in rs if r.get('hard_negative'))} | {agreed} |")
    return lines


def main() -> None:
    written, dev = rows(HERE / "written"), rows(HERE / "dev")
    both = written + dev
    sectors = Counter(r.get("sector") for r in both if r["secrecy"] in SECRET and not r.get("marked"))
    types = Counter(r.get("doc_type") for r in both)
    genres = Counter(r.get("genre") for r in both)
    lines = table(written, "Training (written/)") + [""] + table(dev, "Frozen dev set (dev/)") + [
        "", f"文种 present: {len(OFFICIAL_TYPES & set(types))} of 15 ({'、'.join(sorted(OFFICIAL_TYPES - set(types))) or 'none missing'} missing); "
        f"other forms: {len(set(types) - OFFICIAL_TYPES)}; distinct genres: {len(genres)}.", "",
        "Unmarked state secrets by sector (both sets): " + "，".join(f"{k} {v}" for k, v in sorted(sectors.items(), key=lambda kv: -kv[1])) + "."]
    text = "\n".join(lines)
    print(text)
    readme = HERE / "README.md"
    body = readme.read_text(encoding="utf-8")
    body = re.sub(r"<!-- written-stats:start -->.*<!-- written-stats:end -->",
                  lambda _: f"<!-- written-stats:start -->\n{text}\n<!-- written-stats:end -->", body, flags=re.S)
    readme.write_text(body, encoding="utf-8")


if __name__ == "__main__":
    main()
