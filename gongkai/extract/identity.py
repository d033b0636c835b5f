"""Document identity: the hash of the normalised text, and near-duplicates by MinHash over shingles.

- `text_sha256(text)`: two documents with the same normalised text are the same document, whatever
  file they came in.
- `NearDuplicateIndex`: near-duplicates (the same report from a PDF and from the web, a revised
  version) among the documents added so far. A text is reduced to its character 5-grams with all
  whitespace removed (so line breaks and spaces left by extraction do not count). datasketch's
  MinHash (128 permutations, fixed seed: deterministic across runs and machines) and MinHashLSH find
  candidates; the similarity reported is the *exact* Jaccard similarity of the two shingle sets,
  computed for the candidates only, so the figure a reviewer sees is not an estimate. LSH looks for
  candidates at a threshold below the reporting one so that pairs just above it are not missed.
- Short texts (fewer than `min_chars`, default 50, non-space characters) have too few shingles for
  a meaningful similarity: one changed character moves Jaccard by ~10 %. They match only a text
  that is identical once whitespace is removed (similarity 1.0), and never a long text.
- `signature(text)` is the MinHash as a list of 128 ints (JSON-serialisable) for a store to keep;
  `estimated_similarity` compares two of them; `add_signature` rebuilds an index from stored
  signatures (similarity then is the MinHash estimate, said so by `NearMatch.exact`).

Memory: the index keeps each document's shingle hashes (8 bytes per distinct shingle, ~8 bytes per
character of text) to compute exact similarities; above 2 million distinct shingles (a ~2 M-character
document) it keeps only the MinHash, and similarities with that document are estimates.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash, MinHashLSH

__all__ = ["NearMatch", "NearDuplicateIndex", "text_sha256", "shingle_hashes", "signature", "estimated_similarity"]

NUM_PERM = 128
SHINGLE_SIZE = 5
MIN_CHARS = 50
SEED = 1  # MinHash permutations; fixed so that signatures from different runs are comparable
_CHUNK = 1_000_000  # characters hashed at a time (bounds numpy temporaries)
_MAX_EXACT = 2_000_000  # distinct shingles kept per document for exact similarity (16 MB)
_BATCH = 20_000  # shingles per MinHash update: bounds the (batch × num_perm) matrix datasketch builds
_WHITESPACE = re.compile(r"\s+")
_MASK64 = np.uint64(0xFFFFFFFFFFFFFFFF)


def text_sha256(normalised_text: str) -> str:
    """SHA-256 (hex) of the UTF-8 normalised text: the document's identity across file formats."""
    return hashlib.sha256(normalised_text.encode("utf-8")).hexdigest()


def _compact(text: str) -> str:
    return _WHITESPACE.sub("", text)


