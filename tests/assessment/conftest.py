from __future__ import annotations

import pytest

from gongkai.store.db import Store
from tests.review.seed import open_test_store
from tests.store.pg import store_url  # noqa: F401  (the shared SQLite/PostgreSQL fixture)


@pytest.fixture
def store(store_url) -> Store:
    store = open_test_store(store_url)
    yield store
    store.dispose()
