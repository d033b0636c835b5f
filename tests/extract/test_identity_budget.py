"""The near-duplicate index under a memory budget (issue 13): past it, documents are compared by their
MinHash estimate, so a 10,000-document night does not keep 10,000 documents' shingles."""
from __future__ import annotations

from gongkai.extract.identity import NearDuplicateIndex, shingle_hashes


TOPICS = ["防汛抗旱", "安全生产", "义务教育", "医疗保障", "城市更新"]
VERBS = ["统筹推进", "督促检查", "组织实施", "监测预警", "评估考核"]


def _text(n: int) -> str:
    """Texts of different topics share few five-character shingles."""
    topic, verb = TOPICS[n], VERBS[n]
    return "".join(f"{topic}{k}号：{verb}{topic}工作第{k * (n + 3)}项，{verb}到位。" for k in range(1, 60))


def test_documents_past_the_budget_are_compared_by_estimate():
    first, second = _text(1), _text(2)
    budget = shingle_hashes(first.replace(" ", "")).nbytes  # room for exactly one document
    index = NearDuplicateIndex(threshold=0.8, max_exact_bytes=budget)
    assert index.add("a", first) is None
    assert index.add("b", second) is None
    assert set(index._shingles) == {"a"}  # the second document's shingles were not kept
    again = index.add("c", second + "附则")
    assert again is not None and again.key == "b" and again.exact is False
    exact = index.add("d", first + "附则")
    assert exact is not None and exact.key == "a" and exact.exact is True


def test_no_budget_keeps_every_document_exact():
    index = NearDuplicateIndex(threshold=0.8)
    for n in range(5):
        index.add(str(n), _text(n))
    assert len(index._shingles) == 5
