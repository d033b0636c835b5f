"""The audit chain's HMAC key: a 0600 file outside the database, named by the setting `audit_key_file`;
a store written before the chain was keyed is signed once by migration 0003."""
from __future__ import annotations

import os
import stat

import pytest
import sqlalchemy as sa

from gongkai.errors import GongkaiError
from gongkai.settings import Settings
from gongkai.store import repository as repo
from gongkai.store.audit_key import mac_ok
from gongkai.store.db import Store, close_all, open_store
from gongkai.store.models import AuditEvent, utcnow


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_the_key_is_created_0600_where_the_setting_says_and_kept(tmp_path, umask_022):
    key_file = tmp_path / "elsewhere" / "gongkai-audit.key"
    settings = Settings({"data_dir": str(tmp_path / "var"), "audit_key_file": str(key_file)}, environ={})
    try:
        store = open_store(settings)
        assert stat.S_IMODE(key_file.stat().st_mode) == 0o600 and not (tmp_path / "var" / "audit.key").exists()
        with store.session() as s:
            event = repo.append_audit(s, "system:test", "test.append", after={"n": 1})
        assert mac_ok(bytes.fromhex(key_file.read_text().strip()), event.hash, event.mac)
    finally:
        close_all()
    again = Store(store.url, audit_key_file=key_file)  # a second process: same key, the chain verifies
    with again.session() as s:
        assert repo.verify_audit_chain(s) == []
    again.dispose()


def test_a_key_file_others_may_read_is_refused(tmp_path):
    key_file = tmp_path / "audit.key"
    key_file.write_text("ab" * 32)
    key_file.chmod(0o644)
    with pytest.raises(GongkaiError, match="chmod 600"):
        Store(f"sqlite:///{tmp_path / 'g.db'}", audit_key_file=key_file)


def test_a_lost_key_is_not_silently_replaced(tmp_path):
    url, key_file = f"sqlite:///{tmp_path / 'g.db'}", tmp_path / "audit.key"
    store = Store(url, audit_key_file=key_file)
    with store.session() as s:
        repo.append_audit(s, "system:test", "test.append")
    store.dispose()
    key_file.unlink()
    with pytest.raises(GongkaiError, match="restore the key"):
        Store(url, audit_key_file=key_file)
    assert not key_file.exists()  # the stand-in made on the way was removed again


def test_a_store_from_before_the_key_is_signed_once_on_upgrade(store_url, tmp_path):
    """Events written by the unkeyed version (revision 0002) get their HMAC from migration 0003."""
    from alembic import command
    from alembic.config import Config

    from gongkai.store.db import MIGRATIONS, make_engine

    engine = make_engine(store_url)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    old = sa.table("audit_events", *(sa.column(c) for c in ("actor", "action", "created_at", "prev_hash", "hash")),
                   sa.column("after", sa.JSON))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0002_users")
        prev = repo.GENESIS
        for n in range(3):
            event = AuditEvent(actor="system:old", action="test.old", after={"n": n}, created_at=utcnow(),
                               prev_hash=prev)
            event.hash = repo.event_hash(prev, event)
            conn.execute(old.insert().values(actor=event.actor, action=event.action, after=event.after,
                                             created_at=event.created_at, prev_hash=prev, hash=event.hash))
            prev = event.hash
    engine.dispose()
    store = Store(store_url, audit_key_file=tmp_path / "audit.key")
    with store.session() as s:
        assert [e.mac is not None for e in repo.audit_events(s)] == [True] * 3
        repo.append_audit(s, "system:new", "test.new")
    with store.session() as s:
        assert repo.verify_audit_chain(s) == []
    store.dispose()
