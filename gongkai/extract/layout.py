"""The reader's layout of a stored text: the line breaks `normalise_with_breaks` recorded, put back for the
review page and the published text, and evidence offsets moved to match.

The stored text stays the one the rules and the model read; the breaks are kept beside it
(Document.meta["line_breaks"]). A break at offset p replaces the space at p if there is one (Latin words
joined), else is inserted before p (Chinese joined without a glue character)."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

__all__ = ["with_breaks", "LayoutMap"]


def _valid(text: str, breaks: Sequence[int] | None) -> list[int]:
    """Offsets strictly inside the text, sorted, once each; anything else is ignored (a stale meta entry must
    never damage a page)."""
    return sorted({int(b) for b in breaks or () if isinstance(b, int) and 0 < b < len(text)})


def with_breaks(text: str, breaks: Sequence[int] | None) -> str:
    """`text` with its reader's line breaks back. Text of the same length (a redacted copy) works the same."""
    out, prev = [], 0
    for b in _valid(text, breaks):
        out.append(text[prev:b])
        out.append("\n")
        prev = b + 1 if text[b] == " " else b
    out.append(text[prev:])
    return "".join(out)


class LayoutMap:
    """Moves offsets in the stored text to offsets in `with_breaks(text, breaks)`."""

    def __init__(self, text: str, breaks: Sequence[int] | None) -> None:
        self._inserted = [b for b in _valid(text, breaks) if text[b] != " "]

    def start(self, offset: int) -> int:
        return offset + bisect_right(self._inserted, offset)  # a span starting at a break begins after it

    def end(self, offset: int) -> int:
        return offset + bisect_left(self._inserted, offset)  # a span ending at a break ends before it
