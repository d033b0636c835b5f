"""Read the part-3 and part-4 tables back out of an annual report made elsewhere: DOCX (python-docx
tables), HTML (lxml tables) or PDF (pdfplumber text, where a table row is a line: its printed name, then
its numbers).

Every format is reduced to lines of (labels, values); a line is a part-3 row when one of its labels is a
row name of the template (after normalising full- and half-width punctuation and spacing) and it carries
seven values, and the part-4 row when it carries fifteen values and no name. Values are taken in the
template's column order. A blank or a dash is an empty cell."""
from __future__ import annotations

import re
from pathlib import Path

from gongkai.errors import GongkaiError
from gongkai.report import tables as T
from gongkai.report.tables import Number, Table

Line = tuple[list[str], list[str]]  # (labels, values) as printed

_WIDTH = str.maketrans({"(": "（", ")": "）", "．": ".", ",": "，", "\"": "“"})
_SPACE = re.compile(r"\s+")
_NUMBER = re.compile(r"^-?\d+(?:\.\d+)?$")
_EMPTY = {"", "-", "－", "—", "/", "无", "——"}


def normalise(label: str) -> str:
    text = _SPACE.sub("", label).translate(_WIDTH)
    return re.sub(r"^(\d+)[、.．]", r"\1.", text)  # 1、属于国家秘密 → 1.属于国家秘密


def _is_value(text: str) -> bool:
    t = _SPACE.sub("", text).replace(",", "")
    return t in _EMPTY or bool(_NUMBER.match(t))


def _value(text: str) -> Number:
    t = _SPACE.sub("", text).replace(",", "")
    if t in _EMPTY:
        return None
    return int(t) if re.fullmatch(r"-?\d+", t) else float(t)


def _split(cells: list[str]) -> Line:
    """Leading label cells, then the value cells (a row whose value area holds text is not a data row)."""
    n = len(cells)
    while n > 0 and _is_value(cells[n - 1]):
        n -= 1
    labels = [c for c in cells[:n] if c.strip()]
    return labels, cells[n:]


_PART3_NAMES = {normalise(r): r for r in T.part3_rows()}


def _part3_row(labels: list[str]) -> str | None:
    """The row a line's labels name. Exactly: the last label that is a row name (a sub-row's name comes
    after its group's, which comes after the part's; a group's 小计 line carries its group's name).
    Else, for text run together from a PDF (a wrapped name cut short, a spanned cell's name printed on a
    neighbour's line): the row name of which the longest beginning, at least six characters or the whole
    name, occurs latest in the text."""
    for label in reversed(labels):
        key = normalise(label).removesuffix(T.SUBTOTAL)
        if key in _PART3_NAMES:
            return _PART3_NAMES[key]
    text = normalise("".join(labels)).removesuffix(T.SUBTOTAL)
    best: tuple[int, int, str] | None = None
    for name_key, row in _PART3_NAMES.items():
        for length in range(len(name_key), min(6, len(name_key)) - 1, -1):
            at = text.rfind(name_key[:length])
            if at >= 0:
                if best is None or (at, length) > best[:2]:
                    best = (at, length, row)
                break
    return best[2] if best else None


def tables_from_lines(lines: list[Line]) -> list[Table]:
    p3, p4 = T.part3_table(), T.part4_table()
    width3, width4 = len(T.PART3_COLUMNS), len(T.PART4_COLUMNS)
    rows3 = [(labels, values) for labels, values in lines if len(values) == width3]
    if not _by_position(p3, rows3):
        _by_name(p3, rows3)
    _groups_not_printed(p3)
    for labels, values in lines:
        if len(values) == width4 and not labels:
            _set_row(p4, T.REVIEW_COUNTS, values)
            break
    return [p3, p4]


def _by_name(p3: Table, lines: list[Line]) -> None:
    group_of = {sub: group for group, subs in T.group_rows().items() for sub in subs}
    subtotal: list[str] | None = None  # a 小计 line read before we know its group (a PDF prints the
    # group's name in the middle of the rows it spans, on one of its sub-rows' lines)
    for labels, values in lines:
        row = _part3_row(labels) if labels else None
        if row is None and labels and normalise(labels[-1]).endswith(T.SUBTOTAL):
            subtotal = values
            continue
        if row is None:
            continue
        if subtotal is not None and row in group_of and not _has_row(p3, group_of[row]):
            _set_row(p3, group_of[row], subtotal)
        subtotal = None
        if not _has_row(p3, row):  # the first occurrence counts (a report may repeat a table in an annex)
            _set_row(p3, row, values)


