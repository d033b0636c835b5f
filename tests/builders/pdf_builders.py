"""Build test PDFs at test time from Chinese text we wrote ourselves (reportlab + WQY Micro Hei).

Layout is drawn line by line with the canvas, not flowed, so positions (and the golden text) are
deterministic across reportlab versions.
"""
from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

WQY = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
A4 = (595.28, 841.89)
LEFT, BODY_SIZE, LINE_GAP, CHARS_PER_LINE = 72.0, 14.0, 24.0, 30

SECRECY_MARK = "机密★10年"
RUNNING_HEADER = "某市财政局关于二〇二五年度预算执行情况的报告"
# One style of page number per page, as different producers write them.
PAGE_NUMBERS = {1: "— 1 —", 2: "- 2 -", 3: "第 3 页 共 4 页", 4: "— 4 —"}
TITLE = "关于二〇二五年度预算执行情况的报告"
PARAGRAPHS = [
    "市人大常委会：根据《中华人民共和国预算法》的规定，现将本市二〇二五年度预算执行情况报告如下，请予审议。",
    "一、一般公共预算执行情况",
    "全年一般公共预算收入完成一百二十三亿元，比上年增长百分之五点二，完成调整预算的百分之一百零一。"
    "其中税收收入九十八亿元，非税收入二十五亿元。一般公共预算支出完成二百零一亿元，"
    "重点保障了教育、社会保障和就业、卫生健康等民生领域支出，民生支出占比达到百分之七十八。"
    "各部门严格执行预算，从严控制一般性支出，三公经费比上年下降百分之三。",
    "二、政府性基金预算执行情况",
    "政府性基金预算收入完成四十五亿元，主要是国有土地使用权出让收入。政府性基金预算支出完成四十二亿元。",
    "三、下一步工作",
    "我们将继续深化预算管理制度改革，加强预算绩效管理，提高财政资金使用效益，主动接受人大监督。",
]
TABLE_TITLE = "表一  二〇二五年度一般公共预算收支表"
TABLE = [
    ["项目", "预算数", "决算数"],
    ["税收收入", "9,500.00", "9,800.00"],
    ["非税收入", "2,300.00", "2,500.00"],
    ["一般公共预算支出", "19,800.00", "20,100.00"],
]
LINES_PER_PAGE = 8


def _font() -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if "WQY" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("WQY", WQY, subfontIndex=0))
    return "WQY"


def wrap(text: str, width: int = CHARS_PER_LINE) -> list[str]:
    return [text[i:i + width] for i in range(0, len(text), width)] or [""]


def body_lines() -> list[str]:
    lines = [TITLE, ""]
    for paragraph in PARAGRAPHS:
        lines.extend(wrap(paragraph))
    return lines


def build_multipage_pdf(path: Path) -> Path:
    """4 pages: secrecy mark on page 1, running header on pages 2-4, a page number on every page in
    several styles, body text that runs on from page 1 to page 2 mid-paragraph, a ruled table on page 4."""
    from reportlab.pdfgen import canvas

    font = _font()
    width, height = A4
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setTitle("Microsoft Word - 预算执行情况报告.docx")
    lines = body_lines()
    chunks = [lines[:LINES_PER_PAGE], lines[LINES_PER_PAGE:2 * LINES_PER_PAGE], lines[2 * LINES_PER_PAGE:]]
    for number in range(1, 5):
        if number == 1:
            c.setFont(font, 16)
            c.drawString(LEFT, height - 60, SECRECY_MARK)
        else:
            c.setFont(font, 10.5)
            c.drawCentredString(width / 2, height - 50, RUNNING_HEADER)
            c.line(LEFT, height - 56, width - LEFT, height - 56)
        y = height - 110
        c.setFont(font, BODY_SIZE)
        if number <= 3:
            for line in chunks[number - 1]:
                c.drawString(LEFT, y, line)
                y -= LINE_GAP
        else:
            _draw_table(c, font, y)
        c.setFont(font, 12)
        c.drawCentredString(width / 2, 40, PAGE_NUMBERS[number])
        c.showPage()
    c.save()
    return path


def _draw_table(c, font: str, top: float) -> None:
    c.drawString(LEFT, top, TABLE_TITLE)
    col_x = [LEFT, LEFT + 200, LEFT + 320, LEFT + 440]
    row_h = 26
    y0 = top - 20
    for r, row in enumerate(TABLE):
        y = y0 - r * row_h
        for i, cell in enumerate(row):
            c.drawString(col_x[i] + 6, y - 18, cell)
    for r in range(len(TABLE) + 1):
        c.line(col_x[0], y0 - r * row_h, col_x[-1], y0 - r * row_h)
    for x in col_x:
        c.line(x, y0, x, y0 - len(TABLE) * row_h)


def text_pdf(path: Path, pages: list[list[str]], *, encrypt=None, size: float = BODY_SIZE) -> Path:
    """Plain pages of text lines; `encrypt` is passed to reportlab's Canvas."""
    from reportlab.pdfgen import canvas

    font = _font()
    c = canvas.Canvas(str(path), pagesize=A4, encrypt=encrypt)
    for lines in pages:
        c.setFont(font, size)
        y = A4[1] - 90
        for line in lines:
            c.drawString(LEFT, y, line)
            y -= LINE_GAP
        c.showPage()
    c.save()
    return path


