"""PDF → text per page, with pypdfium2 or pdfplumber; OCR for pages without a text layer.

Two readers of the text layer give the same chars to one layout code (setting `pdf_reader`):
pdfium (default; pdfium_objects turns pypdfium2's text page and page objects into pdfplumber-shaped
chars and rulings, ~20x faster) and pdfplumber (pdfminer.six, the reference). A page that pdfium
reads differently from pdfminer — unmapped glyphs, text objects pdfium leaves out, a run of spaces it
merged, mojibake, a rotated page, fewer than SCANNED_TEXT_MAX visible characters — is read with
pdfplumber; metadata["pdfplumber_pages"] lists those pages (BENCHMARKS.md: how often, and how the
texts compare).

One pass per page over the chars builds the lines (pdf_layout.build_lines), so the cost stays
close to the reader's own. Then, over the whole document: running headers, footers and
page numbers are removed by what repeats at the same height (never by cropping a margin; what was
removed is listed in metadata["removed_running_text"]), and every kind of garbage is repaired or
reported as a Notice — never handed on silently.

Tables stay rows of text: one row per line, cells joined by " | " (pdf_layout.CELL_SEPARATOR) where a
vertical ruling runs between two characters or the gap is wider than two font sizes. Line breaks are
kept as laid out; joining broken lines is the normaliser's job. Reading order is top to bottom, left
to right on each line: good for the single-column layout of official documents (GB/T 9704), not for
multi-column pages.

Notices (stable codes):

  code                      meaning
  duplicate_chars_removed   overprinted (doubled/quadrupled) characters dropped
  cid_placeholders          a few unmapped glyphs, each shown as U+FFFD
  cid_garbage_reextracted   page mostly unmapped glyphs; text taken from pypdfium2 instead
  cid_garbage_ocr           page mostly unmapped glyphs; text taken from OCR instead
  cid_garbage               page mostly unmapped glyphs and no repair worked (U+FFFD left in the text)
  mojibake_repaired         UTF-8 or GBK bytes read as Latin-1, decoded back to Chinese
  mojibake                  looks like UTF-8 or GBK read as Latin-1 but no trustworthy repair; text left as found
  ocr_used                  page had no text layer and was OCRed
  ocr_skipped               page had no text layer; OCR disabled in the settings
  ocr_secrecy_mark_recovered  OCR of the page missed a secrecy mark that a second pass on its top found
  page_unreadable           pdfminer could not parse this page; it is left empty
"""
from __future__ import annotations

import logging
import re
from collections import defaultdict
from pathlib import Path

import pdfplumber
from pdfminer.pdfdocument import PDFPasswordIncorrect
from pdfplumber.utils.exceptions import PdfminerException

from gongkai.documents import Notice, Page, RawExtraction
from gongkai.errors import GongkaiError
from gongkai.extract import ocr, pdf_layout, repair
from gongkai.extract.pdf_layout import PageLines
from gongkai.settings import Settings

log = logging.getLogger(__name__)

MOSTLY_CID = 0.3        # share of unmapped glyphs above which a page's text is not worth keeping
SCANNED_TEXT_MAX = 20   # a page with a big image and fewer visible chars than this is a scan
OUTLINED_TEXT_MIN_CURVES = 20  # a page without chars but with this many curves may be outlined text
_GENERIC_TITLES = re.compile(r"^(untitled|无标题|新建.*文档|document\d*|文档\d*|microsoft word.*|\d+)$", re.I)


