"""The project's vocabularies, in one place: label values, their order, reason codes and their Chinese names.

Everything else imports these; a literal label elsewhere is a bug waiting for a vocabulary change.
"""
from __future__ import annotations

from typing import Literal

Secrecy = Literal["非密", "内部", "秘密", "机密", "绝密"]
Disclosure = Literal["主动公开", "依申请公开", "不予公开"]
ReasonCode = Literal[
    "state_secret", "law_prohibited", "security_stability", "trade_secret", "personal_privacy",
    "internal_affairs", "process_info", "enforcement_file", "proactive_scope", "on_request",
]

SECRECY: tuple[str, ...] = ("非密", "内部", "秘密", "机密", "绝密")  # least restricted first
DISCLOSURE: tuple[str, ...] = ("主动公开", "依申请公开", "不予公开")  # most open first
SECRECY_ORDER = SECRECY
DISCLOSURE_ORDER = DISCLOSURE
SECRET_LEVELS: tuple[str, ...] = ("秘密", "机密", "绝密")  # state secrets (保守国家秘密法)
PUBLIC = "主动公开"
WITHHELD = "不予公开"
UNRESTRICTED = "非密"
INTERNAL = "内部"

REASON_CODES: tuple[str, ...] = (
    "state_secret", "law_prohibited", "security_stability", "trade_secret", "personal_privacy",
    "enforcement_file", "process_info", "internal_affairs", "proactive_scope", "on_request",
)  # the strongest legal ground first
REASON_NAMES: dict[str, str] = {
    "state_secret": "国家秘密",
    "law_prohibited": "法律、行政法规禁止公开",
    "security_stability": "危及国家安全、公共安全、经济安全、社会稳定",
    "trade_secret": "商业秘密",
    "personal_privacy": "个人隐私",
    "internal_affairs": "内部事务信息",
    "process_info": "过程性信息",
    "enforcement_file": "行政执法案卷",
    "proactive_scope": "主动公开范围",
    "on_request": "依申请公开",
    "model": "模型判断",
}


def stricter_disclosure(a: str, b: str) -> str:
    """The less open of two disclosure attributes."""
    return a if DISCLOSURE.index(a) >= DISCLOSURE.index(b) else b


def higher_secrecy(a: str, b: str) -> str:
    """The higher of two secrecy levels."""
    return a if SECRECY.index(a) >= SECRECY.index(b) else b
