"""Words for the index and for queries: jieba's cut_for_search, the same way on both sides.

cut_for_search gives a long word and the shorter dictionary words inside it (中华人民共和国 → 中华, 人民,
共和国, …), so that a query for the part finds the whole. The words are joined by spaces: FTS5's unicode61
tokenizer and PostgreSQL's 'simple' parser then only split on those spaces (and on punctuation, which we
leave out anyway)."""
from __future__ import annotations

import logging
import tempfile
import threading
import warnings

from gongkai.search.config import SearchConfig, load_search_config

_tokenizers: dict[tuple[str, ...], object] = {}  # by the configured words: loaded once each
_lock = threading.Lock()


def _jieba(config: SearchConfig):
    """A tokenizer of our own (other modules tune the global one for names)."""
    tokenizer = _tokenizers.get(config.words)
    if tokenizer is None:
        with _lock:
            tokenizer = _tokenizers.get(config.words)
            if tokenizer is None:
                with warnings.catch_warnings():  # jieba's sources have invalid escape sequences
                    warnings.simplefilter("ignore", DeprecationWarning)
                    warnings.simplefilter("ignore", SyntaxWarning)
                    import jieba
                jieba.setLogLevel(logging.WARNING)
                tokenizer = jieba.Tokenizer()
                tokenizer.tmp_dir = tempfile.gettempdir()  # the dictionary cache goes there
                tokenizer.check_initialized()
                for word in config.words:
                    tokenizer.add_word(word)
                _tokenizers[config.words] = tokenizer
    return tokenizer


def warm_up(config: SearchConfig | None = None) -> None:
    """Load jieba's dictionary now (about a second, once per process)."""
    _jieba(config or load_search_config())


def words(text: str | None, config: SearchConfig | None = None) -> list[str]:
    """The words of `text`, lower-cased, in order, without spaces and punctuation."""
    if not text:
        return []
    config = config or load_search_config()
    found = []
    for word in _jieba(config).cut_for_search(text):
        word = word.strip().lower()
        if word and any(ch.isalnum() for ch in word):
            found.append(word)
    return found


def index_text(text: str | None, config: SearchConfig | None = None) -> str:
    return " ".join(words(text, config))


def query_words(query: str, config: SearchConfig | None = None) -> list[str]:
    """The distinct words of a query, stop words left out, in order of first appearance."""
    config = config or load_search_config()
    return list(dict.fromkeys(w for w in words(query, config) if w not in config.stop_words))
