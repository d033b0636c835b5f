"""Named recognizers for personal data that one regular expression cannot say.

`RECOGNIZERS[name](text)` yields `(start, end, data)` character spans into the normalised text.
The engine adds the rule's score, context words and suppressors on top.

Person names are words that jieba's dictionary tags `nr` (the tags `posseg` uses) or new words of
jieba's HMM that look like a name. Segmentation runs only on short windows right around a context
word (姓名, 申请人, 患者 …), never over the whole text; health, income and age terms count only
with such a name (or an ID number) nearby. Masked names (张某, 李某某, 王××, 张*) and officials
named with their title (局长张伟, 张伟同志) are not reported. Names in a roster's rows (花名册), which carry
no context word, come from the row layout (`roster_names`, gongkai/matching/roster.py).
"""
from __future__ import annotations

import logging
import re
import tempfile
import threading
import warnings
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from functools import lru_cache
from itertools import accumulate

from gongkai.matching.roster import name_cells, officials_rows
from gongkai.matching.validators import is_valid_id_card

log = logging.getLogger(__name__)

Hit = tuple[int, int, dict]

# --- jieba, loaded once, lazily, with its own tokenizer (other modules may use the global one) ---

# Our own corrections: words that jieba's dictionary tags `nr` but are not person names here.
_USER_WORDS: dict[str, str] = {
    "高新区": "ns", "开发区": "ns", "经开区": "ns", "申请人": "n", "被申请人": "n", "代理人": "n",
    "当事人": "n", "户主": "n", "经办人": "n", "联系人": "n", "被询问人": "n", "监护人": "n",
    "法定代表人": "n", "负责人": "n", "责任人": "n", "管委会": "nt", "居委会": "nt", "村委会": "nt",
    # Ordinary words that jieba's dictionary tags nr. The first two lines are the false names found
    # on the published laws and work reports (BENCHMARKS.md); the rest are words of the same
    # kind (a surname character + a common word) likely in administrative text.
    **dict.fromkeys("""
        文明 公正 康复 陈述 许可 许可证 晋升 晋级 齐备 盖章 申请书 付清 楼宇 岳父母 申请回避 申请专利
        应列明 司法鉴定 宣传教育 王府井 查明 常见病 卫生保健 师范生 顾全
        申报 申诉 应急 宁静 安康 安宁 平安 明确 明示 高明 黎明 常规 武装 武警 文艺 文化 文物 石油
        金融 金额 黄金 白银 林业 林地 江河 关爱 关怀 严明 华侨 包装 包干 包容 成才 成效 成年 方正
        方针 于是 向导 尚未 庞大 魏晋 郑重 宋体 周到 周知 祝愿 祝贺 吉祥 和谐 和睦 和平 安全 安置
        安居 安定 万元 付款 付费 龙头 严格 严重 程序 程度 焦点 史料 石化 钱款 罗列 江湖 毛病 苗头
        项目 路线 原则 原因 计划 余额
        """.split(), "n"),
}
_posseg = None
_posseg_lock = threading.Lock()


def _pos_tokenizer():
    global _posseg
    if _posseg is None:
        with _posseg_lock:
            if _posseg is None:
                with warnings.catch_warnings():  # jieba's own sources have invalid escape sequences
                    warnings.simplefilter("ignore", DeprecationWarning)
                    warnings.simplefilter("ignore", SyntaxWarning)
                    import jieba
                    import jieba.posseg

                jieba.setLogLevel(logging.WARNING)
                tokenizer = jieba.Tokenizer()
                tokenizer.tmp_dir = tempfile.gettempdir()  # dictionary cache: jieba.cache there
                pos = jieba.posseg.POSTokenizer(tokenizer)
                tokenizer.check_initialized()
                for word, tag in _USER_WORDS.items():
                    if not tokenizer.FREQ.get(word):  # a new word: make sure it is cut as one
                        tokenizer.add_word(word, freq=100000, tag=tag)
                    pos.word_tag_tab[word] = tag  # a known word: only its tag changes
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