def extract(path: Path, settings: Settings) -> RawExtraction:
    """Text per page of the PDF at `path`; see the module docstring for what is removed and reported."""
    path = Path(path)
    _check_envelope(path)
    reader = getattr(settings, "pdf_reader", "pdfium")
    if reader not in READERS:
        raise GongkaiError("config_invalid", f"pdf_reader={reader!r}: one of {', '.join(READERS)}")
    read = _read_pdfium(path) if reader == "pdfium" else None
    if read is None:  # pdfplumber chosen, or pdfium could not open the file: pdfplumber names the error
        read = _read_pdfplumber(path)
    metadata, layouts, scanned, warnings = read

    removed = pdf_layout.find_running_text(layouts)
    metadata["removed_running_text"] = [
        {"page": layout.number, "text": layout.lines[i].text}
        for layout in layouts for i in sorted(removed.get(layout.number, ()))
    ]
    pages = [
        Page(layout.number, "\n".join(line.text for i, line in enumerate(layout.lines)
                                      if i not in removed.get(layout.number, ())))
        for layout in layouts
    ]
    scores: list[tuple[float, int]] = []  # (tesseract's confidence, characters) per OCRed page
    for page in pages:
        _repair_garbage(path, page, settings, warnings, scores)
    for number in sorted(scanned):
        _ocr_scanned_page(path, pages[number - 1], settings, warnings, scores)

    ocr_pages = [p.number for p in pages if p.ocr]
    metadata["ocr"] = bool(ocr_pages)
    metadata["ocr_pages"] = ocr_pages
    if scores and sum(n for _, n in scores):
        metadata["ocr_chars"] = read = sum(n for _, n in scores)
        metadata["ocr_confidence"] = round(sum(c * n for c, n in scores) / read, 4)
    if not any(p.text.strip() for p in pages):
        why = "OCR is disabled in the settings" if scanned and not settings.ocr_enabled else "every page is empty"
        raise GongkaiError("no_text", f"{path.name}: {len(pages)} page(s); {why}")
    return RawExtraction(pages=pages, metadata=metadata, warnings=_collapse(warnings))


# ------------------------------------------------------------------------------------------- reading

READERS = ("pdfium", "pdfplumber")
Read = tuple[dict, list[PageLines], set[int], list[Notice]]


def _read_pdfplumber(path: Path) -> Read:
    """Every page through pdfplumber (pdfminer.six): the reference reader."""
    with _open_pdfplumber(path) as pdf:
        metadata = _metadata(pdf)
        pages = _pdfplumber_pages(pdf, path)
        warnings: list[Notice] = []
        layouts, scanned = [], set()
        for index, page in enumerate(pages):
            layouts.append(_plumber_layout(page, index + 1, warnings, scanned))
    _check_some_page_parsed(path, warnings, layouts)
    return metadata, layouts, scanned, warnings


def _read_pdfium(path: Path) -> Read | None:
    """Pages through pdfium's text layer (pdfium_objects), and through pdfplumber only the pages where
    pdfium reads differently from pdfminer (`_needs_pdfminer`), so that the text stays the same.
    None when pdfium cannot open the file at all."""
    import pypdfium2

    from gongkai.extract import pdfium_objects

    try:
        doc = pdfium_objects.open_document(path)
    except pypdfium2.PdfiumError:
        return None
    plumber = plumber_pages = None
    warnings: list[Notice] = []
    layouts: list[PageLines] = []
    scanned: set[int] = set()
    fallback: list[int] = []
    try:
        metadata = _pdfium_metadata(doc)
        for index in range(len(doc)):
            number = index + 1
            layout = None
            try:
                page = doc[index]
                try:
                    objects = pdfium_objects.page_objects(page)
                    width, height = pdfium_objects.page_size(page)
                finally:
                    page.close()
                lines, dropped = pdf_layout.build_lines(objects["char"], pdf_layout.vertical_edges(objects))
                if not _needs_pdfminer(objects, lines):
                    page_warnings = [Notice("duplicate_chars_removed",
                                            f"{dropped} overprinted duplicate characters removed", number)] if dropped else []
                    if _looks_scanned(lines, objects["image"], len(objects["curve"]), width * height):
                        scanned.add(number)
                    warnings.extend(page_warnings)
                    layout = PageLines(number, float(height), lines)
            except Exception as e:  # pdfium failing on one page: pdfminer gets its chance
                log.info("pdfium could not read page %d of %s: %s", number, path.name, e)
            if layout is None:
                if plumber is None:
                    plumber = _open_pdfplumber(path)
                    plumber_pages = _pdfplumber_pages(plumber, path)
                fallback.append(number)
                layout = _plumber_layout(plumber_pages[index], number, warnings, scanned)
            layouts.append(layout)
    finally:
        doc.close()
        if plumber is not None:
            plumber.close()
    metadata["pdfplumber_pages"] = fallback
    _check_some_page_parsed(path, warnings, layouts)
    return metadata, layouts, scanned, warnings


