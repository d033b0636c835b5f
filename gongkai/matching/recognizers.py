"""Named recognizers for personal data that one regular expression cannot say.

`RECOGNIZERS[name](text)` yields `(start, end, data)` character spans into the normalised text.
The engine adds the rule's score, context words and suppressors on top.

Person names come from jieba `posseg` (`nr` tokens). posseg is slow (~0.3 MB/s), so it only runs
on short windows around a context word (姓名, 申请人, 患者 …) or around a health/income/age term,
never over the whole text. Masked names (张某, 李某某, 王××, 张*) and officials named with their
title (局长张伟, 张伟同志) are not reported.
"""
from __future__ import annotations

import logging
import re
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator
from datetime import date

from gongkai.matching.validators import is_valid_id_card

log = logging.getLogger(__name__)

Hit = tuple[int, int, dict]

# --- jieba, loaded once, lazily, with its own tokenizer (other modules may use the global one) ---

# Our own corrections: words that jieba's dictionary tags `nr` but are not person names here.
_USER_WORDS: dict[str, str] = {
    "高新区": "ns", "开发区": "ns", "经开区": "ns", "申请人": "n", "被申请人": "n", "代理人": "n",
    "当事人": "n", "户主": "n", "经办人": "n", "联系人": "n", "被询问人": "n", "监护人": "n",
    "法定代表人": "n", "负责人": "n", "责任人": "n", "管委会": "nt", "居委会": "nt", "村委会": "nt",
    # common words of legal and administrative text that jieba's dictionary tags nr (found on the
    # published laws, see BENCHMARKS-pii.md)
    **dict.fromkeys(
        "文明 公正 康复 陈述 许可 晋升 晋级 齐备 盖章 申请书 付清 楼宇 岳父母 申请回避 申请专利 应列明 "
        "司法鉴定 宣传教育 王府井 申报 申诉 应急 宁静 安康 安宁 平安 明确 明示 高明 黎明 常规 "
        "武装 武警 文艺 文化 文物 石油 金融 金额 黄金 白银 林业 林地 江河 关爱 关怀 严明 华侨 "
        "包装 包干 包容 成才 成效 成年 方正 方针 于是 向导 尚未 庞大 魏晋 郑重 宋体 周到 周知 "
        "祝愿 祝贺 吉祥 和谐 和睦 和平 安全 安置 安居 安定 万元 付款 付费 邹城 龙头".split(), "n"),
}
_posseg = None
_posseg_lock = threading.Lock()


def _pos_tokenizer():
    global _posseg
    if _posseg is None:
        with _posseg_lock:
            if _posseg is None:
                import jieba
                import jieba.posseg

                jieba.setLogLevel(logging.WARNING)
                tokenizer = jieba.Tokenizer()
                tokenizer.tmp_dir = tempfile.gettempdir()  # dictionary cache: jieba.cache there
                pos = jieba.posseg.POSTokenizer(tokenizer)
                for word, tag in _USER_WORDS.items():
                    tokenizer.add_word(word, freq=100000, tag=tag)
                    pos.word_tag_tab[word] = tag
                _posseg = pos
    return _posseg


# --- person names --------------------------------------------------------------------------------

NAME_CONTEXT_WORDS = (
    "姓名", "联系人", "经办人", "户主", "当事人", "申请人", "被申请人", "被询问人", "询问人", "被调查人",
    "被处罚人", "患者", "学生", "监护人", "代理人", "委托人", "受托人", "举报人", "投诉人", "证人",
    "借款人", "承租人", "出租人", "业主", "家属", "配偶", "之子", "之女", "父亲", "母亲", "本人",
    "收件人", "死者", "伤者", "服刑人员", "户籍人员", "低保户", "困难户", "职工", "村民", "居民",
)
_NAME_CONTEXT_RE = re.compile("|".join(sorted(NAME_CONTEXT_WORDS, key=len, reverse=True)))

# Titles that mark an official acting in an official capacity (局长张伟, 张伟同志, 张伟副市长).
OFFICIAL_TITLES = (
    "副局长", "局长", "副主任", "主任", "副书记", "书记", "副市长", "市长", "副县长", "县长", "副区长",
    "区长", "镇长", "乡长", "副省长", "省长", "部长", "厅长", "处长", "科长", "主席", "院长", "检察长",
    "庭长", "审判员", "书记员", "委员", "秘书长", "总理", "常委", "巡视员", "调研员", "督察长", "同志",
    "主持人", "发言人", "署长", "司长", "所长", "站长", "队长", "执法人员", "执法证号",
)
_TITLE_BEFORE_RE = re.compile("(?:" + "|".join(OFFICIAL_TITLES) + r")[:：\s]{0,2}$")
_TITLE_AFTER_RE = re.compile(r"^[\s（(]{0,2}(?:" + "|".join(OFFICIAL_TITLES) + ")")

