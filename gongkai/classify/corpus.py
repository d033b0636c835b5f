"""Reading a labelled corpus: `labels.jsonl` lines {"file", "disclosure", "secrecy", "group", …}."""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from gongkai.classify.model import DISCLOSURE, SECRECY
from gongkai.errors import GongkaiError


@dataclass
class Example:
    path: Path
    text: str
    disclosure: str
    secrecy: str
    group: str
    meta: dict


def default_corpus_dir() -> Path:
    return Path(__file__).resolve().parents[2] / "corpus"


def read_labels(labels_file: Path) -> list[dict]:
    rows = []
    for n, line in enumerate(labels_file.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GongkaiError("config_invalid", f"{labels_file}:{n}: {exc}") from None
        if row.get("disclosure") not in DISCLOSURE or row.get("secrecy") not in SECRECY:
            raise GongkaiError("config_invalid", f"{labels_file}:{n}: disclosure/secrecy must be one of {DISCLOSURE} / {SECRECY}")
        rows.append(row)
    return rows


def load_corpus(corpus_dir: Path | None = None) -> list[Example]:
    """Corpus texts are already clean text; they are normalised like any extracted document."""
    from gongkai.extract.normalise import normalise

    corpus_dir = corpus_dir or default_corpus_dir()
    examples = []
    for row in read_labels(corpus_dir / "labels.jsonl"):
        path = corpus_dir / row["file"]
        examples.append(Example(path, normalise(path.read_text(encoding="utf-8")), row["disclosure"],
                                row["secrecy"], str(row.get("group") or row["file"]), row))
    return examples


def corpus_hash(corpus_dir: Path | None = None) -> str:
    corpus_dir = corpus_dir or default_corpus_dir()
    digest = hashlib.sha256((corpus_dir / "labels.jsonl").read_bytes())
    for row in read_labels(corpus_dir / "labels.jsonl"):
        digest.update((corpus_dir / row["file"]).read_bytes())
    return digest.hexdigest()
