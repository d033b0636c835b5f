"""`gongkai doctor`: each check finds what it is for, says what to fix, and the exit code follows."""
from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest

from gongkai import doctor
from gongkai.commands.main import main
from gongkai.filemodes import restrict_umask
from gongkai.settings import Settings

HOLIDAYS_2027 = "version: 1\nyears:\n  2027:\n    holidays: [2027-01-01]\n    workdays: []\n"


@pytest.fixture
def install(tmp_path: Path, monkeypatch) -> Iterator[dict[str, Path]]:
    """A healthy installation: private data and models, a private key outside the data folder, and a
    holiday file that knows 2027."""
    old = restrict_umask()
    paths = {"data": tmp_path / "var", "models": tmp_path / "models", "rules": tmp_path / "rules",
             "key": tmp_path / "keys" / "audit.key"}
    for name in ("data", "models", "rules"):
        paths[name].mkdir()
    (paths["data"] / "archive").mkdir()
    (paths["data"] / "archive" / "doc").write_text("全文", encoding="utf-8")
    (paths["models"] / "CURRENT").write_text("v1\n", encoding="utf-8")
    (paths["rules"] / "holidays.yaml").write_text(HOLIDAYS_2027, encoding="utf-8")
    paths["key"].parent.mkdir()
    paths["key"].write_text("ab" * 32 + "\n", encoding="ascii")
    os.umask(old)
    for var, name in (("DATA_DIR", "data"), ("MODELS_DIR", "models"), ("RULES_DIR", "rules"), ("AUDIT_KEY_FILE", "key")):
        monkeypatch.setenv(f"GONGKAI_{var}", str(paths[name]))
    monkeypatch.setenv("GONGKAI_MIN_FREE_DISK_MB", "1")
    monkeypatch.delenv("GONGKAI_DATABASE_URL", raising=False)
    yield paths
    os.umask(old)  # the command narrows it for the whole process


def by_name(settings=None, **kwargs) -> dict[str, doctor.Check]:
    return {c.name: c for c in doctor.run_checks(settings or Settings(), **kwargs)}


def test_a_healthy_installation_passes_and_the_command_exits_0(install, capsys):
    checks = by_name(today=date(2026, 12, 3))
    assert {n: c.status for n, c in checks.items()} == {
        "permissions": "ok", "ownership": "ok", "disk": "ok", "holidays": "ok", "audit_key": "ok"}
    assert main(["doctor"]) == 0
    assert "需修复" not in capsys.readouterr().out


def test_a_readable_file_or_key_must_be_fixed_and_the_fix_is_said(install, capsys):
    os.chmod(install["data"] / "archive" / "doc", 0o644)
    os.chmod(install["models"], 0o755)
    os.chmod(install["key"], 0o640)
    checks = by_name()
    assert checks["permissions"].status == "fix" and checks["permissions"].count == 3  # the key is one of them
    assert any("archive/doc (0644)" in p for p in checks["permissions"].paths)
    assert "chmod" in checks["permissions"].fix and checks["audit_key"].status == "fix"
    assert main(["doctor"]) == 1
    out = capsys.readouterr().out
    assert "可被其他账户读取" in out and "readable by other accounts" in out and "chmod 600" in out


def test_files_of_another_account_are_named(install):
    check = doctor.check_ownership(Settings(), uid=os.geteuid() + 1)
    assert check.status == "fix" and "chown" in check.fix and check.count >= 4


def test_too_little_free_space_must_be_fixed(install, monkeypatch):
    monkeypatch.setenv("GONGKAI_MIN_FREE_DISK_MB", str(10**12))
    check = doctor.check_disk(Settings())
    assert check.status == "fix" and "GONGKAI_MIN_FREE_DISK_MB" in check.fix


def test_the_holiday_schedule_must_cover_the_deadlines_of_the_coming_months(install, monkeypatch):
    shipped = Settings({"rules_dir": ""})  # rules/holidays.yaml as shipped: 2026 known, 2027 not yet
    assert doctor.check_holidays(shipped, date(2026, 3, 1)).status == "warn"  # 2027 needed within a year only
    december = doctor.check_holidays(shipped, date(2026, 12, 3))
    assert december.status == "fix" and "2027" in december.zh and "holidays.yaml" in december.fix
    assert doctor.check_holidays(Settings(), date(2026, 12, 3)).status == "ok"  # the test's file knows 2027


def test_the_audit_key_missing_beside_the_data_or_not_configured(install, monkeypatch):
    install["key"].unlink()
    assert doctor.check_audit_key(Settings()).status == "fix"
    monkeypatch.setenv("GONGKAI_AUDIT_KEY_FILE", "")
    old = restrict_umask()
    (install["data"] / "audit.key").write_text("cd" * 32 + "\n", encoding="ascii")
    os.umask(old)
    beside = doctor.check_audit_key(Settings())
    assert beside.status == "warn" and "beside the database" in beside.en
    unconfigured = SimpleNamespace(data_dir=str(install["data"]), database_url="")  # no audit_key_file setting
    check = doctor.check_audit_key(unconfigured)
    assert check.status == "warn" and "not configured" in check.en
