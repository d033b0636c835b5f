"""Inboxes for intake tests and the nightly benchmark: ordinary documents in several formats, a sealed
one, and the hostile inputs of the extraction issue. All text is invented here."""
from __future__ import annotations

import io
import os
import random
import zipfile
from pathlib import Path

FONT = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"

TOPICS = ["政府信息公开", "安全生产", "防汛抗旱", "农村人居环境整治", "城市更新", "义务教育", "医疗保障", "营商环境"]
OFFICES = ["青川市人民政府办公室", "东湖区教育局", "临河县应急管理局", "柳林镇人民政府", "青川市财政局"]


def notice(n: int, paragraphs: int = 3) -> str:
    """A distinct ordinary notice (document number n), proactively published."""
    rng = random.Random(n)
    topic, office = rng.choice(TOPICS), rng.choice(OFFICES)
    body = [f"为做好{topic}工作，现将第{n}号事项通知如下。"]
    for k in range(paragraphs):
        body.append(f"{'一二三四五六七八九十'[k % 10]}、各单位要在{rng.randint(1, 12)}月{rng.randint(1, 28)}日前完成"
                    f"{topic}任务{n * 10 + k}项，并报送工作台账，确保责任落实到岗到人。")
    return (f"{office}\n青政办发〔2026〕{n}号\n{office}关于做好{topic}工作的通知（第{n}号）\n各有关单位：\n"
            + "\n".join(body) + f"\n{office}\n2026年3月{n % 28 + 1}日\n（此件公开发布）\n")


SECRET_BODY = "储备库地下二层存放应急发电机组四十台，出入口密码由专人保管。"
SECRET = ("000126\n机密★10年\n特急\n临河县人民政府\n临政发〔2026〕7号\n关于调整县应急物资储备库布局的请示\n"
          f"市人民政府：\n{SECRET_BODY}\n妥否，请批示。\n临河县人民政府\n2026年5月8日\n")


def pdf_bytes(pages: list[str]) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    if "WQY" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("WQY", FONT, subfontIndex=0))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    for page in pages:
        c.setFont("WQY", 11)
        y = 800
        for line in page.split("\n"):
            for start in range(0, max(len(line), 1), 40):
                c.drawString(60, y, line[start:start + 40])
                y -= 18
        c.showPage()
    c.save()
    return buf.getvalue()


def docx_bytes(text: str) -> bytes:
    from docx import Document

    doc = Document()
    for line in text.split("\n"):
        if line:
            doc.add_paragraph(line)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def write_documents(folder: Path, count: int, *, start: int = 1, pdf_pages: int = 3) -> dict[str, int]:
    """`count` distinct ordinary documents cycling TXT, DOCX, PDF (multi-page). Returns name -> pages."""
    folder.mkdir(parents=True, exist_ok=True)
    pages = {}
    for n in range(start, start + count):
        kind = n % 3
        if kind == 0:
            name = f"{n:05d}_通知.txt"
            (folder / name).write_text(notice(n), encoding="utf-8")
            pages[name] = 1
        elif kind == 1:
            name = f"{n:05d}_通知.docx"
            (folder / name).write_bytes(docx_bytes(notice(n)))
            pages[name] = 1
        else:
            name = f"{n:05d}_通知.pdf"
            (folder / name).write_bytes(pdf_bytes([notice(n * 100 + p, paragraphs=6) for p in range(pdf_pages)]))
            pages[name] = pdf_pages
    return pages


# name -> the error code it must be quarantined with
HOSTILE = {
    "empty.txt": "empty_file",
    "zero.pdf": "empty_file",
    "header_then_garbage.pdf": "corrupted",
    "truncated.pdf": "corrupted",
    "truncated.docx": "corrupted",
    "zip_renamed.docx": "corrupted",
    "random.txt": "binary_not_text",
    "big.txt": "too_large",
    "link_out.txt": "symlink_refused",
    "link_in.txt": "symlink_refused",  # even pointing inside the inbox: it can be re-pointed before the read
    "hard_out.txt": "hardlink_refused",
    "old.doc": "unsupported_type",
}
OUTSIDE_SECRET = "不应被读取的外部文件内容"


def write_hostile(folder: Path, outside_dir: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(5)
    files = {
        "empty.txt": b"",
        "zero.pdf": b"",
        "header_then_garbage.pdf": b"%PDF-1.7\n" + rng.randbytes(4000),
        "truncated.pdf": pdf_bytes([notice(1)])[:700],
        "truncated.docx": docx_bytes(notice(2))[:3000],
        "random.txt": rng.randbytes(5000),
        "big.txt": ("公开" * 50 + "\n").encode("utf-8") * 87_500,  # ~26 MB > max_text_mb=10
        "old.doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + rng.randbytes(2000),
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("readme.txt", "not a document")
    (folder / "zip_renamed.docx").write_bytes(buf.getvalue())
    outside = outside_dir / "outside.txt"
    outside.write_text(f"机密★10年\n{OUTSIDE_SECRET}", encoding="utf-8")
    os.symlink(outside, folder / "link_out.txt")
    os.symlink(folder / "old.doc", folder / "link_in.txt")
    hard = outside_dir / "outside_hard.txt"
    hard.write_text(f"{OUTSIDE_SECRET}（硬链接）", encoding="utf-8")
    os.link(hard, folder / "hard_out.txt")
