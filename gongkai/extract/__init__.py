"""Extraction: any file an office receives → normalised text, metadata and warnings.

One dispatch table maps a detected format to its extractor; every extractor has the same signature,
`extract(path, settings) -> RawExtraction`, and raises `GongkaiError` for a file it cannot read.
`extract_file` never raises for a bad file: the error is recorded on the document, so one bad file
never stops a batch.
"""
from __future__ import annotations

import errno
import hashlib
import importlib
import logging
import os
import stat
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from gongkai.documents import ExtractedDocument, Notice, RawExtraction
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


def open_nofollow(path: Path | str):
    """Open a file for reading, refusing a symbolic link at the last component (no check-then-open race)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise GongkaiError("symlink_refused", f"{path} -> {os.readlink(path)}") from None
        raise
    return os.fdopen(fd, "rb")


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open_nofollow(path) as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _check_location(path: Path) -> os.stat_result:
    """Links are refused wherever the path came from (a folder walk, the command line, the inbox), before
    anything is read: a symbolic link even when it points inside the folder (it can be re-pointed between
    check and read), and a hard link, since its other name may be a file outside that its owner never
    meant to hand over."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        raise GongkaiError("not_found", str(path)) from None
    if stat.S_ISLNK(info.st_mode):
        raise GongkaiError("symlink_refused", f"{path} -> {os.readlink(path)}")
    if stat.S_ISDIR(info.st_mode):
        raise GongkaiError("unsupported_type", f"{path}: a folder")
    if info.st_nlink > 1:
        raise GongkaiError("hardlink_refused", f"{path}: {info.st_nlink} names for one file")
    return info


def _run_extractor(fmt: str, path: Path, settings: Settings) -> RawExtraction:
    module = importlib.import_module(EXTRACTORS[fmt])
    return module.extract(path, settings)


def extract_file(path: Path | str, settings: Settings | None = None) -> ExtractedDocument:
    """Extract one file. Never raises for a bad file: the error is on the returned document."""
    from gongkai.extract.identity import text_sha256
    from gongkai.extract.normalise import normalise_with_breaks
    from gongkai.extract.quality import measure

    settings = settings or Settings()
    path = Path(path)
    doc = ExtractedDocument(source=str(path), sha256="")
    try:
        before = _check_location(path)
        size = before.st_size
        doc.sha256 = file_sha256(path)
        if size == 0:
            raise GongkaiError("empty_file", path.name)
        if size > settings.max_file_mb * 1024 * 1024:
            raise GongkaiError("too_large", f"{path.name}: {size / 1048576:.1f} MB > max_file_mb={settings.max_file_mb}")
        with open_nofollow(path) as fh:
            head = fh.read(4096)
        doc.format = detect_format(path, head)
        if doc.format in TEXT_FORMATS and size > settings.max_text_mb * 1024 * 1024:
            raise GongkaiError("too_large", f"{path.name}: {size / 1048576:.1f} MB > max_text_mb={settings.max_text_mb}")
        raw = _run_extractor(doc.format, path, settings)
        after = os.lstat(path)  # the extractors open the path by name: it must still be the same file
        if stat.S_ISLNK(after.st_mode) or (after.st_dev, after.st_ino) != (before.st_dev, before.st_ino):
            raise GongkaiError("symlink_refused", f"{path} was replaced while being read")
        if doc.format != "pdf":  # pdf.py repairs page by page, with pdfium's text as a second opinion
            _repair_mojibake(raw)
        doc.text, line_breaks = normalise_with_breaks(raw.text)
        if not doc.text:
            raise GongkaiError("no_text", path.name)
        doc.pages = len(raw.pages)
        doc.metadata = dict(raw.metadata)
        if line_breaks:  # the reader's layout, beside the text the rules and model read (extract/layout.py)
            doc.metadata["line_breaks"] = list(line_breaks)
        doc.metadata.setdefault("ocr", any(p.ocr for p in raw.pages))
        if not doc.metadata.get("title"):
            doc.metadata["title"] = guess_title(doc.text)
        doc.warnings = list(raw.warnings)
        doc.metadata["quality"] = quality = measure(doc.text, ocr_confidence=raw.metadata.get("ocr_confidence"),
                                                    ocr_chars=raw.metadata.get("ocr_chars"),
                                                    threshold=settings.min_text_quality)
        if quality["unreadable"]:
            doc.warnings.append(Notice("unreadable", f"文本无法可靠识读，须人工阅读原件 / text cannot be trusted "
                                       f"(quality {quality['score']} < min_text_quality {settings.min_text_quality})"))
        doc.text_sha256 = text_sha256(doc.text)
    except GongkaiError as exc:
        doc.error = exc.as_dict()
    except Exception as exc:  # a bug or a library failure on a hostile file: record, never stop the batch
        log.exception("unexpected failure on %s", path)
        doc.error = GongkaiError("internal", f"{path.name}: {type(exc).__name__}: {exc}").as_dict()
    return doc


def _repair_mojibake(raw: RawExtraction) -> None:
    """Chinese bytes shown as Latin-1/Windows-1252 glyphs, decoded back page by page (gongkai.extract.repair)."""
    from gongkai.extract.repair import repair_mojibake

    for page in raw.pages:
        fixed = repair_mojibake(page.text)
        if fixed is not None:
            page.text, encoding = fixed
            raw.warnings.append(Notice("mojibake_repaired", f"{encoding} bytes shown as Latin-1/Windows-1252 "
                                       "glyphs decoded back to Chinese", page.number if len(raw.pages) > 1 else None))


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
        if given.is_dir() and not given.is_symlink():  # a linked folder is refused like a linked file
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
    for path, _root in iter_files(paths):
        doc = extract_file(path, settings)
        if doc.ok:
            match = index.add(doc.source, doc.text)
            if match is not None:
                doc.duplicate_of, doc.similarity = match.key, round(match.similarity, 4)
        yield doc
