"""PDF path: layout, running text, garbage, failures; real PDFs from ../shared/real when present."""
from __future__ import annotations

import difflib
import json
import os
import re
from pathlib import Path

import pytest

from gongkai.errors import GongkaiError
from gongkai.extract import pdf_layout
from gongkai.extract.pdf import _meaningful_title, extract
from gongkai.extract.pdf_layout import Line, PageLines, find_running_text
from gongkai.settings import Settings
from tests.builders import pdf_builders as B
from tests.conftest import missing_prerequisite

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "pdf"
GARBAGE_CODES = {"cid_placeholders", "cid_garbage", "cid_garbage_reextracted", "cid_garbage_ocr",
                 "mojibake", "mojibake_repaired", "page_unreadable"}


def similarity(a: str, b: str) -> float:
    """Character similarity ignoring whitespace: layout decides where lines break, not the text."""
    strip = lambda s: re.sub(r"\s+", "", s)  # noqa: E731
    return difflib.SequenceMatcher(None, strip(a), strip(b), autojunk=False).ratio()


# Every test runs on both readers of the text layer (issue 13): pdfium (the default, fast) and
# pdfplumber (the reference); the accuracy bars are the same for both.
READERS = ["pdfium", "pdfplumber"]


@pytest.fixture(params=READERS)
def settings(request) -> Settings:
    return Settings({"ocr_enabled": False, "pdf_reader": request.param}, environ={})


@pytest.fixture(scope="module", params=READERS)
def multipage(tmp_path_factory, request):
    path = B.build_multipage_pdf(tmp_path_factory.mktemp("pdf") / "report.pdf")
    return path, extract(path, Settings({"pdf_reader": request.param}, environ={}))


# --- the built multi-page document ------------------------------------------------------------

def test_multipage_matches_golden(multipage):
    _, result = multipage
    golden, golden_removed = GOLDEN / "multipage.txt", GOLDEN / "multipage.removed.json"
    removed = json.dumps(result.metadata["removed_running_text"], ensure_ascii=False, indent=1) + "\n"
    if os.environ.get("GONGKAI_UPDATE_GOLDEN"):  # rewrite, then read the diff before committing
        golden.write_text(result.text + "\n", encoding="utf-8")
        golden_removed.write_text(removed, encoding="utf-8")
    assert result.text + "\n" == golden.read_text(encoding="utf-8")
    assert removed == golden_removed.read_text(encoding="utf-8")
    assert [p.number for p in result.pages] == [1, 2, 3, 4]
    assert result.warnings == []


def test_running_header_and_page_numbers_removed_secrecy_mark_kept(multipage):
    _, result = multipage
    assert result.pages[0].text.splitlines()[0] == B.SECRECY_MARK
    assert B.RUNNING_HEADER not in result.text
    for number, mark in B.PAGE_NUMBERS.items():
        assert mark not in result.pages[number - 1].text
    removed = result.metadata["removed_running_text"]
    assert {"page": 2, "text": B.RUNNING_HEADER} in removed
    assert {"page": 3, "text": B.PAGE_NUMBERS[3]} in removed
    assert not any(B.SECRECY_MARK in r["text"] for r in removed)


def test_body_runs_on_across_the_page_break(multipage):
    _, result = multipage
    lines = B.body_lines()
    last_on_1, first_on_2 = lines[B.LINES_PER_PAGE - 1], lines[B.LINES_PER_PAGE]
    assert result.pages[0].text.endswith(last_on_1)
    assert result.pages[1].text.startswith(first_on_2)
    body = "".join(B.PARAGRAPHS)
    assert similarity(result.text, B.SECRECY_MARK + B.TITLE + body + B.TABLE_TITLE) > 0.75  # table rows differ
    assert re.sub(r"\s", "", body) in re.sub(r"\s", "", result.text)


def test_table_rows_keep_cells_on_one_line(multipage):
    _, result = multipage
    table_page = result.pages[3].text.splitlines()
    for row in B.TABLE:
        assert pdf_layout.CELL_SEPARATOR.join(row) in table_page


def test_metadata(multipage):
    _, result = multipage
    meta = result.metadata
    assert meta["title"] == "预算执行情况报告"  # "Microsoft Word - … .docx" stripped
    assert meta["producer"].startswith("ReportLab")
    assert meta["ocr"] is False and meta["ocr_pages"] == []
    assert "encrypted_owner_only" not in meta


@pytest.mark.parametrize("raw, title", [
    ("关于加强档案管理的通知", "关于加强档案管理的通知"),
    ("Microsoft Word - 2025年工作要点.docx", "2025年工作要点"),
    ("", None), ("untitled", None), ("Document1", None), ("1", None), ("新建 Microsoft Word 文档", None),
    ("¹ØÓÚ¼ÓÇ¿µµ°¸¹ÜÀí", None),  # GBK read as Latin-1
])
def test_meaningful_title(raw, title):
    assert _meaningful_title(raw) == title


