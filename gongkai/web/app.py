"""The review web UI: log-in, my queue, the document page with its actions, batch-confirm, history.

Security, in one place:
- sessions live in this process (专机专人: one machine, one server process); the cookie holds only a
  random token, HttpOnly + SameSite=Strict (+ Secure when served over HTTPS: `secure_cookies=True`);
- every POST carries a CSRF token bound to the session (the log-in form: a double-submit cookie);
- log-in attempts are throttled per (user name, client address) with a growing delay (gongkai.web.throttle);
- the actor is re-read from the store on every request (a disabled account stops at once), every
  endpoint checks the role, and documents go out only through gongkai.review.queue, which applies
  need-to-know and clearance; a document the actor may not see answers the same 404 as a missing id,
  for pages and for actions alike;
- templates autoescape; the only pre-rendered HTML is gongkai.matching.render's, which escapes every
  piece of text; a Content-Security-Policy forbids inline scripts; no endpoint takes a file path (page
  images are rendered from the path the store holds, checked to lie in the archive)."""
from __future__ import annotations

import hmac
import logging
import secrets
import threading
import time
from dataclasses import dataclass
from datetime import timezone
from pathlib import Path
from zoneinfo import ZoneInfo

from fastapi import FastAPI, Form, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from gongkai.extract import pages as page_images
from gongkai.matching.render import CATEGORY_COLOURS, CATEGORY_NAMES, STYLE, render_fragment
from gongkai.labels import ACTION_NAMES, EVENT_NAMES, FLAG_NAMES, PII_NAMES, PUBLIC, REASON_NAMES
from gongkai.policy import DISCLOSURE_ORDER, SECRECY_ORDER, Routing
from gongkai.review import queue as views
from gongkai.review.access import may_see
from gongkai.review.service import ReviewConflict, ReviewError, ReviewForbidden, ReviewNotFound, ReviewService
from gongkai.review.users import ROLES, Actor, authenticate, get_actor, list_users
from gongkai.store import repository as repo
from gongkai.store.db import Store
from gongkai.store.models import Document
from gongkai.web.throttle import LoginThrottle

log = logging.getLogger(__name__)
HERE = Path(__file__).resolve().parent
SESSION_COOKIE, LOGIN_COOKIE = "gk_session", "gk_login"
SESSION_SECONDS = 8 * 3600
NOT_FOUND = "文件不存在或您无权查看"  # one message for "missing" and "not yours to see": they must not differ
MESSAGES = {"confirm": "已确认", "change": "已修改", "return": "已退回", "batch": "批量确认完成", "logout": "已退出",
            "undo": "已撤销上一步"}
STATUS_OF = {ReviewConflict: 409, ReviewForbidden: 403, ReviewNotFound: 404}
PAGES_SHOWN = 30  # page images on one document page; the rest of a long original is fetched from the archive


@dataclass
class WebSession:
    name: str
    csrf: str
    expires: float
    done: int = 0  # actions taken in this session: the progress 「第 k / N 件」 counts from them
    undo: int | None = None  # the decision of this session's last action: offered for undo until the next


class SessionStore:
    def __init__(self):
        self._sessions: dict[str, WebSession] = {}
        self._lock = threading.Lock()

    def create(self, name: str) -> tuple[str, WebSession]:
        token = secrets.token_urlsafe(32)
        session = WebSession(name, secrets.token_urlsafe(32), time.time() + SESSION_SECONDS)
        with self._lock:
            self._sessions[token] = session
        return token, session

    def get(self, token: str | None) -> WebSession | None:
        if not token:
            return None
        with self._lock:
            session = self._sessions.get(token)
            if session and session.expires < time.time():
                del self._sessions[token]
                return None
            return session

    def drop(self, token: str | None) -> None:
        with self._lock:
            self._sessions.pop(token or "", None)


_NAMES = {**REASON_NAMES, **PII_NAMES, **ACTION_NAMES, **FLAG_NAMES, **EVENT_NAMES}
LOCAL_TIME = ZoneInfo("Asia/Shanghai")


def chinese(code) -> str:
    """A code (reason, personal-data type, action, status, flag, audit event) as reviewers read it."""
    return _NAMES.get(str(code), str(code)) if code is not None else ""


