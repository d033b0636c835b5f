"""Learning from reviewers (issues 7 and 14): a retrained model learns a systematic correction; decisions
that loosen what the current model proposes are held until a second person confirms them; a candidate that
loosens restricted documents waits for an administrator; rollback restores the previous model exactly.

To keep the suite fast everything runs on a small corpus — a quarter of the generator's groups, every
third document of three writers, every second of one dev writer — in a temporary models dir and a
temporary SQLite store."""
from __future__ import annotations

import json
import random
import shutil
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from gongkai.classify import registry, retrain
from gongkai.classify.corpus import default_corpus_dir, load_corpus
from gongkai.classify.train import propose_all, records_for, train
from gongkai.extract.identity import text_sha256
from gongkai.extract.normalise import normalise
from gongkai.policy import Retraining
from gongkai.store.db import Store
from gongkai.store.models import Decision, Document, ReviewTask

# A genre the corpus does not have: the internal public-opinion bulletin (网络舆情专报), which reads
# like a public notice but is internal process information (不予公开 / 内部).
PLACES = ["东城街道", "西湖镇", "南山社区", "北岭村", "滨江新区", "高新园区", "临河乡", "青石镇", "柳营街道", "松林村", "白沙社区", "金桥镇"]
TOPICS = ["停车收费调整", "小区加装电梯", "农贸市场搬迁", "学校划片", "供暖延期", "道路施工噪音", "垃圾中转站选址", "公交线路撤并", "拆迁补偿标准", "医保报销比例"]
PLATFORMS = ["微博", "抖音", "本地论坛", "微信群", "今日头条", "小红书"]
SENTENCES = [
    "近日，{p}居民围绕{t}在{pl}发帖{n}条，累计阅读量约{m}万次。",
    "监测发现，部分网民对{t}表达不满情绪，个别帖文存在夸大失实内容。",
    "{p}有关负责人已与发帖人取得联系，做好解释疏导工作。",
    "建议{p}加强与群众沟通，及时回应关切，防止话题扩散发酵。",
    "截至{d}日{h}时，相关话题热度有所回落，评论{n}条。",
    "经研判，该舆情风险等级为{lv}级，需持续跟踪关注。",
    "网信部门已对{k}条不实信息进行处置。",
    "请各单位对照本期专报内容，抓好舆情应对和风险化解工作。",
    "下一步，将继续做好{t}相关舆情的监测、研判和报送工作。",
    "另据监测，{pl}出现关于{t}的话题讨论，参与人数约{n}人。",
    "舆情涉及{p}的{t}问题，已转交责任单位核实处理。",
    "相关部门正在研究制定回应口径，择机发布权威信息。",
]
NEW_GENRE_LABELS = ("不予公开", "内部")


def bulletin(rng: random.Random) -> str:
    p, t = rng.choice(PLACES), rng.choice(TOPICS)
    fill = lambda s: s.format(p=p, t=t, pl=rng.choice(PLATFORMS), n=rng.randint(20, 900), m=rng.randint(1, 90),
                              d=rng.randint(1, 28), h=rng.randint(8, 22), lv=rng.choice("一二三"), k=rng.randint(2, 40))
    return normalise(f"网络舆情专报\n第{rng.randint(1, 300)}期\n县委网信办  2025年{rng.randint(1, 12)}月{rng.randint(1, 28)}日\n"
                     f"关于{p}{t}相关网络舆情的情况\n" + "\n".join(fill(s) for s in rng.sample(SENTENCES, 7)) + "\n")


