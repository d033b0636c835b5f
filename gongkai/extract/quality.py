"""How far the extracted text can be trusted: one measure per document, before any rule or model reads it.

Measured on the normalised text (what rules and the model see):

* `readable`: the share of the Chinese text that reads as words — characters inside a word of two or
  more characters that jieba's dictionary knows (jieba without its HMM invents no words), out of all
  Chinese characters plus every glyph that is damage: U+FFFD (an unmapped glyph), private-use
  characters, Latin letters with accents or Windows-1252 letters (mojibake that no repair undid).
  ASCII, digits and punctuation count neither way: a table of figures is not unreadable. Measured on
  3,978 texts of our corpus and ../shared/real: median 0.82, lowest 0.35 (the 1954 work report, in
  traditional characters), then 0.40 (rosters of names);
  Chinese characters in random order score ~0.12, GBK-decoded garbage bytes ~0.0; tesseract reading
  a scan of mojibake glyphs was 0.13 sure of its words, of a clean scan 0.92.
* `ocr_confidence`: tesseract's mean word confidence (0–1) when OCR ran on some page, counted for the
  share of the text that OCR read.

`score` is the lower of the two; below the `min_text_quality` setting the document is `unreadable`:
the proposal then gets no model, confidence 0 and the most cautious labels the rules allow (decide.py).
A text with too little Chinese to judge (under MIN_CHARS) gets no `readable` value and is not flagged.
"""
from __future__ import annotations

import logging
import re
import tempfile
import threading
import warnings

log = logging.getLogger(__name__)

MIN_CHARS = 20          # fewer Chinese or damaged characters than this: too little to judge
SAMPLE_CHARS = 60_000   # a longer text is judged on evenly spaced slices of this total length
_SLICES = 20

_CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
# Damage: unmapped glyphs, private use, accented Latin letters and Windows-1252 letters (mojibake).
_DAMAGE = re.compile(r"[\ufffd\ue000-\uf8ff\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff\u00a2-\u00a4\u00a6\u00a8-\u00af"
                     r"\u00b4\u00b8-\u00bb\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2030]")

_tokenizer = None
_lock = threading.Lock()


def _jieba():
    """jieba's own dictionary, loaded once, in a tokenizer of its own (other modules add words to theirs)."""
    global _tokenizer
    if _tokenizer is None:
        with _lock:
            if _tokenizer is None:
                with warnings.catch_warnings():  # jieba's sources have invalid escape sequences
                    warnings.simplefilter("ignore", DeprecationWarning)
                    warnings.simplefilter("ignore", SyntaxWarning)
                    import jieba
                jieba.setLogLevel(logging.WARNING)
                tokenizer = jieba.Tokenizer()
                tokenizer.tmp_dir = tempfile.gettempdir()  # dictionary cache: jieba.cache there
                tokenizer.check_initialized()
                _tokenizer = tokenizer
    return _tokenizer


def _sample(text: str) -> str:
    if len(text) <= SAMPLE_CHARS:
        return text
    size = SAMPLE_CHARS // _SLICES
    step = (len(text) - size) / (_SLICES - 1)
    return "\n".join(text[int(i * step): int(i * step) + size] for i in range(_SLICES))


def readable_share(text: str) -> float | None:
    """The share of Chinese characters (and damaged glyphs) that stand in dictionary words; None when
    there are too few of them to say."""
    text = _sample(text)
    damaged = len(_DAMAGE.findall(text))
    runs = _CJK_RUN.findall(text)
    total = sum(map(len, runs)) + damaged
    if total < MIN_CHARS:
        return None
    tokenizer = _jieba() if runs else None
    in_words = sum(len(w) for run in runs for w in tokenizer.cut(run, HMM=False) if len(w) >= 2) if runs else 0
    return in_words / total


def measure(text: str, *, ocr_confidence: float | None = None, ocr_chars: int | None = None,
            threshold: float = 0.0) -> dict:
    """The quality verdict stored in the document's metadata["quality"] and read by decide().

    `ocr_chars`: how many characters the OCR confidence was measured on. The confidence then weighs as
    much as OCR's share of the text: one poorly read stamp page does not make a 30-page report unreadable."""
    readable = readable_share(text)
    trusted = None
    if ocr_confidence is not None:
        share = 1.0 if ocr_chars is None else min(1.0, ocr_chars / max(len(text), 1))
        trusted = 1.0 - share * (1.0 - ocr_confidence)
    parts = [v for v in (readable, trusted) if v is not None]
    score = min(parts) if parts else None
    return {
        "score": None if score is None else round(score, 3),
        "readable": None if readable is None else round(readable, 3),
        "ocr_confidence": None if ocr_confidence is None else round(ocr_confidence, 3),
        "threshold": threshold,
        "unreadable": score is not None and score < threshold,
    }
