"""Extraction: any file an office receives → normalised text, metadata and warnings.

One dispatch table maps a detected format to its extractor; every extractor has the same signature,
`extract(path, settings) -> RawExtraction`, and raises `GongkaiError` for a file it cannot read.
`extract_file` never raises for a bad file: the error is recorded on the document, so one bad file
never stops a batch.
"""
from __future__ import annotations

import hashlib
import importlib
import logging
import os
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from gongkai.documents import ExtractedDocument, RawExtraction
from gongkai.errors import GongkaiError
from gongkai.settings import Settings

log = logging.getLogger(__name__)

# format -> module holding `extract(path, settings)`; imported on first use so that one format's
# missing dependency does not take the others down.
EXTRACTORS: dict[str, str] = {
    "pdf": "gongkai.extract.pdf",
    "docx": "gongkai.extract.docx",
    "ofd": "gongkai.extract.ofd",
    "html": "gongkai.extract.html",
    "txt": "gongkai.extract.text",
}
TEXT_FORMATS = {"txt", "html"}  # the file is the text: limited by max_text_mb

_HTML_SUFFIXES = {".html", ".htm", ".shtml", ".xhtml", ".mht"}
_TEXT_SUFFIXES = {".txt", ".text", ".md", ".csv", ".log", ""}
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def detect_format(path: Path, head: bytes) -> str:
    """Decide the format from the content first, the file name second (names lie)."""
    suffix = path.suffix.lower()
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if suffix == ".pdf":
        raise GongkaiError("corrupted", f"{path.name}: no PDF header")
    if head.startswith(b"PK\x03\x04"):
        return _detect_zip_format(path)
    if head.startswith(_OLE_MAGIC):
        if suffix == ".docx":
            # An encrypted DOCX is stored inside an OLE compound file; the DOCX extractor tells an
            # encrypted one (EncryptionInfo stream) from an old .doc that was merely renamed.
            return "docx"
        raise GongkaiError("unsupported_type", f"{path.name}: legacy Office/WPS binary format ({suffix or 'no extension'})")
    if suffix in {".docx", ".ofd"}:
        raise GongkaiError("corrupted", f"{path.name}: not a ZIP container")
    sniff = head[:2048].lower()
    if suffix in _HTML_SUFFIXES or b"<html" in sniff or b"<!doctype html" in sniff:
        return "html"
    if suffix in _TEXT_SUFFIXES:
        return "txt"
    raise GongkaiError("unsupported_type", f"{path.name}: {suffix}")


def _detect_zip_format(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
    except (zipfile.BadZipFile, OSError) as exc:
        raise GongkaiError("corrupted", f"{path.name}: damaged ZIP container ({exc})") from None
    if "word/document.xml" in names:
        return "docx"
    if "OFD.xml" in names or any(n.lower() == "ofd.xml" for n in names):
        return "ofd"
    if path.suffix.lower() in {".docx", ".ofd"}:
        raise GongkaiError("corrupted", f"{path.name}: a ZIP file without the parts of a {path.suffix.lower()[1:].upper()} document")
    raise GongkaiError("unsupported_type", f"{path.name}: ZIP archive")


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _check_location(path: Path, root: Path | None) -> None:
    if root is not None and path.is_symlink():
        target = path.resolve()
        if not target.is_relative_to(root.resolve()):
            raise GongkaiError("symlink_outside", f"{path} -> {target}")
    if not path.exists():
        raise GongkaiError("not_found", str(path))
    if path.is_dir():
        raise GongkaiError("unsupported_type", f"{path}: a linked folder is not followed; copy its files in")


def _run_extractor(fmt: str, path: Path, settings: Settings) -> RawExtraction:
    module = importlib.import_module(EXTRACTORS[fmt])
    return module.extract(path, settings)


def extract_file(path: Path | str, settings: Settings | None = None, *, root: Path | None = None) -> ExtractedDocument:
    """Extract one file. Never raises for a bad file: the error is on the returned document."""
    from gongkai.extract.identity import text_sha256
    from gongkai.extract.normalise import normalise

    settings = settings or Settings()
    path = Path(path)
    doc = ExtractedDocument(source=str(path), sha256="")
    try:
        _check_location(path, root)
        size = path.stat().st_size
        doc.sha256 = file_sha256(path)
        if size == 0:
            raise GongkaiError("empty_file", path.name)
        if size > settings.max_file_mb * 1024 * 1024:
            raise GongkaiError("too_large", f"{path.name}: {size / 1048576:.1f} MB > max_file_mb={settings.max_file_mb}")
        with path.open("rb") as fh:
            head = fh.read(4096)
        doc.format = detect_format(path, head)
        if doc.format in TEXT_FORMATS and size > settings.max_text_mb * 1024 * 1024:
            raise GongkaiError("too_large", f"{path.name}: {size / 1048576:.1f} MB > max_text_mb={settings.max_text_mb}")
        raw = _run_extractor(doc.format, path, settings)
        doc.text = normalise(raw.text)
        if not doc.text:
            raise GongkaiError("no_text", path.name)
        doc.pages = len(raw.pages)
        doc.metadata = dict(raw.metadata)
        doc.metadata.setdefault("ocr", any(p.ocr for p in raw.pages))
        if not doc.metadata.get("title"):
            doc.metadata["title"] = guess_title(doc.text)
        doc.warnings = list(raw.warnings)
        doc.text_sha256 = text_sha256(doc.text)
    except GongkaiError as exc:
        doc.error = exc.as_dict()
    except Exception as exc:  # a bug or a library failure on a hostile file: record, never stop the batch
        log.exception("unexpected failure on %s", path)
        doc.error = GongkaiError("internal", f"{path.name}: {type(exc).__name__}: {exc}").as_dict()
    return doc


def guess_title(text: str) -> str | None:
    """The first short line that reads like a title (not a copy number, mark or document number)."""
    for line in text.split("\n")[:12]:
        line = line.strip()
        if 4 <= len(line) <= 60 and not line[-1] in "。；，：" and not line.isdigit() and "★" not in line and "〔" not in line:
            return line
    return None


def iter_files(paths: Iterable[Path | str]) -> Iterator[tuple[Path, Path | None]]:
    """Files named directly, and every file under folders (recursive, sorted), with their root folder."""
    for given in paths:
        given = Path(given)
        if given.is_dir():
            found: list[Path] = []
            for dirpath, dirnames, filenames in os.walk(given, followlinks=False):
                # A linked folder is not walked, but reported, so that nothing is passed over silently.
                linked = [d for d in dirnames if os.path.islink(os.path.join(dirpath, d))]
                found.extend(Path(dirpath) / name for name in filenames + linked)
            for path in sorted(found, key=lambda p: p.relative_to(given).parts):
                yield path, given
        else:
            yield given, None


def extract_paths(paths: Iterable[Path | str], settings: Settings | None = None) -> Iterator[ExtractedDocument]:
    """Extract every file under `paths`, marking near-duplicates of earlier documents of the same run."""
    from gongkai.extract.identity import NearDuplicateIndex

    settings = settings or Settings()
    index = NearDuplicateIndex(threshold=settings.near_duplicate_threshold)
    for path, root in iter_files(paths):
        doc = extract_file(path, settings, root=root)
        if doc.ok:
            match = index.add(doc.source, doc.text)
            if match is not None:
                doc.duplicate_of, doc.similarity = match.key, round(match.similarity, 4)
        yield doc
