"""Issue 12, first acceptance point: a year of 依申请公开 requests handled through RequestService (as the desk
and `gongkai request` do), then `gongkai report annual` from the command line; every cell of parts 3 and 4
read back from the HTML must be the count intended by the table of requests below, and `gongkai report
check` must pass on the DOCX and the HTML.

The intended counts come from YEAR_ROWS and CASES alone (a few lines of counting in this file, plus totals
worked out by hand), never from gongkai.report. The HTML is read here with lxml, not by gongkai.report.parse.
Every name in it is invented."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from gongkai.info_requests.service import RequestService
from gongkai.info_requests.vocab import REPLY_GROUPS, REPLY_RESULTS
from gongkai.review.users import Actor
from gongkai.store.db import Store, close_all
from tests.info_requests.builders import SECRET_TEXT, SECRET_TITLE, add_document, pii_at

D = date
YEAR = 2026
LEADER = Actor("fenguan", "leader_in_charge", "机密")
PRINCIPAL = Actor("zhuyao", "principal_leader", "绝密")
APPLICANTS = ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")  # the template's column order


@dataclass(frozen=True)
class Row:
    """One request as the office handled it. received None: never received; closed None: still open (or
    `result` is what it gets once closed, after the year). `how`: extend / consult / correct /
    consult_open (a consultation still running at year end); `docs`: the seeded documents linked."""

    key: str
    applicant: str
    channel: str
    result: str | None
    received: date | None
    closed: date | None
    how: tuple[str, ...] = ()
    docs: tuple[str, ...] = ()
    submitted: date | None = None  # before `received` for post, online, fax; the same day in person


R = Row
YEAR_ROWS: list[Row] = [
    # received in the year and closed in it
    R("d1", "自然人", "当面", "disclose", D(2026, 3, 2), D(2026, 3, 16), docs=("public",)),
    R("d2", "自然人", "网络", "disclose", D(2026, 3, 9), D(2026, 3, 31), ("extend",), ("on_request",)),
    R("d3", "商业企业", "信函", "disclose", D(2026, 4, 1), D(2026, 4, 20), docs=("public",)),
    R("d4", "科研机构", "传真", "disclose", D(2026, 5, 11), D(2026, 5, 22), docs=("public", "on_request")),
    R("d5", "社会公益组织", "其他", "disclose", D(2026, 6, 1), D(2026, 6, 12), docs=("public",)),
    R("d6", "法律服务机构", "网络", "disclose", D(2026, 6, 3), D(2026, 6, 15), docs=("on_request",)),
    R("d7", "其他", "当面", "disclose", D(2026, 7, 1), D(2026, 7, 10), docs=("public",)),
    R("d8", "自然人", "传真", "disclose", D(2026, 11, 16), D(2026, 12, 31), ("extend",), ("public",)),  # 31 Dec
    R("d9", "自然人", "当面", "disclose", D(2026, 2, 24), D(2026, 3, 20), ("correct",), ("public",)),
    R("p1", "自然人", "当面", "partial", D(2026, 3, 3), D(2026, 3, 25), ("consult",), ("pii",)),
    R("p2", "商业企业", "网络", "partial", D(2026, 4, 7), D(2026, 5, 20), ("extend", "consult"),
      ("public", "process_info")),
    R("p3", "法律服务机构", "信函", "partial", D(2026, 8, 3), D(2026, 8, 14), docs=("on_request", "internal_affairs")),
    R("w1", "自然人", "当面", "withhold.state_secret", D(2026, 2, 2), D(2026, 2, 13), docs=("state_secret",)),
    R("w2", "商业企业", "网络", "withhold.law_prohibited", D(2026, 2, 3), D(2026, 2, 27), docs=("law_prohibited",)),
    R("w3", "自然人", "信函", "withhold.security_stability", D(2026, 3, 10), D(2026, 3, 24),
      docs=("security_stability",)),
    R("w4", "商业企业", "网络", "withhold.third_party", D(2026, 5, 6), D(2026, 6, 10), ("consult",), ("trade_secret",)),
    R("w5", "自然人", "当面", "withhold.third_party", D(2026, 5, 7), D(2026, 5, 20), docs=("personal_privacy",)),
    R("w6", "科研机构", "网络", "withhold.internal_affairs", D(2026, 6, 8), D(2026, 6, 19), docs=("internal_affairs",)),
    R("w7", "自然人", "网络", "withhold.process_info", D(2026, 6, 9), D(2026, 6, 22), docs=("process_info",)),
    R("w8", "法律服务机构", "当面", "withhold.enforcement_file", D(2026, 7, 6), D(2026, 7, 17),
      docs=("enforcement_file",)),
    R("w9", "自然人", "当面", "withhold.administrative_query", D(2026, 7, 7), D(2026, 7, 17)),  # chosen in the draft
    R("u1", "自然人", "网络", "unable.not_held", D(2026, 8, 4), D(2026, 8, 14)),  # nothing linked
    R("u2", "社会公益组织", "信函", "unable.not_held", D(2026, 8, 5), D(2026, 8, 18)),
    R("u3", "其他", "网络", "unable.needs_creation", D(2026, 9, 1), D(2026, 9, 14)),
    R("u4", "自然人", "当面", "unable.unclear_after_correction", D(2026, 9, 2), D(2026, 9, 30), ("correct",)),
    R("n1", "自然人", "网络", "not_handled.petition", D(2026, 9, 7), D(2026, 9, 16)),
    R("n2", "自然人", "当面", "not_handled.repeat", D(2026, 10, 12), D(2026, 10, 20)),
    R("n3", "科研机构", "信函", "not_handled.publication", D(2026, 10, 13), D(2026, 10, 22)),
    R("n4", "自然人", "网络", "not_handled.mass_repeat", D(2026, 10, 14), D(2026, 10, 23)),
    R("n5", "商业企业", "当面", "not_handled.confirm_or_reissue", D(2026, 11, 2), D(2026, 11, 10)),
    R("o1", "自然人", "网络", "other.no_correction", D(2026, 3, 16), D(2026, 4, 20), ("correct",)),
    R("o2", "商业企业", "当面", "other.no_fee", D(2026, 4, 13), D(2026, 5, 11)),
    R("o3", "其他", "信函", "other.other", D(2026, 5, 12), D(2026, 5, 15)),
    # received the year before, closed in this one (上年结转); one extended over the year end
    R("c1", "自然人", "信函", "disclose", D(2025, 12, 15), D(2026, 1, 8), docs=("public",)),
    R("c2", "商业企业", "网络", "unable.not_held", D(2025, 12, 22), D(2026, 1, 12)),
    R("c3", "法律服务机构", "当面", "other.other", D(2025, 12, 29), D(2026, 1, 5)),
    R("c4", "社会公益组织", "网络", "partial", D(2025, 12, 8), D(2026, 1, 20), ("extend",), ("pii",)),
    # received the year before and still open on 31 December (a third party never answered)
    R("c5", "自然人", "当面", None, D(2025, 11, 20), None, ("consult_open",)),
    # received and closed the year before: in no cell of part 3 (its 复议 of this year is in part 4)
    R("x1", "自然人", "信函", "disclose", D(2025, 6, 10), D(2025, 6, 24), docs=("public",)),
    R("x2", "商业企业", "当面", "withhold.process_info", D(2025, 5, 6), D(2025, 5, 20), docs=("process_info",)),
    # received in the year, open on 31 December (结转下年度); y3 is replied to in January
    R("y1", "自然人", "网络", None, D(2026, 12, 21), None),
    R("y2", "科研机构", "当面", None, D(2026, 12, 28), None),
    R("y3", "其他", "信函", "disclose", D(2026, 12, 24), D(2027, 1, 8), docs=("public",)),
    R("y4", "商业企业", "网络", None, D(2026, 12, 10), None, ("extend",)),
    # posted in December, signed for in January: received next year; and one never confirmed
    R("z1", "自然人", "信函", None, D(2027, 1, 4), None, submitted=D(2026, 12, 29)),
    R("z2", "其他", "网络", None, None, None, submitted=D(2026, 12, 30)),
]

# 行政复议 / 行政诉讼: (request key, kind, filed, result, concluded); result None while open.
FUYI, ZHIJIE, FUYIHOU = "行政复议", "行政诉讼·未经复议直接起诉", "行政诉讼·复议后起诉"
CASES = [
    ("w1", FUYI, D(2026, 3, 2), "结果维持", D(2026, 4, 28)),
    ("x1", FUYI, D(2026, 2, 2), "结果维持", D(2026, 4, 1)),  # about a reply of last year
    ("w2", FUYI, D(2026, 3, 20), "结果纠正", D(2026, 5, 18)),
    ("u1", FUYI, D(2026, 9, 1), "其他结果", D(2026, 10, 9)),
    ("n1", FUYI, D(2026, 10, 8), None, None),  # open at year end
    ("w7", FUYI, D(2026, 7, 20), "结果纠正", D(2027, 1, 15)),  # concluded only next year: 尚未审结
    ("x2", FUYI, D(2025, 7, 1), "结果纠正", D(2026, 1, 15)),  # filed last year: not this year's case
    ("w4", ZHIJIE, D(2026, 6, 29), "结果维持", D(2026, 11, 30)),
    ("w5", ZHIJIE, D(2026, 6, 1), "结果纠正", D(2026, 9, 15)),
    ("n2", ZHIJIE, D(2026, 11, 2), "结果纠正", D(2026, 12, 31)),
    ("u2", ZHIJIE, D(2026, 9, 7), "其他结果", D(2026, 12, 1)),
    ("o2", ZHIJIE, D(2026, 6, 15), None, None),
    ("w2", FUYIHOU, D(2026, 5, 29), "结果维持", D(2026, 10, 20)),
    ("w8", FUYIHOU, D(2026, 8, 3), "结果纠正", D(2026, 12, 18)),
    ("u1", FUYIHOU, D(2026, 10, 19), "其他结果", D(2026, 12, 22)),
    ("n3", FUYIHOU, D(2026, 11, 20), "其他结果", D(2026, 12, 29)),
    ("d1", FUYIHOU, D(2026, 12, 1), None, None),
    ("w5", FUYIHOU, D(2026, 9, 16), "结果维持", D(2027, 2, 1)),
]


# --- the intended counts: counted from the tables above, and some worked out by hand ----------------

def _in_year(day: date | None) -> bool:
    return day is not None and day.year == YEAR


def intended_part3() -> dict[tuple[str, str], int]:
    """(row as printed, applicant) → count. A request counts as 新收 when received in the year, as 上年结转
    when received before it and not closed before it, under its result when closed in the year, and as
    结转下年度 when received by 31 December and not closed by then."""
    count: Counter = Counter()
    for row in YEAR_ROWS:
        if row.received is None or row.received.year > YEAR:
            continue
        a = row.applicant
        if row.received.year == YEAR:
            count["本年新收", a] += 1
        elif row.closed is None or row.closed.year >= YEAR:
            count["上年结转", a] += 1
        if _in_year(row.closed):
            count[row.result, a] += 1
        if row.closed is None or row.closed.year > YEAR:
            count["结转下年度", a] += 1
    out: dict[tuple[str, str], int] = {}
    for a in APPLICANTS:
        out["一、本年新收政府信息公开申请数量", a] = count["本年新收", a]
        out["二、上年结转政府信息公开申请数量", a] = count["上年结转", a]
        out["四、结转下年度继续办理", a] = count["结转下年度", a]
        for code, printed in REPLY_RESULTS.items():
            if "." in code:
                out[printed, a] = count[code, a]
        for group, printed in REPLY_GROUPS.items():
            out[printed, a] = sum(count[code, a] for code in REPLY_RESULTS if code.split(".")[0] == group)
        out["（七）总计", a] = sum(count[code, a] for code in REPLY_RESULTS)
    for row in {r for r, _a in out}:
        out[row, "总计"] = sum(out[row, a] for a in APPLICANTS)
    return out


def intended_part4() -> dict[tuple[str, str], int]:
    """(kind, result) → cases filed in the year; one not concluded by 31 December is 尚未审结."""
    out = {(kind, res): 0 for kind in (FUYI, ZHIJIE, FUYIHOU) for res in ("结果维持", "结果纠正", "其他结果", "尚未审结")}
    for _key, kind, filed, result, concluded in CASES:
        if filed.year == YEAR:
            out[kind, result if _in_year(concluded) else "尚未审结"] += 1
    for kind in (FUYI, ZHIJIE, FUYIHOU):
        out[kind, "总计"] = sum(out[kind, r] for r in ("结果维持", "结果纠正", "其他结果", "尚未审结"))
    return out


def test_the_intended_counts_agree_with_a_count_by_hand():
    """The counting above, checked against totals worked out by reading YEAR_ROWS and CASES."""
    p3, p4 = intended_part3(), intended_part4()
    assert p3["一、本年新收政府信息公开申请数量", "总计"] == 37  # d1–d9, p1–p3, w1–w9, u1–u4, n1–n5, o1–o3, y1–y4
    assert p3["二、上年结转政府信息公开申请数量", "总计"] == 5  # c1–c5
    assert p3["（七）总计", "总计"] == 37  # the 33 of the year closed in it (d8 on 31 December) + c1–c4
    assert p3["四、结转下年度继续办理", "总计"] == 5  # c5, y1–y4
    assert p3["（一）予以公开", "自然人"] == 5  # d1, d2, d8, d9, c1
    assert p3["（三）不予公开", "总计"] == 9 and p3["4.保护第三方合法权益", "总计"] == 2
    assert p3["二、上年结转政府信息公开申请数量", "法律服务机构"] == 1  # c3
    assert p4[FUYI, "结果维持"] == 2 and p4[FUYI, "尚未审结"] == 2 and p4[FUYI, "总计"] == 6
    assert p4[ZHIJIE, "总计"] == 5 and p4[FUYIHOU, "其他结果"] == 2 and p4[FUYIHOU, "尚未审结"] == 2
    # every applicant type, channel, reply result and case kind × result is in the year
    assert {r.applicant for r in YEAR_ROWS} == set(APPLICANTS)
    assert {r.channel for r in YEAR_ROWS} == {"当面", "信函", "网络", "传真", "其他"}
    assert {r.result for r in YEAR_ROWS if _in_year(r.closed)} == set(REPLY_RESULTS)
    assert all(n > 0 for n in p4.values())


# --- driving the service ------------------------------------------------------------------------------

def seed_documents(store: Store) -> dict[str, int]:
    """One document per kind of answer: releasable ones, one with personal data, one withheld per reason."""
    pii_text = "关于核发个体工商户营业执照的公告\n经营者联系电话13812340000。\n"
    docs = {
        "public": add_document(store, title="关于公布2026年部门预算的通知"),
        "on_request": add_document(store, title="城区道路养护合同汇总表", disclosure="依申请公开", codes=("on_request",)),
        "pii": add_document(store, title="关于核发个体工商户营业执照的公告", text=pii_text,
                            pii=[pii_at(pii_text, "13812340000")]),
        "state_secret": add_document(store, title=SECRET_TITLE, text=SECRET_TEXT, disclosure="不予公开",
                                     secrecy="机密", codes=("state_secret",)),
    }
    for code in ("law_prohibited", "security_stability", "trade_secret", "personal_privacy", "internal_affairs",
                 "process_info", "enforcement_file"):
        docs[code] = add_document(store, title=f"不予公开的材料（{code}）", disclosure="不予公开", codes=(code,))
    return docs


def _days(day: date, n: int) -> date:
    return day + timedelta(days=n)


# results a person chooses in the draft: no document's labels lead to them
CHOSEN = {"withhold.administrative_query", "unable.needs_creation", "unable.unclear_after_correction",
          "not_handled.petition", "not_handled.repeat", "not_handled.publication", "not_handled.mass_repeat",
          "not_handled.confirm_or_reissue"}


def handle(service: RequestService, row: Row, docs: dict[str, int]) -> str:
    submitted = row.submitted or (row.received if row.channel == "当面" else _days(row.received, -2))
    given = None if row.channel == "当面" or row.channel == "信函" else row.received
    number = service.register("clerk", applicant_type=row.applicant, applicant_name=f"申请人{row.key}",
                              channel=row.channel, content=f"请公开与{row.key}有关的政府信息",
                              submitted_on=submitted, received_on=given)
    if row.channel == "信函" and row.received is not None:
        service.mark_received("clerk", number, row.received)  # signed for
    if row.received is None:
        return number
    day = row.received
    if "correct" in row.how:
        service.request_correction("clerk", number, _days(day, 1), what="请写明所需信息的名称或文号")
        if row.result == "other.no_correction":
            service.close_without_reply("clerk", number, row.result, row.closed)
            return number
        service.correction_received("clerk", number, _days(day, 6))
    if "consult" in row.how or "consult_open" in row.how:
        service.consult_start("clerk", number, _days(day, 7), third_party="某某科技有限公司")
        if "consult_open" in row.how:
            return number
        service.consult_end("clerk", number, _days(day, 10))
    if "extend" in row.how:
        service.extend("clerk", number, _days(day, 11), approver="周某（信息公开办主任）")
    if row.closed is None:
        return number
    if row.result.startswith("other."):
        service.close_without_reply("clerk", number, row.result, row.closed, note="申请人撤回申请")
        return number
    for name in row.docs:
        service.link("clerk", number, docs[name], _days(row.closed, -3))
    proposal = service.propose("clerk", number, _days(row.closed, -3))
    if row.result in CHOSEN:
        service.draft("bangong", number, _days(row.closed, -2), result=row.result, reason="经核查，依法作出上述处理。")
    else:
        assert proposal.result == row.result, (row.key, proposal.result, proposal.flags)  # reached from the labels
        service.draft("bangong", number, _days(row.closed, -2))
    service.approve(LEADER, number, _days(row.closed, -1))
    service.approve(PRINCIPAL, number, _days(row.closed, -1))
    assert service.reply("clerk", number, row.closed) == row.result
    return number


def run_year(store: Store) -> dict[str, str]:
    service = RequestService(store)
    docs = seed_documents(store)
    in_order = sorted(YEAR_ROWS, key=lambda r: r.submitted or r.received)  # numbers are given as they arrive
    numbers = {row.key: handle(service, row, docs) for row in in_order}
    for key, kind, filed, result, concluded in CASES:
        if concluded is not None and concluded.year > YEAR:  # filed, then concluded next year
            case = service.record_review("clerk", numbers[key], kind=kind, filed_on=filed)
            service.conclude_review("clerk", case, result=result, concluded_on=concluded)
        else:
            service.record_review("clerk", numbers[key], kind=kind, filed_on=filed, result=result,
                                  concluded_on=concluded)
    return numbers


# --- reading the HTML back (lxml; independent of gongkai.report.parse) ------------------------------

def _cells(tr) -> list[str]:
    return [" ".join(c.text_content().split()) for c in tr if c.tag in ("td", "th")]


def _table_with(tree, text: str):
    found = [t for t in tree.iter("table") if text in t.text_content()]
    assert len(found) == 1, text
    return found[0]


def read_html(path: Path) -> tuple[dict[tuple[str, str], int], dict[tuple[str, str], int]]:
    from lxml import html

    tree = html.fromstring(path.read_bytes())
    part3: dict[tuple[str, str], int] = {}
    table = _table_with(tree, "本年新收")
    rows = [_cells(tr) for tr in table.iter("tr")]
    # the header: 自然人, 法人或其他组织 (商业企业 … 其他), 总计
    assert rows[1] == ["自然人", "法人或其他组织", "总计"] and rows[2] == list(APPLICANTS[1:])
    for cells in rows[3:]:
        values, labels = cells[-7:], cells[:-7]
        assert all(v.isdigit() for v in values), cells
        name = labels[-2] if labels[-1] == "小计" else labels[-1]  # a group's own line: its name, then 小计
        assert all((name, c) not in part3 for c in APPLICANTS), name
        part3.update({(name, c): int(v) for c, v in zip((*APPLICANTS, "总计"), values)})
    part4: dict[tuple[str, str], int] = {}
    rows = [_cells(tr) for tr in _table_with(tree, "复议后起诉").iter("tr")]
    assert rows[0] == ["行政复议", "行政诉讼"] and rows[1] == ["未经复议直接起诉", "复议后起诉"]
    assert rows[2] == ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 3 and len(rows) == 4
    for i, value in enumerate(rows[3]):
        part4[(FUYI, ZHIJIE, FUYIHOU)[i // 5], rows[2][i]] = int(value)
    return part3, part4


def test_a_year_through_the_service_gives_the_intended_report(store_url, tmp_path, monkeypatch, capsys):
    from gongkai.commands.main import main

    key_file = tmp_path / "audit.key"
    store = Store(store_url, audit_key_file=key_file)
    try:
        numbers = run_year(store)
        service = RequestService(store)
        # 补正 restarts the period: d9 received Tue 24 Feb was due Mon 23 Mar (28 Feb a working Saturday);
        # corrected Mon 2 Mar, it was due 30 Mar — the due date counted from the correction, not the receipt
        shown = service.show(numbers["d9"])
        assert shown["counted_from"] == D(2026, 3, 2)
        corrected = [e for e in shown["events"] if e["kind"] == "corrected"][0]
        received = [e for e in shown["events"] if e["kind"] == "received"][0]
        assert (received["details"]["due_date"], corrected["details"]["due_date"]) == ("2026-03-23", "2026-03-30")
        assert service.show(numbers["c4"])["extended"] and service.show(numbers["c5"])["status"] == "consulting"
        assert service.show(numbers["z2"])["status"] == "pending_receipt"
    finally:
        store.dispose()
        close_all()

    monkeypatch.setenv("GONGKAI_DATABASE_URL", store_url)
    monkeypatch.setenv("GONGKAI_AUDIT_KEY_FILE", str(key_file))
    monkeypatch.setenv("GONGKAI_DATA_DIR", str(tmp_path / "var"))
    out = tmp_path / "out"
    try:
        assert main(["report", "annual", "--year", str(YEAR), "--organ", "青川市测试局", "--out", str(out)]) == 0
        html_file, docx_file = next(out.glob("*.html")), next(out.glob("*.docx"))
        part3, part4 = read_html(html_file)
        expected3, expected4 = intended_part3(), intended_part4()
        assert len(part3) == len(expected3) == 29 * 7
        assert {cell: (part3.get(cell), n) for cell, n in expected3.items() if part3.get(cell) != n} == {}
        assert part4 == expected4
        capsys.readouterr()
        assert main(["report", "check", str(docx_file)]) == 0
        assert main(["report", "check", str(html_file)]) == 0
    finally:
        close_all()
