"""Sub-command `request`: 依申请公开 requests from registration to reply (gongkai.info_requests.service).

Days (`--on`, `--submitted` …) are the office's record of when something happened, default today; they
are written as 2026-03-02 or 2026年3月2日. The acting person is `--user` (default: the login name);
approving a reply needs the approver's password, as a review decision does."""
from __future__ import annotations

import argparse
import getpass
import json
import sys
from datetime import date

from gongkai.info_requests.vocab import APPLICANT_TYPES, CHANNELS, REPLY_RESULTS, REVIEW_KINDS, REVIEW_RESULTS


def _day(text: str) -> date:
    from gongkai.review.calendar import parse_written_date

    day = parse_written_date(text)
    if day is None:
        raise argparse.ArgumentTypeError(f"不是有效日期 / not a date: {text!r}")
    return day


def _service():
    from gongkai.info_requests.service import RequestService
    from gongkai.store.db import open_store

    return RequestService(open_store())


def _user(args) -> str:
    return args.user or getpass.getuser()


def _on(args) -> date:
    return args.on or date.today()


def _due_text(due: date | None) -> str:
    return str(due) if due else ("无法计算：期限跨入尚未录入节假日安排的年度，请在 rules/holidays.yaml 录入后重新查看 / "
                                 "the period runs into a year missing from the calendar")


def _cmd_register(args) -> int:
    number = _service().register(_user(args), applicant_type=args.type, applicant_name=args.name,
                                 applicant_contact=args.contact, channel=args.channel, content=args.content,
                                 submitted_on=args.submitted or date.today(), received_on=args.received,
                                 assignee=args.assignee)
    info = _service().show(number)
    due = (f"，答复期限 {_due_text(info['due_date'])}" if info["received_on"]
           else "：请用 gongkai request received 登记签收或确认收到的日期")
    print(f"已登记申请 {number}（{info['status_name']}{due}）/ request registered")
    return 0


def _cmd_list(args) -> int:
    from gongkai.info_requests.deadlines import STATE_NAMES
    from gongkai.info_requests.service import STATUS_NAMES

    rows = _service().queue(args.today or date.today(), include_closed=args.all)
    if args.json:
        print(json.dumps([{**r.__dict__, "received_on": _iso(r.received_on), "due_date": _iso(r.due_date)}
                          for r in rows], ensure_ascii=False, indent=2))
        return 0
    if not rows:
        print("没有办理中的申请 / no open requests")
    for r in rows:
        state = STATE_NAMES.get(r.state, "—")
        left = f"剩 {r.days_left} 个工作日" if r.days_left is not None and r.days_left >= 0 else (
            f"逾期 {-r.days_left} 个工作日" if r.days_left is not None else "")
        content = r.content if len(r.content) <= 30 else r.content[:30] + "…"
        print(f"{r.number}\t{STATUS_NAMES.get(r.status, r.status)}\t期限 {r.due_date or '—'}\t{state} {left}\t"
              f"{r.applicant_type}\t{content}")
    return 0


def _iso(day):
    return day.isoformat() if day else None


def _cmd_show(args) -> int:
    from gongkai.info_requests.service import STATUS_NAMES
    from gongkai.info_requests.vocab import REPLY_RESULTS as NAMES
    from gongkai.labels import EVENT_NAMES

    info = _service().show(args.number)
    if args.json:
        print(json.dumps(info, ensure_ascii=False, indent=2, default=str))
        return 0
    print(f"申请编号：{info['number']}（{info['status_name']}）")
    print(f"申请人：{info['applicant_name']}（{info['applicant_type']}）  联系方式：{info['applicant_contact'] or '—'}")
    print(f"申请方式：{info['channel']}  提交：{info['submitted_on']}  收到：{info['received_on'] or '—'}  "
          f"起算：{info['counted_from'] or '—'}")
    extra = f"（已延长 {info['extension_days']} 个工作日，批准人 {info['extension_approver']}）" if info["extended"] else ""
    paused = f"（第三方征求意见不计 {info['paused_days']} 个工作日）" if info["paused_days"] else ""
    print(f"答复期限：{info['due_date'] or '—'}{extra}{paused}")
    print(f"申请内容：{info['content']}")
    print(f"关联文件：{', '.join(map(str, info['documents'])) or '—'}")
    if info["proposal"]:
        result = info["proposal"].get("draft_result") or info["proposal"].get("result")
        print(f"答复类别：{NAMES.get(result, result or '待人工确定')}  审批环节：{info['approval_stage'] or '—'}")
    if info["result"]:
        print(f"办理结果：{NAMES.get(info['result'], info['result'])}（{info['closed_on']}）")
    for c in info["cases"]:
        print(f"{c['kind']}：{c['filed_on']} 受理，{c['result'] or '尚未审结'}"
              + (f"（{c['concluded_on']}）" if c["concluded_on"] else "") + f"  [案件 {c['id']}]")
    print("办理记录：")
    for e in info["events"]:
        print(f"  {e['on']} {e['actor']} {EVENT_NAMES.get('request.' + e['kind'], e['kind'])}")
    return 0


