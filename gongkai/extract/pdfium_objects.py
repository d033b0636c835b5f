"""A page's chars, rulings and images read with pypdfium2, in pdfplumber's shape (issue 13).

pdfplumber parses every content stream in Python (~25 ms a page here); pdfium does it in C (~0.5 ms).
This module turns pdfium's text page and page objects into the same dicts pdfplumber's `page.objects`
gives — `char` with text/x0/x1/top/bottom/size, `line`, `rect`, `curve`, `image` with x0/x1/top/bottom —
so that one layout code (pdf_layout.build_lines, vertical_edges) serves both readers and the text the
model sees does not depend on which reader ran.

How the numbers are made to agree with pdfminer's:
- a char's box is its advance box: left/right and bottom from pdfium's loose box (font advance and
  descent, like pdfminer), top = bottom − size, where size is the font size times the vertical scale
  of the char's matrix (pdfminer's LTChar height);
- chars pdfium generates itself (spaces and line ends it infers) are skipped: pdfminer has none;
- paths are split into subpaths at each move, and a subpath is a `line` (one segment), a `rect` (four
  axis-parallel segments, closed) or a `curve` (anything else), as pdfminer's paint_path decides.

What pdfium cannot tell as pdfminer does — a glyph without a Unicode mapping, which pdfminer shows as
(cid:N) — is reported per page in `unmapped`, and pdf.py then reads that page with pdfplumber.
"""
from __future__ import annotations

import ctypes
import math

import pypdfium2
import pypdfium2.raw as pdfium_c
import pypdfium2_raw.bindings as _bindings  # the library handle, for one function with a plain-int result

_TEXT, _PATH, _IMAGE, _FORM = (pdfium_c.FPDF_PAGEOBJ_TEXT, pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_IMAGE,
                               pdfium_c.FPDF_PAGEOBJ_FORM)
_LINETO, _MOVETO = pdfium_c.FPDF_SEGMENT_LINETO, pdfium_c.FPDF_SEGMENT_MOVETO
_MAX_FORM_DEPTH = 15
_EPS = 0.01  # pdfium stores coordinates as 32-bit floats: "equal" within a hundredth of a point


class PageObjects(dict):
    """pdfplumber-shaped objects of one page, plus what pdfium tells about its own text processing:
    `unmapped` glyphs (no Unicode mapping) and `dropped` text objects (left out of pdfium's text:
    overprinted duplicates, runs of spaces) — where pdfminer would see something else."""

    unmapped: int = 0
    dropped: int = 0
    rotated: bool = False  # /Rotate set: pdfminer reads such a page unrotated, pdfium partly rotated
    collapsed: int = 0  # spaces followed by a gap wider than themselves: pdfium merged a run of spaces


def open_document(path) -> pypdfium2.PdfDocument:
    return pypdfium2.PdfDocument(str(path))


def page_objects(page: pypdfium2.PdfPage) -> PageObjects:
    """Chars, lines, rects, curves and images of `page`, in pdfplumber's coordinates (top-down)."""
    left, bottom, right, top = page.get_mediabox()  # pdfplumber measures `top` from the media box too
    objects = PageObjects(char=[], line=[], rect=[], curve=[], image=[])
    objects.rotated = page.get_rotation() % 360 != 0
    if objects.rotated:
        return objects
    textpage = page.get_textpage()
    try:
        chars, objects.unmapped, used, space_widths = _chars(textpage.raw, top)
        text_objects: list = []
        _graphics(page.raw, top, objects, pdfium_c.FPDFPage_CountObjects, pdfium_c.FPDFPage_GetObject,
                  (1.0, 0.0, 0.0, 1.0, 0.0, 0.0), 0, text_objects)
    finally:
        textpage.close()
    blanks = []
    for address, obj, ctm in text_objects:
        if address in used:
            continue
        blank = _blank_space(obj, ctm, top, space_widths)
        if blank is None:
            objects.dropped += 1  # a glyph pdfium left out: an overprinted duplicate, as a rule
        else:
            blanks.append(blank)
    objects["char"] = _fill_collapsed_spaces(chars, blanks, objects) + blanks
    return objects


def page_size(page: pypdfium2.PdfPage) -> tuple[float, float]:
    left, bottom, right, top = page.get_mediabox()
    return right - left, top - bottom


