"""HTML saved from a government website → the article's text, without the page around it.

Chinese government sites mostly run on a few CMSs (TRS, Hanweb/UCAP, …) that put the article in a
container with a recognisable id or class and describe it in <meta name="ArticleTitle"> etc. Where
no known container fits, the block with the most Chinese text outside links wins.
"""
from __future__ import annotations

import email
import email.policy
import logging
import re
from pathlib import Path

import lxml.html
from lxml import etree

from gongkai.documents import Notice, Page, RawExtraction
from gongkai.errors import GongkaiError
from gongkai.extract.docx import CELL_SEPARATOR
from gongkai.extract.text import decode_bytes
from gongkai.settings import Settings

log = logging.getLogger(__name__)

# Container ids/classes of article bodies, most specific first (TRS editor, Hanweb/UCAP, zoom text).
KNOWN_CONTAINERS: tuple[tuple[str, ...], ...] = (
    ("trs_editor", "ucap-content", "ucapcontent", "article-content", "article_content", "articlecontent",
     "pages_content", "xxgk_content", "news_content", "detail-content", "detail_content", "zwnr"),
    ("zoom", "fontzoom", "zoomcon", "bodycontent"),
    ("article", "content", "con", "main-content", "main_content", "text", "detail", "nr"),
)
_BOILERPLATE_TAGS = ("script", "style", "noscript", "template", "iframe", "svg", "canvas", "object",
                     "embed", "form", "input", "button", "select", "textarea", "nav", "header", "footer",
                     "aside", "head")
# id/class words of page furniture; matched as whole words of the id/class ("share" in "bdshare" too).
_BOILERPLATE_NAMES = re.compile(
    r"(^|[\s_-])(nav|navbar|menu|header|head|top|topbar|footer|foot|bottom|copyright|breadcrumbs?|crumbs?|"
    r"position|location|weizhi|dqwz|sidebar|side|left-list|right-list|share|bdshare\w*|xglj|xgxx|xgwz|related|"
    r"print|close|toolbar|search|login|bottom-btn|fenxiang|qrcode|ewm)($|[\s_-])",
    re.IGNORECASE)
# Headings of link lists and widgets that may sit inside the article container.
_BOILERPLATE_HEADINGS = re.compile(r"^\s*(相关链接|相关阅读|相关文章|相关新闻|相关信息|延伸阅读|分享到|扫一扫)")
_BOILERPLATE_LINES = re.compile(r"^\s*(【?打印本页】?|【?关闭窗口】?|【?打印】?\s*【?关闭】?|分享到[:：]?.*|【字体[:：].*)\s*$")
_BLOCK_TAGS = {"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "tr", "table",
               "section", "article", "blockquote", "pre", "hr", "dd", "dt", "dl", "center", "main",
               "figure", "figcaption", "caption", "tbody", "thead", "tfoot", "body", "address"}
_CELL_TAGS = {"td", "th"}
_META_FIELDS = {  # gov-CMS meta name (lower case) → metadata key
    "articletitle": "title", "pubdate": "published", "contentsource": "source", "sitename": "site",
    "columnname": "column", "keywords": "keywords", "description": "description", "author": "author",
    "firstimgurl": None, "og:title": "og_title",
}
_TITLE_NAMES = re.compile(r"(^|[\s_-])(title|bt|biaoti|article-title|news-title|tit)($|[\s_-])", re.IGNORECASE)
_TITLE_TAIL = re.compile(r"\s*[_|｜]\s*|\s+-\s+|\s+—+\s+")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)
_MHT_HEADER = re.compile(rb"\s*(MIME-Version|From|Subject|Date|Content-Type|Content-Location|Snapshot-Content-Location)\s*:", re.IGNORECASE)
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_MIN_CONTAINER_HAN = 20  # a known container with less Chinese text than this is an empty template shell