def _needs_pdfminer(objects, lines) -> bool:
    """Pages pdfium reads differently from pdfminer, or whose repair depends on pdfminer's reading:
    rotated pages, glyphs without a Unicode mapping (pdfminer's (cid:N)), text objects pdfium left out (overprinted
    duplicates, spaces), runs of spaces merged into one, text that looks like mojibake, and pages with
    almost no text (a scan, outlines or a blank page: pdfplumber's image and curve count decide)."""
    if objects.rotated or objects.unmapped or objects.dropped or objects.collapsed:
        return True
    text = "\n".join(line.text for line in lines)
    visible = len(re.sub(r"\s+", "", text))
    return visible < SCANNED_TEXT_MAX or pdf_layout.looks_like_mojibake(text)


def _open_pdfplumber(path: Path):
    try:
        return pdfplumber.open(path)
    except PdfminerException as e:
        raise _open_error(e, path) from None
    except Exception as e:  # pdfminer raises many types on broken files
        raise GongkaiError("corrupted", f"{path.name}: {type(e).__name__}: {e}") from None


def _pdfplumber_pages(pdf, path: Path) -> list:
    try:
        return pdf.pages
    except Exception as e:
        raise GongkaiError("corrupted", f"{path.name}: page tree unreadable ({type(e).__name__})") from None


def _plumber_layout(page, number: int, warnings: list[Notice], scanned: set[int]) -> PageLines:
    """One page through pdfplumber; an unparseable page is left empty and reported."""
    try:
        objects = page.objects
        lines, dropped = pdf_layout.build_lines(objects.get("char", []), pdf_layout.vertical_edges(objects))
        if dropped:
            warnings.append(Notice("duplicate_chars_removed",
                                   f"{dropped} overprinted duplicate characters removed", number))
        if _looks_scanned(lines, objects.get("image", []), len(objects.get("curve", ())),
                          page.width * page.height):
            scanned.add(number)
        height = float(page.height)
    except Exception as e:
        warnings.append(Notice("page_unreadable", f"page could not be parsed ({type(e).__name__})", number))
        lines, height = [], 0.0
    finally:
        page.close()  # drop pdfplumber's per-page caches: memory stays flat on long files
    return PageLines(number, height, lines)


def _check_some_page_parsed(path: Path, warnings: list[Notice], layouts: list[PageLines]) -> None:
    unreadable = sum(1 for w in warnings if w.code == "page_unreadable")
    if layouts and unreadable == len(layouts):
        raise GongkaiError("corrupted", f"{path.name}: no page could be parsed")


# ------------------------------------------------------------------------------------------- opening


def _check_envelope(path: Path) -> None:
    """Catch what pdfminer would half-read: empty files, non-PDFs, files cut short."""
    size = path.stat().st_size
    if size == 0:
        raise GongkaiError("corrupted", f"{path.name}: zero bytes")
    with path.open("rb") as fh:
        head = fh.read(1024)
        fh.seek(max(0, size - 65536))
        tail = fh.read()
    if b"%PDF-" not in head:
        raise GongkaiError("corrupted", f"{path.name}: no %PDF- header, not a PDF")
    if b"%%EOF" not in tail:
        # pdfminer would rebuild a missing xref and return whatever pages survive: a silent partial text.
        raise GongkaiError("corrupted", f"{path.name}: ends without %%EOF, the file is truncated")


def _open_error(e: PdfminerException, path: Path) -> GongkaiError:
    cause = e.args[0] if e.args else e
    if isinstance(cause, PDFPasswordIncorrect):
        return GongkaiError("encrypted", f"{path.name}: a user password is required to open it")
    return GongkaiError("corrupted", f"{path.name}: {type(cause).__name__}: {cause}")