# --- running-text detection on synthetic layouts ----------------------------------------------

def _pages(lines_per_page: list[list[tuple[float, str]]], height: float = 800.0) -> list[PageLines]:
    return [PageLines(n, height, [Line(top, top + 12, text) for top, text in lines])
            for n, lines in enumerate(lines_per_page, start=1)]


def test_protected_repeated_line_keeps_first_occurrence():
    pages = _pages([[(30, "内部资料 注意保存"), (400, f"正文第{n}页的内容")] for n in range(1, 5)])
    removed = find_running_text(pages)
    assert 0 not in removed.get(1, set())
    assert all(0 in removed[n] for n in (2, 3, 4))
    assert all(1 not in removed.get(n, set()) for n in range(1, 5))


def test_bare_page_numbers_need_a_consistent_sequence():
    numbered = _pages([[(400, "正文"), (770, str(n + 2))] for n in range(1, 4)])  # printed page = index + 2
    assert all(1 in find_running_text(numbered)[n] for n in (1, 2, 3))
    stray = _pages([[(400, "正文"), (770, v)] for v in ("17", "5", "230")])  # amounts, not page numbers
    assert find_running_text(stray) == {}


def test_repeated_text_in_the_middle_of_the_page_is_content():
    pages = _pages([[(30, "页眉"), (400, "此件公开发布")] for _ in range(3)])
    removed = find_running_text(pages)
    assert all(removed[n] == {0} for n in (1, 2, 3))


def test_table_rows_are_never_running_text():
    pages = _pages([[(30, "项目 | 金额")] for _ in range(3)])
    for page in pages:
        page.lines[0].cells = 2
    assert find_running_text(pages) == {}


# --- garbage --------------------------------------------------------------------------------

def test_overprinted_characters_are_dropped():
    def char(text, x0, top=100.0):
        return {"text": text, "x0": x0, "x1": x0 + 10, "top": top, "bottom": top + 10, "size": 10}

    doubled = [char("公", 0), char("公", 0.3), char("开", 10), char("开", 10.2), char("开", 20)]
    lines, dropped = pdf_layout.build_lines(doubled)
    assert [line.text for line in lines] == ["公开开"] and dropped == 2


def test_mojibake_repair_round_trip():
    text = "关于红军作战的原则（一九三七年）2025"
    garbled = text.encode("gb18030").decode("latin-1")
    assert pdf_layout.looks_like_mojibake(garbled)
    assert pdf_layout.repair_mojibake(garbled) == text
    assert not pdf_layout.looks_like_mojibake("Straße und Café, München — übermorgen")
    assert pdf_layout.repair_mojibake("Ã©tÃ© Ã  Paris") is None  # UTF-8-as-Latin-1 is not GBK


def test_cid_garbage_page_is_reported_when_no_repair_works(tmp_path, settings):
    path = B.build_cid_garbage_pdf(tmp_path / "cid.pdf")
    result = extract(path, settings)
    assert [w.code for w in result.warnings] == ["cid_garbage"]
    assert "(cid:" not in result.text and pdf_layout.REPLACEMENT in result.text


# --- failures -------------------------------------------------------------------------------

def test_user_password_is_refused_owner_password_opens(tmp_path, settings):
    locked = B.build_encrypted_pdf(tmp_path / "locked.pdf", user_password="secret")
    with pytest.raises(GongkaiError) as err:
        extract(locked, settings)
    assert err.value.code == "encrypted"
    owner_only = B.build_encrypted_pdf(tmp_path / "owner.pdf", user_password="")
    result = extract(owner_only, settings)
    assert "此件依申请公开" in result.text
    assert result.metadata["encrypted_owner_only"] is True


@pytest.mark.parametrize("kind", ["zero", "truncated", "garbage", "garbage_eof", "not_pdf"])
def test_broken_files_are_corrupted(tmp_path, settings, multipage, kind):
    broken = B.build_broken_pdfs(tmp_path, multipage[0])[kind]
    with pytest.raises(GongkaiError) as err:
        extract(broken, settings)
    assert err.value.code == "corrupted"


def test_scanned_page_without_ocr_gives_no_text(tmp_path, settings):
    path = B.build_scanned_pdf(tmp_path / "scan.pdf", ["关于开展档案清理工作的通知"])
    with pytest.raises(GongkaiError) as err:
        extract(path, settings)
    assert err.value.code == "no_text" and "OCR is disabled" in err.value.detail


def test_mixed_document_warns_about_the_skipped_scan(tmp_path, settings):
    path = B.build_scanned_pdf(tmp_path / "mixed.pdf", ["第二页是扫描件"], text_page=["第一页有文字层"])
    result = extract(path, settings)
    assert [p.text for p in result.pages] == ["第一页有文字层", ""]
    assert [(w.code, w.page) for w in result.warnings] == [("ocr_skipped", 2)]
    assert result.metadata["ocr"] is False


