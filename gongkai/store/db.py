"""Engine and sessions from the settings, and migrations on open.

SQLite file `<data_dir>/gongkai.db` by default; PostgreSQL (or any SQLAlchemy URL) when
`database_url` / `GONGKAI_DATABASE_URL` is set. Every SQLite transaction starts with BEGIN IMMEDIATE,
so that concurrent writers queue on the busy timeout instead of failing half-way with "database is
locked" on a read-then-write upgrade."""
from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, event, make_url, text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from gongkai.settings import Settings

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
_PG_MIGRATION_LOCK = 0x6B676E  # any constant: serialises concurrent `upgrade head` on PostgreSQL


def database_url(settings: Settings | None = None) -> str:
    settings = settings or Settings()
    if settings.database_url:
        return settings.database_url
    data_dir = Path(settings.data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{(data_dir / 'gongkai.db').resolve()}"


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        database = make_url(url).database
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 60, "check_same_thread": False})

        @event.listens_for(engine, "connect")
        def _sqlite_connect(dbapi_connection, _record) -> None:
            dbapi_connection.isolation_level = None  # we emit BEGIN ourselves (see below)
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=FULL")  # a commit survives a power cut, not only a kill
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.close()

        @event.listens_for(engine, "begin")
        def _sqlite_begin(conn) -> None:
            conn.exec_driver_sql("BEGIN IMMEDIATE")

        return engine
    return create_engine(url, pool_pre_ping=True)


def upgrade(engine: Engine) -> None:
    """`alembic upgrade head` on this engine, safe when several processes open the store at once."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_MIGRATION_LOCK})
        config.attributes["connection"] = conn
        command.upgrade(config, "head")


class Store:
    """A migrated database: `with store.session() as s:` is one transaction (commit on success)."""

    def __init__(self, url: str, *, migrate: bool = True):
        self.url = url
        self.engine = make_engine(url)
        if migrate:
            upgrade(self.engine)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @contextmanager
    def session(self) -> Iterator[Session]:
        with self._sessions() as s, s.begin():
            yield s

    def dispose(self) -> None:
        self.engine.dispose()


_OPEN: dict[str, Store] = {}
_LOCK = threading.Lock()


def open_store(settings: Settings | None = None, *, url: str | None = None) -> Store:
    """The process-wide Store for this URL (migrated once per process)."""
    url = url or database_url(settings)
    with _LOCK:
        if url not in _OPEN:
            _OPEN[url] = Store(url)
        return _OPEN[url]


def close_all() -> None:
    with _LOCK:
        for store in _OPEN.values():
            store.dispose()
        _OPEN.clear()
