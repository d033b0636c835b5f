"""A year of requests whose annual-report figures are known in advance: records are made N per cell from
the tables of intended counts below, and the expected tables are added up from the same intended counts
(not by gongkai.report). Also used by scripts/sample_annual_report.py. All data is invented."""
from __future__ import annotations

from datetime import date, timedelta
from itertools import count

from gongkai.info_requests.vocab import APPLICANT_TYPES, REPLY_RESULTS, REVIEW_KINDS, RequestRecord, ReviewCase

YEAR = 2026
# Per applicant type, in APPLICANT_TYPES order: 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他.
# Requests received in the year and closed in it, by result.
RECEIVED_AND_CLOSED: dict[str, tuple[int, ...]] = {
    "disclose": (41, 7, 2, 1, 3, 1),
    "partial": (12, 3, 0, 1, 2, 0),
    "withhold.state_secret": (1, 0, 0, 0, 0, 0),
    "withhold.law_prohibited": (0, 1, 0, 0, 0, 0),
    "withhold.security_stability": (1, 0, 0, 0, 1, 0),
    "withhold.third_party": (4, 2, 0, 0, 1, 0),
    "withhold.internal_affairs": (2, 0, 1, 0, 0, 0),
    "withhold.process_info": (3, 1, 0, 0, 0, 1),
    "withhold.enforcement_file": (2, 0, 0, 0, 2, 0),
    "withhold.administrative_query": (1, 0, 0, 0, 0, 0),
    "unable.not_held": (15, 4, 1, 0, 2, 1),
    "unable.needs_creation": (5, 1, 0, 1, 0, 0),
    "unable.unclear_after_correction": (3, 0, 0, 0, 0, 1),
    "not_handled.petition": (6, 0, 0, 0, 0, 0),
    "not_handled.repeat": (4, 1, 0, 0, 0, 0),
    "not_handled.publication": (1, 0, 1, 0, 0, 0),
    "not_handled.mass_repeat": (2, 0, 0, 0, 0, 0),
    "not_handled.confirm_or_reissue": (1, 1, 0, 0, 0, 0),
    "other.no_correction": (3, 0, 0, 0, 1, 0),
    "other.no_fee": (1, 0, 0, 0, 0, 0),
    "other.other": (2, 1, 0, 1, 0, 0),
}
# Received the year before, still open on 1 January, closed in the year.
CARRIED_IN_CLOSED: dict[str, tuple[int, ...]] = {
    "disclose": (3, 1, 0, 0, 0, 0),
    "partial": (1, 0, 0, 0, 1, 0),
    "withhold.third_party": (1, 0, 0, 0, 0, 0),
    "unable.not_held": (2, 0, 0, 1, 0, 0),
    "other.other": (0, 1, 0, 0, 0, 0),
}
CARRIED_IN_STILL_OPEN = (1, 0, 0, 0, 1, 0)  # received the year before, open on 31 December
RECEIVED_STILL_OPEN = (6, 2, 1, 0, 0, 1)  # received in the year, open on 31 December
NOT_COUNTED = {  # received and closed the year before, or received the year after: in no cell
    "closed_last_year": (5, 1, 0, 0, 0, 0),
    "received_next_year": (2, 0, 0, 0, 1, 0),
}
# 行政复议 / 行政诉讼 filed in the year: kind → (结果维持, 结果纠正, 其他结果) concluded in the year, and
# cases still open on 31 December (one with no result yet, the rest concluded only the year after).
CASES_CONCLUDED: dict[str, tuple[int, int, int]] = {
    REVIEW_KINDS[0]: (4, 2, 1),
    REVIEW_KINDS[1]: (2, 1, 1),
    REVIEW_KINDS[2]: (1, 1, 0),
}
CASES_OPEN: dict[str, int] = {REVIEW_KINDS[0]: 2, REVIEW_KINDS[1]: 1, REVIEW_KINDS[2]: 1}
CASE_RESULTS = ("结果维持", "结果纠正", "其他结果")


