"""The administrator pages of issue 7: model versions with the retraining gate's comparison and reasons,
and the rule feedback report. (Every role but admin gets 403: the matrix in test_web.py.)"""
from __future__ import annotations

import re

import pytest

from gongkai.classify import registry
from gongkai.classify.retrain import gate
from gongkai.store.models import Decision, Proposal, ReviewTask
from gongkai.web.admin import reason_zh
from tests.review.seed import add_document
from tests.web.conftest import login

CURRENT = {"n": 40, "leaks": 0, "disclosure_macro_f1": 0.9, "secrecy_macro_f1": 0.85,
           "secret_recall": {"秘密": 1.0, "机密": 1.0, "绝密": 1.0}, "secret_detection_recall": 1.0}
POISONED = {"n": 40, "leaks": 2, "disclosure_macro_f1": 0.7, "secrecy_macro_f1": 0.84,
            "secret_recall": {"秘密": 1.0, "机密": 0.5, "绝密": 1.0}, "secret_detection_recall": 0.9}
HOSTILE = '<script>alert("x")</script>'


@pytest.fixture
def admin_app(store, tmp_path):
    from gongkai.web.app import create_app

    models = tmp_path / "models"
    models.mkdir()
    registry.save({"stand-in": "classifier"}, {"corpus_hash": "c0"}, models, version="seed-model")
    reasons = gate(CURRENT, POISONED, 0.02, "frozen") + [f"unforeseen {HOSTILE}"]
    registry.save({"stand-in": "classifier"}, {
        "corpus_hash": "c0", "kind": "retrained", "parent": "seed-model", "n_decisions": 31,
        "gate": {"promoted": False, "reasons": reasons, "tolerance": 0.02,
                 "comparison": {"frozen": {"current": CURRENT, "candidate": POISONED}}}},
        models, version="candidate-refused", make_current=False)
    return create_app(store, data_dir=tmp_path / "data", models_dir=models)


def test_every_gate_reason_reads_in_chinese():
    reasons = gate(CURRENT, POISONED, 0.02, "frozen") + gate(CURRENT, POISONED, 0.02, "recent")
    assert len(reasons) == 6  # leaks, 机密 recall, disclosure macro-F1 — on both sets
    for reason in reasons:
        said = reason_zh(reason)
        assert said != reason and not re.search(r"[a-z]{4,}", said.replace("macro", "")), said
    assert "泄密数由 0 升至 2" in reason_zh(reasons[0]) and "冻结评估集" in reason_zh(reasons[0])
    assert "机密" in reason_zh(reasons[1]) and "最近的审核决定" in reason_zh(reasons[3])


def test_the_models_page_marks_the_current_model_and_explains_a_refused_candidate(admin_app):
    page = login(admin_app, "admin").get("/admin/models")
    assert page.status_code == 200
    html = page.text
    current_row = re.search(r"<tr><td><a[^>]*>seed-model</a>.*?</tr>", html).group(0)
    candidate_row = re.search(r"<tr><td><a[^>]*>candidate-refused</a>.*?</tr>", html).group(0)
    assert "现用" in current_row and "现用" not in candidate_row and "未通过" in candidate_row
    assert "泄密数由 0 升至 2" in html and "机密文件的召回率由 1.000 降至 0.500" in html
    assert "公开属性 macro-F1 由 0.900 降至 0.700" in html
    assert "leaks rise" not in html  # the English wording of the gate stays out of the page
    # the comparison table marks what got worse
    assert re.search(r'<td>泄密数[^<]*</td><td>0</td><td class="worse">2</td>', html)
    assert re.search(r'<td>秘密文件召回率</td><td>1.0</td><td>1.0</td>', html)
    assert "<script>alert" not in html and "&lt;script&gt;" in html


def test_the_admin_header_links_only_for_admins(admin_app):
    assert 'href="/admin/models"' in login(admin_app, "admin").get("/").text
    office = login(admin_app, "bangong")
    assert 'href="/admin/models"' not in office.get("/").text and 'href="/admin/rules"' not in office.get("/").text
    assert office.get("/admin/models").status_code == 403 and office.get("/admin/rules").status_code == 403


def _finish(store, *, rule: str, proposed: tuple[str, str], final: tuple[str, str]) -> None:
    doc_id, task_id = add_document(store, disclosure=proposed[0], secrecy=proposed[1])
    with store.session() as s:
        task = s.get(ReviewTask, task_id)
        task.status = "done"
        p = s.get(Proposal, task.proposal_id)
        p.reasons = [{"code": "x", "article": "", "rules": [f"{rule}@1"], "evidence": []}]
        s.add(Decision(task_id=task_id, document_id=doc_id, actor="bangong", role="office",
                       action="confirm" if final == proposed else "change", disclosure=final[0], secrecy=final[1]))


def test_the_rules_page_counts_flags_and_shows_what_reviewers_changed(admin_app, store):
    for n in range(6):  # overridden 4 times of 6: flagged
        _finish(store, rule="GK-EX-007", proposed=("不予公开", "非密"),
                final=("依申请公开", "非密") if n < 4 else ("不予公开", "非密"))
    for _ in range(5):
        _finish(store, rule="GK-PS-001", proposed=("主动公开", "非密"), final=("主动公开", "非密"))
    _finish(store, rule=f"GK-{HOSTILE}", proposed=("主动公开", "非密"), final=("主动公开", "非密"))
    html = login(admin_app, "admin").get("/admin/rules").text
    flagged = re.search(r'<tr class="flagged"><td>GK-EX-007</td>.*?</tr>', html).group(0)
    assert "<td>6</td><td>2</td><td>4</td><td>67%</td>" in flagged and "依申请公开/非密 ×4" in flagged
    assert "请复核" in flagged
    confirmed = re.search(r"<tr><td>GK-PS-001</td>.*?</tr>", html).group(0)
    assert "<td>5</td><td>5</td><td>0</td><td>0%</td>" in confirmed and "请复核" not in confirmed
    assert "已完成审核的文件：12 份" in html
    proposed_class = re.search(r"<tr><td>公开属性：不予公开</td>.*?</tr>", html).group(0)
    assert "依申请公开 ×4（改动）" in proposed_class and "不予公开 ×2" in proposed_class
    assert "<script>alert" not in html and "&lt;script&gt;" in html
