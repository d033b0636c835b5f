"""Publication export: catalogue fields, personal data redacted (Art. 37), HTML escaped."""
from __future__ import annotations

import json
from pathlib import Path

from gongkai.review.publish import export, redact

TEXT = ("XX市财政局\n关于公布<script>alert(1)</script>2025年预算的通知\n联系人：张伟，电话13812345678。\n"
        "XX市财政局\n2025年3月1日\n（此件主动公开）")


def test_redaction_keeps_positions_and_removes_the_personal_data():
    start = TEXT.index("13812345678")
    out = redact(TEXT, [{"start": start, "end": start + 11}])
    assert len(out) == len(TEXT) and "13812345678" not in out and "█" * 11 in out


def test_export_writes_the_catalogue_entry_as_json_and_escaped_html(store, tmp_path: Path):
    from tests.review.seed import add_document

    start = TEXT.index("13812345678")
    doc_id, _ = add_document(store, text=TEXT, title="关于公布<script>alert(1)</script>2025年预算的通知",
                             pii=[{"type": "手机号码", "start": start, "end": start + 11, "masked": "138****5678"}])
    json_path, html_path = export(store, doc_id, tmp_path)
    entry = json.loads(json_path.read_text("utf-8"))
    assert {"索引号", "标题", "发布机构", "成文日期", "公开方式", "公开时限"} <= set(entry)
    assert entry["公开方式"] == "主动公开" and "13812345678" not in entry["text"] and entry["redactions"] == 1
    assert json_path.parent == tmp_path / "publication" and json_path.stem == entry["索引号"]
    html = html_path.read_text("utf-8")
    assert "<script>" not in html and "&lt;script&gt;" in html and "13812345678" not in html
    assert export(store, doc_id, tmp_path) == [json_path, html_path]  # re-export rewrites the same files


def test_comments_and_document_properties_read_by_the_rules_are_never_published(store, tmp_path: Path):
    from tests.review.seed import add_document

    text = ("东湖区教育局关于做好校园消防检查的通知\n各学校：\n请于3月底前完成消防设施检查。\n联系电话13812345678。\n"
            "【批注】办公室：请核对会议日期，王某的问题另议。\n【文档属性·标题】东湖区教育局通知\n【文档属性·备注】内部初稿")
    start = text.index("13812345678")
    doc_id, _ = add_document(store, text=text, pii=[{"type": "手机号码", "start": start, "end": start + 11,
                                                   "masked": "138****5678"}])
    json_path, html_path = export(store, doc_id, tmp_path)
    entry = json.loads(json_path.read_text("utf-8"))
    assert entry["text"].endswith("联系电话" + "█" * 11 + "。")  # redacted at the right place, lines kept
    assert entry["text"].splitlines()[:3] == text.splitlines()[:3]
    for hidden in ("【批注】", "王某", "【文档属性", "内部初稿"):
        assert hidden not in entry["text"] and hidden not in html_path.read_text("utf-8")