_BEFORE, _AFTER = 6, 12  # window around a context word, in characters
_ADJACENT_AFTER = re.compile(r"[\s:：（(]{0,3}|[\s:：]{0,2}(?:是|为|系)")  # between context word and name
_ADJACENT_NAMES = re.compile(r"[\s、，,和及]{1,2}")  # between two names of a list (申请人张伟、李娜)
_ADJACENT_BEFORE = re.compile(r"[\s（(，,]{0,2}")  # between name and a following context word


def _is_masked_or_title(text: str, start: int, end: int) -> bool:
    after = text[end:end + 4]
    if after and (after[0] in MASK_CHARS or after[0] == "某"):
        return True
    return bool(_TITLE_BEFORE_RE.search(text[max(0, start - 5):start]) or _TITLE_AFTER_RE.search(text[end:end + 6]))


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
_FUNCTION_CHARS = frozenset("为由的是在和与及或对向从被把将等了着过但而")


def _plausible_name(token: str) -> bool:
    return (
        2 <= len(token) <= 4
        and _pos_tokenizer().tokenizer.FREQ.get(token, 0) < _COMMON_WORD_FREQ
        and (token[0] in SURNAMES or token[:2] in SURNAMES)
        and all(_HAN.fullmatch(c) for c in token)
        and "某" not in token
        and not (len(token) == 2 and token[1] in _FUNCTION_CHARS)  # HMM glue: 费为, 费由
        and token not in NOT_NAMES
        # a common word + one character (安置费, which jieba's dictionary even tags nr)
        and not (len(token) == 3 and token[:2] not in SURNAMES and _common_non_name(token[:2]))
        and not token.endswith(_PLACE_SUFFIX)
    )


def _tokens(text: str, windows: list[tuple[int, int]]) -> list[list[tuple[int, int, str, str]]]:
    """posseg tokens of each window, with offsets into `text`. One posseg call for all windows joined
    by newlines (jieba never joins across whitespace): its cost per call dominates short windows."""
    starts = list(accumulate((hi - lo + 1 for lo, hi in windows[:-1]), initial=0))  # in the joined text
    per_window: list[list[tuple[int, int, str, str]]] = [[] for _ in windows]
    pos = _pos_tokenizer()
    position = 0
    # jieba's plain cut (its HMM finds new words such as unknown names) and the dictionary's tags:
    # posseg's own HMM (a Viterbi over word classes) costs ~1 ms per unknown stretch, too slow here
    for word in pos.tokenizer.cut("\n".join(text[lo:hi] for lo, hi in windows), HMM=True):
        index = bisect_right(starts, position) - 1
        start = windows[index][0] + position - starts[index]
        position += len(word)
        if word.isspace():
            continue
        tag = pos.word_tag_tab.get(word)
        if tag is None and len(word) >= 3 and word[-1] in _TRAILERS:
            # the HMM glues a following one-character word to an unknown name (张伟称, 张伟于)
            per_window[index].append((start, start + len(word) - 1, word[:-1], _new_word_tag(word[:-1])))
            per_window[index].append((start + len(word) - 1, start + len(word), word[-1], "x"))
        else:
            per_window[index].append((start, start + len(word), word, tag or _new_word_tag(word)))
    return per_window


_TRAILERS = frozenset("称说于在家的和与及等是为向对将把被已也均曾现因系亦所自从到")


def _new_word_tag(word: str) -> str:
    """Tag of a word jieba's HMM made up (not in the dictionary): a person name when it looks like one."""
    given = word[2:] if word[:2] in SURNAMES else word[1:]
    if (2 <= len(word) <= 3 and (word[0] in SURNAMES or word[:2] in SURNAMES) and given
            and all(_HAN.fullmatch(c) for c in word) and not any(c in _NOT_IN_GIVEN_NAMES for c in given)):
        return "nr"
    return "x"


def _common_non_name(word: str) -> bool:
    pos = _pos_tokenizer()
    return pos.tokenizer.FREQ.get(word, 0) >= 50 and pos.word_tag_tab.get(word) != "nr"


# characters of legal prose that the HMM glues to a surname-like character (应自, 时起, 方无, 应休)
_NOT_IN_GIVEN_NAMES = frozenset("自经起无休向应时为由的是在和与及或对从被把将等了着过但而其之以不并即则须需该此本各每所另于可按依")


