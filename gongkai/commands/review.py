"""Sub-commands `users`, `review`, `audit`, `web` (added to `gongkai` by `register(subparsers)`).

Review actions are taken by a named user who proves it with their password (prompted, or one line
on stdin with --password-stdin), so that every decision in the audit trail is a person's."""
from __future__ import annotations

import argparse
import getpass
import json
import sys

from gongkai.policy import DISCLOSURE_ORDER, SECRECY_ORDER


def _store():
    from gongkai.store.db import open_store

    return open_store()


def _password(args: argparse.Namespace, prompt: str = "密码 / password: ") -> str:
    if getattr(args, "password_stdin", False):
        return sys.stdin.readline().rstrip("\r\n")
    return getpass.getpass(prompt)


def _login(args: argparse.Namespace):
    from gongkai.review.users import authenticate

    with _store().session() as s:
        actor = authenticate(s, args.user, _password(args))
    if actor is None:
        print("gongkai: 用户名或密码错误 / wrong user name or password", file=sys.stderr)
        return None
    return actor


def _cmd_users_add(args: argparse.Namespace) -> int:
    from gongkai.review.users import UserError, add_user

    password = _password(args)
    if not getattr(args, "password_stdin", False) and getpass.getpass("再输入一次 / again: ") != password:
        print("gongkai: 两次输入的密码不一致 / passwords differ", file=sys.stderr)
        return 2
    try:
        with _store().session() as s:
            s.info["actor"] = "system:cli"  # the users.add audit event is written by gongkai.store.users
            user = add_user(s, args.name, password, args.role, args.clearance, department=args.department)
    except UserError as exc:
        print(f"gongkai: {exc}", file=sys.stderr)
        return 2
    where = f"，{user.department}" if user.department else ""
    print(f"已添加用户 {user.name}（{user.role}，{user.clearance}{where}）/ user added")
    return 0


def _cmd_users_department(args: argparse.Namespace) -> int:
    """Move a user to another 科室 (or none): what they need to know changes with it, so it is audited."""
    from sqlalchemy import select

    from gongkai.store.users import User

    department = (args.department or "").strip() or None
    if department is not None and (len(department) > 64 or "/" in department):
        print("gongkai: 科室名称不超过 64 字且不含 / / department: at most 64 characters, no '/'", file=sys.stderr)
        return 2
    with _store().session() as s:
        s.info["actor"] = "system:cli"  # the users.change audit event is written by gongkai.store.users
        user = s.scalar(select(User).where(User.name == args.name))
        if user is None:
            print(f"gongkai: 没有用户 {args.name} / no such user", file=sys.stderr)
            return 2
        user.department = department
    print(f"{args.name} 的科室：{department or '（无）'} / department set")
    return 0


DEMO_USERS = (("keshi", "department", "内部"), ("bangong", "office", "内部"), ("baomi", "secrecy_officer", "绝密"),
              ("fenguan", "leader_in_charge", "机密"), ("zhuyao", "principal_leader", "绝密"), ("admin", "admin", "非密"))


def _cmd_users_demo(args: argparse.Namespace) -> int:
    """One account per role with the same password, to try the chain on the sample proposals."""
    from sqlalchemy import select

    from gongkai.review.users import ROLES, UserError, add_user
    from gongkai.store.users import User

    password = _password(args)
    try:
        with _store().session() as s:
            s.info["actor"] = "system:cli:demo"  # the users.add audit events are written by gongkai.store.users
            for name, role, clearance in DEMO_USERS:
                if s.scalar(select(User).where(User.name == name)) is None:
                    add_user(s, name, password, role, clearance)
                print(f"{name}	{ROLES[role]}	{clearance}")
    except UserError as exc:
        print(f"gongkai: {exc}", file=sys.stderr)
        return 2
    return 0