def test_page_of_outlines_is_treated_as_a_scan(tmp_path, settings):
    path = B.build_outlined_pdf(tmp_path / "outlined.pdf")
    with pytest.raises(GongkaiError) as err:
        extract(path, settings)
    assert err.value.code == "no_text" and "OCR is disabled" in err.value.detail


def test_blank_pdf_has_no_text(tmp_path, settings):
    path = B.text_pdf(tmp_path / "blank.pdf", [[], []])
    with pytest.raises(GongkaiError) as err:
        extract(path, settings)
    assert err.value.code == "no_text" and "every page is empty" in err.value.detail


# --- real PDFs --------------------------------------------------------------------------------

@pytest.mark.real
def test_govdoc_397_matches_its_reference_text(real_dir, settings):
    folder = real_dir / "pdfs" / "GovDoc-CN" / "GovDoc-CN_Sample" / "397"
    if not (folder / "397.pdf").exists():
        pytest.skip(f"{folder}/397.pdf not present")
    result = extract(folder / "397.pdf", settings)
    assert similarity(result.text, (folder / "397.txt").read_text(encoding="utf-8")) >= 0.99  # issue 13: both readers
    assert [r["text"] for r in result.metadata["removed_running_text"]] == [f"— {n} —" for n in range(1, 6)]


@pytest.mark.real
def test_budgets_extract_without_garbage(real_dir, settings):
    files = sorted(p for d in ("GOV", "GovBudgetChecker", "tianbaoxitong") for p in (real_dir / "pdfs" / d).rglob("*.pdf"))
    if not files:
        pytest.skip("no budget PDFs under ../shared/real/pdfs")
    for path in files:
        result = extract(path, settings)
        assert not GARBAGE_CODES & {w.code for w in result.warnings}, path.name
        assert len(re.sub(r"\s", "", result.text)) > 200 * len(result.pages) / 4, path.name
        assert pdf_layout.cjk_share(result.text) > 0.3, path.name


def _real_pdf(real_dir: Path, *parts: str) -> Path:
    path = real_dir.joinpath("pdfs", *parts)
    if not path.exists():
        pytest.skip(f"{path} not present")
    return path


@pytest.mark.real
def test_xiaobiaosong_mojibake_is_detected_and_repaired(real_dir, settings):
    result = extract(_real_pdf(real_dir, "pdf.js", "test", "pdfs", "XiaoBiaoSong.pdf"), settings)
    codes = [w.code for w in result.warnings]
    if settings.pdf_reader == "pdfplumber":
        assert codes == ["mojibake_repaired"]
    else:  # pdfium decodes the font's GBK encoding itself: there is nothing to repair, and nothing is hidden
        assert not GARBAGE_CODES & set(codes) and result.metadata["pdfplumber_pages"] == []
    assert "关于红军作战的原则" in result.text
    assert not pdf_layout.looks_like_mojibake(result.text)


@pytest.mark.real
def test_issue12823_unmapped_glyphs_are_reported(real_dir, settings):
    result = extract(_real_pdf(real_dir, "pdf.js", "test", "pdfs", "issue12823.pdf"), settings)
    assert [w.code for w in result.warnings] == ["cid_placeholders"]
    assert "(cid:" not in result.text and "知识库简介" in result.text


@pytest.mark.real
@pytest.mark.parametrize("name, expected", [
    ("issue-71-duplicate-chars.pdf", "项目描述：负责四川省甘孜州"),
    ("issue-842-example.pdf", "安徽安利合成革股份有限公司"),
])
def test_doubled_characters_are_deduplicated(real_dir, settings, name, expected):
    result = extract(_real_pdf(real_dir, "pdfplumber", "tests", "pdfs", name), settings)
    assert expected in result.text
    assert "项项" not in result.text and "安安" not in result.text
    assert "duplicate_chars_removed" in {w.code for w in result.warnings}


@pytest.mark.slow
def test_libreoffice_pdf_header_and_page_numbers_removed(tmp_path, settings):
    path = B.build_libreoffice_pdf(tmp_path)
    if path is None:
        missing_prerequisite("LibreOffice (soffice) not installed")
    result = extract(path, settings)
    assert len(result.pages) >= 3
    assert B.RUNNING_HEADER not in result.text
    assert not re.search(r"第\s*\d+\s*页", result.text)
    flat = re.sub(r"\s", "", result.text)
    assert all(re.sub(r"\s", "", p) in flat for p in B.PARAGRAPHS)
    removed_pages = {r["page"] for r in result.metadata["removed_running_text"]}
    assert removed_pages == {p.number for p in result.pages}