def _cmd_received(args) -> int:
    due = _service().mark_received(_user(args), args.number, _on(args))
    print(f"{args.number} 已确认收到，答复期限 {_due_text(due)} / received")
    return 0


def _cmd_correct(args) -> int:
    by = _service().request_correction(_user(args), args.number, _on(args), what=args.what, correct_by=args.by)
    print(f"{args.number} 已告知补正，补正期限至 {by}；收到补正后重新计算答复期限 / correction requested")
    return 0


def _cmd_corrected(args) -> int:
    due = _service().correction_received(_user(args), args.number, _on(args))
    print(f"{args.number} 已收到补正，答复期限重新计算至 {_due_text(due)} / correction received")
    return 0


def _cmd_extend(args) -> int:
    due = _service().extend(_user(args), args.number, _on(args), approver=args.approver, days=args.days)
    print(f"{args.number} 答复期限延长至 {_due_text(due)}（批准人 {args.approver}）/ extended")
    return 0


def _cmd_consult(args) -> int:
    service = _service()
    if args.phase == "start":
        service.consult_start(_user(args), args.number, _on(args), third_party=args.third_party or "")
        print(f"{args.number} 已开始征求第三方意见，期间不计入答复期限 / consultation started")
    else:
        due = service.consult_end(_user(args), args.number, _on(args))
        print(f"{args.number} 第三方意见征求结束，答复期限顺延至 {_due_text(due)} / consultation ended")
    return 0


def _cmd_link(args) -> int:
    service = _service()
    for doc in args.doc:
        (service.unlink if args.unlink else service.link)(_user(args), args.number, doc, _on(args))
        print(f"{args.number} {'已取消关联' if args.unlink else '已关联'}文件 {doc}")
    return 0


def _cmd_propose(args) -> int:
    proposal = _service().propose(_user(args), args.number, _on(args))
    print(f"建议答复：{REPLY_RESULTS.get(proposal.result, '待人工确定（有文件未记录不予公开的理由）')}")
    for r in proposal.reasons:
        where = f"文件 {r['document_id']}：" if r.get("document_id") is not None else ""
        print(f"  {where}{r['note']}（{r.get('article') or '—'}）")
    for item in proposal.preview:
        print(f"\n—— 区分处理预览：文件 {item['document_id']}《{item['title']}》，遮盖 {item['redactions']} 处 ——\n"
              f"{item['text']}")
    return 0


def _cmd_draft(args) -> int:
    text = _service().draft(_user(args), args.number, _on(args), result=args.result, reason=args.reason or "")
    if args.out:
        from gongkai.filemodes import create_private
        import os

        with os.fdopen(create_private(args.out, exclusive=False), "w", encoding="utf-8") as fh:
            fh.write(text)
        print(f"答复书草稿已写入 {args.out}")
    else:
        print(text, end="")
    return 0


def _cmd_approve(args) -> int:
    from gongkai.review.users import authenticate
    from gongkai.store.db import open_store

    password = sys.stdin.readline().rstrip("\r\n") if args.password_stdin else getpass.getpass("密码 / password: ")
    with open_store().session() as s:
        actor = authenticate(s, args.as_user, password)
    if actor is None:
        print("gongkai: 用户名或密码错误 / wrong user name or password", file=sys.stderr)
        return 2
    stage = _service().approve(actor, args.number, _on(args))
    print(f"{args.number} 已审批；" + ("答复书已签发，可以答复 / signed" if stage == "done" else f"下一环节：{stage}"))
    return 0


def _cmd_reply(args) -> int:
    result = _service().reply(_user(args), args.number, _on(args))
    print(f"{args.number} 已答复：{REPLY_RESULTS[result]} / replied")
    return 0


def _cmd_close(args) -> int:
    _service().close_without_reply(_user(args), args.number, args.reason, _on(args), note=args.note or "")
    print(f"{args.number} 已终止办理：{REPLY_RESULTS[args.reason]} / closed")
    return 0


def _cmd_review(args) -> int:
    service = _service()
    info = service.show(args.number)
    existing = next((c for c in info["cases"] if c["kind"] == args.kind and c["filed_on"] == args.filed), None)
    if existing is not None and args.result:
        service.conclude_review(_user(args), existing["id"], result=args.result, concluded_on=args.concluded)
        print(f"{args.number} {args.kind}（{args.filed} 受理）已审结：{args.result}")
    elif existing is not None:
        print(f"gongkai: 该案件已登记（案件 {existing['id']}）；审结请加 --result 和 --concluded", file=sys.stderr)
        return 2
    else:
        case = service.record_review(_user(args), args.number, kind=args.kind, filed_on=args.filed,
                                     result=args.result, concluded_on=args.concluded)
        print(f"{args.number} 已登记{args.kind}（案件 {case}）")
    return 0