def _cmd_review_publish(args: argparse.Namespace) -> int:
    """Write (again) the catalogue entry of a document whose review ended at 发布."""
    from sqlalchemy import select

    from gongkai.review.publish import PublicationRefused, export
    from gongkai.settings import Settings
    from gongkai.store.models import AuditEvent

    actor = _login(args)
    if actor is None:
        return 2
    if actor.role != "admin":
        print("gongkai: 仅管理员可重新发布 / administrators only", file=sys.stderr)
        return 2
    store = _store()
    with store.session() as s:
        published = s.scalar(select(AuditEvent.id).where(
            AuditEvent.document_id == args.document, AuditEvent.action.in_(("review.confirm", "review.change")),
            AuditEvent.after["stage"].as_string() == "发布"))
    if published is None:
        print("gongkai: 该文件尚未经主要领导批准发布 / not approved for publication", file=sys.stderr)
        return 2
    try:
        paths = export(store, args.document, Settings().data_dir, actor=actor.name)
    except PublicationRefused as exc:
        print(f"gongkai: {exc}", file=sys.stderr)
        return 2
    for path in paths:
        print(path)
    return 0


def _cmd_users_list(args: argparse.Namespace) -> int:
    from gongkai.review.users import ROLES, list_users

    with _store().session() as s:
        for u in list_users(s):
            print(f"{u.name}\t{u.role}（{ROLES.get(u.role, u.role)}）\t{u.clearance}\t{u.department or '—'}\t"
                  f"{'启用' if u.active else '停用'}")
    return 0


def _queue_rows(s, actor=None):
    from gongkai.review.queue import queue

    return queue(s, actor)


def _cmd_review_list(args: argparse.Namespace) -> int:
    actor = _login(args) if args.user else None
    if args.user and actor is None:
        return 2
    with _store().session() as s:
        rows = _queue_rows(s, actor)
    for row in rows:
        if args.json:
            print(json.dumps(row.as_dict(), ensure_ascii=False, default=str))
        else:
            due = row.due_date.isoformat() if row.due_date else "—"
            overdue = " 已超期/overdue" if row.overdue else ""
            print(f"#{row.task_id} v{row.version}\t{row.stage}\t风险 {row.risk}\t置信度 {row.confidence_text}\t"
                  f"期限 {due}{overdue}\t{row.disclosure}/{row.secrecy}\t{row.title}")
    if not args.json:
        print(f"共 {len(rows)} 项 / {len(rows)} open tasks")
    return 0


def _cmd_review_show(args: argparse.Namespace) -> int:
    from gongkai.review.queue import document_view

    actor = _login(args)
    if actor is None:
        return 2
    with _store().session() as s:
        view = document_view(s, actor, task_id=args.task)
        if view is not None and view.sealed_info:  # the pointer to a sealed original: audited, as on the web
            from gongkai.store import repository as repo

            repo.append_audit(s, actor.name, "review.sealed_opened", document_id=view.document_id, role=actor.role,
                              after={"location": view.sealed_info["location"], "via": "cli"})
    if view is None:
        print("gongkai: 任务不存在或无权查看 / no such task, or not yours to see", file=sys.stderr)
        return 2
    print(json.dumps(view.as_dict(), ensure_ascii=False, indent=2, default=str))
    return 0


def _act(args: argparse.Namespace, action: str) -> int:
    from gongkai.review.service import ReviewError, ReviewService
    from gongkai.store.models import ReviewTask

    actor = _login(args)
    if actor is None:
        return 2
    store = _store()
    service = ReviewService(store)
    version = args.version
    if version is None:
        with store.session() as s:
            task = s.get(ReviewTask, args.task)
            version = task.version if task else 0
    try:
        catalogue = {"发布机构": getattr(args, "issuer", ""), "成文日期": getattr(args, "written_date", "")}
        if action == "confirm":
            out = service.confirm(actor, args.task, version, catalogue=catalogue)
        elif action == "change":
            out = service.change(actor, args.task, version, disclosure=args.disclosure, secrecy=args.secrecy,
                                 reason=args.reason, justification=args.justification, catalogue=catalogue)
        else:
            out = service.return_task(actor, args.task, version, reason=args.reason)
    except ReviewError as exc:
        print(f"gongkai: [{exc.code}] {exc.message}", file=sys.stderr)
        return 3 if exc.code == "review_conflict" else 2
    nxt = f"任务 #{out.next_task_id}" if out.next_task_id else "流程结束 / review closed"
    print(f"#{out.task_id} {out.stage} → {out.next_stage}（{nxt}）{out.disclosure}/{out.secrecy}")
    for path in out.published:
        print(f"已发布 / published: {path}")
    return 0


