"""DOCX: everything a reader can see, and the places a secrecy mark can hide.

python-docx opens the package and gives the core properties; the body, headers, notes and comments are walked
on the XML because python-docx's paragraph text skips runs inside tracked insertions (w:ins) and
knows nothing of text boxes. Output order: headers, body (paragraphs, tables, text boxes in
document order), footers, footnotes/endnotes, comments, then the document properties as lines.
"""
from __future__ import annotations

import logging
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from gongkai.documents import Notice, Page, RawExtraction
from gongkai.errors import GongkaiError
from gongkai.settings import Settings

log = logging.getLogger(__name__)

# Table cells of one row are joined with this; a row is one line. The same value as the PDF path
# (gongkai.extract.pdf_layout.CELL_SEPARATOR; a test keeps them equal) and as HTML and OFD tables:
# unlike a run of spaces, it survives normalisation between Chinese cells.
CELL_SEPARATOR = " | "

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_MAX_XML_BYTES_PER_TEXT_MB = 20  # zip-bomb guard: uncompressed XML may be 20× the text-size limit

# Property label in the text → python-docx core-properties attribute. Only these are appended to
# the text (rules read text only); author and dates go to metadata alone.
TEXT_PROPERTIES = {
    "标题": "title",
    "主题": "subject",
    "关键词": "keywords",
    "备注": "comments",
    "类别": "category",
}
# Custom properties that go into the text as well as metadata: Chinese names or values (密级, 保密期限,
# 公开属性 …) and classification labels; technical ones (KSOProductBuildVer, ICV, …) stay metadata only.
_TELLING_CUSTOM_PROPERTY = re.compile(r"[\u4e00-\u9fff]|classif|secre|confiden|sensitiv|MSIP_Label_.*_Name", re.IGNORECASE)
_METADATA_PROPERTIES = ("title", "subject", "keywords", "comments", "category", "author",
                        "last_modified_by", "created", "modified")


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


_SKIPPED = {_w("del"), _w("moveFrom"), _w("pPr"), _w("rPr"), _w("instrText"), _w("delText"),
            f"{{{MC}}}Fallback"}  # Fallback repeats the mc:Choice content (e.g. VML copy of a text box)
_BREAKS = {_w("br"), _w("cr")}


def extract(path: Path, settings: Settings) -> RawExtraction:
    path = Path(path)
    _refuse_ole(path)
    _guard_zip(path, settings)
    document = _open(path)
    try:
        return _extract(document)
    except etree.XMLSyntaxError as exc:
        raise GongkaiError("corrupted", f"{path.name}: XML error: {exc}") from None


def _refuse_ole(path: Path) -> None:
    """An OLE compound file is either an encrypted OOXML document or an old binary .doc."""
    with path.open("rb") as fh:
        head = fh.read(len(OLE_MAGIC))
    if head != OLE_MAGIC:
        return
    # Encrypted OOXML keeps its streams "EncryptionInfo" and "EncryptedPackage" in the OLE directory.
    if "EncryptionInfo".encode("utf-16-le") in path.read_bytes():
        raise GongkaiError("encrypted", f"{path.name}: password-protected Word document")
    raise GongkaiError("unsupported_type", f"{path.name}: old binary Word (.doc) or other OLE file; save it as DOCX")


def _guard_zip(path: Path, settings: Settings) -> None:
    try:
        with zipfile.ZipFile(path) as zf:
            xml_bytes = sum(i.file_size for i in zf.infolist() if i.filename.endswith((".xml", ".rels")))
    except zipfile.BadZipFile as exc:
        raise GongkaiError("corrupted", f"{path.name}: not a complete zip package ({exc})") from None
    limit = settings.max_text_mb * _MAX_XML_BYTES_PER_TEXT_MB * 1024 * 1024
    if xml_bytes > limit:
        raise GongkaiError("too_large", f"{path.name}: {xml_bytes} bytes of XML once unpacked")


def _open(path: Path):
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        return docx.Document(str(path))
    except ValueError as exc:  # python-docx: "file ... is not a Word file, content type is ..."
        raise GongkaiError("unsupported_type", f"{path.name}: {exc}") from None
    except PackageNotFoundError as exc:
        raise GongkaiError("corrupted", f"{path.name}: not a Word document package ({exc})") from None
    except Exception as exc:  # noqa: BLE001 - whatever python-docx trips over while loading is the package's damage
        # (KeyError for a missing part, XMLSyntaxError, AttributeError/TypeError on malformed .rels ...)
        raise GongkaiError("corrupted", f"{path.name}: damaged Word package ({type(exc).__name__}: {exc})") from None


