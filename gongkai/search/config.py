"""rules/search.yaml: how documents and queries are cut into words and what a hit shows."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field


class SearchConfig(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    version: int
    words: tuple[str, ...] = ()  # kept whole by jieba; a change needs a reindex
    stop_words: frozenset[str] = frozenset()  # dropped from queries only
    title_weight: float = Field(default=3.0, gt=0)
    snippet_chars: int = Field(default=80, ge=20, le=1000)
    mark_open: str = "【"
    mark_close: str = "】"
    max_index_chars: int = Field(default=200_000, ge=1000)


@lru_cache(maxsize=8)
def load_search_config(folder: Path | None = None) -> SearchConfig:
    from gongkai.policy import _load, rules_dir

    return _load((folder or rules_dir()) / "search.yaml", SearchConfig)