def chinese_part(message: str) -> str:
    """The library's messages read "中文 / English" (the CLI shows both); the UI shows the Chinese."""
    return message.split(" / ", 1)[0]


def to_minute(moment) -> str:
    """A stored time in Asia/Shanghai, to the minute (stored times are UTC; SQLite returns them naive)."""
    if moment is None:
        return ""
    if getattr(moment, "tzinfo", None) is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(LOCAL_TIME).strftime("%Y-%m-%d %H:%M")


def create_app(store: Store | None = None, *, data_dir: Path | str | None = None,
               models_dir: Path | str | None = None, secure_cookies: bool = False,
               routing: Routing | None = None, inbox_dir: Path | str | None = None) -> FastAPI:
    if store is None:
        from gongkai.store.db import open_store
        store = open_store()
    service = ReviewService(store, data_dir=data_dir, routing=routing)
    routing = service.routing  # read once; every view below is given this one
    if inbox_dir is None:  # where a retried quarantined file goes back to (the intake's inbox)
        from gongkai.settings import Settings
        inbox_dir = Settings().inbox_dir or service.data_dir / "inbox"
    inbox_dir = Path(inbox_dir)
    app = FastAPI(title="公开属性与密级审核", docs_url=None, redoc_url=None, openapi_url=None)
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.filters.update(zh=chinese, minute=to_minute)
    templates.env.globals.update(ROLES=ROLES, DISCLOSURES=DISCLOSURE_ORDER, SECRECIES=SECRECY_ORDER,
                                 CATEGORY_NAMES=CATEGORY_NAMES, CATEGORY_COLOURS=CATEGORY_COLOURS, STYLE=STYLE)
    sessions, throttle = SessionStore(), LoginThrottle()
    app.state.sessions, app.state.throttle, app.state.service = sessions, throttle, service

    @app.exception_handler(StarletteHTTPException)
    def http_error(request: Request, exc: StarletteHTTPException):  # unknown paths, wrong methods
        message = {404: "页面不存在", 405: "不支持此操作方式"}.get(exc.status_code, "无法处理该请求")
        return error(request, current(request), exc.status_code, message)

    @app.exception_handler(RequestValidationError)
    def invalid_request(request: Request, exc: RequestValidationError):  # a malformed form or id
        return error(request, current(request), 422, "请求内容不完整或格式不正确，请返回页面重新操作")

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = (
            "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self'; "
            "form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["Cache-Control"] = "no-store"
        return response

    def current(request: Request) -> tuple[Actor, WebSession] | None:
        session = sessions.get(request.cookies.get(SESSION_COOKIE))
        if session is None:
            return None
        with store.session() as s:
            actor = get_actor(s, session.name)
        return (actor, session) if actor else None

    def page(request: Request, name: str, context: dict, status: int = 200, who=None) -> HTMLResponse:
        actor, session = who or (None, None)
        return templates.TemplateResponse(request, name, {"actor": actor, "csrf": session.csrf if session else "",
                                                          **context}, status_code=status)

    def error(request: Request, who, status: int, message: str) -> HTMLResponse:
        return page(request, "error.html", {"status": status, "message": message}, status, who)

    def login_redirect() -> RedirectResponse:
        return RedirectResponse("/login", status_code=303)

    def csrf_ok(session: WebSession, token: str) -> bool:
        return hmac.compare_digest(session.csrf.encode(), (token or "").encode())

    def original_pdf(document: Document | None) -> Path | None:
        """The archived original a reviewer may look at page by page: a PDF, never a sealed one (its original
        is not in the archive and must not be rendered), and only a file that lies inside the archive."""
        if document is None or document.sealed or document.format != "pdf" or not document.archive_path:
            return None
        archive = (service.data_dir / "archive").resolve()
        path = (service.data_dir / document.archive_path).resolve()
        return path if path.is_relative_to(archive) and path.is_file() else None

    # --- log-in ---------------------------------------------------------------------------------

    @app.get("/login", response_class=HTMLResponse)
    def login_form(request: Request):
        token = secrets.token_urlsafe(32)
        response = page(request, "login.html", {"login_csrf": token, "failed": False})
        response.set_cookie(LOGIN_COOKIE, token, httponly=True, samesite="strict", secure=secure_cookies, path="/login")
        return response

    @app.post("/login")
    def login(request: Request, name: str = Form(""), password: str = Form(""), csrf: str = Form("")):
        cookie = request.cookies.get(LOGIN_COOKIE) or ""
        if not cookie or not hmac.compare_digest(cookie.encode(), csrf.encode()):
            return error(request, None, 403, "表单已失效，请重新打开登录页")
        client = f"ip:{request.client.host if request.client else '-'}"
        address, key = client[3:], name[:128]  # the throttle's key; the name itself goes to authenticate
        wait = throttle.wait(key, address)
        if wait > 0:  # this name from this address only: colleagues at the same machine log in as usual
            return error(request, None, 429, f"该用户在本机登录失败次数过多，请 {int(wait) + 1} 秒后再试，"
                                             "或请管理员解除限制")
        with store.session() as s:  # log-ins are part of the accountability trail (专机专人)
            actor = authenticate(s, name, password)
            repo.append_audit(s, actor.name if actor else "anonymous", "web.login" if actor else "web.login_failed",
                              role=actor.role if actor else None, after={"name": name[:128], "client": client})
        if actor is None:
            throttle.fail(key, address)
            token = secrets.token_urlsafe(32)
            response = page(request, "login.html", {"login_csrf": token, "failed": True}, 401)
            response.set_cookie(LOGIN_COOKIE, token, httponly=True, samesite="strict", secure=secure_cookies,
                                path="/login")
            return response
        throttle.reset(key, address)
        token, _ = sessions.create(actor.name)
        response = RedirectResponse("/", status_code=303)
        response.set_cookie(SESSION_COOKIE, token, httponly=True, samesite="strict", secure=secure_cookies,
                            max_age=SESSION_SECONDS, path="/")
        response.delete_cookie(LOGIN_COOKIE, path="/login")
        return response

    @app.post("/logout")
    def logout(request: Request, csrf: str = Form("")):
        who = current(request)
        if who is None:
            return login_redirect()
        if not csrf_ok(who[1], csrf):
            return error(request, who, 403, "CSRF 校验失败，请刷新页面")
        sessions.drop(request.cookies.get(SESSION_COOKIE))
        response = RedirectResponse("/login", status_code=303)
        response.delete_cookie(SESSION_COOKIE, path="/")
        return response

    # --- pages ----------------------------------------------------------------------------------

    @app.get("/", response_class=HTMLResponse)
    def my_queue(request: Request, msg: str = ""):
        who = current(request)
        if who is None:
            return login_redirect()
        actor = who[0]
        with store.session() as s:
            rows = views.queue(s, actor, routing=routing)
            batch = [t.id for t in service.batch_candidates(s, actor)]
        return page(request, "queue.html", {"rows": rows, "batch": set(batch), "message": MESSAGES.get(msg, ""),
                                            "undo": service.undoable(actor, who[1].undo)}, who=who)

    def _document(request: Request, who, *, task_id=None, document_id=None, message: str = "",
                  problem: str = "", status: int = 200, typed: dict | None = None):
        """The document page; with `problem`, the refused action's message above the forms, which keep
        what the reviewer typed (`typed`)."""
        with store.session() as s:
            view = views.document_view(s, who[0], task_id=task_id, document_id=document_id, with_spans=True,
                                       routing=routing)
            if view is not None and view.sealed_info:  # the pointer to a sealed original: who looked, when
                repo.append_audit(s, who[0].name, "review.sealed_opened", document_id=view.document_id,
                                  role=who[0].role, after={"location": view.sealed_info["location"]})
            mine = [r.task_id for r in views.queue(s, who[0], routing=routing)] if view is not None else []
            # text that cannot be trusted is reviewed against the original's pages (issue 14, item 7)
            unreadable = view is not None and "unreadable" in ((view.proposal or {}).get("flags") or [])
            pdf = original_pdf(s.get(Document, view.document_id)) if unreadable else None
        if view is None:
            return error(request, who, 404, NOT_FOUND)
        pages = page_images.page_count(pdf) if pdf else 0
        done = who[1].done
        progress = ((done + mine.index(view.task["id"]) + 1, done + len(mine))
                    if view.task and view.task["id"] in mine else None)
        highlighted = render_fragment(view.text, view.spans) if view.text is not None else None
        may_act = bool(view.task and view.task["status"] == "open" and view.task["role"] == who[0].role
                       and view.readable)
        # the last approver sees the catalogue entry and the text exactly as approving would publish them
        preview = service.publication_preview(who[0], view.task["id"], PUBLIC) if may_act else None
        return page(request, "document.html", {
            "view": view, "highlighted": highlighted, "may_act": may_act, "data_dir": str(service.data_dir),
            "preview": preview, "publishes": bool(preview) and view.disclosure == PUBLIC, "progress": progress,
            "message": message, "problem": problem, "problem_status": status, "typed": typed or {},
            "unreadable": unreadable, "pages": pages, "pages_shown": min(pages, PAGES_SHOWN),
            "undo": service.undoable(who[0], who[1].undo)},
            status, who=who)

    @app.get("/tasks/{task_id}", response_class=HTMLResponse)
    def task_page(request: Request, task_id: int, msg: str = ""):
        who = current(request)
        return login_redirect() if who is None else _document(request, who, task_id=task_id,
                                                                message=MESSAGES.get(msg, ""))

    @app.get("/documents/{document_id}", response_class=HTMLResponse)
    def document_page(request: Request, document_id: int):
        who = current(request)
        return login_redirect() if who is None else _document(request, who, document_id=document_id)

    @app.get("/documents/{document_id}/history", response_class=HTMLResponse)
    def history_page(request: Request, document_id: int):
        who = current(request)
        if who is None:
            return login_redirect()
        with store.session() as s:
            events = views.history(s, who[0], document_id, routing)
        if events is None:
            return error(request, who, 404, NOT_FOUND)
        return page(request, "history.html", {"document_id": document_id, "events": events}, who=who)

    @app.get("/documents/{document_id}/pages/{number}")
    def page_image(request: Request, document_id: int, number: int):
        """Page `number` of the archived original as PNG, for whoever may see the document; anything else
        (not theirs to see, sealed, not a PDF, no such page) is the same 404 as a missing document."""
        who = current(request)
        if who is None:
            return login_redirect()
        with store.session() as s:
            document = s.get(Document, document_id)
            pdf = original_pdf(document) if may_see(s, who[0], document, routing) else None
        try:
            png = page_images.render_png(pdf, number) if pdf else None
        except Exception:  # a damaged original: say so to the one who may see it, keep the server up
            log.exception("page %d of document %d could not be rendered", number, document_id)
            return error(request, who, 500, "无法生成该页图像，请调阅原件")
        if png is None:
            return error(request, who, 404, NOT_FOUND)
        return Response(png, media_type="image/png", headers={"Cache-Control": "no-store"})

    @app.get("/users", response_class=HTMLResponse)
    def users_page(request: Request):
        who = current(request)
        if who is None:
            return login_redirect()
        if who[0].role != "admin":
            return error(request, who, 403, "仅管理员可查看")
        with store.session() as s:
            users = [(u.name, u.role, u.clearance, u.active) for u in list_users(s)]
        return page(request, "users.html", {"users": users}, who=who)

    # --- administrator: models and rule feedback (issue 7); read-only ---------------------------

    def _admin(request: Request):
        """(who, None) for an administrator, else (who, the response to return)."""
        who = current(request)
        if who is None:
            return None, login_redirect()
        if who[0].role != "admin":
            return who, error(request, who, 403, "仅管理员可查看")
        return who, None

    @app.get("/admin/models", response_class=HTMLResponse)
    def models_page(request: Request):
        who, refused = _admin(request)
        if refused:
            return refused
        from gongkai.classify.registry import default_models_dir
        from gongkai.web.admin import models_view

        folder = Path(models_dir) if models_dir else default_models_dir()
        return page(request, "admin_models.html", {"models": models_view(folder)}, who=who)

    @app.get("/admin/rules", response_class=HTMLResponse)
    def rules_page(request: Request):
        who, refused = _admin(request)
        if refused:
            return refused
        from gongkai.classify.feedback import rule_feedback

        return page(request, "admin_rules.html", {"report": rule_feedback(store)}, who=who)

    @app.get("/admin/logins", response_class=HTMLResponse)
    def logins_page(request: Request, msg: str = ""):
        who, refused = _admin(request)
        if refused:
            return refused
        return page(request, "admin_logins.html", {"held": throttle.held(), "message": msg == "unlocked"}, who=who)

    @app.post("/admin/logins/unlock")
    def unlock_login(request: Request, name: str = Form(""), address: str = Form(""), csrf: str = Form("")):
        who, refused = _admin(request)
        if refused:
            return refused
        if not csrf_ok(who[1], csrf):
            return error(request, who, 403, "CSRF 校验失败，请刷新页面")
        if throttle.reset(name, address):
            with store.session() as s:
                repo.append_audit(s, who[0].name, "admin.login_unlock", role=who[0].role,
                                  after={"name": name[:128], "client": f"ip:{address[:64]}"})
        return RedirectResponse("/admin/logins?msg=unlocked", status_code=303)

    @app.get("/admin/quarantine", response_class=HTMLResponse)
    def quarantine_page(request: Request, msg: str = ""):
        who, refused = _admin(request)
        if refused:
            return refused
        from gongkai.review.quarantine import waiting

        with store.session() as s:
            files = waiting(s, service.data_dir)
        message = {"retry": "已放回收件箱，下次入库时重新处理（已记入审计记录）",
                   "discard": "已丢弃隔离副本，错误记录保留（已记入审计记录）"}.get(msg, "")
        return page(request, "admin_quarantine.html", {"files": files, "message": message}, who=who)

    def _quarantine_action(request: Request, csrf: str, run) -> Response:
        from gongkai.review.quarantine import QuarantineError

        who, refused = _admin(request)
        if refused:
            return refused
        if not csrf_ok(who[1], csrf):
            return error(request, who, 403, "CSRF 校验失败，请刷新页面")
        try:
            return run(who[0])
        except QuarantineError as exc:
            return error(request, who, 400, str(exc))

    @app.post("/admin/quarantine/{item_id}/retry")
    def quarantine_retry(request: Request, item_id: int, csrf: str = Form("")):
        from gongkai.review.quarantine import retry

        def run(actor: Actor) -> Response:
            retry(store, item_id, service.data_dir, inbox_dir, actor=actor.name, role=actor.role)
            return RedirectResponse("/admin/quarantine?msg=retry", status_code=303)
        return _quarantine_action(request, csrf, run)

    @app.post("/admin/quarantine/{item_id}/discard")
    def quarantine_discard(request: Request, item_id: int, reason: str = Form(""), csrf: str = Form("")):
        from gongkai.review.quarantine import discard

        def run(actor: Actor) -> Response:
            discard(store, item_id, service.data_dir, actor=actor.name, role=actor.role, reason=reason)
            return RedirectResponse("/admin/quarantine?msg=discard", status_code=303)
        return _quarantine_action(request, csrf, run)

    @app.get("/static/app.js")
    def script():
        return Response((HERE / "static" / "app.js").read_text(encoding="utf-8"), media_type="text/javascript")

    # --- actions --------------------------------------------------------------------------------

    def _action(request: Request, csrf: str, run, task_id: int | None = None, typed: dict | None = None) -> Response:
        who = current(request)
        if who is None:
            return error(request, None, 401, "请先登录")
        if not csrf_ok(who[1], csrf):
            return error(request, who, 403, "CSRF 校验失败，请刷新页面")
        try:
            return run(who)
        except ReviewNotFound:  # the same page as GET of a missing or unseeable document
            return error(request, who, 404, NOT_FOUND)
        except ReviewError as exc:
            status, message = STATUS_OF.get(type(exc), 400), chinese_part(exc.message)
            if task_id is not None:  # on the document itself, with what was typed, if it is still visible
                shown = _document(request, who, task_id=task_id, problem=message, status=status, typed=typed)
                if shown.status_code != 404:
                    return shown
            return error(request, who, status, message)

    @app.post("/tasks/{task_id}/confirm")
    def confirm(request: Request, task_id: int, version: int = Form(...), csrf: str = Form(""),
                catalogue_issuer: str = Form(""), catalogue_date: str = Form("")):
        catalogue = {"发布机构": catalogue_issuer, "成文日期": catalogue_date}
        typed = {"form": "confirm", "catalogue_issuer": catalogue_issuer, "catalogue_date": catalogue_date}
        return _action(request, csrf, lambda who: _done(who, service.confirm(who[0], task_id, version,
                                                                             catalogue=catalogue)), task_id, typed)

    @app.post("/tasks/{task_id}/change")
    def change(request: Request, task_id: int, version: int = Form(...), disclosure: str = Form(""),
               secrecy: str = Form(""), reason: str = Form(""), justification: str = Form(""), csrf: str = Form(""),
               catalogue_issuer: str = Form(""), catalogue_date: str = Form("")):
        catalogue = {"发布机构": catalogue_issuer, "成文日期": catalogue_date}
        typed = {"form": "change", "disclosure": disclosure, "secrecy": secrecy, "reason": reason,
                 "justification": justification, "catalogue_issuer": catalogue_issuer, "catalogue_date": catalogue_date}
        return _action(request, csrf, lambda who: _done(who, service.change(
            who[0], task_id, version, disclosure=disclosure, secrecy=secrecy, reason=reason,
            justification=justification, catalogue=catalogue)), task_id, typed)

    @app.post("/tasks/{task_id}/return")
    def return_task(request: Request, task_id: int, version: int = Form(...), reason: str = Form(""),
                    csrf: str = Form("")):
        return _action(request, csrf, lambda who: _done(who, service.return_task(who[0], task_id, version, reason)),
                       task_id, {"form": "return", "reason": reason})

    @app.post("/batch-confirm")
    def batch_confirm(request: Request, csrf: str = Form(""), tasks: list[str] = Form(default=[])):
        def run(who) -> Response:
            actor = who[0]
            if actor.role != "office":
                raise ReviewForbidden("仅办公室可批量确认")
            items = []
            for item in tasks:
                task_id, _, version = item.partition(":")
                if task_id.isdigit() and version.isdigit():
                    items.append((int(task_id), int(version)))
            done, refused = service.batch_confirm(actor, items)
            with store.session() as s:  # what was confirmed, by count and by list (issue 11)
                report = views.batch_report(s, actor, done, [(t, chinese_part(w)) for t, w in refused],
                                            routing=routing)
            who[1].done += len(done)
            who[1].undo = None  # a batch is many actions: undo is for one
            return page(request, "batch_result.html", {"report": report}, 409 if refused else 200, who)
        return _action(request, csrf, run)

    @app.post("/undo")
    def undo(request: Request, decision_id: int = Form(...), csrf: str = Form("")):
        """Take back this session's last action (the service refuses once anyone acted after it); the
        reopened task opens again."""
        def run(who) -> Response:
            outcome = service.undo(who[0], decision_id)
            who[1].undo = None
            who[1].done = max(0, who[1].done - 1)
            return RedirectResponse(f"/tasks/{outcome.task_id}?msg=undo", status_code=303)
        return _action(request, csrf, run)

    def _done(who, outcome) -> Response:
        """After an action, the next document of the actor's queue opens (the queue when it is empty)."""
        who[1].done += 1
        who[1].undo = outcome.decision_id
        with store.session() as s:
            rows = views.queue(s, who[0], routing=routing)
        if rows:
            return RedirectResponse(f"/tasks/{rows[0].task_id}?msg={outcome.action}", status_code=303)
        return RedirectResponse(f"/?msg={outcome.action}", status_code=303)

    @app.get("/healthz", response_class=PlainTextResponse)
    def health():
        return "ok"

    # Issue 12: the assessment page and the 依申请公开 desk live in their own modules, given these helpers.
    from types import SimpleNamespace

    from gongkai.web import assessment_page, requests_desk

    helpers = SimpleNamespace(store=store, routing=routing, current=current, page=page, error=error,
                              csrf_ok=csrf_ok, login_redirect=login_redirect, zone=LOCAL_TIME,
                              templates=templates)
    assessment_page.mount(app, helpers)
    requests_desk.mount(app, helpers)

    return app
