"""The review web UI: log-in, my queue, the document page with its actions, batch-confirm, history.

Security, in one place:
- sessions live in this process (专机专人: one machine, one server process); the cookie holds only a
  random token, HttpOnly + SameSite=Strict (+ Secure when served over HTTPS: `secure_cookies=True`);
- every POST carries a CSRF token bound to the session (the log-in form: a double-submit cookie);
- log-in attempts are limited per client address and per user name;
- the actor is re-read from the store on every request (a disabled account stops at once), every
  endpoint checks the role, and document text goes out only through gongkai.review.queue, which
  applies the clearance;
- templates autoescape; the only pre-rendered HTML is gongkai.matching.render's, which escapes every
  piece of text; a Content-Security-Policy forbids inline scripts; no endpoint takes a file path."""
from __future__ import annotations

import hmac
import logging
import secrets
import threading
import time
from collections import defaultdict, deque
from dataclasses import dataclass
from pathlib import Path

from fastapi import FastAPI, Form, Request
from fastapi.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from gongkai.matching.render import CATEGORY_COLOURS, CATEGORY_NAMES, STYLE, render_fragment
from gongkai.policy import DISCLOSURE_ORDER, SECRECY_ORDER
from gongkai.review import queue as views
from gongkai.review.service import ReviewConflict, ReviewError, ReviewForbidden, ReviewNotFound, ReviewService
from gongkai.review.users import ROLES, Actor, authenticate, get_actor, list_users
from gongkai.store import repository as repo
from gongkai.store.db import Store

log = logging.getLogger(__name__)
HERE = Path(__file__).resolve().parent
SESSION_COOKIE, LOGIN_COOKIE = "gk_session", "gk_login"
SESSION_SECONDS = 8 * 3600
MAX_FAILURES, FAILURE_WINDOW = 5, 300.0  # per client address and per user name
MESSAGES = {"confirm": "已确认", "change": "已修改", "return": "已退回", "batch": "批量确认完成", "logout": "已退出"}
STATUS_OF = {ReviewConflict: 409, ReviewForbidden: 403, ReviewNotFound: 404}


@dataclass
class WebSession:
    name: str
    csrf: str
    expires: float


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


class RateLimiter:
    """At most MAX_FAILURES failed log-ins per key within FAILURE_WINDOW seconds."""

    def __init__(self, limit: int = MAX_FAILURES, window: float = FAILURE_WINDOW):
        self.limit, self.window = limit, window
        self._failures: dict[str, deque] = defaultdict(deque)
        self._lock = threading.Lock()

    def blocked(self, *keys: str) -> bool:
        now = time.monotonic()
        with self._lock:
            for key in keys:
                q = self._failures[key]
                while q and q[0] < now - self.window:
                    q.popleft()
                if len(q) >= self.limit:
                    return True
        return False

    def fail(self, *keys: str) -> None:
        with self._lock:
            for key in keys:
                self._failures[key].append(time.monotonic())

    def reset(self, *keys: str) -> None:
        with self._lock:
            for key in keys:
                self._failures.pop(key, None)