def _metadata(pdf) -> dict:
    try:
        info = pdf.metadata or {}
    except Exception as e:  # a broken Info dictionary costs the metadata, not the text
        log.info("unreadable PDF Info dictionary: %s", e)
        info = {}
    meta = {
        "title": _meaningful_title(info.get("Title")),
        "producer": _text(info.get("Producer")) or None,
        "creator": _text(info.get("Creator")) or None,
    }
    if getattr(pdf.doc, "encryption", None):
        meta["encrypted_owner_only"] = True  # opened without a password: only an owner password is set
    return meta


def _pdfium_metadata(doc) -> dict:
    try:
        info = doc.get_metadata_dict(skip_empty=True)
    except Exception as e:  # a broken Info dictionary costs the metadata, not the text
        log.info("unreadable PDF Info dictionary: %s", e)
        info = {}
    meta = {
        "title": _meaningful_title(info.get("Title")),
        "producer": _text(info.get("Producer")) or None,
        "creator": _text(info.get("Creator")) or None,
    }
    import pypdfium2.raw as pdfium_c

    if pdfium_c.FPDF_GetSecurityHandlerRevision(doc.raw) != -1:
        meta["encrypted_owner_only"] = True  # opened without a password: only an owner password is set
    return meta


def _text(value) -> str:
    if isinstance(value, bytes):
        for encoding in ("utf-8", "gb18030"):
            try:
                return value.decode(encoding).strip()
            except UnicodeDecodeError:
                pass
        return ""
    return str(value).strip() if value is not None else ""


def _meaningful_title(value) -> str | None:
    """The Info title unless it is empty, a file name, a word processor default, or one character."""
    title = _text(value)
    title = re.sub(r"^microsoft (word|excel|powerpoint) - ", "", title, flags=re.I)
    title = re.sub(r"\.(docx?|wps|xlsx?|pdf|txt|rtf|ofd)$", "", title, flags=re.I).strip()
    if len(title) < 2 or _GENERIC_TITLES.match(title) or pdf_layout.looks_like_mojibake(title):
        return None
    return title


# ------------------------------------------------------------------------------------------- garbage


def _looks_scanned(lines: list, images: list[dict], curves: int, page_area: float) -> bool:
    """No text layer but something drawn: an image (a scan) or many curves (text converted to outlines)."""
    visible = sum(len(re.sub(r"\s+", "", line.text)) for line in lines)
    if visible == 0:
        return bool(images) or curves >= OUTLINED_TEXT_MIN_CURVES
    covered = sum((im["x1"] - im["x0"]) * (im["bottom"] - im["top"]) for im in images)
    return visible < SCANNED_TEXT_MAX and covered >= 0.5 * page_area


def _repair_garbage(path: Path, page: Page, settings, warnings: list[Notice], scores: list) -> None:
    count, ratio = pdf_layout.cid_ratio(page.text)
    if count and ratio < MOSTLY_CID:
        page.text = pdf_layout.replace_cid(page.text)
        warnings.append(Notice("cid_placeholders",
                               f"{count} glyph(s) without a Unicode mapping shown as U+FFFD ({ratio:.1%})", page.number))
    elif count:
        _replace_cid_page(path, page, ratio, settings, warnings, scores)

    if pdf_layout.looks_like_mojibake(page.text):
        # UTF-8 first: GBK decodes almost any pair of bytes, UTF-8 bytes included, into Chinese-looking nonsense.
        fixed = repair.repair_mojibake(page.text)
        utf8 = fixed is not None and fixed[1] == "utf-8"
        repaired = fixed[0] if utf8 else pdf_layout.repair_mojibake(page.text)
        alternative = "" if repaired is not None else _pdfium_text(path, page.number - 1)
        if repaired is not None:
            page.text = repaired
            warnings.append(Notice("mojibake_repaired", f"{'UTF-8' if utf8 else 'GBK'} text read as Latin-1 "
                                   "decoded back to Chinese", page.number))
        elif (pdf_layout.plausible_text(alternative) and pdf_layout.cjk_share(alternative) >= 0.5
              and not pdf_layout.looks_like_mojibake(alternative)):
            page.text = alternative
            warnings.append(Notice("mojibake_repaired", "GBK text read as Latin-1; page text taken from pypdfium2, "
                                   "which decodes the font's encoding", page.number))
        else:
            share = pdf_layout.latin1_share(page.text)[1]
            warnings.append(Notice("mojibake", f"{share:.0%} of characters look like Chinese bytes read as Latin-1; "
                                               "no reliable repair, text left as found", page.number))


