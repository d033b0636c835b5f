"""Mojibake repair: Chinese text whose UTF-8 or GBK bytes were shown as Latin-1 / Windows-1252 glyphs.

`政府` in UTF-8 is E6 94 BF E5 BA 9C; read as Windows-1252 it shows `æ”¿åºœ`, read as Latin-1 the 0x94
and 0x9C bytes become invisible control characters. Every such glyph stands for exactly one byte, so
the bytes can be recovered and decoded again. A repair is made only when it can be trusted:

* the text must look like mojibake as a whole (the test of pdf_layout.looks_like_mojibake), so that
  French, German or pinyin with a few accented letters is never "decoded" into Chinese;
* UTF-8 is tried first and must decode almost every run of glyphs strictly: random bytes are
  almost never valid UTF-8, so a good decoding is strong evidence;
* GBK (GB18030) decodes nearly any pair of high bytes, so a GBK repair must decode every run and give
  mostly Chinese; even then the quality measure (gongkai.extract.quality) checks the words.
Text with bytes lost on the way (a glyph the font could not draw) is left as found: the quality
measure then says it cannot be read.
"""
from __future__ import annotations

import re

from gongkai.extract.pdf_layout import cjk_share, latin1_share

# Windows-1252 shows bytes 0x80–0x9F as these glyphs; the five bytes it leaves undefined pass through
# as the Latin-1 control characters U+0081, U+008D, U+008F, U+0090, U+009D.
_CP1252_BYTE: dict[str, int] = {}
for _b in range(0x80, 0xA0):
    try:
        _CP1252_BYTE[bytes([_b]).decode("cp1252")] = _b
    except UnicodeDecodeError:
        pass
_BYTE_GLYPHS = "\x21-\x7e\x80-\xff" + "".join(re.escape(c) for c in _CP1252_BYTE)
# A run of glyphs that each stand for one byte. Spaces and line breaks end a run: they are layout
# (one laid out inside a UTF-8 character is undone first, by _restore_utf8_layout).
_RUN = re.compile(f"[{_BYTE_GLYPHS}]+")
_HIGH = re.compile(f"[\x80-\xff{''.join(re.escape(c) for c in _CP1252_BYTE)}]")
MAX_FAILED_RUNS = 0.02  # share of runs that may stay undecoded in a UTF-8 repair (a damaged byte here and there)


def _to_bytes(run: str) -> bytes:
    return bytes(_CP1252_BYTE.get(c, ord(c) if ord(c) < 256 else 0x3F) for c in run)


def _restore_utf8_layout(text: str) -> str:
    """Undo what layout did inside a UTF-8 sequence, where neither a space nor a line break can be:
    the byte A0 (a continuation byte, as in 加 = E5 8A A0) is a no-break space in Latin-1 and comes out
    of PDFs and HTML as a plain space, so it is put back; a line wrapped between two bytes of one
    character is joined again."""
    out = list(text)
    need = 0  # continuation bytes still expected
    for i, c in enumerate(out):
        b = _CP1252_BYTE.get(c, ord(c) if ord(c) < 256 else None)
        if need and c == " ":
            out[i], need = "\xa0", need - 1
        elif need and c == "\n":
            out[i] = ""
        elif need and b is not None and 0x80 <= b <= 0xBF:
            need -= 1
        else:
            need = 0 if b is None else (1 if 0xC2 <= b <= 0xDF else 2 if 0xE0 <= b <= 0xEF else 3 if 0xF0 <= b <= 0xF4 else 0)
    return "".join(out)


def _decode_runs(text: str, encoding: str) -> tuple[str, int, int]:
    """The text with each run holding a high glyph decoded; (text, runs decoded, runs that failed)."""
    done = failed = 0

    def fix(match: re.Match) -> str:
        nonlocal done, failed
        run = match.group(0)
        if not _HIGH.search(run):
            return run  # plain ASCII: the same in every encoding
        try:
            decoded = _to_bytes(run).decode(encoding)
        except UnicodeDecodeError:
            failed += 1
            return run
        done += 1
        return decoded

    return _RUN.sub(fix, text), done, failed


def repair_mojibake(text: str) -> tuple[str, str] | None:
    """(repaired text, the encoding the bytes were in) or None when no repair can be trusted."""
    if not _looks_like_mojibake(text):
        return None
    repaired, done, failed = _decode_runs(_restore_utf8_layout(text), "utf-8")
    if done and failed <= MAX_FAILED_RUNS * (done + failed) and _mostly_chinese(repaired):
        return repaired, "utf-8"
    repaired, done, failed = _decode_runs(text, "gb18030")
    if done and not failed and _mostly_chinese(repaired):
        return repaired, "gb18030"
    return None


_LATIN1_LETTERS = re.compile("[\xa1-\xff]")
_SPACE = re.compile(r"\s")


def _looks_like_mojibake(text: str) -> bool:
    """pdf_layout.looks_like_mojibake (4 or more U+00A1–U+00FF glyphs, 30 % of the visible characters),
    counted with regular expressions: ~1000× faster on a 5-million-character text."""
    n = len(_LATIN1_LETTERS.findall(text))
    return n >= 4 and n / max(len(text) - len(_SPACE.findall(text)), 1) >= 0.3


def _mostly_chinese(text: str) -> bool:
    return cjk_share(text) >= 0.5 and latin1_share(text)[1] <= 0.05
