"""OFD (GB/T 33190): pages in order, lines in reading order, damaged packages refused."""
from __future__ import annotations

import zipfile

import pytest

from gongkai.errors import GongkaiError
from gongkai.extract import ofd as ofd_extractor
from gongkai.settings import Settings
from tests.builders.office_builders import (
    assert_golden,
    build_ofd,
    build_ofd_with_bad_xml,
    build_ofd_without_root,
    damaged_copies,
)


def test_text_matches_golden(tmp_path):
    result = ofd_extractor.extract(build_ofd(tmp_path / "report.ofd"), Settings())
    assert len(result.pages) == 2
    assert result.pages[0].text.splitlines()[0] == "机密★10年"
    assert_golden("report_ofd.txt", result.text)


@pytest.mark.parametrize("variant", [{"prefix": ""}, {"prefix": "x"}, {"per_char": True}, {"shuffle_seed": 11},
                                     {"ctm_scale": 0.3528}],
                         ids=["default_namespace", "other_prefix", "one_object_per_char", "other_order", "ctm"])
def test_variants_give_the_same_text(tmp_path, variant):
    reference = ofd_extractor.extract(build_ofd(tmp_path / "a.ofd"), Settings()).text
    assert ofd_extractor.extract(build_ofd(tmp_path / "b.ofd", **variant), Settings()).text == reference


def test_metadata_from_docinfo(tmp_path):
    result = ofd_extractor.extract(build_ofd(tmp_path / "r.ofd", title="绝密★启用前 考试试题"), Settings())
    assert result.metadata["title"] == "绝密★启用前 考试试题"
    assert result.metadata["producer"] == "gongkai-test-builder"
    assert result.metadata["properties"]["Author"] == "应急管理局办公室"
    assert result.text.endswith("【文档属性·标题】绝密★启用前 考试试题")


def test_page_without_text_objects_is_no_text(tmp_path):
    path = build_ofd(tmp_path / "scan.ofd", pages=[[]], title="")
    with pytest.raises(GongkaiError) as err:
        ofd_extractor.extract(path, Settings())
    assert err.value.code == "no_text"


@pytest.mark.parametrize("build", [
    build_ofd_without_root,
    build_ofd_with_bad_xml,
    lambda path: path.write_bytes(build_ofd(path).read_bytes()[:600]) and path,
], ids=["no_ofd_xml", "bad_xml", "truncated"])
def test_damaged_ofd_is_corrupted(tmp_path, build):
    with pytest.raises(GongkaiError) as err:
        ofd_extractor.extract(build(tmp_path / "bad.ofd"), Settings())
    assert err.value.code == "corrupted"


def test_missing_document_part_is_corrupted(tmp_path):
    path = build_ofd(tmp_path / "r.ofd")
    with zipfile.ZipFile(path) as zf:
        parts = {n: zf.read(n) for n in zf.namelist() if n != "Doc_0/Document.xml"}
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    with pytest.raises(GongkaiError) as err:
        ofd_extractor.extract(path, Settings())
    assert err.value.code == "corrupted"


def test_damaged_packages_fail_only_with_typed_errors(tmp_path):
    outcomes = set()
    for path in damaged_copies(build_ofd(tmp_path / "r.ofd"), tmp_path, count=60, seed=1):
        try:
            ofd_extractor.extract(path, Settings())
            outcomes.add("ok")
        except GongkaiError as err:
            outcomes.add(err.code)
    assert outcomes <= {"ok", "corrupted", "no_text"}
    assert "corrupted" in outcomes


def test_template_page_text_leads_every_page(tmp_path):
    result = ofd_extractor.extract(build_ofd(tmp_path / "t.ofd", template_text="内部资料"), Settings())
    assert [p.text.splitlines()[0] for p in result.pages] == ["内部资料", "内部资料"]


def test_watermark_annotation_is_read_on_its_page(tmp_path):
    result = ofd_extractor.extract(build_ofd(tmp_path / "w.ofd", watermark_text="内部资料 注意保存"), Settings())
    first = result.pages[0].text.splitlines()
    assert first[-1] == "内部资料 注意保存"  # at y = 250 mm: below the body of page 1
    assert "内部资料" not in result.pages[1].text
