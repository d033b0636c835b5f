"""Reading the labelled corpora.

- `corpus/written/<writer>/labels.jsonl`: documents written one by one under independent writer briefs —
  the training corpus. Every line has a `writer`; the writer is the unit of every honest split.
- `corpus/dev/<writer>/labels.jsonl`: the frozen dev set, written by other writers; never trained or tuned on.
- `corpus/labels.jsonl`: the old template generator's documents (writer `generator`). The generator may still
  supply damaged copies and a share of its documents, but less than a quarter of the training set.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from gongkai.errors import GongkaiError
from gongkai.labels import DISCLOSURE, SECRECY

GENERATOR = "generator"
# The generator's share of the training set (damaged copies included) stays below this.
MAX_GENERATOR_SHARE = 0.24
DAMAGED_SHARE = 0.12  # written documents that also get a PDF-damaged copy


@dataclass
class Example:
    path: Path
    text: str
    disclosure: str
    secrecy: str
    group: str  # a document and its variants share a group; no group straddles training and test
    meta: dict
    writer: str = GENERATOR

    @property
    def marked(self) -> bool | None:
        return self.meta.get("marked")

    @property
    def hard_negative(self) -> bool:
        return bool(self.meta.get("hard_negative"))


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


def _examples(labels_file: Path, writer: str | None = None) -> list[Example]:
    from gongkai.extract.normalise import normalise

    out = []
    for row in read_labels(labels_file):
        path = labels_file.parent / row["file"]
        who = writer or row.get("writer") or GENERATOR
        out.append(Example(path, normalise(path.read_text(encoding="utf-8")), row["disclosure"], row["secrecy"],
                           f"{who}:{row.get('group') or row.get('id') or row['file']}", row, who))
    return out


def load_corpus(corpus_dir: Path | None = None) -> list[Example]:
    """The generator's corpus (corpus/labels.jsonl). Texts are normalised like any extracted document."""
    corpus_dir = corpus_dir or default_corpus_dir()
    return _examples(corpus_dir / "labels.jsonl", GENERATOR) if (corpus_dir / "labels.jsonl").is_file() else []


def load_writers(folder: Path) -> list[Example]:
    """Every `<writer>/labels.jsonl` under `folder` (written or dev), in writer order."""
    out: list[Example] = []
    for labels in sorted(folder.glob("*/labels.jsonl")):
        out += _examples(labels, labels.parent.name)
    return out


def load_written(corpus_dir: Path | None = None) -> list[Example]:
    return load_writers((corpus_dir or default_corpus_dir()) / "written")


def load_dev(corpus_dir: Path | None = None) -> list[Example]:
    return load_writers((corpus_dir or default_corpus_dir()) / "dev")


def _stable_fraction(key: str) -> float:
    return int(hashlib.sha256(key.encode("utf-8")).hexdigest()[:8], 16) / 0xFFFFFFFF


def load_training(corpus_dir: Path | None = None) -> list[Example]:
    """The training set: the written documents, PDF-damaged copies of some of them, and a share of the
    generator's documents — together less than `MAX_GENERATOR_SHARE` of the whole. Deterministic."""
    from gongkai.classify.variants import pdf_damaged

    corpus_dir = corpus_dir or default_corpus_dir()
    written = load_written(corpus_dir)
    if not written:  # a corpus folder without written documents (tests, old checkouts): the generator's alone
        return load_corpus(corpus_dir)
    damaged = []
    for e in written:
        if _stable_fraction("damaged:" + e.group) < DAMAGED_SHARE:
            meta = {**e.meta, "variant": "pdf_damaged"}
            damaged.append(Example(e.path, pdf_damaged(e.text, e.group), e.disclosure, e.secrecy, e.group, meta, e.writer))
    # generator-supplied g of n written: g / (n + g) < MAX_GENERATOR_SHARE  ⇔  g < share·n / (1 − share)
    allowed = int(MAX_GENERATOR_SHARE * len(written) / (1 - MAX_GENERATOR_SHARE))
    damaged = damaged[:allowed]
    budget = allowed - len(damaged)
    generated = [e for e in load_corpus(corpus_dir) if e.meta.get("variant", "original") == "original"]
    generated.sort(key=lambda e: _stable_fraction("generator:" + e.group))
    return written + damaged + generated[:max(0, budget)]


def corpus_hash(corpus_dir: Path | None = None) -> str:
    """A digest of every labels file and document the training and dev sets are made of."""
    corpus_dir = corpus_dir or default_corpus_dir()
    digest = hashlib.sha256()
    labels_files = [corpus_dir / "labels.jsonl", *sorted((corpus_dir / "written").glob("*/labels.jsonl")),
                    *sorted((corpus_dir / "dev").glob("*/labels.jsonl"))]
    for labels in labels_files:
        if not labels.is_file():
            continue
        digest.update(labels.read_bytes())
        for row in read_labels(labels):
            digest.update((labels.parent / row["file"]).read_bytes())
    return digest.hexdigest()
