"""OFD (GB/T 33190): the text of each page, in reading order.

Package structure: OFD.xml → DocBody/DocRoot → Document.xml → Pages/Page@BaseLoc → Content.xml,
whose TextObjects (Boundary "x y w h" on the page, in mm) hold TextCodes positioned by X/Y inside
that box (Y is the baseline). Producers write objects in any order, often one per character, so
codes are sorted top-to-bottom, grouped into lines by baseline, and each line read left-to-right.
Text of a page's template pages (running headers) and of its annotations (watermarks, stamps)
joins the page's own text: a secrecy mark can sit in either. Elements are matched by local name:
files in the wild use the standard namespace with any prefix, a default namespace, or none.
DocInfo (title, author, creator …) goes to metadata; title/subject/abstract/keywords are also
appended to the last page as `【文档属性·标题】…` lines, because rules read only text.
"""
from __future__ import annotations

import logging
import posixpath
import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from gongkai.documents import Notice, Page, RawExtraction
from gongkai.errors import GongkaiError
from gongkai.extract.docx import CELL_SEPARATOR
from gongkai.settings import Settings

log = logging.getLogger(__name__)

# DocInfo fields appended to the text (rules read text only; a secrecy mark can sit in a title).
TEXT_PROPERTIES = {"标题": "Title", "主题": "Subject", "摘要": "Abstract", "关键词": "Keywords"}
_DOCINFO_FIELDS = ("Title", "Author", "Subject", "Abstract", "CreationDate", "ModDate", "Creator",
                   "CreatorVersion", "DocUsage")
_DEFAULT_FONT_MM = 3.5  # about 10 pt, when a TextObject gives no Size
_MAX_XML_BYTES_PER_TEXT_MB = 20  # zip-bomb guard, as for DOCX


@dataclass
class _Code:
    x: float  # left edge on the page
    y: float  # baseline on the page
    end: float  # estimated right edge
    size: float
    text: str


def extract(path: Path, settings: Settings) -> RawExtraction:
    path = Path(path)
    try:
        with zipfile.ZipFile(path) as zf:
            xml_bytes = sum(i.file_size for i in zf.infolist() if i.filename.lower().endswith(".xml"))
            if xml_bytes > settings.max_text_mb * _MAX_XML_BYTES_PER_TEXT_MB * 1024 * 1024:
                raise GongkaiError("too_large", f"{path.name}: {xml_bytes} bytes of XML once unpacked")
            return _OfdReader(zf, path.name).read()
    except zipfile.BadZipFile as exc:
        raise GongkaiError("corrupted", f"{path.name}: not a complete zip package ({exc})") from None
    except etree.XMLSyntaxError as exc:
        raise GongkaiError("corrupted", f"{path.name}: XML error: {exc}") from None