# ---------------------------------------------------------------------------------------------- chars


# The text object of a char as a plain address (an int): a set of them is kept per page, and ctypes
# pointer objects would have to be cast one by one.
_object_address = _bindings._libs["pdfium"]["FPDFText_GetTextObject"]
_object_address.argtypes = pdfium_c.FPDFText_GetTextObject.argtypes
_object_address.restype = ctypes.c_void_p
_font_address = _bindings._libs["pdfium"]["FPDFTextObj_GetFont"]  # the same, taking and giving addresses
_font_address.argtypes = (ctypes.c_void_p,)
_font_address.restype = ctypes.c_void_p
_get_descent = _bindings._libs["pdfium"]["FPDFFont_GetDescent"]
_get_descent.argtypes = (ctypes.c_void_p, ctypes.c_float, ctypes.POINTER(ctypes.c_float))
_WHITESPACE_OR_MARKER = {0x20, 0x0D, 0x0A, 0x02, 0x2D}  # what pdfium may insert itself (IsGenerated)


def _page_text(textpage, count: int) -> str | None:
    """All chars' Unicode at once (one call instead of one per char); None when the UTF-16 units do not
    map one to one onto char indexes (characters beyond the BMP)."""
    buffer = (ctypes.c_ushort * (count + 1))()
    written = pdfium_c.FPDFText_GetText(textpage, 0, count, buffer)
    units = bytes(buffer)[: max(written - 1, 0) * 2]
    text = units.decode("utf-16-le", "surrogatepass")
    if len(text) != count or any(0xD800 <= ord(c) <= 0xDFFF for c in text if c > "\ud7ff"):
        return None
    return text


def _chars(textpage, page_top: float) -> tuple[list[dict], int, set[int], dict]:
    """The page's chars, one pass; per text object (size, descent) are looked up once, since every char
    of an object shares its font and matrix."""
    count = pdfium_c.FPDFText_CountChars(textpage)
    chars: list[dict] = []
    unmapped = 0
    box = pdfium_c.FS_RECTF()
    matrix = pdfium_c.FS_MATRIX()
    get_unicode, is_generated = pdfium_c.FPDFText_GetUnicode, pdfium_c.FPDFText_IsGenerated
    map_error, loose_box = pdfium_c.FPDFText_HasUnicodeMapError, pdfium_c.FPDFText_GetLooseCharBox
    font_size, char_matrix = pdfium_c.FPDFText_GetFontSize, pdfium_c.FPDFText_GetMatrix
    origin = pdfium_c.FPDFText_GetCharOrigin
    ox, oy = ctypes.c_double(), ctypes.c_double()
    text = _page_text(textpage, count) if count else ""
    per_object: dict[int, tuple[float, float]] = {}  # address -> (size, descent at that size)
    descents: dict = {}
    space_widths: dict = {}  # font address -> width of a space per point of size, from spaces pdfium kept
    pending_high = None  # a UTF-16 high surrogate waiting for its pair (characters beyond the BMP)
    for i in range(count):
        code = ord(text[i]) if text is not None else get_unicode(textpage, i)
        if code in _WHITESPACE_OR_MARKER and is_generated(textpage, i) == 1:
            continue
        if 0xD800 <= code <= 0xDBFF:
            pending_high = code
            continue
        if 0xDC00 <= code <= 0xDFFF and pending_high is not None:
            code = 0x10000 + ((pending_high - 0xD800) << 10) + (code - 0xDC00)
        pending_high = None
        address = _object_address(textpage, i)
        if map_error(textpage, i) == 1 or code == 0 or code == 0xFFFE:
            unmapped += 1
        if code in (0, 0xFFFE, 0x0D, 0x0A, 0x02):
            # 0x2 is pdfium's soft hyphen marker; CR/LF inside a text object are not glyphs
            per_object.setdefault(address, (0.0, 0.0))
            continue
        if not loose_box(textpage, i, box):
            continue
        known = per_object.get(address)
        if known is None or known == (0.0, 0.0):
            scale = math.hypot(matrix.c, matrix.d) or 1.0 if char_matrix(textpage, i, matrix) else 1.0
            size = font_size(textpage, i) * scale
            known = per_object[address] = (size, _descent(address, size, descents))
        size, descent = known
        # The bottom from the baseline and the font's descent, as pdfminer computes it: pdfium's loose box
        # bottom follows the glyph's own outline for some fonts, which splits lines pdfminer keeps whole.
        baseline = oy.value + descent if origin(textpage, i, ox, oy) else box.bottom
        y_bottom = page_top - baseline
        chars.append({"text": chr(code), "x0": box.left, "x1": box.right, "top": y_bottom - size,
                      "bottom": y_bottom, "size": size})
        if code == 0x20 and size > 0 and address:
            space_widths.setdefault(_font_address(address) or 0, (box.right - box.left) / size)
    return chars, unmapped, set(per_object), space_widths


