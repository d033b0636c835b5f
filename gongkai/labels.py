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


# What the review UI shows for the codes it receives (issue 11: Chinese everywhere). An unknown code is
# shown as it is, never hidden.
PII_NAMES: dict[str, str] = {
    "id_card": "身份证号", "mobile": "手机号码", "landline": "固定电话", "bank_card": "银行卡号",
    "credit_code": "统一社会信用代码", "email": "电子邮箱", "passport": "护照号", "plate": "车牌号",
    "address": "住址", "person_name": "姓名", "health": "健康信息", "income": "收入信息", "minor": "未成年人信息",
}
ACTION_NAMES: dict[str, str] = {
    "confirm": "确认", "change": "修改", "return": "退回", "open": "待办", "done": "已办", "returned": "已退回",
    "undo": "撤销", "withdrawn": "已撤回",
}
FLAG_NAMES: dict[str, str] = {
    "weak_secret_signal": "模型提示可能涉密", "withheld_signal": "模型提示不宜公开",
    "model_overruled": "模型判断被规则否定", "unreadable": "文本无法可靠识别",
    "mark:non_statutory_level": "密级标志不规范", "mark:star_variant": "密级标志星号不规范",
    "mark:no_period": "密级标志缺保密期限", "mark:decrypt_date": "标注了解密时间",
    "mark:period_over_max": "保密期限超过法定最长期限", "mark:period_zero": "保密期限为零",
    "mark:long_term": "长期保密",
}
EVENT_NAMES: dict[str, str] = {
    "intake.processed": "入库", "intake.sealed": "入库并封存", "intake.quarantined": "入库失败，隔离",
    "intake.duplicate": "重复文件", "review.confirm": "确认", "review.change": "修改", "review.return": "退回",
    "review.undo": "撤销上一步",
    "review.sealed_opened": "查看封存原件位置", "publish.export": "发布", "web.login": "登录",
    "web.login_failed": "登录失败", "admin.login_unlock": "解除登录限制", "quarantine.retry": "隔离文件重试",
    "quarantine.discard": "丢弃隔离文件",
    "model_promoted": "启用模型版本", "retraining_loosening_confirmed": "复核放宽决定（可用于再训练）",
}
# 依申请公开 requests (gongkai.info_requests.service): each action is audited as `request.<kind>`.
EVENT_NAMES.update({
    "request.register": "登记政府信息公开申请", "request.received": "确认收到申请",
    "request.correction_requested": "告知补正", "request.corrected": "收到补正申请",
    "request.extended": "延长答复期限", "request.consult_started": "征求第三方意见",
    "request.consult_ended": "第三方意见征求结束", "request.linked": "关联文件", "request.unlinked": "取消关联文件",
    "request.proposed": "生成答复建议", "request.drafted": "拟写答复书", "request.approved": "审批答复书",
    "request.replied": "答复申请人", "request.closed": "终止办理", "request.review_filed": "登记行政复议或诉讼",
    "request.review_concluded": "行政复议或诉讼审结",
})
