"""Plain text: encodings Chinese offices use, mixed files, binary refused."""
from __future__ import annotations

import pytest

from gongkai.errors import GongkaiError
from gongkai.extract import text as text_extractor
from gongkai.extract.text import decode_bytes
from gongkai.settings import Settings
from tests.builders.office_builders import TXT_SAMPLE, build_binary_txt, build_mixed_txt, build_txt

EXPECTED = TXT_SAMPLE.rstrip("\n")


@pytest.mark.parametrize("codec, reported", [
    ("utf-8", "utf-8"),
    ("utf-8-sig", "utf-8-sig"),
    ("gbk", "gb18030"),
    ("gb18030", "gb18030"),
    ("utf-16", "utf-16-le"),  # Python writes the BOM, little-endian here
    ("utf-16-be", "utf-16-be"),  # no BOM: found from the NUL column
    ("utf-16-le", "utf-16-le"),
    ("utf-32", "utf-32-le"),
])
def test_encodings_decode_to_the_same_text(tmp_path, codec, reported):
    path = build_txt(tmp_path / "notice.txt", codec)
    result = text_extractor.extract(path, Settings())
    assert result.text == EXPECTED
    assert result.metadata["encoding"] == reported
    assert "\ufeff" not in result.text
    assert result.warnings == []


def test_gb18030_four_byte_characters(tmp_path):
    text = "㐀䶵𠀀€ 生僻字测试：\u9fa5\n"  # CJK Ext A, Ext B, euro sign: not in GBK, in GB18030
    path = build_txt(tmp_path / "rare.txt", "gb18030", text)
    assert text_extractor.extract(path, Settings()).text == text.rstrip("\n")


def test_crlf_becomes_newline(tmp_path):
    path = build_txt(tmp_path / "dos.txt", "gbk", TXT_SAMPLE.replace("\n", "\r\n"))
    assert text_extractor.extract(path, Settings()).text == EXPECTED


def test_mixed_gbk_and_utf8_decoded_per_line(tmp_path):
    result = text_extractor.extract(build_mixed_txt(tmp_path / "mixed.txt"), Settings())
    assert result.text == EXPECTED
    assert [n.code for n in result.warnings] == ["mixed_encoding"]


def test_form_feed_splits_pages(tmp_path):
    path = build_txt(tmp_path / "pages.txt", "utf-8", "第一页内容\n\f第二页内容\n")
    result = text_extractor.extract(path, Settings())
    assert [p.text for p in result.pages] == ["第一页内容", "第二页内容"]


def test_random_binary_is_refused(tmp_path):
    with pytest.raises(GongkaiError) as err:
        text_extractor.extract(build_binary_txt(tmp_path / "random.txt"), Settings())
    assert err.value.code == "binary_not_text"


def test_control_characters_without_nul_are_refused():
    data = bytes(range(1, 32)) * 50 + "少量中文".encode()
    with pytest.raises(GongkaiError) as err:
        decode_bytes(data)
    assert err.value.code == "binary_not_text"


def test_whitespace_only_is_no_text(tmp_path):
    path = build_txt(tmp_path / "blank.txt", "utf-8", " \n\u3000\n")
    with pytest.raises(GongkaiError) as err:
        text_extractor.extract(path, Settings())
    assert err.value.code == "no_text"


def test_declared_gbk_is_read_as_gb18030():
    text, encoding, _ = decode_bytes("通知€".encode("gb18030"), declared="gb2312")
    assert (text, encoding) == ("通知€", "gb18030")


def test_a_few_damaged_bytes_are_replaced_and_flagged():
    data = bytearray((TXT_SAMPLE * 5).encode("utf-8"))
    data[40] = 0xFF  # inside a three-byte character
    text, encoding, notices = decode_bytes(bytes(data))
    assert encoding == "utf-8" and text.count("\ufffd") >= 1
    assert [n.code for n in notices] == ["decoding_errors"]
    assert "关于做好2025年防汛物资储备工作的通知" in text
