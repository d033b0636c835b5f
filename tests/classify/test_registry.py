"""The model registry: versions, the current pointer, refusal of artifacts made by other library versions."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from gongkai.classify import registry
from gongkai.classify.features import DocumentRecord
from gongkai.classify.model import Classifier
from gongkai.errors import GongkaiError

PUBLIC = ["关于公布{}年度行政许可结果的公告，现予公告。", "{}年统计公报：全市生产总值增长。", "关于征集{}年民生实事项目的通告。"]
WITHHELD = ["关于{}年人员编制调整的请示，妥否，请批示。", "{}年局务会议讨论记录，内部讨论，不对外。", "{}年干部考核情况汇报，内部资料。"]


def tiny_classifier() -> Classifier:
    texts, d, s, groups = [], [], [], []
    for n in range(8):
        for i, t in enumerate(PUBLIC):
            texts.append(t.format(2020 + n)); d.append("主动公开"); s.append("非密"); groups.append(f"p{i}{n}")
        for i, t in enumerate(WITHHELD):
            texts.append(t.format(2020 + n)); d.append("不予公开"); s.append("内部"); groups.append(f"w{i}{n}")
    return Classifier(0).fit([DocumentRecord(t) for t in texts], {"disclosure": d, "secrecy": s}, groups)


@pytest.fixture(scope="module")
def classifier() -> Classifier:
    return tiny_classifier()


def test_save_load_round_trip_gives_identical_predictions(tmp_path: Path, classifier):
    version = registry.save(classifier, {"corpus_hash": "abc"}, tmp_path)
    assert registry.current_version(tmp_path) == version
    loaded = registry.load(models_dir=tmp_path)
    record = [DocumentRecord("关于公布2030年度行政许可结果的公告")]
    assert loaded.classifier.predict(record)[0]["disclosure"].probabilities == classifier.predict(record)[0]["disclosure"].probabilities
    meta = json.loads((tmp_path / version / "meta.json").read_text(encoding="utf-8"))
    assert meta["libraries"] == registry.library_versions() and meta["corpus_hash"] == "abc"


def test_prediction_explains_itself_with_contributing_features(classifier):
    pred = classifier.predict([DocumentRecord("关于2031年人员编制调整的请示，妥否，请批示。")])[0]["disclosure"]
    assert max(pred.probabilities, key=pred.probabilities.get) == "不予公开"
    assert pred.top_features and all(f["weight"] > 0 for f in pred.top_features)
    assert any("请示" in f["feature"] or "批示" in f["feature"] for f in pred.top_features)


def test_an_artifact_from_other_library_versions_is_refused(tmp_path: Path, classifier):
    version = registry.save(classifier, {}, tmp_path)
    meta_file = tmp_path / version / "meta.json"
    meta = json.loads(meta_file.read_text(encoding="utf-8"))
    meta["libraries"]["scikit-learn"] = "0.24.2"
    meta_file.write_text(json.dumps(meta), encoding="utf-8")
    with pytest.raises(GongkaiError) as info:
        registry.load(models_dir=tmp_path)
    assert info.value.code == "model_incompatible" and "0.24.2" in info.value.message


def test_no_model_is_a_clear_error(tmp_path: Path):
    with pytest.raises(GongkaiError) as info:
        registry.load(models_dir=tmp_path)
    assert info.value.code == "model_missing" and "gongkai train" in info.value.message


def test_the_pointer_moves_and_history_remembers(tmp_path: Path, classifier):
    first = registry.save(classifier, {}, tmp_path, version="v1")
    second = registry.save(classifier, {}, tmp_path, version="v2")
    assert registry.current_version(tmp_path) == second
    registry.set_current(first, tmp_path)
    assert registry.current_version(tmp_path) == "v1"
    assert (tmp_path / registry.HISTORY).read_text().split() == ["v1", "v2", "v1"]
    with pytest.raises(GongkaiError):
        registry.set_current("v9", tmp_path)


def test_a_saved_model_is_readable_by_the_service_account_only_whatever_the_umask(tmp_path):
    import os
    import stat

    old = os.umask(0o022)
    try:
        version = registry.save(tiny_classifier(), {"corpus_hash": "a"}, tmp_path / "models", version="v1")
    finally:
        os.umask(old)
    folder = tmp_path / "models" / version
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700 and stat.S_IMODE((tmp_path / "models").stat().st_mode) == 0o700
    assert {stat.S_IMODE(f.stat().st_mode) for f in folder.iterdir()} == {0o600}
    assert stat.S_IMODE((tmp_path / "models" / registry.POINTER).stat().st_mode) == 0o600
