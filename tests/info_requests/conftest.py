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


@pytest.fixture(autouse=True)
def cheap_password_hashing(monkeypatch):
    """argon2 at its production cost takes ~0.35 s per hash; tests only need it to be argon2."""
    from argon2 import PasswordHasher

    monkeypatch.setattr("gongkai.review.users._HASHER", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
