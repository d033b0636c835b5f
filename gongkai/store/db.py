"""Engine and sessions from the settings, and migrations on open.

SQLite file `<data_dir>/gongkai.db` by default; PostgreSQL (or any SQLAlchemy URL) when
`database_url` / `GONGKAI_DATABASE_URL` is set. Every SQLite transaction starts with BEGIN IMMEDIATE,
so that concurrent writers queue on the busy timeout instead of failing half-way with "database is
locked" on a read-then-write upgrade."""
from __future__ import annotations

import fcntl
import hashlib
import logging
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, event, make_url, select, text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from gongkai.errors import GongkaiError
from gongkai.filemodes import FILE_MODE, create_private, private_dir
from gongkai.settings import Settings

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
_PG_MIGRATION_LOCK = 0x6B676E  # any constant: serialises concurrent `upgrade head` on PostgreSQL


def database_url(settings: Settings | None = None) -> str:
    settings = settings or Settings()
    if settings.database_url:
        return settings.database_url
    data_dir = private_dir(Path(settings.data_dir))
    return f"sqlite:///{(data_dir / 'gongkai.db').resolve()}"


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        database = make_url(url).database
        if database and database != ":memory:":
            _create_private_database(Path(database))
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


def _create_private_database(path: Path) -> None:
    """Create the SQLite file 0600 before SQLite does (it would follow the umask); its -wal and -shm
    files take the database file's mode."""
    private_dir(path.parent)
    if not path.exists():
        try:
            os.close(create_private(path))
        except FileExistsError:  # someone else created it between the check and the open: narrow its mode too
            os.chmod(path, FILE_MODE)


def _lock_key(name: str) -> int:
    """A stable signed 64-bit key for pg_advisory_lock."""
    return int.from_bytes(hashlib.sha256(f"gongkai:{name}".encode()).digest()[:8], "big", signed=True)


def upgrade(engine: Engine, audit_key: bytes | None = None) -> None:
    """`alembic upgrade head` on this engine, safe when several processes open the store at once.
    `audit_key` signs the events of a store written before the chain was keyed (migration 0003)."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_MIGRATION_LOCK})
        config.attributes["connection"] = conn
        config.attributes["audit_key"] = audit_key
        command.upgrade(config, "head")


class Store:
    """A migrated database: `with store.session() as s:` is one transaction (commit on success).

    Every session carries the audit key in `session.info["audit_key"]`: the repository signs each
    event with it and `audit verify` checks with it. The key comes from `audit_key` (tests), else the
    file `audit_key_file`, else the file the settings name (gongkai.store.audit_key.key_path)."""

    def __init__(self, url: str, *, migrate: bool = True, audit_key: bytes | None = None,
                 audit_key_file: Path | str | None = None):
        from gongkai.store.audit_key import key_path, load_key

        self.url = url
        self.engine = make_engine(url)
        created = False
        if audit_key is None:
            self.audit_key_file = Path(audit_key_file) if audit_key_file else key_path(Settings(), url)
            audit_key, created = load_key(self.audit_key_file)
        else:
            self.audit_key_file = None
        self.audit_key = audit_key
        if migrate:
            upgrade(self.engine, audit_key)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False, info={"audit_key": audit_key})
        if created:
            self._refuse_a_new_key_for_a_keyed_store()

    def _refuse_a_new_key_for_a_keyed_store(self) -> None:
        """A key made just now must not silently replace a lost one: events signed earlier would all
        fail, and new ones would be signed with a key nobody kept."""
        from gongkai.store.audit_key import mac_ok
        from gongkai.store.models import AuditEvent

        with self.session() as s:
            signed = s.execute(select(AuditEvent.hash, AuditEvent.mac).where(AuditEvent.mac.is_not(None))
                               .order_by(AuditEvent.id).limit(1)).first()
        if signed is not None and not mac_ok(self.audit_key, signed.hash, signed.mac):
            self.audit_key_file.unlink()
            self.dispose()
            raise GongkaiError("config_invalid", f"审计密钥文件 {self.audit_key_file} 不存在，而该库的审计记录已用另一密钥签名；"
                               "请从备份恢复密钥，或把 audit_key_file 指向它 / the audit key file is missing but this "
                               "store's events were signed with a key: restore the key from its backup, or point "
                               "audit_key_file at it")

    @contextmanager
    def session(self) -> Iterator[Session]:
        with self._sessions() as s, s.begin():
            yield s

    @contextmanager
    def exclusive(self, name: str, *, wait: bool = False) -> Iterator[bool]:
        """A lock named `name` across every process using this store; yields whether it is held.

        PostgreSQL: a session advisory lock on a connection kept for the duration. SQLite: flock on
        `<database>.<name>.lock` beside the database. Either is released when the holder dies."""
        if self.engine.dialect.name == "postgresql":
            with self._pg_lock(name, wait) as held:
                yield held
            return
        database = make_url(self.url).database
        if not database or database == ":memory:":
            yield True  # a private in-memory database: no other process can use it
            return
        lock_path = Path(database).with_name(f"{Path(database).name}.{name}.lock")
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                yield False
                return
            yield True
        finally:
            os.close(fd)  # releases the lock

    @contextmanager
    def _pg_lock(self, name: str, wait: bool) -> Iterator[bool]:
        key = _lock_key(name)
        conn = self.engine.connect()
        held, clean = False, False
        try:
            if wait:
                conn.execute(text("SELECT pg_advisory_lock(:key)"), {"key": key})
                held = True
            else:
                held = bool(conn.execute(text("SELECT pg_try_advisory_lock(:key)"), {"key": key}).scalar())
            conn.commit()  # the lock belongs to the session, not to this transaction
            yield held
            if held:
                conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": key})
                conn.commit()
            clean = True
        finally:
            if not clean:  # an error or an interrupt: the connection may still hold the lock
                conn.invalidate()  # so it is closed for good, never handed back to the pool
            conn.close()

    def dispose(self) -> None:
        self.engine.dispose()


_OPEN: dict[str, Store] = {}
_LOCK = threading.Lock()


def open_store(settings: Settings | None = None, *, url: str | None = None) -> Store:
    """The process-wide Store for this URL (migrated once per process)."""
    url = url or database_url(settings)
    with _LOCK:
        if url not in _OPEN:
            from gongkai.store.audit_key import key_path

            _OPEN[url] = Store(url, audit_key_file=key_path(settings or Settings(), url))
        return _OPEN[url]


def close_all() -> None:
    with _LOCK:
        for store in _OPEN.values():
            store.dispose()
        _OPEN.clear()
