from __future__ import annotations

import pytest

from gongkai.store.db import Store
from tests.store.pg import pg_schema_url


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store_url(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.db'}"
    else:
        with pg_schema_url() as url:
            yield url


@pytest.fixture
def store(store_url):
    store = Store(store_url)
    yield store
    store.dispose()
