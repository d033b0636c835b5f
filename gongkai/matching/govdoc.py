"""公文 structure parser (GB/T 9704-2012 layout, as it survives text extraction).

Works line by line on normalised text. Extraction breaks the red-header layout in many ways (spaces
inside the organ name, the mark and the copy number on one line, brackets of the doc number turned
into [] or ()), so every element is found by its own content, not by its line number alone.

Heuristics (documented because reviewers see the result):
- the head block (版头) is everything before the title; with no title it is the leading run of short,
  sentence-free lines (at most 8) — a sentence is never part of the head;
- the title is the first line after the doc number (or, without one, an early line starting with 关于 or
  ending in a 文种), continued on the next line when the 文种 only comes there;
- the 文种 (doc_type) is the last 文种 word the title ends with;
- `direction`: 请示, 报告, 议案 go up to a superior; 函 and 纪要 go sideways (parallel) — 纪要 is a record
  among the participants; everything else (通知, 决定, 批复, 公告, 意见, 年度报告/年报…) goes down or out
  to the public (a 年度报告 is the published Art. 50 report, not a report to a superior).
  An 意见 or 报告 sent to equals cannot be told apart from text; this is a cue, not a fact.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

from gongkai.matching.marks import _LEVEL as _MARK_LEVEL
from gongkai.matching.marks import DISCLOSURE_RE, MARK_RE, DisclosureLine, MarkInfo, parse_disclosure_line, parse_mark

DOC_TYPES = (  # longest first so that 复函 wins over 函
    "年度报告", "实施细则", "实施方案", "工作要点", "工作方案", "应急预案", "会议纪要", "复函", "决议", "决定", "命令",
    "公报", "公告", "通告", "意见", "通知", "通报", "报告", "请示", "批复", "议案", "纪要", "函", "令",
    "方案", "规划", "计划", "办法", "规定", "细则", "条例", "规则", "公示", "总结", "要点", "预案", "答复",
    "说明", "纲要", "规范", "标准", "指南", "章程", "制度", "解释", "年报", "法",
)
UPWARD = {"请示", "报告", "议案"}
PARALLEL = {"函", "复函", "纪要", "会议纪要", "答复"}

_SP = r"[ \t\u3000]*"
DOC_NUMBER_RE = re.compile(
    rf"[\u4e00-\u9fff]{{1,16}}{_SP}[〔\[［(（【]{_SP}(?:19|20)\d{{2}}{_SP}[〕\]］)）】]{_SP}\d{{1,5}}{_SP}号"
)
COPY_NO_RE = re.compile(r"(?<!\d)\d{6}(?!\d)")
URGENCY_RE = re.compile(r"特\s*急|加\s*急|特\s*提|平\s*急")
DATE_RE = re.compile(
    r"(?:(?:19|20)\d{2}|[〇○零一二三四五六七八九]{4})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月\s*[\d一二三四五六七八九十]{1,3}\s*日"
)
ATTACH_RE = re.compile(r"^\s*附\s*件\s*[:：]")
CC_RE = re.compile(r"^\s*抄\s*送\s*[:：]")
PRINTED_RE = re.compile(r"印\s*发\s*$")
SIGNER_RE = re.compile(r"签\s*发\s*人\s*[:：]")
_SENTENCE = re.compile(r"[。；！？]|[，,].*[，,]")
_MARKDOWN_HEADING = re.compile(r"^#+\s*")


@dataclass
class Field:
    text: str
    start: int
    end: int


@dataclass
class GovDocStructure:
    copy_no: Field | None = None  # 份号
    secrecy: Field | None = None  # 密级和保密期限 (raw)
    secrecy_parsed: MarkInfo | None = None
    urgency: Field | None = None  # 紧急程度
    issuer_mark: Field | None = None  # 发文机关标志
    doc_number: Field | None = None  # 发文字号
    signer: Field | None = None  # 签发人 (upward documents)
    title: Field | None = None
    addressee: Field | None = None  # 主送机关
    body: Field | None = None  # 正文
    attachments: Field | None = None  # 附件说明
    signature: Field | None = None  # 署名
    date: Field | None = None  # 成文日期
    note: Field | None = None  # 附注 (usually the disclosure line)
    disclosure: DisclosureLine | None = None
    cc: Field | None = None  # 抄送
    printed: Field | None = None  # 印发机关和印发日期
    doc_type: str | None = None  # 文种
    direction: str | None = None  # upward | downward | parallel
    head_end: int = 0

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass
class _Line:
    text: str  # stripped
    start: int
    end: int

    def field(self) -> Field:
        return Field(self.text, self.start, self.end)


def _lines(text: str) -> list[_Line]:
    out, pos = [], 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        stripped = body.strip()
        if stripped:
            lead = len(body) - len(body.lstrip())
            out.append(_Line(stripped, pos + lead, pos + lead + len(stripped)))
        pos += len(raw)
    return out


def _doc_type(title: str) -> str | None:
    core = re.sub(r"[（(][^（）()]*[）)]\s*$", "", _MARKDOWN_HEADING.sub("", title).strip())  # (草案) / (试行)
    core = re.sub(r"[\s《》〈〉“”\"'。]+$", "", core)
    for t in DOC_TYPES:
        if core.endswith(t):
            return t
    return None


def _is_title(line: str) -> bool:
    plain = _MARKDOWN_HEADING.sub("", line)
    if len(plain) > 80 or _SENTENCE.search(plain) or plain.endswith(("：", ":")):
        return False
    return plain.startswith("关于") or _doc_type(plain) is not None


def _is_head_like(line: str) -> bool:
    return len(line) <= 40 and not _SENTENCE.search(line) and not line.endswith(("：", ":"))


def parse_govdoc(text: str) -> GovDocStructure:
    s = GovDocStructure()
    lines = _lines(text)
    if not lines:
        return s
    i = 0
    # --- head: copy number, mark, urgency, issuer, doc number (at most the first 12 lines)
    head_limit = min(len(lines), 12)
    doc_no_line = None
    for k in range(head_limit):
        ln = lines[k]
        if m := DOC_NUMBER_RE.search(ln.text):
            if k > 0 and _SENTENCE.search(ln.text):
                continue  # a doc number cited inside a sentence is not this document's number
            s.doc_number = Field(m.group(0), ln.start + m.start(), ln.start + m.end())
            if sm := SIGNER_RE.search(ln.text):
                s.signer = Field(ln.text[sm.start():].strip(), ln.start + sm.start(), ln.end)
            doc_no_line = k
            break
    head_scan = lines[: doc_no_line if doc_no_line is not None else head_limit]
    issuer_lines: list[_Line] = []
    for k, ln in enumerate(head_scan):
        if _SENTENCE.search(ln.text):
            break
        if doc_no_line is None and _is_title(ln.text):
            # extraction can glue the head onto the title line: "000123 机密★1年 关于…的通知"
            if (m := _TITLE_PREFIX_RE.match(ln.text)) and m.group(0).strip():
                _head_items(s, text, _Line(m.group(0).rstrip(), ln.start, ln.start + len(m.group(0).rstrip())), k)
            break
        if not _head_items(s, text, ln, k) and doc_no_line is not None:
            issuer_lines.append(ln)
    if issuer_lines:
        s.issuer_mark = Field(text[issuer_lines[0].start: issuer_lines[-1].end], issuer_lines[0].start,
                              issuer_lines[-1].end)
    # --- title
    if doc_no_line is not None:
        i = doc_no_line + 1
        while i < len(lines) and re.fullmatch(r"[-—─━_＿=＝\s]+", lines[i].text):
            i += 1
        title_idx = i if i < len(lines) and not _SENTENCE.search(lines[i].text) else None
    else:
        title_idx = next((k for k in range(min(len(lines), 8)) if _is_title(lines[k].text)), None)
    if title_idx is not None and title_idx < len(lines):
        first = last = lines[title_idx]
        if (m := _TITLE_PREFIX_RE.match(first.text)) and m.group(0).strip():
            cut = len(m.group(0))
            first = _Line(first.text[cut:], first.start + cut, first.end)
            if last is lines[title_idx]:
                last = first
        nxt = title_idx + 1
        if _doc_type(first.text) is None and nxt < len(lines) and _is_title(lines[nxt].text) \
                and len(lines[nxt].text) <= 40:
            last = lines[nxt]
        s.title = Field(text[first.start: last.end], first.start, last.end)
        s.doc_type = _doc_type(re.sub(r"\s+", "", s.title.text))
        s.head_end = first.start
        i = title_idx + (2 if last.start != first.start else 1)
    else:
        # no title: the head is the leading run of short, sentence-free lines
        k = 0
        while k < min(len(lines), 8) and _is_head_like(lines[k].text):
            k += 1
        if doc_no_line is not None:
            k = max(k, doc_no_line + 1)
        s.head_end = lines[k - 1].end if k else 0
        i = k
    # --- addressee
    if i < len(lines) and lines[i].text.endswith(("：", ":")) and len(lines[i].text) <= 300 \
            and "。" not in lines[i].text and not ATTACH_RE.match(lines[i].text):
        s.addressee = lines[i].field()
        i += 1
    body_start = i
    # --- tail, scanned from the end: 印发, 抄送, 附注, 成文日期, 署名, 附件说明
    j = len(lines) - 1
    tail_floor = body_start
    if j >= tail_floor and PRINTED_RE.search(lines[j].text) and DATE_RE.search(lines[j].text):
        s.printed = lines[j].field()
        j -= 1
    if j >= tail_floor and CC_RE.match(lines[j].text):
        s.cc = lines[j].field()
        j -= 1
    for k in range(j, max(tail_floor - 1, j - 4), -1):  # the note is usually right after the date
        ln = lines[k]
        if len(ln.text) <= 40 and DISCLOSURE_RE.search(ln.text) and not _SENTENCE.search(ln.text):
            s.note = ln.field()
            s.disclosure = parse_disclosure_line(ln.text, offset=ln.start)
            j = k - 1
            break
    date_idx = None
    for k in range(j, max(tail_floor - 1, j - 6), -1):
        ln = lines[k]
        if (m := DATE_RE.search(ln.text)) and len(ln.text) - len(m.group(0)) <= 12:
            date_idx = k
            s.date = Field(m.group(0), ln.start + m.start(), ln.start + m.end())
            break
    body_end_idx = j
    if date_idx is not None:
        body_end_idx = date_idx - 1
        sig = []
        k = date_idx - 1
        # organ names above the date; the date line itself may carry the name ("某局 2026年3月1日")
        while k >= body_start and len(sig) < 3 and len(lines[k].text) <= 30 \
                and not _SENTENCE.search(lines[k].text) and not lines[k].text.endswith(("。", "：", ":")) \
                and not ATTACH_RE.match(lines[k].text) and not re.match(r"^\d+\s*[.．、]", lines[k].text):
            sig.insert(0, lines[k])
            k -= 1
        if sig:
            s.signature = Field(text[sig[0].start: sig[-1].end], sig[0].start, sig[-1].end)
            body_end_idx = k
    # attachment note: a line starting 附件： in the last part of the body, with its numbered items
    for k in range(body_end_idx, max(body_start - 1, body_end_idx - 12), -1):
        if ATTACH_RE.match(lines[k].text):
            end_line = lines[body_end_idx]
            s.attachments = Field(text[lines[k].start: end_line.end], lines[k].start, end_line.end)
            body_end_idx = k - 1
            break
    if body_start <= body_end_idx and body_start < len(lines):
        b0, b1 = lines[body_start], lines[body_end_idx]
        s.body = Field(text[b0.start: b1.end], b0.start, b1.end)
    if s.disclosure is None:  # a disclosure line somewhere else in the head or tail still counts
        for ln in [ln for ln in lines if ln.end <= s.head_end] + lines[body_end_idx + 1:]:
            if len(ln.text) <= 40 and (d := parse_disclosure_line(ln.text, offset=ln.start)):
                s.disclosure, s.note = d, s.note or ln.field()
                break
    s.direction = _direction(s)
    return s


def _head_items(s: GovDocStructure, text: str, ln: _Line, k: int) -> bool:
    """Record the copy number, mark and urgency found on one head line; True if any was found."""
    consumed = False
    if s.copy_no is None and k <= 1 and (m := COPY_NO_RE.match(ln.text)):
        s.copy_no = Field(m.group(0), ln.start + m.start(), ln.start + m.end())
        consumed = True
    if s.secrecy is None and (m := _HEAD_MARK_RE.search(ln.text)):
        s.secrecy = Field(m["mark"], ln.start + m.start("mark"), ln.start + m.end("mark"))
        s.secrecy_parsed = parse_mark(m["mark"])
        consumed = True
    if s.urgency is None and (m := URGENCY_RE.search(ln.text)) and len(ln.text) <= 30:
        s.urgency = Field(m.group(0), ln.start + m.start(), ln.start + m.end())
        consumed = True
    return consumed


_HEAD_MARK_RE = re.compile(rf"(?:^|(?<=[\s\d]))(?:密\s*级\s*[:：]{_SP})?(?P<mark>{MARK_RE.pattern})(?=[\s\d]|$|特急|加急)")


def _direction(s: GovDocStructure) -> str | None:
    if s.doc_type is None:
        return None
    if s.doc_type in UPWARD:
        return "upward"
    if s.doc_type in PARALLEL:
        return "parallel"
    return "downward"


_TITLE_PREFIX_RE = re.compile(  # a mark glued before a title needs its star, or a space after a bare level
    rf"(?:\d{{6}}{_SP})?"
    rf"(?:(?:密\s*级\s*[:：]{_SP})?(?:(?:{_MARK_LEVEL}){_SP}[★☆*＊✱✩]{_SP}(?:\d+{_SP}(?:年(?:{_SP}\d{{1,2}}{_SP}月(?:{_SP}\d{{1,2}}{_SP}日)?)?|个月|月)|长期|[\u4e00-\u9fff]{{1,8}}?前)?{_SP}"
    rf"|(?:{_MARK_LEVEL})[ \t\u3000]+))?"
    rf"(?:(?:特\s*急|加\s*急){_SP})?"
)
