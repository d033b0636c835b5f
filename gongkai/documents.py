"""The data that flows through gongkai. No I/O here."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Notice:
    """A warning about the quality of extracted text (garbage, OCR used, repairs made)."""

    code: str
    message: str
    page: int | None = None


@dataclass
class Page:
    number: int  # 1-based
    text: str
    ocr: bool = False


@dataclass
class RawExtraction:
    """What a format extractor returns: text per page (not yet normalised), metadata, warnings."""

    pages: list[Page]
    metadata: dict = field(default_factory=dict)
    warnings: list[Notice] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n\n".join(p.text for p in self.pages if p.text)


@dataclass
class ExtractedDocument:
    """One document after extraction and normalisation: the input to rules and the classifier."""

    source: str
    sha256: str
    format: str | None = None
    pages: int = 0
    text: str = ""
    text_sha256: str | None = None
    metadata: dict = field(default_factory=dict)
    warnings: list[Notice] = field(default_factory=list)
    error: dict | None = None  # {"code", "message"} from GongkaiError.as_dict()
    duplicate_of: str | None = None
    similarity: float | None = None

    @property
    def ok(self) -> bool:
        return self.error is None

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass
class Evidence:
    text: str
    start: int
    end: int
    rule: str  # versioned rule id, e.g. GK-SM-001@1


@dataclass
class Reason:
    code: str  # a reason code of ../shared/domain.md, or "model"
    article: str
    evidence: list[Evidence] = field(default_factory=list)
    rules: list[str] = field(default_factory=list)
    features: list[dict] = field(default_factory=list)  # top model features, for reasons from the model
    note: str = ""  # e.g. a redaction suggestion


@dataclass
class Proposal:
    """The contract of `gongkai classify --json`: other tools build on it, keep it stable."""

    source: str
    sha256: str
    disclosure: str | None = None
    secrecy: str | None = None
    confidence: float | None = None
    reasons: list[Reason] = field(default_factory=list)
    pii: list[dict] = field(default_factory=list)  # {"type", "start", "end", "masked"}
    marks: dict = field(default_factory=dict)
    sealed: bool = False
    duplicate_of: str | None = None
    route: str | None = None
    model_version: str | None = None
    error: dict | None = None
    flags: list[str] = field(default_factory=list)  # e.g. "conflict: 此件公开发布 with 机密★10年"

    def as_dict(self) -> dict:
        return asdict(self)
