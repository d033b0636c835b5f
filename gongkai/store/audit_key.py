"""The HMAC key of the audit chain: a file outside the database, readable by the service account only.

Anyone who can write to the database can recompute a plain hash chain; they cannot compute the HMAC
without this file. The key is 32 random bytes, stored as hex. It is created 0600 on first use; a key
file that the group or others may read is refused (like ssh does with private keys), because a
readable key is as good as no key."""
from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import stat
from pathlib import Path

from sqlalchemy import make_url

from gongkai.errors import GongkaiError

KEY_NAME = "audit.key"


def key_path(settings, url: str | None = None) -> Path:
    """`audit_key_file` if set; else beside a SQLite database named by URL; else `<data_dir>/audit.key`
    (which is beside the default SQLite database too)."""
    if settings.audit_key_file:
        return Path(settings.audit_key_file)
    if url and url.startswith("sqlite") and not settings.database_url:
        database = make_url(url).database
        if database and database != ":memory:":
            return Path(database).parent / KEY_NAME
    return Path(settings.data_dir) / KEY_NAME


def _read(path: Path) -> bytes:
    mode = path.stat().st_mode
    if mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise GongkaiError("config_invalid", f"审计密钥文件 {path} 可被其他账户读取，已拒绝使用；请执行 chmod 600 / "
                                             f"the audit key file {path} is readable by other accounts (mode "
                                             f"{stat.S_IMODE(mode):o}): run `chmod 600 {path}`")
    raw = path.read_text(encoding="ascii").strip()
    try:
        key = bytes.fromhex(raw)
    except ValueError:
        key = b""
    if len(key) < 32:
        raise GongkaiError("config_invalid", f"审计密钥文件 {path} 内容无效 / the audit key file {path} does not hold "
                                             "a 64-hex-digit key: restore it from the backup")
    return key


def load_key(path: Path | str, *, create: bool = True) -> tuple[bytes, bool]:
    """(key, created now). Creation is atomic (a fully written temporary file is hard-linked into
    place), so two processes starting together end up with the same key."""
    path = Path(path)
    if path.is_file():
        return _read(path), False
    if not create:
        raise GongkaiError("config_invalid", f"审计密钥文件 {path} 不存在 / the audit key file {path} is missing")
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    partial = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        os.fchmod(fd, 0o600)  # whatever the umask
        os.write(fd, (secrets.token_hex(32) + "\n").encode("ascii"))
        os.fsync(fd)
    finally:
        os.close(fd)
    try:
        os.link(partial, path)
        created = True
    except FileExistsError:  # another process made it first: use theirs
        created = False
    finally:
        partial.unlink()
    return _read(path), created


def mac(key: bytes, event_hash: str) -> str:
    """The HMAC of one event. `event_hash` already covers the event and, through prev_hash, all before it."""
    return hmac.new(key, event_hash.encode("ascii"), hashlib.sha256).hexdigest()


def mac_ok(key: bytes | None, event_hash: str, value: str | None) -> bool:
    return key is not None and value is not None and hmac.compare_digest(mac(key, event_hash), value)
