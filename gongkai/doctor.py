"""`gongkai doctor`: is this installation safe to run? Checks only, nothing is changed.

Each check says what it found and, when something must be fixed, what to do, in Chinese and English:
- permissions: everything under the data folder (store, archive, quarantine, sealed area, publication
  drafts), the SQLite file, the model files and the audit key are the service account's only (0700/0600);
- ownership: all of it belongs to the account running the check (the service account);
- free disk space on the data folder's disk (setting `min_free_disk_mb`);
- the holiday schedule (rules/holidays.yaml) covers the days for which deadlines are counted;
- the HMAC key of the audit chain exists, is private and well-formed.
"""
from __future__ import annotations

import os
import shutil
import stat
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import make_url

from gongkai.errors import GongkaiError
from gongkai.filemodes import loose_bits
from gongkai.settings import Settings

OK, WARN, FIX = "ok", "warn", "fix"
# Deadlines counted from today: 20 working days, plus 20 more when extended (Art. 26), plus holidays.
DEADLINE_HORIZON = timedelta(days=90)
SHOWN = 5  # offending paths listed per check; the count says how many there are


@dataclass
class Check:
    name: str
    status: str  # ok | warn | fix
    zh: str
    en: str
    fix: str = ""  # what to do, both languages
    paths: list[str] = field(default_factory=list)
    count: int = 0  # offending paths in all

    def as_dict(self) -> dict:
        return asdict(self)


def _database_file(settings: Settings) -> Path | None:
    url = settings.database_url or f"sqlite:///{(Path(settings.data_dir) / 'gongkai.db').resolve()}"
    if not url.startswith("sqlite"):
        return None
    database = make_url(url).database
    return Path(database) if database and database != ":memory:" else None


def _models_dir(settings: Settings) -> Path:
    from gongkai.classify.registry import default_models_dir

    return Path(settings.models_dir) if settings.models_dir else default_models_dir()


def _walk(root: Path) -> Iterator[tuple[Path, os.stat_result]]:
    """Every entry under `root` (itself included), without following links."""
    if not os.path.lexists(root):
        return
    yield root, os.lstat(root)
    if not root.is_dir() or root.is_symlink():
        return
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        for name in dirnames + filenames:
            path = Path(dirpath) / name
            try:
                yield path, os.lstat(path)
            except FileNotFoundError:
                continue


def _private_roots(settings: Settings) -> list[Path]:
    roots = [Path(settings.data_dir), _models_dir(settings)]
    database = _database_file(settings)
    if database is not None and not database.resolve().is_relative_to(Path(settings.data_dir).resolve()):
        roots += [database, database.with_name(database.name + "-wal"), database.with_name(database.name + "-shm")]
    key = _audit_key_path(settings)
    if key is not None:
        roots.append(key)
    return roots


def _inbox(settings: Settings) -> Path:
    return Path(getattr(settings, "inbox_dir", "") or Path(settings.data_dir) / "inbox").resolve()


def _entries(settings: Settings) -> Iterator[tuple[Path, os.stat_result]]:
    """Each private path once. The inbox is left out: other accounts may have to drop files there,
    and what they drop is theirs until the intake has taken it."""
    seen, inbox = set(), _inbox(settings)
    for root in _private_roots(settings):
        for path, info in _walk(root):
            resolved = Path(os.path.realpath(path.parent)) / path.name  # the entry itself, not a link's target
            if resolved in seen or resolved == inbox or resolved.is_relative_to(inbox):
                continue
            seen.add(resolved)
            yield path, info


def _listed(check: Check, found: list[str]) -> Check:
    check.paths, check.count = found[:SHOWN], len(found)
    return check


def check_permissions(settings: Settings) -> Check:
    loose = [f"{path} ({stat.S_IMODE(info.st_mode):04o})" for path, info in _entries(settings)
             if not stat.S_ISLNK(info.st_mode) and loose_bits(info.st_mode)]  # a link's own mode means nothing
    if not loose:
        return Check("permissions", OK, "数据、模型与密钥文件仅服务账户可访问（目录 0700，文件 0600）",
                     "data, model and key files are for the service account only (folders 0700, files 0600)")
    folders = " ".join(sorted({str(r) for r in _private_roots(settings) if os.path.lexists(r)}))
    return _listed(Check(
        "permissions", FIX, "有文件或目录可被其他账户读取（含全文、内部文件或个人信息）",
        "files or folders are readable by other accounts (they hold full text, internal documents, personal data)",
        f"以服务账户执行 chmod -R u+rwX,go-rwx {folders} / as the service account run "
        f"chmod -R u+rwX,go-rwx {folders}"), loose)


def check_ownership(settings: Settings, uid: int | None = None) -> Check:
    uid = os.geteuid() if uid is None else uid
    foreign = [f"{path} (uid {info.st_uid})" for path, info in _entries(settings) if info.st_uid != uid]
    if not foreign:
        return Check("ownership", OK, "所有数据文件均属于当前（服务）账户",
                     "every data file belongs to this (service) account")
    folders = " ".join(sorted({str(r) for r in _private_roots(settings) if os.path.lexists(r)}))
    return _listed(Check(
        "ownership", FIX, f"有文件不属于当前账户（uid {uid}）：服务可能无法写入，或他人可以改动",
        f"files not owned by this account (uid {uid}): the service may fail to write them, or someone else can change them",
        f"以 root 执行 chown -R <服务账户> {folders}，然后以服务账户运行 gongkai doctor / "
        f"as root run chown -R <service account> {folders}, then run gongkai doctor as the service account"), foreign)