def make_records(year: int = YEAR) -> list[RequestRecord]:
    ids = count(1)
    records: list[RequestRecord] = []
    day = lambda y, n: date(y, 1, 1) + timedelta(days=n % 360)  # noqa: E731  spread over the year

    for result, per_type in RECEIVED_AND_CLOSED.items():
        for applicant, n in zip(APPLICANT_TYPES, per_type):
            for k in range(n):
                received = day(year, 7 * k + len(records))
                records.append(RequestRecord(next(ids), applicant, received, min(received + timedelta(days=15),
                                             date(year, 12, 31)), result))
    for result, per_type in CARRIED_IN_CLOSED.items():
        for applicant, n in zip(APPLICANT_TYPES, per_type):
            for k in range(n):
                records.append(RequestRecord(next(ids), applicant, date(year - 1, 12, 10 + k), date(year, 1, 5 + k), result))
    for applicant, n in zip(APPLICANT_TYPES, CARRIED_IN_STILL_OPEN):
        records += [RequestRecord(next(ids), applicant, date(year - 1, 11, 20)) for _ in range(n)]
    for applicant, n in zip(APPLICANT_TYPES, RECEIVED_STILL_OPEN):
        # half still open, half closed only in January of the next year: open on 31 December either way
        records += [RequestRecord(next(ids), applicant, date(year, 12, 20),
                                  *((date(year + 1, 1, 8), "disclose") if k % 2 else ())) for k in range(n)]
    for applicant, n in zip(APPLICANT_TYPES, NOT_COUNTED["closed_last_year"]):
        records += [RequestRecord(next(ids), applicant, date(year - 1, 3, 1), date(year - 1, 3, 20), "disclose")
                    for _ in range(n)]
    for applicant, n in zip(APPLICANT_TYPES, NOT_COUNTED["received_next_year"]):
        records += [RequestRecord(next(ids), applicant, date(year + 1, 1, 3)) for _ in range(n)]

    # the cases hang on requests closed in the year (a case is counted by the year it was filed in)
    cases: list[ReviewCase] = []
    for kind, per_result in CASES_CONCLUDED.items():
        for result, n in zip(CASE_RESULTS, per_result):
            cases += [ReviewCase(kind, date(year, 4, 1), result, date(year, 9, 1)) for _ in range(n)]
        opened = CASES_OPEN[kind]
        cases.append(ReviewCase(kind, date(year, 11, 1)))  # no result yet
        cases += [ReviewCase(kind, date(year, 11, 2), "结果纠正", date(year + 1, 2, 1)) for _ in range(opened - 1)]
    cases.append(ReviewCase(REVIEW_KINDS[0], date(year - 1, 6, 1), "结果维持", date(year, 2, 1)))  # filed last year
    for i, case in enumerate(cases):
        r = records[i]
        records[i] = RequestRecord(r.id, r.applicant_type, r.received_on, r.closed_on, r.result, (case,))
    return records


def _col(values: tuple[int, ...], applicant: str) -> int:
    return values[APPLICANT_TYPES.index(applicant)]


def expected_part3() -> dict[tuple[str, str], int]:
    """(row code, applicant type) → count, for the rows counted directly: 'received', 'carried_in',
    'carried_out' and every reply result code. Groups and totals are added up by the test."""
    out: dict[tuple[str, str], int] = {}
    for applicant in APPLICANT_TYPES:
        closed_in = {r: _col(RECEIVED_AND_CLOSED[r], applicant) for r in RECEIVED_AND_CLOSED}
        carried_closed = {r: _col(v, applicant) for r, v in CARRIED_IN_CLOSED.items()}
        out[("received", applicant)] = sum(closed_in.values()) + _col(RECEIVED_STILL_OPEN, applicant)
        out[("carried_in", applicant)] = sum(carried_closed.values()) + _col(CARRIED_IN_STILL_OPEN, applicant)
        out[("carried_out", applicant)] = _col(RECEIVED_STILL_OPEN, applicant) + _col(CARRIED_IN_STILL_OPEN, applicant)
        for result in REPLY_RESULTS:
            out[(result, applicant)] = closed_in.get(result, 0) + carried_closed.get(result, 0)
    return out


def expected_part4() -> dict[tuple[str, str], int]:
    """(kind, result) → count, 尚未审结 included; totals are added up by the test."""
    out = {}
    for kind, per_result in CASES_CONCLUDED.items():
        for result, n in zip(CASE_RESULTS, per_result):
            out[(kind, result)] = n
        out[(kind, "尚未审结")] = CASES_OPEN[kind]
    return out
