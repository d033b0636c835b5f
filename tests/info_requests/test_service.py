"""A request's whole life through RequestService, on SQLite and PostgreSQL. Expected dates are counted by
hand (see test_deadlines.py for the method); the comments show the count."""
from __future__ import annotations

from datetime import date

import pytest

from gongkai.errors import GongkaiError
from gongkai.info_requests.records import records_for_year
from gongkai.info_requests.service import RequestService
from gongkai.info_requests.vocab import RequestRecord, ReviewCase
from gongkai.review.users import Actor, add_user
from gongkai.store import repository as repo
from tests.info_requests.builders import add_document, pii_at

D = date
OFFICE = Actor("bangong", "office", "内部")
LEADER = Actor("fenguan", "leader_in_charge", "机密")
PRINCIPAL = Actor("zhuyao", "principal_leader", "绝密")


def _register(service, submitted, channel="当面", received=None, content="2025年部门预算", **kw) -> str:
    return service.register("clerk", applicant_type=kw.pop("applicant_type", "自然人"), applicant_name="李某某",
                            applicant_contact="139****0000", channel=channel, content=content,
                            submitted_on=submitted, received_on=received, **kw)


def test_a_request_from_registration_to_review_case(store):
    from gongkai.review.audit import verify

    with store.session() as s:
        for actor in (OFFICE, LEADER, PRINCIPAL):
            add_user(s, actor.name, "not a real password 1", actor.role, actor.clearance)
    text = "关于核发营业执照的公告\n经营者联系电话13912345678。\n"
    released = add_document(store, title="关于核发营业执照的公告", text=text, pii=[pii_at(text, "13912345678")])
    withheld = add_document(store, title="审批讨论记录", disclosure="不予公开", codes=("process_info",))
    service = RequestService(store)

    number = _register(service, D(2026, 3, 2), channel="信函", content="某公司营业执照核发情况")
    assert number == "2026-0001" and service.show(number)["due_date"] is None  # not yet signed for
    with pytest.raises(GongkaiError):
        service.request_correction("clerk", number, D(2026, 3, 3), what="请写明公司名称")  # not received yet
    assert service.mark_received("clerk", number, D(2026, 3, 2)) == D(2026, 3, 30)  # Mon 2 Mar + 20

    # 补正 on day 3, corrected on Mon 16 Mar: the period starts again → Tue 14 Apr (6 Apr 清明 off)
    assert service.request_correction("clerk", number, D(2026, 3, 5), what="请写明公司名称") == D(2026, 3, 26)
    assert service.show(number)["due_date"] is None
    assert service.correction_received("clerk", number, D(2026, 3, 16)) == D(2026, 4, 14)

    # Third party consulted Wed 18 → Wed 25 Mar: 19, 20, 23, 24, 25 = 5 days not counted → 15, 16, 17, 20, 21 Apr
    service.consult_start("clerk", number, D(2026, 3, 18), third_party="某某科技有限公司")
    assert service.consult_end("clerk", number, D(2026, 3, 25)) == D(2026, 4, 21)
    # Extended once by 20 with an approver: 22–24 Apr (3), 27–30 Apr (7), 1–5 May off, 6–8 May (10),
    # Sat 9 May (11), 11–15 (16), 18–21 May (20)
    with pytest.raises(GongkaiError):
        service.extend("clerk", number, D(2026, 4, 10), approver="")
    assert service.extend("clerk", number, D(2026, 4, 10), approver="周某（信息公开办主任）") == D(2026, 5, 21)
    with pytest.raises(GongkaiError):
        service.extend("clerk", number, D(2026, 4, 11), approver="周某（信息公开办主任）")

    service.link("clerk", number, released, D(2026, 4, 13))
    service.link("clerk", number, withheld, D(2026, 4, 13))
    assert service.propose("clerk", number, D(2026, 4, 13)).result == "partial"
    draft = service.draft(OFFICE.name, number, D(2026, 4, 14))
    assert "13912345678" not in draft and "审批讨论记录" in draft
    with pytest.raises(GongkaiError) as err:  # the principal leader signs after the leader in charge, not before
        service.approve(PRINCIPAL, number, D(2026, 4, 15))
    assert err.value.code == "forbidden"
    with pytest.raises(GongkaiError):
        service.reply("clerk", number, D(2026, 4, 15))  # not signed
    assert service.approve(LEADER, number, D(2026, 4, 15)) == "主要领导"
    assert service.approve(PRINCIPAL, number, D(2026, 4, 16)) == "done"
    assert service.reply("clerk", number, D(2026, 4, 17)) == "partial"
    with pytest.raises(GongkaiError):
        service.link("clerk", number, released, D(2026, 4, 18))  # closed

    case = service.record_review("clerk", number, kind="行政复议", filed_on=D(2026, 5, 20))
    service.conclude_review("clerk", case, result="结果维持", concluded_on=D(2026, 7, 1))

    info = service.show(number)
    assert (info["status"], info["result"], info["closed_on"]) == ("replied", "partial", D(2026, 4, 17))
    kinds = [e["kind"] for e in info["events"]]
    assert kinds == ["register", "received", "correction_requested", "corrected", "consult_started",
                     "consult_ended", "extended", "linked", "linked", "proposed", "drafted", "approved", "approved",
                     "replied", "review_filed", "review_concluded"]
    with store.session() as s:
        events = [e for e in repo.audit_events(s) if e.action.startswith("request.")]
        assert [e.action.removeprefix("request.") for e in events] == kinds
        assert all(e.document_id is None and e.after["request"] == number for e in events)
        assert [e.actor for e in events if e.action == "request.approved"] == ["fenguan", "zhuyao"]
        report = verify(s)
        assert report.ok, report.problems
        assert records_for_year(s, 2026) == [RequestRecord(
            id=records_for_year(s, 2026)[0].id, applicant_type="自然人", received_on=D(2026, 3, 2),
            closed_on=D(2026, 4, 17), result="partial",
            reviews=(ReviewCase("行政复议", D(2026, 5, 20), "结果维持", D(2026, 7, 1)),))]


