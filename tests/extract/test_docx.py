"""DOCX extraction: body, tables, text boxes, headers/footers, comments, tracked changes, properties."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import docx
import pytest

from gongkai.errors import GongkaiError
from gongkai.extract import docx as docx_extractor
from gongkai.settings import Settings
from tests.conftest import missing_prerequisite
from tests.builders.office_builders import (
    add_custom_property,
    assert_golden,
    build_docx,
    build_docx_with_bad_xml,
    build_encrypted_ooxml_stub,
    build_truncated_docx,
    build_zip_as_docx,
    damaged_copies,
)


@pytest.fixture(scope="module")
def notice_docx(tmp_path_factory) -> Path:
    return build_docx(tmp_path_factory.mktemp("docx") / "notice.docx")


@pytest.fixture(scope="module")
def extraction(notice_docx):
    return docx_extractor.extract(notice_docx, Settings())


def test_text_matches_golden(extraction):
    assert_golden("notice_docx.txt", extraction.text)


def test_header_secrecy_mark_comes_first_and_once(extraction):
    lines = extraction.text.splitlines()
    assert lines[0] == "机密★5年"
    assert extraction.text.count("机密★5年") == 1  # three sections, one distinct header


def test_footer_after_body_comment_after_footer(extraction):
    text = extraction.text
    assert text.index("市财政局\n") < text.index("市财政局办公室印发") < text.index("【批注】张科长：此段需要保密审查")


def test_table_rows_are_lines_with_cell_separator(extraction):
    assert f"一般公共预算{docx_extractor.CELL_SEPARATOR}120{docx_extractor.CELL_SEPARATOR}98" in extraction.text.splitlines()


def test_cell_separator_is_the_pdf_one():
    pdf_layout = pytest.importorskip("gongkai.extract.pdf_layout")
    assert docx_extractor.CELL_SEPARATOR == pdf_layout.CELL_SEPARATOR


def test_tracked_insertion_kept_deletion_dropped_and_counted(extraction):
    assert "一、预算执行总体平稳，收入增长5%。" in extraction.text
    assert "12345" not in extraction.text
    assert [n.code for n in extraction.warnings] == ["tracked_deletions"]
    assert extraction.metadata["tracked_deletions"] == ["（已删除的内部数字12345万元）"]


def test_text_box_read_once_despite_vml_fallback(extraction):
    assert extraction.text.count("请各单位于3月底前报送") == 1


def test_properties_in_metadata_and_text(extraction):
    props = extraction.metadata["properties"]
    assert extraction.metadata["title"] == "预算执行情况通知"
    assert props["author"] == "王五" and props["last_modified_by"] == "李四"
    assert props["created"].startswith("2025-03-01")
    assert "【文档属性·备注】仅限内部传阅" in extraction.text
    assert "王五" not in extraction.text  # the author is metadata, not text
    assert extraction.metadata["ocr"] is False


def test_document_without_text_is_no_text(tmp_path):
    document = docx.Document()
    props = document.core_properties
    props.title = props.subject = props.keywords = props.comments = props.category = ""
    path = tmp_path / "blank.docx"
    document.save(str(path))
    with pytest.raises(GongkaiError) as err:
        docx_extractor.extract(path, Settings())
    assert err.value.code == "no_text"


def test_only_properties_gives_text_with_warning(tmp_path):
    document = docx.Document()
    document.core_properties.title = "秘密★1年 人员名单"
    path = tmp_path / "props_only.docx"
    document.save(str(path))
    result = docx_extractor.extract(path, Settings())
    assert "【文档属性·标题】秘密★1年 人员名单" in result.text
    assert "no_body_text" in [n.code for n in result.warnings]


@pytest.mark.parametrize("build, code", [
    (lambda src, dst: build_truncated_docx(src, dst), "corrupted"),
    (lambda src, dst: build_zip_as_docx(dst), "corrupted"),
    (lambda src, dst: build_docx_with_bad_xml(src, dst), "corrupted"),
    (lambda src, dst: build_encrypted_ooxml_stub(dst), "encrypted"),
    (lambda src, dst: dst.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2048)) and dst, "unsupported_type"),
], ids=["truncated", "zip_renamed", "bad_xml", "encrypted", "old_doc"])
def test_damaged_files_raise_typed_errors(notice_docx, tmp_path, build, code):
    path = build(notice_docx, tmp_path / "bad.docx")
    with pytest.raises(GongkaiError) as err:
        docx_extractor.extract(path, Settings())
    assert err.value.code == code


def test_custom_properties_in_metadata_and_telling_ones_in_text(tmp_path, notice_docx):
    path = tmp_path / "custom.docx"
    path.write_bytes(notice_docx.read_bytes())
    path = add_custom_property(path, "KSOProductBuildVer", "2052-11.1.0.14309")
    result = docx_extractor.extract(path, Settings())
    assert result.metadata["custom_properties"] == {"密级": "机密", "KSOProductBuildVer": "2052-11.1.0.14309"}
    assert "【文档属性·密级】机密" in result.text
    assert "KSOProductBuildVer" not in result.text


@pytest.mark.slow
def test_libreoffice_rewritten_docx_gives_the_same_text(tmp_path, notice_docx, extraction):
    """Another producer's XML (LibreOffice splits runs and deletions, rewrites headers) reads the same."""
    soffice = shutil.which("soffice")
    if soffice is None:
        missing_prerequisite("LibreOffice (soffice) not installed")
    out = tmp_path / "lo"
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path / 'profile'}",
                    "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(out), str(notice_docx)],
                   check=True, capture_output=True, timeout=180)
    result = docx_extractor.extract(out / notice_docx.name, Settings())
    # LibreOffice writes keywords space-separated; everything else must match line for line.
    assert result.text.replace("预算 内部", "预算;内部") == extraction.text
    assert [n.code for n in result.warnings] == ["tracked_deletions"]


def test_damaged_packages_fail_only_with_typed_errors(notice_docx, tmp_path):
    outcomes = set()
    for path in damaged_copies(notice_docx, tmp_path, count=60, seed=1):
        try:
            docx_extractor.extract(path, Settings())
            outcomes.add("ok")
        except GongkaiError as err:
            outcomes.add(err.code)
    assert outcomes <= {"ok", "corrupted", "unsupported_type", "no_text"}
    assert "corrupted" in outcomes
