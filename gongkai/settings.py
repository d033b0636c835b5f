"""Every setting in one table: name, default, help. Read from a TOML file, then the environment.

Precedence: environment variable `GONGKAI_<NAME>` > settings file > default. The settings file is
`$GONGKAI_SETTINGS`, else `gongkai.toml` in the working directory, if present.
`gongkai settings` prints this table, so no setting goes undocumented.
"""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gongkai.errors import GongkaiError


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("data_dir", "var", "Working data: database, archive, quarantine, sealed area (relative to the working directory)."),
    Setting("max_file_mb", 50.0, "Largest file accepted, in MB; larger files are refused with code too_large."),
    Setting("max_text_mb", 10.0, "Largest plain-text or HTML file accepted, in MB (the file is the text)."),
    Setting("pdf_reader", "pdfium", "How PDF text layers are read: pdfium (pypdfium2, ~20x faster; pages pdfium reads differently from pdfminer — unmapped glyphs, dropped duplicates or runs of spaces, mojibake, near-empty pages — are read with pdfplumber) or pdfplumber (every page)."),
    Setting("processes", 0, "Worker processes that extract and review inbox files in a nightly run; 0 means one per CPU core, 1 means in the run's own process. Each worker loads the rules and the model once; the store is written by the run's own process only."),
    Setting("ocr_enabled", True, "Run OCR on PDF pages that have no text layer."),
    Setting("ocr_language", "chi_sim", "Tesseract language packs used for OCR (chi_sim read our test pages better than chi_sim+eng: BENCHMARKS.md)."),
    Setting("ocr_dpi", 300, "Resolution at which scanned pages are rendered for OCR."),
    Setting("ocr_threads", 1, "OMP_THREAD_LIMIT for tesseract; 1 is fastest per page on 2 cores."),
    Setting("min_text_quality", 0.25, "Text quality (share of Chinese read as dictionary words, or OCR confidence, the lower) below which a document is flagged unreadable: no model, confidence 0, a person reads it. Real documents measured 0.35–1.0, garbage 0.0–0.13 (gongkai/extract/quality.py)."),
    Setting("near_duplicate_threshold", 0.8, "Estimated Jaccard similarity of character shingles above which two documents are near-duplicates."),
    Setting("rules_dir", "", "Folder with rule files; empty means the rules/ folder shipped with gongkai."),
    Setting("models_dir", "", "Folder with model versions; empty means the models/ folder shipped with gongkai."),
    Setting("inbox_dir", "", "Folder the nightly intake reads; empty means <data_dir>/inbox."),
    Setting("batch_size", 25, "Documents per Prefect task in the nightly flow (each task run costs 10–40 ms, so small steps are batched)."),
    Setting("schedule_cron", "0 2 * * *", "When `gongkai schedule` runs the nightly intake (cron syntax)."),
    Setting("schedule_timezone", "Asia/Shanghai", "Time zone of schedule_cron."),
    Setting("database_url", "", "SQLAlchemy URL of the store; empty means a SQLite file in data_dir."),
    Setting("min_free_disk_mb", 2048, "`gongkai doctor` asks to free space when the data folder's disk has less than this many MB free."),
    Setting("organ_name", "", "The organ's name as printed in the title of the annual disclosure report (`gongkai report annual`; --organ overrides)."),
    Setting("audit_key_file", "", "HMAC key of the audit chain (created 0600 on first use; keep a copy off the data disk); empty means <data_dir>/audit.key, or beside a SQLite database given by URL."),
)

_BY_NAME = {s.name: s for s in SETTINGS}


def _coerce(setting: Setting, raw: Any, origin: str) -> Any:
    kind = type(setting.default)
    try:
        if kind is bool:
            if isinstance(raw, bool):
                return raw
            value = str(raw).strip().lower()
            if value in {"1", "true", "yes", "on"}:
                return True
            if value in {"0", "false", "no", "off"}:
                return False
            raise ValueError(raw)
        return kind(raw)
    except (TypeError, ValueError):
        raise GongkaiError("config_invalid", f"{setting.name}={raw!r} from {origin} is not a {kind.__name__}") from None


class Settings:
    """Resolved settings. Attribute access: `settings.max_file_mb`."""

    def __init__(self, overrides: dict[str, Any] | None = None, *, file: Path | None = None, environ=None):
        environ = os.environ if environ is None else environ
        values = {s.name: s.default for s in SETTINGS}
        path = file or (Path(environ["GONGKAI_SETTINGS"]) if environ.get("GONGKAI_SETTINGS") else Path("gongkai.toml"))
        if path.is_file():
            with path.open("rb") as fh:
                data = tomllib.load(fh)
            for key, raw in data.items():
                if key not in _BY_NAME:
                    raise GongkaiError("config_invalid", f"unknown setting {key!r} in {path}")
                values[key] = _coerce(_BY_NAME[key], raw, str(path))
        for s in SETTINGS:
            env_key = f"GONGKAI_{s.name.upper()}"
            if env_key in environ:
                values[s.name] = _coerce(s, environ[env_key], env_key)
        for key, raw in (overrides or {}).items():
            if key not in _BY_NAME:
                raise GongkaiError("config_invalid", f"unknown setting {key!r}")
            values[key] = _coerce(_BY_NAME[key], raw, "overrides")
        self._values = values

    def __getattr__(self, name: str) -> Any:
        try:
            return self._values[name]
        except KeyError:
            raise AttributeError(name) from None

    def as_dict(self) -> dict[str, Any]:
        return dict(self._values)
