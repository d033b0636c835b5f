"""The reply a request should get, proposed from the labels of the documents linked to it, and the
答复书 draft rendered from that proposal (rules/reply_templates.yaml).

Each linked document is judged on its labels in force (the latest person's decision, else the system's
proposal, as gongkai.review.service.current_labels reads them):
- public (主动公开 or 依申请公开) and 非密, without personal data → provided as it is;
- the same with personal data → provided with the personal data removed (第三十七条: 区分处理);
- anything else → withheld, under the category of its strongest reason code (labels.REASON_CODES order,
  vocab.WITHHOLD_CATEGORY_OF_REASON).
A document that is sealed or 秘密/机密/绝密 is withheld as withhold.state_secret, and is an identifier only
from then on: its title, text and 文号 are never read into the proposal, the preview or the draft.

The whole reply: nothing linked → unable.not_held; everything provided as it is → disclose; everything
withheld → withhold.<category of the strongest reason>; otherwise → partial."""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from gongkai.info_requests.templates import TemplateFile, chinese_date, load_templates, render
from gongkai.info_requests.vocab import REPLY_RESULTS, WITHHOLD_CATEGORY_OF_REASON
from gongkai.labels import DISCLOSURE, INTERNAL, REASON_CODES, REASON_NAMES, SECRET_LEVELS, UNRESTRICTED
from gongkai.store.models import Decision, Document, Proposal

RELEASABLE = DISCLOSURE[:2]  # 主动公开, 依申请公开
STATE_SECRET = "withhold.state_secret"
# Said instead of the applicant's own words when those words repeat a secret document's title or text:
# quoting them back in a refusal would confirm what the secret document says.
CONTENT_WITHHELD = "申请书所列的政府信息"
_RUN = 6  # characters: a run this long shared with a secret document counts as quoting it


@dataclass
class DocumentJudgement:
    document_id: int
    disposition: str  # disclose | redact | withhold
    category: str | None = None  # a withhold.* result for withheld documents
    codes: list[str] = field(default_factory=list)
    secret: bool = False
    title: str | None = None  # None for secret documents: never read
    redactions: int = 0


@dataclass
class ReplyProposal:
    result: str | None  # a key of REPLY_RESULTS; None when a person must choose the category
    reasons: list[dict] = field(default_factory=list)  # {"code", "article", "document_id", "note"}
    documents: list[DocumentJudgement] = field(default_factory=list)
    preview: list[dict] = field(default_factory=list)  # {"document_id", "title", "text", "redactions"}
    flags: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "ReplyProposal":
        docs = [DocumentJudgement(**d) for d in data.get("documents", [])]
        return cls(result=data.get("result"), reasons=list(data.get("reasons", [])), documents=docs,
                   preview=list(data.get("preview", [])), flags=list(data.get("flags", [])))


def _codes_in(text: str | None) -> set[str]:
    """Reason codes a person named in a decision's free-text reason: the code itself or its Chinese name."""
    if not text:
        return set()
    found = {c for c in REASON_CODES if re.search(rf"\b{c}\b", text)}
    return found | {c for c, name in REASON_NAMES.items() if c in REASON_CODES and name in text}


def _strongest(codes) -> str | None:
    withholding = [c for c in REASON_CODES if c in codes and c in WITHHOLD_CATEGORY_OF_REASON]
    return withholding[0] if withholding else None


def judge_document(s: Session, document: Document) -> DocumentJudgement:
    decision = s.scalar(select(Decision).where(Decision.document_id == document.id, Decision.action != "return")
                        .order_by(Decision.id.desc()).limit(1))
    proposal = s.scalar(select(Proposal).where(Proposal.document_id == document.id)
                        .order_by(Proposal.id.desc()).limit(1))
    source = decision or proposal
    disclosure, secrecy = (source.disclosure, source.secrecy) if source is not None else (None, None)
    if document.sealed or secrecy in SECRET_LEVELS or (proposal is not None and decision is None
                                                       and proposal.secrecy in SECRET_LEVELS):
        return DocumentJudgement(document.id, "withhold", STATE_SECRET, ["state_secret"], secret=True)
    title = str((document.meta or {}).get("title") or document.source_name)
    proposed_codes = [r.get("code") for r in (proposal.reasons or [])] if proposal is not None else []
    if disclosure in RELEASABLE and secrecy == UNRESTRICTED:
        findings = len(proposal.findings or []) if proposal is not None else 0
        if findings and document.text is not None:
            return DocumentJudgement(document.id, "redact", codes=["personal_privacy"], title=title,
                                     redactions=findings)
        return DocumentJudgement(document.id, "disclose", codes=[c for c in proposed_codes if c], title=title)
    # Withheld. A person's decision names its ground in words; the proposal's codes count when it names none.
    codes = _codes_in(decision.reason if decision is not None else None) or set(proposed_codes)
    strongest = _strongest(codes)
    if strongest is None and secrecy == INTERNAL:
        strongest = "internal_affairs"  # 内部: internal work information, the closest ground (第十六条第一款)
        codes.add(strongest)
    category = WITHHOLD_CATEGORY_OF_REASON.get(strongest) if strongest else None
    return DocumentJudgement(document.id, "withhold", category, sorted(codes, key=_code_rank), title=title)


def _code_rank(code: str) -> int:
    return REASON_CODES.index(code) if code in REASON_CODES else len(REASON_CODES)


def _category_rank(category: str | None) -> int:
    for code in REASON_CODES:
        if WITHHOLD_CATEGORY_OF_REASON.get(code) == category:
            return REASON_CODES.index(code)
    return len(REASON_CODES)


