"""Under a loose umask (022), everything gongkai writes is the service account's only: folders 0700,
files 0600: the store (and SQLite's -wal/-shm), archive, quarantine, sealed area, alerts, the run lock,
and, through the umask that the entry points set, model files and publication drafts."""
from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from gongkai.intake import Intake, summarise
from gongkai.settings import Settings
from gongkai.store.db import Store
from tests.intake.inbox_builders import SECRET, write_documents


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    yield
    os.umask(old)


def modes(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root.parent)): f"{stat.S_IMODE(p.lstat().st_mode):04o}"
            for p in [root, *root.rglob("*")]}


def test_the_data_folder_is_private_whatever_the_umask(tmp_path, umask_022, rules_reviewer):
    inbox = tmp_path / "inbox"
    write_documents(inbox, 2)
    (inbox / "请示.txt").write_text(SECRET, encoding="utf-8")
    (inbox / "random.txt").write_bytes(bytes(range(256)) * 8)
    data = tmp_path / "srv" / "var"  # its parent is missing too: created private as well
    intake = Intake(Settings({"data_dir": str(data)}, environ={}),
                    store=Store(f"sqlite:///{data.resolve()}/gongkai.db"), reviewer=rules_reviewer)
    summary = summarise(intake.run(inbox))
    assert (summary["processed"], summary["sealed"], summary["quarantined"]) == (3, 1, 1)
    found = modes(data)
    names = {Path(p).name for p in found}
    assert {"gongkai.db", "gongkai.db-wal", "archive", "quarantine", "sealed", "alerts.jsonl"} <= names
    wrong = {p: m for p, m in found.items() if m != ("0700" if (data.parent / p).is_dir() else "0600")}
    assert wrong == {}
    assert stat.S_IMODE((tmp_path / "srv").stat().st_mode) == 0o700


def test_the_command_line_narrows_the_umask_so_model_files_are_private_too(tmp_path, umask_022, capsys):
    from gongkai.classify import registry
    from gongkai.commands.main import main

    assert main(["settings"]) == 0
    capsys.readouterr()
    version = registry.save({"a": "stand-in for a classifier"}, {"corpus_hash": "0" * 8}, tmp_path / "models")
    found = modes(tmp_path / "models")
    assert f"models/{version}/classifier.joblib" in found
    assert {m for p, m in found.items() if (tmp_path / p).is_file()} == {"0600"}
    assert {m for p, m in found.items() if (tmp_path / p).is_dir()} == {"0700"}


def test_publication_drafts_are_private_whatever_the_umask(tmp_path, umask_022):
    from gongkai.review.publish import export
    from tests.review.seed import add_document

    store = Store(f"sqlite:///{tmp_path / 'store.db'}")
    doc_id, _ = add_document(store, text="XX市财政局\n关于公布2025年预算的通知\nXX市财政局\n2025年3月1日\n（此件主动公开）",
                             title="关于公布2025年预算的通知")
    paths = export(store, doc_id, tmp_path / "var")
    assert {f"{stat.S_IMODE(p.stat().st_mode):04o}" for p in paths} == {"0600"}
    assert stat.S_IMODE((tmp_path / "var" / "publication").stat().st_mode) == 0o700
    store.dispose()


def test_a_database_file_created_by_someone_else_in_the_meantime_is_narrowed(tmp_path, monkeypatch):
    import os
    import stat

    from gongkai.store import db

    path = tmp_path / "g.db"
    real_exists = type(path).exists

    def racing_exists(self):  # the check says "absent", then another process creates it 0644
        if self == path and not real_exists(self):
            self.write_bytes(b"")
            os.chmod(self, 0o644)
            return False
        return real_exists(self)

    monkeypatch.setattr(type(path), "exists", racing_exists)
    db._create_private_database(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