def _names_among(text: str, tokens: list[tuple[int, int, str, str]]) -> Iterator[tuple[int, int, str]]:
    """nr tokens that are plausible, unmasked names of private persons."""
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


_SEPARATORS = " \t:：，,、（("
# context words that usually follow the name (张伟户主, 张伟本人); others only before a parenthesis
_FOLLOWING_CONTEXT = frozenset({"户主", "本人", "之子", "之女", "父亲", "母亲", "配偶", "家属", "患者"})


def _surname_next_to(text: str, start: int, end: int, word: str) -> bool:
    """Cheap pre-check before running posseg: a surname right after the context word, or (张伟户主,
    张伟（申请人）) a Han character with a surname a few characters before."""
    after = end
    while after < len(text) and after - end < 3 and text[after] in _SEPARATORS:
        after += 1
    if text[after:after + 1] in SURNAMES or text[after:after + 2] in SURNAMES or text[after:after + 1] in "是为系":
        return True
    before = start
    while before > 0 and start - before < 2 and text[before - 1] in _SEPARATORS:
        before -= 1
    if word not in _FOLLOWING_CONTEXT and text[before:start].strip() not in ("（", "("):
        return False
    return bool(_HAN.match(text[before - 1:before])) and any(c in SURNAMES for c in text[max(0, before - 4):before - 1])


CELL_SEPARATOR = " | "  # how extraction writes a table row (gongkai/extract/docx.py)
NAME_HEADERS = frozenset({"姓名", "名字", "户主", "户主姓名", "申请人", "申请人姓名", "学生姓名", "患者姓名", "联系人", "当事人"})
AGE_HEADERS = frozenset({"年龄", "周岁", "年龄（岁）"})


def table_columns(text: str, headers: frozenset[str]) -> Iterator[tuple[int, int, str, int]]:
    """Cells under a header cell in `headers`, for tables written one row per line with ` | `:
    (start, end, cell text, row start) — a 公示 list of names has no context word on each row."""
    column: int | None = None
    offset = 0
    for line in text.split("\n"):
        if CELL_SEPARATOR not in line:
            column = None
        else:
            cells = line.split(CELL_SEPARATOR)
            header = next((i for i, c in enumerate(cells) if c.strip() in headers), None)
            if header is not None:
                column = header
            elif column is not None and column < len(cells):
                start = offset + sum(len(c) + len(CELL_SEPARATOR) for c in cells[:column])
                cell = cells[column]
                lead = len(cell) - len(cell.lstrip())
                yield start + lead, start + lead + len(cell.strip()), cell.strip(), offset
        offset += len(line) + 1


def person_names(text: str) -> Iterator[Hit]:
    """Names of private persons: a word tagged (or looking like) `nr` right next to a context word, the
    value of a 姓名： field, or a cell of a table column headed 姓名. A name without any of these is
    not reported (too uncertain), nor a masked one, nor an official's next to the title."""
    yield from _all_names(text)


@lru_cache(maxsize=4)  # the engine calls several recognizers on the same text; they share the names
def _all_names(text: str) -> tuple[Hit, ...]:
    found: list[Hit] = []
    seen: set[tuple[int, int]] = set()
    for m in _FIELD_NAME_RE.finditer(text):
        start, end = m.span(1)
        if _plausible_name(m.group(1)) and not _is_masked_or_title(text, start, end):
            seen.add((start, end))
            found.append((start, end, {"name": m.group(1), "source": "field"}))
    if CELL_SEPARATOR in text:
        officials = officials_rows(text)  # 姓名 | 职务 | 分工: leaders' duties are published (Art. 20)
        for start, end, cell, row in table_columns(text, NAME_HEADERS):
            if row not in officials and (start, end) not in seen and _plausible_name(cell) \
                    and not _is_masked_or_title(text, start, end):
                seen.add((start, end))
                found.append((start, end, {"name": cell, "source": "table"}))
    contexts = [(m.start(), m.end(), m.group()) for m in _NAME_CONTEXT_RE.finditer(text)
                if _surname_next_to(text, m.start(), m.end(), m.group())]
    windows = _merge((max(0, s - _BEFORE), min(len(text), e + _AFTER)) for s, e, _w in contexts)
    if not windows:
        return tuple(found)
    for (lo, hi), tokens in zip(windows, _tokens(text, windows)):
        # a name counts only right next to a context word (申请人：张伟 / 张伟（户主）) or right after a
        # name that did (申请人张伟、李娜): jieba tags many common words nr (公正, 许可, 康复)
        anchors = [(s, e, w) for s, e, w in contexts if lo <= s and e <= hi]
        previous: tuple[int, str] | None = None  # end and context of the last name found
        for start, end, name in _names_among(text, tokens):
            if (start, end) in seen or name in NAME_CONTEXT_WORDS:
                continue
            context = next((w for s, e, w in anchors if (e <= start and _ADJACENT_AFTER.fullmatch(text[e:start]))
                            or (end <= s and _ADJACENT_BEFORE.fullmatch(text[end:s]))), None)
            if context is None and previous and _ADJACENT_NAMES.fullmatch(text[previous[0]:start]):
                context = previous[1]
            if context:
                seen.add((start, end))
                previous = (end, context)
                found.append((start, end, {"name": name, "source": "posseg", "context": context}))
    return tuple(sorted(found, key=lambda hit: hit[0]))