def extract(path: Path, settings: Settings) -> RawExtraction:
    path = Path(path)
    data = path.read_bytes()
    declared = None
    if _MHT_HEADER.match(data[:2048]):
        data, declared = _html_from_mht(data, path.name)
    declared = declared or _declared_charset(data)
    text, encoding, notices = decode_bytes(data, declared=declared)
    try:
        # Control characters are invisible in a browser and refused by libxml2.
        markup = _CONTROLS.sub("", _XML_DECLARATION.sub("", text, count=1))
        root = lxml.html.document_fromstring(markup)
    except (etree.ParserError, ValueError) as exc:
        raise GongkaiError("corrupted", f"{path.name}: not parseable as HTML ({exc})") from None

    metadata = _metadata(root)
    metadata.update(encoding=encoding, ocr=False)
    _drop(root)
    container, how = _main_container(root)
    metadata["content_block"] = how
    lines = _clean_lines(_lines(container))

    if not "".join(lines).strip():
        raise GongkaiError("no_text", f"{path.name}: no article text found")
    title = metadata.get("title")
    if title and _squeeze(title) not in _squeeze("".join(lines[:5])):
        lines.insert(0, title)  # the title usually sits above the article container
    if how == "whole page":
        notices.append(Notice("no_article_block", "未识别出正文区域，输出整页文字 / no article block found; the whole page's text is used"))
    return RawExtraction(pages=[Page(number=1, text="\n".join(lines))], metadata=metadata, warnings=notices)


def _html_from_mht(data: bytes, name: str) -> tuple[bytes, str | None]:
    """A page saved by a browser as .mht (MIME multipart): its first text/html part and that part's charset."""
    message = email.message_from_bytes(data, policy=email.policy.compat32)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True)  # undoes quoted-printable / base64
            if payload:
                return payload, part.get_content_charset()
    raise GongkaiError("corrupted", f"{name}: MHTML archive without an HTML part")


def _declared_charset(data: bytes) -> str | None:
    match = _CHARSET.search(data[:4096])
    return match.group(1).decode("ascii") if match else None


def _metadata(root) -> dict:
    metadata: dict = {}
    for meta in root.iter("meta"):
        name = (meta.get("name") or meta.get("property") or "").strip().lower()
        key = _META_FIELDS.get(name)
        content = (meta.get("content") or "").strip()
        if key and content and key not in metadata:
            metadata[key] = content
    if "title" not in metadata:
        title = _visible_title(root)
        if title:
            metadata["title"] = title
    metadata.pop("og_title", None)
    return metadata


def _visible_title(root) -> str | None:
    """h1, else an element classed as a title, else h2, else <title> without its "_site name" tail."""
    candidates = [el.text_content() for el in root.iter("h1")]
    candidates += [el.text_content() for el in root.iter() if isinstance(el.tag, str)
                   and _TITLE_NAMES.search(_names(el)) and el.tag not in {"title", "head"}]
    candidates += [el.text_content() for el in root.iter("h2")]
    head_title = root.findtext(".//title") or ""
    candidates.append(_TITLE_TAIL.split(head_title.strip())[0])
    for candidate in candidates:
        candidate = " ".join(candidate.split())
        if 2 <= len(candidate) <= 200:
            return candidate
    return None


def _drop(root) -> None:
    """Remove scripts, styles, comments, hidden elements and the page's own furniture."""
    for el in list(root.iter(etree.Comment, etree.ProcessingInstruction)):
        if el.getparent() is not None:
            el.drop_tree()
    for el in list(root.iter(*_BOILERPLATE_TAGS)):
        if el.getparent() is not None:
            el.drop_tree()
    for el in list(root.iter()):
        if not isinstance(el.tag, str) or el.getparent() is None:
            continue
        style = (el.get("style") or "").replace(" ", "").lower()
        if "display:none" in style or "visibility:hidden" in style or el.get("hidden") is not None:
            el.drop_tree()


def _names(el) -> str:
    return f"{el.get('id') or ''} {el.get('class') or ''}".strip()