def _cmd_batch(args: argparse.Namespace) -> int:
    from gongkai.review.service import ReviewService

    actor = _login(args)
    if actor is None:
        return 2
    service = ReviewService(_store())
    with service.store.session() as s:
        items = [(t.id, t.version) for t in service.batch_candidates(s, actor)]
    done, refused = service.batch_confirm(actor, items)
    print(f"批量确认 {len(done)} 项，未处理 {len(refused)} 项 / {len(done)} confirmed, {len(refused)} refused")
    for task_id, why in refused:
        print(f"  #{task_id}: {why}")
    return 0


def _cmd_audit_verify(args: argparse.Namespace) -> int:
    from gongkai.review.audit import verify
    from gongkai.settings import Settings

    from gongkai.classify import registry

    settings = Settings()
    models_dir = settings.models_dir or registry.default_models_dir()
    with _store().session() as s:
        report = verify(s, args.expect_head, data_dir=settings.data_dir, models_dir=models_dir)
    if args.expect_head and not report.problems:
        print(f"记录的链头之后新增 {len(report.beyond_anchor)} 条记录 / {len(report.beyond_anchor)} event(s) "
              "after the recorded head:")
        for e in report.beyond_anchor:
            print(f"  #{e.id} {e.created_at:%Y-%m-%d %H:%M:%S} {e.actor} {e.action}"
                  + (f" document {e.document_id}" if e.document_id is not None else ""))
        if args.exact and report.beyond_anchor:
            print("审计链在记录的链头之后有新增记录 / events were appended after the recorded head", file=sys.stderr)
            return 1
    if report.ok:
        print(f"审计链完整，表中状态与审计链一致：{report.events} 条记录 / audit chain intact and the tables agree "
              f"with it: {report.events} events\nhead {report.anchor}")
        return 0
    for problem in report.problems:
        print(f"✗ {problem}")
    print(f"审计链或表中状态已被篡改 / audit chain BROKEN or tables altered: {len(report.problems)} problem(s)",
          file=sys.stderr)
    return 1


def _cmd_audit_anchor(args: argparse.Namespace) -> int:
    """The head to write down elsewhere (paper, another machine): `verify --expect-head` checks it later."""
    from gongkai.review.audit import verify

    with _store().session() as s:
        report = verify(s)
    print(report.anchor)
    if not report.ok:
        print(f"注意：审计链当前未通过校验（{len(report.problems)} 个问题），请先运行 gongkai audit verify / "
              f"warning: the chain does not verify now ({len(report.problems)} problem(s)): run gongkai audit verify",
              file=sys.stderr)
        return 1
    return 0


def _cmd_web(args: argparse.Namespace) -> int:
    import uvicorn

    from gongkai.web.app import create_app

    print(f"审核界面 / review UI: http://{args.host}:{args.port}/  (用户由 `gongkai users add` 创建)")
    uvicorn.run(create_app(), host=args.host, port=args.port, log_level="warning")
    return 0


def _user_args(p: argparse.ArgumentParser, required: bool = True) -> None:
    p.add_argument("--user", required=required, help="acting reviewer (password prompted)")
    p.add_argument("--password-stdin", action="store_true", help="read the password as one line from stdin")


