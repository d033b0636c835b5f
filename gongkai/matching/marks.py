"""Secrecy marks (密级和保密期限) and disclosure lines (附注 such as （此件公开发布）) as structured fields.

The rule files find the marks; this module turns matched text into fields the rest of the pipeline can
trust: level, period, period in years, and flags that a reviewer must see.
Legal maxima (保守国家秘密法, 2024 revision, 保密期限): 绝密 30 years, 机密 20, 秘密 10, "除另有规定外";
where no period can be fixed a 解密条件 is set instead (e.g. 启用前), and 长期 is a decided long-term period.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

from gongkai.labels import SECRET_LEVELS as STATUTORY_LEVELS
MAX_YEARS = {"绝密": 30, "机密": 20, "秘密": 10}
# Non-statutory spellings seen in drafts and OCR, and the level they most likely mean (the stricter one).
NON_STATUTORY = {"绝秘": "绝密", "机秘": "机密", "密秘": "秘密"}
STAR_CHARS = "★☆*＊✱✩文"  # 文: tesseract reads ★ as 文

_LEVEL = "|".join(STATUTORY_LEVELS + tuple(NON_STATUTORY))
_SP = r"[ \t\u3000]*"
MARK_RE = re.compile(
    rf"(?P<level>{_LEVEL}){_SP}"
    rf"(?:(?P<star>[★☆*＊✱✩]|文(?={_SP}(?:\d|长期))){_SP}"
    rf"(?P<period>\d+{_SP}(?:年(?:{_SP}\d{{1,2}}{_SP}月(?:{_SP}\d{{1,2}}{_SP}日)?)?|个月|月)|长期|[\u4e00-\u9fff]{{1,8}}?前)?)?"
)
_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


@dataclass
class MarkInfo:
    raw: str
    level: str | None  # a statutory level (秘密/机密/绝密); a non-statutory one is mapped to the level it likely means
    raw_level: str
    period: str | None  # as written, without spaces: "10年", "6个月", "长期", "启用前"
    period_years: float | None  # 6个月 = 0.5; None for 长期 or a condition
    long_term: bool = False
    condition: str | None = None  # 解密条件 instead of a period, e.g. 启用前
    flags: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return asdict(self)


def parse_mark(raw: str) -> MarkInfo | None:
    """Parse `机密★10年`, `机密 ★ 10 年`, `机密*10年`, `机密☆`, `机密文1年`, `绝密★启用前`, `秘密★长期`.

    Flags: `non_statutory_level` (绝秘…), `no_period` (level alone), `period_over_max`,
    `star_variant` (☆, *, or OCR's 文 instead of ★), `long_term`,
    `decrypt_date` (a 解密时间 such as 2030年12月31日 instead of a length).
    """
    m = MARK_RE.search(raw.translate(_DIGITS))
    if not m:
        return None
    raw_level = m["level"]
    flags: list[str] = []
    level = raw_level
    if raw_level in NON_STATUTORY:
        level = NON_STATUTORY[raw_level]
        flags.append("non_statutory_level")
    star = m["star"]
    if star and star != "★":
        flags.append("star_variant")
    period_raw = re.sub(r"\s+", "", m["period"] or "")
    period, years, long_term, condition = None, None, False, None
    if not period_raw:
        flags.append("no_period")
    else:
        period = period_raw
        if re.fullmatch(r"(?:19|20)\d{2}年(?:\d{1,2}月(?:\d{1,2}日)?)?", period_raw) and int(period_raw[:4]) >= 1949:
            condition = period_raw  # 解密时间 (a date), not a length
            flags.append("decrypt_date")
        elif num := re.fullmatch(r"(\d+)(年|个月|月)", period_raw):
            n = int(num[1])
            years = float(n) if num[2] == "年" else round(n / 12, 4)
            if years > MAX_YEARS[level]:
                flags.append("period_over_max")
            if years == 0:
                flags.append("period_zero")
        elif period_raw == "长期":
            long_term = True
            flags.append("long_term")
        else:
            condition = period_raw
    if years is not None and years.is_integer():
        years = int(years)
    return MarkInfo(raw=m.group(0), level=level, raw_level=raw_level, period=period, period_years=years,
                    long_term=long_term, condition=condition, flags=flags)


# Disclosure lines (附注). The attribute they state, in the label vocabulary of domain.md.
DISCLOSURE_RE = re.compile(
    r"[（(]?\s*此\s*件\s*(?P<attr>公\s*开\s*发\s*布|主\s*动\s*公\s*开|依\s*申\s*请\s*公\s*开|不\s*予\s*公\s*开|不\s*公\s*开)\s*[）)]?"
    r"|(?P<internal>内部资料[\s，,、]*注意保存|内部资料|内部使用|内部文件|内部刊物|^\s*内部(?=\s*$))"
)
_ATTR = {"公开发布": "主动公开", "主动公开": "主动公开", "依申请公开": "依申请公开",
         "不予公开": "不予公开", "不公开": "不予公开"}


@dataclass
class DisclosureLine:
    raw: str
    attribute: str  # 主动公开 | 依申请公开 | 不予公开
    internal: bool  # 内部资料 / 内部使用: internal work information (密级 内部), not published
    start: int = 0
    end: int = 0

    def as_dict(self) -> dict:
        return asdict(self)


def parse_disclosure_line(raw: str, offset: int = 0) -> DisclosureLine | None:
    m = DISCLOSURE_RE.search(raw)
    if not m:
        return None
    if m["internal"]:
        return DisclosureLine(raw=m.group(0), attribute="不予公开", internal=True,
                              start=offset + m.start(), end=offset + m.end())
    attr = _ATTR[re.sub(r"\s+", "", m["attr"])]
    return DisclosureLine(raw=m.group(0), attribute=attr, internal=False,
                          start=offset + m.start(), end=offset + m.end())


def conflicts(mark: MarkInfo | None, line: DisclosureLine | None) -> list[str]:
    """A state-secret mark with a line saying the document is published is a blocking conflict."""
    if mark and mark.level in STATUTORY_LEVELS and line and line.attribute in ("主动公开", "依申请公开"):
        return [f"密级标志“{mark.raw}”与附注“{line.raw}”矛盾：涉密文件不得公开"]
    return []
