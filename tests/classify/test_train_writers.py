"""`gongkai train` evaluates leave-writer-out (no writer on both sides), reports the frozen dev set apart, sweeps
the thresholds on held-out predictions only, and keeps the generator's share under a quarter."""
from __future__ import annotations

import json

import pytest

from gongkai.classify import corpus as corpus_mod
from gongkai.classify import train as train_mod

DOCS = {
    ("主动公开", "非密"): ["关于{w}区开展春季植树活动的通告\n全区市民：\n定于3月12日在{w}公园开展义务植树活动，欢迎参加。\n{w}区人民政府",
                       "{w}区2025年部门预算公开说明\n一、部门主要职责\n二、收支预算总表\n三、一般公共预算支出{n}万元。"],
    ("依申请公开", "非密"): ["关于召开{w}区第{n}次工作例会的通知\n各科室：\n定于下周一上午9时在三楼会议室召开例会，请准时参加。",
                        "{w}区水务局2025年工作总结\n一年来，我局完成管网改造{n}公里，处理群众诉求若干件。"],
    ("不予公开", "秘密"): ["{w}县民兵武器库调整情况\n县人武部民兵武器库迁至{w}乡，库房坐标东经10{n}度，存放枪支若干。",
                       "{w}县储备粮实物库存\n城关粮库{n}号仓小麦4200吨，坐标北纬2{n}度，严格控制知悉范围。"],
}


def _write(folder, writer, offset):
    folder.mkdir(parents=True)
    rows = []
    k = 0
    for (disclosure, secrecy), texts in DOCS.items():
        for t in texts:
            for rep in range(2):
                k += 1
                name = f"{writer}-{k:04d}.txt"
                (folder / name).write_text(t.format(w=f"{writer}{rep}", n=offset + k), encoding="utf-8")
                rows.append({"file": name, "id": name[:-4], "writer": writer, "disclosure": disclosure,
                             "secrecy": secrecy, "marked": False, "hard_negative": False})
    (folder / "labels.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                                         encoding="utf-8")


@pytest.fixture()
def tiny_corpus(tmp_path):
    root = tmp_path / "corpus"
    for i, w in enumerate(["wa", "wb", "wc"]):
        _write(root / "written" / w, w, i * 10)
    _write(root / "dev" / "wd", "wd", 40)
    return root


def test_leave_writer_out_never_trains_on_the_writer_it_tests(tiny_corpus, tmp_path, monkeypatch):
    fits: list[set[str]] = []
    real_fit = train_mod._fit

    def spy(examples, records, idx, seed):
        fits.append({examples[i].writer for i in idx})
        return real_fit(examples, records, idx, seed)

    monkeypatch.setattr(train_mod, "_fit", spy)
    result = train_mod.train(tiny_corpus, tmp_path / "models", make_current=False)
    assert set(result.per_writer) == {"wa", "wb", "wc"}
    for writer, seen in zip(["wa", "wb", "wc"], fits):
        assert writer not in seen and seen, (writer, seen)
    assert fits[-1] == {"wa", "wb", "wc"}, "the shipped model is fitted on every training writer, never on dev"
    assert result.dev is not None and result.dev.n == 12
    assert {d["writer"] for d in result.details if d["split"] == "dev"} == {"wd"}
    assert result.leave_writer_out.n == 36
    assert result.threshold_sweep and all("leaks" in row for row in result.threshold_sweep)
    meta = json.loads((tmp_path / "models" / result.version / "meta.json").read_text(encoding="utf-8"))
    assert meta["writers"] == ["wa", "wb", "wc"] and meta["dev"]["writers"] == ["wd"]
    assert "leave_writer_out" in meta and "per_writer" in meta


def test_the_generators_share_stays_below_a_quarter(tiny_corpus):
    gen = tiny_corpus / "documents"
    gen.mkdir()
    rows = []
    for i in range(100):
        (gen / f"c{i:04d}.txt").write_text(f"关于第{i}号事项的通知\n各单位：\n现将有关事项通知如下。", encoding="utf-8")
        rows.append({"file": f"documents/c{i:04d}.txt", "id": f"c{i:04d}", "group": f"g{i}", "variant": "original",
                     "disclosure": "依申请公开", "secrecy": "非密"})
    (tiny_corpus / "labels.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    examples = corpus_mod.load_training(tiny_corpus)
    generated = [e for e in examples if e.writer == corpus_mod.GENERATOR or e.meta.get("variant") == "pdf_damaged"]
    assert 0 < len(generated) < 0.25 * len(examples)
    assert not any(e.writer == "wd" for e in examples), "the dev set never enters training"


def test_best_thresholds_choose_no_leak_then_the_most_public():
    rows = [{"secret_signal_probability": 0.05, "withheld_signal_probability": 0.3, "leaks": 0, "secret_leaks": 0,
             "public_proposed_public": 0.6},
            {"secret_signal_probability": 0.1, "withheld_signal_probability": 0.3, "leaks": 0, "secret_leaks": 0,
             "public_proposed_public": 0.8},
            {"secret_signal_probability": 0.2, "withheld_signal_probability": 0.3, "leaks": 1, "secret_leaks": 1,
             "public_proposed_public": 0.95}]
    assert train_mod.best_thresholds(rows)["secret_signal_probability"] == 0.1