def test_an_altered_request_event_breaks_the_chain(store):
    from gongkai.store.models import AuditEvent

    service = RequestService(store)
    number = _register(service, D(2026, 3, 2))
    service.extend("clerk", number, D(2026, 3, 3), approver="周某")
    with store.session() as s:
        event = s.query(AuditEvent).filter(AuditEvent.action == "request.extended").one()
        event.after = {**event.after, "extension_days": 40}
    with store.session() as s:
        assert repo.verify_audit_chain(s)


def test_correction_rules(store):
    service = RequestService(store)
    number = _register(service, D(2026, 3, 2))
    with pytest.raises(GongkaiError) as err:  # 7 working days after Mon 2 Mar is Wed 11 Mar
        service.request_correction("clerk", number, D(2026, 3, 12), what="请写明文件名称")
    assert "3月" in err.value.detail or "2026-03-11" in err.value.detail
    # the applicant gets 15 working days (rules/requests.yaml): 12–13 Mar (2), 16–20 (7), 23–27 (12), 30–31 (14), 1 Apr
    assert service.request_correction("clerk", number, D(2026, 3, 11), what="请写明文件名称") == D(2026, 4, 1)
    with pytest.raises(GongkaiError):  # the applicant still has until 1 Apr
        service.close_without_reply("clerk", number, "other.no_correction", D(2026, 4, 1))
    service.close_without_reply("clerk", number, "other.no_correction", D(2026, 4, 2))
    info = service.show(number)
    assert (info["status"], info["result"], info["closed_on"]) == ("closed", "other.no_correction", D(2026, 4, 2))


def test_correction_only_once(store):
    service = RequestService(store)
    number = _register(service, D(2026, 3, 2))
    service.request_correction("clerk", number, D(2026, 3, 3), what="请写明文件名称")
    service.correction_received("clerk", number, D(2026, 3, 4))
    with pytest.raises(GongkaiError):
        service.request_correction("clerk", number, D(2026, 3, 5), what="请再写明年份")


def test_consultation_beyond_fifteen_working_days_counts_only_fifteen(store):
    service = RequestService(store)
    number = _register(service, D(2026, 3, 2))  # due Mon 30 Mar
    service.consult_start("clerk", number, D(2026, 3, 10))
    # 10 Mar → 14 Apr took 24 working days; 15 are not counted: 31 Mar, 1–3 Apr, 7–10 Apr, 13–17 Apr, 20–21 Apr
    assert service.consult_end("clerk", number, D(2026, 4, 14)) == D(2026, 4, 21)
    assert service.show(number)["paused_days"] == 15