# posts of a staff list that a roster row may start with (文秘 | 卞佳慧 | …): not names
_STAFF_TITLES = ("科员", "干事", "文秘", "机要", "秘书", "会计", "出纳", "驾驶员", "组长", "主任科员")


def roster_names(text: str) -> Iterator[Hit]:
    """Names in the rows of a roster (gongkai/matching/roster.py finds the rows and the name cell): a
    花名册 row carries no context word. A name `person_names` already reports is left to it (one finding
    per name), and so are masked names, officials' titles, organs and places (`_plausible_name`)."""
    known = {(s, e) for s, e, _d in _all_names(text)}
    for cell in name_cells(text):
        if (cell.start, cell.end) in known or cell.text.endswith(OFFICIAL_TITLES + _STAFF_TITLES):
            continue
        if _plausible_name(cell.text) and not _is_masked_or_title(text, cell.start, cell.end):
            yield cell.start, cell.end, {"name": cell.text, "source": "roster"}


# --- "a person nearby": for sensitive data that is only personal when attached to someone -------

_ID_NEARBY_RE = re.compile(r"(?<!\d)\d{17}[\dXx](?!\d)")


def _person_near(text: str, start: int, end: int, window: int) -> str | None:
    """The name (or ID number) of a private person within `window` characters, else None."""
    lo, hi = max(0, start - window), min(len(text), end + window)
    for s, e, data in _all_names(text):
        if lo <= s and e <= hi:
            return data["name"]
    for m in _ID_NEARBY_RE.finditer(text, lo, hi):
        if is_valid_id_card(m.group()):
            return m.group()
    return None


def _terms_with_person(text: str, term_re: re.Pattern[str], window: int, kind: str) -> Iterator[Hit]:
    for m in term_re.finditer(text):
        person = _person_near(text, m.start(), m.end(), window)
        if person:
            yield m.start(), m.end(), {kind: m.group(), "person": person}


# --- health ------------------------------------------------------------------------------------------

_CONDITION = r"[\u4e00-\u9fffA-Za-z0-9]{0,10}?(?:病|症|癌|瘤|炎|障碍|阳性|损伤|骨折|综合征|残疾|血压|血糖|中毒|瘫痪|疾)"
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

