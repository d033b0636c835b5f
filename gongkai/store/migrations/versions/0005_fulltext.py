"""Full-text search over documents (issue 12): SQLite FTS5 over jieba tokens, PostgreSQL tsvector.

SQLite: the FTS5 table document_fts (rowid = documents.id). PostgreSQL: document_search with a tsvector
and a GIN index. Both hold jieba words joined by spaces (gongkai.search). A store that already holds
documents is indexed here, once; `gongkai search --reindex` rebuilds the index at any time.

Revision ID: 0005_fulltext
Revises: 0004_info_requests
Create Date: 2026-12-03
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql


revision = '0005_fulltext'
down_revision = '0004_info_requests'
branch_labels = None
depends_on = None


def upgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name == 'sqlite':
        # unicode61 splits on the spaces between jieba's words (CJK letters are token characters).
        op.execute("CREATE VIRTUAL TABLE document_fts USING fts5(title, body, tokenize = 'unicode61')")
    elif conn.dialect.name == 'postgresql':
        op.create_table(
            'document_search',
            sa.Column('document_id', sa.Integer, sa.ForeignKey('documents.id', ondelete='CASCADE'),
                      primary_key=True),
            sa.Column('words', postgresql.TSVECTOR, nullable=False),
        )
        op.create_index('ix_document_search_words', 'document_search', ['words'], postgresql_using='gin')
    else:
        return  # another database: no full-text search (gongkai.search says so when asked)
    has_text = conn.execute(sa.text("SELECT 1 FROM documents WHERE text IS NOT NULL LIMIT 1")).first()
    if has_text is not None:  # jieba is loaded only when there is something to index
        from gongkai.search.index import reindex_connection

        reindex_connection(conn)


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name == 'sqlite':
        op.execute("DROP TABLE IF EXISTS document_fts")
    elif conn.dialect.name == 'postgresql':
        op.drop_index('ix_document_search_words', table_name='document_search')
        op.drop_table('document_search')