MASK_CHARS = "*＊×xX●○〇□■_"
# jieba false positives we know of, and suffixes that make a token a place or an organisation.
NOT_NAMES = frozenset({"高新区", "开发区", "申请人", "东方红", "黄金周", "高速公路", "万元", "金融"})
_PLACE_SUFFIX = tuple("区县市省镇乡村路街局厅处科委办院所站队馆校园港湾山河湖岛")

_HAN = re.compile(r"[\u4e00-\u9fff]")
# posseg flags of a token that cannot be the given name after a one-character surname
_NOT_GIVEN_NAME = frozenset({"v", "vn", "vd", "p", "c", "u", "uj", "ul", "uz", "d", "r", "m", "q", "f", "x", "y", "zg"})
_FIELD_NAME_RE = re.compile(r"姓\s*名\s*[:：]\s*([\u4e00-\u9fff]{2,4})(?=[\s,，;；。、（(|]|$)")

_BEFORE, _AFTER = 8, 14  # window around a context word, in characters
_ADJACENT_AFTER = re.compile(r"[\s:：，,、（(]{0,3}|[\s:：，,]{0,2}(?:是|为|系)")  # between context word and name
_ADJACENT_BEFORE = re.compile(r"[\s（(，,]{0,2}")  # between name and a following context word


def _is_masked_or_title(text: str, start: int, end: int) -> bool:
    after = text[end:end + 4]
    if after and (after[0] in MASK_CHARS or after[0] == "某"):
        return True
    return bool(_TITLE_BEFORE_RE.search(text[max(0, start - 5):start]) or _TITLE_AFTER_RE.search(after + text[end + 4:end + 6]))