def build_encrypted_pdf(path: Path, user_password: str = "", owner_password: str = "owner") -> Path:
    from reportlab.lib.pdfencrypt import StandardEncryption

    encryption = StandardEncryption(user_password, ownerPassword=owner_password, canPrint=0, canCopy=0)
    return text_pdf(path, [["此件依申请公开", "关于加强档案管理工作的通知"]], encrypt=encryption)


def build_cid_garbage_pdf(path: Path) -> Path:
    """A PDF whose font has no /ToUnicode map: pdfminer gives (cid:N), pdfium control characters.

    The key is renamed with the same length, so the xref offsets stay valid.
    """
    text_pdf(path, [["关于加强个人所得税纳税信用建设的通知", "各省自治区直辖市税务局"]], size=20)
    data = path.read_bytes()
    assert b"/ToUnicode" in data
    path.write_bytes(data.replace(b"/ToUnicode", b"/ToUnicodX"))
    return path


def render_text_image(lines: list[str], dpi: int = 300, size_pt: float = 14.0):
    """An A4 'scan' of the lines: black text on white, at `dpi`."""
    from PIL import Image, ImageDraw, ImageFont

    scale = dpi / 72
    image = Image.new("L", (int(A4[0] * scale), int(A4[1] * scale)), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(WQY, int(size_pt * scale), index=0)
    y = 90 * scale
    for line in lines:
        draw.text((LEFT * scale, y), line, font=font, fill=0)
        y += LINE_GAP * scale
    return image


def build_scanned_pdf(path: Path, lines: list[str], dpi: int = 200, text_page: list[str] | None = None) -> Path:
    """An image-only page (no text layer), as a scanner makes it; `text_page` adds a text page before it."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    render_text_image(lines, dpi).save(buffer, format="PNG")
    buffer.seek(0)
    c = canvas.Canvas(str(path), pagesize=A4)
    if text_page:
        c.setFont(_font(), BODY_SIZE)
        for i, line in enumerate(text_page):
            c.drawString(LEFT, A4[1] - 90 - i * LINE_GAP, line)
        c.showPage()
    c.drawImage(ImageReader(buffer), 0, 0, width=A4[0], height=A4[1])
    c.showPage()
    c.save()
    return path


def build_broken_pdfs(folder: Path, source: Path) -> dict[str, Path]:
    """Zero bytes, cut in half, header then garbage (with and without a closing %%EOF)."""
    data = source.read_bytes()
    files = {
        "zero": (folder / "zero.pdf", b""),
        "truncated": (folder / "truncated.pdf", data[: len(data) // 2]),
        "garbage": (folder / "garbage.pdf", b"%PDF-1.7\n" + bytes(range(256)) * 40),
        "garbage_eof": (folder / "garbage_eof.pdf", b"%PDF-1.4\n" + b"\x8f\x00junk obj <<" * 300 + b"\n%%EOF\n"),
        "not_pdf": (folder / "not_pdf.pdf", "这不是PDF文件，只是改了扩展名的文本。\n".encode() * 50),
    }
    for path, content in files.values():
        path.write_bytes(content)
    return {name: path for name, (path, _) in files.items()}


def build_libreoffice_pdf(folder: Path) -> Path | None:
    """A python-docx file with a header and a PAGE field in the footer, converted by LibreOffice.
    None when soffice is not installed."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return None
    import docx
    from docx.oxml import parse_xml
    from docx.shared import Pt

    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = RUNNING_HEADER
    footer = section.footer.paragraphs[0]
    footer.text = "第 "
    footer._p.append(parse_xml(
        '<w:fldSimple xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'w:instr="PAGE"><w:r><w:t>1</w:t></w:r></w:fldSimple>'))
    footer.add_run(" 页")
    style = document.styles["Normal"]
    style.font.size = Pt(14)
    style.font.name = "WenQuanYi Micro Hei"
    style.element.rPr.rFonts.set("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia",
                                 "WenQuanYi Micro Hei")
    document.add_paragraph(TITLE)
    for _ in range(6):  # enough text for three pages
        for paragraph in PARAGRAPHS:
            document.add_paragraph(paragraph)
    docx_path = folder / "report.docx"
    document.save(str(docx_path))
    profile = folder / "lo-profile"
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{profile}", "--convert-to", "pdf",
                    str(docx_path), "--outdir", str(folder)], check=True, capture_output=True, timeout=180)
    return folder / "report.pdf"


def build_outlined_pdf(path: Path) -> Path:
    """A page with no characters, only curves — what 'convert text to outlines' leaves behind."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    c.drawString(LEFT, A4[1] - 60, "")
    for i in range(40):
        x, y = LEFT + (i % 20) * 20, A4[1] - 120 - (i // 20) * 30
        c.bezier(x, y, x + 5, y + 15, x + 10, y - 15, x + 15, y)
    c.showPage()
    c.save()
    return path
