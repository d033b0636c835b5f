"""Plain-text files: decode whatever Chinese offices send (UTF-8, GBK/GB18030, UTF-16/32), refuse binary.

Order of trust: a byte-order mark; a NUL pattern that can only be BOM-less UTF-16/32; strict UTF-8
(almost never decodes anything else by accident); per-line UTF-8 with GB18030 fallback when a file
is half one and half the other; strict GB18030 (superset of GBK and GB2312); UTF-8 or GB18030 with
a few damaged bytes replaced (flagged); charset-normalizer's best guess. Binary is refused rather
than handed on as mojibake.
"""
from __future__ import annotations

import codecs
import logging
import re
import unicodedata
from pathlib import Path

from gongkai.documents import Notice, Page, RawExtraction
from gongkai.errors import GongkaiError
from gongkai.extract.repair import repair_mojibake
from gongkai.settings import Settings

log = logging.getLogger(__name__)

_BOMS: tuple[tuple[bytes, str], ...] = (  # UTF-32 before UTF-16: FF FE 00 00 starts with FF FE
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# C0/C1 control characters except \t \n \v \f \r and \x1a (the DOS end-of-file marker, harmless).
_BAD_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x19\x1b-\x1f\x7f-\x9f]")
_MAX_CONTROL_SHARE = 0.02  # more control characters than this and it is not a text someone wrote
_MAX_REPLACEMENT_SHARE = 0.01
# What the non-ASCII part of a Chinese text is made of: CJK ideographs and punctuation, full-width
# forms, and the symbols GBK carries that offices use (“”—…①※★℃№ and box drawing).
_CHINESE_TEXT = re.compile(
    r"[\u00b7\u00d7\u00f7\u2000-\u206f\u2100-\u27bf\u2e80-\u2fff\u3000-\u303f\u3040-\u31ff"
    r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u00a0]"
)


