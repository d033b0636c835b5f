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
)


def test_text_matches_golden(tmp_path):
    result = ofd_extractor.extract(build_ofd(tmp_path / "report.ofd"), Settings())
    assert len(result.pages) == 2
    assert result.pages[0].text.splitlines()[0] == "机密★10年"
    assert_golden("report_ofd.txt", result.text)


@pytest.mark.parametrize("variant", [{"prefix": ""}, {"prefix": "x"}, {"per_char": True}, {"shuffle_seed": 11}],
                         ids=["default_namespace", "other_prefix", "one_object_per_char", "other_order"])
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
