"""Export to the publication catalogue (信息公开目录) when the last stage approves a 主动公开 document.

One entry per document: 索引号, 标题, 发布机构, 成文日期, 公开方式, 公开时限 and the text with the
personal data redacted (Art. 37: redact, don't withhold), written as `<data_dir>/publication/<索引号>.json`
and `.html` (static, everything escaped). Re-exporting the same document rewrites the same files."""
from __future__ import annotations

import hashlib
import json
import os
import re
from html import escape
from pathlib import Path

from sqlalchemy import select

from gongkai.extract.layout import with_breaks
from gongkai.filemodes import create_private, private_dir
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


# Lines the extractors add so that rules can read them — a DOCX's comments (【批注】) and properties
# (【文档属性·标题】, OFD too) — are part of what is reviewed, never of what is published: a comment is
# internal process information (Art. 16) and a property is not the document's text.
_EXTRACTOR_LINE = re.compile(r"^【(?:批注|文档属性·[^】\n]{1,12})】.*(?:\n|$)", re.MULTILINE)


def published_text(text: str) -> str:
    """The text as it is published: without the extractors' annotation lines (redact before: the personal
    data's positions are positions in the stored text)."""
    return _EXTRACTOR_LINE.sub("", text).rstrip("\n")


def index_number(document: Document) -> str:
    """索引号: intake year + zero-padded document id — stable, and only digits and '-' (safe file name)."""
    year = document.created_at.year if document.created_at else 0
    return f"{year:04d}-{document.id:06d}"


def catalogue_entry(store: Store, document_id: int) -> dict:
    from gongkai.matching.govdoc import parse_govdoc
    from gongkai.review.routing import publication_deadline

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
        written = field(structure.date) or (meta.get("catalogue") or {}).get("成文日期") or meta.get("published") or ""
        return {
            "索引号": index_number(document),
            "标题": field(structure.title) or meta.get("title") or document.source_name,  # the 公文 title line first
            # then what the last approver filled in where the parse found nothing (issue 11, service.py)
            "发布机构": (field(structure.signature) or field(structure.issuer_mark)
                         or (meta.get("catalogue") or {}).get("发布机构") or meta.get("source") or ""),
            "成文日期": written,
            "公开方式": "主动公开",
            # Art. 26: from when the information was formed (成文日期), else from intake (issue 11)
            "公开时限": publication_deadline(written, first_task.due_date if first_task else None),
            "approved_by": final.actor if final else None,
            "sha256": document.sha256,
            "redactions": len(proposal.findings or []) if proposal else 0,
            # redacted in the stored text's positions, then laid out as the reader saw it (headlines alone)
            "text": published_text(with_breaks(redact(text, proposal.findings or [] if proposal else []),
                                               meta.get("line_breaks"))),
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
    with os.fdopen(create_private(partial, exclusive=False), "w", encoding="utf-8") as fh:  # 0600 whatever the umask
        fh.write(data)
    os.replace(partial, path)


class PublicationRefused(ValueError):
    """The document's labels in force do not verify against the audit chain, or are not 主动公开."""


def check_publishable(store: Store, document_id: int) -> tuple[str, str]:
    """The labels in force, if they verify against the audit chain and say 主动公开; else refuse. One
    UPDATE on the decisions table must never carry a restricted document into the catalogue."""
    from gongkai.labels import PUBLIC
    from gongkai.review.integrity import document_problems, table_labels

    with store.session() as s:
        problems = document_problems(s, document_id)
        labels = table_labels(s, document_id)
    if problems:
        raise PublicationRefused("拒绝发布：该文件的现行标签与审计链不符，请管理员运行 gongkai audit verify 核查 / "
                                 f"publication refused: document {document_id} does not verify against the audit "
                                 "chain — " + "; ".join(problems[:3]))
    if labels is None or labels[0] != PUBLIC:
        raise PublicationRefused(f"拒绝发布：该文件现行公开属性不是{PUBLIC} / publication refused: document "
                                 f"{document_id} is {labels[0] if labels else 'unlabelled'}, not {PUBLIC}")
    return labels


def export(store: Store, document_id: int, data_dir: Path | str, *, actor: str = "system:publish") -> list[Path]:
    disclosure, secrecy = check_publishable(store, document_id)
    entry = catalogue_entry(store, document_id)
    folder = private_dir(Path(data_dir) / "publication")
    json_path, html_path = folder / f"{entry['索引号']}.json", folder / f"{entry['索引号']}.html"
    written = {json_path: json.dumps(entry, ensure_ascii=False, indent=2), html_path: render_page(entry)}
    for path, data in written.items():
        _write(path, data)
    with store.session() as s:  # the files' hashes: `audit verify` then notices a file changed or planted
        repo.append_audit(s, actor, "publish.export", document_id=document_id,
                          after={"索引号": entry["索引号"], "files": [p.name for p in written],
                                 "sha256": {p.name: hashlib.sha256(d.encode("utf-8")).hexdigest()
                                            for p, d in written.items()},
                                 "disclosure": disclosure, "secrecy": secrecy, "redactions": entry["redactions"]})
    return [json_path, html_path]