def extract(path: Path, settings: Settings) -> RawExtraction:
    data = Path(path).read_bytes()
    text, encoding, notices = decode_bytes(data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise GongkaiError("no_text", f"{Path(path).name}: only whitespace")
    # A form feed is the page break of plain text (printer output, some exports).
    chunks = text.split("\f")
    pages = [Page(number=i + 1, text=chunk.strip("\n")) for i, chunk in enumerate(chunks)]
    return RawExtraction(pages=pages, metadata={"encoding": encoding, "ocr": False}, warnings=notices)


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str, list[Notice]]:
    """Decode `data` to text. Returns (text, encoding name, notices); raises binary_not_text.

    `declared` is an encoding a container claims (an HTML meta charset); it is tried after strict
    UTF-8 (valid UTF-8 wins over any claim); GBK/GB2312 claims are read as GB18030, their superset;
    Western single-byte claims are ignored (they would turn Chinese into mojibake).
    """
    if not data:
        raise GongkaiError("empty_file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            codec = "utf-8" if encoding == "utf-8-sig" else encoding  # the BOM-less codec: no U+FEFF in the text
            return _checked(_strict(data[len(bom):], codec), encoding, data), encoding, []

    encoding = _bomless_utf16_32(data)
    if encoding:
        text = _try(data, encoding)
        if text is not None:
            return _checked(text, encoding, data), encoding, []
    if b"\x00" in data:
        raise GongkaiError("binary_not_text", "NUL bytes in a file that is not UTF-16/32")

    declared = _canonical(declared) if declared else None
    # Valid UTF-8 is UTF-8 whatever a page claims: CMS templates often declare gb2312 over UTF-8
    # content, and GBK text of any length is practically never valid UTF-8.
    text = _try(data, "utf-8")
    if text is not None:
        notices = []
        if declared not in (None, "utf-8") and not data.isascii():
            notices.append(Notice("charset_mismatch", f"声明的编码 {declared} 与内容不符，按 UTF-8 读取 / "
                                                      f"declared {declared} but the bytes are UTF-8"))
        return _checked(text, "utf-8", data), "utf-8", notices
    if declared and declared not in _WESTERN_SINGLE_BYTE:
        text = _try(data, declared)
        if text is not None:
            return _checked(text, declared, data), declared, []

    mixed = _decode_mixed_lines(data)
    if mixed is not None:
        notice = Notice("mixed_encoding", "部分行为 UTF-8、部分行为 GBK/GB18030，已逐行解码 / "
                                          "some lines are UTF-8 and some GBK/GB18030; decoded line by line")
        return _checked(mixed, "utf-8+gb18030", data), "utf-8+gb18030", [notice]

    text = _try(data, "gb18030")
    if text is not None and _looks_chinese(text):
        return _checked(text, "gb18030", data), "gb18030", []

    damaged = _mostly(data, [e for e in (declared, "utf-8", "gb18030") if e])
    if damaged is not None:
        return damaged
    return _charset_normalizer_guess(data)


def _mostly(data: bytes, encodings: list[str]) -> tuple[str, str, list[Notice]] | None:
    """A UTF-8 or GBK file with a few damaged bytes (cut multi-byte characters, transfer errors)."""
    best: tuple[float, str, str] | None = None
    for encoding in dict.fromkeys(encodings):
        text = data.decode(encoding, errors="replace")
        share = text.count("\ufffd") / max(1, len(text))
        if (best is None or share < best[0]) and (encoding != "gb18030" or _looks_chinese(text)):
            best = (share, encoding, text)
    if best is None or best[0] > _MAX_REPLACEMENT_SHARE:
        return None
    share, encoding, text = best
    count = text.count("\ufffd")
    notice = Notice("decoding_errors", f"{count} 处字节无法按 {encoding} 解码，已替换为 U+FFFD / "
                                       f"{count} undecodable byte sequence(s) in {encoding} replaced by U+FFFD")
    return _checked(text, encoding, data), encoding, [notice]


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise GongkaiError("binary_not_text", f"byte-order mark says {encoding} but {exc.reason} at byte {exc.start}") from None


def _try(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _canonical(name: str) -> str | None:
    try:
        name = codecs.lookup(name.strip()).name
    except LookupError:
        return None
    return "gb18030" if name in {"gbk", "gb2312", "hz"} else name


# Server defaults often wrongly declared on Chinese pages; they decode any bytes, so detection decides.
_WESTERN_SINGLE_BYTE = {"ascii", "latin-1", "iso8859-1", "cp1252", "iso8859-15"}


def _bomless_utf16_32(data: bytes) -> str | None:
    """UTF-16/32 without BOM shows itself by NULs in a fixed byte column (the high bytes of ASCII)."""
    nuls = data.count(0)
    if nuls == 0 or nuls < len(data) // 20:
        return None
    if len(data) % 4 == 0:
        columns = [data[i::4].count(0) for i in range(4)]
        quarter = len(data) // 4
        if columns[2] == columns[3] == quarter and columns[0] < quarter:
            return "utf-32-le"
        if columns[0] == columns[1] == quarter and columns[3] < quarter:
            return "utf-32-be"
    if len(data) % 2:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    if odd > 0.9 * nuls:
        return "utf-16-le"
    if even > 0.9 * nuls:
        return "utf-16-be"
    return None


def _decode_mixed_lines(data: bytes) -> str | None:
    """Half-GBK, half-UTF-8 files (concatenated exports) decode line by line, or not at all.

    A line counts as UTF-8 only if its non-ASCII characters are Chinese or full-width forms:
    GBK text that happens to be valid UTF-8 gives other scripts. `\n` never occurs inside a
    GB18030 or UTF-8 multi-byte character, so splitting bytes on it is safe.
    """
    lines = data.split(b"\n")
    utf8: list[str | None] = []
    for raw in lines:
        line = _try(raw, "utf-8")
        utf8.append(line if line is not None and (raw.isascii() or _all_non_ascii_chinese(line)) else None)
    if all(line is not None for line in utf8) or not any(
            line is not None and not raw.isascii() for line, raw in zip(utf8, lines)):
        return None  # not mixed: all UTF-8, or no line that is both non-ASCII and UTF-8
    decoded: list[str] = []
    for line, raw in zip(utf8, lines):
        if line is None:
            line = _try(raw, "gb18030")
            if line is None:
                return None
        decoded.append(line)
    return "\n".join(decoded)


def _all_non_ascii_chinese(line: str) -> bool:
    return all(ch.isascii() or _CHINESE_TEXT.match(ch) or unicodedata.category(ch).startswith("P") for ch in line)


def _looks_chinese(text: str) -> bool:
    """GB18030 decodes almost any run of high bytes; demand that the result reads as Chinese."""
    sample = text[:200_000]  # plenty to judge, and cheap on a 10 MB file
    non_ascii = len(sample) - len(sample.encode("ascii", "ignore"))
    if not non_ascii:
        return True
    chinese = len(sample) - len(_CHINESE_TEXT.sub("", sample))
    return chinese / non_ascii >= 0.9


def _charset_normalizer_guess(data: bytes) -> tuple[str, str, list[Notice]]:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise GongkaiError("binary_not_text", "no text encoding fits the bytes")
    text = str(best)
    notice = Notice("encoding_guessed", f"编码由统计推测为 {best.encoding} / encoding guessed as {best.encoding}")
    log.info("charset-normalizer guessed %s", best.encoding)
    return _checked(text, best.encoding, data), best.encoding, [notice]


def _checked(text: str, encoding: str, data: bytes) -> str:
    """Refuse decoded text that is mostly control characters or replacement marks."""
    if not text:
        return text
    controls = len(_BAD_CONTROLS.findall(text))
    # U+0080–U+009F are also what UTF-8 Chinese becomes when read as Latin-1: bytes to repair, not binary.
    if controls / len(text) > _MAX_CONTROL_SHARE and repair_mojibake(text) is None:
        raise GongkaiError("binary_not_text", f"{controls} control characters in {len(text)} ({encoding})")
    if text.count("\ufffd") / len(text) > _MAX_REPLACEMENT_SHARE:
        raise GongkaiError("binary_not_text", f"undecodable bytes ({encoding})")
    return text
