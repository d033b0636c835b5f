from __future__ import annotations

import pytest

from gongkai.store.db import Store
from tests.store.pg import store_url  # noqa: F401  (the shared SQLite/PostgreSQL fixture)


@pytest.fixture
def store(store_url, tmp_path):
    store = Store(store_url, audit_key_file=tmp_path / "audit.key")
    yield store
    store.dispose()