def test_numbers_restart_each_year_and_queue_order(store):
    service = RequestService(store)
    r1 = _register(service, D(2026, 3, 2))            # due Mon 30 Mar: on time on 10 Mar
    r2 = _register(service, D(2026, 2, 6))            # due Thu 12 Mar: 2 working days left → nearly due
    r3 = _register(service, D(2026, 2, 2))            # due Fri 6 Mar: overdue
    r4 = _register(service, D(2026, 3, 3), channel="信函")  # not yet signed for: no due date
    r5 = _register(service, D(2026, 2, 27))           # due Thu 26 Mar: on time, before r1
    assert [r1, r2, r3, r4, r5] == [f"2026-000{i}" for i in range(1, 6)]
    rows = service.queue(D(2026, 3, 10))
    assert [r.number for r in rows] == [r3, r2, r5, r1, r4]
    assert [r.state for r in rows] == ["overdue", "nearly_due", "on_time", "on_time", None]
    assert [r.due_date for r in rows[:4]] == [D(2026, 3, 6), D(2026, 3, 12), D(2026, 3, 26), D(2026, 3, 30)]
    assert rows[0].days_left == -2 and rows[1].days_left == 2  # overdue since 9, 10 Mar
    service.close_without_reply("clerk", r3, "other.other", D(2026, 3, 10), note="申请人撤回申请")
    assert r3 not in [r.number for r in service.queue(D(2026, 3, 10))]


def test_records_for_year_counts_received_and_carried_over(store):
    service = RequestService(store)
    old_open = _register(service, D(2025, 12, 22))           # received 2025, open into 2026: carried over
    old_closed = _register(service, D(2025, 11, 3))          # received and closed in 2025
    service.close_without_reply("clerk", old_closed, "other.no_fee", D(2025, 11, 20))
    new = _register(service, D(2026, 1, 5), applicant_type="法律服务机构")
    _register(service, D(2026, 1, 6), channel="网络")          # never confirmed: no receipt day, not counted
    assert old_open.startswith("2025-") and new == "2026-0001"
    with store.session() as s:
        records = {r.received_on: r for r in records_for_year(s, 2026)}
        assert set(records) == {D(2025, 12, 22), D(2026, 1, 5)}
        assert records[D(2026, 1, 5)].applicant_type == "法律服务机构" and records[D(2026, 1, 5)].closed_on is None
        assert {r.received_on for r in records_for_year(s, 2025)} == {D(2025, 12, 22), D(2025, 11, 3)}


def test_a_stale_version_is_a_conflict(store):
    service = RequestService(store)
    number = _register(service, D(2026, 3, 2))
    version = service.show(number)["version"]
    service.consult_start("clerk", number, D(2026, 3, 3), version=version)
    with pytest.raises(GongkaiError) as err:
        service.extend("clerk2", number, D(2026, 3, 3), approver="周某", version=version)
    assert err.value.code == "request_conflict"


def test_the_migration_creates_the_mapped_tables(store):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from gongkai.store.models import Base

    mine = {"info_requests", "info_request_events", "info_request_documents", "info_review_cases"}
    with store.engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn), Base.metadata)

    def table_of(diff):
        item = diff[0] if isinstance(diff, list) else diff
        for part in item[1:]:
            name = getattr(part, "name", None) if not isinstance(part, str) else None
            table = getattr(part, "table", None)
            if table is not None and getattr(table, "name", None):
                return table.name
            if name in mine:
                return name
            if isinstance(part, str) and part in mine:
                return part
        return None

    assert [d for d in diffs if table_of(d) in mine] == []


def test_a_request_running_into_an_unknown_year_is_recorded_without_a_guessed_due_date(store, tmp_path):
    from gongkai.review.calendar import load_calendar

    service = RequestService(store)  # rules/holidays.yaml: no 2027, and chinesecalendar stops at 2026
    late = _register(service, D(2026, 12, 14))
    early = _register(service, D(2026, 3, 2))
    info = service.show(late)
    assert info["received_on"] == D(2026, 12, 14) and info["due_date"] is None
    assert "2027" in info["events"][1]["details"]["due_date_unknown"]
    rows = service.queue(D(2026, 12, 15))
    assert [(r.number, r.state) for r in rows] == [(early, "overdue"), (late, "calendar_unknown")]

    # Once the year is known, the next recount gives the date (counted by hand in test_deadlines.py).
    path = tmp_path / "holidays.yaml"
    path.write_text("version: 1\nyears:\n  2027:\n    holidays: [2027-01-01]\n    workdays: [2027-01-09]\n",
                    encoding="utf-8")
    known = RequestService(store, calendar=load_calendar(path))
    row = next(r for r in known.queue(D(2026, 12, 15)) if r.number == late)
    assert (row.due_date, row.state) == (D(2027, 1, 11), "on_time")
    assert known.extend("clerk", late, D(2026, 12, 15), approver="周某", days=1) == D(2027, 1, 12)