def _extract(document) -> RawExtraction:
    part = document.part
    body = getattr(document.element, "body", None)
    if body is None:  # the main part's root is not w:document/w:body
        raise GongkaiError("corrupted", "word/document.xml has no document body")
    deleted_text = _deleted_text(body)
    deleted = sum(len(t) for t in deleted_text)

    headers, footers = _headers_and_footers(part, body)
    lines = headers + list(_block_lines(body)) + footers
    for rel_type in ("footnotes", "endnotes"):
        lines += _note_lines(part, rel_type)
    lines += _comment_lines(part)
    content_lines = [line for line in lines if line.strip()]

    warnings: list[Notice] = []
    try:
        properties = _properties(document)
    except (AttributeError, KeyError, ValueError) as exc:  # a damaged docProps/core.xml
        log.warning("document properties unreadable: %s", exc)
        properties = {}
        warnings.append(Notice("properties_unreadable", f"文档属性无法读取 / document properties unreadable ({exc})"))
    property_lines = [f"【文档属性·{label}】{properties[attr]}"
                      for label, attr in TEXT_PROPERTIES.items() if properties.get(attr)]
    custom = _custom_properties(part)
    property_lines += [f"【文档属性·{name}】{value}" for name, value in custom.items()
                       if _TELLING_CUSTOM_PROPERTY.search(f"{name} {value}")]

    if deleted:
        warnings.append(Notice("tracked_deletions",
                               f"修订中删除的 {deleted} 个字符未计入正文 / "
                               f"{deleted} character(s) of tracked deletions left out of the text"))
    if not content_lines:
        if not property_lines:
            raise GongkaiError("no_text", "the document has no text (images only?)")
        warnings.append(Notice("no_body_text", "正文没有文字，只有文档属性 / the body has no text, only document properties"))

    text = "\n".join(content_lines + property_lines)
    metadata = {"properties": properties, "ocr": False}
    if custom:
        metadata["custom_properties"] = custom
    if deleted_text:
        metadata["tracked_deletions"] = deleted_text
    if properties.get("title"):
        metadata["title"] = properties["title"]
    application = _application(part)
    if application:
        metadata["producer"] = application
    return RawExtraction(pages=[Page(number=1, text=text)], metadata=metadata, warnings=warnings)


# --- body ------------------------------------------------------------------------------------

def _block_lines(container) -> Iterator[str]:
    """Lines of a block container (body, cell, header, text box, note, comment) in document order."""
    for child in container:
        tag = child.tag
        if tag == _w("p"):
            yield from _paragraph_lines(child)
        elif tag == _w("tbl"):
            yield from _table_lines(child)
        elif tag in _SKIPPED or tag == _w("sectPr"):
            continue
        else:  # w:sdt/w:sdtContent, w:customXml, w:ins around whole paragraphs, mc:AlternateContent...
            yield from _block_lines(child)


def _paragraph_lines(paragraph) -> Iterator[str]:
    """The paragraph's own text (w:br splits it), then the text of any text boxes anchored in it."""
    pieces: list[str] = []
    boxes: list = []
    _collect_runs(paragraph, pieces, boxes)
    own = "".join(pieces)
    if own.strip():
        yield from own.split("\n")
    for box in boxes:
        yield from _block_lines(box)


def _collect_runs(element, pieces: list[str], boxes: list) -> None:
    for child in element:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIPPED:
            continue
        if tag == _w("t"):
            pieces.append(child.text or "")
        elif tag == _w("tab"):
            pieces.append("\t")
        elif tag in _BREAKS:
            pieces.append("\n")
        elif tag == _w("noBreakHyphen"):
            pieces.append("-")
        elif tag == _w("txbxContent"):
            boxes.append(child)  # block content of its own: own lines after the paragraph
        else:
            _collect_runs(child, pieces, boxes)


def _table_lines(table) -> Iterator[str]:
    for row in table.iter(_w("tr")):
        if _nearest_table(row) is not table:
            continue  # rows of nested tables are reached through their cell
        cells = []
        nested: list[str] = []
        for cell in row.iterchildren(_w("tc"), _w("sdt"), _w("customXml")):
            for tc in ([cell] if cell.tag == _w("tc") else cell.iter(_w("tc"))):
                cell_lines: list[str] = []
                for child in tc:
                    if child.tag == _w("tbl"):
                        nested.extend(_table_lines(child))
                    elif child.tag != _w("tcPr"):
                        cell_lines.extend(_block_lines([child]))
                cells.append(" ".join(line.strip() for line in cell_lines if line.strip()))
        if any(cells):
            yield CELL_SEPARATOR.join(cells)
        yield from nested


