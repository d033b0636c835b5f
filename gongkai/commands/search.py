"""`gongkai search QUERY [--limit N] [--any] [--json]` and `gongkai search --reindex`."""
from __future__ import annotations

import argparse
import json
import sys

WITHHELD_TITLE = "（涉密文件，标题和内容不显示）"


def register(sub) -> None:
    p = sub.add_parser("search", help="全文检索本机保存的文件 / full-text search over the stored documents")
    p.add_argument("query", nargs="?", help="要查找的内容（中文词语即可）/ what to look for")
    p.add_argument("--limit", type=int, default=20, help="最多显示几条 / at most this many hits (default 20)")
    p.add_argument("--any", action="store_true", help="含任一词即算命中（默认须含全部词）/ match any word, not all")
    p.add_argument("--json", action="store_true", help="每条命中一行 JSON / one JSON object per hit")
    p.add_argument("--reindex", action="store_true", help="重建全文索引 / rebuild the full-text index")
    p.set_defaults(func=cmd_search)


def cmd_search(args: argparse.Namespace) -> int:
    from gongkai import search
    from gongkai.labels import REASON_NAMES
    from gongkai.store import repository as repo
    from gongkai.store.db import open_store

    store = open_store()
    if args.reindex:
        with store.session() as s:
            count = search.reindex_all(s)
        print(f"已重建全文索引：{count} 个文件（封存文件不入索引）/ index rebuilt: {count} documents")
        if not args.query:
            return 0
    if not args.query:
        print("gongkai: 请给出要查找的内容，或用 --reindex / give a query, or --reindex", file=sys.stderr)
        return 2
    if args.limit < 1:
        print("gongkai: --limit 须为正整数 / --limit must be positive", file=sys.stderr)
        return 2
    with store.session() as s:
        hits = search.search(s, args.query, limit=args.limit, match="any" if args.any else "all")
        empty_index = not hits and search.indexed_count(s) == 0 and bool(repo.all_documents(s))
    if args.json:
        for hit in hits:
            print(json.dumps(hit.as_dict(), ensure_ascii=False))
        return 0
    if empty_index:
        print("全文索引为空，请先运行 gongkai search --reindex / the index is empty: run gongkai search --reindex",
              file=sys.stderr)
    if not hits:
        print(f"未找到与“{args.query}”相符的文件 / no documents found")
        return 0
    print(f"找到 {len(hits)} 个文件 / {len(hits)} documents")
    for rank, hit in enumerate(hits, 1):
        reasons = "、".join(REASON_NAMES.get(code, code) for code in hit.reasons) or "—"
        print(f"{rank}. [文件 {hit.document_id}] {hit.title if not hit.withheld else WITHHELD_TITLE}")
        print(f"   公开属性：{hit.disclosure or '—'}  密级：{hit.secrecy or '—'}  理由：{reasons}")
        if hit.snippet:
            print(f"   {hit.snippet}")
    return 0