# Common Chinese surnames (single and compound): a posseg `nr` token must start with one of them.
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
    "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
    "常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季"
    "裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄"
    "窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池"
    "查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆"
    "朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫"
    "杭况那宿鲜印逯隆茹诸战慕危玉银亢嵩展寿喜仝公"
).union({"欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "夏侯", "令狐", "端木", "澹台", "南宫", "独孤"})


# A dictionary word this frequent is a common word, whatever its tag (文明 6584, 公正 1361, 康复 1018);
# real names in jieba's dictionary stay below (李娜 438, 王建国 12).
_COMMON_WORD_FREQ = 1000


def _plausible_name(token: str) -> bool:
    return (
        2 <= len(token) <= 4
        and (_posseg is None or _posseg.tokenizer.FREQ.get(token, 0) < _COMMON_WORD_FREQ)
        and (token[0] in SURNAMES or token[:2] in SURNAMES)
        and all(_HAN.fullmatch(c) for c in token)
        and "某" not in token
        and token not in NOT_NAMES
        and not token.endswith(_PLACE_SUFFIX)
    )


def _names_in(text: str, lo: int, hi: int) -> Iterator[tuple[int, int, str]]:
    """nr tokens of text[lo:hi] that are plausible, unmasked names of private persons."""
    tokens, offset = [], lo
    for pair in _pos_tokenizer().cut(text[lo:hi], HMM=True):
        tokens.append((offset, offset + len(pair.word), pair.word, pair.flag))
        offset += len(pair.word)
    for i, (start, end, word, flag) in enumerate(tokens):
        if flag != "nr":
            continue
        if len(word) == 1 and i + 1 < len(tokens):
            # jieba splits some names into surname + a common word (李|小花): join them back
            _s, next_end, next_word, next_flag = tokens[i + 1]
            if len(next_word) <= 2 and next_flag not in _NOT_GIVEN_NAME and all(_HAN.fullmatch(c) for c in next_word):
                end, word = next_end, word + next_word
        if _plausible_name(word) and not _is_masked_or_title(text, start, end):
            yield start, end, word


def _merge(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[list[int]] = []
    for lo, hi in sorted(spans):
        if merged and lo <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], hi)
        else:
            merged.append([lo, hi])
    return [(lo, hi) for lo, hi in merged]


def person_names(text: str) -> Iterator[Hit]:
    """Names of private persons near a context word: `nr` tokens of jieba posseg, or the value of
    a 姓名： field. Without a context word nothing is reported (a bare name is too uncertain)."""
    seen: set[tuple[int, int]] = set()
    for m in _FIELD_NAME_RE.finditer(text):
        start, end = m.span(1)
        if _plausible_name(m.group(1)) and not _is_masked_or_title(text, start, end):
            seen.add((start, end))
            yield start, end, {"name": m.group(1), "source": "field"}
    contexts = [(m.start(), m.end(), m.group()) for m in _NAME_CONTEXT_RE.finditer(text)]
    windows = _merge((max(0, s - _BEFORE), min(len(text), e + _AFTER)) for s, e, _w in contexts)
    for lo, hi in windows:
        # a name counts only right next to a context word (申请人：张伟 / 张伟（户主）) or right after a
        # name that did (申请人张伟、李娜): jieba tags many common words nr (公正, 许可, 康复)
        anchors = [(s, e, w) for s, e, w in contexts if lo <= s and e <= hi]
        for start, end, name in _names_in(text, lo, hi):
            if (start, end) in seen or name in NAME_CONTEXT_WORDS:
                continue
            context = next((w for s, e, w in anchors if (e <= start and _ADJACENT_AFTER.fullmatch(text[e:start]))
                            or (end <= s and _ADJACENT_BEFORE.fullmatch(text[end:s]))), None)
            if context:
                seen.add((start, end))
                anchors.append((start, end, context))  # a list of names: each next name is adjacent
                yield start, end, {"name": name, "source": "posseg", "context": context}


# --- "a person nearby": for sensitive data that is only personal when attached to someone -------

_ID_NEARBY_RE = re.compile(r"(?<!\d)\d{17}[\dXx](?!\d)")


def _person_near(text: str, start: int, end: int, window: int) -> str | None:
    """The name (or ID number) of a private person within `window` characters, else None."""
    lo, hi = max(0, start - window), min(len(text), end + window)
    for m in _FIELD_NAME_RE.finditer(text, lo, hi):
        if _plausible_name(m.group(1)) and not _is_masked_or_title(text, *m.span(1)):
            return m.group(1)
    for m in _ID_NEARBY_RE.finditer(text, lo, hi):
        if is_valid_id_card(m.group()):
            return m.group()
    for _s, _e, data in person_names(text[lo:hi]):
        return data["name"]
    return None


def _terms_with_person(text: str, term_re: re.Pattern[str], window: int, kind: str) -> Iterator[Hit]:
    for m in term_re.finditer(text):
        person = _person_near(text, m.start(), m.end(), window)
        if person:
            yield m.start(), m.end(), {kind: m.group(), "person": person}


# --- health ------------------------------------------------------------------------------------------

_CONDITION = r"[\u4e00-\u9fffA-Za-z0-9]{0,10}?(?:病|症|癌|瘤|炎|障碍|阳性|损伤|骨折|综合征|残疾)"
_HEALTH_RE = re.compile(
    rf"(?:诊断为|确诊为?|患有|罹患|身患|查出){_CONDITION}"
    r"|(?:病历|病史|既往史|住院治疗|住院|门诊病历|体检结果|化验结果)"
    r"|(?:残疾等级|伤残等级|残疾人证|[一二三四1-4]级(?:肢体|视力|听力|言语|智力|精神)?残疾)"
    r"|(?:HIV(?:阳性|感染)?|艾滋病|精神分裂症?|精神疾病|精神障碍|抑郁症|吸毒史|怀孕|妊娠)"
)


def health_conditions(text: str) -> Iterator[Hit]:
    """Health and medical terms (诊断为…, 患有…病, 住院, 残疾等级, HIV …) with a private person
    within 30 characters. A term without a person (a law's 精神障碍患者) is not personal data."""
    yield from _terms_with_person(text, _HEALTH_RE, 30, "condition")


# --- income and property -------------------------------------------------------------------------

_AMOUNT = r"[:：为是约达共计\s]{0,4}(?:人民币)?\d[\d,，.]*\s*(?:万?元|平方米|㎡|套|辆|亩)"
_INCOME_RE = re.compile(
    r"(?:家庭年收入|家庭月收入|家庭人均收入|人均月收入|月收入|年收入|工资收入|月工资|年工资|工资|薪酬|"
    rf"银行存款|存款|房产|住房面积|住房|车辆|资产|负债|欠款|债务|低保金|救助金|补助金额|赔偿金){_AMOUNT}"
)


def income_property(text: str) -> Iterator[Hit]:
    """Income, savings, property or debt with an amount, attached to a private person (30 chars)."""
    yield from _terms_with_person(text, _INCOME_RE, 30, "item")


# --- children under 14 -------------------------------------------------------------------------------

MINOR_AGE = 14
_AGE_FIELD_RE = re.compile(r"年\s*龄\s*[:：]?\s*(\d{1,2})\s*(?:周?岁)?(?!\d)")
_AGE_RE = re.compile(r"(?<![\d.])(\d{1,2})\s*周?岁(?!以[上下])")
_BIRTH_RE = re.compile(r"(?:出生日期|出生年月|生日|出生于)\s*[:：]?\s*((?:19|20)\d{2})\s*[年\-./]\s*(\d{1,2})(?:\s*[月\-./]\s*(\d{1,2}))?")
_PUPIL_RE = re.compile(r"(?:小学|幼儿园)[\u4e00-\u9fff0-9]{0,8}?(?:学生|学童|幼儿|儿童|小朋友)")


def _under_14(born: date, today: date) -> bool:
    years = today.year - born.year - ((today.month, today.day) < (born.month, born.day))
    return 0 <= years < MINOR_AGE


def minors(text: str, today: date | None = None) -> Iterator[Hit]:
    """Data about a child under 14 (PIPL Art. 28 sensitive information): an age field under 14, an
    age under 14 next to a private person, a birth date in the last 14 years, a primary-school pupil
    with a name."""
    today = today or date.today()
    spans: set[tuple[int, int]] = set()
    for m in _AGE_FIELD_RE.finditer(text):
        if int(m.group(1)) < MINOR_AGE:
            spans.add(m.span())
            yield m.start(), m.end(), {"age": int(m.group(1)), "source": "age_field"}
    for m in _AGE_RE.finditer(text):
        if int(m.group(1)) < MINOR_AGE and not any(s <= m.start() < e for s, e in spans):
            person = _person_near(text, m.start(), m.end(), 15)
            if person:
                yield m.start(), m.end(), {"age": int(m.group(1)), "person": person, "source": "age"}
    for m in _BIRTH_RE.finditer(text):
        year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3) or 1)
        try:
            born = date(year, month, day)
        except ValueError:
            continue
        if _under_14(born, today):
            yield m.start(), m.end(), {"birth": born.isoformat(), "source": "birth_date"}
    for hit in _terms_with_person(text, _PUPIL_RE, 15, "pupil"):
        yield hit[0], hit[1], {**hit[2], "source": "pupil"}