def register(sub) -> None:
    p = sub.add_parser("users", help="reviewer accounts")
    us = p.add_subparsers(dest="users_command", required=True)
    q = us.add_parser("add", help="add a reviewer")
    q.add_argument("name")
    q.add_argument("--role", required=True, help="department|office|secrecy_officer|leader_in_charge|"
                   "principal_leader|admin, or 科室|办公室|保密审查员|分管领导|主要领导|管理员")
    q.add_argument("--clearance", required=True, choices=SECRECY_ORDER)
    q.add_argument("--department", help="the 科室 the user works in: they see that 科室's documents (need-to-know)")
    q.add_argument("--password-stdin", action="store_true", help="read the password as one line from stdin")
    q.set_defaults(func=_cmd_users_add)
    q = us.add_parser("department", help="set the 科室 a user works in ('' for none); audited")
    q.add_argument("name")
    q.add_argument("department")
    q.set_defaults(func=_cmd_users_department)
    q = us.add_parser("add-demo", help="one account per role (keshi, bangong, baomi, fenguan, zhuyao, admin), "
                      "same password for all: for trying the sample proposals")
    q.add_argument("--password-stdin", action="store_true", help="read the password as one line from stdin")
    q.set_defaults(func=_cmd_users_demo)
    q = us.add_parser("list", help="list reviewers")
    q.set_defaults(func=_cmd_users_list)

    p = sub.add_parser("review", help="review tasks: list, show, confirm, change, return, batch-confirm")
    rs = p.add_subparsers(dest="review_command", required=True)
    q = rs.add_parser("list", help="open tasks (with --user: that user's queue, titles up to their clearance)")
    _user_args(q, required=False)
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=_cmd_review_list)
    q = rs.add_parser("show", help="one task: proposal, reasons, text up to your clearance (JSON)")
    q.add_argument("task", type=int)
    _user_args(q)
    q.set_defaults(func=_cmd_review_show)
    for name, helptext in (("confirm", "approve the labels in force"), ("change", "set other labels (reason required)"),
                           ("return", "send back to the previous stage (reason required)")):
        q = rs.add_parser(name, help=helptext)
        q.add_argument("task", type=int)
        q.add_argument("--version", type=int, help="the task version you reviewed (default: the current one)")
        _user_args(q)
        if name == "change":
            q.add_argument("--disclosure", required=True, choices=DISCLOSURE_ORDER)
            q.add_argument("--secrecy", required=True, choices=SECRECY_ORDER)
            q.add_argument("--justification", help="written justification (required to lower or loosen)")
        if name in ("change", "return"):
            q.add_argument("--reason", required=True)
        if name in ("confirm", "change"):  # an approval that publishes needs a complete catalogue entry
            q.add_argument("--issuer", default="", help="发布机构, when the 公文 parse found none (last stage)")
            q.add_argument("--written-date", default="", help="成文日期 such as 2026年12月1日, when none was found")
        q.set_defaults(func=lambda a, n=name: _act(a, n))
    q = rs.add_parser("batch-confirm", help="confirm every low-risk, high-confidence task at 办公室")
    _user_args(q)
    q.set_defaults(func=_cmd_batch)

    q = rs.add_parser("publish", help="write a published document's catalogue entry again (administrator)")
    q.add_argument("document", type=int)
    _user_args(q)
    q.set_defaults(func=_cmd_review_publish)

    p = sub.add_parser("audit", help="the audit trail")
    au = p.add_subparsers(dest="audit_command", required=True)
    q = au.add_parser("verify", help="check the keyed hash chain and that decisions, labels in force, tasks, "
                      "accounts and publication files agree with it; exit 1 if not")
    q.add_argument("--expect-head", help="an anchor (SEQ:HASH) printed by `audit anchor`: fails if it is gone, "
                   "lists the events appended after it")
    q.add_argument("--exact", action="store_true", help="with --expect-head: also fail if any event came after it")
    q.set_defaults(func=_cmd_audit_verify)
    q = au.add_parser("anchor", help="print the head (SEQ:HASH) to record elsewhere")
    q.set_defaults(func=_cmd_audit_anchor)

    p = sub.add_parser("web", help="the review web UI (FastAPI)")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.set_defaults(func=_cmd_web)
