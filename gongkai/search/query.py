"""Searching the index: ranked hits with the labels in force and a marked snippet.

What a hit may show: a document whose secrecy is a state secret (秘密/机密/绝密 — in the labels in force or
on the document itself, see review.users.document_level) is found, with its labels and reason codes, but
its title and snippet are None: the office may learn that it holds it, never read it here. With a
`viewer`, a document above the viewer's clearance is withheld the same way."""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass

import sqlalchemy as sa
from sqlalchemy import select
from sqlalchemy.orm import Session

from gongkai.labels import SECRET_LEVELS
from gongkai.search.config import SearchConfig, load_search_config
from gongkai.search.index import PG_TABLE, SQLITE_TABLE, declared_title, dialect, indexable
from gongkai.search.tokens import query_words
from gongkai.store.models import Document, Proposal

MATCH_MODES = ("all", "any")


@dataclass(frozen=True)
class Hit:
    document_id: int
    title: str | None  # None when withheld
    snippet: str | None  # text around the matched words, each marked; None when withheld
    disclosure: str | None
    secrecy: str | None
    reasons: tuple[str, ...]  # reason codes of the latest proposal
    score: float  # higher is better; comparable within one search only
    withheld: bool

    def as_dict(self) -> dict:
        return {**asdict(self), "reasons": list(self.reasons)}


def search(session: Session, query: str, *, limit: int = 20, viewer=None, match: str = "all") -> list[Hit]:
    """Documents matching `query`, best first. `match="all"` wants every word of the query (PostgreSQL's
    plainto_tsquery), `"any"` at least one (a request phrased as a sentence), ranked by how well.
    `viewer` (a review.users.Actor) also withholds what is above their clearance."""
    if match not in MATCH_MODES:
        raise ValueError(f"match must be one of {MATCH_MODES}")
    config = load_search_config()
    terms = query_words(query, config)
    if not terms or limit < 1:
        return []
    ranked = _ranked(session, terms, limit, match, config)
    documents = {d.id: d for d in session.scalars(select(Document).where(Document.id.in_([i for i, _ in ranked])))}
    hits = []
    for document_id, score in ranked:
        document = documents.get(document_id)
        if document is None or not indexable(document):  # an entry left behind: never show it
            continue
        hits.append(_hit(session, document, score, terms, viewer, config))
    return hits


def _ranked(session: Session, terms: list[str], limit: int, match: str,
            config: SearchConfig) -> list[tuple[int, float]]:
    conn = session.connection()
    if dialect(conn) == "sqlite":
        quoted = ['"' + t.replace('"', '""') + '"' for t in terms]  # each word a phrase: no FTS5 syntax
        expression = (" OR " if match == "any" else " AND ").join(quoted)
        rows = conn.execute(sa.text(
            f"SELECT rowid, bm25({SQLITE_TABLE}, :title_weight, 1.0) AS rank FROM {SQLITE_TABLE} "
            f"WHERE {SQLITE_TABLE} MATCH :expression ORDER BY rank, rowid LIMIT :limit"),
            {"title_weight": config.title_weight, "expression": expression, "limit": limit})
        return [(row[0], -float(row[1])) for row in rows]  # bm25: lower is better
    if match == "any":
        tsquery = " || ".join(f"plainto_tsquery('simple', :t{i})" for i in range(len(terms)))
        params = {f"t{i}": t for i, t in enumerate(terms)}
    else:
        tsquery, params = "plainto_tsquery('simple', :words)", {"words": " ".join(terms)}
    # ts_rank weights are {D, C, B, A}: the text (B) counts 1/title_weight of the title (A).
    weights = "{0.1, 0.1, %f, 1.0}" % (1.0 / max(config.title_weight, 1.0))
    rows = conn.execute(sa.text(
        f"SELECT document_id, ts_rank(CAST(:weights AS float4[]), words, q, 1) AS rank "
        f"FROM {PG_TABLE}, (SELECT {tsquery} AS q) AS query "
        "WHERE words @@ q ORDER BY rank DESC, document_id LIMIT :limit"),
        {**params, "weights": weights, "limit": limit})
    return [(row[0], float(row[1])) for row in rows]


def _hit(session: Session, document: Document, score: float, terms: list[str], viewer,
         config: SearchConfig) -> Hit:
    from gongkai.review.service import current_labels
    from gongkai.review.users import document_level, may_read

    disclosure, secrecy = current_labels(session, document.id)
    proposal = session.scalar(select(Proposal).where(Proposal.document_id == document.id)
                              .order_by(Proposal.id.desc()).limit(1))
    reasons = tuple(dict.fromkeys(str(r.get("code")) for r in (proposal.reasons if proposal else []) or []
                                  if isinstance(r, dict) and r.get("code")))
    withheld = (secrecy in SECRET_LEVELS or document_level(session, document) in SECRET_LEVELS
                or (viewer is not None and not may_read(session, viewer, document)))
    title = snippet_text = None
    if not withheld:
        title = title_of(document)
        snippet_text = snippet(document.text or "", terms, config)
    return Hit(document.id, title, snippet_text, disclosure, secrecy, reasons, score, withheld)


def title_of(document: Document) -> str:
    """The title the document declares, else its first line of text, else its file name."""
    declared = declared_title(document.meta)
    if declared:
        return declared
    line = next((ln.strip() for ln in (document.text or "").splitlines() if ln.strip()), "")
    return line[:120] or document.source_name


def snippet(text: str, terms: list[str], config: SearchConfig | None = None) -> str:
    """About `snippet_chars` characters of `text` where most distinct query words occur close together,
    each occurrence marked; the beginning of the text when none occurs in it (a title-only match)."""
    config = config or load_search_config()
    width = config.snippet_chars
    pattern = re.compile("|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True)), re.IGNORECASE)
    found = []
    for m in pattern.finditer(text):
        found.append((m.start(), m.group().lower()))
        if len(found) >= 500:  # enough to choose a window; a long text need not be scanned to the end
            break
    start = 0
    if found:
        best = max(range(len(found)), key=lambda i: (
            len({word for pos, word in found[i:] if pos < found[i][0] + width}), -i))
        start = max(0, found[best][0] - width // 5)  # a little context before the first word
    window = re.sub(r"\s+", " ", text[start:start + width]).strip()
    marked = pattern.sub(lambda m: f"{config.mark_open}{m.group()}{config.mark_close}", window)
    return ("…" if start > 0 else "") + marked + ("…" if start + width < len(text) else "")