def _by_position(p3: Table, lines: list[Line]) -> bool:
    """A PDF whose narrow name column wrapped and mixed the names: when the lines from 本年新收 to 结转下年度
    are exactly the template's rows in number (with or without the groups' own lines), take them in the
    template's order — provided every line whose name is read plainly agrees with its position."""
    names = [_part3_row(labels) if labels else None for labels, _v in lines]
    if T.RECEIVED not in names or T.CARRIED_OUT not in names:
        return False
    first, last = names.index(T.RECEIVED), names.index(T.CARRIED_OUT)
    window = lines[first:last + 1]
    with_groups = T.part3_rows()
    without = [r for r in with_groups if not T.group_rows().get(r)]
    for order in (with_groups, without):
        if len(window) != len(order):
            continue
        plain = [(i, _plain_name(labels)) for i, (labels, _v) in enumerate(window)]
        if all(name is None or name == order[i] for i, name in plain) and sum(n is not None for _i, n in plain) >= 4:
            for row, (_labels, values) in zip(order, window):
                _set_row(p3, row, values)
            return True
    return False


def _plain_name(labels: list[str]) -> str | None:
    """The row a label names exactly (or with its group's or part's name before it), else None."""
    text = normalise("".join(labels)).removesuffix(T.SUBTOTAL)
    for key, row in _PART3_NAMES.items():
        if text == key or (text.endswith(key) and len(key) >= 6):
            return row
    return None


def _groups_not_printed(p3: Table) -> None:
    """The national template prints no line of its own for a group with sub-rows: there, the group's
    figure is the sum of its sub-rows, so that （七）总计 is still checked against them."""
    for group, subs in T.group_rows().items():
        if subs and not _has_row(p3, group) and all(_has_row(p3, s) for s in subs):
            for column in p3.columns:
                p3.set(group, column, sum(p3.get(s, column) or 0 for s in subs))


def _has_row(table: Table, row: str) -> bool:
    return any((row, c) in table.cells for c in table.columns)


def _set_row(table: Table, row: str, values: list[str]) -> None:
    for column, text in zip(table.columns, values):
        table.set(row, column, _value(text))


# --- the formats -----------------------------------------------------------------------------------

def docx_lines(path: Path) -> list[Line]:
    from docx import Document

    lines = []
    for table in Document(str(path)).tables:
        for row in table.rows:
            cells, seen = [], None
            for cell in row.cells:  # a merged cell is returned once per grid column it spans
                if cell._tc is seen:
                    continue
                seen = cell._tc
                cells.append(cell.text.strip())
            lines.append(_split(cells))
    return lines


def html_lines(path: Path) -> list[Line]:
    from lxml import html

    tree = html.fromstring(Path(path).read_bytes())
    lines = []
    for tr in tree.iter("tr"):
        lines.append(_split([cell.text_content().strip() for cell in tr if cell.tag in ("td", "th")]))
    return lines


def pdf_lines(path: Path) -> list[Line]:
    """Each text line: its trailing numbers are the values, the rest the name. A name wrapped onto lines
    of its own (a long row name in a narrow column) is joined to the next line that has numbers."""
    import pdfplumber

    lines, pending = [], ""
    with pdfplumber.open(str(path)) as pdf:
        for page in pdf.pages:
            for text in (page.extract_text() or "").splitlines():
                tokens = text.split()
                n = len(tokens)
                while n > 0 and _is_value(tokens[n - 1]):
                    n -= 1
                label, values = "".join(tokens[:n]), tokens[n:]
                if not values:
                    pending = (pending + label)[-200:]
                    continue
                labels = [label] if label else []
                if pending and label and _part3_row(labels) is None:
                    labels = [pending + label]
                elif pending and not label and len(values) == len(T.PART3_COLUMNS):
                    labels = [pending]
                lines.append((labels, values))
                pending = ""
    return lines


READERS = {".docx": docx_lines, ".html": html_lines, ".htm": html_lines, ".pdf": pdf_lines}


def read_report(path: Path | str) -> list[Table]:
    path = Path(path)
    if not path.is_file():
        raise GongkaiError("not_found", str(path))
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise GongkaiError("unsupported_type", f"{path.name}: 年度报告请用 DOCX、HTML 或 PDF")
    try:
        return tables_from_lines(reader(path))
    except GongkaiError:
        raise
    except Exception as exc:  # a damaged file: python-docx, lxml and pdfminer each raise their own kinds
        raise GongkaiError("corrupted", f"{path.name}: {type(exc).__name__}: {exc}") from None
