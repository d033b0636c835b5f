"""OCR of PDF pages with Debian's tesseract (language packs from the ocr_language setting, chi_sim by default), run as a subprocess. Offline.

Why tesseract and not a PyPI engine: see BENCHMARKS.md (extraction) — measured on pages we render.
Pages are rendered with pypdfium2 and piped to tesseract as PGM on stdin; tesseract writes its text and
its word table (for the confidence, see gongkai.extract.quality) into a private temporary folder.
Tesseract's known misreadings of secrecy marks are repaired here (see clean_ocr_text, ocr_pdf_page).
"""
from __future__ import annotations

import functools
import io
import logging
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from gongkai.errors import GongkaiError
from gongkai.extract.pdf_layout import squeeze_cjk_spaces

log = logging.getLogger(__name__)

OCR_TIMEOUT_S = 300


@functools.cache
def _installed_languages(binary: str) -> frozenset[str]:
    try:
        out = subprocess.run([binary, "--list-langs"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return frozenset()
    return frozenset(line.strip() for line in out.splitlines()[1:] if line.strip())


def missing_languages(language: str) -> list[str] | None:
    """None when tesseract itself is missing, else the requested language packs not installed."""
    binary = shutil.which("tesseract")
    if binary is None:
        return None
    return [lang for lang in language.split("+") if lang not in _installed_languages(binary)]


def ensure_available(language: str) -> None:
    missing = missing_languages(language)
    if missing is None:
        raise GongkaiError("ocr_unavailable", "tesseract is not installed")
    if missing:
        raise GongkaiError("ocr_unavailable", f"tesseract language pack(s) missing: {', '.join(missing)}")


def render_page(path: Path, index: int, dpi: int):
    """Page `index` (0-based) rendered in grey at `dpi`, as a PIL image."""
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(path))
    try:
        return pdf[index].render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
    finally:
        pdf.close()


def _pgm(image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PPM")  # uncompressed: far cheaper to write than PNG, tesseract reads it
    return buffer.getvalue()


def ocr_image(image: bytes, language: str, dpi: int, threads: int) -> str:
    """Run tesseract on an encoded image (PGM/PNG bytes) and return cleaned text."""
    return ocr_image_scored(image, language, dpi, threads)[0]


def ocr_image_scored(image: bytes, language: str, dpi: int, threads: int) -> tuple[str, float | None, int]:
    """Cleaned text, tesseract's mean word confidence (0–1, weighted by word length; None without
    words) and the number of characters it is measured on. One OCR pass writes the text and the
    word table (tsv) into a private temporary folder: the text is the same as tesseract's txt output."""
    ensure_available(language)
    env = dict(os.environ, OMP_THREAD_LIMIT=str(threads))
    with tempfile.TemporaryDirectory(prefix="gongkai-ocr-") as folder:
        base = os.path.join(folder, "page")
        cmd = ["tesseract", "stdin", base, "-l", language, "--dpi", str(dpi), "--psm", "3",
               "-c", "preserve_interword_spaces=1", "txt", "tsv"]
        try:
            done = subprocess.run(cmd, input=image, capture_output=True, env=env, timeout=OCR_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            raise GongkaiError("internal", f"tesseract took longer than {OCR_TIMEOUT_S} s on one page") from None
        if done.returncode != 0:
            raise GongkaiError("internal", f"tesseract failed: {done.stderr.decode(errors='replace')[-300:]}")
        text = Path(base + ".txt").read_text(encoding="utf-8", errors="replace")
        confidence, weight = word_confidence(Path(base + ".tsv").read_text(encoding="utf-8", errors="replace"))
    return clean_ocr_text(text), confidence, weight


def word_confidence(tsv: str) -> tuple[float | None, int]:
    """(mean confidence of the recognised words, 0–1, weighted by their length; total length)."""
    total = weight = 0.0
    for line in tsv.splitlines()[1:]:
        cols = line.split("\t")
        if len(cols) < 12 or cols[0] != "5" or not cols[11].strip():
            continue
        try:
            conf = float(cols[10])
        except ValueError:
            continue
        if conf >= 0:
            n = len(cols[11].strip())
            total += conf * n
            weight += n
    return (round(total / weight / 100, 4) if weight else None), int(weight)


SECRECY_MARK = re.compile(r"(绝密|机密|秘密)★\S{0,6}")
TOP_BAND = 0.2


def ocr_pdf_page(path: Path, index: int, settings, scores: list | None = None) -> tuple[str, str | None]:
    """OCR one page. Returns (text, secrecy mark recovered by a second pass, or None); appends
    (confidence, characters) of the page to `scores` when given (gongkai.extract.quality reads them).

    Measured: with chi_sim+eng, tesseract read a page-top `机密★10年` as `NL EB & 1057` (the line was
    taken for English), while the same line cropped with the top fifth of the page came out as
    `机密女10年` (repaired to 机密★10年 by clean_ocr_text). A mark at the top of a page is the one line
    that must not be lost, so when the page text has none, the top band is read again (+~15 % time).
    """
    image = render_page(path, index, settings.ocr_dpi)
    args = (settings.ocr_language, settings.ocr_dpi, settings.ocr_threads)
    text, confidence, weight = ocr_image_scored(_pgm(image), *args)
    if scores is not None and confidence is not None:
        scores.append((confidence, weight))
    if SECRECY_MARK.search(text):
        return text, None
    band = image.crop((0, 0, image.width, int(image.height * TOP_BAND)))
    marks = [m.group(0) for m in SECRECY_MARK.finditer(ocr_image(_pgm(band), *args))]
    if not marks:
        return text, None
    return "\n".join([*marks, text]), marks[0]


# chi_sim has no ★: it reads the star of a secrecy mark as 文, 妇, 大, * or ☆ (measured: 机密文1年, 机密妇10年).
# A secrecy mark must survive OCR, so the star is restored where the mark's shape is unambiguous.
_SECRECY_STAR = re.compile(r"(绝密|机密|秘密)\s*[文大太妇女*＊☆x×]\s*(\d{1,2}\s*年|\d{1,2}\s*个月|启用前|长期)")


def clean_ocr_text(text: str) -> str:
    """Tesseract artefacts only: spaces between Chinese characters, form feeds, the lost ★."""
    text = text.replace("\f", "")
    text = squeeze_cjk_spaces(text)
    text = _SECRECY_STAR.sub(lambda m: f"{m.group(1)}★{m.group(2)}", text)
    lines = [line.rstrip() for line in text.splitlines()]
    return "\n".join(lines).strip()
