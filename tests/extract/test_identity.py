"""Document identity: text hash, near-duplicates (the seeds, a revision, unrelated and short texts)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from gongkai.extract.identity import (
    MIN_CHARS,
    NearDuplicateIndex,
    estimated_similarity,
    shingle_hashes,
    signature,
    text_sha256,
)
from gongkai.extract.normalise import normalise

REPO = Path(__file__).resolve().parents[2]

# An unrelated document of the same genre (a notice), written for this test.
UNRELATED = normalise(
    "关于开展2026年度安全生产大检查的通知\n各镇街、各有关部门：\n"
    "为深刻吸取近期事故教训，切实做好岁末年初安全生产工作，经研究，决定在全区范围内开展安全生产大检查。"
    "检查范围包括危险化学品、建筑施工、道路交通、消防、燃气和特种设备等重点行业领域。"
    "各单位要成立工作专班，制定检查方案，明确责任分工，对发现的隐患建立台账，实行闭环管理。"
    "请于12月20日前将检查情况报区应急管理局。\n（此件公开发布）"
)


@pytest.fixture(scope="module")
def seeds(seeds_dir: Path) -> tuple[str, str]:
    pdf = normalise((seeds_dir / "000_ab52f5e9316a8024.txt").read_text(encoding="utf-8"))
    web = normalise((seeds_dir / "001_01727a0aa35daeb1.txt").read_text(encoding="utf-8"))
    return pdf, web


def test_text_sha256_is_the_hash_of_the_utf8_text():
    assert text_sha256("政府信息公开") == text_sha256("政府信息公开")
    assert text_sha256("政府信息公开") != text_sha256("政府信息公开。")
    assert len(text_sha256("")) == 64


def test_the_two_seeds_are_near_duplicates(seeds: tuple[str, str]):
    pdf, web = seeds
    index = NearDuplicateIndex(threshold=0.8)
    assert index.add("000", pdf) is None
    match = index.add("001", web)
    assert match is not None and match.key == "000" and match.exact
    # the exact Jaccard similarity: only the title line's shingles differ
    assert 0.95 < match.similarity < 1.0
    # the bodies are identical, so without the title they are one text
    assert text_sha256(pdf.split("\n", 1)[1]) == text_sha256(web)


def test_a_revised_version_is_a_near_duplicate(seeds: tuple[str, str]):
    _, web = seeds
    paragraphs = web.split("\n")
    paragraphs[21] = "我局政府信息公开工作总体平稳，但专业人员不足，信息更新不够及时，下一步将配齐专职人员并加强培训。"
    revised = "\n".join(paragraphs)
    index = NearDuplicateIndex()
    index.add("published", web)
    match = index.query(revised)
    assert match is not None and match.key == "published" and 0.8 <= match.similarity < 1.0


def test_unrelated_documents_are_not_near_duplicates(seeds: tuple[str, str]):
    pdf, web = seeds
    index = NearDuplicateIndex()
    index.add("report", web)
    assert index.add("notice", UNRELATED) is None
    assert index.query(pdf).key == "report"  # query does not add
    assert len(index) == 2 and "notice" in index


def test_half_of_a_document_is_not_a_near_duplicate_of_it(seeds: tuple[str, str]):
    _, web = seeds
    index = NearDuplicateIndex()
    index.add("report", web)
    assert index.query(web[: len(web) // 2]) is None


def test_best_match_wins_and_ties_go_to_the_earliest(seeds: tuple[str, str]):
    pdf, web = seeds
    index = NearDuplicateIndex()
    index.add("a", web)
    index.add("b", web)
    assert index.query(web).key == "a"
    found = index.matches(pdf)
    assert [m.key for m in found] == ["a", "b"] and found[0].similarity == found[1].similarity


def test_short_texts_match_only_identical_short_texts():
    short = "关于召开全体干部大会的通知"
    assert len(short) < MIN_CHARS
    index = NearDuplicateIndex()
    assert index.add("s1", short) is None
    assert index.add("s2", "关于召开 全体干部大会的\n通知") == index.query(short)  # whitespace does not count
    assert index.query(short).key == "s1" and index.query(short).similarity == 1.0
    assert index.query("关于召开全体职工大会的通知") is None  # one character off
    index.add("long", short + UNRELATED)
    assert index.query(short).key == "s1"  # a short text never matches a long one containing it
    assert index.add("empty", "") is None and index.query(" \n").key == "empty"


def test_a_key_added_twice_is_kept_once_and_matched_against_the_others(seeds: tuple[str, str]):
    pdf, web = seeds
    index = NearDuplicateIndex()
    index.add("notice", UNRELATED)
    assert index.add("notice", UNRELATED) is None  # the same file met twice is not its own duplicate
    index.add("000", pdf)
    assert len(index) == 2
    index.add("001", web)
    assert index.add("000", pdf).key == "001" and len(index) == 3
    index.add("short1", "关于召开全体干部大会的通知")
    index.add("short2", "关于召开全体干部大会的通知")
    assert index.add("short1", "关于召开全体干部大会的通知").key == "short2"


def test_signatures_are_serialisable_and_estimate_the_similarity(seeds: tuple[str, str]):
    pdf, web = seeds
    sig_pdf, sig_web = signature(pdf), signature(web)
    assert len(sig_pdf) == 128 and json.loads(json.dumps(sig_pdf)) == sig_pdf
    assert estimated_similarity(sig_pdf, sig_web) > 0.8
    assert estimated_similarity(sig_pdf, signature(UNRELATED)) < 0.3
    rebuilt = NearDuplicateIndex()
    rebuilt.add_signature("000", sig_pdf)
    match = rebuilt.query(web)
    assert match is not None and match.key == "000" and not match.exact


def test_signatures_are_the_same_in_another_process():
    """No salted Python hash anywhere: a signature stored today matches one computed tomorrow."""
    code = "import json; from gongkai.extract.identity import signature; print(json.dumps(signature('政府信息公开工作年度报告' * 20)))"
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True,
                         env={"PYTHONHASHSEED": "12345", "PATH": "/usr/bin:/bin"})
    assert json.loads(out.stdout) == signature("政府信息公开工作年度报告" * 20)


def test_shingles_ignore_whitespace_and_are_distinct_sorted():
    hashes = shingle_hashes("政府 信息\n公开 政府信息公开")
    assert list(hashes) == sorted(set(hashes))
    assert len(hashes) == len(shingle_hashes("政府信息公开政府信息公开")) == 6
    assert len(shingle_hashes("公开")) == 1 and len(shingle_hashes("")) == 0


def test_a_huge_document_is_compared_by_its_minhash_estimate(
    seeds: tuple[str, str], monkeypatch: pytest.MonkeyPatch
):
    import gongkai.extract.identity as identity

    pdf, web = seeds
    monkeypatch.setattr(identity, "_MAX_EXACT", 100)  # stands for the 2-million-shingle memory cap
    index = NearDuplicateIndex()
    index.add("000", pdf)
    match = index.query(web)
    assert match is not None and match.key == "000" and not match.exact and match.similarity > 0.8


def test_shingles_are_the_same_whatever_the_chunking(monkeypatch: pytest.MonkeyPatch):
    import gongkai.extract.identity as identity

    text = UNRELATED * 3
    whole = shingle_hashes(text)
    monkeypatch.setattr(identity, "_CHUNK", 7)
    assert list(shingle_hashes(text)) == list(whole)
