"""The store: documents, proposals, review tasks, decisions, audit events and the intake journal.

`open_store(settings)` gives a migrated `Store`; `gongkai.store.repository` holds every query."""
from gongkai.store.db import Store, database_url, open_store

__all__ = ["Store", "database_url", "open_store"]
