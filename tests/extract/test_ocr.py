"""OCR of scanned pages. The tests that run tesseract are marked slow (a few seconds each)."""
from __future__ import annotations

import difflib
import re

import pytest

from gongkai.errors import GongkaiError
from gongkai.extract import ocr
from gongkai.extract.pdf import extract
from gongkai.settings import Settings
from tests.builders import pdf_builders as B
from tests.conftest import missing_prerequisite

SCAN_LINES = [B.TITLE, *B.wrap(B.PARAGRAPHS[0]), B.PARAGRAPHS[1], *B.wrap(B.PARAGRAPHS[2])]


def similarity(a: str, b: str) -> float:
    strip = lambda s: re.sub(r"\s+", "", s)  # noqa: E731
    return difflib.SequenceMatcher(None, strip(a), strip(b), autojunk=False).ratio()


def test_clean_ocr_text_removes_tesseract_artefacts():
    assert ocr.clean_ocr_text("关 于 印 发\f") == "关于印发"
    assert ocr.clean_ocr_text("Annual report 2025") == "Annual report 2025"


@pytest.mark.parametrize("read, expected", [
    ("机密文1年", "机密★1年"), ("秘密 妇 10年", "秘密★10年"), ("绝密大启用前", "绝密★启用前"),
])
def test_clean_ocr_text_restores_the_secrecy_star(read, expected):
    assert ocr.clean_ocr_text(read) == expected


def test_clean_ocr_text_leaves_ordinary_words_alone():
    assert ocr.clean_ocr_text("保守秘密文件10份") == "保守秘密文件10份"  # no period after the star's place


def test_missing_language_pack_is_ocr_unavailable():
    if ocr.missing_languages("eng") is None:
        missing_prerequisite("tesseract not installed")
    assert ocr.missing_languages("chi_sim+zz_nonexistent") in (["zz_nonexistent"], ["chi_sim", "zz_nonexistent"])
    with pytest.raises(GongkaiError) as err:
        ocr.ensure_available("zz_nonexistent")
    assert err.value.code == "ocr_unavailable"


def test_scanned_page_without_tesseract_is_ocr_unavailable(tmp_path, monkeypatch):
    path = B.build_scanned_pdf(tmp_path / "scan.pdf", SCAN_LINES[:2])
    monkeypatch.setattr(ocr.shutil, "which", lambda name: None)
    with pytest.raises(GongkaiError) as err:
        extract(path, Settings({"ocr_enabled": True}, environ={}))
    assert err.value.code == "ocr_unavailable"


@pytest.fixture
def ocr_settings() -> Settings:
    settings = Settings({"ocr_enabled": True}, environ={})
    if ocr.missing_languages(settings.ocr_language) != []:
        missing_prerequisite(f"tesseract with {settings.ocr_language} not installed")
    return settings


@pytest.mark.slow
def test_scanned_page_is_ocred(tmp_path, ocr_settings):
    path = B.build_scanned_pdf(tmp_path / "scan.pdf", SCAN_LINES, text_page=["第一页是文字层。"])
    result = extract(path, ocr_settings)
    assert [p.ocr for p in result.pages] == [False, True]
    assert result.metadata["ocr"] is True and result.metadata["ocr_pages"] == [2]
    assert [(w.code, w.page) for w in result.warnings] == [("ocr_used", 2)]
    assert similarity(result.pages[1].text, "".join(SCAN_LINES)) >= 0.9
    assert result.pages[0].text == "第一页是文字层。"


@pytest.mark.slow
def test_page_of_unmapped_glyphs_falls_back_to_ocr(tmp_path, ocr_settings):
    path = B.build_cid_garbage_pdf(tmp_path / "cid.pdf")
    result = extract(path, ocr_settings)
    assert [w.code for w in result.warnings] == ["cid_garbage_ocr"]
    assert result.pages[0].ocr is True
    assert similarity(result.text, "关于加强个人所得税纳税信用建设的通知各省自治区直辖市税务局") >= 0.9


@pytest.mark.slow
def test_secrecy_mark_on_a_scan_survives_ocr(tmp_path, ocr_settings):
    # With chi_sim+eng tesseract read this page's first line as `NL EB & 1057`; the mark must come through.
    path = B.build_scanned_pdf(tmp_path / "scan.pdf", [B.SECRECY_MARK, *SCAN_LINES])
    result = extract(path, ocr_settings)
    assert B.SECRECY_MARK in result.text
    assert similarity(result.text, B.SECRECY_MARK + "".join(SCAN_LINES)) >= 0.9
