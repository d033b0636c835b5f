"""The vocabularies of request handling, named as in the national annual-report template
(国务院办公厅政府信息与政务公开办公室's 2021 format), and the record the annual report counts from.

Everything that counts requests (the annual report, the assessment page) reads `RequestRecord`s, so the
store's table shape can change without touching the arithmetic."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

# Applicant types: the columns of the part-3 table, in its order.
NATURAL_PERSON = "自然人"
ORGANISATION_TYPES: tuple[str, ...] = ("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")
APPLICANT_TYPES: tuple[str, ...] = (NATURAL_PERSON, *ORGANISATION_TYPES)

# How a request arrived; 第三十一条 fixes the day it counts as received for each.
CHANNELS: tuple[str, ...] = ("当面", "信函", "网络", "传真", "其他")

# Reply results: code → the row's name in the part-3 table. Group codes are the part before the dot.
REPLY_GROUPS: dict[str, str] = {
    "disclose": "（一）予以公开",
    "partial": "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    "withhold": "（三）不予公开",
    "unable": "（四）无法提供",
    "not_handled": "（五）不予处理",
    "other": "（六）其他处理",
}
REPLY_RESULTS: dict[str, str] = {
    "disclose": "予以公开",
    "partial": "部分公开",
    "withhold.state_secret": "1.属于国家秘密",
    "withhold.law_prohibited": "2.其他法律行政法规禁止公开",
    "withhold.security_stability": "3.危及“三安全一稳定”",
    "withhold.third_party": "4.保护第三方合法权益",
    "withhold.internal_affairs": "5.属于三类内部事务信息",
    "withhold.process_info": "6.属于四类过程性信息",
    "withhold.enforcement_file": "7.属于行政执法案卷",
    "withhold.administrative_query": "8.属于行政查询事项",
    "unable.not_held": "1.本机关不掌握相关政府信息",
    "unable.needs_creation": "2.没有现成信息需要另行制作",
    "unable.unclear_after_correction": "3.补正后申请内容仍不明确",
    "not_handled.petition": "1.信访举报投诉类申请",
    "not_handled.repeat": "2.重复申请",
    "not_handled.publication": "3.要求提供公开出版物",
    "not_handled.mass_repeat": "4.无正当理由大量反复申请",
    "not_handled.confirm_or_reissue": "5.要求行政机关确认或重新出具已获取信息",
    "other.no_correction": "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "other.no_fee": "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    "other.other": "3.其他",
}

# The document reason codes (gongkai.labels.REASON_CODES) that ground a 不予公开 reply, and the part-3
# category each is counted under. Trade secrets and personal privacy are both 第三方合法权益 (第十五条).
WITHHOLD_CATEGORY_OF_REASON: dict[str, str] = {
    "state_secret": "withhold.state_secret",
    "law_prohibited": "withhold.law_prohibited",
    "security_stability": "withhold.security_stability",
    "trade_secret": "withhold.third_party",
    "personal_privacy": "withhold.third_party",
    "internal_affairs": "withhold.internal_affairs",
    "process_info": "withhold.process_info",
    "enforcement_file": "withhold.enforcement_file",
}

# 行政复议 and 行政诉讼 (part 4): the kinds of case and their results, in the table's column order.
REVIEW_KINDS: tuple[str, ...] = ("行政复议", "行政诉讼·未经复议直接起诉", "行政诉讼·复议后起诉")
REVIEW_RESULTS: tuple[str, ...] = ("结果维持", "结果纠正", "其他结果", "尚未审结")


def reply_group(result: str) -> str:
    return result.split(".", 1)[0]


@dataclass(frozen=True)
class ReviewCase:
    """One 行政复议 or 行政诉讼 about a request. `result` is None while the case is open."""

    kind: str  # one of REVIEW_KINDS
    filed_on: date
    result: str | None = None  # one of REVIEW_RESULTS minus 尚未审结
    concluded_on: date | None = None


@dataclass(frozen=True)
class RequestRecord:
    """What the annual report needs of one request: who asked, when it counted as received, and when and
    how it was closed (None while it is open)."""

    id: int
    applicant_type: str  # one of APPLICANT_TYPES
    received_on: date
    closed_on: date | None = None
    result: str | None = None  # a key of REPLY_RESULTS once closed
    reviews: tuple[ReviewCase, ...] = field(default_factory=tuple)
