"""The reader's layout (issue 11): a headline the normalised text joins to its paragraph stands on its own line
on the review page and in the published text, while the text the rules and the model read is unchanged."""
from __future__ import annotations

import json

import pytest

from gongkai.extract.layout import LayoutMap, with_breaks
from gongkai.extract.normalise import normalise, normalise_with_breaks

HEADLINE = "城东街道开展冬季消防安全集中检查行动"  # 19 characters, no punctuation, no title word
BODY = ("本报讯　近日，城东街道组织安监、消防和社区网格员对辖区沿街商铺开展冬季消防安全集中检查，"
        "共检查商铺86家，督促整改隐患23处。")
PAGE = f"""<html><head><title>{HEADLINE}</title></head><body>
<h1>{HEADLINE}</h1><p>{BODY}</p><p>Next steps are planned.</p></body></html>"""


def test_the_normalised_text_is_the_same_with_or_without_breaks():
    for raw in (f"{HEADLINE}\n{BODY}", "World News Today\nis a headline in English joined with a space.",
                "第一条 为了规范\n管理，制定本办法。\n一、\n总体要求", ""):
        text, breaks = normalise_with_breaks(raw)
        assert text == normalise(raw)
        assert all(0 < b < len(text) for b in breaks)


def test_a_headline_joined_in_the_text_stands_alone_in_the_layout():
    text, breaks = normalise_with_breaks(f"{HEADLINE}\n{BODY}")
    assert text.startswith(HEADLINE + "本报讯")  # what the model reads: joined, as its thresholds were chosen on
    laid_out = with_breaks(text, breaks)
    assert laid_out.splitlines()[0] == HEADLINE and laid_out.splitlines()[1].startswith("本报讯")
    assert laid_out.replace("\n", "") == text.replace("\n", "")


def test_a_latin_headline_joined_with_a_space_gets_the_break_in_place_of_the_space():
    text, breaks = normalise_with_breaks("City Council Annual Data\nThe office published its figures")
    assert text == "City Council Annual Data The office published its figures"
    assert with_breaks(text, breaks) == "City Council Annual Data\nThe office published its figures"


def test_sentences_and_long_lines_are_not_broken():
    for raw in ("为进一步做好冬季安全生产工作，切实防范\n各类事故发生，现将有关事项通知如下。",
                # a law hard-wrapped at 24 characters: its lines are prose, not headlines
                "第一条为了规范城市绿地养护（以下简称养护）活\n动，保障公共设施安全运行和群众出行安全，制定本办法。",
                "本办法所称养护单位是指在本市行政区域内依法\n从事绿地养护作业的企业和其他组织。"):
        text, breaks = normalise_with_breaks(raw)
        assert breaks == () and with_breaks(text, breaks) == text


def test_evidence_offsets_follow_the_layout():
    text, breaks = normalise_with_breaks(f"{HEADLINE}\n{BODY}")
    laid_out, layout = with_breaks(text, breaks), LayoutMap(text, breaks)
    for word in ("本报讯", "消防安全", "隐患23处", HEADLINE[:4]):
        start = text.index(word)
        s, e = layout.start(start), layout.end(start + len(word))
        assert laid_out[s:e] == word
    # a span ending at the break ends before it; one starting there starts after it
    b = breaks[0]
    assert laid_out[layout.start(0):layout.end(b)] == HEADLINE
    assert laid_out[layout.start(b):layout.start(b) + 3] == "本报讯"


def test_stale_or_hostile_breaks_never_damage_the_text():
    text = "关于做好冬季防火工作的通知"
    for breaks in (None, [], [0, len(text), len(text) + 5, -3, "7"]):
        assert with_breaks(text, breaks) == text


def test_a_web_page_keeps_its_headline_through_intake_review_and_publication(tmp_path):
    from gongkai.extract import extract_paths
    from gongkai.intake import Intake
    from gongkai.proposer import Proposer
    from gongkai.review.publish import catalogue_entry
    from gongkai.review.queue import document_view
    from gongkai.settings import Settings
    from tests.review.seed import actor, add_users, open_test_store

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "news.html").write_text(PAGE, encoding="utf-8")
    settings = Settings({"data_dir": str(tmp_path / "data")}, environ={})
    [doc] = list(extract_paths([inbox / "news.html"], settings))
    assert doc.text.startswith(HEADLINE + "本报讯") and doc.metadata["line_breaks"]

    store = open_test_store(f"sqlite:///{tmp_path / 'layout.db'}")
    add_users(store)
    [result] = Intake(settings, store=store, reviewer=Proposer(settings, model=None)).run(inbox)
    assert result.outcome == "processed"
    with store.session() as s:
        from gongkai.store.models import Document

        stored = s.query(Document).one()
        assert stored.text == doc.text  # the store keeps the model's text; the layout lives beside it
        view = document_view(s, actor("baomi"), document_id=stored.id, with_spans=True)
    assert view.text.splitlines()[0] == HEADLINE and view.title == HEADLINE
    for span in view.spans:  # every highlight still covers what the rule matched
        assert view.text[span.start:span.end].replace("\n", "") != ""
    entry = catalogue_entry(store, stored.id)
    assert entry["text"].splitlines()[0] == HEADLINE
    assert entry["text"].splitlines()[1].startswith("本报讯")
    json.dumps(entry, ensure_ascii=False, default=str)
