"""A PDF of the report's tables for the tests, drawn with reportlab from the same grids the DOCX and HTML
writers use: spans, long names wrapped inside narrow cells, names of spanned cells centred vertically —
what a PDF printed from a word processor looks like to pdfplumber."""
from __future__ import annotations

from pathlib import Path

from gongkai.report.layout import Grid, placed, width

FONT_FILE = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"


def grids_to_pdf(titled_grids: list[tuple[str, Grid]], path: Path) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

    if "WQY" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("WQY", FONT_FILE, subfontIndex=0))
    cell_style = ParagraphStyle("cell", fontName="WQY", fontSize=6.5, leading=8)
    heading = ParagraphStyle("h", fontName="WQY", fontSize=12, leading=16, spaceAfter=6)
    story = []
    for title, grid in titled_grids:
        n = width(grid)
        data = [["" for _ in range(n)] for _ in grid]
        spans = []
        for r, c, cell in placed(grid):
            data[r][c] = cell.text if cell.numeric else Paragraph(cell.text, cell_style)
            if cell.rowspan > 1 or cell.colspan > 1:
                spans.append(("SPAN", (c, r), (c + cell.colspan - 1, r + cell.rowspan - 1)))
        usable = A4[0] - 3 * cm
        if n == 10:  # part 3: three label columns, seven numbers
            widths = [1.6 * cm, 1.6 * cm, 5.2 * cm] + [(usable - 8.4 * cm) / 7] * 7
        else:
            widths = [usable / n] * n
        table = Table(data, colWidths=widths)
        table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), "WQY"), ("FONTSIZE", (0, 0), (-1, -1), 6.5),
                                   ("GRID", (0, 0), (-1, -1), 0.5, "black"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                                   ("ALIGN", (0, 0), (-1, -1), "CENTER"), *spans]))
        story += [Paragraph(title, heading), table, PageBreak()]
    SimpleDocTemplate(str(path), pagesize=A4, leftMargin=1.5 * cm, rightMargin=1.5 * cm,
                      topMargin=1.5 * cm, bottomMargin=1.5 * cm).build(story)
    return path