# --- home address down to the door number ---------------------------------------------------------

_DOOR_RE = re.compile(
    r"(?:路|街|巷|弄|胡同|大道|道|村|组|里|小区|花园|苑|大厦|公寓)\s*\d+(?:-\d+)?\s*号(?:院|楼)?"
    r"(?:\s*\d+\s*(?:号楼|栋|幢|座|号院))?(?:\s*\d+\s*单元)?(?:\s*\d+\s*(?:楼|层))?(?:\s*\d+\s*(?:室|号房|户))?"
    r"|\d+\s*(?:号楼|栋|幢|座)\s*\d+\s*单元(?:\s*\d+\s*(?:室|号房|户))?"
)
_ADDRESS_CHARS = re.compile(r"[\u4e00-\u9fff0-9\-]")
_ADDRESS_STOP = re.compile(r"(?:住址|家庭住址|户籍地址|户籍地|户籍所在地|居住地|现住址?|住所地?|家住|暂住|地址|地点|位于)$")
HOME_WORDS = ("住址", "家庭住址", "户籍地", "户籍所在地", "居住地", "现住", "住所", "家住", "暂住")
OFFICIAL_PLACE_WORDS = (
    "办公地址", "办公地点", "受理地点", "受理窗口", "办理地点", "服务地点", "服务窗口", "咨询地点",
    "报名地点", "会议地点", "举办地点", "单位地址", "机关地址", "通讯地址", "联系地址", "邮寄地址",
    "办公场所", "地点",
)
_ORG_WORDS = re.compile(r"局|委员会|委|政府|中心|办公室|办事处|大厅|法院|检察院|公司|银行|医院|学校|大学|协会|管委会|站|所")


def home_addresses(text: str) -> Iterator[Hit]:
    """An address ending with a door or room number (…路12号3单元401室). Addresses of agencies and
    organisations (办公地址, 受理地点, an organisation's 联系地址) are not reported."""
    for m in _DOOR_RE.finditer(text):
        start = m.start()
        # extend left over the address itself (admin units, road name), stopping at a label word
        while start > 0 and m.start() - start < 30 and _ADDRESS_CHARS.match(text[start - 1]):
            if _ADDRESS_STOP.search(text[max(0, start - 6):start]):
                break
            start -= 1
        if m.start() - start < 2:
            continue  # a bare 路12号 fragment without a road name
        before = text[max(0, start - 30):start]
        sentence = re.split(r"[。；;\n]", before)[-1]
        if not any(w in sentence[-12:] for w in HOME_WORDS):
            if any(w in sentence for w in OFFICIAL_PLACE_WORDS):
                continue
            if "地址" in sentence and _ORG_WORDS.search(sentence):
                continue
        room = bool(re.search(r"单元|室|户|栋|幢|号楼", m.group()))
        yield start, m.end(), {"address": text[start:m.end()], "room": room}


RECOGNIZERS: dict[str, Callable[[str], Iterable[Hit]]] = {
    "person_name": person_names,
    "health_condition": health_conditions,
    "income_property": income_property,
    "minor": minors,
    "home_address": home_addresses,
}