_AMOUNT = r"[:：为是约达共计有\s]{0,4}(?:人民币)?(?:\d[\d,，.]*|[一二两三四五六七八九十百千万]+)\s*(?:万?元|平方米|㎡|套|辆|亩|处)"
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
_BIRTH_RE = re.compile(
    r"(?:出生日期|出生年月|生日|出生于)\s*[:：]?\s*((?:19|20)\d{2})\s*[年\-./]\s*(\d{1,2})(?:\s*[月\-./]\s*(\d{1,2}))?"
)
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
    if CELL_SEPARATOR in text:  # an age column of a list of names
        named_rows = {text.rfind("\n", 0, s) + 1 for s, _e, d in _all_names(text) if d["source"] == "table"}
        for start, end, cell, row in table_columns(text, AGE_HEADERS):
            age = cell.rstrip("岁周")
            if age.isdigit() and int(age) < MINOR_AGE and row in named_rows:
                yield start, end, {"age": int(age), "source": "age_column"}
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
# 轨道15号线, 地铁2号线, 3号口: transit lines and exits, not doors
_NOT_A_DOOR = re.compile(r"\s*(?:线|口|站|航站楼|码头|泊位|窗口|柜台|展位|会议室)")
# An organ's or a business's premises named right after or before the address: not someone's home.
_PREMISES_AFTER = re.compile(r"[^。；\n]{0,16}?(?:局|委员会|政府|中心|公司|学校|中学|小学|大学|医院|派出所|营业厅|门店|外墙|"
                             r"政务|窗口|超市|酒店|宾馆|广场|公园|服务站|办事处|法院|检察院|大厦|办公室|党校|场所|"
                             r"体育馆|操场|中心校|礼堂|会议室|纪念馆|图书馆|院内|开幕|举行|举办)")
_PREMISES_BEFORE = re.compile(r"(?:局|委员会|政府|中心|公司|学校|中学|小学|医院|派出所|营业厅|考点|场所|办事处|法院)[（(：:]?\s*$")
_ADDRESS_CHARS = re.compile(r"[\u4e00-\u9fff0-9\-]")
_ADDRESS_STOP = re.compile(r"(?:住址|户籍地址|户籍地|户籍所在地|居住地|住所地?|住|地址|地点|位于|坐落于?)[:：]?$")
# words that make the address a private person's, even next to an organisation's name
HOME_WORDS = ("住址", "家庭住址", "户籍地", "户籍所在地", "居住地", "现住", "家住", "暂住", "住在", "户主")
OFFICIAL_PLACE_WORDS = (
    "办公地址", "办公地点", "受理地点", "受理窗口", "办理地点", "服务地点", "服务窗口", "咨询地点",
    "报名地点", "会议地点", "举办地点", "单位地址", "机关地址", "通讯地址", "联系地址", "邮寄地址",
    "办公场所", "地点",
)
# an organisation's address or 住所 (a company's registered seat) is not private
_ORG_ADDRESS = re.compile(r"地址|住所|位于|坐落")
_ORG_WORDS = re.compile(
    r"局|委员会|委|政府|中心|办公室|办事处|大厅|法院|检察院|公司|企业|银行|医院|学校|大学|协会|管委会|"
    r"派出所|事务所|研究所|卫生院|站|厂|合作社|商店|超市|门市部|单位"
)


def home_addresses(text: str) -> Iterator[Hit]:
    """An address ending with a door or room number (…路12号3单元401室). Addresses of agencies and
    organisations (办公地址, 受理地点, an organisation's 联系地址 or 住所) are not reported."""
    for m in _DOOR_RE.finditer(text):
        if _NOT_A_DOOR.match(text, m.end()):
            continue
        start = m.start()
        # extend left over the address itself (admin units, road name), stopping at a label word
        while start > 0 and m.start() - start < 30 and _ADDRESS_CHARS.match(text[start - 1]):
            if _ADDRESS_STOP.search(text[max(0, start - 6):start]):
                break
            start -= 1
        if m.start() - start < 2:
            continue  # a bare 路12号 fragment without a road name
        before = text[max(0, start - 40):start]
        clause = re.split(r"[。；;\n]", before)[-1]
        if not any(w in clause for w in HOME_WORDS):
            if any(w in clause for w in OFFICIAL_PLACE_WORDS):
                continue
            if _ORG_ADDRESS.search(clause) and _ORG_WORDS.search(clause):
                continue
        room = bool(re.search(r"单元|室|户|栋|幢|号楼", m.group()))
        if not any(w in clause for w in HOME_WORDS) and (
                _PREMISES_BEFORE.search(text[max(0, start - 12):start]) or
                (not room and _PREMISES_AFTER.match(text, m.end()))):
            continue
        yield start, m.end(), {"address": text[start:m.end()], "room": room}


RECOGNIZERS: dict[str, Callable[[str], Iterable[Hit]]] = {
    "person_name": person_names,
    "roster_name": roster_names,
    "health_condition": health_conditions,
    "income_property": income_property,
    "minor": minors,
    "home_address": home_addresses,
}
