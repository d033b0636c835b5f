"""Reply proposals from the linked documents' labels, and the drafts rendered from them."""
from __future__ import annotations

from datetime import date

import pytest

from gongkai.info_requests.reply import CONTENT_WITHHELD, draft_reply, propose_reply
from gongkai.info_requests.service import RequestService
from tests.info_requests.builders import SECRET_TEXT, SECRET_TITLE, add_document, pii_at


def _propose(store, ids):
    with store.session() as s:
        return propose_reply(s, ids)


def _runs(text: str, n: int = 6) -> set[str]:
    compact = "".join(text.split())
    return {compact[i:i + n] for i in range(len(compact) - n + 1)}


def test_nothing_linked_is_not_held(store):
    proposal = _propose(store, [])
    assert proposal.result == "unable.not_held"
    assert proposal.reasons[0]["article"] == "第三十六条第（四）项"


def test_public_documents_are_disclosed(store):
    a = add_document(store, title="关于公布2025年部门预算的通知")
    b = add_document(store, title="城区公共厕所布局规划", disclosure="依申请公开", codes=("on_request",))
    proposal = _propose(store, [a, b])
    assert proposal.result == "disclose"
    assert [j.disposition for j in proposal.documents] == ["disclose", "disclose"]
    assert all(r["article"] == "第三十六条第（二）项" for r in proposal.reasons)
    assert proposal.preview == []


def test_personal_data_makes_it_partial_with_a_redacted_preview(store):
    text = "关于核发营业执照的公告\n经营者联系电话13912345678，住所为虚构路8号。\n"
    a = add_document(store, title="关于核发营业执照的公告", text=text, pii=[pii_at(text, "13912345678")])
    b = add_document(store, title="关于公布2025年部门预算的通知")
    proposal = _propose(store, [a, b])
    assert proposal.result == "partial"
    redacted = next(p for p in proposal.preview if p["document_id"] == a)
    assert "13912345678" not in redacted["text"] and "█" * 11 in redacted["text"]
    assert redacted["redactions"] == 1 and "住所为虚构路8号" in redacted["text"]
    assert any(r["code"] == "personal_privacy" and r["article"].startswith("第三十七条") for r in proposal.reasons)


def test_all_withheld_takes_the_strongest_reason(store):
    a = add_document(store, title="局务会议纪要（讨论稿）", disclosure="不予公开", codes=("process_info",))
    b = add_document(store, title="某公司经营数据", disclosure="不予公开", codes=("trade_secret", "process_info"))
    proposal = _propose(store, [a, b])
    # trade_secret comes before process_info in labels.REASON_CODES: the reply is 保护第三方合法权益
    assert proposal.result == "withhold.third_party"
    assert {j.category for j in proposal.documents} == {"withhold.process_info", "withhold.third_party"}
    assert proposal.flags == []


def test_a_persons_decision_overrides_the_proposal(store):
    a = add_document(store, title="关于办公楼维修的请示", decision=("不予公开", "非密", "属于过程性信息，请示未获批复"))
    b = add_document(store, title="关于执法检查的通报", disclosure="不予公开", codes=("enforcement_file",),
                     decision=("主动公开", "非密", "已在网站公开"))
    proposal = _propose(store, [a])
    assert proposal.result == "withhold.process_info"
    assert _propose(store, [b]).result == "disclose"


def test_internal_without_a_code_is_internal_affairs_and_unknown_ground_needs_a_person(store):
    a = add_document(store, title="机关食堂管理办法", disclosure="依申请公开", secrecy="内部", codes=("model",))
    assert _propose(store, [a]).result == "withhold.internal_affairs"
    b = add_document(store, title="某事项处理意见", disclosure="不予公开", codes=("model",))
    proposal = _propose(store, [b])
    assert proposal.result is None and proposal.flags == [f"category_needed:{b}"]


def test_a_secret_document_is_state_secret_and_never_quoted(store):
    secret = add_document(store, title=SECRET_TITLE, text=SECRET_TEXT, disclosure="不予公开", secrecy="机密",
                          codes=("state_secret",))
    service = RequestService(store)
    # The applicant happens to use the secret document's title word for word.
    number = service.register("clerk", applicant_type="自然人", applicant_name="赵某某", channel="当面",
                              content=f"请公开《{SECRET_TITLE}》全文", submitted_on=date(2026, 3, 2))
    service.link("clerk", number, secret, date(2026, 3, 3))
    proposal = service.propose("clerk", number, date(2026, 3, 3))
    assert proposal.result == "withhold.state_secret"
    assert proposal.documents[0].title is None and proposal.preview == []
    draft = service.draft("clerk", number, date(2026, 3, 4))
    assert "国家秘密" in draft and "第十四条" in draft and "赵某某" in draft and CONTENT_WITHHELD in draft
    leaked = _runs(draft) & (_runs(SECRET_TEXT) | _runs(SECRET_TITLE))
    assert not leaked, leaked
    assert "第十四条" in str(service.show(number)["proposal"]["reasons"])


def test_secret_and_sealed_parts_of_a_partial_reply_are_not_named(store):
    public = add_document(store, title="关于公布2025年部门预算的通知")
    sealed = add_document(store, title="北郊油料储备点布设方案", sealed=True, secrecy="绝密", disclosure="不予公开",
                          codes=("state_secret",))
    process = add_document(store, title="预算编制讨论记录", disclosure="不予公开", codes=("process_info",))
    proposal = _propose(store, [public, sealed, process])
    assert proposal.result == "partial"
    assert [p["document_id"] for p in proposal.preview] == [public]
    draft = draft_reply(proposal, applicant="钱某", number="2026-0001", received_on=date(2026, 3, 2),
                        content="2025年部门预算及其编制过程材料", on=date(2026, 3, 10),
                        secret_texts=["北郊油料储备点布设方案"])
    assert "《关于公布2025年部门预算的通知》" in draft and "《预算编制讨论记录》" in draft
    assert "过程性信息" in draft and "国家秘密" in draft
    assert not _runs(draft) & _runs("北郊油料储备点布设方案")
    assert "60日" in draft and "6个月" in draft


def test_a_draft_needs_a_result_when_no_ground_is_known(store):
    from gongkai.errors import GongkaiError

    doc = add_document(store, title="某事项处理意见", disclosure="不予公开", codes=("model",))
    service = RequestService(store)
    number = service.register("clerk", applicant_type="商业企业", applicant_name="某某科技有限公司", channel="当面",
                              content="某事项处理意见", submitted_on=date(2026, 3, 2))
    service.link("clerk", number, doc, date(2026, 3, 2))
    with pytest.raises(GongkaiError) as err:
        service.draft("clerk", number, date(2026, 3, 3))
    assert err.value.code == "request_invalid"
    draft = service.draft("clerk", number, date(2026, 3, 3), result="withhold.law_prohibited")
    assert "法律、行政法规禁止公开" in draft
