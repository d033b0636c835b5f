"""Generate gongkai's labelled seed corpus, deterministically.

Every text, place, issuer, person and number here is invented by this project.  Run

    python corpus/generate.py            # rewrites corpus/documents, corpus/labels.jsonl, README stats
    python corpus/generate.py --out DIR  # writes the same corpus under DIR (used by the determinism test)

Only the Python standard library is used; a fixed seed makes the output byte-identical across runs.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

SEED = 20261122
MIN_CHARS, MAX_CHARS = 150, 3000
DISCLOSURES = ("主动公开", "依申请公开", "不予公开")
SECRECIES = ("非密", "内部", "秘密", "机密", "绝密")
STATUTORY_TYPES = ("决议", "决定", "命令", "公报", "公告", "通告", "意见", "通知", "通报",
                   "报告", "请示", "批复", "议案", "函", "纪要")

# ---------------------------------------------------------------------------------------------
# Legal bases (条例 = 中华人民共和国政府信息公开条例, 2019 revision)
REG = "《中华人民共和国政府信息公开条例》"
ART = {
    "proactive_scope": REG + "第十九条、第二十条",
    "on_request": REG + "第二十七条",
    "state_secret": REG + "第十四条；《中华人民共和国保守国家秘密法》",
    "security_stability": REG + "第十四条",
    "law_prohibited": REG + "第十四条",
    "trade_secret": REG + "第十五条",
    "personal_privacy": REG + "第十五条",
    "internal_affairs": REG + "第十六条第一款",
    "process_info": REG + "第十六条第二款",
    "enforcement_file": REG + "第十六条第二款",
}
ART20 = {  # items of Art. 20 cited by proactive documents
    1: "第二十条第（一）项（规范性文件）", 3: "第二十条第（三）项（规划）", 4: "第二十条第（四）项（统计信息）",
    5: "第二十条第（五）项（行政许可结果）", 6: "第二十条第（六）项（行政处罚决定）",
    7: "第二十条第（七）项（预算决算）", 9: "第二十条第（九）项（政府采购）",
    10: "第二十条第（十）项（重大建设项目）", 11: "第二十条第（十一）项（社会保障等政策措施）",
    12: "第二十条第（十二）项（应急预案、预警信息）", 13: "第二十条第（十三）项（监督检查情况）",
    14: "第二十条第（十四）项（公务员招考）", 15: "第二十条第（十五）项（其他应主动公开的信息）",
}

# ---------------------------------------------------------------------------------------------
# Invented places, departments and people
PROVINCES = ["澜江省", "苍原省", "汐海省"]
CITIES = ["青川市", "澄阳市", "汐川市", "枫溪市", "梧源市", "北澜市", "钧州市", "云岫市"]
COUNTIES = ["临河县", "柏溪县", "云渡县", "石砚县", "芦湾县", "桑林县", "蒲口县", "青岑县", "白鹭县"]
DISTRICTS = ["东湖区", "南屿区", "西苑区", "滨湾区", "金桥区", "望江区"]
TOWNS = ["柳林镇", "桃源镇", "双溪镇", "白沙镇", "石门乡", "坪上乡", "杏花镇", "河口镇", "龙潭乡", "枣林镇"]
VILLAGES = ["大庄村", "上坪村", "河湾村", "新丰村", "石桥村", "枫林村", "下洋村", "杨柳村", "东岗社区", "南门社区"]
ROADS = ["建设路", "人民路", "滨河东路", "文昌街", "解放北路", "湖滨路", "工业大道", "学府路", "朝阳路", "青年街"]

# name, abbreviation for 发文字号, topics
DEPTS: dict[str, tuple[str, list[str]]] = {
    "自然资源局": ("自然资", ["地质灾害防治", "耕地保护", "不动产登记便民服务", "国土空间规划编制", "矿产资源开发秩序整治"]),
    "教育局": ("教", ["义务教育招生入学", "校园食品安全", "中小学校安全管理", "教师队伍建设", "学生资助"]),
    "卫生健康委员会": ("卫健", ["基本公共卫生服务", "传染病防控", "家庭医生签约服务", "医疗机构监督检查", "无偿献血"]),
    "生态环境局": ("环", ["大气污染防治", "秸秆禁烧", "饮用水水源地保护", "排污许可管理", "噪声污染防治"]),
    "市场监督管理局": ("市监", ["食品安全监督抽检", "特种设备安全", "价格监督检查", "消费品质量提升", "计量器具检定"]),
    "交通运输局": ("交", ["农村公路养护", "道路运输安全", "客运市场秩序整治", "公路超限超载治理", "城乡公交一体化"]),
    "住房和城乡建设局": ("建", ["老旧小区改造", "建筑施工安全", "物业服务管理", "农村危房改造", "城镇燃气安全"]),
    "应急管理局": ("应急", ["安全生产大检查", "防汛抗旱", "森林防火", "危险化学品安全", "应急救援队伍建设"]),
    "财政局": ("财", ["预算绩效管理", "政府采购管理", "行政事业单位国有资产管理", "惠民惠农资金发放", "会计监督检查"]),
    "人力资源和社会保障局": ("人社", ["就业创业补贴", "根治欠薪", "职业技能提升", "城乡居民养老保险", "劳动人事争议调解"]),
    "民政局": ("民", ["最低生活保障", "养老服务体系建设", "殡葬改革", "社会组织登记管理", "困境儿童保障"]),
    "农业农村局": ("农", ["高标准农田建设", "春耕生产", "动物疫病防控", "农村人居环境整治", "农产品质量安全"]),
    "统计局": ("统", ["统计调查", "经济普查", "统计执法检查", "统计数据质量", "农业统计"]),
    "司法局": ("司", ["普法宣传", "人民调解", "法律援助", "社区矫正", "行政复议"]),
    "文化和旅游局": ("文旅", ["文物安全", "旅游市场秩序", "公共文化服务", "非物质文化遗产保护", "文化市场执法"]),
    "水利局": ("水", ["河湖长制", "水土保持", "农村饮水安全", "水库安全度汛", "取水许可管理"]),
    "城市管理局": ("城管", ["生活垃圾分类", "市容环境整治", "户外广告管理", "城市道路照明", "违法建设治理"]),
    "医疗保障局": ("医保", ["城乡居民医保参保", "医保基金监管", "异地就医结算", "药品集中带量采购", "医疗救助"]),
    "发展和改革委员会": ("发改", ["重点项目建设", "营商环境优化", "粮食安全保障", "价格监测", "节能审查"]),
    "公安局": ("公", ["道路交通安全整治", "电信网络诈骗防范", "烟花爆竹安全管理", "户籍管理服务", "校园周边治安"]),
}
GOV_TOPICS = ["营商环境优化", "安全生产大检查", "防汛抗旱", "森林防火", "秸秆禁烧", "农村人居环境整治",
              "城乡居民医保参保", "根治欠薪", "重点项目建设", "政务公开", "耕地保护", "冬春火灾防控"]
SURNAMES = list("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢")
GIVEN = list("建国伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰红梅鹏飞海波婷雪琳宇浩然子轩欣怡晨阳志远文博")


@dataclass
class Issuer:
    name: str
    abbr: str  # 发文字号 prefix, e.g. 青自然资
    level: str  # province / city / county / town
    place: str
    dept: str  # key in DEPTS, "政府", or "政府办"
    superior: str
    subordinates: str


@dataclass
class Doc:
    genre: str
    doc_type: str
    issuer: str
    disclosure: str
    secrecy: str
    reasons: list[str]
    article: str
    rationale: str
    text: str
    variants_ok: bool = True


class Gen:
    """All randomness goes through one seeded Random, consumed in a fixed order."""

    def __init__(self, seed: int = SEED) -> None:
        self.r = random.Random(seed)

    # -- primitives ---------------------------------------------------------------------------
    def pick(self, seq):
        return seq[self.r.randrange(len(seq))]

    def chance(self, p: float) -> bool:
        return self.r.random() < p

    def some(self, seq, k_min: int, k_max: int) -> list:
        k = self.r.randint(k_min, min(k_max, len(seq)))
        return self.r.sample(list(seq), k)

    def num(self, a: int, b: int) -> int:
        return self.r.randint(a, b)

    def person(self) -> str:
        given = self.pick(GIVEN) + (self.pick(GIVEN) if self.chance(0.7) else "")
        return self.pick(SURNAMES) + given

    def masked(self, name: str) -> str:
        return name[0] + "*" * (len(name) - 1) if self.chance(0.5) else name[0] + "某某"

    def mobile(self) -> str:
        return "1" + self.pick("3456789") + "".join(str(self.num(0, 9)) for _ in range(9))

    def landline(self) -> str:
        return f"0{self.num(310, 979)}-{self.num(2000000, 8999999)}"

    def id_number(self, birth_year_range=(1955, 2004)) -> str:
        area = f"{self.pick('123456')}{self.num(10000, 99999)}"
        y = self.num(*birth_year_range)
        body = f"{area}{y:04d}{self.num(1, 12):02d}{self.num(1, 28):02d}{self.num(0, 999):03d}"
        weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
        return body + "10X98765432"[sum(int(c) * w for c, w in zip(body, weights)) % 11]

    def bank_card(self) -> str:
        digits = [6, 2] + [self.num(0, 9) for _ in range(16)]
        total = 0
        for i, d in enumerate(reversed(digits)):  # Luhn: double every second digit from the right of the payload
            if i % 2 == 0:
                d *= 2
                d = d - 9 if d > 9 else d
            total += d
        return "".join(map(str, digits)) + str((10 - total % 10) % 10)

    def credit_code(self) -> str:
        chars = "0123456789ABCDEFGHJKLMNPQRTUWXY"
        body = "91" + f"{self.num(110000, 659999)}" + "".join(self.pick(chars[:10] + "ABCDEFGH") for _ in range(9))
        weights = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
        return body + chars[(31 - sum(chars.index(c) * w for c, w in zip(body, weights)) % 31) % 31]

    def date(self, year: int | None = None) -> tuple[int, int, int]:
        return (year or self.pick([2025, 2026, 2026]), self.num(1, 12), self.num(1, 28))

    @staticmethod
    def fmt_date(d: tuple[int, int, int]) -> str:
        return f"{d[0]}年{d[1]}月{d[2]}日"

    def company(self) -> str:
        return (self.pick(CITIES + COUNTIES)[:2] + self.pick(["恒达", "瑞丰", "宏远", "鑫源", "华泰", "金穗", "绿洲", "永盛",
                                                              "安澜", "博远", "嘉禾", "泰和", "远航", "信诚", "中科"])
                + self.pick(["建设工程", "食品", "环保科技", "物流", "医药", "农业开发", "机械制造", "建材",
                             "信息技术", "物业服务", "化工", "餐饮管理"])
                + self.pick(["有限公司", "有限责任公司", "股份有限公司"]))

    def address(self, place: str) -> str:
        return f"{place}{self.pick(ROADS)}{self.num(1, 399)}号" + (f"{self.num(1, 30)}栋{self.num(1, 3)}单元{self.num(101, 2604)}室"
                                                                  if self.chance(0.6) else "")

    # -- issuers ------------------------------------------------------------------------------
    def issuer(self, kinds=("city", "county", "district", "town", "province"), dept: str | None = None) -> Issuer:
        kind = self.pick(kinds)
        if kind == "province":
            prov = self.pick(PROVINCES)
            d = dept or self.pick([k for k in DEPTS if k not in ("城市管理局",)])
            pname = {"教育局": "教育厅", "财政局": "财政厅", "公安局": "公安厅", "自然资源局": "自然资源厅",
                     "应急管理局": "应急管理厅", "交通运输局": "交通运输厅", "民政局": "民政厅", "水利局": "水利厅",
                     "司法局": "司法厅", "农业农村局": "农业农村厅", "人力资源和社会保障局": "人力资源和社会保障厅",
                     "住房和城乡建设局": "住房和城乡建设厅", "文化和旅游局": "文化和旅游厅",
                     "生态环境局": "生态环境厅"}.get(d, d)
            return Issuer(prov + pname, prov[0] + DEPTS[d][0], "province", prov, d, prov + "人民政府",
                          f"各市{DEPTS[d][0]}主管部门、省直有关单位")
        if kind == "town":
            town = self.pick(TOWNS)
            county = self.pick(COUNTIES)
            return Issuer(town + "人民政府", town[0] + "政", "town", town, "政府", county + "人民政府",
                          "各村（居）民委员会，镇属各单位")
        place = self.pick({"city": CITIES, "county": COUNTIES, "district": DISTRICTS}[kind])
        unit = {"city": "市", "county": "县", "district": "区"}[kind]
        if dept is None and self.chance(0.18):
            dept = self.pick(["政府", "政府办"])
        d = dept or self.pick(list(DEPTS))
        if d == "政府":
            subs = {"city": "各县（市、区）人民政府，市政府各部门", "county": "各乡镇人民政府，县直各单位",
                    "district": "各街道办事处、镇人民政府，区直各部门"}[kind]
            return Issuer(place + "人民政府", place[0] + "政", kind, place, d, "省人民政府" if kind == "city" else
                          self.pick(CITIES) + "人民政府", subs)
        if d == "政府办":
            subs = {"city": "各县（市、区）人民政府，市政府各部门、各直属机构", "county": "各乡镇人民政府，县直各单位",
                    "district": "各街道办事处，区直各部门"}[kind]
            return Issuer(place + "人民政府办公室", place[0] + "政办", kind, place, d, place + "人民政府", subs)
        subs = {"city": f"各县（市、区）{d[:-1] if d.endswith('局') else d}主管部门，局属各单位",
                "county": "各乡镇人民政府，局属各单位", "district": "各街道办事处，局机关各科室"}[kind]
        return Issuer(place + d, place[0] + DEPTS[d][0], kind, place, d, place + "人民政府", subs)

    def topic(self, iss: Issuer) -> str:
        return self.pick(DEPTS[iss.dept][1]) if iss.dept in DEPTS else self.pick(GOV_TOPICS)

    def doc_no(self, iss: Issuer, kind: str = "发", year: int = 2026) -> str:
        return f"{iss.abbr}{kind}〔{year}〕{self.num(1, 160)}号"
