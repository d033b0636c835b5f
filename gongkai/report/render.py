"""The annual report as DOCX (python-docx) and as one self-contained HTML file, both with a chart of the
year's requests (matplotlib, PNG; base64 inside the HTML). Fonts: 黑体 for headings, 仿宋 for text, as
government documents are set; the chart uses whatever CJK font matplotlib can find."""
from __future__ import annotations

import base64
import io
import logging
import warnings
from html import escape
from pathlib import Path

from gongkai.info_requests.vocab import APPLICANT_TYPES, REPLY_GROUPS
from gongkai.report import tables as T
from gongkai.report.annual import PART_TITLES, AnnualReport
from gongkai.report.layout import Grid, part2_grid, part3_grid, part4_grid, placed, width

log = logging.getLogger(__name__)

HEADING_FONT, BODY_FONT = "黑体", "仿宋"
CJK_FONT_NAMES = ("WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC",
                  "SimHei", "Microsoft YaHei", "AR PL UMing CN")
CJK_FONT_FILES = ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
                  "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")


def _cjk_font() -> str | None:
    from matplotlib import font_manager

    known = {f.name for f in font_manager.fontManager.ttflist}
    for name in CJK_FONT_NAMES:
        if name in known:
            return name
    for path in CJK_FONT_FILES:  # installed after matplotlib built its cache
        if Path(path).is_file():
            try:
                font_manager.fontManager.addfont(path)
                return font_manager.FontProperties(fname=path).get_name()
            except (OSError, RuntimeError):
                continue
    return None


def chart_png(report: AnnualReport) -> bytes:
    """Two bar charts: the year's new requests by applicant, and the requests closed by result group."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    font = _cjk_font()
    if font is None:
        log.warning("no CJK font found for matplotlib: the chart's Chinese labels will not render")
    p3 = report.part3
    received = [int(p3.get(T.RECEIVED, c) or 0) for c in APPLICANT_TYPES]
    groups = list(REPLY_GROUPS.values())
    short = [g[3:].split("（")[0] for g in groups]  # "（二）部分公开（区分处理的…）" → 部分公开
    closed = [int(p3.get(g, T.TOTAL) or 0) for g in groups]
    fig = Figure(figsize=(9, 3.6), dpi=120)
    style = {"family": font} if font else {}
    left, right = fig.subplots(1, 2)
    left.barh(list(APPLICANT_TYPES)[::-1], received[::-1], color="#b22222")
    left.set_title("本年新收申请（按申请人）", fontdict=style)
    right.barh(short[::-1], closed[::-1], color="#2f5d8a")
    right.set_title("本年办理结果", fontdict=style)
    for axes, values in ((left, received[::-1]), (right, closed[::-1])):
        for label in axes.get_yticklabels():
            if font:
                label.set_fontfamily(font)
        for i, v in enumerate(values):
            axes.text(v, i, f" {v}", va="center", fontsize=8)
        axes.spines[["top", "right"]].set_visible(False)
        axes.set_xlim(0, max(values + [1]) * 1.2)
    fig.suptitle(f"{report.year}年依申请公开工作", **({"fontfamily": font} if font else {}))
    fig.tight_layout()
    out = io.BytesIO()
    with warnings.catch_warnings():  # missing glyphs without a CJK font: already logged once
        warnings.simplefilter("ignore")
        fig.savefig(out, format="png")
    return out.getvalue()


def _grids(report: AnnualReport) -> dict[str, Grid]:
    return {T.PART2_TITLE: part2_grid(report.part2), T.PART3_TITLE: part3_grid(report.part3),
            T.PART4_TITLE: part4_grid(report.part4)}


def _prose(report: AnnualReport) -> dict[str, str]:
    return {PART_TITLES[0]: report.overview, PART_TITLES[4]: report.problems, PART_TITLES[5]: report.other}


# --- DOCX ---------------------------------------------------------------------------------------

def _font(run, name: str, size_pt: float | None = None, bold: bool = False) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt

    run.font.name = name
    rpr = run._element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), name)
    if size_pt:
        run.font.size = Pt(size_pt)
    run.bold = bold


def _borders(table) -> None:
    """Single lines around and between every cell, whatever the template's table style."""
    from docx.oxml.ns import qn

    tbl_pr = table._tbl.tblPr
    borders = tbl_pr.makeelement(qn("w:tblBorders"), {})
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(borders.makeelement(qn(f"w:{edge}"), {qn("w:val"): "single", qn("w:sz"): "4",
                                                               qn("w:space"): "0", qn("w:color"): "000000"}))
    tbl_pr.append(borders)


# Column widths in cm (A4, 2.2 cm margins: 16.6 cm), so that the long row names of part 3 get room.
COLUMN_CM = {4: [5.2, 3.8, 3.8, 3.8], 10: [1.4, 1.9, 4.9] + [1.2] * 7, 15: [16.5 / 15] * 15}


