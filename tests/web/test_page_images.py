"""A document whose text cannot be trusted goes to a person with the page images (issue 14, item 7): the
review desk shows a notice and the archived original's pages, rendered only for whoever may see it."""
from __future__ import annotations

import io

import pytest
from PIL import Image
from reportlab.pdfgen import canvas
from sqlalchemy import select

from gongkai.store.models import Document
from tests.review.seed import add_document
from tests.web.conftest import login

NOTICE = ("关于做好年度政府信息公开工作报告编制的通知\n各区人民政府，市政府各部门：现将编制年度报告的有关要求通知如下。"
          "一是按照规定格式填写统计表格。二是报告应当在规定时间内向社会公开。三是加强审核把关，确保数据准确。")
READABLE = ("关于推进政务公开标准化建设的通知\n市政府有关部门：为推进政务公开工作，现将有关事项通知如下。"
            "一是明确工作机构和分管领导。二是财政预算决算应当按时主动公开。三是加强检查，回应社会关切。")
NOTICE_LINE = "文字层无法可靠识别，请对照原件页面图像审核"
_CP1252_GAPS = {0x81, 0x8D, 0x8F, 0x90, 0x9D}  # bytes Windows-1252 leaves undefined
A4_POINTS = (595.27, 841.89)  # reportlab's default page


def _draw(path, pages: list[list[str]]):
    """A PDF whose lines are drawn glyph for glyph in Helvetica (a Latin font), one list of lines a page."""
    c = canvas.Canvas(str(path))
    for lines in pages:
        c.setFont("Helvetica", 9)
        for row, line in enumerate(lines):
            c.drawString(30, 800 - 12 * row, line)
        c.showPage()
    c.save()


def _lines(shown: str, width: int) -> list[str]:
    return [shown[i:i + width] for i in range(0, len(shown), width)]


def garbage_pdf(path):
    """The issue's annual reports: UTF-8 bytes of Chinese text drawn as Latin-1 glyphs (C1 bytes are lost);
    two pages with different text (lines repeated on every page would be dropped as running heads)."""
    _draw(path, [_lines(part.encode("utf-8").decode("latin-1"), 90) for part in NOTICE.split("\n")])


def repairable_pdf(path):
    """UTF-8 shown as Windows-1252: every byte survives, the extraction decodes it back to readable text."""
    assert not any(set(ch.encode("utf-8")) & _CP1252_GAPS for ch in READABLE)
    shown = "".join(chr(b) if b in _CP1252_GAPS else bytes([b]).decode("cp1252") for b in READABLE.encode("utf-8"))
    _draw(path, [_lines(shown, 84)])


@pytest.fixture(scope="module")
def reviewer():
    from gongkai.proposer import Proposer
    from gongkai.settings import Settings

    return Proposer(Settings({"ocr_enabled": False}, environ={}), model=None)


@pytest.fixture
def documents(store, tmp_path, reviewer) -> dict[str, int]:
    """Both PDFs through the real intake into the data folder the app serves: {file name: document id}."""
    from gongkai.intake import Intake
    from gongkai.settings import Settings

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    garbage_pdf(inbox / "annual-report.pdf")
    repairable_pdf(inbox / "notice.pdf")
    settings = Settings({"data_dir": str(tmp_path / "data"), "ocr_enabled": False}, environ={})
    results = Intake(settings, store=store, reviewer=reviewer).run(inbox)
    assert sorted(r.outcome for r in results) == ["processed", "processed"], results
    with store.session() as s:
        return {d.source_name: d.id for d in s.scalars(select(Document))}


def _png(response) -> Image.Image:
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "image/png"
    assert response.headers["cache-control"] == "no-store"
    assert response.content.startswith(b"\x89PNG\r\n\x1a\n")
    return Image.open(io.BytesIO(response.content))


def test_the_secrecy_officer_reviews_an_unreadable_pdf_against_its_page_images(app, store, documents, monkeypatch):
    doc_id = documents["annual-report.pdf"]
    with store.session() as s:
        assert "unreadable" in s.get(Document, doc_id).proposals[-1].flags
    client = login(app, "baomi")  # the document went to 保密审查, the secrecy officer's stage

    html = client.get(f"/documents/{doc_id}").text
    assert NOTICE_LINE in html
    for n in (1, 2):
        assert f'<img src="/documents/{doc_id}/pages/{n}"' in html
        assert f'<a class="page-image" href="/documents/{doc_id}/pages/{n}">' in html  # reachable by Tab
    assert f"/documents/{doc_id}/pages/3" not in html

    image = _png(client.get(f"/documents/{doc_id}/pages/1"))
    assert image.format == "PNG"
    assert abs(image.width - A4_POINTS[0] * 1.5) <= 2 and abs(image.height - A4_POINTS[1] * 1.5) <= 2
    darkest, lightest = image.convert("L").getextrema()
    assert darkest < 128 < lightest  # glyphs drawn on white: not a blank page
    assert client.get(f"/documents/{doc_id}/pages/3").status_code == 404
    assert client.get(f"/documents/{doc_id}/pages/0").status_code == 404

    monkeypatch.setattr("gongkai.web.app.PAGES_SHOWN", 1)  # a long original: the first pages and a note
    html = client.get(f"/documents/{doc_id}").text
    assert f"/documents/{doc_id}/pages/1" in html and f"/documents/{doc_id}/pages/2" not in html
    assert "此处显示前 1 页，其余各页请调阅原件" in html


def test_page_images_are_refused_exactly_like_a_missing_document(app, store, documents):
    doc_id = documents["annual-report.pdf"]
    missing = max(documents.values()) + 100
    assert _png(login(app, "admin").get(f"/documents/{doc_id}/pages/1"))  # exempt from need-to-know
    for name in ("bangong", "keshi", "fenguan"):  # no task of theirs, no 科室, never acted on it
        client = login(app, name)
        refused = client.get(f"/documents/{doc_id}/pages/1")
        assert refused.status_code == 404 and "image" not in refused.headers["content-type"], name
        assert refused.text == client.get(f"/documents/{missing}/pages/1").text, name
        assert client.get(f"/documents/{doc_id}").status_code == 404, name


def test_a_readable_pdf_shows_no_notice_and_no_page_images(app, store, documents):
    doc_id = documents["notice.pdf"]
    with store.session() as s:
        proposal = s.get(Document, doc_id).proposals[-1]
        assert "unreadable" not in proposal.flags and proposal.route == "保密审查"
    html = login(app, "baomi").get(f"/documents/{doc_id}").text
    assert "政务公开标准化" in html  # the repaired text is what is shown
    assert NOTICE_LINE not in html and "/pages/" not in html


def test_a_sealed_document_or_a_non_pdf_is_never_rendered(app, store, documents):
    archived = documents["annual-report.pdf"]
    sealed_id, _ = add_document(store, sealed=True, stage="保密审查", flags=["unreadable"], secrecy="机密",
                                disclosure="不予公开", mark={"level": "机密", "mark": "机密★10年"})
    text_id, _ = add_document(store, stage="保密审查", flags=["unreadable"], disclosure="不予公开", secrecy="内部")
    with store.session() as s:  # even if a sealed document's row pointed at an archived PDF
        sealed = s.get(Document, sealed_id)
        sealed.format, sealed.archive_path = "pdf", s.get(Document, archived).archive_path
    client = login(app, "baomi")
    for doc_id in (sealed_id, text_id):
        html = client.get(f"/documents/{doc_id}").text
        assert NOTICE_LINE in html and 'id="no-page-images"' in html and "<img" not in html
        assert client.get(f"/documents/{doc_id}/pages/1").status_code == 404
