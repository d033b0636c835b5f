"""Long texts (issue 14, item 5): rules run over a text of any length below max_text_mb, in spaCy windows
that overlap by more than any rule's context window; hits are counted once, at offsets into the whole text."""
from __future__ import annotations

import textwrap

import gongkai.matching.engine as engine
from gongkai.extract import extract_file
from gongkai.matching import Matcher, load_rules
from gongkai.proposer import Proposer
from gongkai.settings import Settings

RULE = textwrap.dedent("""\
    ruleset: t
    version: 1
    rules:
      - id: GK-TS-001
        version: 1
        category: exemption
        description: 测试
        article: 测试条文
        effect: {reason: internal_affairs}
        patterns: [{phrase: 内部资料}]
        context: {window: 30, raise: {words: [严禁外传], by: 0.3}}
        score: 0.5
        examples: {match: [内部资料], no_match: [公开资料]}
    """)


def small_window_matcher(tmp_path, monkeypatch) -> Matcher:
    monkeypatch.setattr(engine, "WINDOW_CHARS", 0)  # windows of 4 × the overlap: many borders in a short text
    (tmp_path / "t.yaml").write_text(RULE, encoding="utf-8")
    return Matcher(load_rules(tmp_path))


def test_windows_overlap_by_more_than_the_widest_context(tmp_path, monkeypatch):
    m = small_window_matcher(tmp_path, monkeypatch)
    assert m.overlap > 30
    windows = m.windows(5000)
    assert len(windows) > 3 and windows[0][0] == 0 and windows[-1][1] == 5000
    assert all(b0 - a1 == m.overlap for (_, b0), (a1, _) in zip(windows, windows[1:]))


def test_phrases_across_and_inside_window_borders_are_found_once_at_whole_text_offsets(tmp_path, monkeypatch):
    m = small_window_matcher(tmp_path, monkeypatch)
    windows = m.windows(6000)
    border = windows[1][1]  # end of the second window: inside the third one's overlap
    text = list("甲" * 6000)
    starts = [border - 2, windows[2][0] + 3, 5990]  # across a border, inside an overlap, at the very end
    for s in starts:
        text[s:s + 4] = "内部资料"
    text[border + 20:border + 24] = "严禁外传"  # a context word beyond the border raises the hit across it
    text = "".join(text)
    found = m.match(text)
    assert [(f.start, f.end) for f in found] == [(s, s + 4) for s in sorted(starts)]
    assert all(f.text == "内部资料" for f in found)
    assert {f.start: f.score for f in found} == {border - 2: 0.8, starts[1]: 0.5, 5990: 0.5}


def test_a_phrase_split_by_one_space_is_still_a_phrase_in_a_long_text(tmp_path, monkeypatch):
    m = small_window_matcher(tmp_path, monkeypatch)
    text = "乙" * 3000 + "内部 资料" + "乙" * 3000 + "内部\n资料"
    assert [f.start for f in m.match(text)] == [3000]  # one space folds into a token; a line break does not


def test_a_five_million_character_document_has_its_mark_found_near_the_end(tmp_path):
    para = "各区县人民政府，市政府各部门：为进一步做好政务公开工作，推进政府信息公开标准化规范化建设，现将有关事项通知如下。\n"
    body = para * (5_000_000 // len(para))
    tail = "附件\n机密★10年\n防汛物资储备情况表\n本附件含有国家秘密，严禁外传。\n"
    path = tmp_path / "long.txt"
    path.write_text("关于做好政务公开工作的通知\n" + body + tail, encoding="gb18030")
    settings = Settings({"max_text_mb": 20.0}, environ={})
    assert path.stat().st_size > 4 * 1024 * 1024  # the size that was quarantined as `internal`

    doc = extract_file(path, settings)
    assert doc.ok and len(doc.text) > 5_000_000
    proposal = Proposer(settings, model=None).review(doc).proposal

    assert proposal.error is None
    mark_at = doc.text.index("机密★10年", 4_990_000)
    evidence = [e for r in proposal.reasons if r.code == "state_secret" for e in r.evidence]
    assert any(e.start == mark_at and doc.text[e.start:e.end] == "机密★10年" for e in evidence)
    assert proposal.secrecy == "机密" and proposal.disclosure == "不予公开"