def _docx_table(document, grid: Grid) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm

    n = width(grid)
    table = document.add_table(rows=len(grid), cols=n)
    table.autofit = False
    _borders(table)
    widths = COLUMN_CM.get(n, [16.6 / n] * n)
    cells = table._cells  # once: table.cell() recomputes the whole grid on every call
    for i, cell in enumerate(cells):  # Word reads the cells' widths, LibreOffice the grid's: set both
        cell.width = Cm(widths[i % n])
    for column, cm in zip(table.columns, widths):
        column.width = Cm(cm)
    for r, c, cell in placed(grid):  # cells never overlap, so the ones not merged yet are still in place
        target = cells[r * n + c]
        if cell.rowspan > 1 or cell.colspan > 1:
            target = target.merge(cells[(r + cell.rowspan - 1) * n + c + cell.colspan - 1])
        paragraph = target.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER if (cell.numeric or cell.header) else WD_ALIGN_PARAGRAPH.LEFT
        _font(paragraph.add_run(cell.text), HEADING_FONT if cell.header else BODY_FONT, 9, bold=cell.header)


def write_docx(report: AnnualReport, path: Path, chart: bytes | None = None) -> Path:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm

    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)  # A4 (the default template is US Letter)
    section.left_margin = section.right_margin = Cm(2.2)
    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _font(title.add_run(report.title), HEADING_FONT, 18, bold=True)
    prose, grids = _prose(report), _grids(report)
    for heading in PART_TITLES:
        _font(document.add_paragraph().add_run(heading), HEADING_FONT, 14, bold=True)
        if heading in prose:
            for para in prose[heading].split("\n"):
                p = document.add_paragraph()
                p.paragraph_format.first_line_indent = Cm(0.9)
                _font(p.add_run(para), BODY_FONT, 12)
            if heading == PART_TITLES[0] and chart:
                document.add_picture(io.BytesIO(chart), width=Cm(16))
        else:
            _docx_table(document, grids[heading])
            if heading == T.PART2_TITLE and report.part2_note:
                _font(document.add_paragraph().add_run(report.part2_note), BODY_FONT, 10)
    path = Path(path)
    document.save(path)
    return path


# --- HTML ---------------------------------------------------------------------------------------

_CSS = """body{max-width:60em;margin:2em auto;font-family:"仿宋","FangSong","STFangsong",serif;line-height:1.8}
h1{text-align:center;font-family:"黑体","SimHei",sans-serif;font-size:1.6em}
h2{font-family:"黑体","SimHei",sans-serif;font-size:1.2em;margin-top:1.5em}
p{text-indent:2em}table{border-collapse:collapse;width:100%;font-size:.8em;margin:.5em 0}
td,th{border:1px solid #000;padding:2px 4px}th{font-family:"黑体","SimHei",sans-serif;font-weight:normal}
td.n{text-align:center}img{max-width:100%}.note{text-indent:0;font-size:.9em}"""


def _html_table(grid: Grid) -> str:
    lines = []
    for line in grid:
        cells = []
        for cell in line:
            tag = "th" if cell.header else "td"
            span = (f' colspan="{cell.colspan}"' if cell.colspan > 1 else "") + (
                f' rowspan="{cell.rowspan}"' if cell.rowspan > 1 else "")
            cls = ' class="n"' if cell.numeric else ""
            cells.append(f"<{tag}{span}{cls}>{escape(cell.text)}</{tag}>")
        lines.append("<tr>" + "".join(cells) + "</tr>")
    return "<table>\n" + "\n".join(lines) + "\n</table>"


def render_html(report: AnnualReport, chart: bytes | None = None) -> str:
    prose, grids = _prose(report), _grids(report)
    body = [f"<h1>{escape(report.title)}</h1>"]
    for heading in PART_TITLES:
        body.append(f"<h2>{escape(heading)}</h2>")
        if heading in prose:
            body += [f"<p>{escape(para)}</p>" for para in prose[heading].split("\n") if para.strip()]
            if heading == PART_TITLES[0] and chart:
                data = base64.b64encode(chart).decode("ascii")
                body.append(f'<p><img alt="{report.year}年依申请公开工作图表" src="data:image/png;base64,{data}"></p>')
        else:
            body.append(_html_table(grids[heading]))
            if heading == T.PART2_TITLE and report.part2_note:
                body.append(f'<p class="note">{escape(report.part2_note)}</p>')
    return ('<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
            f"<title>{escape(report.title)}</title><style>{_CSS}</style></head><body>\n"
            + "\n".join(body) + "\n</body></html>\n")


def write_html(report: AnnualReport, path: Path, chart: bytes | None = None) -> Path:
    path = Path(path)
    path.write_text(render_html(report, chart), encoding="utf-8")
    return path