class _OfdReader:
    def __init__(self, zf: zipfile.ZipFile, name: str):
        self.zf = zf
        self.name = name
        # Part names are case-insensitive in practice (Windows producers); map lower → actual.
        self.members = {info.filename.lower().lstrip("/"): info.filename for info in zf.infolist()}
        self.warnings: list[Notice] = []

    def read(self) -> RawExtraction:
        root = self._xml("OFD.xml", required=True)
        bodies = _children(root, "DocBody")
        if not bodies:
            raise GongkaiError("corrupted", f"{self.name}: OFD.xml has no DocBody")
        pages: list[Page] = []
        metadata: dict = {"ocr": False}
        for body in bodies:
            doc_root = _child_text(body, "DocRoot")
            if not doc_root:
                raise GongkaiError("corrupted", f"{self.name}: DocBody without DocRoot")
            if "properties" not in metadata:
                metadata["properties"] = _docinfo(body)
            for text in self._document(_resolve("", doc_root)):
                pages.append(Page(number=len(pages) + 1, text=text))

        properties = metadata["properties"]
        if properties.get("Title"):
            metadata["title"] = properties["Title"]
        if properties.get("Creator"):
            metadata["producer"] = " ".join(filter(None, (properties["Creator"], properties.get("CreatorVersion"))))
        property_lines = [f"【文档属性·{label}】{properties[key]}" for label, key in TEXT_PROPERTIES.items() if properties.get(key)]
        if not any(p.text.strip() for p in pages):
            if not property_lines:
                raise GongkaiError("no_text", f"{self.name}: no text objects (scanned pages are not read from OFD)")
            self.warnings.append(Notice("no_body_text", "页面没有文字，只有文档属性 / the pages have no text, only document properties"))
        if property_lines:
            if not pages:
                pages.append(Page(number=1, text=""))
            last = pages[-1]
            last.text = "\n".join(filter(None, [last.text, *property_lines]))
        return RawExtraction(pages=pages, metadata=metadata, warnings=self.warnings)

    def _document(self, document_path: str) -> list[str]:
        document = self._xml(document_path, required=True)
        base = posixpath.dirname(document_path)
        templates = {}
        for common in _children(document, "CommonData"):
            for template in _children(common, "TemplatePage"):
                if template.get("ID") and template.get("BaseLoc"):
                    templates[template.get("ID")] = _resolve(base, template.get("BaseLoc"))
        annotations = self._annotations(document, base)
        texts = []
        for pages in _children(document, "Pages"):
            for number, page in enumerate(_children(pages, "Page"), start=1):
                location = page.get("BaseLoc") or _child_text(page, "BaseLoc")  # attribute per spec; element seen too
                if not location:
                    raise GongkaiError("corrupted", f"{self.name}: page {number} has no BaseLoc")
                content_path = _resolve(base, location)
                content = self._xml(content_path, required=False)
                if content is None:  # some producers write BaseLoc from the package root without "/"
                    content_path = _resolve("", location)
                    content = self._xml(content_path, required=False)
                if content is None:
                    self.warnings.append(Notice("page_missing", f"页面内容缺失 / page content {content_path} missing", page=number))
                    texts.append("")
                    continue
                codes = list(_codes(content))
                for ref in _children(content, "Template"):  # running headers/marks may live in a template
                    template_path = templates.get(ref.get("TemplateID"))
                    template = self._xml(template_path, required=False) if template_path else None
                    if template is not None:
                        codes.extend(_codes(template))
                codes.extend(annotations.get(page.get("ID"), []))
                texts.append(_layout(codes))
        return texts

    def _annotations(self, document, base: str) -> dict[str, list[_Code]]:
        """Text of page annotations (watermarks, stamps, notes: a secrecy mark can be one), by page ID."""
        found: dict[str, list[_Code]] = {}
        for location in filter(None, (_child_text(document, "Annotations"),)):
            index_path = _resolve(base, location)
            index = self._xml(index_path, required=False)
            if index is None:
                self.warnings.append(Notice("annotations_missing", f"注释索引缺失 / annotation index {index_path} missing"))
                continue
            for page in _children(index, "Page"):
                file_location = _child_text(page, "FileLoc")
                annot = self._xml(_resolve(posixpath.dirname(index_path), file_location), required=False) if file_location else None
                if annot is None:
                    continue
                codes = found.setdefault(page.get("PageID", ""), [])
                for appearance in annot.iter():
                    if _local(appearance) == "Appearance":
                        box = _numbers(appearance.get("Boundary"))
                        dx, dy = (box[0], box[1]) if len(box) >= 2 else (0.0, 0.0)
                        for code in _codes(appearance):
                            codes.append(_Code(code.x + dx, code.y + dy, code.end + dx, code.size, code.text))
        return found

    def _xml(self, part: str, *, required: bool):
        actual = self.members.get(part.lower().lstrip("/"))
        if actual is None:
            if required:
                raise GongkaiError("corrupted", f"{self.name}: part {part} is missing")
            return None
        parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_comments=True)
        return etree.fromstring(self.zf.read(actual), parser)


