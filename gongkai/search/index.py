"""The full-text index: one row per readable document, kept beside the documents table.

SQLite: the FTS5 table `document_fts` (rowid = documents.id; columns title, body). PostgreSQL: the table
`document_search` (document_id, words tsvector: title at weight A, text at weight B; GIN index). Both hold
jieba words joined by spaces (gongkai.search.tokens); migration 0005 creates them.

Sealed documents have no text in the store and are never indexed. Labels are not indexed: search reads
the labels in force when it answers, so a later decision needs no reindex."""
from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from gongkai.errors import GongkaiError
from gongkai.search.config import SearchConfig, load_search_config
from gongkai.search.tokens import index_text
from gongkai.store.models import Document

SQLITE_TABLE = "document_fts"
PG_TABLE = "document_search"

# Core views of the columns reindexing reads: usable from a migration, where the ORM models may be ahead.
_documents = sa.table("documents", sa.column("id", sa.Integer), sa.column("meta", sa.JSON),
                      sa.column("text", sa.Text), sa.column("sealed", sa.Boolean))


def dialect(conn: Connection) -> str:
    name = conn.dialect.name
    if name not in ("sqlite", "postgresql"):
        raise GongkaiError("config_invalid", f"全文检索仅支持 SQLite 和 PostgreSQL / full-text search needs SQLite "
                           f"or PostgreSQL, not {name}")
    return name


def indexable(document: Document) -> bool:
    return not document.sealed and document.text is not None


def declared_title(meta: dict | None) -> str:
    return str((meta or {}).get("title") or "").strip()


def _delete(conn: Connection, document_id: int) -> None:
    if dialect(conn) == "sqlite":
        conn.execute(sa.text(f"DELETE FROM {SQLITE_TABLE} WHERE rowid = :id"), {"id": document_id})
    else:
        conn.execute(sa.text(f"DELETE FROM {PG_TABLE} WHERE document_id = :id"), {"id": document_id})


def _write(conn: Connection, document_id: int, title: str, text: str, config: SearchConfig) -> None:
    _delete(conn, document_id)
    values = {"id": document_id, "title": index_text(title, config),
              "body": index_text(text[:config.max_index_chars], config)}
    if dialect(conn) == "sqlite":
        conn.execute(sa.text(f"INSERT INTO {SQLITE_TABLE} (rowid, title, body) VALUES (:id, :title, :body)"), values)
    else:
        conn.execute(sa.text(f"INSERT INTO {PG_TABLE} (document_id, words) VALUES (:id, "
                             "setweight(to_tsvector('simple', :title), 'A') || "
                             "setweight(to_tsvector('simple', :body), 'B'))"), values)


def index_document(session: Session, document: Document) -> bool:
    """(Re)index one document in the session's transaction; False when it may not be indexed (sealed,
    no text), in which case any earlier entry is removed."""
    session.flush()  # a new document needs its id
    conn = session.connection()
    if not indexable(document):
        _delete(conn, document.id)
        return False
    _write(conn, document.id, declared_title(document.meta), document.text, load_search_config())
    return True


def remove(session: Session, document: Document | int) -> None:
    """Take a document out of the index (nothing happens if it was not in it)."""
    _delete(session.connection(), document if isinstance(document, int) else document.id)


def reindex_connection(conn: Connection, config: SearchConfig | None = None, *, batch: int = 200) -> int:
    """Rebuild the whole index on this connection (inside its transaction); returns the number of
    documents indexed. Also what migration 0005 runs on an existing store."""
    config = config or load_search_config()
    table = SQLITE_TABLE if dialect(conn) == "sqlite" else PG_TABLE
    conn.execute(sa.text(f"DELETE FROM {table}"))
    readable = sa.and_(sa.not_(_documents.c.sealed), _documents.c.text.is_not(None))
    ids = list(conn.execute(sa.select(_documents.c.id).where(readable).order_by(_documents.c.id)).scalars())
    for start in range(0, len(ids), batch):  # a batch of texts in memory at a time, not the whole store
        chunk = ids[start:start + batch]
        rows = conn.execute(sa.select(_documents.c.id, _documents.c.meta, _documents.c.text)
                            .where(_documents.c.id.in_(chunk)).order_by(_documents.c.id))
        for row in rows.all():
            _write(conn, row.id, declared_title(row.meta), row.text, config)
    return len(ids)


def reindex_all(session: Session) -> int:
    """Rebuild the index from the documents table: every readable document once, whatever was there."""
    session.flush()
    return reindex_connection(session.connection())


def indexed_count(session: Session) -> int:
    conn = session.connection()
    table = SQLITE_TABLE if dialect(conn) == "sqlite" else PG_TABLE
    return conn.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar() or 0