def _mix64(h: np.ndarray) -> np.ndarray:
    """splitmix64 finaliser: spreads the polynomial hash over all 64 bits (vectorised, wraps mod 2^64)."""
    h = (h ^ (h >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    h = (h ^ (h >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return h ^ (h >> np.uint64(31))


def shingle_hashes(text: str, size: int = SHINGLE_SIZE) -> np.ndarray:
    """Sorted distinct 64-bit hashes of the character `size`-grams of `text` without whitespace.

    Deterministic (no Python `hash()`, which is salted per process) and vectorised, in chunks so
    that a 25 MB text costs a few numpy passes and bounded temporary memory, not a Python loop.
    A text shorter than `size` is one shingle.
    """
    compact = _compact(text)
    if not compact:
        return np.empty(0, dtype=np.uint64)
    width = min(size, len(compact))
    count = len(compact) - width + 1
    chunks = []
    for start in range(0, count, _CHUNK):
        piece = compact[start : min(start + _CHUNK, count) + width - 1]
        codes = np.frombuffer(piece.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
        n = len(codes) - width + 1
        with np.errstate(over="ignore"):
            h = np.zeros(n, dtype=np.uint64)
            for k in range(width):  # polynomial hash of each window, mod 2^64
                h = h * np.uint64(0x100000001B3) + codes[k : k + n] + np.uint64(1)
            chunks.append(_distinct(_mix64(h)))
    return chunks[0] if len(chunks) == 1 else _distinct(np.concatenate(chunks))


def _distinct(values: np.ndarray) -> np.ndarray:
    """Sorted distinct values. (np.unique is ~100× slower on uint64 in numpy 2.4: measured.)"""
    values = np.sort(values)
    if len(values) < 2:
        return values
    return values[np.concatenate(([True], values[1:] != values[:-1]))]


def _minhash(hashes: np.ndarray, num_perm: int = NUM_PERM) -> MinHash:
    mh = MinHash(num_perm=num_perm, seed=SEED, hashfunc=int)
    high = (hashes >> np.uint64(32)).astype(np.uint32)  # MinHash's default scheme takes 32-bit values
    for start in range(0, len(high), _BATCH):
        mh.update_batch(high[start : start + _BATCH].tolist())
    return mh


def signature(text: str, num_perm: int = NUM_PERM) -> list[int]:
    """The MinHash signature of `text` (normalised) as plain ints, for a store to keep."""
    return [int(v) for v in _minhash(shingle_hashes(text), num_perm).hashvalues]


def estimated_similarity(sig_a: list[int], sig_b: list[int]) -> float:
    """Estimated Jaccard similarity of two signatures: the share of equal MinHash values."""
    if len(sig_a) != len(sig_b) or not sig_a:
        raise ValueError("signatures of different lengths")
    return float(np.mean(np.asarray(sig_a, dtype=np.uint64) == np.asarray(sig_b, dtype=np.uint64)))


def exact_jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Jaccard similarity of two sorted distinct hash arrays."""
    if not len(a) and not len(b):
        return 1.0
    common = len(np.intersect1d(a, b, assume_unique=True))
    return common / (len(a) + len(b) - common)


@dataclass(frozen=True, slots=True)
class NearMatch:
    key: str  # the earlier document
    similarity: float  # Jaccard similarity of the shingle sets, 0..1
    exact: bool = True  # False when computed from stored signatures only (MinHash estimate)


class NearDuplicateIndex:
    """Near-duplicates among the documents added so far. Not thread-safe; deterministic."""

    def __init__(self, threshold: float = 0.8, *, num_perm: int = NUM_PERM, min_chars: int = MIN_CHARS,
                 max_exact_bytes: int | None = None) -> None:
        """`max_exact_bytes` bounds the shingles kept for exact similarity (8 bytes per distinct shingle,
        ~40 KB for a 5,000-character text); documents added beyond it are compared by their MinHash
        estimate only. None keeps every document's, as a run of a few thousand documents can afford."""
        if not 0.0 < threshold <= 1.0:
            raise ValueError(f"threshold must be in (0, 1], got {threshold}")
        self.threshold = threshold
        self.num_perm = num_perm
        self.min_chars = min_chars
        # Candidates are looked for below the reporting threshold: LSH misses some pairs just above
        # its own threshold, and the exact Jaccard check removes the extra candidates cheaply.
        self._lsh = MinHashLSH(threshold=max(0.3, threshold - 0.2), num_perm=num_perm)
        self._order: dict[str, int] = {}  # key -> insertion order, for deterministic ties
        self._shingles: dict[str, np.ndarray] = {}
        self._signatures: dict[str, np.ndarray] = {}  # MinHash values only (the objects are heavier)
        self._short: dict[str, list[str]] = {}  # sha256 of a short compact text -> keys, in order
        self.max_exact_bytes = max_exact_bytes
        self._exact_bytes = 0

    def __len__(self) -> int:
        return len(self._order)

    def __contains__(self, key: object) -> bool:
        return key in self._order

    def add(self, key: str, text: str) -> NearMatch | None:
        """Add a document; return the most similar earlier one at or above the threshold, if any.

        A key already in the index (the same file met twice) is not added again: the best match
        among the *other* documents is returned.
        """
        if key in self._order:
            return self._best(self.matches(text, exclude=key))
        compact = _compact(text)
        if len(compact) < self.min_chars:
            match = self._short_match(compact)
            self._short.setdefault(text_sha256(compact), []).append(key)
            self._order[key] = len(self._order)
            return match
        hashes = shingle_hashes(compact)
        mh = _minhash(hashes, self.num_perm)
        match = self._best(self._matches(hashes, mh))
        self._insert(key, mh)
        # A huge document, and any document past the memory budget, is compared by its MinHash estimate only.
        if len(hashes) <= _MAX_EXACT and (self.max_exact_bytes is None
                                          or self._exact_bytes + hashes.nbytes <= self.max_exact_bytes):
            self._shingles[key] = hashes
            self._exact_bytes += hashes.nbytes
        return match

    def add_signature(self, key: str, sig: list[int]) -> None:
        """Add a document known only by its stored signature (a long text's); a known key is kept as is."""
        if key in self._order:
            return
        self._insert(key, MinHash(num_perm=self.num_perm, seed=SEED, hashvalues=sig, scheme="affine32"))

    def query(self, text: str) -> NearMatch | None:
        """The most similar indexed document at or above the threshold, without adding `text`."""
        return self._best(self.matches(text))

    def matches(self, text: str, exclude: str | None = None) -> list[NearMatch]:
        """Every indexed document (but `exclude`) at or above the threshold, most similar first."""
        compact = _compact(text)
        if len(compact) < self.min_chars:
            match = self._short_match(compact, exclude)
            return [match] if match else []
        hashes = shingle_hashes(compact)
        return [m for m in self._matches(hashes, _minhash(hashes, self.num_perm)) if m.key != exclude]

    # ------------------------------------------------------------------------------------------

    def _insert(self, key: str, mh: MinHash) -> None:
        self._lsh.insert(key, mh)
        self._signatures[key] = mh.hashvalues
        self._order[key] = len(self._order)

    def _short_match(self, compact: str, exclude: str | None = None) -> NearMatch | None:
        keys = [k for k in self._short.get(text_sha256(compact), ()) if k != exclude]
        return NearMatch(keys[0], 1.0) if keys else None

    def _matches(self, hashes: np.ndarray, mh: MinHash) -> list[NearMatch]:
        found = []
        for key in self._lsh.query(mh):
            stored = self._shingles.get(key)
            if stored is not None:
                found.append(NearMatch(key, exact_jaccard(hashes, stored)))
            else:
                estimate = float(np.mean(mh.hashvalues == self._signatures[key]))
                found.append(NearMatch(key, estimate, exact=False))
        found = [m for m in found if m.similarity >= self.threshold]
        found.sort(key=lambda m: (-m.similarity, self._order[m.key]))
        return found

    @staticmethod
    def _best(found: list[NearMatch]) -> NearMatch | None:
        return found[0] if found else None
