"""OCR of PDF pages with Debian's tesseract (chi_sim+eng), run as a subprocess. Offline.

Why tesseract and not a PyPI engine: see BENCHMARKS.md (extraction) — measured on pages we render.
Pages are rendered with pypdfium2 and piped to tesseract as PGM on stdin: no temporary files.
"""
from __future__ import annotations

import functools
import io
import logging
import os
import re
import shutil
import subprocess
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


def render_page(path: Path, index: int, dpi: int) -> bytes:
    """Render page `index` (0-based) in grey at `dpi`, as PGM bytes."""
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(path))
    try:
        image = pdf[index].render(scale=dpi / 72, grayscale=True).to_pil()
    finally:
        pdf.close()
    buffer = io.BytesIO()
    image.convert("L").save(buffer, format="PPM")
    return buffer.getvalue()


def ocr_image(image: bytes, language: str, dpi: int, threads: int) -> str:
    """Run tesseract on an encoded image (PGM/PNG bytes) and return cleaned text."""
    ensure_available(language)
    env = dict(os.environ, OMP_THREAD_LIMIT=str(threads))
    cmd = ["tesseract", "stdin", "stdout", "-l", language, "--dpi", str(dpi), "--psm", "3",
           "-c", "preserve_interword_spaces=1"]
    try:
        done = subprocess.run(cmd, input=image, capture_output=True, env=env, timeout=OCR_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        raise GongkaiError("internal", f"tesseract took longer than {OCR_TIMEOUT_S} s on one page") from None
    if done.returncode != 0:
        raise GongkaiError("internal", f"tesseract failed: {done.stderr.decode(errors='replace')[-300:]}")
    return clean_ocr_text(done.stdout.decode("utf-8", errors="replace"))


def ocr_pdf_page(path: Path, index: int, settings) -> str:
    return ocr_image(render_page(path, index, settings.ocr_dpi), settings.ocr_language,
                     settings.ocr_dpi, settings.ocr_threads)


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
