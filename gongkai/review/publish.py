"""Export to the publication catalogue (信息公开目录) when the last stage approves a 主动公开 document.

One entry per document: 索引号, 标题, 发布机构, 成文日期, 公开方式, 公开时限 and the text with the
personal data redacted (Art. 37: redact, don't withhold), written as `<data_dir>/publication/<索引号>.json`
and `.html` (static, everything escaped). Re-exporting the same document rewrites the same files."""
from __future__ import annotations

import json
import os
from html import escape
from pathlib import Path

from sqlalchemy import select

from gongkai.store import repository as repo
from gongkai.store.db import Store
from gongkai.store.models import Decision, Document, Proposal, ReviewTask

REDACTION = "█"


def redact(text: str, pii: list[dict]) -> str:
    """Every personal-data span replaced by blocks of the same length (positions stay stable)."""
    chars = list(text)
    for item in pii:
        start, end = int(item.get("start", -1)), int(item.get("end", -1))
        if 0 <= start < end <= len(chars):
            chars[start:end] = REDACTION * (end - start)
    return "".join(chars)


def index_number(document: Document) -> str:
    """索引号: intake year + zero-padded document id — stable, and only digits and '-' (safe file name)."""
    year = document.created_at.year if document.created_at else 0
    return f"{year:04d}-{document.id:06d}"


def catalogue_entry(store: Store, document_id: int) -> dict:
    from gongkai.matching.govdoc import parse_govdoc

    with store.session() as s:
        document = repo.document_by_id(s, document_id)
        if document is None or document.text is None:
            raise ValueError(f"document {document_id} has no text to publish")
        proposal = s.scalar(select(Proposal).where(Proposal.document_id == document_id).order_by(Proposal.id.desc()).limit(1))
        first_task = s.scalar(select(ReviewTask).where(ReviewTask.document_id == document_id).order_by(ReviewTask.id).limit(1))
        final = s.scalar(select(Decision).where(Decision.document_id == document_id).order_by(Decision.id.desc()).limit(1))
        text, meta = document.text, dict(document.meta or {})
        structure = parse_govdoc(text)
        field = lambda f: text[f.start:f.end].strip() if f is not None else None  # noqa: E731
        return {
            "索引号": index_number(document),
            "标题": field(structure.title) or meta.get("title") or document.source_name,  # the 公文 title line first
            "发布机构": field(structure.signature) or field(structure.issuer_mark) or meta.get("source") or "",
            "成文日期": field(structure.date) or meta.get("published") or "",
            "公开方式": "主动公开",
            "公开时限": (f"{first_task.due_date.isoformat()} 前（第二十六条：20 个工作日内）"
                         if first_task and first_task.due_date else "20 个工作日内（第二十六条）"),
            "approved_by": final.actor if final else None,
            "sha256": document.sha256,
            "redactions": len(proposal.findings or []) if proposal else 0,
            "text": redact(text, proposal.findings or [] if proposal else []),
        }


def render_page(entry: dict) -> str:
    rows = "".join(f"<tr><th>{escape(k)}</th><td>{escape(str(entry[k]))}</td></tr>"
                   for k in ("索引号", "标题", "发布机构", "成文日期", "公开方式", "公开时限"))
    return ('<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">'
            f"<title>{escape(entry['标题'])}</title><style>body{{max-width:50em;margin:2em auto;font-family:serif}}"
            "th{text-align:left;padding-right:1em}.text{white-space:pre-wrap;line-height:1.9}</style></head><body>"
            f"<h1>{escape(entry['标题'])}</h1><table>{rows}</table><hr>"
            f"<div class=\"text\">{escape(entry['text'])}</div></body></html>")


def _write(path: Path, data: str) -> None:
    partial = path.with_name(path.name + ".partial")
    partial.write_text(data, encoding="utf-8")
    os.replace(partial, path)


def export(store: Store, document_id: int, data_dir: Path | str, *, actor: str = "system:publish") -> list[Path]:
    entry = catalogue_entry(store, document_id)
    folder = Path(data_dir) / "publication"
    folder.mkdir(parents=True, exist_ok=True)
    json_path, html_path = folder / f"{entry['索引号']}.json", folder / f"{entry['索引号']}.html"
    _write(json_path, json.dumps(entry, ensure_ascii=False, indent=2))
    _write(html_path, render_page(entry))
    with store.session() as s:
        repo.append_audit(s, actor, "publish.export", document_id=document_id,
                          after={"索引号": entry["索引号"], "files": [json_path.name, html_path.name],
                                 "redactions": entry["redactions"]})
    return [json_path, html_path]