def _font_key(text_obj) -> int:
    return _font_address(ctypes.cast(text_obj, ctypes.c_void_p).value) or 0


BLANK_EM = 0.5  # width of a space, in font sizes, when no space of the font was kept: half-width, as CJK fonts draw it


def _blank_space(obj, ctm, page_top: float, space_widths: dict) -> dict | None:
    """A text object pdfium left out of its text because it draws nothing (a space): the space char
    pdfminer sees there, at the object's origin. None when the object draws something (a duplicate)."""
    l, b, r, t = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    if not pdfium_c.FPDFPageObj_GetBounds(obj, l, b, r, t) or r.value - l.value > _EPS:
        return None
    matrix = _multiply(_object_matrix(obj), ctm)
    font_size = ctypes.c_float()
    if not pdfium_c.FPDFTextObj_GetFontSize(obj, font_size):
        return None
    size = font_size.value * (math.hypot(matrix[2], matrix[3]) or 1.0)
    x, y = matrix[4], matrix[5]
    width = space_widths.get(_font_key(obj), BLANK_EM) * size
    bottom = page_top - (y + _descent(ctypes.cast(obj, ctypes.c_void_p).value, size, {}))
    return {"text": " ", "x0": x, "x1": x + width, "top": bottom - size, "bottom": bottom, "size": size}


def _fill_collapsed_spaces(chars: list[dict], blanks: list[dict], objects: PageObjects) -> list[dict]:
    """pdfium keeps one space of a run; pdfminer keeps them all, and the layout reads the gap the
    others leave as a table cell. A gap after a space that holds a whole number of such spaces is
    filled with them; any other gap after a space is counted in `collapsed` (the page then goes to
    pdfminer)."""
    out: list[dict] = []
    for a, b in zip(chars, chars[1:] + [None]):
        out.append(a)
        if b is None or not a["text"].isspace() or abs(a["bottom"] - b["bottom"]) >= 1:
            continue
        width = a["x1"] - a["x0"]
        gap = b["x0"] - a["x1"]
        if gap <= max(width, 0.5) * 0.5 or width <= 0:
            continue
        if any(abs(k["bottom"] - a["bottom"]) < 1 and a["x1"] - _EPS <= k["x0"] < b["x0"] for k in blanks):
            continue  # a space object pdfium left out stands in the gap: it is added as a char
        n = round(gap / width)
        if abs(gap - n * width) > 0.15 * width:
            objects.collapsed += 1
            continue
        out.extend({**a, "x0": a["x1"] + k * width, "x1": a["x1"] + (k + 1) * width} for k in range(n))
    return out


def _descent(text_obj: int | None, size: float, cache: dict) -> float:
    """The font's descent at `size` (negative: below the baseline); 0 when pdfium does not know it.
    `text_obj` is the text object's address; the descent per point is cached per font."""
    if not text_obj:
        return 0.0
    font = _font_address(text_obj)
    per_point = cache.get(font)
    if per_point is None:
        value = ctypes.c_float()
        per_point = value.value / 1000.0 if font and _get_descent(font, 1000.0, ctypes.byref(value)) else 0.0
        cache[font] = per_point
    return per_point * size


# ------------------------------------------------------------------------------------------- graphics


def _multiply(m, n):
    """m then n (PDF row-vector convention, as pdfminer's mult_matrix)."""
    a, b, c, d, e, f = m
    a1, b1, c1, d1, e1, f1 = n
    return (a * a1 + b * c1, a * b1 + b * d1, c * a1 + d * c1, c * b1 + d * d1,
            e * a1 + f * c1 + e1, e * b1 + f * d1 + f1)