def create_app(store: Store | None = None, *, data_dir: Path | str | None = None,
               models_dir: Path | str | None = None, secure_cookies: bool = False) -> FastAPI:
    if store is None:
        from gongkai.store.db import open_store
        store = open_store()
    service = ReviewService(store, data_dir=data_dir)
    app = FastAPI(title="公开属性与密级审核", docs_url=None, redoc_url=None, openapi_url=None)
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.globals.update(ROLES=ROLES, DISCLOSURES=DISCLOSURE_ORDER, SECRECIES=SECRECY_ORDER,
                                 CATEGORY_NAMES=CATEGORY_NAMES, CATEGORY_COLOURS=CATEGORY_COLOURS, STYLE=STYLE)
    sessions, limiter = SessionStore(), RateLimiter()
    app.state.sessions, app.state.limiter, app.state.service = sessions, limiter, service

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
            return error(request, None, 403, "表单已失效，请重新打开登录页 / the form expired, reload the log-in page")
        client = f"ip:{request.client.host if request.client else '-'}"
        keys = (client, f"user:{name}")
        if limiter.blocked(*keys):
            return error(request, None, 429, "登录失败次数过多，请 5 分钟后再试 / too many failed log-ins, wait 5 minutes")
        with store.session() as s:  # log-ins are part of the accountability trail (专机专人)
            actor = authenticate(s, name, password)
            repo.append_audit(s, actor.name if actor else "anonymous", "web.login" if actor else "web.login_failed",
                              role=actor.role if actor else None, after={"name": name[:128], "client": client})
        if actor is None:
            limiter.fail(*keys)
            token = secrets.token_urlsafe(32)
            response = page(request, "login.html", {"login_csrf": token, "failed": True}, 401)
            response.set_cookie(LOGIN_COOKIE, token, httponly=True, samesite="strict", secure=secure_cookies,
                                path="/login")
            return response
        limiter.reset(f"user:{name}")
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
            return error(request, who, 403, "CSRF 校验失败 / CSRF check failed")
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
            rows = views.queue(s, actor)
            batch = [t.id for t in service.batch_candidates(s, actor)]
        return page(request, "queue.html", {"rows": rows, "batch": set(batch), "message": MESSAGES.get(msg, "")},
                    who=who)

    def _document(request: Request, who, *, task_id=None, document_id=None):
        with store.session() as s:
            view = views.document_view(s, who[0], task_id=task_id, document_id=document_id, with_spans=True)
        if view is None:
            return error(request, who, 404, "文件不存在或您无权查看 / no such document, or not yours to see")
        highlighted = render_fragment(view.text, view.spans) if view.text is not None else None
        may_act = bool(view.task and view.task["status"] == "open" and view.task["role"] == who[0].role
                       and view.readable)
        return page(request, "document.html", {"view": view, "highlighted": highlighted, "may_act": may_act},
                    who=who)

    @app.get("/tasks/{task_id}", response_class=HTMLResponse)
    def task_page(request: Request, task_id: int):
        who = current(request)
        return login_redirect() if who is None else _document(request, who, task_id=task_id)

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
            events = views.history(s, who[0], document_id)
        if events is None:
            return error(request, who, 404, "文件不存在或您无权查看 / no such document, or not yours to see")
        return page(request, "history.html", {"document_id": document_id, "events": events}, who=who)

    @app.get("/users", response_class=HTMLResponse)
    def users_page(request: Request):
        who = current(request)
        if who is None:
            return login_redirect()
        if who[0].role != "admin":
            return error(request, who, 403, "仅管理员可查看 / administrators only")
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
            return who, error(request, who, 403, "仅管理员可查看 / administrators only")
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

    @app.get("/static/app.js")
    def script():
        return Response((HERE / "static" / "app.js").read_text(encoding="utf-8"), media_type="text/javascript")

    # --- actions --------------------------------------------------------------------------------

    def _action(request: Request, csrf: str, run) -> Response:
        who = current(request)
        if who is None:
            return error(request, None, 401, "请先登录 / log in first")
        if not csrf_ok(who[1], csrf):
            return error(request, who, 403, "CSRF 校验失败，请刷新页面 / CSRF check failed, reload the page")
        try:
            return run(who[0])
        except ReviewError as exc:
            return error(request, who, STATUS_OF.get(type(exc), 400), exc.message)

    @app.post("/tasks/{task_id}/confirm")
    def confirm(request: Request, task_id: int, version: int = Form(...), csrf: str = Form("")):
        return _action(request, csrf, lambda actor: _done(service.confirm(actor, task_id, version)))

    @app.post("/tasks/{task_id}/change")
    def change(request: Request, task_id: int, version: int = Form(...), disclosure: str = Form(""),
               secrecy: str = Form(""), reason: str = Form(""), justification: str = Form(""), csrf: str = Form("")):
        return _action(request, csrf, lambda actor: _done(service.change(
            actor, task_id, version, disclosure=disclosure, secrecy=secrecy, reason=reason,
            justification=justification)))

    @app.post("/tasks/{task_id}/return")
    def return_task(request: Request, task_id: int, version: int = Form(...), reason: str = Form(""),
                    csrf: str = Form("")):
        return _action(request, csrf, lambda actor: _done(service.return_task(actor, task_id, version, reason)))

    @app.post("/batch-confirm")
    def batch_confirm(request: Request, csrf: str = Form(""), tasks: list[str] = Form(default=[])):
        def run(actor: Actor) -> Response:
            if actor.role != "office":
                raise ReviewForbidden("仅办公室可批量确认 / only the office stage may batch-confirm")
            items = []
            for item in tasks:
                task_id, _, version = item.partition(":")
                if task_id.isdigit() and version.isdigit():
                    items.append((int(task_id), int(version)))
            done, refused = service.batch_confirm(actor, items)
            if refused:
                return error(request, current(request), 409, f"已确认 {len(done)} 项；{len(refused)} 项未处理：" +
                             "；".join(f"#{t} {why}" for t, why in refused))
            return RedirectResponse("/?msg=batch", status_code=303)
        return _action(request, csrf, run)

    def _done(outcome) -> Response:
        return RedirectResponse(f"/?msg={outcome.action}", status_code=303)

    @app.get("/healthz", response_class=PlainTextResponse)
    def health():
        return "ok"

    return app