def _replace_cid_page(path: Path, page: Page, ratio: float, settings, warnings: list[Notice], scores: list) -> None:
    """A page that is mostly unmapped glyphs: try pdfium's text, then OCR, else keep and say so."""
    alternative = _pdfium_text(path, page.number - 1)
    if pdf_layout.plausible_text(alternative):
        page.text = alternative
        warnings.append(Notice("cid_garbage_reextracted",
                               f"{ratio:.0%} unmapped glyphs; text taken from pypdfium2", page.number))
        return
    if settings.ocr_enabled and ocr.missing_languages(settings.ocr_language) == []:
        text, mark = ocr.ocr_pdf_page(path, page.number - 1, settings, scores)
        _note_recovered_mark(mark, page.number, warnings)
        if text.strip():
            page.text, page.ocr = text, True
            warnings.append(Notice("cid_garbage_ocr", f"{ratio:.0%} unmapped glyphs; page text taken from OCR",
                                   page.number))
            return
    page.text = pdf_layout.replace_cid(page.text)
    warnings.append(Notice("cid_garbage", f"{ratio:.0%} of the page's glyphs have no Unicode mapping and "
                                          "no repair worked; shown as U+FFFD", page.number))


def _pdfium_text(path: Path, index: int) -> str:
    import pypdfium2

    try:
        pdf = pypdfium2.PdfDocument(str(path))
        try:
            text = pdf[index].get_textpage().get_text_range()
        finally:
            pdf.close()
    except Exception as e:  # pdfium refusing the file is not worse than having no alternative
        log.info("pypdfium2 could not read page %d of %s: %s", index + 1, path, e)
        return ""
    return pdf_layout.squeeze_cjk_spaces(text.replace("\r\n", "\n"))


def _ocr_scanned_page(path: Path, page: Page, settings, warnings: list[Notice], scores: list) -> None:
    if not settings.ocr_enabled:
        warnings.append(Notice("ocr_skipped", "page has no text layer; OCR is disabled (ocr_enabled)", page.number))
        return
    ocr.ensure_available(settings.ocr_language)  # raises ocr_unavailable
    text, mark = ocr.ocr_pdf_page(path, page.number - 1, settings, scores)
    _note_recovered_mark(mark, page.number, warnings)
    # A few chars in the text layer of a scan (a stamped mark, a page number) are kept, first.
    page.text = "\n".join(t for t in (page.text.strip(), text) if t)
    page.ocr = True
    warnings.append(Notice("ocr_used", f"no text layer; OCR ({settings.ocr_language}, {settings.ocr_dpi} dpi)",
                           page.number))


def _note_recovered_mark(mark: str | None, number: int, warnings: list[Notice]) -> None:
    if mark:
        warnings.append(Notice("ocr_secrecy_mark_recovered",
                               f"OCR of the whole page missed the secrecy mark; a second pass on the top of the "
                               f"page read {mark!r}: check it on the scan", number))


def _collapse(warnings: list[Notice]) -> list[Notice]:
    """One Notice per code when it concerns many pages: a 30-page report should not list 30 alike."""
    by_code: dict[str, list[Notice]] = defaultdict(list)
    for w in warnings:
        by_code[w.code].append(w)
    out: list[Notice] = []
    for code, notices in by_code.items():
        if len(notices) <= 3:
            out.extend(notices)
        else:
            pages = ", ".join(str(n.page) for n in notices)
            out.append(Notice(code, f"{notices[0].message} (and similar) on {len(notices)} pages: {pages}", None))
    return out