def check_disk(settings: Settings) -> Check:
    where = Path(settings.data_dir).resolve()
    while not where.exists():
        where = where.parent
    free_mb = shutil.disk_usage(where).free // (1024 * 1024)
    needed = int(settings.min_free_disk_mb)
    if free_mb >= needed:
        return Check("disk", OK, f"数据目录所在磁盘剩余 {free_mb} MB", f"{free_mb} MB free on the data folder's disk")
    return Check("disk", FIX, f"数据目录所在磁盘仅剩 {free_mb} MB（低于 {needed} MB）：收件与数据库写入可能失败",
                 f"only {free_mb} MB free on the data folder's disk (below {needed} MB): intake and database writes may fail",
                 f"清理或扩容 {where} 所在磁盘，或调整 GONGKAI_MIN_FREE_DISK_MB / free or add space on the disk of "
                 f"{where}, or change GONGKAI_MIN_FREE_DISK_MB")


def _unknown_years(calendar, start: date, days: int) -> list[int]:
    missing = []
    for offset in range(days + 1):
        day = start + timedelta(days=offset)
        if day.year in missing:
            continue
        try:
            calendar.is_workday(day)
        except GongkaiError as exc:
            if exc.code != "calendar_unknown_year":
                raise
            missing.append(day.year)
    return missing


def check_holidays(settings: Settings, today: date | None = None) -> Check:
    from gongkai.review.calendar import load_calendar

    today = today or date.today()
    rules = Path(settings.rules_dir) if settings.rules_dir else Path(__file__).resolve().parents[1] / "rules"
    path = rules / "holidays.yaml"
    try:
        calendar = load_calendar(path)
    except GongkaiError as exc:
        return Check("holidays", FIX, f"节假日文件无法读取：{exc.detail}", f"the holiday file cannot be read: {exc.detail}",
                     f"按 {path} 文件头的说明修正 / fix {path} as its header explains")
    soon = _unknown_years(calendar, today, DEADLINE_HORIZON.days)
    later = [y for y in _unknown_years(calendar, today, 365) if y not in soon]
    fix = (f"国务院办公厅公布该年节假日安排后，录入 {path} / add the year's schedule, once the State Council's "
           f"General Office has published it, to {path}")
    if soon:
        years = "、".join(map(str, soon))
        return Check("holidays", FIX, f"{years} 年的节假日安排未录入：今天起算的答复期限无法计算",
                     f"the holiday schedule of {', '.join(map(str, soon))} is missing: deadlines counted from today "
                     "cannot be computed", fix)
    if later:
        years = "、".join(map(str, later))
        return Check("holidays", WARN, f"{years} 年的节假日安排尚未录入（一年内会用到）",
                     f"the holiday schedule of {', '.join(map(str, later))} is not yet known (needed within a year)", fix)
    return Check("holidays", OK, "节假日安排覆盖未来一年", "the holiday schedule covers the coming year")


def _audit_key_path(settings: Settings) -> Path | None:
    if getattr(settings, "audit_key_file", None) is None:  # a settings table without the audit key
        return None
    from gongkai.store.audit_key import key_path

    return key_path(settings, settings.database_url or None)


def check_audit_key(settings: Settings, uid: int | None = None) -> Check:
    uid = os.geteuid() if uid is None else uid
    path = _audit_key_path(settings)
    if path is None:
        return Check("audit_key", WARN, "审计密钥未配置（没有 audit_key_file 设置）：审计链没有密钥保护",
                     "audit key not configured (no audit_key_file setting): the audit chain is not keyed",
                     "升级到支持审计密钥的版本 / upgrade to a version with the audit key setting")
    if not path.is_file():
        return Check("audit_key", FIX, f"审计密钥文件 {path} 不存在", f"the audit key file {path} does not exist",
                     "若该库已有签名的审计记录，从备份恢复密钥；新库首次打开时自动创建，然后把副本保存在数据盘之外 / "
                     "if the store already has signed events, restore the key from its backup; a new store creates "
                     "it on first use: then keep a copy off the data disk", [str(path)], 1)
    info = path.stat()
    if loose_bits(info.st_mode) or info.st_uid != uid:
        return Check("audit_key", FIX, f"审计密钥文件 {path} 可被其他账户读取或不属于服务账户",
                     f"the audit key file {path} is readable by other accounts or not owned by the service account",
                     f"chmod 600 {path}; chown <服务账户 service account> {path}",
                     [f"{path} ({stat.S_IMODE(info.st_mode):04o}, uid {info.st_uid})"], 1)
    from gongkai.store.audit_key import load_key

    try:
        load_key(path, create=False)
    except GongkaiError as exc:
        return Check("audit_key", FIX, f"审计密钥文件无效：{exc.detail}", f"the audit key file is not usable: {exc.detail}",
                     "从备份恢复密钥文件 / restore the key file from its backup", [str(path)], 1)
    if path.resolve().is_relative_to(Path(settings.data_dir).resolve()):
        return Check("audit_key", WARN, f"审计密钥 {path} 与数据库在同一数据目录：拿到整个目录的人可同时改库和重算签名",
                     f"the audit key {path} lies in the data folder beside the database: whoever holds both can "
                     "rewrite the chain",
                     "把密钥移到数据目录之外并设置 audit_key_file，另存一份离线副本 / move the key outside the data "
                     "folder, set audit_key_file, and keep an offline copy")
    return Check("audit_key", OK, f"审计密钥 {path} 存在且仅服务账户可读", f"the audit key {path} exists and is private")


def run_checks(settings: Settings | None = None, *, today: date | None = None) -> list[Check]:
    settings = settings or Settings()
    return [check_permissions(settings), check_ownership(settings), check_disk(settings),
            check_holidays(settings, today), check_audit_key(settings)]


def must_fix(checks: list[Check]) -> bool:
    return any(c.status == FIX for c in checks)
