"""/requests: the 依申请公开 desk. The queue (overdue and nearly due first), registering a request, a
request's page (its deadline, events, linked documents, the proposed reply and the draft 答复书), searching the
store for documents that answer it, and the actions along the reply's approval chain.

Every rule about periods, replies and who approves lives in gongkai.info_requests (RequestService and
rules/requests.yaml); this module only shows what the service returns and passes on what people do.
Access: only the roles of the reply's approval chain (rules/requests.yaml `approval_chain`) see any of it;
for everyone else /requests and every request answer 404, as if the desk did not exist. The drafting role
(the office) registers, searches, links, drafts and sends; each approving role approves at its stage. A
search hit on a state secret (or above the viewer's clearance) shows its labels, never its title or text."""
from __future__ import annotations

from datetime import date, datetime

from fastapi import FastAPI, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from gongkai.errors import GongkaiError

NOT_FOUND = "申请不存在或您无权查看"
STATUS_OF = {"request_not_found": 404, "request_conflict": 409, "forbidden": 403}
WITHHELD = "（涉密文件，标题和内容不显示）"
SEARCH_LIMIT = 20
MESSAGES = {"registered": "已登记", "received": "已确认收到", "linked": "已关联文件", "unlinked": "已取消关联",
            "proposed": "已生成答复建议", "drafted": "已拟写答复书，送审批", "approved": "已审批",
            "replied": "已答复申请人"}


def office_today(zone) -> date:
    """The day an action counts on (the office's date, not the server's UTC one)."""
    return datetime.now(zone).date()


