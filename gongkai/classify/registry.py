"""Versioned model directories in models/: `<version>/classifier.joblib` + `meta.json`, and the
`CURRENT` pointer. An artifact made by other library versions is refused with a clear message:
unpickling scikit-learn objects across versions can silently change predictions."""
from __future__ import annotations

import json
import os
import platform
from dataclasses import dataclass
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path

import joblib

from gongkai.errors import GongkaiError
from gongkai.filemodes import DIR_MODE, FILE_MODE, private_dir

# The libraries whose versions decide whether a pickled model still means the same thing.
PINNED_LIBRARIES = ("scikit-learn", "numpy", "scipy", "jieba")
POINTER = "CURRENT"
HISTORY = "HISTORY"  # one version per line, newest last: what `rollback` returns to


def default_models_dir() -> Path:
    from gongkai.settings import Settings

    configured = Settings().models_dir
    return Path(configured) if configured else Path(__file__).resolve().parents[2] / "models"


def library_versions() -> dict[str, str]:
    versions = {"python": platform.python_version().rsplit(".", 1)[0]}
    for name in PINNED_LIBRARIES:
        versions[name] = metadata.version(name)
    return versions


@dataclass
class LoadedModel:
    version: str
    classifier: object
    meta: dict


def save(classifier, meta: dict, models_dir: Path | None = None, *, version: str | None = None, make_current: bool = True) -> str:
    models_dir = models_dir or default_models_dir()
    created = datetime.now(timezone.utc)
    version = version or f"{created:%Y%m%d-%H%M%S}-{meta.get('corpus_hash', 'x')[:8]}"
    target = models_dir / version
    private_dir(models_dir)
    target.mkdir(mode=DIR_MODE, exist_ok=False)
    os.chmod(target, DIR_MODE)  # a model is learnt from internal documents: the service account's alone
    joblib.dump(classifier, target / "classifier.joblib", compress=3)
    full_meta = {"version": version, "created": created.isoformat(timespec="seconds"),
                 "libraries": library_versions(), **meta}
    (target / "meta.json").write_text(json.dumps(full_meta, ensure_ascii=False, indent=2), encoding="utf-8")
    for f in target.iterdir():
        os.chmod(f, FILE_MODE)
    if make_current:
        set_current(version, models_dir)
    return version


def set_current(version: str, models_dir: Path | None = None) -> None:
    models_dir = models_dir or default_models_dir()
    if not (models_dir / version / "meta.json").is_file():
        raise GongkaiError("config_invalid", f"no model version {version!r} in {models_dir}")
    tmp = models_dir / f".{POINTER}.tmp"
    tmp.write_text(version + "\n", encoding="utf-8")
    os.chmod(tmp, FILE_MODE)
    tmp.replace(models_dir / POINTER)  # atomic: a reader sees the old or the new pointer, never half
    with (models_dir / HISTORY).open("a", encoding="utf-8") as fh:
        fh.write(version + "\n")
    os.chmod(models_dir / HISTORY, FILE_MODE)


def current_version(models_dir: Path | None = None) -> str | None:
    pointer = (models_dir or default_models_dir()) / POINTER
    return pointer.read_text(encoding="utf-8").strip() if pointer.is_file() else None


def list_versions(models_dir: Path | None = None) -> list[dict]:
    models_dir = models_dir or default_models_dir()
    metas = []
    for meta_file in sorted(models_dir.glob("*/meta.json")):
        metas.append(json.loads(meta_file.read_text(encoding="utf-8")))
    return metas


def load(version: str | None = None, models_dir: Path | None = None) -> LoadedModel:
    models_dir = models_dir or default_models_dir()
    version = version or current_version(models_dir)
    if not version:
        raise GongkaiError("model_missing", f"no current model in {models_dir}")
    folder = models_dir / version
    try:
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise GongkaiError("model_missing", f"{folder}/meta.json is missing") from None
    made_with, here = meta.get("libraries", {}), library_versions()
    differing = {k: (made_with.get(k), v) for k, v in here.items() if made_with.get(k) != v}
    if differing:
        detail = ", ".join(f"{k} {a} (model) ≠ {b} (installed)" for k, (a, b) in differing.items())
        raise GongkaiError("model_incompatible", f"model {version}: {detail}")
    return LoadedModel(version, joblib.load(folder / "classifier.joblib"), meta)