def _main_container(root) -> tuple[object, str]:
    body = root.find("body")
    body = body if body is not None else root
    scores = _scores(body)
    for tier in KNOWN_CONTAINERS:
        wanted = set(tier)
        candidates = [el for el in body.iter() if isinstance(el.tag, str)
                      and wanted & {n.lower() for n in _names(el).split()}
                      and scores[el] >= _MIN_CONTAINER_HAN]
        if candidates:
            best = max(candidates, key=scores.__getitem__)
            return best, f"known container {_names(best)!r}"
    _drop_furniture(body, scores)
    scores = _scores(body)
    best = max((el for el in body.iter(*_BLOCK_TAGS, "td") if el is not body), key=scores.__getitem__, default=None)
    if best is None or scores[best] < _MIN_CONTAINER_HAN:
        return body, "whole page"
    # Descend while one child holds nearly all of the text: the tightest block that is the article.
    while True:
        inner = max((c for c in best if isinstance(c.tag, str)), key=scores.__getitem__, default=None)
        if inner is None or scores[inner] < 0.85 * scores[best]:
            break
        best = inner
    return best, f"densest block <{best.tag} {_names(best)}>".replace(" >", ">")


def _scores(root) -> dict:
    """Per element: Chinese characters outside links, discounted by link density. One bottom-up pass."""
    totals: dict = {}
    linked: dict = {}
    scores: dict = {}
    for el in reversed(list(root.iter())):  # reversed document order: every child before its parent
        total = len(_HAN.findall(el.text or "")) if isinstance(el.tag, str) else 0
        in_links = 0
        for child in el:
            total += totals.get(child, 0) + len(_HAN.findall(child.tail or ""))
            in_links += linked.get(child, 0)
        if el.tag == "a":
            in_links = total
        totals[el], linked[el] = total, in_links
        scores[el] = (total - in_links) * (1 - in_links / total) if total else 0.0
    return scores


def _drop_furniture(container, scores: dict) -> None:
    """Drop elements named like furniture, unless they hold most of the page's text (a wrapper)."""
    whole = scores[container]
    for el in list(container.iter()):
        if (isinstance(el.tag, str) and el.getparent() is not None
                and _BOILERPLATE_NAMES.search(_names(el)) and scores[el] < 0.5 * whole):
            el.drop_tree()


def _lines(container) -> list[str]:
    """Text of the container, one line per block; table rows as cells joined by CELL_SEPARATOR."""
    scores = _scores(container)
    for el in list(container.iter()):
        if not isinstance(el.tag, str) or el is container or el.getparent() is None:
            continue
        if _BOILERPLATE_NAMES.search(_names(el)) and scores[el] < 0.5 * scores[container]:
            el.drop_tree()  # share widgets, related links, print/close buttons inside the article
        elif el.tag in {"div", "ul", "dl", "section"} and _BOILERPLATE_HEADINGS.match(el.text_content()):
            el.drop_tree()
    out: list[str] = []
    current: list[str] = []

    def flush() -> None:
        line = " ".join("".join(current).split()) if current else ""
        if line:
            out.append(line)
        current.clear()

    def walk(el) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag == "tr":
            flush()
            cells = [" ".join(_text_of(c).split()) for c in el if isinstance(c.tag, str) and c.tag in _CELL_TAGS]
            if any(cells):
                out.append(CELL_SEPARATOR.join(cells))
        elif tag == "pre":
            flush()
            out.extend(line.rstrip() for line in el.text_content().splitlines() if line.strip())
        else:
            block = tag in _BLOCK_TAGS or tag in _CELL_TAGS
            if block:
                flush()
            if el.text and tag:
                current.append(el.text)
            for child in el:
                walk(child)
            if block:
                flush()
        if el.tail and el is not container:
            current.append(el.tail)

    walk(container)
    flush()
    return out


def _text_of(cell) -> str:
    return " ".join(cell.itertext())


def _clean_lines(lines: list[str]) -> list[str]:
    return [line for line in lines if not _BOILERPLATE_LINES.match(line)]


def _squeeze(text: str) -> str:
    return "".join(text.split())
