"""The dispatcher and batch behaviour: every hostile input gets a clear outcome, the batch goes on."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from gongkai.errors import CATALOGUE
from gongkai.extract import detect_format, extract_file, extract_paths
from gongkai.settings import Settings
from tests.intake.inbox_builders import HOSTILE, OUTSIDE_SECRET, write_hostile

NOTICE = "关于做好政府信息公开工作的通知\n各科室：\n请于本月底前报送本单位主动公开目录。\n（此件公开发布）\n"


@pytest.fixture
def hostile_inbox(tmp_path: Path) -> Path:
    """Every hostile input of issue 2 (shared with the intake tests), plus readable files with awkward
    encodings and names."""
    inbox = tmp_path / "inbox"
    write_hostile(inbox, tmp_path)
    readable = {
        "utf16.txt": NOTICE.encode("utf-16"),
        "half_gbk_half_utf8.txt": NOTICE.encode("gbk") + NOTICE.encode("utf-8"),
        "name with spaces.txt": NOTICE.encode("utf-8"),
        "quo'te\"s.txt": NOTICE.encode("utf-8"),
        "-leading-dash.txt": NOTICE.encode("utf-8"),
    }
    for name, data in readable.items():
        (inbox / name).write_bytes(data)
    return inbox


EXPECTED = {**HOSTILE, "utf16.txt": None, "half_gbk_half_utf8.txt": None, "name with spaces.txt": None,
            "quo'te\"s.txt": None, "-leading-dash.txt": None}


def test_every_hostile_input_has_a_clear_outcome(hostile_inbox: Path):
    docs = {Path(d.source).name: d for d in extract_paths([hostile_inbox], Settings())}
    assert set(docs) == set(EXPECTED)
    for name, code in EXPECTED.items():
        doc = docs[name]
        if code is None:
            assert doc.ok, (name, doc.error)
            assert "主动公开目录" in doc.text
        else:
            assert doc.error is not None and doc.error["code"] == code, (name, doc.error)
            assert CATALOGUE[code].zh in doc.error["message"] and CATALOGUE[code].en in doc.error["message"]
    assert OUTSIDE_SECRET not in json.dumps([d.as_dict() for d in docs.values()], ensure_ascii=False)


def test_mixed_encoding_is_decoded_and_flagged(hostile_inbox: Path):
    doc = extract_file(hostile_inbox / "half_gbk_half_utf8.txt")
    assert doc.text.count("主动公开目录") == 2
    assert any(w.code == "mixed_encoding" for w in doc.warnings)


def test_cli_reports_each_file_and_exits_zero(hostile_inbox: Path):
    out = subprocess.run([sys.executable, "-m", "gongkai.cli", "extract", str(hostile_inbox), "--json"],
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    lines = [json.loads(line) for line in out.stdout.splitlines()]
    assert [Path(r["source"]).name for r in lines] == sorted(EXPECTED)
    for record in lines:
        assert set(record) >= {"source", "sha256", "format", "pages", "text", "metadata", "warnings", "error"}


def test_folders_are_walked_recursively_in_sorted_order(tmp_path: Path):
    for rel in ["b/2.txt", "a/9.txt", "a/10.txt", "c.txt"]:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(NOTICE, encoding="utf-8")
    names = [str(Path(d.source).relative_to(tmp_path)) for d in extract_paths([tmp_path])]
    assert names == ["a/10.txt", "a/9.txt", "b/2.txt", "c.txt"]


def test_near_duplicates_in_one_run_point_to_the_earlier_document(tmp_path: Path):
    (tmp_path / "1.txt").write_text(NOTICE * 3, encoding="utf-8")
    (tmp_path / "2.txt").write_text((NOTICE * 3).replace("本月底", "本 月 底"), encoding="gbk")
    first, second = extract_paths([tmp_path])
    assert first.duplicate_of is None
    assert second.duplicate_of == first.source and second.similarity >= 0.8
    assert first.text_sha256 == second.text_sha256  # the spaces are extraction damage, normalised away


@pytest.mark.parametrize(
    ("name", "head", "expected"),
    [
        ("a.pdf", b"%PDF-1.4\n", "pdf"),
        ("renamed.txt", b"%PDF-1.4\n", "pdf"),
        ("page.htm", b"<div>", "html"),
        ("saved", b"<!DOCTYPE html><html>", "html"),
        ("note.txt", "通知".encode("gbk"), "txt"),
        ("locked.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "docx"),  # OLE: encrypted or a renamed .doc
    ],
)
def test_format_is_decided_by_content_then_name(name, head, expected):
    assert detect_format(Path(name), head) == expected


@pytest.mark.parametrize(
    ("name", "head", "code"),
    [
        ("a.pdf", b"garbage", "corrupted"),
        ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "unsupported_type"),
        ("photo.jpg", b"\xff\xd8\xff", "unsupported_type"),
    ],
)
def test_unreadable_formats_raise_stable_codes(name, head, code):
    from gongkai.errors import GongkaiError

    with pytest.raises(GongkaiError) as info:
        detect_format(Path(name), head)
    assert info.value.code == code


def test_sample_inbox_extracts(tmp_path: Path):
    inbox = Path(__file__).resolve().parents[2] / "samples" / "inbox"
    docs = list(extract_paths([inbox]))
    failed = {Path(d.source).name for d in docs if not d.ok}
    assert failed == {"08_传输中断.pdf"}
    dup = next(d for d in docs if d.source.endswith("07_通知_PDF提取稿.txt"))
    assert dup.duplicate_of and dup.duplicate_of.endswith("01_通知_政府信息公开重点工作.txt")