def propose_reply(s: Session, document_ids: list[int], templates: TemplateFile | None = None) -> ReplyProposal:
    from gongkai.review.publish import published_text, redact

    templates = templates or load_templates()
    if not document_ids:
        tpl = templates.resolve("unable.not_held")
        return ReplyProposal("unable.not_held", [{"code": "not_held", "article": tpl.article, "document_id": None,
                                                  "note": "未关联任何文件：本机关不掌握相关政府信息（请确认已检索）"}])
    judged = []
    for document_id in document_ids:
        document = s.get(Document, document_id)
        if document is None:
            raise ValueError(f"document {document_id} does not exist")
        judged.append(judge_document(s, document))
    proposal = ReplyProposal(result=None, documents=judged)
    for j in judged:
        if j.disposition == "withhold":
            article = templates.resolve(j.category).article if j.category else None
            note = ("属于国家秘密（或已封存），不得引用其任何内容" if j.secret
                    else REPLY_RESULTS.get(j.category or "", "不予公开，但未记录可援引的理由"))
            proposal.reasons.append({"code": j.codes[0] if j.codes else None, "article": article,
                                     "document_id": j.document_id, "note": note})
            if j.category is None:
                proposal.flags.append(f"category_needed:{j.document_id}")
        elif j.disposition == "redact":
            proposal.reasons.append({"code": "personal_privacy", "article": templates.resolve("partial").article,
                                     "document_id": j.document_id, "note": f"含个人信息 {j.redactions} 处，遮盖后提供"})
        else:
            proposal.reasons.append({"code": "releasable", "article": templates.resolve("disclose").article,
                                     "document_id": j.document_id, "note": "可以公开"})
    withheld = [j for j in judged if j.disposition == "withhold"]
    if not withheld and all(j.disposition == "disclose" for j in judged):
        proposal.result = "disclose"
    elif len(withheld) == len(judged):
        strongest = min(withheld, key=lambda j: _category_rank(j.category))
        proposal.result = strongest.category  # None when no withheld document names a ground: a person decides
    else:
        proposal.result = "partial"
    if proposal.result == "partial":
        for j in judged:  # the 第三十七条 preview: what the applicant would receive
            if j.disposition in ("disclose", "redact"):
                document = s.get(Document, j.document_id)
                findings = []
                if j.disposition == "redact":
                    proposal_row = s.scalar(select(Proposal).where(Proposal.document_id == j.document_id)
                                            .order_by(Proposal.id.desc()).limit(1))
                    findings = list(proposal_row.findings or [])
                text = published_text(redact(document.text or "", findings))
                proposal.preview.append({"document_id": j.document_id, "title": j.title, "text": text,
                                         "redactions": len(findings)})
    return proposal


def shares_run(text: str, secrets: list[str], run: int = _RUN) -> bool:
    """Whether `text` contains any `run` consecutive characters (spaces ignored) of one of `secrets`."""
    compact = "".join(text.split())
    for secret in secrets:
        secret = "".join((secret or "").split())
        if any(secret[i:i + run] in compact for i in range(len(secret) - run + 1)):
            return True
    return False


def _ground(reason: str) -> str:
    """A template's reason as one item of a list: 「您申请获取的信息属于…」 → 「属于…」."""
    return re.sub(r"^您申请获取的(?:政府)?信息", "", reason)


def draft_reply(proposal: ReplyProposal, *, result: str | None = None, applicant: str, number: str,
                received_on: date, content: str, on: date, secret_texts: list[str] = (), reason: str = "",
                templates: TemplateFile | None = None, reconsideration_days: int = 60,
                litigation_months: int = 6) -> str:
    """The 答复书 for `result` (default: the proposal's). `secret_texts`: title and text of each secret
    document linked — used only to check that the applicant's own words do not repeat them, never printed."""
    templates = templates or load_templates()
    result = result or proposal.result
    if result not in REPLY_RESULTS:
        raise ValueError(f"no reply result to draft (proposal: {proposal.result!r}); choose one of REPLY_RESULTS")
    shown = [j for j in proposal.documents if j.disposition in ("disclose", "redact") and not j.secret]
    documents = "\n".join(f"　　{n}.《{j.title}》" + ("（个人信息已作遮盖处理）" if j.disposition == "redact" else "")
                          for n, j in enumerate(shown, 1))
    lines, secret_withheld = [], False
    for j in proposal.documents:
        if j.disposition != "withhold":
            continue
        if j.secret or j.category == STATE_SECRET:
            secret_withheld = True
            continue
        reason_text = _ground(templates.resolve(j.category).reason) if j.category else "不予公开的理由待定。"
        article = templates.resolve(j.category).article if j.category else ""
        lines.append(f"　　《{j.title}》：{reason_text}依据《中华人民共和国政府信息公开条例》{article}不予公开。")
    if secret_withheld:  # one line for every secret document together: not even how many there are
        tpl = templates.resolve(STATE_SECRET)
        lines.append(f"　　另有部分信息{_ground(tpl.reason)}依据《中华人民共和国政府信息公开条例》{tpl.article}不予公开。")
    secrets = [t for t in secret_texts if t]
    if secrets and shares_run(content, secrets):
        content = CONTENT_WITHHELD
    values = {"applicant": applicant, "number": number, "received_on": chinese_date(received_on),
              "content": content, "documents": documents, "withheld": "\n".join(lines), "date": chinese_date(on),
              "reason": reason}
    return render(templates, result, values, reconsideration_days=reconsideration_days,
                  litigation_months=litigation_months)
