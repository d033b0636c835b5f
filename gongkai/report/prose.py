"""Parts 1, 5 and 6 of the annual report: the office's own text where the figures file has it, else a
draft written from the report's numbers and marked 【草稿，请审核修改】 (rules/annual_report.yaml holds the
sentences). A draft is a starting point for the office, never text to publish unread."""
from __future__ import annotations

import re

from gongkai.info_requests.vocab import REPLY_GROUPS, REVIEW_KINDS
from gongkai.report import tables as T
from gongkai.report.figures import AnnualRules, Figures

_FOLD = re.compile(r"\s+")  # YAML folds the sentences' line breaks into spaces, which Chinese text has none of


def _n(table, row, column) -> int:
    return int(table.get(row, column) or 0)


def numbers(report) -> dict[str, object]:
    p2, p3, p4 = report.part2, report.part3, report.part4
    total = T.TOTAL
    case = lambda kind, result: _n(p4, T.REVIEW_COUNTS, T.case_column(kind, result))  # noqa: E731
    return {
        "year": report.year, "organ": report.organ,
        "regulations": _n(p2, T.REGULATIONS, T.MADE), "normative": _n(p2, T.NORMATIVE, T.MADE),
        "received": _n(p3, T.RECEIVED, total), "carried_in": _n(p3, T.CARRIED_IN, total),
        "closed": _n(p3, T.RESULTS_TOTAL, total), "carried_out": _n(p3, T.CARRIED_OUT, total),
        "disclosed": _n(p3, REPLY_GROUPS["disclose"], total), "partial": _n(p3, REPLY_GROUPS["partial"], total),
        "withheld": _n(p3, REPLY_GROUPS["withhold"], total), "unable": _n(p3, REPLY_GROUPS["unable"], total),
        "not_handled": _n(p3, REPLY_GROUPS["not_handled"], total),
        "appeals": case(REVIEW_KINDS[0], total),
        "lawsuits": case(REVIEW_KINDS[1], total) + case(REVIEW_KINDS[2], total),
        "corrected": sum(case(k, "结果纠正") for k in REVIEW_KINDS),
    }


def _fee_sentence(figures: Figures, rules: AnnualRules, values: dict) -> str:
    amount = figures.processing_fees_yuan
    if amount is None:
        template = rules.fee_sentences.unknown
    elif amount == 0:
        template = rules.fee_sentences.none
    else:
        template = rules.fee_sentences.some
    return template.format(**values, amount=f"{amount:g}" if amount else "0")


def write_prose(report, figures: Figures, rules: AnnualRules) -> None:
    values = numbers(report)
    values["fee_sentence"] = _fee_sentence(figures, rules, values)
    for part in ("overview", "problems", "other"):
        given = getattr(figures.prose, part)
        if given and given.strip():
            setattr(report, part, given.strip())
            continue
        text = _FOLD.sub("", getattr(rules.drafts, part).format(**values))
        setattr(report, part, f"{rules.draft_mark}{text}")
        report.drafted.append(part)