def mount(app: FastAPI, desk) -> None:
    """Add the routes. `desk` carries what gongkai.web.app builds once: the store, the page helpers (current,
    page, error, csrf_ok, login_redirect, templates) and the office's time zone (`zone`: the day an action
    happens)."""
    from gongkai.info_requests import service as requests
    from gongkai.info_requests.config import load_request_rules
    from gongkai.info_requests.deadlines import STATE_NAMES
    from gongkai.info_requests.vocab import APPLICANT_TYPES, CHANNELS, REPLY_RESULTS

    rules = load_request_rules()
    service = requests.RequestService(desk.store, rules=rules)
    handling_roles = {stage.role for stage in rules.approval_chain}
    drafting_role = rules.drafting.role
    app.state.requests = service
    desk.templates.env.globals["REQUEST_ROLES"] = frozenset(handling_roles)  # the header's link

    def today() -> date:
        return office_today(desk.zone)

    def _who(request: Request):
        """(who, None) for a role that handles requests; else (who, the response: log-in, or 404)."""
        who = desk.current(request)
        if who is None:
            return None, desk.login_redirect()
        if who[0].role not in handling_roles:
            return who, desk.error(request, who, 404, "页面不存在")
        return who, None

    def _problem(request: Request, who, exc: GongkaiError) -> Response:
        if exc.code == "request_not_found":
            return desk.error(request, who, 404, NOT_FOUND)
        said = exc.kind.zh + (f"：{exc.detail.split(' / ', 1)[0]}" if exc.detail else "")
        return desk.error(request, who, STATUS_OF.get(exc.code, 400), said)

    def _date(text: str, default: date | None) -> date | None:
        text = (text or "").strip()
        if not text:
            return default
        try:
            return date.fromisoformat(text)
        except ValueError:
            raise GongkaiError("request_invalid", f"日期格式应为 2026-11-30，收到 {text[:20]!r}") from None

    # --- pages ------------------------------------------------------------------------------------

    @app.get("/requests", response_class=HTMLResponse)
    def request_list(request: Request, msg: str = "", closed: int = 0):
        who, refused = _who(request)
        if refused:
            return refused
        try:  # a today the holiday calendar does not know yet is said, not a crash
            rows = service.queue(today(), include_closed=bool(closed))
        except GongkaiError as exc:
            return _problem(request, who, exc)
        return desk.page(request, "requests.html", {
            "rows": rows, "closed": bool(closed), "states": STATE_NAMES, "statuses": requests.STATUS_NAMES,
            "may_register": who[0].role == drafting_role, "types": APPLICANT_TYPES, "channels": CHANNELS,
            "today": today(), "message": MESSAGES.get(msg, "")}, who=who)

    @app.get("/requests/{number}", response_class=HTMLResponse)
    def request_page(request: Request, number: str, q: str = "", msg: str = ""):
        who, refused = _who(request)
        if refused:
            return refused
        day = today()
        try:
            info = service.show(number)
            row = next((r for r in service.queue(day, include_closed=True) if r.number == number), None)
        except GongkaiError as exc:
            return _problem(request, who, exc)
        actor = who[0]
        linked, hits = _documents(actor, info["documents"]), []
        drafting = actor.role == drafting_role
        if q.strip() and drafting:
            from gongkai.search import search

            with desk.store.session() as s:
                hits = search(s, q, limit=SEARCH_LIMIT, viewer=actor, match="any")
        stage = rules.stage(info["approval_stage"]) if info["approval_stage"] not in (None, requests.DONE) else None
        return desk.page(request, "request.html", {
            "info": info, "row": row, "states": STATE_NAMES, "results": REPLY_RESULTS, "linked": linked,
            "q": q, "hits": hits, "withheld": WITHHELD, "drafting": drafting, "stage": stage,
            "may_approve": stage is not None and info["status"] == "approving" and stage.role == actor.role,
            "chain": rules.approval_chain, "today": day, "message": MESSAGES.get(msg, "")}, who=who)

    def _documents(actor, document_ids: list[int]) -> list[dict]:
        """The linked documents as the desk shows them: the request service's own judgement of each (which
        never reads a secret document's title), and no title either above the viewer's clearance."""
        from gongkai.info_requests.reply import judge_document
        from gongkai.review.service import current_labels
        from gongkai.review.users import may_read
        from gongkai.store.models import Document

        shown = []
        with desk.store.session() as s:
            for document_id in document_ids:
                document = s.get(Document, document_id)
                judgement = judge_document(s, document)
                disclosure, secrecy = current_labels(s, document_id)
                title = judgement.title if judgement.title and may_read(s, actor, document) else None
                shown.append({"id": document_id, "title": title, "disposition": judgement.disposition,
                              "category": judgement.category, "codes": judgement.codes,
                              "disclosure": disclosure, "secrecy": secrecy})
        return shown

    # --- actions ----------------------------------------------------------------------------------

    def _act(request: Request, csrf: str, run, *, role: str | None = None) -> Response:
        """Check the session, the CSRF token and (for the office's actions) the role, then run the service
        call; its refusal is shown in Chinese with the matching status."""
        who, refused = _who(request)
        if refused:
            return refused if who is not None else desk.error(request, None, 401, "请先登录")
        if not desk.csrf_ok(who[1], csrf):
            return desk.error(request, who, 403, "CSRF 校验失败，请刷新页面")
        if role is not None and who[0].role != role:
            return desk.error(request, who, 403, "此操作由办公室办理")
        try:
            return run(who[0])
        except GongkaiError as exc:
            return _problem(request, who, exc)

    def _back(number: str, msg: str) -> RedirectResponse:
        return RedirectResponse(f"/requests/{number}?msg={msg}", status_code=303)

    @app.post("/requests")
    def register(request: Request, csrf: str = Form(""), applicant_type: str = Form(""),
                 applicant_name: str = Form(""), applicant_contact: str = Form(""), channel: str = Form(""),
                 content: str = Form(""), submitted_on: str = Form(""), received_on: str = Form("")):
        def run(actor) -> Response:
            number = service.register(
                actor.name, applicant_type=applicant_type, applicant_name=applicant_name[:256],
                applicant_contact=applicant_contact.strip()[:256] or None, channel=channel, content=content,
                submitted_on=_date(submitted_on, today()), received_on=_date(received_on, None),
                assignee=actor.name)
            return _back(number, "registered")
        return _act(request, csrf, run, role=drafting_role)

    @app.post("/requests/{number}/received")
    def received(request: Request, number: str, version: int = Form(...), on: str = Form(""), csrf: str = Form("")):
        def run(actor) -> Response:
            service.mark_received(actor.name, number, _date(on, today()), version=version)
            return _back(number, "received")
        return _act(request, csrf, run, role=drafting_role)

    @app.post("/requests/{number}/link")
    def link(request: Request, number: str, version: int = Form(...), document_id: int = Form(...),
             csrf: str = Form("")):
        def run(actor) -> Response:
            service.link(actor.name, number, document_id, today(), version=version)
            return _back(number, "linked")
        return _act(request, csrf, run, role=drafting_role)

    @app.post("/requests/{number}/unlink")
    def unlink(request: Request, number: str, version: int = Form(...), document_id: int = Form(...),
               csrf: str = Form("")):
        def run(actor) -> Response:
            service.unlink(actor.name, number, document_id, today(), version=version)
            return _back(number, "unlinked")
        return _act(request, csrf, run, role=drafting_role)

    @app.post("/requests/{number}/propose")
    def propose(request: Request, number: str, version: int = Form(...), csrf: str = Form("")):
        def run(actor) -> Response:
            service.propose(actor.name, number, today(), version=version)
            return _back(number, "proposed")
        return _act(request, csrf, run, role=drafting_role)

    @app.post("/requests/{number}/draft")
    def draft(request: Request, number: str, version: int = Form(...), result: str = Form(""),
              reason: str = Form(""), csrf: str = Form("")):
        def run(actor) -> Response:
            service.draft(actor.name, number, today(), result=result or None, reason=reason.strip()[:500],
                          version=version)
            return _back(number, "drafted")
        return _act(request, csrf, run, role=drafting_role)

    @app.post("/requests/{number}/approve")
    def approve(request: Request, number: str, version: int = Form(...), csrf: str = Form("")):
        def run(actor) -> Response:  # the service checks that the actor's role is the stage's
            service.approve(actor, number, today(), version=version)
            return _back(number, "approved")
        return _act(request, csrf, run)

    @app.post("/requests/{number}/reply")
    def reply(request: Request, number: str, version: int = Form(...), on: str = Form(""), csrf: str = Form("")):
        def run(actor) -> Response:
            service.reply(actor.name, number, _date(on, today()), version=version)
            return _back(number, "replied")
        return _act(request, csrf, run, role=drafting_role)

    @app.get("/static/requests.js")
    def requests_script():
        from pathlib import Path

        path = Path(__file__).resolve().parent / "static" / "requests.js"
        return Response(path.read_text(encoding="utf-8"), media_type="text/javascript")
