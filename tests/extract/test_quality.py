"""Text that cannot be trusted (issue 14, item 7): mojibake repaired first, text quality measured per
document, and an unreadable document flagged, given confidence 0 and sent to a person — never 主动公开."""
from __future__ import annotations

import random

import pytest
from reportlab.pdfgen import canvas

from gongkai.classify.model import Prediction
from gongkai.extract import extract_file
from gongkai.extract.quality import measure, readable_share
from gongkai.extract.repair import repair_mojibake
from gongkai.proposer import BareModel, Proposer
from gongkai.settings import Settings

NOTICE = ("关于加强政务公开工作的通知\n市政府有关部门：为进一步推进政务公开标准化规范化建设，现将有关事项通知如下。"
          "一是加强组织领导，明确分管领导和工作机构。二是政府工作报告，财政预算决算等内容应当按时主动公开。")
# Windows-1252 leaves these bytes undefined: a mis-decoding passes them on as U+0081 … U+009D
_UNDEFINED = {0x81, 0x8D, 0x8F, 0x90, 0x9D}


def as_cp1252(text: str) -> str:
    """UTF-8 bytes shown as Windows-1252 glyphs, as a browser or editor guessing wrong shows them."""
    return "".join(chr(b) if b in _UNDEFINED else bytes([b]).decode("cp1252") for b in text.encode("utf-8"))


def draw_pdf(path, lines: list[str]):
    """A PDF whose text is drawn, glyph for glyph, in a Latin font (reportlab's Helvetica)."""
    c = canvas.Canvas(str(path))
    c.setFont("Helvetica", 9)
    y = 800
    for line in lines:
        c.drawString(30, y, line)
        y -= 12
    c.save()
    return path


class ConfidentModel:
    """A model sure the document is public: what the issue saw (0.92 on garbage, the model as only reason)."""

    def predict(self, records, top=6):
        return [{"disclosure": Prediction({"主动公开": 0.96, "依申请公开": 0.03, "不予公开": 0.01}, []),
                 "secrecy": Prediction({"非密": 0.99, "内部": 0.01, "秘密": 0.0, "机密": 0.0, "绝密": 0.0}, [])}
                for _ in records]


@pytest.fixture(scope="module")
def proposer():
    return Proposer(Settings({"ocr_enabled": False}, environ={}), model=BareModel(ConfidentModel(), "test"))


SETTINGS = Settings({"ocr_enabled": False}, environ={})


# ------------------------------------------------------------------------------------------- repair

def test_utf8_shown_as_windows_1252_is_decoded_back():
    assert repair_mojibake("æ”¿åºœ") == ("政府", "utf-8")
    assert repair_mojibake(as_cp1252(NOTICE)) == (NOTICE, "utf-8")
    assert repair_mojibake(NOTICE.encode("utf-8").decode("latin-1")) == (NOTICE, "utf-8")


def test_gbk_shown_as_latin_1_is_decoded_back():
    assert repair_mojibake(NOTICE.encode("gbk").decode("latin-1")) == (NOTICE, "gb18030")


def test_a_space_or_line_break_laid_out_inside_a_character_is_undone():
    garbled = as_cp1252("加强政务公开")  # 加 = E5 8A A0: the A0 is a no-break space, shown as a space
    laid_out = garbled.replace("\xa0", " ")
    laid_out = laid_out[:7] + "\n" + laid_out[7:]  # a line wrapped between two bytes of 政
    assert repair_mojibake(laid_out) == ("加强政务公开", "utf-8")


@pytest.mark.parametrize("text", ["Café crème brûlée à la française, très élégant", "Müller Straße für Grüße",
                                  "北京 Běijīng 2026", NOTICE])
def test_latin_text_and_chinese_text_are_left_alone(text):
    assert repair_mojibake(text) is None


def test_utf8_with_bytes_lost_is_not_repaired():
    # reportlab cannot draw U+0080–U+009F in Helvetica: those bytes are lost and nothing decodes.
    garbled = "".join(c if c >= "\xa0" or c < "\x80" else "n" for c in NOTICE.encode("utf-8").decode("latin-1"))
    assert repair_mojibake(garbled) is None


# ------------------------------------------------------------------------------------------ measure

def test_chinese_read_as_words_is_readable_and_shuffled_characters_are_not():
    assert readable_share(NOTICE) > 0.8
    chars = [c for c in NOTICE * 3 if "\u4e00" <= c <= "\u9fff"]
    random.Random(0).shuffle(chars)
    assert readable_share("".join(chars)) < 0.25
    assert measure("".join(chars), threshold=0.25)["unreadable"]
    assert not measure(NOTICE, threshold=0.25)["unreadable"]


def test_damaged_glyphs_count_against_the_text_and_too_little_text_is_not_judged():
    assert readable_share(NOTICE[:40] + "\ufffd" * 150) < 0.25
    assert readable_share("Annual report 2025, table 3: 1,234.5 | 6,789.0") is None
    assert not measure("ABC 123", threshold=0.25)["unreadable"]


