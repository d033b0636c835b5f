"""The two readers of a PDF's text layer (issue 13): pdfium (fast, the default) must give the text
pdfplumber gives, page by page, so that the classifier's input does not depend on the reader."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from gongkai.extract import pdfium_objects
from gongkai.extract.normalise import normalise
from gongkai.extract.pdf import extract
from gongkai.settings import Settings
from tests.builders import pdf_builders as B


def _read(path: Path, reader: str, **overrides):
    return extract(path, Settings({"ocr_enabled": False, "pdf_reader": reader, **overrides}, environ={}))


def _comparable(result) -> dict:
    meta = {k: v for k, v in result.metadata.items() if k != "pdfplumber_pages"}
    return {"pages": [p.text for p in result.pages], "meta": meta,
            "warnings": [(w.code, w.page) for w in result.warnings]}


def _built(tmp_path: Path) -> dict[str, Path]:
    return {
        "multipage": B.build_multipage_pdf(tmp_path / "multipage.pdf"),
        "owner_only": B.build_encrypted_pdf(tmp_path / "owner.pdf", user_password=""),
        "mixed_scan": B.build_scanned_pdf(tmp_path / "mixed.pdf", ["第二页是扫描件"], text_page=["第一页有文字层"]),
        "cid": B.build_cid_garbage_pdf(tmp_path / "cid.pdf"),
        "small_print": B.text_pdf(tmp_path / "small.pdf", [["机密★5年", "临政发〔2026〕7号", "关于调整储备库布局的请示"]] * 3,
                                  size=9.0),
    }


def test_readers_agree_on_every_built_pdf(tmp_path):
    for name, path in _built(tmp_path).items():
        assert _comparable(_read(path, "pdfium")) == _comparable(_read(path, "pdfplumber")), name


def test_pages_pdfium_reads_differently_are_read_by_pdfplumber(tmp_path):
    built = _built(tmp_path)
    assert _read(built["multipage"], "pdfium").metadata["pdfplumber_pages"] == []
    # unmapped glyphs: pdfminer's (cid:N) decide the repair
    assert _read(built["cid"], "pdfium").metadata["pdfplumber_pages"] == [1]
    # pages with fewer than 20 visible characters (here both: page 2 is a scan, page 1 has 7):
    # pdfplumber's image and curve counts decide whether a page is a scan
    assert _read(built["mixed_scan"], "pdfium").metadata["pdfplumber_pages"] == [1, 2]


def test_reader_setting_is_checked(tmp_path):
    from gongkai.errors import GongkaiError

    with pytest.raises(GongkaiError) as err:
        _read(B.build_multipage_pdf(tmp_path / "m.pdf"), "mupdf")
    assert err.value.code == "config_invalid"


def _space(x0: float, x1: float, text: str = " ") -> dict:
    return {"text": text, "x0": x0, "x1": x1, "top": 100.0, "bottom": 110.0, "size": 10.0}


def test_a_run_of_spaces_pdfium_merged_is_restored():
    objects = pdfium_objects.PageObjects()
    chars = [_space(0, 10, "一"), _space(10, 15), _space(25, 35, "二")]  # one space kept, a gap of two more
    filled = pdfium_objects._fill_collapsed_spaces(chars, [], objects)
    assert "".join(c["text"] for c in filled) == "一   二"
    assert [c["x0"] for c in filled if c["text"] == " "] == [10, 15, 20]
    assert objects.collapsed == 0


def test_a_gap_that_is_not_whole_spaces_sends_the_page_to_pdfplumber():
    objects = pdfium_objects.PageObjects()
    chars = [_space(0, 10, "一"), _space(10, 15), _space(27.5, 37.5, "二")]  # 2.5 spaces wide
    assert len(pdfium_objects._fill_collapsed_spaces(chars, [], objects)) == 3
    assert objects.collapsed == 1


def test_a_gap_holding_a_left_out_space_object_is_left_to_it():
    objects = pdfium_objects.PageObjects()
    chars = [_space(0, 10, "一"), _space(10, 15), _space(27.5, 37.5, "二")]
    blank = _space(15, 20)
    assert len(pdfium_objects._fill_collapsed_spaces(chars, [blank], objects)) == 3
    assert objects.collapsed == 0


# --- real PDFs -----------------------------------------------------------------------------------

# Documents whose normalised text differs between the readers, measured (BENCHMARKS.md, issue 13):
KNOWN_DIFFERENCES = {
    "XiaoBiaoSong.pdf",     # GBK font without ToUnicode: pdfium decodes it, pdfplumber's mojibake is repaired
    "has-bad-fonts.pdf",    # one glyph of a broken font that pdfium drops
    "pr-136-example.pdf",   # OCR text layer: two overlapping glyphs ("·" over ".") come in the other order
}


@pytest.mark.real
def test_readers_agree_on_real_pdfs(real_dir):
    from gongkai.matching.engine import get_matcher

    files = sorted((real_dir / "pdfs").rglob("*.pdf"))
    assert files, "../shared/real is present but holds no PDFs under pdfs/"
    matcher = get_matcher(None)
    compared = 0
    for path in files:
        try:
            slow = _read(path, "pdfplumber")
        except Exception as exc:  # the reference cannot read it: the fast reader must fail the same way
            with pytest.raises(type(exc)):
                _read(path, "pdfium")
            continue
        fast = _read(path, "pdfium")
        compared += 1
        a, b = normalise(slow.text), normalise(fast.text)
        if path.name not in KNOWN_DIFFERENCES:
            assert a == b, path.name
        # The head of the page is what decides sealing: marks, copy numbers and document numbers agree always.
        ma, mb = matcher.run(a), matcher.run(b)
        assert (ma.mark.as_dict() if ma.mark else None) == (mb.mark.as_dict() if mb.mark else None), path.name
        for field in ("copy_no", "secrecy", "doc_number", "urgency"):
            fa, fb = getattr(ma.structure, field), getattr(mb.structure, field)
            assert (fa.text if fa else None) == (fb.text if fb else None), (path.name, field)
        assert re.sub(r"\s", "", a) and re.sub(r"\s", "", b)
    assert compared >= 30
