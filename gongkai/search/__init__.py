"""Full-text search over the store's documents (issue 12, "Finding the information"): an office answering
a 依申请公开 request finds the documents it holds. jieba words in SQLite FTS5 or a PostgreSQL tsvector;
hits carry the labels in force, and never the content of a state secret."""
from gongkai.search.index import index_document, indexed_count, reindex_all, remove
from gongkai.search.query import Hit, search
from gongkai.search.tokens import warm_up

__all__ = ["Hit", "index_document", "indexed_count", "reindex_all", "remove", "search", "warm_up"]