def test_a_low_ocr_confidence_makes_good_looking_text_unreadable():
    verdict = measure(NOTICE, ocr_confidence=0.1, threshold=0.25)
    assert verdict["unreadable"] and verdict["score"] == 0.1


# ------------------------------------------------------------------------------- the whole chain

def test_a_garbage_pdf_is_flagged_unreadable_at_confidence_zero_and_never_public(tmp_path, proposer):
    garbage = [line.encode("utf-8").decode("latin-1") for line in NOTICE.split("\n")]  # UTF-8 bytes as Latin-1
    path = draw_pdf(tmp_path / "annual-report.pdf", [g[i:i + 90] for g in garbage for i in range(0, len(g), 90)])

    doc = extract_file(path, SETTINGS)
    assert doc.ok and doc.metadata["quality"]["unreadable"]
    assert "unreadable" in {w.code for w in doc.warnings}
    proposal = proposer.review(doc).proposal

    assert "unreadable" in proposal.flags
    assert proposal.confidence == 0
    assert proposal.disclosure != "主动公开"
    assert not any(r.code == "model" or r.features for r in proposal.reasons)  # the model is not a reason
    assert proposal.route == "保密审查"


def test_a_pdf_whose_text_layer_is_utf8_mojibake_is_repaired_and_classified(tmp_path, proposer):
    assert not any(set(c.encode("utf-8")) & _UNDEFINED for c in NOTICE)  # every byte drawable in Helvetica
    lines = [as_cp1252(NOTICE[i:i + 28]) for i in range(0, len(NOTICE), 28)]
    doc = extract_file(draw_pdf(tmp_path / "mojibake.pdf", lines), SETTINGS)
    assert doc.text.startswith("关于加强政务公开工作的通知")
    assert "mojibake_repaired" in {w.code for w in doc.warnings}
    assert not doc.metadata["quality"]["unreadable"]
    proposal = proposer.review(doc).proposal
    assert "unreadable" not in proposal.flags and proposal.disclosure == "主动公开" and proposal.confidence > 0.5


@pytest.mark.parametrize("name, wrap", [("notice.txt", "{}"),
                                        ("notice.html", "<html><head><meta charset='utf-8'></head><body><p>{}</p></body></html>")])
def test_a_text_or_web_page_saved_as_mojibake_is_repaired_and_classified(tmp_path, proposer, name, wrap):
    text = NOTICE + "各单位要及时发布信息。"  # 及 and 息 hold bytes Windows-1252 leaves undefined
    path = tmp_path / name
    path.write_text(wrap.format(as_cp1252(text).replace("\n", "<br>" if name.endswith("html") else "\n")),
                    encoding="utf-8")
    doc = extract_file(path, SETTINGS)
    assert doc.ok, doc.error
    assert "关于加强政务公开工作的通知" in doc.text and "各单位要及时发布信息。" in doc.text
    assert "mojibake_repaired" in {w.code for w in doc.warnings}
    proposal = proposer.review(doc).proposal
    assert "unreadable" not in proposal.flags and proposal.disclosure == "主动公开"


def test_tesseract_word_table_gives_a_length_weighted_confidence():
    from gongkai.extract.ocr import word_confidence

    head = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"
    rows = ["4\t1\t1\t1\t1\t0\t0\t0\t9\t9\t-1\t", "5\t1\t1\t1\t1\t1\t0\t0\t9\t9\t90\t政务公开",
            "5\t1\t1\t1\t1\t2\t0\t0\t9\t9\t30\t口", "5\t1\t1\t1\t1\t3\t0\t0\t9\t9\t-1\t "]
    assert word_confidence("\n".join([head, *rows])) == (0.78, 5)
    assert word_confidence(head) == (None, 0)


def test_a_scan_of_garbage_glyphs_has_a_low_ocr_confidence_and_is_unreadable(tmp_path, proposer):
    from gongkai.extract import ocr
    from tests.builders import pdf_builders as B
    from tests.conftest import missing_prerequisite

    if ocr.missing_languages("chi_sim") != []:
        missing_prerequisite("tesseract with chi_sim is needed for OCR")
    lines = [NOTICE.replace("\n", "")[i:i + 12].encode("utf-8").decode("cp1252", errors="replace")
             for i in range(0, 72, 12)]  # what the issue's annual reports show when rendered
    doc = extract_file(B.build_scanned_pdf(tmp_path / "scan.pdf", lines), Settings({"ocr_dpi": 200}, environ={}))
    assert doc.ok and doc.metadata["ocr"]
    assert doc.metadata["ocr_confidence"] < 0.25 and doc.metadata["quality"]["unreadable"]
    proposal = proposer.review(doc).proposal
    assert proposal.confidence == 0 and proposal.disclosure != "主动公开" and "unreadable" in proposal.flags


def test_ocr_confidence_weighs_as_much_as_the_share_of_the_text_ocr_read():
    long_report = NOTICE * 30
    assert not measure(long_report, ocr_confidence=0.1, ocr_chars=40, threshold=0.25)["unreadable"]  # one stamp page
    assert measure(long_report, ocr_confidence=0.1, ocr_chars=len(long_report), threshold=0.25)["unreadable"]
