"""Documents with chosen labels, reason codes, personal data and decisions, for reply proposals. Every
name, number and address here is invented."""
from __future__ import annotations

import hashlib
import itertools

from gongkai.store import repository as repo
from gongkai.store.db import Store

_ids = itertools.count(1)
SECRET_TITLE = "关于城西应急物资储备库调整的通知"
SECRET_TEXT = (f"机密★10年\n{SECRET_TITLE}\n经研究，城西储备库迁至青石岭北坡二号洞库，"
               "储存帐篷四千顶、净水设备六十台。\n（此件不予公开）")


def add_document(store: Store, *, title: str, text: str | None = None, disclosure: str = "主动公开",
                 secrecy: str = "非密", codes=("proactive_scope",), pii: list | None = None, sealed: bool = False,
                 decision: tuple[str, str, str] | None = None) -> int:
    """A document with a proposal (and, with `decision` = (disclosure, secrecy, reason), a person's change)."""
    n = next(_ids)
    text = text if text is not None else f"{title}\n正文第{n}号。\n"
    with store.session() as s:
        sha = hashlib.sha256(f"info-request-doc-{n}".encode()).hexdigest()
        doc = repo.add_document(s, sha256=sha, source_name=f"r{n}.txt",
                                format="txt", pages=1, size=len(text), text=None if sealed else text,
                                meta={"title": title}, sealed=sealed,
                                secrecy_mark={"level": secrecy, "period": "10年", "mark": f"{secrecy}★10年"}
                                if sealed else None)
        prop = repo.add_proposal(s, doc, {"disclosure": disclosure, "secrecy": secrecy, "confidence": 0.9,
                                          "route": "办公室", "reasons": [{"code": c, "article": "", "evidence": []}
                                                                         for c in codes],
                                          "pii": pii or [], "flags": []})
        # what gongkai.intake records, so that `audit verify` finds the proposal in the chain
        repo.append_audit(s, "system:test", "intake.sealed" if sealed else "intake.processed", document_id=doc.id,
                          after={"sha256": doc.sha256, "disclosure": disclosure, "secrecy": secrecy,
                                 "route": "办公室"})
        if decision is not None:  # a decision without its review event: for proposals only, not for `audit verify`
            task = repo.open_task(s, doc, prop, "办公室", "office")
            repo.add_decision(s, task, actor="bangong", role="office", action="change", disclosure=decision[0],
                              secrecy=decision[1], reason=decision[2])
        return doc.id


def pii_at(text: str, fragment: str, kind: str = "mobile") -> dict:
    start = text.index(fragment)
    return {"type": kind, "start": start, "end": start + len(fragment), "masked": fragment[:3] + "****"}
