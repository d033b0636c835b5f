"""Features of a document for the classifier — the one place where segmentation is chosen.

A document is seen three ways: jieba words and character n-grams (TF-IDF, what it says), and cues
(what it is: its 文种 from the title, whether it goes up or down the hierarchy, its marks, which rules
fired). Feature names carry a readable prefix so that an explanation can be shown to a reviewer.
"""
from __future__ import annotations

import logging
import os
import re
import tempfile
from functools import lru_cache
from dataclasses import dataclass, field

from sklearn.feature_extraction import DictVectorizer
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.preprocessing import FunctionTransformer

log = logging.getLogger(__name__)

_TOKEN = re.compile(r"[\u4e00-\u9fff]|[A-Za-z]+|\d+")
_jieba = None


def _segmenter():
    global _jieba
    if _jieba is None:
        import jieba

        # jieba caches its dictionary; keep the cache out of the working tree, and keep it quiet.
        jieba.dt.tmp_dir = os.environ.get("GONGKAI_JIEBA_CACHE", tempfile.gettempdir())
        jieba.setLogLevel(logging.WARNING)
        jieba.initialize()
        _jieba = jieba
    return _jieba


@lru_cache(maxsize=20000)
def _words_cached(text: str) -> tuple[str, ...]:
    return tuple(_words(text))


def forget_words() -> None:
    """Drop the memoised words (the nightly intake calls this after each batch: its texts never return)."""
    _words_cached.cache_clear()


def words(text: str) -> list[str]:
    """jieba words, without punctuation and whitespace; numbers collapsed so that dates do not dominate.
    Memoised: training fits the vocabulary once per fold over the same texts."""
    return list(_words_cached(text))


def _words(text: str) -> list[str]:
    out = []
    for w in _segmenter().lcut(text):
        if not _TOKEN.match(w):
            continue
        out.append("<num>" if w.isdigit() else w)
    return out


@dataclass
class DocumentRecord:
    """What the classifier sees of one document."""

    text: str
    cues: dict[str, float] = field(default_factory=dict)


def cues_from(structure, findings) -> dict[str, float]:
    """Structural cues from the 公文 parse and the rule findings (each a 0/1 or a max score)."""
    cues: dict[str, float] = {}
    if structure is not None:
        doc_type = getattr(structure, "doc_type", None)
        if doc_type:
            cues[f"文种={doc_type}"] = 1.0
        direction = getattr(structure, "direction", None)
        if direction:
            cues[f"行文方向={direction}"] = 1.0
        for name, label in (("copy_no", "份号"), ("urgency", "紧急程度"), ("addressee", "主送"),
                            ("cc", "抄送"), ("signer", "签发人"), ("attachments", "附件")):
            if getattr(structure, name, None):
                cues[f"要素={label}"] = 1.0
        line = getattr(structure, "disclosure", None)
        if line is not None:
            cues[f"附注={line.attribute}"] = 1.0
    for f in findings or ():
        for key in (f"规则={f.rule_id.split('@')[0]}", f"理由={f.reason}", f"类别={f.category}"):
            cues[key] = max(cues.get(key, 0.0), float(f.score))
    return cues


def _texts(records):
    return [r.text for r in records]


def _cues(records):
    return [r.cues for r in records]


def build_features() -> FeatureUnion:
    """Words (jieba, 1–2 grams), characters (2–3 grams), cues. All fitted on the training corpus."""
    return FeatureUnion([
        ("词", Pipeline([
            ("select", FunctionTransformer(_texts)),
            ("tfidf", TfidfVectorizer(tokenizer=words, token_pattern=None, lowercase=False,
                                      ngram_range=(1, 2), min_df=2, max_features=60000, sublinear_tf=True)),
        ])),
        ("字", Pipeline([
            ("select", FunctionTransformer(_texts)),
            ("tfidf", TfidfVectorizer(analyzer="char", ngram_range=(2, 3), min_df=2,
                                      max_features=80000, sublinear_tf=True)),
        ])),
        ("线索", Pipeline([
            ("select", FunctionTransformer(_cues)),
            ("dict", DictVectorizer()),
        ])),
    ])
