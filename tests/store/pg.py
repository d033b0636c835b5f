"""PostgreSQL for tests: a fresh schema per test on the server of this machine, dropped afterwards.
`GONGKAI_TEST_PG_URL` points elsewhere; without an answering server the test is skipped, saying so."""
from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from tests.conftest import missing_prerequisite

PG_URL = os.environ.get("GONGKAI_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def _conninfo() -> str:
    return PG_URL.replace("postgresql+psycopg://", "postgresql://")


def pg_unavailable_reason() -> str | None:
    try:
        import psycopg
        with psycopg.connect(_conninfo(), connect_timeout=3):
            return None
    except Exception as exc:  # any failure means: no usable server here
        return f"PostgreSQL not answering at {PG_URL} ({type(exc).__name__}: {str(exc).strip()[:120]}); set GONGKAI_TEST_PG_URL"


@contextmanager
def pg_schema_url() -> Iterator[str]:
    """A SQLAlchemy URL whose search_path is a new, empty schema."""
    reason = pg_unavailable_reason()
    if reason:
        missing_prerequisite(reason)
    import psycopg

    schema = f"gk_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(_conninfo(), autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    sep = "&" if "?" in PG_URL else "?"
    try:
        yield f"{PG_URL}{sep}options=-csearch_path%3D{schema}"
    finally:
        from gongkai.store.db import close_all
        close_all()
        with psycopg.connect(_conninfo(), autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store_url(request, tmp_path):
    """The same store test on the embedded SQLite file and on a fresh PostgreSQL schema."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.db'}"
    else:
        with pg_schema_url() as url:
            yield url
