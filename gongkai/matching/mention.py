"""Where a hit stands: is the document (or the line) speaking *about* secrets, privacy or exemptions, or is it
one? A rule may name the places where it stays silent (`silent_in`, docs/rule-format.md):

document kinds (decided once per document, from its title and shape):
  - `legal_text`: a law, regulation, rule or normative document — numbered articles (第一条 … 第N条) and
    self-reference (本法/本条例/本办法/本规定/本细则);
  - `annual_report`: a 政府信息公开工作年度报告, whose tables count refusals by reason;
  - `work_report`: a government, 人大 or party-congress work report as delivered (各位代表：…);
  - `publicity`: news, 普法, 以案释法, 政策解读, training and campaign reports, 科普;
  - `public_notice`: a 公示, 公告, 通告 or 公报 by its title — published on purpose, names included;
  - `consultation_notice`: a notice that publishes a draft on purpose to ask the public's opinion;
  - `penalty_publication`: a penalty or licensing decision/result against a company (its credit code, name and
    legal representative are public), never one against a person;
places (decided per hit):
  - `table_row`: a line of a statistics table (cells separated by | or tabs, or a label followed by numbers);
  - `legal_sentence`: a sentence in legal language (本法/本条例, 任何单位和个人, 依照……规定, ……的，依法/由/处);
  - `organ_line`: a line that speaks of no person (no 申请人、户主、姓名、家庭 … on the line or in its table's
    header): in a government document a landline or an e-mail there is an organ's;
  - `contact_line`: an organ's contact line (咨询电话、监督电话、联系电话、办公地址、邮箱、传真 …).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

MentionPlace = Literal[
    "legal_text", "annual_report", "work_report", "publicity", "public_notice", "consultation_notice", "penalty_publication",
    "table_row", "legal_sentence", "contact_line", "organ_line",
]
DOCUMENT_KINDS = ("legal_text", "annual_report", "work_report", "publicity", "public_notice", "consultation_notice", "penalty_publication")

_ARTICLE = re.compile(r"第([一二三四五六七八九十百零〇两\d]+)条")
_SELF_REFERENCE = re.compile(r"本(?:实施)?(?:法|条例|办法|规定|细则|规则|决定|准则|解释|章程)")
_LEGAL_TITLE = re.compile(r"最高人民(?:法院|检察院)|(?:法|条例|解释)[ \t\u3000]*(?:[（(][^（）()\n]{0,30}[)）])?[ \t\u3000]*$")
_ANNUAL_REPORT = re.compile(r"信息公开(?:工作)?(?:年度)?(?:报告|年报)")
_WORK_REPORT = re.compile(r"各位代表[：:，,]|同志们[：:]|政府工作报告|常务委员会工作报告|代表大会上的报告")
_PUBLICITY_TITLE = re.compile(
    r"新闻|普法|以案释法|典型案例|问答|政策解读|解读|科普|宣传|知识竞赛|答记者问|培训班|警示教育|开放日|进社区|进校园|进企业")
_PLAN_TITLE = re.compile(r"方案|部署|计划|预案|台账|名单|名册|报告|请示|纪要|清单|情况")  # work documents, not publicity
_PUBLICITY_BODY = re.compile(r"(?:本报|本网|记者|通讯员)[^\n。]{0,12}(?:讯|报道)|^[ \t\u3000]*[（(]?[^\n]{0,12}讯[)）]?[ \t\u3000]")
_PUBLIC_NOTICE = re.compile(r"(?:公示|公告|通告|公报)[ \t\u3000]*(?:[（(][^（）()\n]{0,20}[)）])?[ \t\u3000]*$")
_CONSULTATION = re.compile(r"公开征求(?:社会各界|社会公众|公众)?意见|征求(?:社会公众|公众|社会各界)意见|向社会(?:公开)?征求意见")
_CONSULT_FEEDBACK = re.compile(r"意见(?:反馈|建议)?(?:截止|期限)|反馈意见|邮箱|来信|传真|电子邮件")
_PENALTY = re.compile(r"行政处罚决定书|行政处罚(?:决定|信息|结果)(?:公示|公开)|行政许可(?:决定|结果)|双公示|准予行政许可")
_COMPANY_PARTY = re.compile(r"统一社会信用代码|法定代表人|负责人[：:]|经营者[：:]")
_PERSON_PARTY = re.compile(r"身份证|公民身份号码|出生日期|性别[：:]")
_TABLE_ROW = re.compile(r"\||\t|(?:\d[\d.,，%]*[ \t\u3000]+){2,}|[\u4e00-\u9fff）)][ \t\u3000]*\d+[ \t\u3000]*$")
_LEGAL_WORDS = re.compile(r"本(?:法|条例|办法|规定|细则|规则)|任何(?:单位|组织|机关)(?:和|或者)个人|法律责任|所称|依照[^。；\n]{0,20}(?:规定|法)|"
                          r"(?:属于|涉及)国家秘密的|的，(?:依法|由|处|给予|不予|应当|可以)|应当依法|应当按照|《[^》\n]{2,40}》(?:规定|第)")
# An organ's contact line: a public-service label before the number, or a general label on a line that names an
# organ. Never when the clause speaks of a person (申请人、户主、本人 …).
_ORGAN_CONTACT = re.compile(r"咨询电话|监督电话|投诉电话|举报电话|服务电话|办公电话|值班电话|热线|传真|办公地址|受理(?:地点|窗口|地址)|"
                            r"邮政编码|邮编|办公时间|网址|政务服务|服务窗口|(?:投诉|咨询|举报|监督|受理)(?:邮箱|信箱)")
_GENERAL_CONTACT = re.compile(r"联系电话|电话|联系地址|通讯地址|地址|邮箱|电子邮件|联系人")
_ORGAN = re.compile(r"政府|委员会|局|中心|办公室|窗口|大厅|派出所|公司|银行|学校|医院|街道办|居委会|村委会|管委会|热线|平台|"
                    r"营业厅|服务台|指挥部|代理机构|招标人|采购人|法院|检察院")
# an organ's name ending right before the number: 市住建局0581-…, 向综合执法局举报（0596-…）, 信访办 | 0716-…
_ORGAN_END = re.compile(r"(?:局|委|办|厅|院|所|站|队|科|处|部|组|中心|窗口|大厅|热线|平台|营业厅|公司)"
                        r"(?:举报|咨询|投诉|反映|联系|电话|值班)?[ \t\u3000：:（(|，,]*$")
_PERSONAL = re.compile(r"申请人|户主|家庭|本人|个人|住址|住所|家住|身份证|姓名|患者|当事人|被申请人|举报人|投诉人|住户|租户|监护人|"
                       r"代理人|委托人|被告|原告|嫌疑人|手机|住(?!建|房|宅区)|户籍|业主|老人|出生")


@dataclass
class MentionContext:
    """The document kinds a text belongs to; per-position checks are methods."""

    text: str
    kinds: frozenset = field(default_factory=frozenset)

    def line_at(self, pos: int) -> str:
        start = self.text.rfind("\n", 0, pos) + 1
        end = self.text.find("\n", pos)
        return self.text[start: end if end >= 0 else len(self.text)]

    def sentence_at(self, pos: int) -> str:
        start = max(self.text.rfind(ch, 0, pos) for ch in "。；;！？\n") + 1
        ends = [e for e in (self.text.find(ch, pos) for ch in "。；;！？\n") if e >= 0]
        return self.text[start: min(ends) if ends else len(self.text)]

    def table_header_at(self, pos: int) -> str | None:
        """The first line of the table (a run of lines with |) that holds `pos`, or None outside a table."""
        start = self.text.rfind("\n", 0, pos) + 1
        if "|" not in self.line_at(pos):
            return None
        while start > 0:
            prev_start = self.text.rfind("\n", 0, start - 1) + 1
            if "|" not in self.text[prev_start:start]:
                break
            start = prev_start
        return self.line_at(start)

    def clause_before(self, pos: int) -> str:
        """From the last clause break (，；。 or a new line) before `pos` up to `pos`."""
        start = max(self.text.rfind(ch, 0, pos) for ch in "，,；;。\n") + 1
        return self.text[start:pos]

    def holds(self, place: str, pos: int) -> bool:
        if place in DOCUMENT_KINDS:
            return place in self.kinds
        if place == "table_row":
            return bool(_TABLE_ROW.search(self.line_at(pos)))
        if place == "legal_sentence":
            return bool(_LEGAL_WORDS.search(self.sentence_at(pos)))
        if place == "organ_line":
            line = self.line_at(pos)
            if _PERSONAL.search(line) or "姓名" in line:
                return False
            header = self.table_header_at(pos)
            return not (header and (_PERSONAL.search(header) or "姓名" in header))
        if place == "contact_line":
            line_before = self.text[self.text.rfind("\n", 0, pos) + 1: pos]
            if _PERSONAL.search(line_before[-40:]):
                return False
            clause = self.clause_before(pos)
            if _ORGAN_CONTACT.search(clause) or _ORGAN_END.search(line_before[-30:]):
                return True
            return bool(_GENERAL_CONTACT.search(clause) and _ORGAN.search(self.line_at(pos)[:40]))
        raise ValueError(f"unknown mention place {place!r}")


def mention_context(text: str, title: str | None = None) -> MentionContext:
    lines = [ln.strip("#* \t\u3000") for ln in text[:400].split("\n") if ln.strip()][:4]
    head = "\n".join(([title] if title else []) + lines)
    kinds = set()
    articles = len(set(_ARTICLE.findall(text)))
    if (articles >= 3 and _SELF_REFERENCE.search(text)) or articles >= 8 or _LEGAL_TITLE.search(title or lines[0] if lines else ""):
        kinds.add("legal_text")
    if _ANNUAL_REPORT.search(head) or (_ANNUAL_REPORT.search(text[:600]) and "年度" in text[:600]):
        kinds.add("annual_report")
    if _WORK_REPORT.search(head) or _WORK_REPORT.search(text[:600]):
        kinds.add("work_report")
    first = (title or (lines[0] if lines else ""))
    if (_PUBLICITY_TITLE.search(first) and not _PLAN_TITLE.search(first)) or _PUBLICITY_BODY.search(text[:400]):
        kinds.add("publicity")
    if any(_PUBLIC_NOTICE.search(x) for x in ([title] if title else []) + lines[:3]):
        kinds.add("public_notice")
    if _CONSULTATION.search(text[:800]) and _CONSULT_FEEDBACK.search(text):
        kinds.add("consultation_notice")
    if (_PENALTY.search(head) or _PENALTY.search(text[:400])) and _COMPANY_PARTY.search(text) \
            and not _PERSON_PARTY.search(text):
        kinds.add("penalty_publication")  # against a company: its code, name and legal representative are public
    return MentionContext(text, frozenset(kinds))