def _copy_rows(rows: list[dict], source: Path, target: Path) -> None:
    target.mkdir(parents=True, exist_ok=True)
    for row in rows:
        (target / row["file"]).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source / row["file"], target / row["file"])
    (target / "labels.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def _rows(labels: Path) -> list[dict]:
    return [json.loads(line) for line in labels.read_text(encoding="utf-8").splitlines() if line.strip()]


def small_corpus(target: Path, share: float = 0.25, writers=("w01", "w04", "w07"), dev_writer: str = "w11") -> Path:
    """The generator's label pairs keep about `share` of their groups (whole groups, so no copy straddles
    folds); a few writers keep every third document, one dev writer every second."""
    source = default_corpus_dir()
    rows = _rows(source / "labels.jsonl")
    groups: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        pair = f"{row['disclosure']}|{row['secrecy']}"
        group = row.get("group") or row["file"]
        if group not in groups[pair]:
            groups[pair].append(group)
    keep = {g for pair in groups.values() for g in pair[::round(1 / share)]}
    _copy_rows([row for row in rows if (row.get("group") or row["file"]) in keep], source, target)
    for w in writers:
        _copy_rows(_rows(source / "written" / w / "labels.jsonl")[::3], source / "written" / w, target / "written" / w)
    _copy_rows(_rows(source / "dev" / dev_writer / "labels.jsonl")[::2], source / "dev" / dev_writer, target / "dev" / dev_writer)
    return target


class Office:
    """A temporary store in which reviewers finish documents with a decision."""

    def __init__(self, folder: Path):
        self.store = Store(f"sqlite:///{folder / 'gongkai.db'}")
        self.n = 0

    def decide(self, text: str, disclosure: str, secrecy: str, *, sealed: bool = False, actor: str = "王科长") -> int:
        self.n += 1
        with self.store.session() as s:
            doc = Document(sha256=f"{self.n:064x}", source_name=f"inbox/doc{self.n}.txt", text=None if sealed else text,
                           text_sha256=text_sha256(text), sealed=sealed)
            s.add(doc)
            s.flush()
            task = ReviewTask(document_id=doc.id, stage="办公室", role="办公室", status="done")
            s.add(task)
            s.flush()
            s.add(Decision(task_id=task.id, document_id=doc.id, actor=actor, role="办公室", action="change",
                           disclosure=disclosure, secrecy=secrecy, reason="复核"))
            return doc.id


def predict(models_dir: Path, texts: list[str], version: str | None = None):
    from gongkai.matching.engine import get_matcher

    loaded = registry.load(version, models_dir)
    records, matches = records_for(texts, get_matcher())
    return propose_all(loaded.classifier, records, matches, [f"t{i}" for i in range(len(texts))]), loaded, records


@pytest.fixture(scope="session")
def corpus(tmp_path_factory) -> Path:
    return small_corpus(tmp_path_factory.mktemp("corpus"))


@pytest.fixture(scope="session")
def seed_models(tmp_path_factory, corpus) -> Path:
    """A seed model trained the way `gongkai train` does, on the small corpus."""
    models = tmp_path_factory.mktemp("models")
    train(corpus, models, evaluate_writers=False)
    return models


GATE = Retraining(min_new_decisions=30, macro_f1_tolerance=0.02, recent_share=0.2, min_recent=5, max_decision_weight_share=0.25)


@pytest.fixture(scope="session")
def corrected(tmp_path_factory, corpus, seed_models):
    """Reviewers correct 40 bulletins; the model is retrained.

    Decided at a state-secret level only when P(secret) ≥ 0.5: this fixture is about learning a corrected genre. At
    the shipped `secret_level_probability` (0.2) the weak seed model of this small corpus puts dozens of frozen
    documents between 0.2 and 0.5, the candidate moves many of them below 0.2, and the gate — as designed — holds it
    for an administrator because it lowers their proposed level (measured: 34 documents)."""
    from gongkai.policy import load_policy
    from gongkai.proposer import Proposer

    rng = random.Random(7)
    office = Office(tmp_path_factory.mktemp("store"))
    seed_version = registry.current_version(seed_models)
    for _ in range(40):
        office.decide(bulletin(rng), *NEW_GENRE_LABELS)
    office.decide(bulletin(rng), "主动公开", "非密", sealed=True)  # sealed: must never be trained on
    proposer = Proposer(model=None)
    proposer.policy = load_policy().model_copy(update={"secret_level_probability": 0.5})
    result = retrain.retrain(office.store, corpus_dir=corpus, models_dir=seed_models, settings=GATE, proposer=proposer)
    return result, seed_version, office


def test_seed_model_gets_the_new_genre_wrong(seed_models, corrected):
    _, seed_version, _ = corrected
    unseen = [bulletin(random.Random(1000 + i)) for i in range(15)]
    proposals, _, _ = predict(seed_models, unseen, seed_version)
    right = sum((p.disclosure, p.secrecy) == NEW_GENRE_LABELS for p in proposals)
    assert right <= len(unseen) // 3, "the premise: the seed model does not know this genre"


def test_retrained_model_gets_unseen_documents_of_the_corrected_type_right(seed_models, corrected):
    result, seed_version, _ = corrected
    assert result.promoted, result.reasons
    assert registry.current_version(seed_models) == result.candidate_version != seed_version
    assert result.n_decisions == 40  # the sealed document is not among them
    unseen = [bulletin(random.Random(1000 + i)) for i in range(15)]
    proposals, loaded, _ = predict(seed_models, unseen)
    right = sum((p.disclosure, p.secrecy) == NEW_GENRE_LABELS for p in proposals)
    assert right >= 13, Counter((p.disclosure, p.secrecy) for p in proposals)
    assert loaded.meta["gate"]["promoted"] and loaded.meta["decisions_until"]


def test_too_few_new_decisions_train_nothing(seed_models, corrected):
    _, _, office = corrected
    before = registry.list_versions(seed_models)
    result = retrain.retrain(office.store, models_dir=seed_models, settings=GATE)
    assert result.skipped and not result.promoted and "new reviewed decisions" in result.reasons[0]
    assert registry.list_versions(seed_models) == before


@pytest.fixture(scope="session")
def poisoned(tmp_path_factory, corpus, seed_models):
    """A reviewer relabels 22 restricted training documents 主动公开 / 非密, among 20 correct decisions; the
    models dir is a copy of the seed's, so that the other tests keep their history."""
    from gongkai.classify.corpus import load_training
    from gongkai.review.users import add_user

    models = tmp_path_factory.mktemp("poison") / "models"
    shutil.copytree(seed_models, models)
    registry.set_current(next(m["version"] for m in registry.list_versions(models) if m.get("kind") != "retrained"), models)
    office = Office(models.parent)
    with office.store.session() as s:
        add_user(s, "baomi", "a-long-password-1", "secrecy_officer", "绝密")
        add_user(s, "zhang", "a-long-password-2", "secrecy_officer", "绝密")
        add_user(s, "guanli", "a-long-password-3", "admin", "绝密")
        s.commit()
    examples = load_training(corpus)
    restricted = [e for e in examples if e.secrecy != "非密" and not e.marked and e.writer != "generator"][:22]
    public = [e for e in examples if (e.disclosure, e.secrecy) == ("主动公开", "非密") and e.writer != "generator"][:20]
    assert len(restricted) == 22 and len(public) == 20
    poison = [office.decide(e.text, "主动公开", "非密", actor="zhang") for e in restricted]
    for e in public:
        office.decide(e.text, "主动公开", "非密", actor="zhang")
    before = registry.current_version(models)
    result = retrain.retrain(office.store, corpus_dir=corpus, models_dir=models, settings=GATE)
    return office, poison, models, before, result


def test_decisions_that_loosen_the_current_proposal_are_held_out_of_training_and_listed(corpus, poisoned):
    office, poison, models, before, result = poisoned
    held = {h["document_id"] for h in result.held_decisions}
    assert len(held & set(poison)) >= 18, result.held_decisions  # the current model and rules hold them restricted
    assert result.n_decisions == 42 - len(held)
    assert all(h["actor"] == "zhang" and h["decided"] == "主动公开/非密" and h["loosening"] for h in result.held_decisions)
    assert "Loosening decisions held" in result.markdown()
    # The frozen set is the dev writer's, whatever the decisions are.
    frozen = result.comparison["frozen"]
    assert frozen["candidate"]["n"] == 65 and "dev set" in frozen["note"]
    assert frozen["candidate"]["leaks"] <= frozen["current"]["leaks"]
    # Trained without the held decisions, the candidate does not make those documents public.
    held_texts = [office_text(office, d) for d in sorted(held & set(poison))]
    proposals, _, _ = predict(models, held_texts, result.candidate_version)
    assert sum(p.disclosure == "主动公开" for p in proposals) <= 2


def office_text(office: "Office", document_id: int) -> str:
    with office.store.session() as s:
        return s.get(Document, document_id).text


def test_a_second_person_confirms_and_the_loosening_candidate_then_waits_for_an_administrator(corpus, poisoned):
    office, poison, models, before, first = poisoned
    from gongkai.errors import GongkaiError

    with pytest.raises(GongkaiError, match="另一人"):
        retrain.confirm_loosening(office.store, poison[0], "zhang", "本人复核")  # the reviewer who decided
    with pytest.raises(GongkaiError, match="理由"):
        retrain.confirm_loosening(office.store, poison[0], "baomi", " ")
    for d in poison:
        retrain.confirm_loosening(office.store, d, "baomi", "经复核，已解密")
    current = registry.current_version(models)
    result = retrain.retrain(office.store, corpus_dir=corpus, models_dir=models, settings=GATE, force=True)
    assert not any(h["document_id"] in poison for h in result.held_decisions)
    assert result.needs_admin and not result.promoted, result.reasons
    assert result.changes and result.changes[0]["loosens"]  # loosening first
    assert any("administrator" in r for r in result.reasons) and "待管理员决定" in result.markdown()
    assert registry.current_version(models) == current  # the hourly flow would stop here too
    with pytest.raises(GongkaiError, match="administrator"):
        retrain.promote(result.candidate_version, models, store=office.store)
    with pytest.raises(GongkaiError, match="not an administrator"):
        retrain.promote(result.candidate_version, models, store=office.store, admin="baomi", reason="试")
    retrain.promote(result.candidate_version, models, store=office.store, admin="guanli", reason="解密后采用")
    assert registry.current_version(models) == result.candidate_version


def test_the_decisions_weigh_at_most_their_share(corpus, poisoned):
    office, _, models, _, _ = poisoned
    tight = GATE.model_copy(update={"max_decision_weight_share": 0.02})
    result = retrain.retrain(office.store, corpus_dir=corpus, models_dir=models, settings=tight, force=True)
    gate = json.loads((models / result.candidate_version / "meta.json").read_text(encoding="utf-8"))["gate"]
    n_decisions = len(retrain.reviewed_documents(office.store)) - len(result.held_decisions) - result.n_recent
    total = result.decision_weight * n_decisions
    assert gate["decision_weight"] == result.decision_weight and gate["n_corpus"] > 100
    assert result.decision_weight < 1 and total / (total + gate["n_corpus"]) == pytest.approx(0.02, abs=1e-6)


def test_rollback_restores_the_previous_model_with_identical_predictions(seed_models, corrected):
    result, seed_version, _ = corrected
    texts = [bulletin(random.Random(2000 + i)) for i in range(5)] + [e.text for e in load_corpus(default_corpus_dir())[:5]]
    before, _, records = predict(seed_models, texts, seed_version)
    raw_before = registry.load(seed_version, seed_models).classifier.predict(records)
    registry.set_current(result.candidate_version, seed_models)
    assert retrain.rollback(seed_models) == seed_version
    assert registry.current_version(seed_models) == seed_version
    after, _, _ = predict(seed_models, texts)
    raw_after = registry.load(models_dir=seed_models).classifier.predict(records)
    assert [(p.disclosure, p.secrecy, p.confidence) for p in after] == [(p.disclosure, p.secrecy, p.confidence) for p in before]
    assert [{t: r[t].probabilities for t in r} for r in raw_after] == [{t: r[t].probabilities for t in r} for r in raw_before]


def test_later_decision_on_a_near_duplicate_supersedes_the_earlier(tmp_path):
    office = Office(tmp_path)
    text = bulletin(random.Random(5))
    office.decide(text, "主动公开", "非密")
    office.decide(text + "附：监测截图。\n", "不予公开", "内部")
    office.decide(bulletin(random.Random(6)), "依申请公开", "非密")
    reviewed = retrain.reviewed_documents(office.store)
    assert [(r.disclosure, r.secrecy) for r in reviewed] == [("不予公开", "内部"), ("依申请公开", "非密")]


def test_gate_rules():
    base = {"n": 10, "leaks": 0, "disclosure_macro_f1": 0.9, "secrecy_macro_f1": 0.8, "secret_recall": {"秘密": 1.0}}
    assert retrain.gate(base, dict(base, disclosure_macro_f1=0.885), 0.02, "frozen") == []
    assert retrain.gate(None, dict(base, leaks=3), 0.02, "frozen") == []  # nothing to compare with
    reasons = retrain.gate(base, dict(base, leaks=1, secrecy_macro_f1=0.7, secret_recall={"秘密": 0.5}), 0.02, "frozen")
    assert len(reasons) == 3 and all(r.startswith("frozen: ") for r in reasons)
    from gongkai.web.admin import reason_zh

    assert reason_zh(retrain.loosening_reason(3)).startswith("候选模型会放宽 3 件")


def test_policy_without_a_retraining_block_still_loads_with_the_defaults():
    import yaml

    from gongkai.policy import Policy, rules_dir

    data = yaml.safe_load((rules_dir() / "policy.yaml").read_text(encoding="utf-8"))
    data.pop("retraining")
    assert Policy.model_validate(data).retraining == Retraining()
    assert Retraining().min_new_decisions == 30 and Retraining().macro_f1_tolerance == 0.02