def _local(el) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def _children(el, name: str) -> list:
    return [c for c in el if _local(c) == name]


def _child_text(el, name: str) -> str | None:
    for child in _children(el, name):
        return (child.text or "").strip()
    return None


def _resolve(base: str, location: str) -> str:
    """BaseLoc is relative to the referring part, or absolute from the package root when it starts with /."""
    location = location.strip().replace("\\", "/")
    if location.startswith("/"):
        return posixpath.normpath(location.lstrip("/"))
    return posixpath.normpath(posixpath.join(base, location))


def _docinfo(body) -> dict:
    info: dict = {}
    for docinfo in _children(body, "DocInfo"):
        for field in _DOCINFO_FIELDS:
            value = _child_text(docinfo, field)
            if value:
                info[field] = value
        keywords = [(k.text or "").strip() for ks in _children(docinfo, "Keywords") for k in _children(ks, "Keyword")]
        if any(keywords):
            info["Keywords"] = ";".join(k for k in keywords if k)
    return info


def _numbers(value: str | None) -> list[float]:
    try:
        return [float(v) for v in (value or "").split()]
    except ValueError:
        return []


def _advances(delta: str | None, count: int, size: float) -> list[float]:
    """Expand DeltaX ("g N d" repeats d N times) to one advance per gap; missing ones are the font size."""
    tokens = (delta or "").split()
    advances: list[float] = []
    i = 0
    try:
        while i < len(tokens):
            if tokens[i] == "g" and i + 2 < len(tokens):
                advances += [float(tokens[i + 2])] * int(tokens[i + 1])
                i += 3
            else:
                advances.append(float(tokens[i]))
                i += 1
    except ValueError:
        advances = []
    advances += [size] * max(0, count - 1 - len(advances))
    return advances[: max(0, count - 1)]


def _codes(root):
    for obj in root.iter():
        if _local(obj) != "TextObject":
            continue
        box = _numbers(obj.get("Boundary"))
        bx, by = (box[0], box[1]) if len(box) >= 2 else (0.0, 0.0)
        size = (_numbers(obj.get("Size")) or [_DEFAULT_FONT_MM])[0] or _DEFAULT_FONT_MM
        # CTM "a b c d e f" maps object space into the Boundary box (producers use it to flip or scale).
        ctm = _numbers(obj.get("CTM"))
        a, b, c, d, e, f = ctm if len(ctm) == 6 else (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
        scale = abs(a * d - b * c) ** 0.5 or 1.0
        x = y = 0.0
        for code in _children(obj, "TextCode"):
            text = code.text or ""
            # A TextCode without X/Y continues where the previous one was placed.
            x = (_numbers(code.get("X")) or [x])[0]
            y = (_numbers(code.get("Y")) or [y])[0]
            if not text.strip():
                continue
            advance = sum(_advances(code.get("DeltaX"), len(text), size)) + size
            left, top = a * x + c * y + e, b * x + d * y + f
            right = a * (x + advance) + c * y + e
            yield _Code(x=bx + min(left, right), y=by + top, end=bx + max(left, right), size=size * scale, text=text)


def _layout(codes: list[_Code]) -> str:
    """Top-to-bottom lines by baseline, each left-to-right; a wide horizontal gap becomes CELL_SEPARATOR."""
    lines: list[list[_Code]] = []
    for code in sorted(codes, key=lambda c: (c.y, c.x)):
        if lines and abs(code.y - lines[-1][0].y) <= 0.4 * max(code.size, lines[-1][0].size):
            lines[-1].append(code)
        else:
            lines.append([code])
    out = []
    for line in lines:
        pieces: list[str] = []
        previous: _Code | None = None
        for code in sorted(line, key=lambda c: c.x):
            if previous is not None and code.x - previous.end > 1.5 * code.size:
                pieces.append(CELL_SEPARATOR)
            pieces.append(code.text)
            previous = code
        out.append("".join(pieces))
    return "\n".join(out)
