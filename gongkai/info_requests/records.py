"""What the annual report counts from (gongkai.info_requests.vocab.RequestRecord), read from the store."""
from __future__ import annotations

from datetime import date

from sqlalchemy import exists, or_, select
from sqlalchemy.orm import Session, selectinload

from gongkai.info_requests.vocab import RequestRecord, ReviewCase
from gongkai.store.models import InfoRequest, InfoReviewCase


def records_for_year(session: Session, year: int) -> list[RequestRecord]:
    """Every request the report of `year` may count: received in the year (新收), received earlier and
    still open on 1 January (上年结转), and any with a 复议 or 诉讼 filed or concluded in the year. Requests
    not yet received (no day counts for them) are left out. The report decides which column each goes in."""
    start, end = date(year, 1, 1), date(year, 12, 31)
    case_in_year = exists().where(InfoReviewCase.request_id == InfoRequest.id, or_(
        InfoReviewCase.filed_on.between(start, end), InfoReviewCase.concluded_on.between(start, end)))
    query = (select(InfoRequest).options(selectinload(InfoRequest.cases))
             .where(InfoRequest.received_on.is_not(None), InfoRequest.received_on <= end)
             .where(or_(InfoRequest.received_on >= start,
                        or_(InfoRequest.closed_on.is_(None), InfoRequest.closed_on >= start),
                        case_in_year))
             .order_by(InfoRequest.received_on, InfoRequest.id))
    return [RequestRecord(id=req.id, applicant_type=req.applicant_type, received_on=req.received_on,
                          closed_on=req.closed_on, result=req.result,
                          reviews=tuple(ReviewCase(kind=c.kind, filed_on=c.filed_on, result=c.result,
                                                   concluded_on=c.concluded_on) for c in req.cases))
            for req in session.scalars(query)]