def _nearest_table(element):
    parent = element.getparent()
    while parent is not None and parent.tag != _w("tbl"):
        parent = parent.getparent()
    return parent


def _deleted_text(root) -> list[str]:
    """Text removed by tracked deletions, one string per paragraph. It stays in the file (anyone
    who opens it can show the revisions), so the reviewer gets it in metadata, not in the text."""
    by_paragraph: dict[object, str] = {}
    for deletion in root.iter(_w("del"), _w("moveFrom")):
        paragraph = next(deletion.iterancestors(_w("p")), None)
        text = "".join(t.text or "" for t in deletion.iter(_w("delText"), _w("t")))
        by_paragraph[paragraph] = by_paragraph.get(paragraph, "") + text
    return [text for text in by_paragraph.values() if text.strip()]


# --- headers, footers, notes, comments -------------------------------------------------------

def _headers_and_footers(part, body) -> tuple[list[str], list[str]]:
    """Every header/footer definition referenced by a section, each distinct text once."""
    result: dict[str, list[str]] = {"headerReference": [], "footerReference": []}
    seen: set[tuple[str, str]] = set()
    order = {"first": 0, "default": 1, "even": 2}
    for sect_pr in body.iter(_w("sectPr")):
        for kind in result:
            refs = sorted(sect_pr.iterchildren(_w(kind)), key=lambda r: order.get(r.get(_w("type"), "default"), 3))
            for ref in refs:
                related = part.related_parts.get(ref.get(R_ID))
                if related is None:
                    continue
                lines = [line for line in _block_lines(_part_root(related)) if line.strip()]
                key = (kind, "\n".join(lines))
                if lines and key not in seen:
                    seen.add(key)
                    result[kind].extend(lines)
    return result["headerReference"], result["footerReference"]


def _part_root(part):
    """The XML root of a part; python-docx loads a part with an unexpected content type as bytes only."""
    element = getattr(part, "element", None)
    return element if element is not None else etree.fromstring(part.blob, _parser())


def _related_root(part, kind: str):
    """Root element of the part related by relationship type .../<kind>, or None."""
    for rel in part.rels.values():
        if not rel.is_external and rel.reltype.rsplit("/", 1)[-1] == kind:
            return _part_root(rel.target_part)
    return None


def _note_lines(part, kind: str) -> list[str]:
    """Footnotes or endnotes, without the separator pseudo-notes Word always writes."""
    root = _related_root(part, kind)
    lines: list[str] = []
    for note in root if root is not None else []:
        if note.get(_w("type")) in {"separator", "continuationSeparator", "continuationNotice"}:
            continue
        lines.extend(line for line in _block_lines(note) if line.strip())
    return lines


def _comment_lines(part) -> list[str]:
    """Comments as `【批注】author：text`, read from the comments part (also when python-docx could not type it)."""
    root = _related_root(part, "comments")
    lines = []
    for comment in root if root is not None else []:
        if comment.tag != _w("comment"):
            continue
        text = " ".join(line.strip() for line in _block_lines(comment) if line.strip())
        if text:
            lines.append(f"【批注】{comment.get(_w('author')) or ''}：{text}")
    return lines


# --- properties ------------------------------------------------------------------------------

def _properties(document) -> dict:
    core = document.core_properties
    properties: dict = {}
    for attr in _METADATA_PROPERTIES:
        value = getattr(core, attr, None)
        if value in (None, ""):
            continue
        properties[attr] = value.isoformat() if hasattr(value, "isoformat") else str(value).strip()
    return {k: v for k, v in properties.items() if v}


def _custom_properties(part) -> dict[str, str]:
    """docProps/custom.xml: document-management systems and WPS keep fields such as 密级 there."""
    for package_part in part.package.iter_parts():
        if str(package_part.partname) == "/docProps/custom.xml":
            try:
                root = etree.fromstring(package_part.blob, _parser())
            except etree.XMLSyntaxError:
                return {}
            found = {}
            for prop in root:
                name = (prop.get("name") or "").strip()
                value = " ".join("".join(prop.itertext()).split())
                if name and value:
                    found[name] = value
            return found
    return {}


def _application(part) -> str | None:
    """docProps/app.xml <Application> (and version): which program wrote the file."""
    for package_part in part.package.iter_parts():
        if str(package_part.partname) == "/docProps/app.xml":
            try:
                root = etree.fromstring(package_part.blob, _parser())
            except etree.XMLSyntaxError:
                return None
            values = {etree.QName(el).localname: (el.text or "").strip() for el in root}
            name = values.get("Application")
            if name and values.get("AppVersion"):
                return f"{name} {values['AppVersion']}"
            return name or None
    return None


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