def register(sub) -> None:
    p = sub.add_parser("request", help="依申请公开: requests for government information")
    rs = p.add_subparsers(dest="request_command", required=True)

    def add(name, func, helptext, *, number=True, on=True):
        q = rs.add_parser(name, help=helptext)
        if number:
            q.add_argument("number", help="申请编号, e.g. 2026-0007")
        if on:
            q.add_argument("--on", type=_day, help="the day it happened (default today)")
        q.add_argument("--user", help="who acts (default: the login name)")
        q.set_defaults(func=func)
        return q

    q = add("register", _cmd_register, "register a new request", number=False, on=False)
    q.add_argument("--type", required=True, choices=APPLICANT_TYPES, help="applicant type")
    q.add_argument("--name", required=True, help="applicant's name")
    q.add_argument("--contact", help="applicant's contact")
    q.add_argument("--channel", required=True, choices=CHANNELS)
    q.add_argument("--content", required=True, help="the information asked for")
    q.add_argument("--submitted", type=_day, help="day submitted (default today)")
    q.add_argument("--received", type=_day, help="day signed for / receipt confirmed (post, online, fax, other)")
    q.add_argument("--assignee")
    q = rs.add_parser("list", help="open requests: overdue, then nearly due, then by due date")
    q.add_argument("--today", type=_day, help="count from this day (default today)")
    q.add_argument("--all", action="store_true", help="closed requests too")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=_cmd_list)
    q = rs.add_parser("show", help="one request with its history")
    q.add_argument("number")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=_cmd_show)
    add("received", _cmd_received, "the day a posted request was signed for / an online or fax one confirmed")
    q = add("correct", _cmd_correct, "ask the applicant to correct the request (第三十条, once)")
    q.add_argument("--what", required=True, help="what must be corrected")
    q.add_argument("--by", type=_day, help="correction deadline (default: rules/requests.yaml)")
    add("corrected", _cmd_corrected, "the corrected request arrived: the period starts again")
    q = add("extend", _cmd_extend, "extend the reply period once (第三十三条第二款)")
    q.add_argument("--approver", required=True, help="the head of the open-government office who agreed")
    q.add_argument("--days", type=int, help="working days (default and maximum 20)")
    q = rs.add_parser("consult", help="third-party consultation (第三十二条): start | end")
    phases = q.add_subparsers(dest="phase", required=True)
    for phase, helptext in (("start", "a third party's opinion is asked"), ("end", "its opinion arrived")):
        c = phases.add_parser(phase, help=helptext)
        c.add_argument("number", help="申请编号")
        c.add_argument("--on", type=_day, help="the day it happened (default today)")
        c.add_argument("--user", help="who acts (default: the login name)")
        if phase == "start":
            c.add_argument("--third-party", help="who is consulted")
        c.set_defaults(func=_cmd_consult, third_party=None)
    q = add("link", _cmd_link, "link documents that answer the request")
    q.add_argument("--doc", type=int, action="append", required=True, help="document id (repeatable)")
    q.add_argument("--unlink", action="store_true")
    add("propose", _cmd_propose, "propose the reply from the linked documents' labels")
    q = add("draft", _cmd_draft, "draft the 答复书 (office)")
    q.add_argument("--result", choices=tuple(REPLY_RESULTS), help="override the proposed result")
    q.add_argument("--reason", help="the reason, for the generic templates")
    q.add_argument("--out", help="write the draft to this file instead of printing it")
    q = add("approve", _cmd_approve, "approve the draft at its current stage (分管领导, then 主要领导 signs)")
    q.add_argument("--as", dest="as_user", required=True, help="approver's user name (password asked)")
    q.add_argument("--password-stdin", action="store_true")
    add("reply", _cmd_reply, "send the signed reply: closes the request")
    q = add("close", _cmd_close, "close without a reply on substance (no correction / no fee / other)")
    q.add_argument("--reason", required=True, choices=("other.no_correction", "other.no_fee", "other.other"))
    q.add_argument("--note", help="why (required for other.other)")
    q = add("review", _cmd_review, "record a 行政复议 / 行政诉讼, or its conclusion", on=False)
    q.add_argument("--kind", required=True, choices=REVIEW_KINDS)
    q.add_argument("--filed", type=_day, required=True)
    q.add_argument("--result", choices=[r for r in REVIEW_RESULTS if r != "尚未审结"])
    q.add_argument("--concluded", type=_day)