def _object_matrix(obj):
    m = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(obj, m):
        return (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _graphics(parent, page_top: float, objects: PageObjects, count_fn, get_fn, ctm, depth: int,
              text_objects: list) -> None:
    for i in range(count_fn(parent)):
        obj = get_fn(parent, i)
        if not obj:
            continue
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == _TEXT:
            text_objects.append((ctypes.cast(obj, ctypes.c_void_p).value, obj, ctm))
        elif kind == _PATH:
            _path(obj, _multiply(_object_matrix(obj), ctm), page_top, objects)
        elif kind == _IMAGE:
            x0, y0, x1, y1 = _bounds(obj, ctm)
            objects["image"].append({"x0": x0, "x1": x1, "top": page_top - y1, "bottom": page_top - y0})
        elif kind == _FORM and depth < _MAX_FORM_DEPTH:
            _graphics(obj, page_top, objects, pdfium_c.FPDFFormObj_CountObjects, pdfium_c.FPDFFormObj_GetObject,
                      _multiply(_object_matrix(obj), ctm), depth + 1, text_objects)


def _bounds(obj, ctm) -> tuple[float, float, float, float]:
    """Bounds of an object, mapped through the matrices of the forms that contain it."""
    l, b, r, t = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    pdfium_c.FPDFPageObj_GetBounds(obj, l, b, r, t)
    corners = [_apply(ctm, x, y) for x in (l.value, r.value) for y in (b.value, t.value)]
    xs, ys = [p[0] for p in corners], [p[1] for p in corners]
    return min(xs), min(ys), max(xs), max(ys)


def _apply(m, x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = m
    return a * x + c * y + e, b * x + d * y + f


def _path(obj, matrix, page_top: float, objects: PageObjects) -> None:
    """Split a path into subpaths at each move and classify each like pdfminer's paint_path."""
    fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
    if pdfium_c.FPDFPath_GetDrawMode(obj, fill_mode, stroke) and not fill_mode.value and not stroke.value:
        return  # neither filled nor stroked (a clip): pdfminer does not see it either
    x, y = ctypes.c_float(), ctypes.c_float()
    subpaths: list[list[tuple[int, float, float, bool]]] = []
    for i in range(pdfium_c.FPDFPath_CountSegments(obj)):
        seg = pdfium_c.FPDFPath_GetPathSegment(obj, i)
        if not seg or not pdfium_c.FPDFPathSegment_GetPoint(seg, x, y):
            continue
        kind = pdfium_c.FPDFPathSegment_GetType(seg)
        px, py = _apply(matrix, x.value, y.value)
        point = (kind, px, py, bool(pdfium_c.FPDFPathSegment_GetClose(seg)))
        if kind == _MOVETO or not subpaths:
            subpaths.append([point])
        else:
            subpaths[-1].append(point)
    for sub in subpaths:
        _classify(sub, page_top, objects)


def _same(p, q) -> bool:
    return abs(p[0] - q[0]) <= _EPS and abs(p[1] - q[1]) <= _EPS


def _classify(sub, page_top: float, objects: PageObjects) -> None:
    pts = [(px, py) for _, px, py, _ in sub]
    curved = any(kind not in (_LINETO, _MOVETO) for kind, *_ in sub[1:])
    if sub[-1][3] and len(pts) > 1 and not _same(pts[-1], pts[0]):
        pts.append(pts[0])  # a closed subpath ends where it began (pdfminer's "h")
    if len(pts) > 3 and _same(pts[-1], pts[0]) and _same(pts[-2], pts[0]):
        pts.pop()
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    shape = {"x0": min(xs), "x1": max(xs), "top": page_top - max(ys), "bottom": page_top - min(ys)}
    if not curved and (len(pts) == 2 or (len(pts) == 3 and _same(pts[2], pts[0]))):
        objects["line"].append(shape)
    elif not curved and len(pts) == 5 and _same(pts[4], pts[0]) and _axis_parallel(pts):
        objects["rect"].append(shape)
    elif len(pts) > 1:
        objects["curve"].append(shape)


def _axis_parallel(pts) -> bool:
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = pts[:4]
    eq = lambda a, b: abs(a - b) <= _EPS  # noqa: E731
    return (eq(x0, x1) and eq(y1, y2) and eq(x2, x3) and eq(y3, y0)) or (
        eq(y0, y1) and eq(x1, x2) and eq(y2, y3) and eq(x3, x0))
