"""The contract of `gongkai classify --json`, on the shipped model (trained by scripts/setup.sh)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from gongkai.classify import registry
from gongkai.errors import GongkaiError

REPO = Path(__file__).resolve().parents[2]
CONTRACT = {"source", "sha256", "disclosure", "secrecy", "confidence", "reasons", "pii", "marks", "sealed",
            "duplicate_of", "route", "model_version", "error"}


@pytest.fixture(scope="session")
def shipped_model():
    try:
        return registry.load()
    except GongkaiError:
        from gongkai.classify.train import train

        train()  # a clone whose set-up did not run yet: make the default model once
        return registry.load()


def classify(paths, data_dir: Path) -> list[dict]:
    env = {**os.environ, "GONGKAI_DATA_DIR": str(data_dir)}
    out = subprocess.run([sys.executable, "-m", "gongkai.cli", "classify", *map(str, paths), "--json"],
                         capture_output=True, text=True, env=env, timeout=600, cwd=REPO)
    assert out.returncode == 0, out.stderr
    return [json.loads(line) for line in out.stdout.splitlines()]


def test_the_shipped_model_was_measured_on_writers_it_never_saw_and_leaks_nothing(shipped_model):
    """Training measures the model on the frozen dev writers (corpus/dev) and keeps the figures in its meta.
    The safety bar is absolute: no restricted document proposed 主动公开, every marked secret found. The
    quality figures are floors a little under what was measured (14 training writers: dev F1 0.79, secrets found
    1.0, unmarked 1.0, public proposed 主动公开 0.60), so a regression fails here; issue 10's target (F1 0.85) is
    not met yet and is not pretended to be."""
    dev = shipped_model.meta["dev"]
    assert dev["n"] >= 300 and set(dev["writers"]).isdisjoint(shipped_model.meta["writers"])
    assert len(shipped_model.meta["writers"]) >= 14
    assert dev["leaks"] == 0, dev["leaks_list"]
    assert dev["secret_recall_marked"] == 1.0
    assert dev["secret_detection_recall"] >= 0.95
    assert dev["secret_recall_unmarked"] >= 0.9
    assert dev["disclosure_macro_f1"] >= 0.77
    assert dev["public_proposed_public"] >= 0.55


def test_the_seed_reports_are_public_and_one_duplicates_the_other(shipped_model, seeds_dir, tmp_path):
    first, second = classify([seeds_dir], tmp_path)
    for p in (first, second):
        assert (p["disclosure"], p["secrecy"]) == ("主动公开", "非密"), p["reasons"]
    assert first["duplicate_of"] is None and second["duplicate_of"] == first["source"]


def test_sample_inbox_proposals_follow_the_contract(shipped_model, tmp_path):
    inbox = REPO / "samples" / "inbox"
    results = {Path(p["source"]).name: p for p in classify([inbox], tmp_path)}
    assert all(set(p) >= CONTRACT for p in results.values())
    assert all(p["model_version"] == shipped_model.version for p in results.values())

    secret = results["02_请示_应急物资储备库.txt"]
    assert (secret["disclosure"], secret["secrecy"], secret["sealed"], secret["route"]) == ("不予公开", "机密", True, "保密审查")
    assert secret["marks"]["secrecy_mark"]["period"] == "10年" and secret["marks"]["copy_no"] == "000126"
    assert any(r["code"] == "state_secret" and r["evidence"] for r in secret["reasons"])
    sealed = list((tmp_path / "sealed").iterdir())
    assert any(f.name.startswith(secret["sha256"]) for f in sealed)
    alert = json.loads((tmp_path / "sealed" / "alerts.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert alert["level"] == "机密" and alert["report_by"] > alert["time"]

    roster = results["03_临时救助花名册.txt"]
    assert roster["disclosure"] != "主动公开"
    ids = [x for x in roster["pii"] if x["type"] == "id_card"]
    assert len(ids) == 3 and all("*" in x["masked"] and len(x["masked"]) == 18 for x in ids)

    notice = results["01_通知_政府信息公开重点工作.txt"]
    assert (notice["disclosure"], notice["secrecy"]) == ("主动公开", "非密")
    assert notice["marks"]["disclosure_line"]["attribute"] == "主动公开"
    assert results["07_通知_PDF提取稿.txt"]["duplicate_of"].endswith("01_通知_政府信息公开重点工作.txt")

    broken = results["08_传输中断.pdf"]
    assert broken["error"]["code"] == "corrupted" and broken["disclosure"] is None
    for p in results.values():  # every reason is explained: a code, an article, and evidence or model features
        for r in p["reasons"]:
            assert r["code"] and r["article"] and (r["evidence"] or r["features"])


def test_evaluate_writes_a_report_with_confusion_matrices_and_counts_leaks(shipped_model, tmp_path):
    inbox = REPO / "samples" / "inbox"
    labels = tmp_path / "labels.jsonl"
    rows = [
        {"file": str(inbox / "01_通知_政府信息公开重点工作.txt"), "disclosure": "主动公开", "secrecy": "非密"},
        {"file": str(inbox / "03_临时救助花名册.txt"), "disclosure": "不予公开", "secrecy": "非密"},
        # deliberately mislabelled: a public notice said to be withheld, so proposing it public is a "leak"
        {"file": str(inbox / "07_通知_PDF提取稿.txt"), "disclosure": "不予公开", "secrecy": "非密"},
        {"file": str(inbox / "08_传输中断.pdf"), "disclosure": "主动公开", "secrecy": "非密"},
    ]
    labels.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "gongkai.cli", "evaluate", "--labels", str(labels),
                          "--out", str(tmp_path / "report")], capture_output=True, text=True, timeout=600, cwd=REPO)
    assert out.returncode == 0, out.stderr
    summary = json.loads(out.stdout)
    assert summary["n"] == 3 and summary["leaks"] == 1
    assert summary["failed"] == [[rows[3]["file"], "corrupted"]]
    report = (tmp_path / "report" / "report.md").read_text(encoding="utf-8")
    assert "07_通知_PDF提取稿.txt" in report and "| 主动公开 |" in report
    for target in ("disclosure", "secrecy"):
        png = tmp_path / "report" / f"confusion_{target}.png"
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
