"""Page images of an archived PDF: what a person reads when the text layer cannot be trusted (issue 14,
item 7). Rendered in memory on request and never written anywhere, so that no copy of a document's
pages exists outside the data folder."""
from __future__ import annotations

import io
import threading
from pathlib import Path

from gongkai.extract import open_nofollow

SCALE = 1.5              # 1.5 × 72 dpi: an A4 page is ~890 × 1260 pixels, legible for Chinese at body size
MAX_SIDE = 3000          # a page drawn enormous (a poster, a hostile file) is scaled down to this many pixels
_PDFIUM = threading.Lock()  # pdfium is not thread-safe and the web app serves requests from a thread pool


def page_count(path: Path | str) -> int:
    """Number of pages; 0 when pdfium cannot open the file (the reviewer is then told to fetch the original)."""
    import pypdfium2

    try:
        with _PDFIUM, open_nofollow(path) as fh:
            pdf = pypdfium2.PdfDocument(fh)
            try:
                return len(pdf)
            finally:
                pdf.close()
    except Exception:  # a broken or vanished original is not a reason to refuse the review page
        return 0


def render_png(path: Path | str, number: int, scale: float = SCALE) -> bytes | None:
    """Page `number` (1-based) as PNG bytes; None when the page does not exist."""
    import pypdfium2

    with _PDFIUM, open_nofollow(path) as fh:
        pdf = pypdfium2.PdfDocument(fh)
        try:
            if not 1 <= number <= len(pdf):
                return None
            page = pdf[number - 1]
            width, height = page.get_size()
            scale = min(scale, MAX_SIDE / max(width, height, 1))
            buffer = io.BytesIO()  # encoded before the document closes: the PIL image shares pdfium's bitmap
            page.render(scale=scale).to_pil().save(buffer, format="PNG")
        finally:
            pdf.close()
    return buffer.getvalue()
