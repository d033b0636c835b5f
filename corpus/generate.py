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
from itertools import permutations
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
# Sector-specific sentences (our own wording) mixed into the generic action pool, so bodies differ by sector.
DEPT_FACTS: dict[str, list[str]] = {
    "自然资源局": ["对地质灾害隐患点实行“一点一策”，汛期落实群测群防员24小时巡查。", "严格落实耕地占补平衡，严禁违法占用永久基本农田。",
              "推行不动产登记“一窗受理、集成服务”，一般登记业务压缩至{n}个工作日内办结。"],
    "教育局": ["严格落实校长陪餐制度，学校食堂原材料实行统一采购、集中配送。", "义务教育阶段招生严格执行免试就近入学，不得以任何形式组织选拔考试。",
            "落实家庭经济困难学生资助政策，做到应助尽助。"],
    "卫生健康委员会": ["基层医疗卫生机构要按规定为65岁以上老年人每年提供一次免费健康体检。", "加强发热门诊建设，落实预检分诊制度。",
                "家庭医生团队要对签约居民开展随访服务，重点人群签约率不低于{p}%。"],
    "生态环境局": ["重点排污单位要安装自动监测设备，并与生态环境部门联网。", "加强秸秆禁烧巡查，利用视频监控和无人机开展全天候监测。",
              "饮用水水源保护区内禁止新建、改建、扩建排放污染物的建设项目。"],
    "市场监督管理局": ["食品安全监督抽检覆盖所有食品大类，抽检量达到每千人{n}批次。", "电梯使用单位要落实安全管理员，每15日进行一次清洁、润滑、调整和检查。",
                "对价格违法行为依法查处，典型案例向社会公开曝光。"],
    "交通运输局": ["农村公路实行“路长制”，县、乡、村三级路长分级负责。", "“两客一危”车辆全部安装智能视频监控装置。",
              "严厉打击非法营运行为，维护客运市场秩序。"],
    "住房和城乡建设局": ["老旧小区改造坚持“居民自愿、先民生后提升”，改造方案须经居民表决通过。", "建筑施工企业要严格落实危大工程专项施工方案论证制度。",
                  "城镇燃气经营企业每年至少对居民用户开展一次入户安全检查。"],
    "应急管理局": ["汛期实行24小时值班和领导带班制度，险情信息第一时间报告。", "危险化学品企业要完成重大危险源在线监测预警系统建设。",
              "森林防火期内，林区入口设立检查站，严禁携带火种进山。"],
    "财政局": ["预算单位要全面设置绩效目标，未设置绩效目标的项目不得纳入预算。", "惠民惠农补贴资金原则上通过“一卡通”发放，严禁代领代管。",
            "政府采购项目实行全流程电子化交易。"],
    "人力资源和社会保障局": ["工程建设领域全面落实农民工工资专用账户和实名制管理制度。", "符合条件的首次创业人员可申请一次性创业补贴。",
                    "职业技能培训补贴按照培训工种和等级分档给予。"],
    "民政局": ["最低生活保障实行动态管理，做到应保尽保、应退尽退。", "推进居家社区养老服务，每个街道至少建成1个综合养老服务中心。",
            "倡导文明节俭办丧事，推行生态安葬。"],
    "农业农村局": ["高标准农田建设项目实行“先建后补”，竣工验收合格后拨付补助资金。", "做好重大动物疫病强制免疫，免疫密度保持在{p}%以上。",
              "农村生活垃圾实行“户分类、村收集、镇转运、县处理”。"],
    "统计局": ["统计调查对象应当依法真实、准确、完整、及时地提供统计资料。", "严肃查处统计造假、弄虚作假行为。", "经济普查清查阶段要做到不重不漏。"],
    "司法局": ["深入开展“八五”普法，落实“谁执法谁普法”普法责任制。", "人民调解组织要做到矛盾纠纷早发现、早介入、早化解。",
            "法律援助实行应援尽援，经济困难标准按当地最低工资标准执行。"],
    "文化和旅游局": ["文物保护单位要落实安全直接责任人，配齐消防设施。", "加强旅游市场秩序整治，严厉打击“不合理低价游”。",
                "公共图书馆、文化馆、博物馆实行免费开放。"],
    "水利局": ["全面落实河湖长制，河湖长按规定频次开展巡河。", "小型水库落实“三个责任人”，汛期严格控制在汛限水位以下运行。",
            "农村饮水工程实行县级统管，保障群众饮水安全。"],
    "城市管理局": ["生活垃圾分类实行定时定点投放，督导员上岗指导。", "户外广告设置须依法取得许可，不得影响市容和公共安全。",
              "对新增违法建设实行“零容忍”，发现一起、拆除一起。"],
    "医疗保障局": ["城乡居民医保参保缴费实行全年参保，集中缴费期外参保的设置待遇等待期。", "严厉打击欺诈骗保行为，对定点医药机构开展全覆盖检查。",
              "推进跨省异地就医直接结算，简化备案手续。"],
    "发展和改革委员会": ["重点项目实行“一个项目、一名领导、一个专班”推进机制。", "持续优化营商环境，企业开办时间压缩至{n}个工作日以内。",
                  "落实粮食安全党政同责，稳定粮食播种面积。"],
    "公安局": ["开展反诈宣传进社区、进校园、进企业活动。", "烟花爆竹实行限时限地燃放，禁放区域内严禁燃放。", "校园周边实行“护学岗”制度，上下学时段警力见警率不低于{p}%。"],
}
TOPIC_DEPT = {t: d for d, (_, topics) in DEPTS.items() for t in topics}
GOV_TOPICS = ["营商环境优化", "安全生产大检查", "防汛抗旱", "森林防火", "秸秆禁烧", "农村人居环境整治",
              "城乡居民医保参保", "根治欠薪", "重点项目建设", "政务公开", "耕地保护", "冬春火灾防控"]
# Administrative division codes (public facts) that python-stdnum accepts for births 1955-2004, so that the
# fake ID numbers below pass the same validation the rules use.
AREA_CODES = ["110102", "120102", "120103", "120104", "140121", "140122", "140123", "150121", "150122", "150221",
              "210122", "210321", "210422", "210922", "211021", "310103", "310104", "330122", "340121", "340221",
              "340621", "350121", "360122", "430122", "440221", "510421", "510422", "530121", "530122", "530124",
              "540121", "540122", "540123", "610323", "620122", "630121", "640121", "640122", "640221", "650121"]
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

    def id_number(self, sex: str | None = None, birth_year_range=(1955, 2004)) -> str:
        area = self.pick(AREA_CODES)
        y = self.num(*birth_year_range)
        seq = self.num(0, 99) * 10 + (self.pick([1, 3, 5, 7, 9]) if sex == "男" else self.pick([0, 2, 4, 6, 8]) if sex == "女" else self.num(0, 9))
        body = f"{area}{y:04d}{self.num(1, 12):02d}{self.num(1, 28):02d}{seq:03d}"
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

    @staticmethod
    def cn_date(d: tuple[int, int, int]) -> str:
        """Older 成文日期 style: 二〇二六年三月十二日."""
        digits = "〇一二三四五六七八九"

        def small(n: int) -> str:
            return digits[n] if n < 10 else ("十" if n < 20 else digits[n // 10] + "十") + (digits[n % 10] if n % 10 else "")
        return "".join(digits[int(c)] for c in str(d[0])) + f"年{small(d[1])}月{small(d[2])}日"

    def company(self) -> str:
        return (self.pick(CITIES + COUNTIES)[:2] + self.pick(["恒达", "瑞丰", "宏远", "鑫源", "华泰", "金穗", "绿洲", "永盛",
                                                              "安澜", "博远", "嘉禾", "泰和", "远航", "信诚", "中科"])
                + self.pick(["建设工程", "食品", "环保科技", "物流", "医药", "农业开发", "机械制造", "建材",
                             "信息技术", "物业服务", "化工", "餐饮管理"])
                + self.pick(["有限公司", "有限责任公司", "股份有限公司"]))

    def address(self, place: str) -> str:
        place = self.pick(CITIES) if place.endswith("省") else place
        return f"{place}{self.pick(ROADS)}{self.num(1, 399)}号" + (f"{self.num(1, 30)}栋{self.num(1, 3)}单元{self.num(101, 2604)}室"
                                                                  if self.chance(0.6) else "")

    # -- issuers ------------------------------------------------------------------------------
    def issuer(self, kinds=("city", "county", "district", "town", "province"), dept: str | None = None) -> Issuer:
        kind = self.pick(kinds)
        if kind == "town" and dept is None and self.chance(0.3):
            district = self.pick(DISTRICTS)
            if self.chance(0.5):
                street = self.pick(["城关", "新华", "东城", "江北", "青云", "桥西"]) + "街道"
                return Issuer(f"{district}{street}办事处", street[0] + "街办", "town", street, "政府", district + "人民政府",
                              "各社区居民委员会，街道各科室")
            zone = self.pick(CITIES)[:2] + self.pick(["高新技术产业开发区", "经济技术开发区", "临港产业园区"])
            return Issuer(f"{zone}管理委员会", zone[:2] + "管", "town", zone, "政府", zone[:2] + "市人民政府",
                          "管委会各部门，各园区企业")
        if kind == "province":
            prov = self.pick(PROVINCES)
            if dept == "政府":
                return Issuer(prov + "人民政府", prov[0] + "政", "province", prov, dept, "国务院", "各市人民政府，省政府各部门")
            if dept == "政府办":
                return Issuer(prov + "人民政府办公厅", prov[0] + "政办", "province", prov, dept, prov + "人民政府",
                              "各市人民政府，省政府各部门")
            d = dept or self.pick([k for k in DEPTS if k not in ("城市管理局",)])
            pname = {"教育局": "教育厅", "财政局": "财政厅", "公安局": "公安厅", "自然资源局": "自然资源厅",
                     "应急管理局": "应急管理厅", "交通运输局": "交通运输厅", "民政局": "民政厅", "水利局": "水利厅",
                     "司法局": "司法厅", "农业农村局": "农业农村厅", "人力资源和社会保障局": "人力资源和社会保障厅",
                     "住房和城乡建设局": "住房和城乡建设厅", "文化和旅游局": "文化和旅游厅",
                     "生态环境局": "生态环境厅"}.get(d, d)
            return Issuer(prov + pname, prov[0] + DEPTS[d][0], "province", prov, d, prov + "人民政府",
                          self.pick([f"各市{d}", f"各市（州）{d}，厅属各单位", f"各市{d}、省直有关单位"]))
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

    @staticmethod
    def we(iss: Issuer) -> str:
        """How an organ refers to itself: 我局, 我委, 我厅, 我镇, 我县 …"""
        for tail, word in (("办公室", "我办"), ("办公厅", "我厅"), ("委员会", "我委"), ("厅", "我厅"), ("局", "我局"),
                           ("人民政府", "我" + iss.place[-1])):
            if iss.name.endswith(tail):
                return word
        return "我单位"

    @staticmethod
    def board(iss: Issuer) -> str:
        """The body that 'studies' a matter inside the organ."""
        if iss.level == "town":
            return "镇党委会议" if iss.place.endswith("镇") else "乡党委会议"
        if iss.dept in ("政府", "政府办"):
            return f"{iss.place[-1]}政府常务会议"
        return ("厅" if iss.name.endswith("厅") else "委" if iss.name.endswith("委员会") else "局") + "党组会议"

    def topic(self, iss: Issuer) -> str:
        return self.pick(DEPTS[iss.dept][1]) if iss.dept in DEPTS else self.pick(GOV_TOPICS)

    def doc_no(self, iss: Issuer, kind: str = "发", year: int = 2026) -> str:
        return f"{iss.abbr}{kind}〔{year}〕{self.num(1, 160)}号"

    # -- phrase pools ---------------------------------------------------------------------------
    def opening(self, topic: str, iss: Issuer) -> str:
        return self.pick([
            f"为深入贯彻落实上级关于{topic}的决策部署，进一步提升工作质效，结合{iss.place}实际，现就有关事项通知如下。",
            f"根据{self.pick(['省委、省政府', '市委、市政府', '上级主管部门', '县委、县政府'])}工作安排，为切实做好{topic}工作，经研究，现将有关事项明确如下：",
            f"近年来，{iss.place}{topic}工作取得了一定成效，但仍存在责任落实不到位、基础工作薄弱等问题。为此，提出如下要求。",
            f"为进一步规范{topic}工作，保障人民群众合法权益，依据有关法律法规，结合工作实际，特作如下安排。",
            f"按照年度工作要点，{iss.name}决定在全{iss.place[-1]}范围内组织开展{topic}工作。现将有关要求通知如下：",
            f"{topic}事关群众切身利益。为抓紧抓实各项工作，确保按期完成目标任务，现就相关事项作出部署。",
            f"经{iss.name}研究同意，现就{topic}有关工作安排如下，请认真抓好落实。",
            f"为认真落实{self.pick(['全省', '全市', '全县'])}{topic}工作会议精神，推动各项任务落地见效，现将有关事项通知如下。",
            f"当前正值{topic}工作关键时期，为确保各项措施落实到位，特通知如下：",
        ])

    HEADINGS = ["加强组织领导", "压实工作责任", "突出工作重点", "强化督查考核", "做好宣传引导", "完善工作机制",
                "强化要素保障", "狠抓工作落实", "规范工作程序", "加强信息报送", "注重统筹协调", "严格时间节点"]

    def action(self, topic: str) -> str:
        n = self.num(2, 30)
        dept = TOPIC_DEPT.get(topic)
        if dept and self.chance(0.35):
            return self.pick(DEPT_FACTS[dept]).format(n=self.num(3, 15), p=self.num(60, 95))
        return self.pick([
            f"各单位要建立健全{topic}工作责任制，明确分管领导和具体经办人员，确保事有人管、责有人负。",
            f"要围绕{topic}开展全面排查，建立问题清单和整改台账，做到底数清、情况明。",
            f"充分利用政府网站、政务新媒体、村村响广播等渠道，广泛宣传{topic}相关政策，提高群众知晓率。",
            f"对工作推进不力、问题整改不及时的单位，将予以通报，并纳入年度综合考评。",
            f"请于每月{n}日前将工作进展情况报送至联系科室，遇重大情况随时报告。",
            f"各地要结合实际细化实施方案，倒排工期、挂图作战，确保{topic}各项任务按期完成。",
            f"加强部门协作，建立信息共享和联合会商机制，形成工作合力。",
            f"统筹安排工作经费，保障{topic}工作正常开展，严禁挤占挪用专项资金。",
            f"坚持问题导向，聚焦群众反映强烈的突出问题，逐项研究解决措施。",
            f"严格执行有关操作规范，做到程序合法、资料齐全、结果公正。",
            f"要加强业务培训，全年组织{topic}专题培训不少于{self.num(1, 4)}次，提升基层人员业务能力。",
            f"对发现的隐患和问题，能立即整改的立即整改，不能立即整改的要制定方案限期整改。",
            f"各单位主要负责同志要亲自过问，分管负责同志要具体抓，确保工作落到实处。",
            f"工作中遇到的新情况新问题，请及时与牵头部门沟通，共同研究解决。",
            f"建立周调度、月通报制度，每周{self.pick('一二三四五')}汇总进展，每月通报排名靠后的单位。",
            f"对照目标任务逐项梳理，形成任务清单、责任清单和时限清单，实行销号管理。",
            f"加大资金整合力度，{topic}相关项目优先安排，确保资金及时足额拨付到位。",
            f"坚持以人民为中心，把群众满意度作为检验{topic}工作成效的重要标准。",
            f"聘请第三方机构开展评估，评估结果作为资金分配和考核奖惩的重要依据。",
            f"乡镇（街道）要发挥属地作用，村（社区）要发挥网格员作用，做到横向到边、纵向到底。",
            f"严格落实首问负责、限时办结等制度，杜绝推诿扯皮、敷衍塞责。",
            f"畅通投诉举报渠道，对群众反映的问题建立台账，做到件件有回音、事事有着落。",
            f"注重总结提炼，及时发现和推广基层好经验好做法，以点带面推动整体工作。",
            f"加强与上级部门的汇报衔接，积极争取政策和项目支持。",
            f"到{self.num(6, 12)}月底，{topic}重点任务完成率达到{self.num(80, 100)}%以上。",
            f"将{topic}纳入干部教育培训内容，提高各级干部依法履职能力。",
            f"各有关部门要按照职责分工，主动认领任务，于{self.num(1, 12)}月{self.num(1, 28)}日前制定具体落实措施。",
            f"严肃工作纪律，对弄虚作假、虚报瞒报的，依规依纪严肃追究责任。",
        ])

    def background(self, topic: str, iss: Issuer) -> str:
        y = self.pick([2024, 2025])
        return self.pick([
            f"{y}年以来，{iss.place}累计投入{topic}资金{self.num(100, 9000)}万元，实施项目{self.num(5, 120)}个，惠及群众{self.num(1, 60)}万人。",
            f"从前期摸排情况看，全{iss.place[-1]}{topic}工作总体平稳，但{self.pick(['部分乡镇重视程度不够', '基层力量相对薄弱', '资金保障压力较大', '群众参与度不高'])}，与上级要求还有差距。",
            f"截至{y}年底，{iss.place}{topic}相关指标完成年度目标的{self.num(70, 120)}%，在全{self.pick(['省', '市'])}考核中位列第{self.num(1, 15)}位。",
            f"{topic}是{self.pick(['今年政府工作报告确定的重点任务', '上级督查的重点事项', '群众关注的民生实事'])}，各单位要提高认识，切实增强责任感和紧迫感。",
            f"上一阶段，各单位按照部署开展了大量工作，共{self.pick(['排查', '办理', '整改'])}问题{self.num(20, 900)}个，{topic}工作取得阶段性成效。",
        ])

    def internal_action(self, topic: str) -> str:
        return self.pick([
            f"各科室要指定专人负责{topic}，建立登记台账，做到有据可查。",
            f"办公室负责{topic}的日常管理和监督检查，每{self.pick(['月', '季度'])}通报一次执行情况。",
            f"严格执行审批程序，未经分管领导签字同意的，一律不予办理。",
            f"工作人员因公外出须提前报告，履行请销假手续，不得擅自离岗。",
            f"各类单据须在{self.num(5, 30)}个工作日内交办公室审核，逾期不予受理。",
            f"严禁公车私用，节假日车辆一律封存停放在机关院内。",
            f"对违反本规定的，视情节给予提醒谈话、批评教育或通报批评，并与年度考核挂钩。",
            f"机关院内办公用房由办公室统一调配，各科室不得擅自调整、出借。",
            f"各科室负责人为本科室{topic}第一责任人，要加强对本科室人员的日常管理。",
            f"节约用水用电，下班前关闭电脑、空调和照明设备。",
        ])

    def sections(self, topic: str, n_min: int = 2, n_max: int = 4, numbered_sub: bool | None = None,
                 internal: bool = False) -> list[str]:
        act = self.internal_action if internal else self.action
        heads = self.some(self.HEADINGS, n_min, n_max)
        nums = "一二三四五六七八九十"
        sub = self.chance(0.5) if numbered_sub is None else numbered_sub
        out = []
        for i, h in enumerate(heads):
            if sub and self.chance(0.6):
                out.append(f"{nums[i]}、{h}")
                for j in range(self.num(1, 4)):
                    out.append(f"（{nums[j]}）{act(topic)}")
            else:
                out.append(f"{nums[i]}、{h}。" + "".join(act(topic) for _ in range(self.num(1, 3))))
        return out

    def closing(self) -> str:
        return self.pick(["特此通知。", "请认真贯彻执行。", "请遵照执行。", "", "请结合实际抓好落实。", "特此通知。"])

    # -- GB/T 9704 公文 -----------------------------------------------------------------------
    def gongwen(self, iss: Issuer, title: str, to: str | None, body: list[str], *, doc_no: str | None = None,
                mark: str | None = None, urgency: str | None = None, attachments: list[str] | None = None,
                date: tuple[int, int, int] | None = None, note: str | None = None, cc: str | None = None,
                signer: str | None = None, letter: bool = False, print_line: bool | None = None,
                sign_name: str | None = None) -> str:
        indent = "　　" if self.chance(0.6) else ""
        lines: list[str] = []
        if mark:
            lines.append(f"{self.num(1, 120):06d}" if self.chance(0.8) else f"{self.num(1, 60):03d}")
            lines.append(mark)
        if urgency:
            lines.append(urgency)
        lines.append(iss.name if letter or self.chance(0.25) else iss.name + "文件")
        if doc_no:
            lines.append(doc_no + (f"　　签发人：{signer}" if signer else ""))
        lines.append("")
        lines.append(title)
        lines.append("")
        if to:
            lines.append(to + "：")
        lines.extend(indent + p for p in body if p)
        if attachments:
            lines.append("")
            if len(attachments) == 1:
                lines.append(f"{indent}附件：{attachments[0]}")
            else:
                lines.append(f"{indent}附件：1.{attachments[0]}")
                lines.extend(f"{indent}　　　{i}.{a}" for i, a in enumerate(attachments[1:], start=2))
        date = date or self.date()
        lines += ["", sign_name or iss.name, self.cn_date(date) if self.chance(0.15) else self.fmt_date(date)]
        if note:
            lines += ["", note]
        if cc:
            lines += ["", f"抄送：{cc}。"]
        if print_line if print_line is not None else self.chance(0.6):
            office = iss.name if iss.name.endswith("办公室") else iss.name + "办公室"
            pd = (date[0], date[1], min(28, date[2] + self.num(0, 2)))
            lines.append(f"{office}　　　　{self.fmt_date(pd)}印发")
        return "\n".join(lines) + "\n"

    def pub_note(self) -> str | None:
        return self.pick([None, None, "（此件公开发布）", "（此件主动公开）", None, "（此件公开发布）"])


# =============================================================================================
# Templates.  Each returns a Doc; labels follow corpus/README.md.
PUB, REQ, WH = "主动公开", "依申请公开", "不予公开"


def proactive(g: Gen, item: int, why: str) -> tuple[list[str], str, str]:
    art = REG + "第十九条、" + ART20[item]
    ref = re.sub(r"（[^（）]*）$", "", ART20[item])
    return ["proactive_scope"], art, f"{why}，属条例第十九条、{ref}规定应主动公开的信息，不涉密。"


def t_notice_policy(g: Gen) -> Doc:
    iss = g.issuer()
    topic = g.topic(iss)
    kind = g.pick(["做好", "加强", "开展", "进一步规范", "推进"])
    if g.chance(0.4):
        title = f"关于印发《{iss.place}{topic}{g.pick(['实施方案', '工作方案', '三年行动计划', '工作要点'])}》的通知"
        body = [f"现将《{iss.place}{topic}{g.pick(['实施方案', '工作方案'])}》印发给你们，请结合实际认真贯彻落实。"] + \
               g.sections(topic, 2, 4)
        att = [title[5:-4].strip("《》")]
    else:
        title = f"关于{kind}{topic}工作的通知"
        body = [g.opening(topic, iss)] + ([g.background(topic, iss)] if g.chance(0.5) else []) + g.sections(topic, 3, 7) + [g.closing()]
        att = [f"{topic}工作联系人名单"] if g.chance(0.2) else None
    reasons, art, rat = proactive(g, g.pick([11, 13, 15]), f"面向社会部署{topic}工作的政策性通知，需公众广泛知晓")
    text = g.gongwen(iss, title, iss.subordinates, body, doc_no=g.doc_no(iss), attachments=att, note=g.pub_note(),
                     cc=g.pick([None, iss.superior]))
    return Doc("通知", "通知", iss.name, PUB, "非密", reasons, art, rat, text)


def t_gonggao(g: Gen) -> Doc:
    kind = g.pick(["land", "insurance", "recruit", "service", "relocation"])
    if kind == "land":
        iss = g.issuer(("city", "county"), "自然资源局")
        v = g.pick(VILLAGES)
        area = g.num(30, 900) / 10
        title = f"关于{g.pick(TOWNS)}{v}片区拟征收土地的公告"
        body = [f"根据《中华人民共和国土地管理法》及其实施条例有关规定，为保障{g.pick(['城市道路', '产业园区', '学校', '保障性住房', '水利设施'])}建设用地需要，"
                f"拟征收{v}集体土地{area}公顷。现将有关事项公告如下：",
                f"一、征收范围：{v}{g.pick(['东至', '北临'])}{g.pick(ROADS)}，{g.pick(['西至', '南临'])}河道，具体以勘测定界图为准。",
                f"二、征收目的：{g.pick(['公共利益需要', '实施国土空间规划'])}。",
                f"三、自本公告发布之日起，任何单位和个人不得在拟征收范围内抢栽抢建；违反规定的，不予补偿。",
                f"四、土地现状调查将于公告发布后{g.num(5, 15)}个工作日内开展，请相关权利人予以配合。"]
        item, why = 10, "征收土地公告涉及群众切身利益，需社会广泛知晓"
    elif kind == "insurance":
        iss = g.issuer(("city", "county", "district"), "医疗保障局")
        y = g.pick([2026, 2027])
        body = [f"{y}年度城乡居民基本医疗保险集中参保缴费工作即将开始，现将有关事项公告如下：",
                f"一、缴费时间：{y - 1}年9月1日至12月31日。",
                f"二、缴费标准：个人缴费标准为每人每年{g.num(380, 420)}元，特困人员、低保对象等由医疗救助资金按规定给予资助。",
                f"三、缴费渠道：参保人可通过{g.pick(['手机银行', '税务APP', '村（社区）代收点'])}等渠道缴费。",
                f"咨询电话：{g.landline()}。"]
        title = f"关于做好{y}年度城乡居民基本医疗保险参保缴费工作的公告"
        item, why = 11, "参保缴费政策面向全体居民"
    elif kind == "recruit":
        iss = g.issuer(("city", "county", "province"), "人力资源和社会保障局")
        n = g.num(12, 160)
        title = f"{g.date()[0]}年{iss.place}事业单位公开招聘工作人员公告"
        body = [f"为满足事业单位用人需求，经研究，决定面向社会公开招聘工作人员{n}名。现将有关事项公告如下：",
                "一、招聘原则：坚持公开、平等、竞争、择优，实行考试与考察相结合。",
                f"二、报考条件：具有中华人民共和国国籍，年龄在18周岁以上、{g.pick(['35', '40'])}周岁以下，具备岗位所需学历和专业。",
                f"三、报名时间：{g.num(3, 6)}月{g.num(1, 20)}日至{g.num(7, 9)}月{g.num(1, 20)}日，采取网上报名方式。",
                "四、笔试内容为公共基础知识，试题由组织招聘单位委托专业机构命制，全程保密管理。",
                "五、本公告由招聘主管部门负责解释。"]
        item, why = 14, "事业单位公开招聘公告面向社会"
    elif kind == "service":
        iss = g.issuer(("city", "county", "district"), g.pick(["政府办", "市场监督管理局", "人力资源和社会保障局"]))
        body = [f"为进一步方便企业和群众办事，自{g.fmt_date(g.date())}起，{iss.place}政务服务中心实行工作日午间不间断服务和周六预约服务。",
                f"办公地址：{g.address(iss.place)}。咨询电话：{g.landline()}。",
                g.pick(["特此公告。", "欢迎社会各界监督。"])]
        title = "关于调整政务服务大厅服务时间的公告"
        item, why = 15, "政务服务办公时间与联系方式"
    else:
        iss = g.issuer(("county", "district", "town"), "政府")
        v = g.pick(VILLAGES)
        body = [f"因{g.pick(['防洪堤加固', '道路拓宽', '地质灾害隐患点搬迁避让'])}工程建设需要，{v}部分农户需实施搬迁安置。",
                f"搬迁范围涉及{g.num(12, 80)}户，安置方式分为货币补偿和产权调换两种，由被搬迁户自愿选择。",
                f"补偿标准按照《{iss.place}集体土地上房屋搬迁补偿办法》执行。对补偿方案有异议的，可在公告之日起{g.num(10, 30)}日内书面提出。"]
        title = f"关于{v}搬迁安置补偿方案的公告"
        item, why = 10, "搬迁补偿方案需被搬迁群众知晓和参与"
    reasons, art, rat = proactive(g, item, why)
    text = g.gongwen(iss, title, None, body, doc_no=g.doc_no(iss, "告") if g.chance(0.5) else None,
                     note=g.pub_note(), print_line=False)
    return Doc("公告", "公告", iss.name, PUB, "非密", reasons, art, rat, text)


def t_tonggao(g: Gen) -> Doc:
    kind = g.pick(["burn", "traffic", "fire", "fishing"])
    d = g.date()
    if kind == "burn":
        iss = g.issuer(("county", "district", "town"), "政府")
        title = "关于全面禁止露天焚烧秸秆的通告"
        body = [f"为保护大气环境，保障人民群众身体健康，依据《中华人民共和国大气污染防治法》，现就{iss.place}秸秆禁烧有关事项通告如下：",
                "一、本行政区域内全面禁止露天焚烧秸秆、落叶、杂草等产生烟尘污染的物质。",
                f"二、各村（居）要落实网格化管理，{g.pick(['实行包片包户', '明确巡查责任人'])}。",
                "三、违反本通告的，由生态环境主管部门依法处罚；构成犯罪的，依法追究刑事责任。",
                f"四、本通告自发布之日起施行。举报电话：{g.landline()}。"]
        item = 13
    elif kind == "traffic":
        iss = g.issuer(("city", "county"), "公安局")
        road = g.pick(ROADS)
        title = f"关于{road}部分路段施工期间实行交通管制的通告"
        body = [f"因{road}{g.pick(['雨污分流改造', '路面大修', '桥梁加固'])}工程施工需要，依据《中华人民共和国道路交通安全法》，决定对相关路段实行交通管制。",
                f"一、管制时间：{d[0]}年{d[1]}月{d[2]}日至{d[0]}年{min(12, d[1] + 2)}月{g.num(1, 28)}日。",
                f"二、管制期间，{road}（{g.pick(ROADS)}至{g.pick(ROADS)}段）禁止机动车通行，行人和非机动车绕行。",
                "三、请过往车辆服从现场交通警察指挥，按照交通标志绕行。因管制给市民出行带来的不便，敬请谅解。"]
        item = 15
    elif kind == "fire":
        iss = g.issuer(("county", "city"), g.pick(["政府", "应急管理局"]))
        title = f"关于划定{d[0]}年度森林防火期和森林高火险期的通告"
        body = [f"为有效预防和扑救森林火灾，依据《森林防火条例》，现通告如下：",
                f"一、{d[0]}年度森林防火期为{g.pick(['1月1日至5月31日', '10月1日至次年4月30日'])}，高火险期另行发布。",
                "二、森林防火期内，禁止在林区野外吸烟、烧纸、燃放烟花爆竹等一切野外用火。",
                "三、违反规定野外用火的，依法予以处罚。发现火情请立即拨打报警电话。"]
        item = 12
    else:
        iss = g.issuer(("county", "city"), "农业农村局")
        title = f"关于{d[0]}年{g.pick(['长江流域', '汐水河', '澜江干流'])}禁渔期管理的通告"
        body = ["为保护渔业资源，维护水域生态平衡，依据《中华人民共和国渔业法》，现将禁渔有关事项通告如下：",
                f"一、禁渔区域：本县境内{g.pick(['汐水河', '澜江'])}干流及主要支流。",
                f"二、禁渔时间：{d[0]}年3月1日0时至6月30日24时。",
                "三、禁渔期内禁止一切捕捞作业。违反规定的，由渔业行政主管部门依法查处。"]
        item = 13
    reasons, art, rat = proactive(g, item, "面向社会公众发布的通告，需公众遵守和知晓")
    text = g.gongwen(iss, title, None, body, doc_no=g.doc_no(iss, "通") if g.chance(0.4) else None,
                     date=d, note=g.pub_note(), print_line=False)
    return Doc("通告", "通告", iss.name, PUB, "非密", reasons, art, rat, text)


def t_jueding_public(g: Gen) -> Doc:
    kind = g.pick(["award", "repeal", "award", "delegate"])
    iss = g.issuer()
    y = g.date()[0]
    if kind == "award":
        topic = g.topic(iss)
        units = [g.pick(TOWNS) + "人民政府" for _ in range(g.num(2, 4))] + [g.company() for _ in range(g.num(0, 2))]
        persons = [f"{g.person()}（{g.pick(TOWNS)}{g.pick(['农业服务中心', '便民服务中心', '中心学校', '卫生院'])}）" for _ in range(g.num(2, 6))]
        title = f"关于表彰{y - 1}年度{topic}工作先进集体和先进个人的决定"
        body = [f"{y - 1}年，全{iss.place[-1]}各级各部门认真落实{topic}各项任务，涌现出一批成绩突出的先进集体和先进个人。"
                "为树立典型、激励先进，经研究，决定对以下单位和个人予以表彰。",
                "一、先进集体（{}个）：{}".format(len(units), "、".join(units)),
                "二、先进个人（{}名）：{}".format(len(persons), "、".join(persons)),
                g.pick(["希望受表彰的集体和个人珍惜荣誉，再接再厉。", "希望全体干部职工以先进为榜样，推动工作再上新台阶。"])]
        item, why = 15, "表彰决定需社会知晓，所列为单位和工作人员的公务信息"
    elif kind == "repeal":
        n = g.num(3, 9)
        title = f"关于废止和修改部分规范性文件的决定"
        docs = [f"《关于{g.topic(iss)}的{g.pick(['通知', '暂行办法', '实施意见'])}》（{g.doc_no(iss, '发', g.num(2012, 2022))}）" for _ in range(n)]
        body = [f"为维护法制统一，根据规范性文件清理工作安排，{iss.name}对现行规范性文件进行了全面清理。经研究，决定：",
                "一、对以下{}件规范性文件予以废止：{}。".format(n - 1, "；".join(docs[:-1])),
                f"二、对{docs[-1]}作出修改，相关条款中的审批时限由二十个工作日调整为十个工作日。",
                "本决定自公布之日起施行。"]
        item, why = 1, "规范性文件的废止和修改决定"
    else:
        title = f"关于调整部分行政权力事项的决定"
        body = [f"为深化放管服改革，经研究，决定将{g.num(5, 40)}项行政权力事项调整由{g.pick(TOWNS)}等乡镇（街道）实施。",
                "一、调整事项清单见附件。二、承接单位要规范办理流程，公开办事指南。三、原实施部门要加强业务指导。",
                "本决定自印发之日起施行。"]
        item, why = 5, "行政权力事项调整涉及办事依据与程序"
    reasons, art, rat = proactive(g, item, why)
    text = g.gongwen(iss, title, iss.subordinates, body, doc_no=g.doc_no(iss),
                     attachments=["调整事项清单"] if kind == "delegate" else None, note=g.pub_note())
    return Doc("决定", "决定", iss.name, PUB, "非密", reasons, art, rat, text)


def t_jueyi(g: Gen) -> Doc:
    place = g.pick(CITIES + COUNTIES + DISTRICTS)
    name = f"{place}人民代表大会常务委员会"
    iss = Issuer(name, place[0] + "人常", "county", place, "人大", "", "")
    y = g.pick([2025, 2026])
    n = g.num(10, 45)
    kind = g.pick(["final", "plan", "budget_adj"])
    if kind == "final":
        title = f"{place}人民代表大会常务委员会关于批准{y - 1}年{place[-1]}级决算的决议"
        body = [f"（{y}年{g.num(6, 9)}月{g.num(1, 28)}日{place}第{g.pick(['十七', '十八', '十九'])}届人民代表大会常务委员会第{n}次会议通过）",
                f"{place}第{g.pick(['十七', '十八'])}届人民代表大会常务委员会第{n}次会议听取了{place}人民政府关于{y - 1}年{place[-1]}级决算的报告，"
                f"审查了{y - 1}年{place[-1]}级决算草案，结合审计工作报告进行了审议。会议决定，批准{y - 1}年{place[-1]}级决算。",
                f"会议要求，{place}人民政府要严格执行预算法，加强预算绩效管理，认真落实审计整改，切实提高财政资金使用效益。"]
        item = 7
    elif kind == "plan":
        title = f"{place}人民代表大会常务委员会关于批准{place}{g.pick(['国民经济和社会发展计划调整方案', '国土空间总体规划'])}的决议"
        body = [f"{place}人民代表大会常务委员会第{n}次会议审议了{place}人民政府提请的有关方案，同意{place}财政经济委员会的审查意见，决定予以批准。",
                "会议要求，各级各部门要统一思想，狠抓落实，确保目标任务如期完成。"]
        item = 3
    else:
        amount = g.num(2, 80) * 1000
        title = f"{place}人民代表大会常务委员会关于批准{y}年{place[-1]}级预算调整方案的决议"
        body = [f"{place}第{g.pick(['十七', '十八'])}届人民代表大会常务委员会第{n}次会议审查了{place}人民政府提出的{y}年{place[-1]}级预算调整方案，"
                f"同意新增地方政府债券资金{amount}万元，用于{g.pick(['保障性安居工程', '农村公路建设', '水利设施建设'])}。会议决定，批准该预算调整方案。"]
        item = 7
    reasons, art, rat = proactive(g, item, "人大常委会批准决算、规划、预算调整的决议")
    body.append(g.pick([f"会议强调，要自觉接受人大监督，认真研究处理常委会组成人员的审议意见，并在{g.num(3, 6)}个月内书面报告研究处理情况。",
                        "会议要求，要进一步细化预算编制，增强预算的完整性和约束力，全面落实过紧日子要求。",
                        "会议指出，要加强审计监督和绩效评价，切实提高财政资金使用效益，确保各项目标任务顺利完成。"]))
    text = "\n".join([title, ""] + body) + "\n"
    return Doc("决议", "决议", name, PUB, "非密", reasons, art, rat, text)


def t_mingling(g: Gen) -> Doc:
    place = g.pick(CITIES + PROVINCES)
    name = f"{place}人民政府"
    n = g.num(80, 260)
    topic = g.pick(["城市供水用水管理", "养犬管理", "电梯安全管理", "历史文化街区保护", "物业管理", "政府投资项目管理",
                    "公共数据管理", "生活垃圾分类管理", "燃气管理", "停车场管理"])
    d = g.date()
    head = f"{name}令\n\n第{n}号\n"
    body = (f"《{place}{topic}办法》已经{d[0]}年{d[1]}月{d[2]}日{place[-1]}人民政府第{g.num(10, 90)}次常务会议通过，"
            f"现予公布，自{d[0]}年{min(12, d[1] + 2)}月1日起施行。\n\n{g.pick(['市长', '省长'] if place in PROVINCES else ['市长'])}　{g.person()}\n"
            f"{g.fmt_date(d)}\n\n{place}{topic}办法\n\n")
    arts = ["第一条　为了加强{t}，维护公共利益和公民、法人及其他组织的合法权益，根据有关法律、法规，结合本{p}实际，制定本办法。",
            "第二条　本办法适用于本{p}行政区域内的{t}及其监督管理活动。",
            "第三条　{p}人民政府有关部门按照职责分工做好{t}相关工作。",
            "第四条　有关单位应当建立健全管理制度，落实安全责任。",
            "第五条　违反本办法规定的，由主管部门责令限期改正；逾期不改正的，依法予以处罚。",
            "第六条　本办法自公布之日起施行。"]
    k = g.num(4, 6)
    text_arts = [a.format(t=topic, p=place[-1]) for a in arts[:k - 1]] + [arts[-1].replace("第六条", f"第{'一二三四五六'[k - 1]}条")]
    reasons, art, rat = proactive(g, 1, "政府令公布的规章")
    return Doc("政府令", "命令", name, PUB, "非密", reasons, art, rat, head + "\n" + body + "\n".join(text_arts) + "\n")


def stat_lines(g: Gen, place: str, y: int) -> list[str]:
    gdp = g.num(180, 4800) + g.num(0, 9) / 10
    return g.some([
        f"初步核算，全年地区生产总值{gdp}亿元，比上年增长{g.num(30, 75) / 10}%。",
        f"第一产业增加值{round(gdp * g.num(5, 18) / 100, 1)}亿元，增长{g.num(20, 45) / 10}%；第二产业增加值{round(gdp * 0.38, 1)}亿元，增长{g.num(30, 80) / 10}%。",
        f"全年城镇新增就业{g.num(3000, 60000)}人，城镇调查失业率{g.num(45, 56) / 10}%。",
        f"全年居民消费价格比上年上涨{g.num(0, 25) / 10}%。",
        f"全体居民人均可支配收入{g.num(21000, 56000)}元，比上年增长{g.num(40, 70) / 10}%。",
        f"全年粮食总产量{g.num(10, 180)}万吨，比上年{g.pick(['增长', '下降'])}{g.num(1, 30) / 10}%。",
        f"规模以上工业增加值比上年增长{g.num(30, 99) / 10}%。",
        f"全年一般公共预算收入{g.num(8, 300)}亿元，增长{g.num(5, 80) / 10}%。",
        f"年末常住人口{g.num(20, 600)}.{g.num(0, 9)}万人，城镇化率{g.num(450, 720) / 10}%。",
        f"全年接待国内游客{g.num(100, 5000)}万人次，实现旅游收入{g.num(10, 600)}亿元。",
        f"全年固定资产投资比上年{g.pick(['增长', '下降'])}{g.num(1, 120) / 10}%，其中工业投资增长{g.num(10, 200) / 10}%。",
        f"社会消费品零售总额{g.num(50, 2000)}亿元，比上年增长{g.num(20, 90) / 10}%。",
        f"年末全{place[-1]}共有各级各类学校{g.num(40, 900)}所，在校学生{g.num(2, 60)}万人。",
        f"年末医疗卫生机构{g.num(50, 2000)}个，卫生技术人员{g.num(1000, 40000)}人。",
    ], 5, 9)


def t_stat_bulletin(g: Gen) -> Doc:
    place = g.pick(CITIES + COUNTIES + DISTRICTS)
    y = g.pick([2025, 2026])
    name = place + "统计局"
    sec = ["一、综合", "二、农业", "三、工业和建筑业", "四、人民生活"]
    lines = stat_lines(g, place, y)
    body = []
    for i, ln in enumerate(lines):
        if i % 2 == 0 and i // 2 < len(sec):
            body.append(sec[i // 2])
        body.append(ln)
    title = f"{place}{y - 1}年国民经济和社会发展统计公报"
    notes = "注：公报中部分数据为初步统计数，各项统计数据均未包括外来流动人口的相关数据。" if g.chance(0.5) else ""
    text = "\n".join([title, "", f"{name}", g.fmt_date((y, g.num(2, 4), g.num(1, 28))), ""] + body + [notes]) + "\n"
    reasons, art, rat = proactive(g, 4, "已正式发布的年度统计公报")
    return Doc("统计公报", "公报", name, PUB, "非密", reasons, art, rat, text)


def t_yijian(g: Gen) -> Doc:
    iss = g.issuer(("city", "county", "province"), g.pick(["政府", "政府办", None]))
    topic = g.topic(iss)
    title = f"关于{g.pick(['加快推进', '进一步加强', '全面深化', '推动'])}{topic}的实施意见"
    body = [g.pick([f"为推动{topic}高质量发展，现提出如下实施意见。",
                    f"为贯彻落实国家和省关于{topic}的部署要求，结合本地实际，提出以下意见。"]),
            f"一、总体目标。到{g.num(2027, 2030)}年，{topic}体系基本健全，主要指标达到全省平均水平以上。"] + g.sections(topic, 3, 6)[1:] + \
           [g.pick(["本意见自印发之日起施行。", f"本意见自{g.fmt_date(g.date(2026))}起施行，有效期5年。"])]
    reasons, art, rat = proactive(g, 1, f"涉及{topic}的政策性实施意见，属规范性文件或政策措施")
    text = g.gongwen(iss, title, iss.subordinates, body, doc_no=g.doc_no(iss), note=g.pub_note())
    return Doc("意见", "意见", iss.name, PUB, "非密", reasons, art, rat, text)


def t_tongbao_public(g: Gen) -> Doc:
    iss = g.issuer()
    topic = g.topic(iss)
    n, m = g.num(20, 300), g.num(3, 40)
    firms = [g.company() for _ in range(g.num(2, 4))]
    title = g.pick([f"关于{g.date()[0]}年{topic}监督检查情况的通报", f"关于{topic}专项检查发现问题的通报"])
    body = [f"按照年度监督检查计划，{iss.name}于{g.num(3, 10)}月组织开展了{topic}专项检查，共检查单位{n}家，发现问题{m}个。现将有关情况通报如下：",
            "一、总体情况。" + g.action(topic),
            "二、存在的主要问题。部分单位制度执行不严，台账资料不全。其中，" + "、".join(firms) + "存在较为突出的问题，已责令限期整改。",
            "三、下一步工作要求。" + g.action(topic) + g.action(topic)]
    reasons, art, rat = proactive(g, 13, "监督检查情况通报，点名对象为企业")
    text = g.gongwen(iss, title, iss.subordinates, body, doc_no=g.doc_no(iss), note=g.pub_note())
    return Doc("通报", "通报", iss.name, PUB, "非密", reasons, art, rat, text)


def t_pifu_public(g: Gen) -> Doc:
    iss = g.issuer(("city", "county", "province"), "政府")
    sub = g.pick(TOWNS)
    kind = g.pick(["plan", "project", "name"])
    if kind == "plan":
        what = f"{sub}国土空间规划（{g.num(2021, 2025)}—2035年）"
        item = 3
        extra = "规划一经批准，必须严格执行，任何单位和个人不得擅自修改。"
    elif kind == "project":
        what = f"{g.pick(ROADS)}{g.pick(['改扩建工程', '排水管网工程', '综合管廊工程'])}项目建议书"
        item = 10
        extra = f"项目总投资{g.num(800, 90000)}万元，资金来源为财政资金和地方政府专项债券。"
    else:
        what = f"{sub}部分道路命名方案"
        item = 15
        extra = "请做好标志设置和宣传工作。"
    title = f"关于{what}的批复"
    body = [f"你{g.pick(['单位', '镇', '局'])}《关于审批{what}的请示》收悉。经研究，批复如下：",
            f"一、原则同意{what}。", "二、" + extra, "三、" + g.action(g.pick(GOV_TOPICS))]
    reasons, art, rat = proactive(g, item, "批准规划、项目或公共事项的批复")
    text = g.gongwen(iss, title, f"{sub}人民政府" if kind != "project" else iss.place + "发展和改革委员会", body,
                     doc_no=g.doc_no(iss, "复"), note=g.pub_note())
    return Doc("批复", "批复", iss.name, PUB, "非密", reasons, art, rat, text)


def t_jiyao(g: Gen, label: str) -> Doc:
    iss = g.issuer(("city", "county", "district", "town"), "政府" if label == PUB else None)
    topic = g.topic(iss)
    d = g.date()
    chair = g.person()
    n = g.num(5, 60)
    attendees = "、".join(g.person() for _ in range(g.num(3, 7)))
    jiyao_titles = [f"{topic}工作推进会会议纪要", f"关于{topic}工作调度会的纪要", f"{topic}专题会议纪要",
                    f"关于研究{topic}有关问题的会议纪要", f"{iss.place}{topic}工作会议纪要"]
    if label == PUB:
        title = f"{iss.place}人民政府第{n}次常务会议纪要"
        items = [f"会议审议并原则通过了《{iss.place}{t}{g.pick(['实施办法', '管理办法', '补助办法'])}》，请司法部门按程序印发，并向社会公布。"
                 for t in g.some(GOV_TOPICS, 1, 2)] + \
                [f"会议听取了关于{topic}工作情况的汇报。会议决定，{g.pick(['从' + str(d[0]) + '年起提高补助标准', '在全' + iss.place[-1] + '范围内推广试点经验', '向社会公开征集意见后实施'])}。"]
        reasons, art, rat = proactive(g, 15, "常务会议纪要记载已作出的、面向社会的决定事项")
        genre = "会议纪要"
    elif label == REQ:
        title = g.pick(jiyao_titles)
        items = [f"会议通报了近期{topic}工作进展。{g.action(topic)}", f"会议明确：{g.action(topic)}",
                 f"会议要求各责任单位于{d[1]}月底前完成相关工作任务。"]
        reasons, art, rat = ["on_request"], ART["on_request"], "工作推进会纪要为日常工作安排，不属主动公开范围，也无不予公开情形，可依申请公开。"
        genre = "会议纪要"
    else:
        title = g.pick(jiyao_titles)
        items = [f"会议讨论了{topic}中存在的困难。{g.person()}同志提出，{g.pick(['现行补助标准偏低', '部分项目资金缺口较大', '拟调整方案可能引发群众不满'])}，建议{g.pick(['暂缓实施', '另行论证', '先行试点'])}；"
                 f"{g.person()}同志持不同意见，认为{g.pick(['应按原计划推进', '可先在部分乡镇试行'])}。",
                 f"会议认为，相关事项尚需进一步研究论证，请{g.pick(['财政局', '发展和改革委员会', '司法局'])}牵头提出修改方案后再次提交会议研究。",
                 "会议讨论情况不作为正式决定，有关方案未经批准前不得对外表态。"]
        reasons, art, rat = ["process_info"], ART["process_info"], "专题会议纪要记录尚未形成决定的讨论意见，属过程性信息，可不予公开。"
        genre = "会议纪要"
    items += [f"会议{g.pick(['强调', '要求', '指出'])}，{g.action(topic)}" for _ in range(g.num(0, 3))]
    head_title = g.pick(["局长", "副局长"] if iss.dept in DEPTS else [iss.place[-1] + "长", "副" + iss.place[-1] + "长"])
    if iss.dept in DEPTS and iss.name.endswith("委员会"):
        head_title = g.pick(["主任", "副主任"])
    body = [f"{d[0]}年{d[1]}月{d[2]}日，{head_title}{chair}主持召开会议，{g.pick(['研究', '专题研究', '听取并研究'])}{topic}等有关事项。纪要如下："] + \
           [f"{'一二三四五六七八'[i]}、{x}" for i, x in enumerate(items)] + [f"出席：{attendees}", f"记录：{g.person()}"]
    text = "\n".join([f"{iss.name}", title, f"第{g.num(1, 40)}期" if g.chance(0.5) else "", ""] + body) + "\n"
    if label == PUB and g.chance(0.5):
        text += "（此件公开发布）\n"
    return Doc(genre, "纪要", iss.name, label, "非密", reasons, art, rat, text)


def t_han(g: Gen, label: str) -> Doc:
    iss = g.issuer()
    other = g.issuer((iss.level,) if iss.level != "province" else ("province", "city"))
    topic = g.topic(iss)
    d = g.date()
    if label == PUB:
        n = g.num(10, 300)
        title = f"关于{iss.place}{g.pick(['十八', '十九'])}届人大{g.pick(['三', '四', '五'])}次会议第{n}号建议的答复"
        rep = g.person()
        body = [f"{rep}代表：", f"您提出的《关于加强{topic}的建议》收悉。感谢您对{topic}工作的关心和支持。现答复如下：",
                "一、工作开展情况。" + g.action(topic) + g.action(topic),
                "二、下一步打算。" + g.action(topic),
                f"感谢您对我们工作的支持。联系人：{g.person()}，联系电话：{g.landline()}。"]
        reasons, art, rat = proactive(g, 15, "人大代表建议办理答复按规定应主动公开")
        text = g.gongwen(iss, title, body[0].rstrip("："), body[1:], doc_no=g.doc_no(iss, "建复"), letter=True,
                         note=g.pick([None, "（此件公开发布）"]), print_line=False)
        return Doc("建议答复函", "函", iss.name, PUB, "非密", reasons, art, rat, text)
    if label == REQ:
        title = g.pick([f"关于商请提供{topic}有关资料的函", f"关于协助做好{topic}工作的函", f"关于{topic}有关事项的复函",
                        f"关于商请派员参加{topic}联合检查的函", f"关于借用会议室的函"])
        body = [g.pick([f"根据工作需要，{g.we(iss)}正在开展{topic}相关工作，需贵单位协助提供{g.num(2024, 2025)}年度相关工作台账及统计数据。",
                        f"贵单位《关于{topic}有关事项的函》收悉。经研究，现函复如下：",
                        f"为做好{topic}联合检查，拟于{d[1]}月{d[2]}日开展实地检查，请贵单位派{g.num(1, 3)}名业务人员参加。"]),
                g.background(topic, iss) if g.chance(0.4) else "", g.action(topic),
                g.pick(["", f"需提供的材料包括：{'、'.join(g.some(['工作台账', '统计报表', '项目清单', '资金拨付凭证', '会议记录', '整改报告'], 2, 4))}。"]),
                f"请于{d[1]}月{min(28, d[2] + 7)}日前将有关材料报送{g.we(iss)}。联系人：{g.person()}，电话：{g.landline()}。"]
        reasons, art, rat = ["on_request"], ART["on_request"], "机关之间就日常事务往来的函件，不属主动公开范围，无不予公开情形，可依申请公开。"
        text = g.gongwen(iss, title, other.name, body, doc_no=g.doc_no(iss, "函"), letter=True,
                         note=g.pick([None, None, "（此件依申请公开）"]), print_line=False)
        return Doc("函", "函", iss.name, REQ, "非密", reasons, art, rat, text)
    # process: internal consultation draft sent to departments
    title = f"关于征求《{iss.place}{topic}{g.pick(['管理办法', '实施细则', '补助标准'])}（征求意见稿）》意见的函"
    body = [f"为做好{topic}工作，{g.we(iss)}起草了《{iss.place}{topic}{g.pick(['管理办法', '实施细则'])}（征求意见稿）》，现送上，请研究提出修改意见。",
            f"征求意见稿仅供内部研究，{g.pick(['请勿对外扩散', '相关内容尚未定稿'])}。有关条款中的补助标准、实施范围等仍在测算，{g.pick(['部门间存在分歧', '需报政府常务会议研究'])}。",
            f"请于{d[1]}月{min(28, d[2] + 10)}日前将书面意见反馈{g.we(iss)}，逾期视为无意见。"]
    reasons, art, rat = ["process_info"], ART["process_info"], "向有关部门征求意见的磋商信函及未定稿，属过程性信息，可不予公开。"
    text = g.gongwen(iss, title, g.pick([iss.subordinates, other.name]), body, doc_no=g.doc_no(iss, "函"), letter=True,
                     attachments=["征求意见稿", "意见反馈表"] if g.chance(0.6) else None, print_line=False)
    return Doc("征求意见稿（内部）", "函", iss.name, WH, "非密", reasons, art, rat, text)


def t_regulation(g: Gen) -> Doc:
    iss = g.issuer(("city", "county", "province"))
    topic = g.topic(iss)
    name = f"{iss.place}{topic}管理办法" if g.chance(0.6) else f"{iss.place}{topic}{g.pick(['实施细则', '暂行规定', '工作规则'])}"
    chapters = [
        f"第一条　为了规范{topic}工作，保障公民、法人和其他组织的合法权益，根据有关法律、法规和规章，结合本地实际，制定本办法。",
        f"第二条　本办法适用于本行政区域内{topic}及其监督管理活动。法律、法规另有规定的，从其规定。",
        f"第三条　{iss.name}负责本行政区域内{topic}的统筹协调和监督管理。其他有关部门按照各自职责做好相关工作。",
        "第四条　{}工作应当遵循依法、公开、公平、便民的原则。".format(topic),
        f"第五条　有关单位应当建立{topic}工作档案，如实记录工作情况，档案保存期限不少于{g.pick(['三', '五', '十'])}年。",
        g.pick(["第六条　工作人员在履行职责中知悉的国家秘密、商业秘密和个人隐私，应当依法予以保密。",
                "第六条　涉及国家秘密的事项，按照保守国家秘密的有关法律法规办理；不得以保密为由拒绝公开依法应当公开的信息。",
                "第六条　主管部门应当加强内部控制，完善内部审批流程，防范廉政风险。",
                "第六条　收集、使用个人信息应当遵循合法、正当、必要原则，不得泄露、篡改，防止个人隐私受到侵害。"]),
        f"第七条　申请人应当提交申请书、身份证明及相关材料。主管部门应当自受理之日起{g.pick(['十', '十五', '二十'])}个工作日内作出决定。",
        "第八条　主管部门应当通过政府网站公开办事依据、条件、程序和结果，接受社会监督。",
        "第九条　违反本办法规定的，由有关部门责令改正；情节严重的，对直接负责的主管人员和其他直接责任人员依法给予处分。",
        "第十条　主管部门应当建立投诉举报制度，公布投诉举报电话和电子邮箱，依法及时处理投诉举报。",
        f"第十一条　从事{topic}的单位应当每年向主管部门报送上一年度工作情况，并对报送材料的真实性负责。",
        "第十二条　主管部门应当建立信用档案，将违法违规信息依法纳入信用信息共享平台。",
        f"第十三条　鼓励社会组织、志愿者参与{topic}工作。对作出显著成绩的单位和个人，按照有关规定给予表彰奖励。",
        "第十四条　主管部门及其工作人员滥用职权、玩忽职守、徇私舞弊的，依法给予处分；构成犯罪的，依法追究刑事责任。",
        f"第十五条　本办法自{g.fmt_date(g.date(2026))}起施行，有效期{g.pick(['五', '三'])}年。",
    ]
    keep = sorted(g.some(range(1, 14), 5, 13))
    extra = []
    if g.chance(0.4):  # a long regulation, in chapters
        extra = g.some([
            f"第X条　申请{topic}相关事项，应当具备下列条件：（一）有符合规定的场所和设施；（二）有相应的专业技术人员；（三）有健全的管理制度；（四）法律、法规规定的其他条件。",
            "第X条　主管部门应当对申请材料进行审查。申请材料不齐全或者不符合法定形式的，应当当场或者在五日内一次告知申请人需要补正的全部内容。",
            "第X条　主管部门应当采取“双随机、一公开”方式实施监督检查，检查结果依法向社会公开。",
            "第X条　监督检查人员依法履行职责时，有权进入现场检查，查阅、复制有关资料，询问有关人员。被检查单位应当予以配合，不得拒绝、阻挠。",
            f"第X条　{topic}相关信息的公开，依照《中华人民共和国政府信息公开条例》执行；涉及国家秘密、商业秘密、个人隐私的，依法处理。",
            "第X条　任何单位和个人有权对违反本办法的行为进行投诉和举报。主管部门应当为举报人保密。",
            "第X条　主管部门应当会同有关部门建立联席会议制度，协调解决工作中的重大问题。",
            "第X条　有关单位应当制定突发事件应急预案，定期组织演练，并报主管部门备案。",
            f"第X条　县级以上人民政府应当将{topic}所需经费纳入本级财政预算。",
            "第X条　违反本办法规定，拒不配合监督检查的，由主管部门责令改正，并依照有关法律、法规的规定予以处罚。",
            "第X条　当事人对行政处理决定不服的，可以依法申请行政复议或者提起行政诉讼。",
            "第X条　本办法所称主管部门，是指本行政区域内负责该项工作的行政机关。",
        ], 6, 12)
    arts = [chapters[0]] + [chapters[i] for i in keep] + extra + [chapters[-1]]
    arts = [re.sub(r"^第.+?条", "第" + article_number(i + 1) + "条", a) for i, a in enumerate(arts)]
    if extra:
        n = len(arts)
        heads = {0: "第一章　总则", n // 4: "第二章　管理职责", n // 2: "第三章　监督检查", 3 * n // 4: "第四章　法律责任", n - 1: "第五章　附则"}
        arts = [x for i, a in enumerate(arts) for x in ([heads[i]] if i in heads else []) + [a]]
    arts = [a.replace("本办法", "本" + name[-2:]) for a in arts]  # 本办法 / 本细则 / 本规定 / 本规则
    head = f"关于印发《{name}》的通知"
    body = [f"《{name}》已经{iss.name}{g.pick(['局务会议', '党组会议'] if iss.dept in DEPTS else ['常务会议'])}审议通过，现予印发，请认真遵照执行。", "", name, ""] + arts
    reasons, art, rat = proactive(g, 1, "管理办法属规范性文件（条文中提及保密、个人隐私仅为一般性规定，不构成涉密）")
    text = g.gongwen(iss, head, iss.subordinates, body, doc_no=g.doc_no(iss, "规"), note=g.pub_note())
    return Doc("规范性文件", "通知", iss.name, PUB, "非密", reasons, art, rat, text)


def article_number(n: int) -> str:
    cn = "零一二三四五六七八九"
    return cn[n] if n < 10 else ("十" if n < 20 else cn[n // 10] + "十") + (cn[n % 10] if n % 10 else "")


def t_annual_report(g: Gen) -> Doc:
    iss = g.issuer(("city", "county", "district", "town"))
    y = g.pick([2024, 2025])
    a, b, c = g.num(60, 900), g.num(2, 80), g.num(0, 9)
    title = f"{iss.name}{y}年政府信息公开工作年度报告"
    paras = [
        f"本报告依据《中华人民共和国政府信息公开条例》第五十条规定编制。报告中所列数据统计期限自{y}年1月1日起至{y}年12月31日止。",
        f"一、总体情况。{y}年，{iss.name}主动公开政府信息{a}条，其中规范性文件{g.num(0, 12)}件；受理政府信息公开申请{b}件，办结{b}件。",
        g.pick([
            f"二、保密审查。严格落实保密审查制度，坚持“先审查、后公开”和“一事一审”原则，对各类文件进行定性，确定公开属性和保密级别，全年未发生泄密问题。",
            f"二、制度建设。建立健全保密审查制度、复核审批制度和责任追究制度，信息发布实行科室提供、办公室收集、分管领导审核、主要领导审批的程序。",
            f"二、平台建设。落实专机专人管理，政府网站信息发布终端由专人负责，未经授权不得使用。",
        ]),
        f"三、政府信息管理。及时清理规范性文件{g.num(1, 20)}件，对涉及个人隐私的信息在公开前进行去标识化处理。",
        f"四、行政复议和行政诉讼情况。因政府信息公开被申请行政复议{c}件，被提起行政诉讼{g.num(0, 3)}件。",
        f"五、存在的主要问题及改进情况。主要问题是{g.pick(['信息发布及时性有待提高', '基层公开专区内容不够丰富', '部分信息解读不够通俗'])}。下一步将加强培训，提升工作人员业务水平。",
        f"六、其他需要报告的事项。本年度{g.pick(['未收取', '未产生'])}信息处理费。",
    ]
    detail = [f"（一）主动公开情况。全年通过政府网站发布信息{a}条，其中{g.pick(['政策解读', '工作动态', '通知公告'])}{g.num(5, a // 2)}条；政务新媒体发布信息{g.num(20, 900)}条。",
              f"（二）依申请公开情况。上年结转{g.num(0, 3)}件，本年新收{b}件；予以公开{g.num(0, b)}件，部分公开{g.num(0, 5)}件，不予公开{g.num(0, 3)}件（其中属于国家秘密{g.num(0, 1)}件、属于三类内部事务信息{g.num(0, 2)}件），本机关不掌握相关政府信息{g.num(0, 10)}件。",
              f"（三）收到和处理政府信息公开申请情况。自然人申请{g.num(0, b)}件，法人或其他组织申请{g.num(0, 10)}件；全部在法定期限内答复。"]
    paras = paras[:2] + detail[:g.num(1, 3)] + paras[2:]
    reasons, art, rat = proactive(g, 15, "依条例第五十条须公开的政府信息公开工作年度报告（所述保密审查制度为公开内容）")
    text = "\n".join([title, ""] + paras + ["", iss.name, g.fmt_date((y + 1, 1, g.num(10, 30)))]) + "\n"
    return Doc("政府信息公开年度报告", "报告", iss.name, PUB, "非密", reasons, art, rat, text)


def t_tender(g: Gen) -> Doc:
    iss = g.issuer(("city", "county", "district"))
    topic = g.topic(iss)
    proj = f"{iss.place}{g.pick([topic + '服务采购项目', '办公设备采购项目', g.pick(ROADS) + '维修工程', '信息化系统建设项目', '物业服务项目'])}"
    code = f"{iss.abbr[:1]}CG-{g.num(2025, 2026)}-{g.num(1, 400):03d}"
    budget = g.num(30, 2500) * 1000
    if g.chance(0.5):
        title = f"{proj}公开招标公告"
        body = [f"项目编号：{code}", f"采购人：{iss.name}", f"预算金额：{budget}元（最高限价同预算）",
                f"一、采购需求：{g.pick(['详见招标文件', '采购标的为服务类，服务期一年'])}。",
                "二、供应商资格要求：满足《中华人民共和国政府采购法》第二十二条规定；本项目不接受联合体投标。",
                f"三、获取招标文件：{g.fmt_date(g.date())}起在{iss.place}公共资源交易平台下载。",
                "四、投标截止时间和开标时间另行在平台公布。",
                f"五、联系方式：采购人联系人{g.person()}，电话{g.landline()}；代理机构{g.company()}。"]
        genre = "招标公告"
    else:
        win = g.company()
        title = f"{proj}中标（成交）结果公告"
        body = [f"项目编号：{code}", f"中标供应商：{win}", f"统一社会信用代码：{g.credit_code()}",
                f"中标金额：{budget - g.num(1, 90) * 1000}元", f"评审专家：{'、'.join(g.person() for _ in range(5))}",
                f"公告期限：自本公告发布之日起1个工作日。各有关当事人对中标结果有异议的，可在公告期限届满之日起七个工作日内以书面形式提出质疑。"]
        genre = "中标公示"
    reasons, art, rat = proactive(g, 9, "政府采购项目公告，依法应公开")
    text = "\n".join([title, ""] + body + ["", iss.name, g.fmt_date(g.date())]) + "\n"
    return Doc(genre, "公告", iss.name, PUB, "非密", reasons, art, rat, text)


def t_penalty(g: Gen) -> Doc:
    iss = g.issuer(("city", "county", "district"), g.pick(["市场监督管理局", "生态环境局", "交通运输局", "应急管理局", "城市管理局"]))
    firm = g.company()
    no = f"{iss.abbr}罚〔{g.num(2025, 2026)}〕{g.num(1, 300)}号"
    fact = g.pick(["未按规定进行食品进货查验记录", "超标排放大气污染物", "未取得道路运输经营许可擅自从事经营",
                   "未按规定对重大危险源进行安全评估", "擅自占用城市道路堆放物料", "销售不合格产品"])
    fine = g.num(5, 300) * 1000
    legal = g.person()
    body = [f"当事人：{firm}", f"统一社会信用代码：{g.credit_code()}", f"法定代表人：{legal if g.chance(0.5) else g.masked(legal)}",
            f"住所：{g.address(iss.place).split('号')[0]}号",
            f"经查，当事人于{g.date()[0]}年{g.num(1, 12)}月期间{fact}。上述事实有现场检查笔录、{g.pick(['抽样检验报告', '监测报告', '询问笔录'])}等证据证实。",
            f"当事人的行为违反了有关法律规定。本机关依法向当事人送达了行政处罚告知书，当事人{g.pick(['未提出陈述申辩', '提出了陈述申辩，经复核不予采纳'])}。",
            f"依据有关法律规定，本机关决定：对当事人处以罚款人民币{fine}元，{g.pick(['没收违法所得', '责令改正'])}。",
            "当事人应自收到本决定书之日起十五日内缴纳罚款。如不服本决定，可在收到本决定书之日起六十日内申请行政复议，或者在六个月内依法提起行政诉讼。"]
    reasons, art, rat = proactive(g, 6, "对企业作出的具有一定社会影响的行政处罚决定（双公示）")
    text = "\n".join([iss.name, "行政处罚决定书", no, ""] + body + ["", iss.name, g.fmt_date(g.date())]) + "\n"
    return Doc("行政处罚决定书", "决定书", iss.name, PUB, "非密", reasons, art, rat, text)


def t_license(g: Gen) -> Doc:
    iss = g.issuer(("city", "county", "district"), g.pick(["市场监督管理局", "卫生健康委员会", "交通运输局", "水利局", "生态环境局"]))
    kind = g.pick(["食品经营许可", "取水许可", "排污许可", "道路运输经营许可", "公共场所卫生许可"])
    rows = []
    for _ in range(g.num(3, 9)):
        rows.append(f"{g.company()}　{g.credit_code()}　{kind}　准予许可　{g.fmt_date(g.date())}")
    title = f"{iss.name}{kind}结果公示（第{g.num(1, 40)}期）"
    body = [f"根据《中华人民共和国行政许可法》有关规定，现将近期作出的{kind}决定公示如下：",
            "行政相对人名称　统一社会信用代码　许可类别　许可决定　决定日期"] + rows + \
           [f"公示期{g.pick(['7', '10'])}个工作日。如有异议，请拨打监督电话{g.landline()}。"]
    reasons, art, rat = proactive(g, 5, "行政许可办理结果（双公示）")
    text = "\n".join([title, ""] + body + ["", iss.name, g.fmt_date(g.date())]) + "\n"
    return Doc("行政许可结果公示", "公示", iss.name, PUB, "非密", reasons, art, rat, text)


def t_news(g: Gen) -> Doc:
    iss = g.issuer()
    d = g.date()
    kind = g.pick(["secrecy_month", "militia_news", "drill", "privacy", "general", "general", "exam_news"])
    if kind == "secrecy_month":
        title = g.pick([f"{iss.name}开展保密宣传月活动", f"筑牢保密防线　{iss.name}组织保密知识培训"])
        body = [f"本网讯　{d[1]}月{d[2]}日，{iss.name}组织全体干部职工开展保密宣传教育活动。",
                f"活动邀请{g.pick(['市委保密办', '县委保密机要局'])}业务骨干授课，围绕保守国家秘密法、网络安全和涉密载体管理等内容进行了讲解，并通报了近年来的失泄密典型案例。",
                f"活动要求，全体干部职工要牢固树立保密意识，严格落实涉密不上网、上网不涉密的要求。{g.person()}表示，将把保密教育纳入日常学习。",
                f"活动现场还开展了保密知识测试，参与人员{g.num(30, 200)}人。"]
    elif kind == "militia_news":
        title = f"{iss.place}完成{d[0]}年度民兵整组工作"
        body = [f"近日，{iss.place}{d[0]}年度民兵整组点验大会在{g.pick(TOWNS)}举行。",
                f"今年民兵整组工作坚持按纲抓建，进一步优化了队伍结构。点验大会上，各基干民兵分队依次接受检阅。",
                f"{iss.place}人民武装部负责同志表示，将持续加强民兵训练，提升应急应战能力。"]
    elif kind == "drill":
        title = f"{iss.place}举行{g.pick(['防汛抢险', '地震应急', '森林火灾扑救', '危化品泄漏处置'])}应急演练"
        body = [f"{d[1]}月{d[2]}日，{iss.place}在{g.pick(TOWNS)}举行综合应急演练，{g.num(5, 20)}个部门、{g.num(100, 600)}余人参加。",
                "演练模拟了突发险情，检验了预警发布、人员转移、物资调运和现场处置等环节。",
                "演练结束后，现场指挥部进行了点评，要求各部门查找不足，完善预案。"]
    elif kind == "privacy":
        title = f"{iss.name}加强个人信息和隐私保护工作"
        body = [f"为落实个人信息保护法，{iss.name}近日印发通知，要求在政府信息公开工作中严格保护个人隐私。",
                "通知明确，公开文件中的身份证号码、手机号码、家庭住址等个人信息一律进行去标识化处理，姓名视情况隐去部分字符。",
                f"同时建立内部审核机制，信息发布前须经{g.pick(['三级审核', '分管领导审核'])}。"]
    elif kind == "exam_news":
        title = f"{iss.place}{d[0]}年中考顺利结束"
        body = [f"{d[0]}年{iss.place}初中学业水平考试于6月{g.num(20, 28)}日顺利结束，全{iss.place[-1]}共有考生{g.num(3000, 40000)}人参加考试。",
                "考试期间，教育、公安、卫生等部门密切配合，严格试卷保密管理和考场管理，保障了考试安全平稳。",
                f"成绩预计于{7}月{g.num(5, 15)}日公布，考生可通过官方渠道查询。"]
    else:
        topic = g.topic(iss)
        title = f"{iss.place}{topic}工作取得新进展"
        body = [f"今年以来，{iss.name}扎实推进{topic}工作，截至{d[1]}月底，{g.pick(['已完成年度任务的', '累计完成投资'])}{g.num(40, 98)}%。",
                g.action(topic), f"下一步，{iss.name}将继续{g.pick(['加大工作力度', '强化督导检查', '总结推广经验'])}，确保全年目标任务顺利完成。"]
    if kind == "general" or g.chance(0.4):
        body.insert(len(body) - 1, g.action(g.topic(iss)) + g.action(g.topic(iss)))
    body.append(g.pick([f"据了解，{iss.name}今年已组织此类活动{g.num(2, 9)}次，覆盖干部群众{g.num(300, 8000)}人次。",
                        f"{g.person()}介绍，下一步将建立常态化工作机制，推动相关工作制度化、规范化。",
                        "活动得到了社会各界的广泛关注和积极评价。", f"（记者　{g.person()}　通讯员　{g.person()}）"]))
    reasons, art, rat = ["proactive_scope"], REG + "第十九条", "已在政府网站发布的工作动态新闻，面向公众，不涉密。"
    text = "\n".join([title, f"来源：{iss.name}　发布时间：{d[0]}-{d[1]:02d}-{d[2]:02d}", ""] + body) + "\n"
    return Doc("新闻稿", "新闻稿", iss.name, PUB, "非密", reasons, art, rat, text)


def t_budget(g: Gen) -> Doc:
    iss = g.issuer(("city", "county", "district", "town"))
    y = g.pick([2025, 2026])
    kind = g.pick(["预算", "决算"])
    total = g.num(300, 60000) / 10
    title = f"{iss.name}{y if kind == '预算' else y - 1}年部门{kind}公开说明"
    paras = [f"一、部门基本情况。{iss.name}内设机构{g.num(4, 15)}个，下属事业单位{g.num(0, 6)}个，编制人数{g.num(20, 300)}人。",
             f"二、收支总体情况。{y}年收入{kind}总计{total}万元，其中一般公共预算拨款{round(total * 0.9, 1)}万元。",
             f"三、“三公”经费情况。因公出国（境）费{g.num(0, 5)}万元，公务用车购置及运行费{g.num(1, 40)}万元，公务接待费{g.num(0, 20)}万元。",
             g.pick(["四、内部控制建设情况。本部门建立健全内部控制制度，规范预算、收支、采购、资产等业务的内部审批流程，防范财务风险。",
                     "四、政府采购情况。本年度政府采购预算总额" + str(g.num(10, 900)) + "万元。",
                     "四、国有资产占用情况。截至上年末，本部门共有车辆" + str(g.num(1, 12)) + "辆。"]),
             "五、名词解释。机关运行经费：指为保障行政单位运行用于购买货物和服务的各项资金。"]
    reasons, art, rat = proactive(g, 7, f"部门{kind}公开（所述内部控制为公开的管理制度说明）")
    text = "\n".join([title, ""] + paras) + "\n"
    return Doc("预决算公开说明", "说明", iss.name, PUB, "非密", reasons, art, rat, text)


def t_plan(g: Gen) -> Doc:
    iss = g.issuer(("city", "county", "province"))
    topic = g.topic(iss)
    title = f"{iss.place}“十五五”{topic}专项规划"
    paras = [f"第一章　发展基础\n“十四五”时期，{iss.place}{topic}工作取得显著成效。{g.action(topic)}",
             f"第二章　总体要求\n到2030年，{topic}主要指标达到：{g.pick(['覆盖率达到95%以上', '服务能力显著增强', '体制机制更加完善'])}。",
             f"第三章　主要任务\n" + "".join(g.action(topic) for _ in range(g.num(2, 4))),
             f"第四章　保障措施\n加强组织领导，强化资金保障，建立规划实施评估机制，适时向社会公布实施进展。"]
    reasons, art, rat = proactive(g, 3, "已批准印发的专项规划")
    text = "\n".join([title, f"{iss.name}　{g.fmt_date(g.date())}", ""] + paras) + "\n"
    return Doc("规划", "规划", iss.name, PUB, "非密", reasons, art, rat, text)


def t_consultation_public(g: Gen) -> Doc:
    iss = g.issuer(("city", "county", "province"))
    topic = g.topic(iss)
    d = g.date()
    name = f"{iss.place}{topic}{g.pick(['管理办法', '实施细则', '补助办法'])}（征求意见稿）"
    title = f"关于公开征求《{name}》意见的公告"
    body = [f"为提高行政决策的科学性和透明度，现将《{name}》全文公布，向社会公开征求意见。",
            f"一、征求意见时间：{d[0]}年{d[1]}月{d[2]}日至{d[0]}年{min(12, d[1] + 1)}月{d[2]}日。",
            f"二、意见反馈方式：电子邮件发送至{g.pick(['zqyj', 'yijian', 'gk'])}{g.num(10, 99)}@{g.pick(['qc', 'cy', 'lh'])}.gov.cn，或邮寄至{g.address(iss.place).split('号')[0]}号。",
            "三、附：征求意见稿全文。",
            f"第一条　为了规范{topic}，制定本办法。",
            f"第二条　本办法适用于本行政区域内的{topic}活动。",
            "第三条　本办法自发布之日起施行。"]
    reasons, art, rat = ["proactive_scope"], REG + "第十九条", "向社会公开征求意见的草案，需要公众参与决策，应主动公开。"
    text = g.gongwen(iss, title, None, body, print_line=False, note=g.pub_note())
    return Doc("征求意见稿（公开）", "公告", iss.name, PUB, "非密", reasons, art, rat, text)


def t_emergency_plan_public(g: Gen) -> Doc:
    iss = g.issuer(("city", "county", "district"), g.pick(["政府办", "应急管理局", "卫生健康委员会", "水利局"]))
    kind = g.pick(["防汛抗旱", "突发地质灾害", "自然灾害救助", "突发公共卫生事件", "森林火灾"])
    title = f"{iss.place}{kind}应急预案"
    paras = ["1　总则\n1.1　编制目的：为建立健全应对机制，高效有序开展应急处置工作，最大程度减少人员伤亡和财产损失，制定本预案。",
             f"1.2　适用范围：本预案适用于{iss.place}行政区域内{kind}的应对工作。",
             "2　组织指挥体系\n成立应急指挥部，指挥长由分管副职担任，成员由有关部门负责人组成。",
             "3　预警和响应\n按照事件严重程度，应急响应分为四级。" + g.pick(["预警信息通过广播、电视、短信等渠道向社会发布。", "Ⅰ级响应由指挥部报请上级启动。"]),
             "4　保障措施\n各级应急物资储备按照有关规定管理，储备情况定期更新。" + g.pick(["", "公众可拨打12345咨询。"]),
             "5　附则\n本预案自印发之日起实施。"]
    reasons, art, rat = proactive(g, 12, "突发事件应急预案（公开版，不含储备点位等敏感内容）")
    text = "\n".join([title, ""] + paras) + "\n"
    return Doc("应急预案（公开版）", "预案", iss.name, PUB, "非密", reasons, art, rat, text)


def t_appointment_public(g: Gen) -> Doc:
    iss = g.issuer(("city", "county"), g.pick(["政府", None]))
    rows = []
    for _ in range(g.num(2, 5)):
        rows.append(f"{g.person()}，{g.pick(['男', '女'])}，{g.num(1972, 1990)}年{g.num(1, 12)}月生，{g.pick(['大学', '研究生'])}学历，"
                    f"现任{iss.place}{g.pick(list(DEPTS))}{g.pick(['副局长', '办公室主任', '科长'])}，拟任{g.pick(['局长', '副局长', '党组成员'])}。")
    title = g.pick(["干部任前公示", f"关于{g.person()}等同志职务任免的通知"])
    body = ["根据干部选拔任用有关规定，现将拟任职人选情况公示如下：" if "公示" in title else "经研究，决定："] + rows + \
           ([f"公示期：{g.num(5, 7)}个工作日。公示期间如有意见，请向组织部门反映。反映情况要实事求是，提倡署真实姓名。"] if "公示" in title else [])
    reasons, art, rat = proactive(g, 15, "干部任前公示及任免通知按规定向社会公布")
    text = g.gongwen(iss, title, None if "公示" in title else iss.subordinates, body, print_line=False)
    return Doc("人事任免（公开）", "通知", iss.name, PUB, "非密", reasons, art, rat, text)


ONREQ = (["on_request"], ART["on_request"])


def t_work_summary(g: Gen) -> Doc:
    iss = g.issuer()
    topic = g.topic(iss)
    y = g.pick([2024, 2025])
    unit = g.pick(["", "办公室", g.pick(["综合科", "业务科", "执法大队", "规划科", "财务科"])])
    title = g.pick([f"{iss.name}{unit}{y}年工作总结和{y + 1}年工作打算", f"{y}年{topic}工作总结", f"{iss.name}{y}年上半年工作总结"])
    paras = [f"{y}年，在{g.pick(['上级党委政府', '上级部门', '单位党组织'])}的正确领导下，{unit or g.we(iss)}围绕{topic}重点任务，扎实开展各项工作，现总结如下。",
             "一、主要工作开展情况", f"（一）{g.background(topic, iss)}{g.action(topic)}", f"（二）全年共{g.pick(['办理', '完成', '处理'])}各类事项{g.num(40, 900)}件，按时办结率{g.num(92, 100)}%。",
             f"（三）{g.action(topic)}", "二、存在的不足",
             g.pick(["人员力量不足，业务骨干流失较多。", "信息化水平不高，部分工作仍依靠手工台账。", "基层工作经费保障不足。"]),
             f"三、{y + 1}年工作打算", g.action(topic) + g.action(topic)]
    rat = "科室年度工作总结，属机关日常工作信息，不在主动公开范围，无不予公开情形，可依申请公开。"
    text = "\n".join([title, ""] + paras + ["", iss.name + unit, g.fmt_date((y, 12, g.num(1, 28)))]) + "\n"
    return Doc("工作总结", "总结", iss.name, REQ, "非密", *ONREQ, rat, text)


def t_meeting_notice(g: Gen) -> Doc:
    iss = g.issuer()
    topic = g.topic(iss)
    d = g.date()
    title = g.pick([f"关于召开{topic}工作会议的通知", f"关于参加{topic}业务培训的通知", f"关于召开{d[1]}月份工作例会的通知"])
    body = [f"经研究，定于{d[1]}月{d[2]}日（星期{g.pick('一二三四五')}）{g.pick(['上午9:00', '下午2:30', '上午8:30'])}在{g.pick(['局三楼会议室', '政府二号会议室', '行政中心四楼会议室'])}召开会议。现将有关事项通知如下：",
            f"一、会议内容：{g.pick(['通报近期工作情况，部署下阶段工作', '学习有关文件精神，交流工作经验', '开展业务培训'])}。",
            f"二、参会人员：各{g.pick(['乡镇', '科室', '下属单位'])}分管负责同志及业务骨干{g.num(1, 2)}名。",
            f"三、请各单位于{d[1]}月{max(1, d[2] - 2)}日前将参会人员名单报{g.pick(['办公室', '业务科'])}。联系人：{g.person()}，电话：{g.landline()}。"]
    rat = "会议通知属日常事务性信息，不属条例第二十条列举的主动公开事项，亦无不予公开情形，可依申请公开。"
    text = g.gongwen(iss, title, iss.subordinates, body, doc_no=g.doc_no(iss, "字") if g.chance(0.3) else None,
                     date=(d[0], d[1], max(1, d[2] - 5)), note=g.pick([None, None, "（此件依申请公开）"]))
    return Doc("会议通知", "通知", iss.name, REQ, "非密", *ONREQ, rat, text)


def t_report(g: Gen, label: str) -> Doc:
    iss = g.issuer(("city", "county", "district", "town"))
    topic = g.topic(iss)
    d = g.date()
    report_titles = [f"关于{d[0]}年{topic}工作情况的报告", f"关于{topic}工作完成情况的报告", f"关于{topic}有关情况的报告",
                     f"关于{topic}有关问题的报告", f"关于{topic}工作进展的报告", f"关于落实{topic}督查反馈意见情况的报告"]
    if label == REQ:
        title = g.pick(report_titles)
        body = [f"按照{g.pick(['上级部门', '县政府督查室', '市政府'])}要求，现将{topic}工作有关情况报告如下：",
                f"一、工作开展情况。{g.background(topic, iss)}{g.action(topic)}截至{d[1]}月底，已完成{g.num(60, 100)}%。",
                f"二、主要做法。{g.action(topic)}", f"三、下一步工作。{g.action(topic)}", "特此报告。"]
        rat = "工作情况报告所述事项已办结，内容为一般工作情况，无不予公开情形，可依申请公开。"
        reasons, art, lab = ONREQ[0], ONREQ[1], REQ
    else:
        title = g.pick(report_titles)
        body = [f"近期，{g.we(iss)}在推进{topic}过程中遇到以下问题，现报告如下：", g.background(topic, iss),
                f"一、存在问题。{g.pick(['项目资金缺口约' + str(g.num(100, 5000)) + '万元', '部分群众对补偿标准存在异议', '相关部门职责交叉，工作推进缓慢'])}。",
                f"二、初步考虑。我们提出两个方案：方案一，{g.pick(['申请财政追加资金', '调整实施范围'])}；方案二，{g.pick(['分年度实施', '暂缓部分项目'])}。倾向于方案{g.pick(['一', '二'])}。",
                "三、有关建议。建议由政府召开专题会议研究决定。", "以上报告，请审阅。"]
        rat = "向上级报送、提出建议待决定的报告，属请示报告类过程性信息，可不予公开。"
        reasons, art, lab = ["process_info"], ART["process_info"], WH
    text = g.gongwen(iss, title, iss.superior, body, doc_no=g.doc_no(iss, "报") if g.chance(0.5) else g.doc_no(iss),
                     signer=g.person() if g.chance(0.5) else None, date=d,
                     note=g.pick([None, None, "（此件依申请公开）" if lab == REQ else "（此件不予公开）"]))
    return Doc("报告", "报告", iss.name, lab, "非密", reasons, art, rat, text)


def t_tongbao_internal(g: Gen) -> Doc:
    iss = g.issuer()
    topic = g.topic(iss)
    title = g.pick([f"关于{topic}工作进展情况的通报", f"关于{g.num(1, 12)}月份重点工作推进情况的通报", "关于机关作风建设督查情况的通报"])
    units = [g.pick(TOWNS) for _ in range(3)]
    body = [f"为推动{topic}任务落实，近期对各单位工作推进情况进行了调度。现将有关情况通报如下：",
            f"一、总体情况。各单位总体推进有序，{units[0]}、{units[1]}进度较快。", f"二、存在问题。{units[2]}进度滞后，台账资料不规范。",
            "三、工作要求。" + g.action(topic)]
    rat = "面向系统内部的工作进展通报，为日常工作信息，无不予公开情形，可依申请公开。"
    text = g.gongwen(iss, title, iss.subordinates, body, doc_no=g.doc_no(iss))
    return Doc("通报（工作进展）", "通报", iss.name, REQ, "非密", *ONREQ, rat, text)


def t_pifu_routine(g: Gen) -> Doc:
    iss = g.issuer(("city", "county", "district"))
    sub = g.pick(TOWNS) + g.pick(["农业服务中心", "中心学校", "卫生院", "综合文化站"])
    what = g.pick(["购置办公设备", "维修办公楼屋面", "报废部分固定资产", "调整内设股室职责", "开展业务培训"])
    title = f"关于同意{sub}{what}的批复"
    body = [f"你单位《关于{what}的请示》收悉。经研究，同意你单位{what}，所需经费{g.num(1, 80)}万元从{g.pick(['年度预算', '单位自有资金'])}中列支。",
            g.pick(["请严格按照有关规定组织实施，厉行节约，不得超标准、超范围支出。", "请按照政府采购有关规定办理，完成后将实施情况报我局备案。"]),
            g.pick(["此复。", "特此批复。"])]
    rat = "对下属单位日常事务请示的批复，不属主动公开范围，无不予公开情形，可依申请公开。"
    text = g.gongwen(iss, title, sub, body, doc_no=g.doc_no(iss, "复"))
    return Doc("批复（日常事务）", "批复", iss.name, REQ, "非密", *ONREQ, rat, text)


def t_stats_compiled(g: Gen) -> Doc:
    iss = g.issuer(("city", "county"), g.pick(["统计局", "发展和改革委员会", "农业农村局"]))
    y = g.pick([2024, 2025])
    title = f"{iss.place}{y}年主要经济指标汇编（工作用表）"
    body = [f"说明：本表数据摘自已发布的{iss.place}{y}年国民经济和社会发展统计公报及各部门年报，供机关工作参考。"] + stat_lines(g, iss.place, y)
    rat = "根据已发布数据汇编的工作用表，本身不属主动公开事项，所含数据已公开，可依申请公开。"
    text = "\n".join([title, ""] + body + ["", f"编制：{iss.name}{g.pick(['综合科', '办公室'])}"]) + "\n"
    return Doc("统计资料汇编", "表格", iss.name, REQ, "非密", *ONREQ, rat, text)


# -------------------------------------------------------------------------------------------- withheld, non-secret
def t_qingshi(g: Gen) -> Doc:
    iss = g.issuer(("city", "county", "district", "town"))
    topic = g.topic(iss)
    ask = g.pick([f"追加{topic}工作经费{g.num(10, 900)}万元", f"调整{topic}实施范围", f"增设{topic}临时机构", f"召开{topic}专题协调会议",
                  f"将{topic}项目列入年度重点项目"])
    title = f"关于{ask}的请示"
    body = [f"{g.pick(['为推进', '为保障', '根据'])}{topic}工作{g.pick(['顺利实施', '需要', '年度计划'])}，{g.pick(['经' + g.board(iss) + '研究', '经认真测算', '经研究'])}，拟{ask}。",
            g.background(topic, iss) if g.chance(0.6) else "",
            g.pick([f"主要理由：一是任务量较上年增加{g.num(10, 60)}%；二是原预算已不能满足需要。",
                    "目前有关部门意见尚不统一，需政府统筹决定。", f"经初步测算，资金缺口约{g.num(5, 600)}万元。"]),
            g.pick(["妥否，请批示。", "以上请示，请予审批。", "当否，请批复。"])]
    rat = "下级向上级机关的请示，属过程性信息，可不予公开。"
    text = g.gongwen(iss, title, iss.superior, body, doc_no=g.doc_no(iss, g.pick(["发", "请"])),
                     signer=g.person(), urgency=g.pick([None, None, "急件", "加急"]),
                     note=g.pick([None, f"（联系人：{g.person()}，电话：{g.landline()}）"]))
    return Doc("请示", "请示", iss.name, WH, "非密", ["process_info"], ART["process_info"], rat, text)


def t_discussion(g: Gen) -> Doc:
    iss = g.issuer()
    topic = g.topic(iss)
    d = g.date()
    people = [g.person() for _ in range(g.num(3, 6))]
    lines = [f"{p}：{g.pick(['我认为', '建议', '同意', '我有不同看法，', '从执行层面看，'])}{g.pick(['方案中的补助标准偏高', '应先征求乡镇意见', '时间安排过紧', '按原方案执行', '需要再算一下账', '和财政再沟通', '基层人手不够，落实有难度', '要防止出现新的矛盾'])}，"
             f"{g.pick(['可以考虑分步实施。', '我保留意见。', '具体数字请业务科室再核一下。', '建议先开个座谈会听听意见。', '这个问题上次会议也提过。'])}" for p in people]
    title = g.pick([f"{topic}方案讨论记录", f"局务会讨论{topic}事项记录", f"关于{topic}的研究讨论记录"])
    body = [f"时间：{g.fmt_date(d)}　地点：{g.pick(['三楼会议室', '局长办公室', '小会议室'])}", f"主持：{people[0]}　记录：{g.person()}",
            f"议题：{topic}{g.pick(['实施方案（初稿）', '资金分配方案', '调整事项'])}"] + lines + \
           [f"主持人意见：{g.pick(['会后再修改，下次会议再议', '原则同意，报政府审定', '暂不上会'])}。"]
    rat = "内部讨论记录，记载不同意见，属过程性信息，可不予公开。"
    text = "\n".join([title, ""] + body) + "\n"
    return Doc("讨论记录", "记录", iss.name, WH, "非密", ["process_info"], ART["process_info"], rat, text)


def t_yian(g: Gen) -> Doc:
    place = g.pick(CITIES + COUNTIES)
    iss = Issuer(place + "人民政府", place[0] + "政", "county", place, "政府", "", "")
    what = g.pick([f"《{place}{g.pick(['城市绿化', '养犬管理', '农村生活垃圾治理', '历史建筑保护'])}条例（草案）》",
                   f"{place}{g.pick(['2026年本级预算调整方案', '政府投资项目计划调整方案', '国土空间总体规划'])}"])
    title = f"关于提请审议{what}的议案"
    d = g.date()
    met = (d[0], d[1], max(1, d[2] - g.num(1, 10)))
    body = [f"为{g.pick(['加强地方立法', '保障重点项目建设', '规范财政管理'])}，{place}人民政府起草了{what}，"
            f"已经{g.fmt_date(met)}{place[-1]}人民政府第{g.num(10, 90)}次常务会议讨论通过。现提请{place}人民代表大会常务委员会审议。",
            g.pick(["草案说明一并提交。", "有关情况由分管副市长作说明。", "附：草案及起草说明。"])]
    rat = "政府提请人大常委会审议的议案，审议前属过程性信息，可不予公开；审议结果另行公开。"
    text = g.gongwen(iss, title, f"{place}人民代表大会常务委员会", body, doc_no=g.doc_no(iss, "函"), date=d,
                     sign_name=f"{place[-1]}长　{g.person()}", print_line=False)
    return Doc("议案", "议案", iss.name, WH, "非密", ["process_info"], ART["process_info"], rat, text)


def t_roster(g: Gen) -> Doc:
    kind, dept = g.pick([("低保对象", "民政局"), ("参训人员", "人力资源和社会保障局"), ("特困供养人员", "民政局"), ("护林员", "应急管理局"),
                         ("公益性岗位人员", "人力资源和社会保障局"), ("高龄津贴领取人员", "民政局"), ("防汛责任人", "水利局"),
                         ("家庭医生签约居民", "卫生健康委员会"), ("农村危房改造户", "住房和城乡建设局")])
    iss = g.issuer(("county", "district", "town"), dept)
    title = f"{iss.place}{g.pick(VILLAGES)}{kind}花名册"
    cols = g.pick([["姓名", "性别", "身份证号码", "联系电话", "家庭住址"], ["姓名", "身份证号", "性别", "住址", "手机"],
                   ["户主姓名", "公民身份号码", "家庭人口", "联系方式", "所在村组"], ["姓名", "性别", "出生年月", "身份证号码", "联系电话"]])
    note = g.chance(0.4)
    sep = g.pick(["　", " | ", "\t", "  "])
    header = sep.join(["序号"] + cols + (["备注"] if note else []))
    rows = []
    for i in range(g.num(5, 22)):
        sex = g.pick(["男", "女"])
        rid = g.id_number(sex)
        values = {"姓名": g.person(), "户主姓名": g.person(), "性别": sex, "身份证号码": rid, "身份证号": rid, "公民身份号码": rid,
                  "联系电话": g.mobile(), "手机": g.mobile(), "联系方式": g.mobile(), "家庭住址": g.address(iss.place).split("号")[0] + "号",
                  "住址": g.address(iss.place), "所在村组": g.pick(VILLAGES) + f"{g.num(1, 9)}组", "家庭人口": f"{g.num(1, 6)}人",
                  "出生年月": f"{rid[6:10]}.{rid[10:12]}"}
        rows.append(sep.join([str(i + 1)] + [values[c] for c in cols] +
                             ([g.pick(["慢性病", "残疾二级", "独居", "肢体残疾", "无"])] if note else [])))
    rat = "花名册载有身份证号码、联系电话、住址等个人信息，公开会侵害个人隐私，不予公开（需公开时应去标识化处理）。"
    text = "\n".join([title, f"填报单位：{iss.name}　填报日期：{g.fmt_date(g.date())}", "", header] + rows) + "\n"
    return Doc("花名册", "名册", iss.name, WH, "非密", ["personal_privacy"], ART["personal_privacy"], rat, text)


def t_subsidy_list(g: Gen) -> Doc:
    iss = g.issuer(("county", "district", "town"), g.pick(["民政局", "农业农村局", "人力资源和社会保障局", "政府"]))
    what = g.pick(["耕地地力保护补贴", "临时救助金", "一次性创业补贴", "残疾人两项补贴", "危房改造补助"])
    title = f"{what}发放明细表（{g.date()[0]}年第{g.num(1, 4)}批）"
    rows = [f"{i + 1}　{g.person()}　{g.id_number()}　{g.bank_card()}　{g.num(200, 20000)}元" for i in range(g.num(4, 15))]
    rat = "发放明细含身份证号码和银行卡号，属个人隐私，不予公开；公示时应仅公开姓名（部分隐去）和金额。"
    text = "\n".join([title, f"经办单位：{iss.name}", "序号　姓名　身份证号码　银行卡号　金额"] + rows +
                     [f"经办人：{g.person()}　审核人：{g.person()}"]) + "\n"
    return Doc("补助发放明细", "表格", iss.name, WH, "非密", ["personal_privacy"], ART["personal_privacy"], rat, text)


def t_enterprise_material(g: Gen) -> Doc:
    firm = g.company()
    iss = g.issuer(("city", "county", "district"), g.pick(["市场监督管理局", "发展和改革委员会", "生态环境局", "财政局", "农业农村局"]))
    kind = g.pick(["cost", "recipe", "finance", "process"])
    if kind == "cost":
        title = f"{firm}定价成本监审报送材料"
        body = [f"报送单位：{firm}", f"统一社会信用代码：{g.credit_code()}", "一、近三年成本构成",
                f"原材料成本{g.num(500, 9000)}万元，人工成本{g.num(100, 3000)}万元，折旧{g.num(50, 900)}万元，单位成本{g.num(1, 90)}.{g.num(10, 99)}元/吨。",
                f"二、主要供应商及采购单价：{g.company()}，{g.num(1000, 9000)}元/吨；{g.company()}，{g.num(1000, 9000)}元/吨。",
                "三、本材料涉及企业商业秘密，仅供成本监审使用。" if g.chance(0.5) else "三、企业承诺所报数据真实。"]
    elif kind == "recipe":
        title = f"{firm}产品配方及生产工艺说明"
        body = [f"产品名称：{g.pick(['复合调味料', '有机肥料', '饲料添加剂', '植物饮料'])}",
                "配方（质量分数）：" + "；".join(f"{x}{g.num(1, 60)}%" for x in g.some(["大豆蛋白", "麦芽糊精", "腐殖酸", "食用盐", "氨基酸", "菌剂", "白砂糖", "香辛料提取物"], 3, 5)),
                f"关键工艺：{g.pick(['低温发酵', '喷雾干燥', '超微粉碎'])}，温度{g.num(30, 180)}℃，时间{g.num(2, 72)}小时。",
                f"申请事项：{g.pick(['生产许可', '产品备案', '登记证变更'])}。",
                f"企业声明：上述配方和工艺系本企业自主研发，{g.pick(['未向任何第三方披露', '已采取保密措施'])}，请审批机关依法保护。",
                f"联系人：{g.person()}，电话：{g.mobile()}"]
    elif kind == "finance":
        title = f"{firm}{g.num(2024, 2025)}年度财务报表（申报材料）"
        body = [f"营业收入{g.num(1000, 90000)}万元，净利润{g.num(-500, 8000)}万元，资产负债率{g.num(30, 85)}%。",
                f"银行借款{g.num(100, 20000)}万元，主要客户前五名销售占比{g.num(20, 80)}%。",
                f"申报项目：{g.pick(['技术改造专项资金', '中小企业发展专项资金', '稳岗补贴'])}。",
                f"应收账款{g.num(100, 9000)}万元，存货{g.num(100, 9000)}万元；主要原材料采购单价同比上涨{g.num(1, 30)}%。",
                f"财务负责人：{g.person()}　联系电话：{g.mobile()}"]
    else:
        title = f"关于{firm}环境影响评价技术资料的说明"
        body = [f"建设单位{firm}报送的核心工艺参数：反应釜压力{g.num(1, 30)}兆帕，催化剂型号及投加比例详见技术资料。",
                f"企业申请对工艺参数和设备选型清单作为商业秘密处理。",
                f"主要设备供应商及采购价格：{g.company()}，单台{g.num(20, 900)}万元。",
                f"联系人：{g.person()}，手机：{g.mobile()}。"]
    rat = "企业报送的成本、配方、财务或工艺数据属商业秘密，公开会损害第三方合法权益，不予公开。"
    text = "\n".join([title, ""] + body + ["", f"报送日期：{g.fmt_date(g.date())}", f"接收单位：{iss.name}"]) + "\n"
    return Doc("企业报送材料", "材料", iss.name, WH, "非密", ["trade_secret"], ART["trade_secret"], rat, text)


def t_bid_detail(g: Gen) -> Doc:
    iss = g.issuer(("city", "county", "district"))
    proj = f"{iss.place}{g.pick(ROADS)}{g.pick(['维修工程', '绿化提升工程', '照明改造工程'])}"
    rows = []
    for _ in range(g.num(2, 5)):
        rows.append(f"{g.company()}：投标总价{g.num(100, 5000)}万元，其中人工费{g.num(10, 800)}万元、材料费{g.num(50, 3000)}万元、管理费率{g.num(3, 12)}%、利润率{g.num(2, 9)}%")
    title = f"{proj}投标报价明细及评标资料"
    rat = "各投标人的分项报价、费率等属商业秘密；评标资料属过程性信息，均不予公开（中标结果另行公示）。"
    text = "\n".join([title, ""] + rows + [f"评标委员会：{'、'.join(g.person() for _ in range(5))}", f"{iss.name}　{g.fmt_date(g.date())}"]) + "\n"
    return Doc("企业报送材料（投标报价）", "材料", iss.name, WH, "非密", ["trade_secret", "process_info"],
               ART["trade_secret"] + "、第十六条第二款", rat, text)


def t_inquiry(g: Gen) -> Doc:
    iss = g.issuer(("city", "county", "district"), g.pick(["市场监督管理局", "生态环境局", "城市管理局", "交通运输局", "公安局", "应急管理局"]))
    p, off1, off2 = g.person(), g.person(), g.person()
    d = g.date()
    qa = g.some([("你的基本情况？", f"我叫{p}，身份证号码{g.id_number()}，住{g.address(iss.place)}，电话{g.mobile()}。"),
                 ("你在单位担任什么职务？", f"我是{g.company()}的{g.pick(['负责人', '仓库管理员', '驾驶员', '店长'])}。"),
                 ("你是否清楚我们今天为何找你？", "清楚，是关于检查中发现的问题。"),
                 ("请陈述事情经过。", f"{d[1]}月{d[2]}日，{g.pick(['货是我进的，没有索要票据', '车辆是我安排的', '当时设备正在检修'])}。"),
                 ("你还有什么补充？", "没有了，以上说的都是实话。"),
                 ("以上记录你看一下，是否属实？", "以上笔录我已看过，和我说的一样。")], 4, 6)
    qa.sort(key=lambda item: ["你的基本情况？", "你在单位担任什么职务？", "你是否清楚我们今天为何找你？", "请陈述事情经过。",
                              "你还有什么补充？", "以上记录你看一下，是否属实？"].index(item[0]))
    h = g.num(8, 16)
    body = [f"时间：{g.fmt_date(d)}{h}时{g.num(0, 29):02d}分至{h + 1}时{g.num(0, 59):02d}分",
            f"地点：{iss.name}{g.pick(['询问室', '执法办公室'])}", f"询问人：{off1}、{off2}　执法证号：{g.num(10000000, 99999999)}",
            f"被询问人：{p}", "我们是执法人员，现依法向你询问有关情况，你应当如实回答，对与案件无关的问题有拒绝回答的权利。你听清楚了吗？答：听清楚了。"] + \
           [f"问：{q}\n答：{a}" for q, a in qa] + [f"被询问人签名：{p}　（按手印）"]
    rat = "行政执法案卷中的询问笔录，含当事人身份证号码等个人信息，属执法案卷信息，不予公开。"
    text = "\n".join(["询问笔录", f"第{g.num(1, 3)}页共{g.num(3, 5)}页", ""] + body) + "\n"
    return Doc("询问笔录", "笔录", iss.name, WH, "非密", ["enforcement_file", "personal_privacy"],
               ART["enforcement_file"] + "、第十五条", rat, text)


def t_investigation_final(g: Gen) -> Doc:
    iss = g.issuer(("city", "county", "district"), g.pick(["市场监督管理局", "生态环境局", "城市管理局", "交通运输局", "应急管理局", "文化和旅游局"]))
    firm = g.company()
    fine = g.num(5, 200) * 1000
    title = f"关于{firm}涉嫌{g.pick(['违法排污', '无证经营', '生产销售不合格产品', '未落实安全生产责任'])}案调查终结报告"
    body = [f"案件来源：{g.pick(['日常检查', '群众举报', '上级交办'])}", f"立案时间：{g.fmt_date(g.date())}",
            f"一、当事人基本情况。{firm}，法定代表人{g.person()}，联系电话{g.mobile()}。",
            f"二、调查经过。办案人员{g.person()}、{g.person()}于{g.num(1, 12)}月{g.num(1, 28)}日进行现场检查，调取了相关票据，对相关人员制作询问笔录{g.num(2, 6)}份。",
            f"三、违法事实及证据。{g.pick(['证据之间能够相互印证', '部分事实当事人予以否认，但有监控录像为证'])}。",
            f"四、处理意见。办案人员建议：对当事人罚款{fine}元。{g.pick(['另有一名办案人员认为应从轻处罚', '本案拟提交案审会集体讨论'])}。",
            f"承办人：{g.person()}　{g.person()}"]
    rat = "调查终结报告属行政执法案卷信息，并载有承办人不同意见，不予公开（处罚决定另行公示）。"
    text = "\n".join([title, ""] + body) + "\n"
    return Doc("调查终结报告", "报告", iss.name, WH, "非密", ["enforcement_file"], ART["enforcement_file"], rat, text)


def t_petition(g: Gen) -> Doc:
    iss = g.issuer(("county", "district", "town"))
    p = g.person()
    title = g.pick(["信访事项登记表", f"关于{p}反映问题的调查处理情况", "来访登记"])
    body = [f"信访人：{p}　性别：{g.pick(['男', '女'])}　身份证号：{g.id_number()}", f"住址：{g.address(g.pick(TOWNS))}　电话：{g.mobile()}",
            f"反映事项：{g.pick(['邻里宅基地纠纷', '工伤待遇未落实', '低保资格被取消', '征地补偿款分配'])}。信访人患有{g.pick(['高血压', '糖尿病', '抑郁症', '尿毒症'])}，家庭经济困难。",
            f"来访时间：{g.fmt_date(g.date())}　来访人数：{g.num(1, 5)}人",
            f"处理情况：{g.pick(['已转相关部门办理', '已约谈当事双方', '正在调查核实'])}。{g.pick(['信访人情绪稳定。', '信访人表示如不解决将继续上访。', '已告知信访人法定途径。'])}经办人：{g.person()}"]
    rat = "信访材料载有信访人身份、健康状况等敏感个人信息，公开会侵害个人隐私，不予公开。"
    text = "\n".join([title, f"{iss.name}", ""] + body) + "\n"
    return Doc("信访材料", "表格", iss.name, WH, "非密", ["personal_privacy"], ART["personal_privacy"], rat, text)


# -------------------------------------------------------------------------------------------- 内部
INTERNAL = (["internal_affairs"], ART["internal_affairs"])


def internal_mark(g: Gen) -> str | None:
    return g.pick([None, None, "内部资料　注意保存", "内部使用", "内部资料"])


def t_duty_roster(g: Gen) -> Doc:
    iss = g.issuer()
    hol = g.pick(["元旦", "春节", "清明节", "劳动节", "端午节", "中秋节、国庆节", "防汛主汛期"])
    y = g.pick([2025, 2026])
    m, d0 = g.num(1, 12), g.num(1, 20)
    style = g.pick(["inline", "table", "list"])
    if style == "inline":
        rows = [f"{m}月{d0 + k}日　带班领导：{g.person()}（{g.mobile()}）　值班人员：{g.person()}（{g.mobile()}）" for k in range(g.num(3, 8))]
    elif style == "table":
        rows = ["日期　带班领导　手机　值班员　手机"] + [f"{m}.{d0 + k}　{g.person()}　{g.mobile()}　{g.person()}　{g.mobile()}" for k in range(g.num(3, 8))]
    else:
        rows = [f"{m}月{d0 + k}日：{g.person()}、{g.person()}；联系方式 {g.mobile()} / {g.mobile()}；驾驶员{g.person()}" for k in range(g.num(3, 8))]
    title = f"{iss.name}{y}年{hol}期间值班安排表"
    head = [m for m in [internal_mark(g)] if m]
    body = [f"值班电话：{g.landline()}（24小时）", "值班要求：值班人员须在岗在位，严格执行交接班制度，遇重大情况立即报告带班领导。"] + rows
    rat = "值班安排属内部事务信息，并载有工作人员私人手机号，不予公开。"
    text = "\n".join(head + [title, ""] + body) + "\n"
    return Doc("值班表", "表格", iss.name, WH, "内部", ["internal_affairs", "personal_privacy"], ART["internal_affairs"] + "、第十五条", rat, text)


def t_personnel(g: Gen) -> Doc:
    iss = g.issuer()
    y = g.pick([2024, 2025])
    kind = g.pick(["assess", "inspect", "rank"])
    if kind == "assess":
        title = f"{iss.name}{y}年度公务员考核结果汇总"
        rows = [f"{g.person()}　{g.pick(['优秀', '称职', '称职', '基本称职'])}" + (f"　（{g.pick(['病假较多', '群众测评偏低', '受到诫勉'])}）" if g.chance(0.3) else "") for _ in range(g.num(5, 14))]
        body = ["经个人总结、民主测评、主要负责人审核，考核结果如下（拟报组织人事部门备案）："] + rows + \
               [f"本年度优秀等次比例控制在{g.pick(['20%', '15%'])}以内，{g.person()}同志因{g.pick(['新录用不满一年', '长期病假'])}不定等次。"]
    elif kind == "inspect":
        p = g.person()
        title = f"关于{p}同志的考察材料"
        body = [f"{p}，{g.pick(['男', '女'])}，{g.num(1975, 1990)}年生，现任{iss.name}{g.pick(['办公室主任', '科长'])}。",
                f"民主推荐得票{g.num(10, 40)}票，得票率{g.num(60, 98)}%。谈话中，多数同志认为该同志工作扎实；也有同志反映其{g.pick(['沟通方式较简单', '创新意识不够', '有时急躁'])}。",
                f"个人有关事项报告核查情况：{g.pick(['无异常', '房产信息与报告一致'])}。考察组组长：{g.person()}"]
    else:
        title = f"{iss.name}职级晋升人选酝酿情况"
        body = [f"根据公务员职务与职级并行有关规定，结合本单位职级职数使用情况，对拟晋升人选进行了酝酿。",
                f"按照职数空缺{g.num(1, 4)}名，经党组会议酝酿，拟推荐{'、'.join(g.person() for _ in range(g.num(2, 4)))}为晋升人选，{g.person()}同志因{g.pick(['任职年限不够', '年度考核未达优秀'])}暂不列入。"]
    rat = "干部考核、考察、职级晋升材料属人事管理内部事务信息，并涉及个人评价，不予公开。"
    mark = internal_mark(g)
    text = "\n".join(([mark] if mark else []) + [title, ""] + body + ["", f"{iss.name}{g.pick(['人事科', '机关党委', '办公室'])}　{g.fmt_date(g.date())}"]) + "\n"
    return Doc("人事考核材料", "材料", iss.name, WH, "内部", ["internal_affairs", "personal_privacy"], ART["internal_affairs"] + "、第十五条", rat, text)


def t_internal_workflow(g: Gen) -> Doc:
    iss = g.issuer()
    what = g.pick(["公文处理", "印章使用", "财务报销", "会议室使用", "档案借阅", "网站信息发布审核"])
    title = f"{iss.name}{what}内部工作规程"
    steps = [f"第{'一二三四五六七'[i]}条　{s}" for i, s in enumerate(g.some([
        "办公室负责统一收文登记，当日分办。", "承办科室提出拟办意见，报分管领导审核。", "主要领导审批后方可办理。",
        f"使用印章须填写用印审批单，经{g.pick(['办公室主任', '分管领导'])}签字。", "报销单据须经经办人、科室负责人、分管财务领导三级签字。",
        "借阅档案须办理登记手续，不得擅自复制。", "信息发布前须经科室提供、办公室收集、分管领导审核、主要领导审批。",
        "各科室应指定一名联络员负责本规程执行。"], 4, 7))]
    mark = internal_mark(g)
    rat = "机关内部工作流程规定，仅约束本机关工作人员，属内部事务信息，不予公开。"
    text = "\n".join(([mark] if mark else []) + [title, ""] + steps + ["", f"{iss.name}办公室　{g.fmt_date(g.date())}"]) + "\n"
    return Doc("内部工作流程", "规程", iss.name, WH, "内部", *INTERNAL, rat, text)


def t_logistics(g: Gen) -> Doc:
    iss = g.issuer()
    kind = g.pick(["car", "canteen", "office", "repair"])
    d = g.date()
    if kind == "car":
        title = f"{iss.name}{d[1]}月份公务用车使用登记"
        body = [f"{g.num(1, 12)}月{g.num(1, 28)}日　车牌{g.pick(['澜', '苍', '汐'])}{g.pick('ABCDE')}·{g.num(10000, 99999)}　用车人{g.person()}　事由：{g.pick(['下乡检查', '送文件', '参加会议'])}　里程{g.num(10, 300)}公里" for _ in range(g.num(4, 10))]
    elif kind == "canteen":
        title = f"机关食堂{d[1]}月份采购及就餐情况"
        body = [f"本月机关食堂就餐情况统计如下。", f"就餐人数：日均{g.num(30, 200)}人", f"采购金额：{g.num(10000, 90000)}元，供应商：{g.company()}", f"伙食费结余：{g.num(100, 9000)}元，下月调整菜谱。"]
    elif kind == "office":
        title = "关于调整机关办公用房的安排"
        body = [f"因{g.pick(['科室合并', '新进人员', '维修改造'])}，{g.pick(['办公室', '财务科', '执法大队'])}由{g.num(2, 6)}楼调整至{g.num(2, 6)}楼{g.num(201, 620)}室。",
                f"搬迁时间：{d[1]}月{d[2]}日，由办公室统一安排车辆。", "搬迁期间请各科室妥善保管文件资料，网络和电话由信息中心负责迁移。",
                f"联系人：{g.person()}，分机{g.num(8000, 8999)}。"]
    else:
        title = f"机关{g.pick(['电梯', '空调', '屋面', '监控'])}维修情况说明"
        body = [f"维修原因：{g.pick(['年久老化', '雷击损坏', '渗漏严重'])}，经{g.num(2, 3)}家单位询价比选。",
                f"维修单位：{g.company()}，维修费用{g.num(2000, 90000)}元，从办公经费列支。", f"验收人：{g.person()}　验收日期：{g.fmt_date(d)}"]
    mark = internal_mark(g)
    rat = "机关后勤管理事务信息，属内部事务信息，不予公开。"
    text = "\n".join(([mark] if mark else []) + [title, ""] + body) + "\n"
    return Doc("后勤管理", "表格", iss.name, WH, "内部", *INTERNAL, rat, text)


def t_internal_brief(g: Gen) -> Doc:
    iss = g.issuer()
    topic = g.topic(iss)
    n = g.num(1, 60)
    title = f"{g.pick(['工作动态', '情况反映', '内部参阅', '信息专报'])}\n第{n}期"
    body = [f"{iss.name}{g.pick(['办公室', '综合科'])}编　{g.fmt_date(g.date())}",
            f"【{topic}】近期，{g.pick(['部分乡镇', '个别企业', '一些群众'])}对{topic}{g.pick(['存在抵触情绪', '反映意见较多', '落实不到位'])}，{g.pick(['网上出现负面评论', '已有集体访苗头', '需引起重视'])}。",
            f"建议：{g.action(topic)}",
            f"【{g.topic(iss)}】{g.pick(['截至目前', '本周'])}，{g.pick(['已完成排查', '已处理问题'])}{g.num(3, 90)}{g.pick(['处', '件'])}，{g.pick(['尚有部分问题未解决', '进度略低于预期'])}。",
            "报：主要领导、分管领导　送：各科室"]
    mark = g.pick(["内部资料　注意保存", "内部刊物", None])
    rat = "内部简报供领导参阅，反映未经核实的情况和内部工作建议，属内部事务信息，不予公开。"
    text = "\n".join(([mark] if mark else []) + [title, ""] + body) + "\n"
    return Doc("内部简报", "简报", iss.name, WH, "内部", ["internal_affairs", "process_info"], ART["internal_affairs"], rat, text)


def t_contact_book(g: Gen) -> Doc:
    iss = g.issuer()
    rows = [f"{g.pick(['局长', '副局长', '办公室主任', '科长', '科员', '司机'])}　{g.person()}　办公电话{g.landline()}　手机{g.mobile()}" for _ in range(g.num(5, 14))]
    rat = "机关内部通讯录含工作人员私人手机号码，属内部事务和个人信息，不予公开。"
    text = "\n".join([g.pick(["内部通讯录", f"{iss.name}工作人员通讯录（内部使用）", f"{iss.name}联络表"]), ""] + rows) + "\n"
    return Doc("内部通讯录", "表格", iss.name, WH, "内部", ["internal_affairs", "personal_privacy"], ART["internal_affairs"] + "、第十五条", rat, text)


# -------------------------------------------------------------------------------------------- state secrets
UNITS = {"帐篷": "顶", "折叠床": "张", "救生衣": "件", "冲锋舟": "艘", "发电机": "台", "成品粮": "吨", "成品油": "吨",
         "应急药品": "箱", "防护服": "套", "饮用水": "箱", "编织袋": "条", "方便食品": "箱"}
PERIODS = {"秘密": ["1年", "6个月", "5年", "10年", "2年"], "机密": ["10年", "5年", "20年", "3年"], "绝密": ["30年", "20年", "长期"]}


def secret_doc(genre: str, doc_type: str, iss: Issuer, level: str, marked: bool, matter: str, text: str) -> Doc:
    if marked:
        rat = f"文件标注{level}密级；{matter}，属国家秘密，不予公开。"
    else:
        rat = f"文件未标密级，但{matter}，按保密事项范围应属{level}级国家秘密，建议定密责任人确认，不予公开。"
    return Doc(genre, doc_type, iss.name, WH, level, ["state_secret"], ART["state_secret"], rat, text)


def mark_of(g: Gen, level: str, exam: bool = False) -> str:
    return f"{level}★{'启用前' if exam else g.pick(PERIODS[level])}"


def t_exam(g: Gen, level: str, marked: bool) -> Doc:
    y = g.pick([2026, 2027])
    if level == "秘密":
        iss = g.issuer(("city", "county"), "人力资源和社会保障局")
        exam = f"{y}年{iss.place}事业单位公开招聘工作人员笔试《{g.pick(['综合基础知识', '职业能力倾向测验', '公共基础知识'])}》"
    elif level == "机密":
        iss = g.issuer(("city",), "教育局")
        exam = f"{y}年{iss.place}初中学业水平考试{g.pick(['数学', '物理', '道德与法治', '语文'])}试题"
    else:
        iss = g.issuer(("province",), "教育局")
        exam = f"{y}年{iss.place}普通高等学校招生统一考试{g.pick(['数学', '理科综合', '文科综合'])}试题（{g.pick(['第一卷', '全卷'])}）"
    qs = []
    for i in range(g.num(4, 9)):
        a, b, c = g.num(12, 99), g.num(2, 30), g.num(5, 400)
        qs.append(g.pick([f"{i + 1}．计算：{a}×{b}－{c}＝______。（{g.pick(['3', '4', '5'])}分）",
                          f"{i + 1}．已知x＋{a}＝{a + b}，则2x的值为（　）　A．{2 * b}　B．{b}　C．{a}　D．{a + b}",
                          f"{i + 1}．某工程队{b}天完成{a * b}米，照此计算，{c}米需要多少天？（{g.pick(['6', '8'])}分）",
                          f"{i + 1}．下列关于{g.pick(['依法行政', '生态保护', '公共服务'])}的表述，正确的一项是（　）",
                          f"{i + 1}．一个长方形周长为{2 * (a + b)}厘米，长{a}厘米，求面积。"]))
    ans = f"参考答案：1．{g.num(10, 900)}　2．{g.pick('ABCD')}　3．{g.num(2, 60)}天……（评分细则另附）"
    head = ([mark_of(g, level, exam=True)] if marked else []) + [exam, f"考试时间：{y}年{g.num(5, 7)}月{g.num(1, 28)}日　{g.pick(['9:00—11:00', '14:30—16:30'])}",
                                                               "注意事项：1．答题前，考生务必将姓名、准考证号填写在答题卡上。2．考试结束后，将本试卷和答题卡一并交回。", ""]
    extra = [] if marked else [f"命题组：{g.person()}、{g.person()}　审定：{g.person()}　（审定稿　{g.num(1, 3)}号）"]
    text = "\n".join(head + qs + ["", ans] + extra) + "\n"
    return secret_doc("考试试题（启用前）", "试卷", iss, level, marked, "考试试题和参考答案在启用前", text)


def t_security(g: Gen, level: str, marked: bool) -> Doc:
    iss = g.issuer(("city", "county", "province"), "公安局")
    d = g.date()
    event = {"秘密": g.pick([f"{iss.place}国际马拉松赛", f"{iss.place}旅游文化节开幕式", f"{iss.place}{d[0]}年中考"]),
             "机密": g.pick([f"{iss.place}第{g.num(10, 20)}届省运会开幕式", "全省重点项目现场推进会", f"{iss.place}重要经贸会议"]),
             "绝密": g.pick(["重要领导同志视察", "重要外事活动", "一级警卫任务"])}[level]
    route = "—".join(g.some(ROADS, 3, 4))
    body = [f"一、任务概况。{d[1]}月{d[2]}日{g.pick(['上午', '下午'])}，{event}在{g.pick(['会展中心', '体育中心', g.pick(TOWNS) + '某园区'])}举行。",
            f"二、力量部署。共投入警力{g.num(200, 3000)}人，其中{g.pick(['特警', '便衣', '机动'])}{g.num(20, 300)}人；设置{g.num(3, 12)}个备勤点，{g.pick(['备勤点分别位于', '前置点位于'])}{g.pick(ROADS)}、{g.pick(ROADS)}。",
            f"三、行车路线。主线路：{route}；备用线路：{g.pick(ROADS)}—{g.pick(ROADS)}。车队通过时间{g.num(8, 16)}时{g.num(0, 59):02d}分前后，提前{g.num(3, 15)}分钟实施临时管控。",
            f"四、通信联络。指挥频道{g.num(1, 16)}，备用频道{g.num(1, 16)}。现场指挥：{g.person()}。",
            "五、工作要求。各单位严格落实责任，严禁擅自扩大知悉范围。"]
    if marked:
        title = g.pick([f"{event}安全保卫工作方案", f"关于做好{event}安保工作的通知"])
        text = g.gongwen(iss, title, "各分局、各警种", body, doc_no=g.doc_no(iss), mark=mark_of(g, level),
                         urgency=g.pick([None, "特急", "加急"]), print_line=True)
    else:
        title = g.pick([f"{d[1]}月{d[2]}日车辆通行及人员安排", f"{event}工作安排", "现场工作分工表"])
        text = "\n".join([title, ""] + body[:4]) + "\n"
    return secret_doc("警卫/安保方案", "方案", iss, level, marked, f"{event}的警力部署、行车路线和通信频率属安全保卫工作秘密事项", text)


def t_reserve(g: Gen, level: str, marked: bool) -> Doc:
    iss = g.issuer(("city", "county", "province"), g.pick(["应急管理局", "发展和改革委员会", "卫生健康委员会"]))
    kinds = {"秘密": ["帐篷", "折叠床", "救生衣", "冲锋舟", "发电机"], "机密": ["成品粮", "成品油", "应急药品", "防护服", "饮用水"]}[level]
    rows = [f"{g.pick(TOWNS)}{g.pick(['北侧', '东侧', '原粮站', '工业园内'])}{g.pick(['一号库', '仓库', '中转点'])}：{k}{g.num(50, 90000)}{UNITS[k]}，库管员{g.person()}，电话{g.mobile()}"
            for k in g.some(kinds, 4, 5)]
    if marked:
        title = f"关于{iss.place}{g.pick(['应急物资储备', '战略物资储备', '救灾物资储备'])}布局调整情况的报告"
        body = ["现将储备点位、品种和数量调整情况报告如下："] + rows + ["以上情况严格控制知悉范围。"]
        text = g.gongwen(iss, title, iss.superior, body, doc_no=g.doc_no(iss), mark=mark_of(g, level), print_line=True)
    else:
        title = g.pick(["关于调整部分物资存放点的通知", "物资存放情况一览", "库存核对表"])
        text = "\n".join([title, ""] + rows + [f"调运要求：接指令后{g.num(1, 6)}小时内出库，{g.pick(['优先保障', '就近调往'])}{g.pick(TOWNS)}。", f"核对人：{g.person()}　{g.fmt_date(g.date())}"]) + "\n"
    return secret_doc("应急储备", "表格" if not marked else "报告", iss, level, marked, "应急（战略）物资储备的具体点位和数量", text)


def t_militia(g: Gen, level: str, marked: bool) -> Doc:
    place = g.pick(COUNTIES + DISTRICTS)
    iss = Issuer(place + "人民武装部", place[0] + "武", "county", place, "政府", place + "人民政府", "各乡镇人武部")
    rows = [f"{g.pick(TOWNS)}基干民兵{g.pick(['应急排', '通信班', '防化班', '高炮连'])}：{g.num(8, 60)}人，{g.pick(['装备', '配发'])}{g.pick(['高射机枪', '通信设备', '侦毒器材', '冲锋舟'])}{g.num(1, 20)}{g.pick(['挺', '套', '部'])}，存放于{g.pick(TOWNS)}{g.pick(['人武部库房', '某库'])}" for _ in range(g.num(4, 7))]
    if marked:
        title = f"{place}{g.date()[0]}年民兵组织整顿及武器装备配备情况"
        text = g.gongwen(iss, title, g.pick([f"{g.pick(CITIES)}军分区", iss.superior]), rows + ["集结地域和动员时限另附。"], doc_no=g.doc_no(iss),
                         mark=mark_of(g, level), print_line=True)
    else:
        title = g.pick(["应急分队人员调整名单", "分队编成表", "器材存放登记"])
        text = "\n".join([title, ""] + rows + [f"集结地点：{g.pick(TOWNS)}{g.pick(['中学操场', '粮站'])}，集结时限{g.num(2, 12)}小时"]) + "\n"
    return secret_doc("民兵", "表格" if not marked else "报告", iss, level, marked, "民兵编组、武器装备存放和集结时限属国防动员秘密事项", text)


def t_civil_defense(g: Gen, level: str, marked: bool) -> Doc:
    iss = g.issuer(("city", "county", "province"), "政府办")
    rows = [f"{g.pick(['一号', '二号', '三号', '备用'])}工程：位于{g.address(iss.place).split('号')[0]}号地下，防护等级{g.pick(['五级', '六级', '核五级', '核六级'])}，面积{g.num(400, 9000)}平方米，"
            f"{g.pick(['战时用途：指挥所', '战时用途：医疗救护站', '战时用途：物资库'])}，出入口{g.num(2, 5)}个，{g.pick(['口部伪装完好', '通风设备运行正常', '需更换密闭门'])}" for _ in range(g.num(3, 6))]
    if marked:
        title = f"关于{iss.place}人民防空{g.pick(['指挥工程', '重要工程'])}建设维护情况的报告"
        text = g.gongwen(iss, title, iss.superior, ["现将有关情况报告如下："] + rows, doc_no=g.doc_no(iss), mark=mark_of(g, level), print_line=True)
    else:
        title = g.pick(["地下工程维护台账", "设施维护情况登记", f"{g.date()[0]}年设施巡查记录"])
        text = "\n".join([title, ""] + rows + [f"巡查人：{g.person()}"]) + "\n"
    return secret_doc("人防工程", "报告" if marked else "表格", iss, level, marked, "人民防空重要工程的位置、防护等级和战时用途", text)


def t_unreleased_stats(g: Gen, level: str, marked: bool) -> Doc:
    iss = g.issuer(("city", "province", "county"), "统计局")
    q, pub_month = g.pick([("一季度", 4), ("上半年", 7), ("前三季度", 10)])
    y = 2026
    release = (y, pub_month, g.num(15, 28))
    written = (y, pub_month, release[2] - g.num(3, 12))
    title = g.pick([f"{iss.place}{y}年{q}主要经济指标（初步核算）", f"关于{y}年{q}地区生产总值初步核算结果的报告"])
    body = [f"发布时间：{g.fmt_date(release)}（发布前严格控制知悉范围）" if marked else f"拟于{g.fmt_date(release)}新闻发布会公布。"] + \
        [ln.replace("全年", q).replace("年末", q + "末") for ln in stat_lines(g, iss.place, y)] + [f"与全{'国' if iss.level == 'province' else '省'}平均水平比较：{g.pick(['低于', '高于'])}{g.num(1, 20) / 10}个百分点，排名第{g.num(1, 16)}位。"]
    if marked:
        text = g.gongwen(iss, title, iss.superior, body, doc_no=g.doc_no(iss), mark=mark_of(g, level), print_line=True, date=written)
    else:
        text = "\n".join([title, ""] + body) + "\n"
    return secret_doc("统计数据未发布稿", "报告" if marked else "表格", iss, level, marked, "正式发布前的重要经济统计数据", text)


def t_discipline(g: Gen, level: str, marked: bool) -> Doc:
    place = g.pick(CITIES + COUNTIES)
    iss = Issuer(f"{place}纪委监委{g.pick(['第一', '第二', '第三'])}审查调查室", place[0] + "纪", "county", place, "政府", "", "")
    p = g.person()
    body = [f"被审查调查人：{p}，{place}{g.pick(list(DEPTS))}{g.pick(['原局长', '副局长', '科长'])}。",
            f"线索来源：{g.pick(['信访举报', '巡察移交', '审计移送'])}。",
            f"初核情况：经调取银行流水，{p}及其亲属账户在{g.num(2015, 2024)}年至今收到{g.company()}等转账{g.num(10, 900)}万元，"
            f"涉嫌{g.pick(['受贿', '违规插手工程项目', '违规经商办企业'])}。",
            f"下一步拟采取措施：{g.pick(['对' + g.person() + '进行谈话', '冻结相关账户', '提请立案审查调查'])}。",
            f"已谈话人员：{g.person()}、{g.person()}（{g.company()}负责人），{g.pick(['其陈述与银行流水基本吻合', '其对部分款项作了解释，尚待核实'])}。",
            f"承办人：{g.person()}、{g.person()}"]
    if marked:
        text = g.gongwen(iss, f"关于{p}问题线索初步核实情况的报告", f"{place}纪委监委", body, mark=mark_of(g, level), print_line=False)
    else:
        text = "\n".join([g.pick([f"关于{p}有关情况的核实记录", "工作记录", f"{p}账户往来核查情况"]), ""] + body) + "\n"
    return secret_doc("纪检审查调查材料", "报告", iss, level, marked, "审查调查尚未结束，线索、措施和证据属纪检监察工作秘密事项", text)


def t_mobilization(g: Gen, level: str, marked: bool) -> Doc:
    place = g.pick(CITIES + PROVINCES)
    iss = Issuer(f"{place}国防动员办公室", place[0] + "动", "city", place, "政府", f"{place}人民政府", "")
    kinds = [g.pick([("运输", "运输车辆", "台"), ("医疗", "病床", "张"), ("通信", "应急通信车", "台"), ("工程机械", "挖掘机", "台"),
                     ("船舶", "货船", "艘"), ("仓储", "冷库", "座")]) for _ in range(g.num(3, 5))]
    rows = [f"{k}动员：{g.company()}等{g.num(3, 30)}家单位，可征用{what}{g.num(20, 900)}{unit}，"
            f"{g.num(12, 72)}小时内到位，集结于{g.pick(TOWNS)}" for k, what, unit in kinds]
    if marked:
        title = f"{place}战时{g.pick(['经济动员', '交通战备', '国民经济动员'])}实施计划"
        text = g.gongwen(iss, title, f"{place}国防动员委员会", rows + ["本计划按战时需要启用。"], doc_no=g.doc_no(iss),
                         mark=mark_of(g, level), print_line=True)
    else:
        title = g.pick(["社会资源征用预案（工作底稿）", "资源调查汇总", "保障单位清单"])
        text = "\n".join([title, ""] + rows) + "\n"
    return secret_doc("国防动员", "计划" if marked else "表格", iss, level, marked, "战时动员潜力、征用单位、到位时限和集结地域属国防动员秘密事项", text)



# -------------------------------------------------------------------------------------------- near pairs
# Pairs that share a form and differ in what decides the label: masked vs full personal data, office vs
# private telephones, a public plan vs one with an annex of reserve locations.
def t_roster_public(g: Gen) -> Doc:
    iss = g.issuer(("county", "district", "town"), g.pick(["民政局", "政府", "农业农村局", "人力资源和社会保障局"]))
    kind = g.pick(["最低生活保障对象", "临时救助对象", "特困供养人员", "耕地地力保护补贴对象", "公益性岗位拟聘人员"])
    v = g.pick(VILLAGES)
    title = g.pick([f"{iss.place}{v}{d}名单公示" for d in [kind]] + [f"关于{g.date()[0]}年第{g.num(1, 4)}季度{kind}的公示"])
    rows = []
    for i in range(g.num(5, 18)):
        name = g.person()
        rid = g.id_number()
        rows.append(f"{i + 1}　{name[0]}*{name[2:] if len(name) > 2 else ''}　{rid[:6]}********{rid[-4:]}　{g.pick(VILLAGES)}　{g.num(1, 6)}人　{g.num(200, 900)}元/月")
    body = [f"根据有关规定，经个人申请、村（居）民委员会入户调查、民主评议和乡镇审核，{iss.name}拟确定以下人员为{kind}，现予公示。",
            "序号　姓名　身份证号　所在村（居）　保障人数　金额"] + rows + \
           [f"公示期为{g.pick(['7', '5'])}日。如有异议，请在公示期内向{iss.name}反映。监督电话：{g.landline()}。",
            "本公示中的个人信息已按规定作去标识化处理。" if g.chance(0.3) else ""]
    reasons, art, rat = proactive(g, 11, "社会救助对象公示属社会保障政策实施情况，个人信息已去标识化")
    text = "\n".join([title, ""] + [b for b in body if b] + ["", iss.name, g.fmt_date(g.date())]) + "\n"
    return Doc("名单公示（已去标识）", "公示", iss.name, PUB, "非密", reasons, art, rat, text)


def t_penalty_person(g: Gen, masked: bool) -> Doc:
    iss = g.issuer(("city", "county", "district"), g.pick(["市场监督管理局", "城市管理局", "公安局", "文化和旅游局", "生态环境局"]))
    p = g.person()
    sex = g.pick(["男", "女"])
    rid = g.id_number(sex)
    who = [f"当事人：{g.masked(p)}", f"身份证号码：{rid[:6]}********{rid[-4:]}"] if masked else \
          [f"当事人：{p}，{sex}，{rid[6:10]}年{int(rid[10:12])}月{int(rid[12:14])}日出生", f"身份证号码：{rid}",
           f"住址：{g.address(iss.place)}", f"联系电话：{g.mobile()}"]
    fact = g.pick(["在居民区违规饲养家禽", "无证经营流动摊点", "在禁止区域内焚烧垃圾", "违规燃放烟花爆竹", "销售过期食品"])
    body = who + [f"经查，当事人于{g.fmt_date(g.date())}{fact}，经责令改正拒不改正。有现场检查笔录、照片等证据证实。",
                  f"依据有关法律规定，决定对当事人处以罚款人民币{g.num(2, 50) * 100}元。",
                  "当事人如不服本决定，可在收到本决定书之日起六十日内申请行政复议，或者在六个月内依法提起行政诉讼。"]
    no = f"{iss.abbr}罚〔{g.num(2025, 2026)}〕{g.num(1, 300)}号"
    text = "\n".join([iss.name, "行政处罚决定书", no, ""] + body + ["", iss.name, g.fmt_date(g.date())]) + "\n"
    if masked:
        reasons, art, rat = proactive(g, 6, "对自然人的行政处罚决定，姓名和身份证号已去标识化")
        return Doc("行政处罚决定书", "决定书", iss.name, PUB, "非密", reasons, art, rat, text)
    rat = "对自然人的处罚决定书原件含完整身份证号码、住址和电话，不能原样公开；依条例第三十七条作去标识化处理后方可公开。"
    return Doc("行政处罚决定书（未去标识）", "决定书", iss.name, WH, "非密", ["personal_privacy"], ART["personal_privacy"] + "、第三十七条", rat, text)


def t_duty_public(g: Gen) -> Doc:
    iss = g.issuer()
    hol = g.pick(["元旦", "春节", "清明节", "劳动节", "端午节", "中秋节、国庆节"])
    y = g.pick([2025, 2026])
    title = g.pick([f"{iss.name}{y}年{hol}假期值班电话公告", f"关于{y}年{hol}期间政务服务安排的公告"])
    body = [f"{y}年{hol}假期期间，{iss.name}实行24小时值班制度，{g.pick(['政务服务大厅暂停对外办公', '政务服务大厅正常开放'])}。",
            f"值班电话：{g.landline()}", f"{g.pick(['投诉举报电话', '应急值守电话'])}：{g.landline()}",
            f"办公地址：{g.address(iss.place).split('号')[0]}号", "节后第一个工作日恢复正常办公。给您带来的不便，敬请谅解。"]
    reasons, art, rat = ["proactive_scope"], REG + "第二十条第（二）项（办公时间和联系方式）", "面向公众的值班电话和办公安排，仅含办公电话，应主动公开。"
    text = "\n".join([title, ""] + body + ["", iss.name, g.fmt_date((y, g.num(1, 12), g.num(1, 28)))]) + "\n"
    return Doc("值班公告", "公告", iss.name, PUB, "非密", reasons, art, rat, text)


def t_org_info(g: Gen) -> Doc:
    iss = g.issuer()
    units = g.some(["办公室", "政策法规科", "规划科", "财务科", "行政审批科", "执法大队", "综合科", "人事科", "业务科"], 4, 7)
    rows = [f"{u}：{g.pick(['负责机关日常运转和综合协调', '负责政策研究和规范性文件合法性审查', '负责本系统财务和资产管理', '负责行政审批事项办理', '负责行政执法工作'])}。电话：{g.landline()}" for u in units]
    title = g.pick([f"{iss.name}机构职能", f"{iss.name}内设机构及联系方式"])
    body = [f"主要职责：贯彻执行国家和省有关方针政策，负责本行政区域内{g.topic(iss)}等工作。",
            f"领导信息：局长{g.person()}，副局长{g.person()}、{g.person()}。"] + rows + \
           [f"办公地址：{g.address(iss.place).split('号')[0]}号　办公时间：工作日8:30—12:00，14:30—17:30"]
    reasons, art, rat = ["proactive_scope"], REG + "第二十条第（二）项（机构职能和联系方式）", "机关职能、内设机构、办公电话和负责人姓名，应主动公开。"
    text = "\n".join([title, ""] + body) + "\n"
    return Doc("机构职能", "说明", iss.name, PUB, "非密", reasons, art, rat, text)


def t_emergency_plan_annex(g: Gen, level: str, marked: bool) -> Doc:
    base = t_emergency_plan_public(g)
    iss_name = base.issuer
    rows = [f"{g.pick(TOWNS)}{g.pick(['北侧', '原粮站', '物流园内', '水库管理所旁'])}储备点：{k}{g.num(100, 20000)}{UNITS[k]}，"
            f"负责人{g.person()}，{g.mobile()}" for k in g.some(["帐篷", "冲锋舟", "编织袋", "发电机", "救生衣", "饮用水", "方便食品"], 3, 5)]
    annex = ["", "附件　应急物资储备点位及数量（不对外）" if not marked else "附件　应急物资储备点位及数量", ""] + rows
    text = (mark_of(g, level) + "\n" if marked else "") + base.text + "\n".join(annex) + "\n"
    doc = secret_doc("应急预案（含储备点位）", "预案", Issuer(iss_name, "", "", "", "", "", ""), level, marked,
                     "预案附件列明应急物资储备的具体点位和数量", text)
    return doc



def t_notice_internal(g: Gen, secrecy: str) -> Doc:
    """A 通知 with the same skeleton as a public policy notice, addressed inside the organ."""
    iss = g.issuer(("city", "county", "district", "province"), g.pick(list(DEPTS) + [None]))
    if secrecy == "内部":
        topic = g.pick(["机关考勤管理", "公务用车管理", "机关财务报销管理", "办公用房管理", "机关安全保卫", "机关节能管理",
                        "档案管理", "机关食堂管理", "印章管理", "请销假管理"])
    else:
        topic = g.topic(iss)
    what = g.pick([f"关于做好{topic}工作的通知", f"关于加强{topic}的通知", f"关于开展{topic}自查的通知", f"关于进一步规范{topic}的通知"])
    to = g.pick(["厅机关各处室、厅属各单位", "机关各处室"] if iss.level == "province" else
                ["局机关各科室、局属各单位", "机关各科室", "各科室、各直属单位"]) if g.chance(0.8) or secrecy != "非密" else iss.subordinates
    internal = secrecy == "内部"
    body = [g.opening(topic, iss) if not internal else g.pick([
        f"为加强{topic}，规范机关运行，经研究，现就有关事项通知如下：", f"近期检查发现，部分科室{topic}制度执行不严。为此，特作如下规定：",
        f"根据机关管理制度，结合近期工作实际，现对{topic}有关要求重申如下。"])] + \
        ([g.background(topic, iss)] if g.chance(0.3) and not internal else []) + g.sections(topic, 2, 6, internal=internal)
    if secrecy == "内部":
        body.append(g.pick([f"本通知仅在机关内部执行，由办公室负责解释。", "请各科室负责人向本科室人员传达到位。",
                            f"执行情况纳入年度科室考核，办公室每{g.pick(['月', '季度'])}检查一次。"]))
        rat = "机关内部管理（考勤、车辆、财务、用房等）的通知，属内部事务信息，不予公开。"
        return Doc("内部管理通知", "通知", iss.name, WH, "内部", *INTERNAL, rat,
                   g.gongwen(iss, what, to, body, doc_no=g.doc_no(iss, "办"), print_line=g.chance(0.5)))
    body.append(g.pick([f"请各单位于{g.num(1, 12)}月{g.num(1, 28)}日前将自查报告报送办公室。", "请认真贯彻执行。", "特此通知。"]))
    rat = "面向本机关科室和下属单位部署日常工作的通知，不直接涉及公众权利义务，不属主动公开范围，无不予公开情形，可依申请公开。"
    return Doc("工作通知（内部部署）", "通知", iss.name, REQ, "非密", *ONREQ, rat,
               g.gongwen(iss, what, to, body, doc_no=g.doc_no(iss), note=g.pick([None, None, "（此件依申请公开）"])))


def t_work_summary_public(g: Gen) -> Doc:
    iss = g.issuer(("city", "county", "district", "town"))
    topic = g.topic(iss)
    y = g.pick([2024, 2025])
    title = g.pick([f"{iss.name}{y}年工作总结和{y + 1}年工作计划", f"{iss.name}{y}年法治政府建设情况报告", f"{iss.name}{y}年度工作总结"])
    paras = [f"{y}年，{iss.name}坚持以人民为中心，围绕中心、服务大局，各项工作取得新进展。现将有关情况报告如下。",
             "一、主要工作开展情况", f"（一）{g.background(topic, iss)}{g.action(topic)}", f"（二）{g.action(g.topic(iss))}",
             f"（三）全年办理人大代表建议{g.num(0, 30)}件、政协委员提案{g.num(0, 30)}件，办复率100%。", "二、存在的不足",
             g.pick(["人员力量不足，业务骨干流失较多。", "信息化水平不高，部分工作仍依靠手工台账。", "基层工作经费保障不足。"]),
             f"三、{y + 1}年工作计划", g.action(topic) + g.action(topic)]
    reasons, art, rat = ["proactive_scope"], REG + "第十九条", "机关年度工作总结和计划需公众广泛知晓，按本机关公开目录主动公开。"
    text = "\n".join([title, ""] + paras + ["", iss.name, g.fmt_date((y, 12, g.num(1, 28)))]) + "\n"
    return Doc("工作总结", "总结", iss.name, PUB, "非密", reasons, art, rat, text)



# Public look-alikes of the secret genres: same vocabulary (试题, 纪检, 路线, 警报, 避难场所), nothing secret.
def t_exam_used(g: Gen) -> Doc:
    y = g.pick([2023, 2024, 2025])
    iss = g.issuer(("city", "county"), "教育局")
    subject = g.pick(["数学", "物理", "道德与法治", "语文"])
    qs = []
    for i in range(g.num(4, 8)):
        a, b, c = g.num(12, 99), g.num(2, 30), g.num(5, 400)
        qs.append(g.pick([f"{i + 1}．计算：{a}×{b}－{c}＝______。（{g.pick(['3', '4'])}分）", f"{i + 1}．已知x＋{a}＝{a + b}，则2x的值为（　）",
                          f"{i + 1}．一个长方形周长为{2 * (a + b)}厘米，长{a}厘米，求面积。"]))
    title = g.pick([f"{y}年{iss.place}初中学业水平考试{subject}试题及参考答案", f"{iss.place}{y}年中考{subject}真题（已考）"])
    head = [title, f"（本试题已于{y}年6月{g.num(20, 28)}日考试中使用）" if g.chance(0.6) else f"考试时间：{y}年6月{g.num(20, 28)}日"]
    text = "\n".join(head + [""] + qs + ["", f"参考答案：1．{g.num(10, 900)}　2．{g.num(2, 60)}……", f"整理：{iss.name}教研室"]) + "\n"
    rat = "考试已结束，试题启用后不再属于国家秘密；不属主动公开范围，可依申请公开。"
    return Doc("考试试题（已启用）", "试卷", iss.name, REQ, "非密", *ONREQ, rat, text)


def t_discipline_public(g: Gen) -> Doc:
    place = g.pick(CITIES + COUNTIES)
    name = f"{place}纪委监委"
    cases = []
    for i in range(g.num(3, 5)):
        p = g.person()
        cases.append(f"{'一二三四五'[i]}、{place}{g.pick(list(DEPTS))}原{g.pick(['副局长', '科长', '党组成员'])}{p}{g.pick(['违规收受礼品礼金', '违规公款吃喝', '违规发放津贴补贴', '公车私用'])}问题。"
                     f"{g.num(2019, 2025)}年至{g.num(2025, 2026)}年，{p}{g.pick(['多次收受管理服务对象所送购物卡', '违规组织公款宴请', '将公务用车用于私人事务'])}。"
                     f"{p}受到{g.pick(['党内警告', '党内严重警告', '政务记过', '撤销党内职务'])}处分，违纪所得已被收缴。")
    title = f"关于{len(cases)}起违反中央八项规定精神典型问题的通报"
    body = [f"近期，{place}各级纪检监察机关严肃查处了一批违反中央八项规定精神问题。现将其中{len(cases)}起典型问题通报如下："] + cases + \
           [f"上述问题反映出一些党员干部纪律意识淡薄。各级党组织要引以为戒，举一反三。{place}纪委监委将持续加大监督检查力度。",
            f"欢迎广大群众通过{g.pick(['12388举报电话', '网站举报平台'])}反映问题线索。"]
    rat = "纪检监察机关公开通报的典型问题，已审查终结并作出处分，面向社会发布，属主动公开信息。"
    text = "\n".join([title, f"来源：{name}　{g.fmt_date(g.date())}", ""] + body) + "\n"
    return Doc("典型问题通报（公开）", "通报", name, PUB, "非密", ["proactive_scope"], REG + "第十九条", rat, text)


def t_event_traffic(g: Gen) -> Doc:
    iss = g.issuer(("city", "county"), "公安局")
    d = g.date()
    event = g.pick([f"{d[0]}{iss.place}马拉松赛", f"{iss.place}第{g.num(2, 20)}届旅游文化节", f"{iss.place}{d[0]}年中考", f"{iss.place}国际自行车赛"])
    roads = g.some(ROADS, 3, 5)
    title = f"关于{event}期间对部分道路实行交通管制的通告"
    body = [f"{event}将于{d[1]}月{d[2]}日举行。为确保活动安全顺利进行，依据《中华人民共和国道路交通安全法》有关规定，现通告如下：",
            f"一、{d[1]}月{d[2]}日{g.num(5, 8)}时至{g.num(11, 14)}时，对{'、'.join(roads)}实行全封闭交通管制，禁止机动车和非机动车通行。",
            f"二、管制期间，赛事（活动）车辆、执行任务的警车、消防车、救护车、工程救险车不受限制。",
            f"三、请广大市民提前规划出行路线，绕行{g.pick(ROADS)}。因交通管制给您带来的不便，敬请谅解。",
            f"咨询电话：{g.landline()}"]
    reasons, art, rat = proactive(g, 15, "大型活动交通管制通告需公众知晓（与警卫、安保方案不同，不含警力部署和车队路线）")
    text = g.gongwen(iss, title, None, body, date=(d[0], d[1], max(1, d[2] - 5)), note=g.pub_note(), print_line=False)
    return Doc("通告（活动交通管制）", "通告", iss.name, PUB, "非密", reasons, art, rat, text)


def t_air_raid_test(g: Gen) -> Doc:
    iss = g.issuer(("city", "county"), g.pick(["政府", "政府办"]))
    y = g.pick([2025, 2026])
    title = g.pick([f"关于{y}年防空警报试鸣的公告", f"关于开展{y}年人民防空警报试鸣和疏散演练的通告"])
    body = [f"为增强全民国防观念和人民防空意识，检验人民防空警报设施性能，经研究，定于{y}年{g.pick(['9月', '5月', '11月'])}{g.num(1, 28)}日上午10时至10时23分在{iss.place}城区试鸣防空警报。",
            "试鸣顺序：预先警报（鸣36秒、停24秒，反复3遍）；空袭警报（鸣6秒、停6秒，反复15遍）；解除警报（连续鸣3分钟）。",
            "警报试鸣期间，请广大市民保持正常的工作和生活秩序，各单位、居民区不得借故阻挠或破坏警报试鸣。"]
    reasons, art, rat = proactive(g, 12, "防空警报试鸣公告面向社会")
    text = g.gongwen(iss, title, None, body, note=g.pub_note(), print_line=False)
    return Doc("人防警报试鸣公告", "公告", iss.name, PUB, "非密", reasons, art, rat, text)


def t_shelter_list(g: Gen) -> Doc:
    iss = g.issuer(("city", "county", "district"), "应急管理局")
    rows = [f"{i + 1}　{g.pick(TOWNS)}{g.pick(['中心学校操场', '文化广场', '体育公园', '社区服务中心'])}　{g.address(iss.place).split('号')[0]}号　容纳{g.num(300, 9000)}人　{g.pick(['Ⅰ类', 'Ⅱ类', 'Ⅲ类'])}"
            for i in range(g.num(4, 10))]
    title = g.pick([f"{iss.place}应急避难场所名录", f"关于公布{iss.place}应急避难场所名单的公告"])
    body = ["为方便群众在突发事件发生时就近避险，现将全域应急避难场所向社会公布：", "序号　名称　地址　容纳人数　类型"] + rows + \
           ["场所内设有应急供水、照明和标识，平时可作为休闲场所使用。"]
    reasons, art, rat = proactive(g, 12, "应急避难场所名录需公众知晓（与应急物资储备点位不同）")
    text = "\n".join([title, ""] + body + ["", iss.name, g.fmt_date(g.date())]) + "\n"
    return Doc("应急避难场所名录", "公告", iss.name, PUB, "非密", reasons, art, rat, text)


# =============================================================================================
# Published genres added in the second round (issue 4): de-identified case releases and legal Q&A (某/某某),
# long normative texts vs their internal drafts, assembly reports and published speeches vs their internal drafts,
# and 保密 work news from many issuers.  They are generated after the first round from their own seed
# (SEED + 1), so the first-round documents keep their ids and texts.
CN_ORD = "一二三四五六七八九十"


def anon(g: Gen) -> str:
    """A de-identified person as published cases write it: 张某, 李某某, 王某甲."""
    return g.pick(SURNAMES) + g.pick(["某", "某某", "某", "某某", "某甲"])


def anon_firm(g: Gen, trade: str | None = None) -> str:
    trade = trade or g.pick(["建筑劳务", "商贸", "物流", "健身服务", "餐饮", "科技", "教育培训", "装饰工程", "物业服务",
                             "食品", "汽车销售", "电子商务"])
    return g.pick([f"某{trade}公司", f"{g.pick(CITIES)[:2]}某某{trade}有限公司", f"某某{trade}公司", f"某{trade}有限责任公司"])


def court_issuer(g: Gen, kinds=("basic", "basic", "intermediate", "high")) -> Issuer:
    kind = g.pick(kinds)
    if kind == "basic":
        place = g.pick(COUNTIES + DISTRICTS)
        return Issuer(place + "人民法院", place[0] + "法", "county", place, "法院", g.pick(CITIES) + "中级人民法院", "")
    if kind == "intermediate":
        place = g.pick(CITIES)
        return Issuer(place + "中级人民法院", place[0] + "中法", "city", place, "法院", g.pick(PROVINCES) + "高级人民法院", "")
    place = g.pick(PROVINCES)
    return Issuer(place + "高级人民法院", place[0] + "高法", "province", place, "法院", "最高人民法院", "")


def money(g: Gen, a: int, b: int) -> str:
    return f"{g.num(a, b) * 100}元" if g.chance(0.6) else f"{g.num(a, b) // 10 / 10:.1f}万元".replace(".0万", "万")


# Each case returns (title, facts, result heading, result, significance).  Wording is this project's own.
def case_overtime(g: Gen):
    a, co, y = anon(g), anon_firm(g), g.num(2021, 2024)
    title = g.pick([f"{a}诉{co}劳动争议案", f"加班费的仲裁时效应当如何认定——{a}与{co}劳动争议案",
                    f"离职后主张在职期间加班费的时效起算——{a}诉{co}追索劳动报酬案"])
    facts = (f"{a}于{y}年{g.num(1, 12)}月入职{co}，从事{g.pick(['仓储管理', '设备维修', '客服', '驾驶', '销售'])}工作。"
             f"{a}主张在职期间经常在工作日晚间和休息日加班，公司未足额支付加班费。{y + g.num(1, 2)}年{g.num(1, 12)}月双方解除劳动合同，"
             f"{g.num(2, 10)}个月后{a}申请劳动仲裁，请求公司支付加班费{money(g, 80, 600)}。{co}辩称，部分加班费发生在两年前，已超过一年仲裁时效。")
    result = (f"经审理认为，劳动关系存续期间因拖欠劳动报酬发生争议的，劳动者申请仲裁不受一年仲裁时效期间的限制；劳动关系终止的，"
              f"应当自终止之日起一年内提出。{a}在劳动关系解除后一年内申请仲裁，未超过仲裁时效。结合考勤记录、工作群聊天记录和工资发放明细，"
              f"认定{co}应支付{a}加班费{money(g, 60, 500)}。{g.pick(['一审判决后双方均未上诉。', '二审维持原判。', '该裁决已发生法律效力。'])}")
    meaning = ("加班费属于劳动报酬。本案明确了在职期间拖欠加班费的时效起算规则，照顾了劳动者在职期间不便主张权利的实际处境。"
               "同时提示用人单位依法安排工作时间，如实记录考勤，按时足额支付加班费；劳动者也应注意保存考勤、工资等证据。")
    return title, facts, g.pick(["裁判结果", "处理结果"]), result, meaning


def case_injury(g: Gen):
    a, co = anon(g), anon_firm(g)
    county = g.pick(COUNTIES)
    title = f"{a}诉{county}人力资源和社会保障局工伤认定案"
    facts = (f"{a}系{co}职工。某日下班后，{a}驾驶电动自行车沿{g.pick(ROADS)}回家途中与一辆小型客车相撞受伤。交警部门认定{a}承担事故次要责任。"
             f"{a}申请工伤认定，{county}人力资源和社会保障局以{a}事发时偏离合理路线为由作出不予认定工伤决定。{a}不服，提起行政诉讼。")
    result = (f"法院经审理认为，{a}事发时途经的路段是其从单位返回居住地的合理路线之一，途中短暂停留购买生活用品属于日常生活所需，"
              f"不影响“上下班途中”的认定。被诉决定认定事实不清，判决撤销该决定，责令{county}人力资源和社会保障局在法定期限内重新作出处理。")
    meaning = ("上下班途中受到非本人主要责任的交通事故伤害，依法应当认定为工伤。对“合理时间”“合理路线”的理解，应当结合职工日常生活的实际需要，"
               "不宜机械限定为唯一最短路线。本案对规范工伤认定、保障劳动者合法权益具有指导作用。")
    return title, facts, "裁判结果", result, meaning


def case_prepaid(g: Gen):
    a, n = anon(g), g.num(3, 40)
    co = anon_firm(g, g.pick(["健身服务", "美容美发", "教育培训", "游泳馆管理"]))
    title = g.pick([f"{a}等{n}人诉{co}服务合同纠纷案", f"经营者停业后预付款应予退还——{a}诉{co}服务合同纠纷案"])
    facts = (f"{a}等{n}名消费者先后在{co}办理预付卡，充值金额{money(g, 20, 300)}至{money(g, 300, 900)}不等。"
             f"后{co}以装修为由停止营业，此后一直未恢复经营，也未通知消费者办理退款。消费者多次协商未果，诉至法院，请求退还卡内余额。")
    result = (f"法院经审理认为，{co}停止营业导致合同目的无法实现，消费者有权解除合同并要求退还未消费的预付款。"
              f"判决{co}退还{a}等人卡内余额合计{money(g, 300, 4000)}。{g.pick(['判决已执行完毕。', '执行过程中，双方达成和解。'])}")
    meaning = ("预付式消费纠纷多发，群体性特征明显。本案依法支持消费者退款请求，提醒经营者诚信经营，"
               "不得以停业、转让等方式逃避退款义务；也提示消费者理性办卡，保留好合同、付款凭证等证据。")
    return title, facts, g.pick(["裁判结果", "处理结果"]), result, meaning


def case_loan(g: Gen):
    a, b = anon(g), anon(g)
    title = f"{a}诉{b}民间借贷纠纷案"
    facts = (f"{b}因经营需要向{a}借款{money(g, 200, 3000)}，双方约定月利率{g.pick(['3%', '2.5%', '4%'])}，借期一年。借款到期后，{b}仅归还部分利息。"
             f"{a}诉至法院，要求{b}归还本金并按约定利率支付利息。")
    result = ("法院经审理认为，双方借贷关系合法有效，但约定的利率超过合同成立时一年期贷款市场报价利率四倍，超过部分不受法律保护。"
              f"判决{b}归还借款本金，并按合同成立时一年期贷款市场报价利率四倍计付利息，已付利息中超出部分抵扣本金。")
    meaning = ("民间借贷应当遵守利率上限的规定。本案依法调整过高利息，既保护出借人的合法债权，又防止借款人负担不合理的利息，"
               "引导民间借贷规范健康发展。")
    return title, facts, "裁判结果", result, meaning


def case_property(g: Gen):
    a = anon(g)
    co = anon_firm(g, "物业服务")
    title = f"{co}诉{a}物业服务合同纠纷案"
    facts = (f"{a}系{g.pick(CITIES)}某小区业主，以房屋{g.pick(['外墙渗水', '楼道照明长期损坏', '电梯多次故障'])}长期得不到维修为由，"
             f"连续{g.num(2, 4)}年拒交物业费。{co}起诉要求{a}支付欠缴的物业费{money(g, 30, 200)}及违约金。")
    result = (f"法院经审理认为，业主不得以未接受或者无需接受相关物业服务为由拒绝支付物业费，但物业服务存在瑕疵的，可相应减少费用。"
              f"经组织双方调解，{co}承诺限期完成维修，{a}支付物业费的{g.num(70, 90)}%，违约金不再主张。")
    meaning = "本案通过调解化解纠纷，既维护了物业服务秩序，也督促物业服务企业提升服务质量，实现了“办理一案、治理一片”的效果。"
    return title, facts, "处理结果", result, meaning


def case_food(g: Gen):
    a = anon(g)
    co = anon_firm(g, g.pick(["商贸", "超市", "食品"]))
    title = g.pick([f"{a}诉{co}买卖合同纠纷案", f"销售过期食品应承担惩罚性赔偿责任——{a}诉{co}买卖合同纠纷案"])
    facts = (f"{a}在{co}经营的门店购买{g.pick(['进口奶粉', '糕点', '坚果礼盒', '保健饮品'])}若干，价款{g.num(60, 900)}元。"
             f"回家后发现部分商品已超过保质期。{a}要求退货并赔偿，{co}仅同意退货。{a}遂诉至法院，请求退还货款并支付价款十倍的赔偿金。")
    result = (f"法院经审理认为，{co}作为食品经营者，销售明知是超过保质期的食品，应当承担退款及惩罚性赔偿责任。"
              f"价款十倍不足一千元的，按一千元计算。判决{co}退还货款并支付赔偿金。")
    meaning = "食品安全关系人民群众身体健康。本案适用惩罚性赔偿规则，督促食品经营者落实进货查验和临期食品清理义务，守住食品安全底线。"
    return title, facts, "裁判结果", result, meaning


def case_wage(g: Gen):
    a, n = anon(g), g.num(8, 60)
    co, sub = anon_firm(g, "建设工程"), anon_firm(g, "建筑劳务")
    title = f"{a}等{n}名农民工追索劳动报酬案"
    facts = (f"{co}承建某安置房项目后，将部分劳务分包给{sub}。项目完工后，{sub}拖欠{a}等{n}名农民工工资共计{money(g, 500, 9000)}，"
             f"其负责人下落不明。{a}等人向{g.pick(['劳动保障监察机构投诉', '劳动人事争议仲裁委员会申请仲裁', '人民法院起诉'])}。")
    result = (f"经查，{co}违法将劳务分包给不具备用工主体资格的组织，依法应当承担清偿责任。在有关部门督促下，{co}通过农民工工资专用账户"
              f"于{g.num(5, 20)}日内将拖欠工资全部支付到位。")
    meaning = ("工程建设领域是欠薪问题易发领域。本案依法落实总承包单位清偿责任，农民工工资专用账户、实名制管理等制度有效发挥了作用，"
               "为依法治理欠薪提供了参考。")
    return title, facts, "处理结果", result, meaning


def case_online(g: Gen):
    a = anon(g)
    co = anon_firm(g, "电子商务")
    title = f"{a}诉{co}网络购物合同纠纷案"
    facts = (f"{a}通过直播间购买{co}销售的{g.pick(['品牌手表', '羊绒大衣', '护肤套装', '蓝牙耳机'])}，支付{g.num(300, 6000)}元。"
             f"主播在直播中宣称商品为“正品”“专柜同款”。收货后经鉴定，商品并非所宣称品牌。{a}要求退一赔三。")
    result = f"法院经审理认为，{co}在直播中对商品来源作虚假宣传，构成欺诈，判决{co}退还货款，并按价款三倍支付赔偿金。"
    meaning = "直播带货等新业态应当依法经营。经营者对商品作虚假或者引人误解的宣传，应当承担相应法律责任。本案对规范网络直播营销具有示范作用。"
    return title, facts, "裁判结果", result, meaning


def case_support(g: Gen):
    a, b, c = anon(g), anon(g), anon(g)
    title = f"{a}诉{b}、{c}赡养纠纷案"
    facts = (f"{a}年逾{g.num(70, 88)}岁，患有慢性疾病，无固定收入。其子女{b}、{c}因家庭琐事互相推诿，长期未支付赡养费，也很少探望。"
             f"{a}经{g.pick(['村委会', '人民调解委员会'])}调解未果，诉至法院。")
    result = (f"法院经审理认为，成年子女对父母负有赡养、扶助和保护的义务。综合{a}的生活需要和子女的经济能力，判决{b}、{c}每月各支付赡养费"
              f"{g.num(3, 12) * 100}元，医疗费凭票据各负担一半，并定期探望。")
    meaning = "赡养老人既是法定义务，也是中华民族的传统美德。本案在判决金钱给付的同时明确精神慰藉义务，弘扬了孝老爱亲的社会风尚。"
    return title, facts, "裁判结果", result, meaning


def case_info(g: Gen):
    a = anon(g)
    town = g.pick(TOWNS)
    title = g.pick([f"{a}诉{town}人民政府政府信息公开案", f"最终形成的补偿方案不属于过程性信息——{a}诉{town}人民政府政府信息公开案"])
    facts = (f"{a}向{town}人民政府申请公开本村{g.pick(['房屋征收补偿方案', '土地征收补偿安置方案', '道路拓宽项目补偿标准'])}。"
             f"{town}人民政府答复称，该信息属于内部讨论形成的过程性信息，决定不予公开。{a}不服，提起行政诉讼。")
    result = (f"法院经审理认为，涉案方案已经正式确定并据以实施，不再处于讨论、研究阶段，不属于过程性信息，且与{a}的切身利益直接相关。"
              f"被诉答复适用法律错误，判决撤销，责令{town}人民政府在法定期限内重新答复。")
    meaning = ("过程性信息的判断应当着眼于信息所处的阶段。已经最终形成并对外产生效力的决定、方案，不能以过程性信息为由拒绝公开。"
               "本案有助于规范行政机关正确适用不予公开的情形。")
    return title, facts, "裁判结果", result, meaning


def case_penalty(g: Gen):
    co = anon_firm(g)
    dept = g.pick(["市场监督管理局", "生态环境局", "城市管理局", "交通运输局"])
    place = g.pick(COUNTIES + DISTRICTS)
    title = f"{co}诉{place}{dept}行政处罚案"
    facts = (f"{place}{dept}以{co}{g.pick(['未按规定公示经营信息', '超标排放污染物', '擅自占道经营', '未按规定备案'])}为由，"
             f"对其作出罚款{money(g, 100, 900)}的行政处罚决定。{co}不服，认为处罚前未告知其有权要求听证，提起诉讼。")
    result = f"法院经审理认为，被诉处罚决定属于较大数额罚款，行政机关未告知当事人有要求听证的权利，违反法定程序，判决撤销该处罚决定。"
    meaning = "行政机关作出处罚既要事实清楚、适用法律正确，也要遵守法定程序。本案对督促行政机关严格规范公正文明执法具有警示意义。"
    return title, facts, "裁判结果", result, meaning


def case_review(g: Gen):
    a = anon(g)
    place = g.pick(COUNTIES + DISTRICTS)
    dept = g.pick(["公安局", "市场监督管理局", "人力资源和社会保障局", "自然资源局", "城市管理局"])
    act = g.pick(["行政处罚决定", "不予受理投诉决定", "不动产登记行为", "责令限期拆除决定", "政府信息公开答复"])
    title = g.pick([f"申请人{a}不服{place}{dept}{act}行政复议案", f"{a}不服某{dept[-3:]}{act}案"])
    facts = (f"{a}因与{anon(g)}发生{g.pick(['邻里纠纷', '合同纠纷', '相邻通行纠纷'])}，向{place}{dept}反映情况。{place}{dept}作出{act}。"
             f"{a}认为该行为认定事实不清，向{place}人民政府申请行政复议。")
    result = (f"复议机关经审查认为，被申请人作出{act}时{g.pick(['未调取关键证据', '未听取申请人陈述申辩', '适用依据不当', '超过法定期限'])}，"
              f"{g.pick(['决定撤销该行为，责令被申请人重新处理', '决定确认该行为违法', '组织双方调解，被申请人主动纠正，申请人撤回复议申请'])}。")
    meaning = "行政复议是化解行政争议的主渠道。本案中复议机关依法纠正不当行政行为，实质性化解了争议，体现了行政复议公正高效、便民为民的制度优势。"
    return title, facts, "复议结果", result, meaning


def case_complaint(g: Gen):
    a = anon(g)
    co = anon_firm(g, g.pick(["装饰工程", "汽车销售", "家具", "旅行社"]))
    title = f"消费者{a}与{co}{g.pick(['装修合同', '二手车交易', '定制家具', '旅游合同'])}纠纷调解案"
    facts = (f"{a}与{co}签订合同，支付{money(g, 20, 900)}。履行过程中，{co}{g.pick(['拖延工期两个多月', '隐瞒车辆事故记录', '交付产品与样品明显不符', '擅自变更行程'])}。"
             f"{a}多次协商无果，向{g.pick(['12315平台', '消费者协会', '属地市场监管所'])}投诉。")
    result = f"市场监管部门受理后，组织双方调解。经调解，{co}同意{g.pick(['退还全部款项', '赔偿' + money(g, 5, 90), '返还部分款项并承担检测费用'])}，双方签订调解协议并当场履行。"
    meaning = "经营者应当如实告知商品和服务信息、按约履行合同。本案通过行政调解快速化解纠纷，为消费者挽回了损失，也提醒消费者签约时明确约定质量标准和违约责任。"
    return title, facts, "处理结果", result, meaning


def case_noncontract(g: Gen):
    a, co = anon(g), anon_firm(g)
    title = g.pick([f"{a}诉{co}劳动争议案", f"用人单位未订立书面劳动合同应支付二倍工资——{a}与{co}劳动争议案"])
    facts = (f"{a}于{g.num(2022, 2024)}年{g.num(1, 12)}月到{co}从事{g.pick(['厨师', '保洁', '仓管', '司机', '文员'])}工作，月工资{g.num(30, 80) * 100}元。"
             f"{co}一直未与{a}订立书面劳动合同。工作{g.num(6, 11)}个月后，{a}离职并申请仲裁，请求{co}支付未订立书面劳动合同的二倍工资差额。"
             f"{co}辩称双方系临时帮工关系，不存在劳动关系。")
    result = (f"经审理查明，{a}接受{co}的管理，按月领取固定报酬，从事的工作是{co}业务的组成部分，双方存在劳动关系。"
              f"{co}自用工之日起超过一个月未与{a}订立书面劳动合同，应当支付二倍工资差额{money(g, 100, 800)}。")
    meaning = "订立书面劳动合同是用人单位的法定义务。本案提示用人单位依法及时订立书面劳动合同，规范用工管理；劳动者也应增强维权意识，注意留存工作证、工资流水等证据。"
    return title, facts, g.pick(["仲裁结果", "裁判结果"]), result, meaning


def case_copyright(g: Gen):
    a, b = anon(g), anon(g)
    co = anon_firm(g, g.pick(["演艺", "文化传媒", "网络科技"]))
    title = f"{a}、{b}诉{co}著作权权属、侵权纠纷案"
    facts = (f"{a}、{b}共同创作了歌曲《{g.pick(['故乡的河', '山那边', '晚风', '小城春天'])}》并享有著作权。{co}未经许可，在其运营的短视频账号和商业演出中"
             f"使用该歌曲，累计播放量达{g.num(10, 900)}万次。{a}、{b}要求停止侵权、赔偿损失，协商未果后诉至法院。")
    result = (f"法院经审理认为，{co}未经著作权人许可，以营利为目的使用涉案作品，侵害了{a}、{b}的信息网络传播权和表演权。"
              f"判决{co}停止侵权，并赔偿经济损失及合理开支共计{money(g, 100, 900)}。")
    meaning = "网络环境下作品传播更加便捷，但使用他人作品应当依法取得许可并支付报酬。本案依法保护了创作者的合法权益，对规范短视频平台和演出市场的作品使用具有引导作用。"
    return title, facts, "裁判结果", result, meaning


def case_personal_info(g: Gen):
    a = anon(g)
    co = anon_firm(g, g.pick(["房产经纪", "教育培训", "电子商务", "汽车销售"]))
    title = g.pick([f"{a}诉{co}个人信息保护纠纷案", f"经营者不得擅自向他人提供消费者个人信息——{a}诉{co}个人信息保护纠纷案"])
    facts = (f"{a}在{co}办理业务时留下了姓名、手机号码等信息。此后，{a}频繁接到其他机构的推销电话，经查系{co}员工将客户信息提供给第三方。"
             f"{a}诉至法院，要求{co}赔礼道歉并赔偿损失。")
    result = f"法院经审理认为，{co}未尽到个人信息安全保护义务，其员工擅自向他人提供消费者个人信息，侵害了{a}的个人信息权益，判决{co}书面赔礼道歉并赔偿损失。"
    meaning = "处理个人信息应当遵循合法、正当、必要原则。经营者应当建立内部管理制度，防止个人信息泄露。本案对督促经营者依法处理个人信息、保护消费者隐私具有警示意义。"
    return title, facts, "裁判结果", result, meaning

CASE_SETS = {  # genre -> (cases, themes)
    "典型案例发布（法院）": ([case_overtime, case_injury, case_prepaid, case_loan, case_property, case_food, case_wage,
                       case_online, case_support, case_info, case_penalty, case_noncontract, case_copyright,
                       case_personal_info],
                      ["民生领域", "劳动争议", "消费者权益保护", "行政审判", "家事审判", "诉源治理"]),
    "劳动争议典型案例": ([case_overtime, case_wage, case_injury, case_noncontract], ["劳动人事争议", "根治欠薪", "劳动权益保障"]),
    "消费维权典型案例": ([case_prepaid, case_food, case_online, case_complaint, case_personal_info], ["消费维权", "“3·15”消费维权", "预付式消费"]),
    "行政复议/行政诉讼典型案例": ([case_review, case_info, case_penalty, case_injury], ["行政复议", "行政争议实质性化解", "行政诉讼"]),
}


def t_case_release(g: Gen, genre: str) -> Doc:
    pool, themes = CASE_SETS[genre]
    if genre == "典型案例发布（法院）":
        iss = court_issuer(g)
    elif genre == "劳动争议典型案例":
        iss = g.issuer(("city", "county", "province"), "人力资源和社会保障局")
    elif genre == "消费维权典型案例":
        iss = g.issuer(("city", "county", "district", "province"), "市场监督管理局")
    else:
        iss = g.pick([lambda: g.issuer(("city", "county", "province"), "司法局"), lambda: court_issuer(g, ("intermediate", "basic"))])()
    theme = g.pick(themes)
    d = g.date()
    single = g.chance(0.3)  # one case per page, as many courts publish them
    budget = g.num(1300, 2900)
    cases, used = [], set()
    while len(cases) < (1 if single else 6):
        fn = g.pick(pool)
        if fn in used and len(used) < len(pool):
            continue
        used.add(fn)
        cases.append(fn(g))
        if sum(len("".join(c)) for c in cases) > budget - 300:
            break
    n = len(cases)
    if single:
        ct = cases[0][0]
        title = g.pick([ct, f"【典型案例】{ct}", f"典型案例｜{ct}"])
    else:
        title = g.pick([f"{iss.name}发布{n}起{theme}典型案例", f"{theme}典型案例（第{g.pick(CN_ORD[:5])}批）",
                        f"以案说法　{iss.name}公布{theme}典型案例", f"{iss.name}{d[0]}年度{theme}典型案例"])
    intro = g.pick([f"为充分发挥典型案例的示范引领作用，{iss.name}从近年来办理的案件中选取{n}起{theme}典型案例，现予发布。",
                    f"{d[1]}月{d[2]}日，{iss.name}召开新闻发布会，通报{theme}工作情况，并发布{n}起典型案例。",
                    f"为进一步加强{theme}法治宣传，引导社会公众依法维权、理性维权，现将{n}起典型案例予以公布。"]) if not single else \
        g.pick(["", f"{iss.name}发布", f"（{iss.name}供稿）"])
    style = g.num(0, 2)
    lines = [title, f"来源：{iss.name}　发布时间：{d[0]}-{d[1]:02d}-{d[2]:02d}" if g.chance(0.6) else "", intro]
    if g.chance(0.4):
        lines.append("（案例中当事人均已作匿名化处理）")
    for i, (ct, facts, rhead, result, meaning) in enumerate(cases):
        if not single:
            lines.append(f"案例{CN_ORD[i]}：{ct}" if style != 1 else f"{CN_ORD[i]}、{ct}")
        mhead = g.pick(["典型意义", "典型意义", "案例评析", "法官提示"]) if style != 2 else "典型意义"
        if style == 0:
            lines += [f"【基本案情】{facts}", f"【{rhead}】{result}", f"【{mhead}】{meaning}"]
        elif style == 1:
            lines += ["（一）基本案情", facts, f"（二）{rhead}", result, f"（三）{mhead}", meaning]
        else:
            lines += [f"基本案情：{facts}", f"{rhead}：{result}", f"{mhead}：{meaning}"]
    if g.chance(0.6):
        lines.append(g.pick([f"下一步，{iss.name}将继续加强{theme}工作，常态化发布典型案例，以案释法，引导群众依法理性维权。",
                             f"{iss.name}提醒：遇到纠纷时，可通过协商、调解、仲裁、诉讼等途径依法解决，注意保存合同、票据、聊天记录等证据。",
                             "发布典型案例是推进法治宣传教育的重要方式。案例中的当事人信息均已作匿名化处理。"]))
    lines = [x for x in lines if x]
    if "来源" not in lines[1]:
        lines += ["", iss.name, g.fmt_date(d)]
    reasons, art, rat = proactive(g, 15, "已公开发布的典型案例，当事人已作去标识化处理（某、某某），用于法治宣传")
    return Doc(genre, "案例", iss.name, PUB, "非密", reasons, art, rat, "\n".join(lines) + "\n")


# (question, story with {a}/{b}/{co}, answer, law) — legal content paraphrased in this project's words.
LAW_QA = [
    ("加班费的仲裁时效应当如何认定？",
     "{a}在{co}工作三年，离职半年后申请仲裁，要求公司支付三年来的加班费。公司认为两年前的加班费早已过了仲裁时效。",
     "劳动争议申请仲裁的时效期间一般为一年。但劳动关系存续期间因拖欠劳动报酬发生争议的，劳动者申请仲裁不受一年期间的限制；劳动关系终止的，应当自终止之日起一年内提出。加班费属于劳动报酬，{a}离职后一年内申请仲裁，其在职期间的加班费请求未超过时效。",
     "《中华人民共和国劳动争议调解仲裁法》第二十七条"),
    ("试用期内用人单位可以随意解除劳动合同吗？",
     "{a}入职{co}后约定试用期三个月。第二个月，公司以“不适合岗位”为由口头通知{a}不用再来上班，未说明具体理由。",
     "试用期内用人单位解除劳动合同，需要证明劳动者不符合录用条件，并向劳动者说明理由。用人单位不能证明的，属于违法解除，劳动者可以要求继续履行合同或者主张赔偿金。",
     "《中华人民共和国劳动合同法》第二十一条、第三十九条"),
    ("未签书面劳动合同，劳动者能主张二倍工资吗？",
     "{a}到{co}做厨师，干了十个月，公司一直没有与其签订书面劳动合同。离职后，{a}要求公司支付二倍工资差额。",
     "用人单位自用工之日起超过一个月不满一年未与劳动者订立书面劳动合同的，应当向劳动者每月支付二倍的工资。该项请求的仲裁时效，应当注意从相应期间届满后起算，劳动者宜及时主张。",
     "《中华人民共和国劳动合同法》第八十二条"),
    ("网购商品“七日无理由退货”有哪些例外？",
     "{a}在网上购买了一套定制窗帘，收货后觉得颜色不满意，要求七日无理由退货，商家以定制商品为由拒绝。",
     "消费者网购商品一般享有七日无理由退货的权利，但消费者定作的商品、鲜活易腐的商品、在线下载或者消费者拆封的音像制品和计算机软件等数字化商品、交付的报纸期刊等除外。定制窗帘属于消费者定作的商品，商家拒绝无理由退货有法律依据，但商品存在质量问题的除外。",
     "《中华人民共和国消费者权益保护法》第二十五条"),
    ("邻居装修噪音扰民怎么办？",
     "{a}楼上住户{b}装修，经常在晚上和午休时间施工。{a}多次上门沟通无果，双方关系日益紧张。",
     "不动产权利人应当为相邻权利人提供必要的便利，不得违反规定排放噪声等干扰他人正常生活。遇到此类情况，可以先与对方协商，也可以请物业、居委会或者人民调解委员会调解；对违反规定时段施工的，可以向有关部门反映；协商调解不成的，可以依法提起诉讼。",
     "《中华人民共和国民法典》第二百八十八条、第二百九十四条"),
    ("高空抛物造成损害，找不到侵权人怎么办？",
     "{a}路过某小区时，被楼上坠落的花盆砸伤，花费医疗费数千元，但无法确定花盆是哪一户扔下的。",
     "从建筑物中抛掷物品或者从建筑物上坠落的物品造成他人损害的，由侵权人承担责任；经调查难以确定具体侵权人的，除能够证明自己不是侵权人的外，由可能加害的建筑物使用人给予补偿。物业服务企业等建筑物管理人未采取必要安全保障措施的，也应当依法承担相应责任。",
     "《中华人民共和国民法典》第一千二百五十四条"),
    ("借钱给朋友没打借条，能要回来吗？",
     "{a}通过微信转账借给朋友{b}两万元，双方没有写借条。到期后{b}否认借款，称是{a}归还的货款。",
     "借贷关系不以借条为唯一证据。转账记录、聊天记录、证人证言等都可以证明借贷事实。出借人应当注意保存证据，必要时可以向人民法院起诉，由人民法院综合全部证据认定事实。",
     "《中华人民共和国民法典》第六百六十七条、第六百七十五条"),
    ("申请政府信息公开，行政机关多久答复？",
     "{a}向某局申请公开本村道路改造项目的批复文件，提交申请后一直没有收到答复。",
     "行政机关收到政府信息公开申请，能够当场答复的，应当当场答复；不能当场答复的，应当自收到申请之日起二十个工作日内答复；需要延长的，经负责人同意并告知申请人，延长期限最长不超过二十个工作日。申请人认为答复侵犯其合法权益的，可以依法申请行政复议或者提起行政诉讼。",
     "《中华人民共和国政府信息公开条例》第三十三条"),
    ("遭遇电信网络诈骗后应当怎么做？",
     "{a}接到自称“客服”的电话，按照对方指示操作后，银行卡内的钱被转走。",
     "发现被骗后应当立即拨打110报警，尽快联系银行冻结账户，并保留通话记录、转账凭证、聊天记录等证据。任何人不得出租、出借、出售本人的银行卡和电话卡，否则可能承担法律责任。",
     "《中华人民共和国反电信网络诈骗法》第三十一条"),
    ("工作时间外出办事受伤，算不算工伤？",
     "{a}是{co}的业务员，受公司指派外出送货，途中摔伤。公司认为事发地点不在单位内，不应认定为工伤。",
     "职工因工外出期间，由于工作原因受到伤害的，应当认定为工伤。受单位指派外出送货属于因工外出，{a}的情形依法可以申请工伤认定。用人单位未在规定期限内申请的，职工或者其近亲属可以在事故伤害发生之日起一年内直接申请。",
     "《工伤保险条例》第十四条、第十七条"),
    ("老人立的自书遗嘱需要注意什么？",
     "{a}生前自己写了一份遗嘱，将房产留给小儿子，但遗嘱上只签了名，没有写日期。子女之间因此发生争议。",
     "自书遗嘱应当由遗嘱人亲笔书写，签名，并注明年、月、日。缺少日期的自书遗嘱在形式上存在欠缺，可能影响效力。订立遗嘱时应当严格遵守法定形式，必要时可以咨询专业人员或者办理公证。",
     "《中华人民共和国民法典》第一千一百三十四条"),
]


def t_law_qa(g: Gen) -> Doc:
    iss = g.pick([lambda: g.issuer(("city", "county", "district"), "司法局"), lambda: court_issuer(g, ("basic", "intermediate")),
                  lambda: g.issuer(("city", "county"), g.pick(["人力资源和社会保障局", "市场监督管理局", "公安局"]))])()
    d = g.date()
    source = f"来源：{iss.name}　发布时间：{d[0]}-{d[1]:02d}-{d[2]:02d}"
    if g.chance(0.55):  # one question, told through a case
        q, story, answer, law = g.pick(LAW_QA)
        slots = {"a": anon(g), "b": anon(g), "co": anon_firm(g)}
        who = g.pick(["法官说法", "律师说法", "以案释法", "法律分析", "普法小课堂"])
        title = g.pick([f"以案释法｜{q}", f"【以案释法】{q}", f"普法问答：{q}", f"{q}——{iss.name}以案释法"])
        lines = [title, source, "", f"【案情简介】{story.format(**slots)}" if g.chance(0.6) else f"案例：{story.format(**slots)}",
                 f"【{who}】{answer.format(**slots)}",
                 g.pick([f"【法条链接】{law}对此作了规定。", f"法律依据：{law}。", f"相关规定见{law}。"])]
        if g.chance(0.6):
            lines.append(g.pick(["【风险提示】遇到类似问题，应当及时固定证据，在法定期限内主张权利，必要时可申请法律援助。",
                                 "【温馨提示】如需法律帮助，可拨打12348公共法律服务热线，或到当地公共法律服务中心咨询。",
                                 "【法官提醒】法律保护积极行使权利的人，超过法定期限主张权利，可能得不到支持。"]))
        extra = [x for x in LAW_QA if x[0] != q]
        if g.chance(0.5):
            q2, _, a2, law2 = g.pick(extra)
            lines += [f"【延伸问答】问：{q2}", f"答：{a2.format(a='当事人', b='对方', co='用人单位')}（{law2}）"]
        lines.append(g.pick([f"（供稿：{iss.name}　{g.person()}）", "（文中当事人均为化名）", f"（本文作者：{g.person()}）", ""]))
        genre = "以案释法"
    else:  # several questions and answers
        k = g.num(3, 6)
        picked = g.some(LAW_QA, k, k)
        theme = g.pick(["民法典", "劳动者权益", "消费者权益", "法律明白人", "宪法宣传周", "“八五”普法"])
        title = g.pick([f"{theme}知识问答（{g.pick(CN_ORD[:9])}）", f"普法问答｜{theme}，这些问题你了解吗", f"{theme}学习问答"])
        lines = [title, source, "", g.pick([f"为深入开展{theme}宣传，{iss.name}整理了群众关心的法律问题，供参考。",
                                            "近期，我们收到不少群众咨询，现选取部分常见问题解答如下。", ""])]
        for i, (q, story, answer, law) in enumerate(picked, start=1):
            slots = {"a": anon(g), "b": anon(g), "co": anon_firm(g)}
            lines += [f"{i}．问：{q}" if g.chance(0.5) else f"问{i}：{q}",
                      ("【案例】" + story.format(**slots) if g.chance(0.4) else ""), f"答：{answer.format(**slots)}依据：{law}。"]
        lines.append(g.pick([f"（{iss.name}供稿）", "以上解答仅供参考，具体问题请咨询专业人员或拨打12348公共法律服务热线。", ""]))
        genre = "普法问答"
    reasons, art, rat = proactive(g, 15, "已在网站发布的普法宣传文章，案例当事人已用某、某某等方式匿名")
    return Doc(genre, "新闻稿", iss.name, PUB, "非密", reasons, art, rat, "\n".join(x for x in lines if x) + "\n")


# Article pools for long normative texts.  {t} topic, {k} kind (条例/办法/规定/细则), {dept} competent department, {u} 省/市/县.
NORM_CHAPTERS = [
    ("总则", [
        "为了规范{t}工作，保障公民、法人和其他组织的合法权益，促进经济社会高质量发展，根据有关法律、行政法规，结合本{u}实际，制定本{k}。",
        "本{k}适用于本{u}行政区域内{t}及其监督管理活动。法律、行政法规另有规定的，从其规定。",
        "{t}工作坚持党的领导，坚持以人民为中心，遵循政府主导、部门协同、社会参与、依法管理的原则。",
        "县级以上人民政府应当加强对{t}工作的领导，将其纳入国民经济和社会发展规划，建立健全协调机制，所需经费列入本级财政预算。",
        "{dept}是本行政区域{t}工作的主管部门，负责组织实施本{k}。发展改革、财政、自然资源、生态环境等部门按照各自职责做好相关工作。",
        "乡镇人民政府、街道办事处应当做好本辖区{t}相关工作。村（居）民委员会协助做好宣传引导、信息收集等工作。",
        "鼓励和支持公民、法人和其他组织参与{t}工作。对在{t}工作中做出显著成绩的单位和个人，按照国家和本{u}有关规定给予表彰、奖励。",
    ]),
    ("规划与建设", [
        "主管部门应当会同有关部门编制{t}专项规划，报本级人民政府批准后公布实施。专项规划应当与国土空间规划相衔接。",
        "编制{t}专项规划，应当采取座谈会、论证会、公开征求意见等方式听取社会公众和专家的意见。",
        "新建、改建、扩建项目应当按照规划和标准同步配套建设{t}相关设施，并与主体工程同时设计、同时施工、同时投入使用。",
        "任何单位和个人不得擅自改变{t}相关设施的用途，不得侵占、损毁相关设施。确需改变用途的，应当依法办理审批手续，并按照不低于原有规模和标准予以补建。",
        "县级以上人民政府应当统筹城乡{t}设施建设，推动优质资源向农村和基层延伸。",
    ]),
    ("管理与服务", [
        "从事{t}相关活动的单位应当建立健全管理制度，明确责任人员，如实记录有关情况，记录保存期限不少于三年。",
        "主管部门应当制定并公布{t}服务指南，明确办理条件、所需材料、办理程序和时限，推行网上办理和“一窗受理”。",
        "主管部门应当建立{t}信息平台，实现与有关部门的信息共享。依法应当公开的信息，应当通过政府网站等渠道及时向社会公开。",
        "申请人提交的材料齐全、符合法定形式的，主管部门应当当场受理；材料不齐全的，应当一次性告知需要补正的全部内容。",
        "主管部门应当自受理申请之日起二十个工作日内作出决定；不予批准的，应当书面说明理由，并告知申请人依法享有的权利。",
        "有关单位和个人应当对在{t}工作中知悉的商业秘密、个人隐私和个人信息予以保密，不得泄露或者非法向他人提供。",
        "主管部门应当建立应急处置机制，制定应急预案，定期组织演练。发生突发情况时，有关单位应当立即采取措施并按照规定报告。",
        "建立{t}信用管理制度。有关单位的违法失信信息依法纳入公共信用信息平台，实施分级分类监管。",
        "推行{t}标准化建设。主管部门可以会同有关部门制定地方标准，引导有关单位按照标准提供服务。",
        # ordinary legal language that also appears in withheld documents (hard negatives for the model)
        "起草{t}相关规范性文件，应当公开征求意见；起草单位应当对草案修改稿作出说明，并向社会反馈研究意见和采纳情况。",
        "有关单位应当如实记录会议内容，会议记录、财务报表等资料应当妥善保存，并依法接受查阅。",
        "从事{t}相关活动的单位应当每年公布上一年度财务报表和收费情况，接受社会监督。",
    ]),
    ("监督检查", [
        "主管部门应当采取“双随机、一公开”方式对{t}活动实施监督检查，检查结果依法向社会公开。",
        "监督检查人员依法履行职责时，可以进入现场检查，查阅、复制有关资料，询问有关人员。被检查单位应当予以配合，不得拒绝、阻碍。",
        "主管部门应当公布投诉举报电话和电子邮箱，对投诉举报及时核实处理，并为举报人保密。",
        "监督检查人员对检查中知悉的技术秘密、商业秘密和个人隐私负有保密义务。",
        "县级以上人民政府应当每年向本级人民代表大会常务委员会报告{t}工作情况，依法接受监督。",
        "审计机关应当依法对{t}专项资金的管理和使用情况进行审计监督。",
    ]),
    ("法律责任", [
        "违反本{k}规定，法律、行政法规已有法律责任规定的，从其规定。",
        "违反本{k}规定，擅自改变相关设施用途的，由主管部门责令限期改正；逾期不改正的，处一万元以上五万元以下罚款。",
        "违反本{k}规定，拒绝、阻碍监督检查的，由主管部门责令改正，可以处二千元以上二万元以下罚款。",
        "国家机关及其工作人员在{t}工作中滥用职权、玩忽职守、徇私舞弊的，对直接负责的主管人员和其他直接责任人员依法给予处分；构成犯罪的，依法追究刑事责任。",
    ]),
]
JUDICIAL = {  # subject -> (party a, party b, dispute)
    "劳动争议": ("劳动者", "用人单位", "劳动争议"), "物业服务合同": ("物业服务人", "业主", "物业服务合同纠纷"),
    "民间借贷": ("出借人", "借款人", "民间借贷纠纷"), "预付式消费": ("消费者", "经营者", "预付式消费纠纷"),
    "道路交通事故损害赔偿": ("赔偿权利人", "侵权人", "机动车交通事故责任纠纷"), "农村土地承包": ("承包方", "发包方", "农村土地承包合同纠纷"),
}
JUDICIAL_ARTS = [
    "{a}以{b}未按照约定履行义务为由请求解除合同的，人民法院应当审查违约情形是否致使合同目的不能实现。",
    "当事人对{d}中的事实有争议的，由主张该事实的一方承担举证责任；证据由对方当事人掌握的，人民法院可以根据当事人的申请责令对方提交。",
    "{b}以格式条款不合理地免除或者减轻其责任、加重{a}责任的，该条款对{a}不发生效力。",
    "{a}主张的违约金过分高于造成的损失的，人民法院可以根据{b}的请求，以实际损失为基础，兼顾合同履行情况、当事人过错等因素予以调整。",
    "当事人在诉讼中达成调解协议的，人民法院应当审查协议内容是否损害国家利益、社会公共利益或者他人合法权益。",
    "{b}在诉讼中下落不明的，人民法院可以依法公告送达；经查明{b}有财产可供执行的，可以依法采取保全措施。",
    "{a}人数众多、诉讼请求相同的，人民法院可以依法合并审理，也可以选取代表性案件先行审理、示范裁判。",
    "审理{d}案件，人民法院应当注重调解，引导当事人通过人民调解、行政调解等方式化解纠纷。",
    "当事人请求确认相关约定无效的，人民法院应当依照民法典有关规定审查；部分无效不影响其他部分效力的，其他部分仍然有效。",
    "{a}的请求超过诉讼时效期间，{b}提出诉讼时效抗辩的，人民法院经审查属实的，应当驳回其诉讼请求；{b}未提出抗辩的，人民法院不得主动适用诉讼时效的规定。",
    "对涉及个人隐私的证据，人民法院应当依法不公开质证。",
    "人民法院在审理{d}案件中发现有关单位管理存在漏洞的，可以依法提出司法建议。",
]


def norm_articles(g: Gen, kind: str, topic: str, unit: str, dept: str, budget: int, chapters: bool) -> list[str]:
    fmt = {"t": topic, "k": kind, "u": unit, "dept": dept}
    # keep each chapter's articles in their natural order; the purpose and scope articles always open the text
    picked = [(head, [x for x in arts if x in chosen or (head == "总则" and arts.index(x) < 2)])
              for head, arts in NORM_CHAPTERS for chosen in [set(g.some(arts, 2, len(arts)))]]
    total, out = 0, []
    for head, arts in picked:
        kept = []
        for a in arts:
            if total > budget and head != "总则":
                break
            kept.append(a)
            total += len(a) + 6
        if kept:
            out.append((head, [a.format(**fmt) for a in kept]))
    n, lines = 0, []
    for ci, (head, arts) in enumerate(out + [("附则", [f"本{kind}自{g.fmt_date(g.date(2026))}起施行。" + g.pick(["", f"{g.pick(['二〇一六', '二〇一二', '二〇一九'])}年发布的有关规定同时废止。"])])]):
        if chapters:
            lines.append(f"第{article_number(ci + 1)}章　{head}")
        for a in arts:
            n += 1
            lines.append(f"第{article_number(n)}条　{a}")
    return lines


def norm_text(g: Gen):
    """The body of a normative text: (kind, name, issuer, preamble lines, article lines, doc_type)."""
    form = g.pick(["条例", "条例", "政府规章", "政府规章", "实施细则", "司法解释"])
    budget = g.num(1000, 2300)
    if form == "司法解释":
        iss = court_issuer(g, ("high", "high", "intermediate"))
        subject = g.pick(list(JUDICIAL))
        a, b, dsp = JUDICIAL[subject]
        name = g.pick([f"{iss.name}关于审理{dsp}案件适用法律若干问题的解释", f"{iss.name}关于审理{dsp}案件若干问题的解答",
                       f"{iss.name}关于审理{subject}案件若干问题的指导意见"])
        kind = "解释" if name.endswith("解释") else "解答" if name.endswith("解答") else "意见"
        arts = [f"为正确审理{dsp}案件，依法保护当事人合法权益，根据《中华人民共和国民法典》《中华人民共和国民事诉讼法》等法律规定，结合审判实践，制定本{kind}。"]
        arts += [x.format(a=a, b=b, d=dsp) for x in g.some(JUDICIAL_ARTS, 8, 12)]
        arts.append(f"本{kind}自{g.fmt_date(g.date(2026))}起施行。本院此前发布的规定与本{kind}不一致的，以本{kind}为准。")
        lines = [f"第{article_number(i + 1)}条　{x}" for i, x in enumerate(arts)]
        return kind, name, iss, lines, "司法解释"
    if form == "条例":
        iss = g.issuer(("province", "city"), g.pick([None, None, "自然资源局", "生态环境局", "民政局", "水利局", "文化和旅游局"]))
        topic = g.topic(iss)
        place = iss.place
        kind = "条例"
        unit = "省" if place.endswith("省") else "市"
        dept = "县级以上人民政府" + (iss.dept if iss.dept in DEPTS else g.pick(list(DEPTS)))
    elif form == "政府规章":
        iss = g.issuer(("province", "city"), "政府")
        topic = g.pick(GOV_TOPICS + [t for d, (_, ts) in DEPTS.items() for t in ts])
        kind = g.pick(["办法", "规定", "管理办法"])
        unit = "省" if iss.place.endswith("省") else "市"
        dept = g.pick(["市", "县（市、区）"]) + "人民政府" + TOPIC_DEPT.get(topic, "有关部门")
    else:
        iss = g.issuer(("province", "city", "county"), g.pick([None, None, "人力资源和社会保障局", "医疗保障局", "民政局"]))
        topic = g.topic(iss)
        kind = "实施细则"
        unit = {"province": "省", "city": "市", "county": "县"}.get(iss.level, "市")
        dept = iss.name
    kind_short = "办法" if kind == "管理办法" else kind
    name = f"{iss.place}{topic}{kind}"
    lines = norm_articles(g, kind_short, topic, unit, dept, budget, chapters=g.chance(0.75))
    return kind_short, name, iss, lines, {"条例": "条例", "政府规章": "命令", "实施细则": "细则"}[form]


def t_normative_published(g: Gen) -> Doc:
    kind, name, iss, arts, dtype = norm_text(g)
    d = g.date(g.pick([2025, 2026]))
    d2 = (d[0] if d[1] < 10 else d[0] + 1, (d[1] + 2) % 12 + 1, 1)
    if dtype == "条例":
        session = f"第{g.pick(['十三', '十四'])}届人民代表大会常务委员会第{g.num(3, 30)}次会议"
        body = [f"{iss.place}人民代表大会常务委员会公告", f"（第{g.num(1, 60)}号）",
                f"《{name}》已由{iss.place}{session}于{g.fmt_date(d)}通过，"
                f"{'经省人民代表大会常务委员会批准，' if iss.place.endswith('市') else ''}现予公布，自{g.fmt_date(d2)}起施行。",
                f"{iss.place}人民代表大会常务委员会", g.fmt_date(d), "", name,
                f"（{g.fmt_date(d)}{iss.place}{session}通过）"]
        issuer, why = f"{iss.place}人民代表大会常务委员会", "已经人大常委会通过并公布施行的地方性法规"
    elif dtype == "命令":
        head = "省长" if iss.place.endswith("省") else "市长"
        body = [f"{iss.place}人民政府令", f"第{g.num(100, 360)}号", f"《{name}》已经{g.fmt_date(d)}{iss.place}人民政府第{g.num(10, 90)}次常务会议审议通过，"
                f"现予公布，自{g.fmt_date(d2)}起施行。", f"{head}　{g.person()}", g.fmt_date(d), "", name]
        issuer, why = iss.name, "已公布施行的政府规章"
    elif dtype == "司法解释":
        body = [name, f"（{g.fmt_date(d)}{iss.name}审判委员会第{g.num(5, 40)}次会议通过，自{g.fmt_date(d2)}起施行）"]
        issuer, why = iss.name, "已通过并公开发布、对审判工作具有指导作用的规范性文件"
    else:
        body = [f"{iss.name}关于印发《{name}》的通知", "", iss.subordinates + "：",
                f"《{name}》已经{iss.name}{g.pick(['局务会议', '党组会议', '委务会议'])}审议通过，现予印发，请认真贯彻执行。", "", name]
        issuer, why = iss.name, "已印发施行的规范性文件"
    if g.chance(0.3):
        body.insert(0, f"来源：{issuer}网站　发布时间：{d[0]}-{d[1]:02d}-{d[2]:02d}")
    reasons, art, rat = proactive(g, 1, why + "，条文中有关保密、个人隐私的规定为一般性规定")
    text = "\n".join(body + arts) + "\n"
    return Doc({"条例": "地方性法规", "命令": "政府规章", "司法解释": "司法解释类文件", "细则": "实施细则"}[dtype],
               {"条例": "公告", "命令": "命令", "司法解释": "解释", "细则": "通知"}[dtype], issuer, PUB, "非密",
               reasons, art, rat, text)


def t_normative_draft(g: Gen) -> Doc:
    kind, name, iss, arts, dtype = norm_text(g)
    d = g.date(2026)
    stage = g.pick(["征求意见稿", "草案", "送审稿", "草案修改稿", "征求意见稿"])
    title = f"{name}（{stage}）"
    draft_no = g.pick(CN_ORD[1:7])
    head = g.pick(["内部征求意见　请勿外传", f"{stage}　仅供内部研究", "内部讨论稿", f"{g.fmt_date(d)}　第{draft_no}稿", "征求意见用　注意保存"])
    note = g.pick([
        f"说明：本稿为起草组第{draft_no}稿，条文中带【】的内容为有关部门尚存分歧的表述，待{g.pick(['政府常务会议', '主任会议', '审判委员会', '党组会议'])}研究确定。",
        f"请各单位于{d[1]}月{min(28, d[2] + 10)}日前将修改意见反馈{iss.name}，本稿仅供征求意见使用，请勿对外引用。",
        "起草说明：部分条款的罚款幅度、适用范围仍在论证，与上位法的衔接问题需进一步研究。",
    ])
    disputed = g.pick(["【方案一：处五千元以上三万元以下罚款；方案二：处一万元以上五万元以下罚款】",
                       "【此条是否保留，请法制机构研究】", "【有关部门建议删除本条】", "【责任部门待定】"])
    i = g.num(3, max(4, len(arts) - 2))
    arts = arts[:i] + [arts[i] + disputed] + arts[i + 1:] if i < len(arts) else arts
    if g.chance(0.6):  # drafts leave the commencement date open
        arts[-1] = re.sub(r"自\d{4}年\d{1,2}月\d{1,2}日起施行", "自　　年　　月　　日起施行", arts[-1])
    lines = [head, title, "", note] + arts if g.chance(0.5) else [head, title] + arts + ["", note]
    rat = f"尚未审议通过的{stage}，属内部研究、征求意见阶段的过程性信息，可不予公开（正式通过的文本应主动公开）。"
    return Doc("法规规章草案（内部稿）", "草案", iss.name, WH, "非密", ["process_info"], ART["process_info"], rat,
               "\n".join(lines) + "\n")


def review_sentences(g: Gen, place: str, y: int) -> list[str]:
    u = place[-1]
    return [
        f"全{u}地区生产总值达到{g.num(80, 4000)}亿元，增长{g.num(30, 75) / 10}%；一般公共预算收入{g.num(5, 300)}亿元，增长{g.num(10, 90) / 10}%。",
        f"全年实施重点项目{g.num(40, 300)}个，完成投资{g.num(50, 900)}亿元，{g.pick(['一批打基础、利长远的项目建成投用', '交通、水利等基础设施短板加快补齐'])}。",
        f"新增市场主体{g.num(2000, 40000)}户，营商环境评价位居全{g.pick(['省', '市'])}前列，“一网通办”事项达到{g.num(800, 2000)}项。",
        f"城镇新增就业{g.num(2000, 60000)}人，城镇调查失业率控制在{g.num(45, 55) / 10}%以内，居民人均可支配收入增长{g.num(45, 80) / 10}%。",
        f"民生支出占一般公共预算支出的{g.num(75, 82)}%，{g.num(8, 12)}件民生实事全面完成。",
        f"新建改扩建中小学和幼儿园{g.num(5, 60)}所，新增学位{g.num(1000, 30000)}个；{g.num(3, 40)}家基层医疗卫生机构完成提档升级。",
        f"改造老旧小区{g.num(20, 300)}个，惠及居民{g.num(3000, 90000)}户；新改建农村公路{g.num(50, 900)}公里。",
        f"空气质量优良天数比例达到{g.num(80, 95)}%，地表水国考、省考断面水质优良比例{g.pick(['保持100%', '稳步提升'])}。",
        f"粮食播种面积稳定在{g.num(50, 900)}万亩，新建高标准农田{g.num(5, 60)}万亩，农村居民人均可支配收入增长{g.num(55, 85) / 10}%。",
        f"安全生产形势总体稳定，事故起数和死亡人数实现“双下降”；{g.pick(['成功应对多轮强降雨过程', '森林防火实现“零火情”', '平安建设群众满意度持续提升'])}。",
        "严格落实过紧日子要求，一般性支出压减比例不低于百分之五。",
        f"认真办理人大代表建议{g.num(80, 400)}件、政协提案{g.num(80, 400)}件，办复率100%。",
    ]


def task_sentences(g: Gen, place: str) -> list[str]:
    topics = g.some(GOV_TOPICS + [t for _, (_, ts) in DEPTS.items() for t in ts], 8, 8)
    more = [g.action(t) for t in topics]
    return [x + (more[i] if g.chance(0.7) else "") for i, x in enumerate([
        f"（{{n}}）扎实推进{topics[0]}。{g.action(topics[0])}",
        f"（{{n}}）持续优化营商环境。深化“放管服”改革，推行惠企政策“免申即享”，全面清理拖欠企业账款。",
        f"（{{n}}）全力扩大有效投资。全年计划实施重点项目{g.num(50, 300)}个，年度计划投资{g.num(60, 900)}亿元。{g.action(topics[1])}",
        f"（{{n}}）着力保障和改善民生。稳定和扩大就业，办好{g.num(8, 12)}件民生实事。{g.action(topics[2])}",
        f"（{{n}}）加快推进乡村全面振兴。稳定粮食生产，{g.action(topics[3])}",
        f"（{{n}}）持续加强生态环境保护。深入打好蓝天、碧水、净土保卫战。{g.action(topics[4])}",
        f"（{{n}}）统筹发展和安全。{g.action(topics[5])}坚决防范化解重大风险，守牢安全底线。",
        f"（{{n}}）推进{topics[6]}提质增效。{g.action(topics[6])}",
    ])]


def fill(parts: list[str], budget: int) -> list[str]:
    out, total = [], 0
    for p in parts:
        if total > budget:
            break
        out.append(p)
        total += len(p)
    return out


def t_gov_work_report(g: Gen) -> Doc:
    iss = g.issuer(("province", "city", "county", "district", "town"), "政府")
    y = g.pick([2025, 2026])
    d = (y, g.num(1, 2), g.num(5, 25))
    head = {"province": "省长", "city": "市长", "county": "县长", "district": "区长"}.get(iss.level, "镇长" if iss.place.endswith("镇") else "乡长")
    budget = g.num(1300, 2500)
    rev = review_sentences(g, iss.place, y - 1)
    tasks = task_sentences(g, iss.place)
    g.r.shuffle(rev)
    lines = [g.pick(["政府工作报告", f"{iss.place}{y}年政府工作报告"]),
             f"——{g.fmt_date(d)}在{iss.place}第{g.pick(['十七', '十八', '十九'])}届人民代表大会第{g.pick(CN_ORD[:6])}次会议上",
             f"{iss.place}{head}　{g.person()}", "", "各位代表：",
             f"现在，我代表{iss.place}人民政府，向大会报告工作，请予审议，并请{'政协委员和其他列席人员' if iss.level != 'town' else '列席人员'}提出意见。",
             f"一、{y - 1}年工作回顾",
             f"过去一年，面对{g.pick(['复杂严峻的外部环境', '多重困难挑战', '经济下行压力'])}，我们在{g.pick(['省委、省政府', '市委、市政府', '县委、县政府', '上级党委政府'])}的坚强领导下，"
             f"在{iss.place}人大及其常委会的监督支持下，团结带领全{iss.place[-1]}人民，扎实做好各项工作，经济社会发展稳中有进。"]
    lines += fill(rev, budget // 2)
    lines += [f"各位代表！这些成绩的取得，是全{iss.place[-1]}干部群众团结奋斗的结果。在此，我代表{iss.place}人民政府，向全{iss.place[-1]}人民，"
              "向人大代表、政协委员，向关心支持发展的各界人士，表示衷心的感谢！",
              f"我们也清醒地看到，发展中还存在不少困难和问题：{g.pick(['经济总量不大、结构不优', '产业转型升级任务繁重'])}；"
              f"{g.pick(['财政收支矛盾突出', '民生领域仍有短板', '部分企业生产经营困难'])}；政府工作还存在{g.pick(['服务意识不强', '工作作风不实'])}等问题。我们将采取有力措施，切实加以解决。",
              f"二、{y}年工作安排",
              f"今年经济社会发展的主要预期目标是：地区生产总值增长{g.num(45, 70) / 10}%左右，一般公共预算收入增长{g.num(30, 70) / 10}%，"
              f"居民人均可支配收入增长与经济增长基本同步，城镇调查失业率控制在{g.num(50, 55) / 10}%左右。重点抓好以下工作："]
    lines += [t.format(n=CN_ORD[i]) for i, t in enumerate(fill(tasks, budget // 2))]
    lines += ["三、加强政府自身建设", g.pick(["坚持依法行政，自觉接受人大法律监督、工作监督和政协民主监督，全面推进政务公开。",
                                           "持之以恒正风肃纪，驰而不息纠治“四风”，打造人民满意的服务型政府。"]),
              "各位代表！" + g.pick(["新的征程已经开启，我们将以更加昂扬的斗志、更加务实的作风，为奋力谱写发展新篇章而努力奋斗！",
                                   "让我们紧密团结起来，真抓实干、埋头苦干，奋力完成全年目标任务！"])]
    if g.chance(0.5):
        lines.insert(0, f"来源：{iss.name}网站　发布时间：{d[0]}-{d[1]:02d}-{min(28, d[2] + 3):02d}")
    reasons, art, rat = proactive(g, 15, "经人民代表大会审议并向社会公开发布的政府工作报告")
    return Doc("政府工作报告", "报告", iss.name, PUB, "非密", reasons, art, rat, "\n".join(lines) + "\n")


def t_npc_report(g: Gen) -> Doc:
    place = g.pick(PROVINCES + CITIES + COUNTIES)
    name = f"{place}人民代表大会常务委员会"
    y = g.pick([2025, 2026])
    d = (y, g.num(1, 2), g.num(5, 25))
    topics = g.some([t for _, (_, ts) in DEPTS.items() for t in ts], 6, 6)
    parts = [f"（一）坚持立法为民，提高立法质量。全年审议法规草案{g.num(3, 15)}件，通过{g.num(2, 10)}件，其中{place}{topics[0]}条例等为群众关注的民生立法。法规草案均通过网站全文公开征求意见。",
             f"（二）依法履行监督职责。听取和审议{place}人民政府关于{topics[1]}、{topics[2]}等专项工作报告{g.num(6, 20)}个，开展执法检查{g.num(2, 8)}次，对审议意见落实情况进行跟踪问效。",
             f"（三）加强预算审查监督。审查批准上年度决算，听取审计工作报告和审计查出问题整改情况报告，推动预算联网监督系统向乡镇延伸。",
             f"（四）做好备案审查工作。对报送备案的规范性文件{g.num(20, 120)}件逐件审查，督促制定机关纠正{g.num(1, 6)}件。",
             f"（五）密切同人大代表和人民群众的联系。组织代表开展{topics[3]}专题调研，代表提出的{g.num(100, 500)}件建议全部办结，建成代表联络站{g.num(10, 90)}个。",
             f"（六）加强自身建设。坚持学习制度，完善议事规则，提高常委会组成人员履职能力。"]
    plans = [f"今年，常委会将围绕{topics[4]}、{topics[5]}等重点开展立法调研，计划审议法规草案{g.num(3, 10)}件；",
             f"听取审议专项工作报告{g.num(5, 12)}个，开展执法检查{g.num(2, 6)}项；", "持续加强代表工作，提升代表建议办理质量。"]
    lines = [f"{place}人民代表大会常务委员会工作报告", f"——{g.fmt_date(d)}在{place}第{g.pick(['十三', '十四', '十八'])}届人民代表大会第{g.pick(CN_ORD[:5])}次会议上",
             f"{place}人民代表大会常务委员会主任　{g.person()}", "", "各位代表：",
             f"我受{place}人民代表大会常务委员会委托，向大会报告工作，请予审议。", f"一、过去一年的主要工作",
             f"过去一年，常委会坚持党的领导、人民当家作主、依法治国有机统一，依法行使立法权、监督权、决定权、任免权，各项工作取得新进展。"]
    lines += parts[:g.num(4, 6)] + ["二、今年的主要任务", "".join(plans),
                                    "各位代表！让我们在党的领导下，依法履职尽责，为推进民主法治建设作出新的贡献！"]
    reasons, art, rat = proactive(g, 15, "经人民代表大会审议并公开发布的人大常委会工作报告")
    return Doc("人大常委会工作报告", "报告", name, PUB, "非密", reasons, art, rat, "\n".join(lines) + "\n")


def speech_points(g: Gen, topic: str) -> list[str]:
    return [
        f"一、提高政治站位，充分认识做好{topic}工作的重要意义",
        f"我们认为，{topic}工作事关发展大局、事关群众切身利益。{g.background(topic, g.issuer())}对此，各级各部门一定要清醒认识，切实增强责任感和紧迫感。",
        f"二、突出工作重点，推动{topic}各项任务落地见效",
        g.action(topic) + g.action(topic) + g.action(topic),
        g.action(topic) + g.action(topic) + (g.background(topic, g.issuer()) if g.chance(0.5) else ""),
        "三、强化工作保障，以优良作风确保各项任务完成",
        g.action(topic) + g.pick(["同志们，抓落实是最好的态度。", "我们要坚持一切从实际出发，不搞形式主义。"]) + g.action(topic),
        g.action(topic) + g.action(topic) + g.pick(["", "各级领导干部要带头深入基层、深入一线，帮助解决实际问题。"]),
    ]


def t_speech_published(g: Gen) -> Doc:
    iss = g.issuer(("province", "city", "county", "district"))
    topic = g.topic(iss)
    d = g.date()
    who = g.person()
    title = g.pick([f"在全{iss.place[-1]}{topic}工作会议上的讲话", f"在{iss.place}{topic}推进会上的讲话",
                    f"在{iss.name}{d[0]}年工作会议上的讲话"])
    lines = [title, f"{who}（{g.fmt_date(d)}）" if g.chance(0.6) else f"{iss.name}主要负责同志　{who}",
             "", "同志们：", f"今天召开这次会议，主要任务是{g.pick(['总结上一阶段工作，部署下一阶段任务', '深入贯彻上级决策部署，动员全' + iss.place[-1] + '上下抓好' + topic])}。"
             f"刚才，{g.person()}同志通报了有关情况，{g.pick(['几个单位作了交流发言', '我完全同意'])}。下面，我讲三点意见。"]
    lines += speech_points(g, topic)
    lines.append("同志们，" + g.pick([f"做好{topic}工作责任重大。让我们以更加务实的作风，奋力完成全年目标任务！", "让我们振奋精神、真抓实干，确保各项工作取得实效！"]))
    lines.insert(2, g.pick([f"来源：{iss.name}网站　发布时间：{d[0]}-{d[1]:02d}-{min(28, d[2] + 2):02d}", f"（根据录音整理，经本人审定，公开发布）",
                            f"（本文刊发于{iss.place}政府网站“领导讲话”栏目）"]))
    reasons, art, rat = proactive(g, 15, "已在政府网站公开发布的领导讲话，内容为公开的工作部署")
    return Doc("讲话（公开发布）", "讲话", iss.name, PUB, "非密", reasons, art, rat, "\n".join(lines) + "\n")


def t_party_congress_report(g: Gen) -> Doc:
    place = g.pick(CITIES + COUNTIES + DISTRICTS)
    name = f"中国共产党{place}委员会"
    d = g.date(g.pick([2021, 2026]))
    topics = g.some(GOV_TOPICS + [t for _, (_, ts) in DEPTS.items() for t in ts], 4, 4)
    slogan = g.pick(["凝心聚力　实干争先", "奋楫扬帆　勇毅前行", "坚定信心　砥砺奋进", "守正创新　笃行致远"])
    lines = [f"{slogan}　为建设现代化新{place}而努力奋斗", f"——在中国共产党{place}第{g.pick(['十三', '十四', '十五'])}次代表大会上的报告",
             f"{g.person()}", f"（{g.fmt_date(d)}）", "", "同志们：",
             f"现在，我代表中国共产党{place}第{g.pick(['十二', '十三', '十四'])}届委员会向大会作报告。",
             f"一、过去五年的工作回顾",
             f"五年来，我们坚持以习近平新时代中国特色社会主义思想为指导，团结带领全{place[-1]}党员干部群众，推动各项事业取得新成效。"
             f"地区生产总值年均增长{g.num(50, 80) / 10}%，{g.action(topics[0])}",
             f"我们认为，五年来的实践给我们以深刻启示：必须坚持党的全面领导，必须坚持以人民为中心，必须坚持高质量发展，必须坚持全面从严治党。",
             "二、今后五年的总体要求和奋斗目标",
             f"今后五年的奋斗目标是：经济实力明显提升，{topics[1]}取得新突破，人民生活水平持续提高，社会治理效能不断增强。",
             f"三、主要任务。" + g.action(topics[2]) + g.action(topics[3]),
             "".join(g.action(t) for t in topics) + g.action(topics[0]),
             f"我们认为，推进{topics[1]}必须坚持系统观念，" + g.action(topics[1]) + g.action(topics[2]),
             "四、全面加强党的建设。坚持不懈用党的创新理论凝心铸魂，建设高素质干部队伍，驰而不息正风肃纪反腐。",
             "同志们！" + g.pick(["新征程催人奋进，新使命重任在肩。让我们更加紧密地团结在以习近平同志为核心的党中央周围，为全面建设社会主义现代化而努力奋斗！",
                               "蓝图已经绘就，奋进正当其时。让我们团结一心、埋头苦干，奋力开创各项事业新局面！"])]
    if g.chance(0.5):
        lines.insert(0, f"来源：{place}新闻网　发布时间：{d[0]}-{d[1]:02d}-{min(28, d[2] + 2):02d}")
    reasons, art, rat = ["proactive_scope"], REG + "第十九条（参照；党务公开）", "党代会报告经大会通过后已向社会公开发布，不涉密。"
    return Doc("党代会报告", "报告", name, PUB, "非密", reasons, art, rat, "\n".join(lines) + "\n")


def t_report_draft(g: Gen) -> Doc:
    """The internal draft of a report or speech: withheld as process information until delivered and published."""
    iss = g.issuer(("city", "county", "district"), g.pick(["政府", "政府办"]))
    y = g.pick([2026, 2027])
    topic = g.topic(iss)
    kind = g.pick(["政府工作报告", "讲话稿", "政府工作报告"])
    title = (f"{y}年{iss.place}人民政府工作报告（征求意见稿）" if kind == "政府工作报告"
             else f"在全{iss.place[-1]}{topic}工作会议上的讲话（{g.pick(['送审稿', '代拟稿', '讨论稿'])}）")
    lines = [g.pick(["内部征求意见　请勿外传", "讨论稿　注意保存", f"第{g.pick(CN_ORD[1:6])}稿　{g.fmt_date(g.date(y - 1))}"]), title, ""]
    if kind == "政府工作报告":
        lines += ["各位代表：", f"现在，我代表{iss.place}人民政府，向大会报告工作，请予审议。", f"一、{y - 1}年工作回顾"]
        lines += [s + g.pick(["", "【数据待统计部门核定】", "【此数请财政局核实】"]) for s in review_sentences(g, iss.place, y - 1)[:g.num(3, 6)]]
        lines += [f"二、{y}年工作安排", f"主要预期目标：地区生产总值增长【{g.num(45, 55) / 10}%或{g.num(56, 70) / 10}%，待定】。"]
        lines += [t.format(n=CN_ORD[i]) for i, t in enumerate(task_sentences(g, iss.place)[:g.num(2, 4)])]
        cover = f"说明：请各部门对涉及本部门的表述和数据进行核实，于{g.num(1, 12)}月{g.num(1, 28)}日前反馈{iss.name}；报告内容正式提交大会前不得对外引用。"
    else:
        lines += ["同志们：", f"今天召开这次会议，主要任务是部署{topic}工作。下面，我讲几点意见。"] + speech_points(g, topic)[:g.num(3, 6)]
        cover = f"说明：本稿由{g.pick(['办公室', '综合科', '研究室'])}代拟，{g.pick(['部分提法请领导审定', '有关数据尚未核实', '第二部分内容请业务科室补充'])}。"
    lines.insert(3, cover) if g.chance(0.5) else lines.append(cover)
    rat = "尚在起草、征求意见阶段的报告或讲话代拟稿，属过程性信息，可不予公开；正式宣读并发布的文本应主动公开。"
    return Doc("报告/讲话（征求意见稿）", "报告" if kind == "政府工作报告" else "讲话", iss.name, WH, "非密",
               ["process_info"], ART["process_info"], rat, "\n".join(lines) + "\n")


def t_secrecy_news(g: Gen) -> Doc:
    """Published news about 保密 work: harmless mentions of 保密, 涉密, 国家秘密 (hard negatives)."""
    roll = g.num(0, 9)
    if roll < 2:
        place = g.pick(PROVINCES + CITIES + COUNTIES)
        iss_name = g.pick([f"{place}国家保密局", f"中共{place}委员会保密委员会办公室", f"{place}保密局"])
    elif roll < 3:
        town = g.pick(TOWNS)
        iss_name = g.pick([f"{town}中心学校", f"{g.pick(CITIES)}第{g.pick(CN_ORD[:9])}中学", f"{g.pick(CITIES)[:2]}城市建设投资集团有限公司",
                           f"{town}卫生院"])
    else:
        iss_name = g.issuer().name
    d = g.date()
    kind = g.pick(["month", "training", "inspection", "quiz", "warning", "law", "self_check", "meeting", "exam", "community"])
    lead = g.pick([f"本网讯　{d[1]}月{d[2]}日，", f"近日，", f"{d[1]}月{d[2]}日上午，", f"（通讯员　{g.person()}）{d[1]}月{d[2]}日，"])
    n = g.num(20, 400)
    if kind == "month":
        title = g.pick([f"{iss_name}启动{d[0]}年保密宣传月活动", f"保密宣传月｜{iss_name}多措并举营造保密氛围",
                        f"“保密宣传月”活动走进{g.pick(VILLAGES)}", f"{iss_name}：保密宣传月活动形式多样"])
        body = [f"{lead}{iss_name}召开动员会，对{d[0]}年保密宣传月活动作出安排。",
                f"今年宣传月以“{g.pick(['保守国家秘密　维护国家安全', '筑牢保密防线　守护发展成果', '人人知密　人人守密'])}”为主题，"
                f"将开展集中学习、{g.pick(['知识测试', '主题党日', '观看警示教育片', '张贴宣传海报'])}等{g.num(4, 9)}项活动。",
                f"活动期间，{g.pick(['在办公楼大厅设置宣传展板', '通过电子屏滚动播放保密标语', '向干部职工发放保密知识手册'])}，"
                f"累计发放宣传资料{g.num(200, 3000)}份。"]
    elif kind == "training":
        title = g.pick([f"{iss_name}举办保密知识专题培训", f"{iss_name}开展新任干部保密教育", f"绷紧保密弦　{iss_name}组织保密业务培训"])
        body = [f"{lead}{iss_name}举办保密工作专题培训，{n}名干部职工参加。",
                f"培训围绕{g.pick(['保守国家秘密法及其实施条例', '涉密载体管理', '网络和计算机保密管理', '定密工作规范', '政府信息公开保密审查'])}等内容，"
                f"结合典型案例，讲解了{g.pick(['手机使用保密要求', '涉密文件的收发、传递和销毁', '“涉密不上网、上网不涉密”', '信息公开前的保密审查程序'])}。",
                f"参训人员表示，将把所学内容运用到工作中，{g.pick(['切实增强保密意识', '做到知密守密', '防范失泄密风险'])}。"]
    elif kind == "inspection":
        title = g.pick([f"{iss_name}开展保密自查自评工作", f"{g.pick(['市', '县', '区'])}保密检查组到{iss_name}开展保密检查", f"{iss_name}组织年度保密检查"])
        body = [f"{lead}{g.pick(['检查组', '保密工作领导小组'])}对{g.pick(['机关各科室', '下属单位', '重点部位'])}开展保密检查。",
                f"检查采取听取汇报、查阅资料、技术检查相结合的方式，重点检查了保密责任制落实、涉密人员管理、计算机和移动存储介质使用等情况，"
                f"共抽查计算机{g.num(10, 120)}台。",
                f"对检查发现的{g.num(1, 12)}个问题，检查组现场反馈并提出整改要求，{g.pick(['限期整改到位', '建立整改台账', '实行销号管理'])}。"]
    elif kind == "quiz":
        title = g.pick([f"{iss_name}举办保密知识竞赛", f"以赛促学　{iss_name}开展保密知识答题活动"])
        body = [f"{lead}{iss_name}举办保密知识竞赛，{g.num(4, 16)}支代表队参赛。",
                "竞赛分为必答、抢答和风险题三个环节，题目涵盖保密法律法规、保密常识和日常工作中的保密要求。",
                f"经过激烈角逐，{g.pick(['办公室', '综合科', '第三代表队', '财务科'])}代表队获得一等奖。线上答题同步开展，参与人数达{g.num(200, 5000)}人次。"]
    elif kind == "warning":
        title = g.pick([f"{iss_name}召开保密警示教育会", f"以案为鉴　{iss_name}开展保密警示教育"])
        body = [f"{lead}{iss_name}组织召开保密警示教育会，观看保密警示教育片。",
                f"会议通报了{g.pick(['近年来公开曝光的泄密案件', '网络泄密典型案例', '微信群传递工作文件的违规案例'])}，分析了案件发生的原因和教训。",
                "会议要求，全体干部要从案例中汲取教训，严守保密纪律，严禁在互联网和非涉密计算机上处理涉密信息。"]
    elif kind == "law":
        title = g.pick([f"{iss_name}组织学习新修订的保守国家秘密法", f"{iss_name}开展保密法宣传进机关活动"])
        body = [f"{lead}{iss_name}组织专题学习新修订的《中华人民共和国保守国家秘密法》。",
                "学习中，大家重点学习了保密工作的原则、国家秘密的范围和密级、保密制度以及法律责任等内容，并结合岗位实际开展了讨论。",
                f"{iss_name}负责同志强调，要把保密法学习纳入理论学习计划，推动保密法律法规入脑入心。"]
    elif kind == "self_check":
        title = f"{iss_name}开展政务信息公开保密审查工作培训"
        body = [f"{lead}{iss_name}举办信息公开保密审查培训。",
                "培训明确，信息发布实行“先审查、后公开”，对拟公开的文件逐件开展保密审查，涉及个人隐私的信息在公开前作去标识化处理。",
                "培训还对网站、政务新媒体信息发布的审核流程进行了说明。"]
    elif kind == "meeting":
        title = g.pick([f"{iss_name}召开{d[0]}年保密工作会议", f"{iss_name}部署{d[0]}年度保密工作"])
        body = [f"{lead}{iss_name}召开保密工作会议，总结上一年度保密工作，部署本年度重点任务。",
                f"会议指出，过去一年，{iss_name}保密工作总体平稳，未发生失泄密事件。会议要求，今年要抓好{g.pick(['保密责任制落实', '保密教育培训', '涉密人员管理'])}、"
                f"{g.pick(['保密技术防护', '信息公开保密审查', '保密检查'])}等工作。",
                f"会上，{iss_name}与各{g.pick(['科室', '下属单位'])}签订了保密工作责任书。"]
    elif kind == "exam":
        title = f"{iss_name}开展保密知识考试"
        body = [f"{lead}{iss_name}组织{g.pick(['涉密人员', '全体干部职工', '新入职人员'])}参加保密知识考试。",
                f"考试采取闭卷方式，内容包括保密法律法规和基本知识，参考人员{n}人，{g.pick(['全部合格', '合格率100%', '平均成绩' + str(g.num(86, 97)) + '分'])}。",
                "通过考试，进一步检验了学习成效，营造了学保密、知保密、守保密的良好氛围。"]
    else:
        title = g.pick([f"保密宣传进社区　{iss_name}在{g.pick(VILLAGES)}开展保密宣传", f"{iss_name}开展保密法治宣传进校园活动"])
        body = [f"{lead}{iss_name}工作人员在{g.pick(VILLAGES + ['广场', '学校', '商场门口'])}设置宣传点，向群众宣传保密知识。",
                f"工作人员通过发放宣传单、现场讲解等方式，提醒群众不随意拍摄、传播军事设施等敏感场所的照片，发现可疑情况及时向国家安全机关举报。",
                f"活动共发放宣传资料{g.num(100, 2000)}余份，接受咨询{g.num(20, 300)}人次。"]
    body += g.some([f"{g.person()}表示，保密工作无小事，将把保密要求落实到每一个岗位、每一个环节。",
                    "下一步，将持续推进保密宣传教育常态化、制度化，筑牢保密防线。",
                    f"据悉，{iss_name}今年已组织保密教育活动{g.num(2, 8)}次，覆盖干部职工{g.num(50, 900)}人次。",
                    "此次活动进一步增强了干部职工的保密意识和防范技能，营造了“保密工作人人有责”的良好氛围。",
                    f"近年来，{iss_name}坚持把保密教育纳入年度学习计划，建立了保密工作责任清单，定期开展保密提醒。",
                    "活动强调，要正确处理保密与公开的关系，依法应当公开的信息及时公开，防止以保密为由不公开。",
                    "与会人员一致表示，要时刻绷紧保密这根弦，自觉做到守土有责、守土尽责。"], 1, 4)
    if g.chance(0.3):
        body.append(f"（记者　{g.person()}　通讯员　{g.person()}）")
    if g.chance(0.35):
        body.insert(1, g.pick(["活动中，大家重温了保密誓词，签订了保密承诺书。", "活动还开展了保密知识有奖问答，现场气氛热烈。",
                               "会议传达学习了上级保密工作会议精神。"]))
    src = g.pick([f"来源：{iss_name}　发布时间：{d[0]}-{d[1]:02d}-{d[2]:02d}", f"发布日期：{d[0]}-{d[1]:02d}-{d[2]:02d}　来源：{iss_name}",
                  f"{d[0]}-{d[1]:02d}-{d[2]:02d}　{iss_name}", ""])
    reasons, art, rat = ["proactive_scope"], REG + "第十九条", "已公开发布的保密宣传教育工作新闻，提及保密、涉密仅为工作动态，不涉密。"
    return Doc("新闻稿（保密工作）", "新闻稿", iss_name, PUB, "非密", reasons, art, rat,
               "\n".join([title] + ([src] if src else []) + [""] + body) + "\n")


def plan_published() -> list[tuple[Callable[[Gen], Doc], int]]:
    return [
        (lambda g: t_case_release(g, "典型案例发布（法院）"), 34), (lambda g: t_case_release(g, "劳动争议典型案例"), 14),
        (lambda g: t_case_release(g, "消费维权典型案例"), 16), (lambda g: t_case_release(g, "行政复议/行政诉讼典型案例"), 16),
        (t_law_qa, 34), (t_normative_published, 44), (t_normative_draft, 36),
        (t_gov_work_report, 18), (t_npc_report, 8), (t_speech_published, 16), (t_party_congress_report, 8),
        (t_report_draft, 18), (t_secrecy_news, 34),
    ]


# =============================================================================================
# The plan: how many originals of each kind.  Variants are added afterwards.
def plan() -> list[tuple[Callable[[Gen], Doc], int]]:
    P: list[tuple[Callable[[Gen], Doc], int]] = [
        (t_notice_policy, 32), (t_gonggao, 22), (t_tonggao, 16), (t_jueding_public, 14), (t_jueyi, 10),
        (t_mingling, 10), (t_stat_bulletin, 16), (t_yijian, 14), (t_tongbao_public, 12), (t_pifu_public, 10),
        (lambda g: t_jiyao(g, PUB), 12), (lambda g: t_han(g, PUB), 12), (t_regulation, 20), (t_annual_report, 14),
        (t_tender, 14), (t_penalty, 14), (t_license, 10), (t_news, 24), (t_budget, 12), (t_plan, 8),
        (t_consultation_public, 10), (t_emergency_plan_public, 8), (t_appointment_public, 8),
        # on request
        (lambda g: t_han(g, REQ), 30), (t_work_summary, 18), (t_meeting_notice, 16), (lambda g: t_report(g, REQ), 14),
        (t_tongbao_internal, 10), (t_pifu_routine, 10), (lambda g: t_jiyao(g, REQ), 12), (t_stats_compiled, 8),
        # withheld, not secret
        (t_roster, 16), (t_subsidy_list, 10), (t_enterprise_material, 16), (t_bid_detail, 8), (t_qingshi, 18),
        (t_discussion, 10), (lambda g: t_han(g, WH), 10), (lambda g: t_report(g, WH), 10), (lambda g: t_jiyao(g, WH), 10),
        (t_yian, 10), (t_inquiry, 12), (t_investigation_final, 10), (t_petition, 6),
        # 内部
        (t_duty_roster, 16), (t_personnel, 12), (t_internal_workflow, 10), (t_logistics, 10), (t_internal_brief, 10),
        (t_contact_book, 8),
        # near pairs
        (t_roster_public, 12), (lambda g: t_penalty_person(g, True), 8), (lambda g: t_penalty_person(g, False), 10),
        (t_duty_public, 8), (t_org_info, 8), (lambda g: t_notice_internal(g, "非密"), 20),
        (lambda g: t_notice_internal(g, "内部"), 14), (t_work_summary_public, 10),
        # public look-alikes of secret genres
        (t_exam_used, 8), (t_discipline_public, 8), (t_event_traffic, 8), (t_air_raid_test, 6), (t_shelter_list, 8),
    ]
    secrets = [(t_exam, {"秘密": 8, "机密": 8, "绝密": 14}), (t_security, {"秘密": 8, "机密": 10, "绝密": 12}),
               (t_reserve, {"秘密": 10, "机密": 6}), (t_militia, {"秘密": 8, "机密": 6}),
               (t_civil_defense, {"机密": 8, "绝密": 10}), (t_unreleased_stats, {"秘密": 8, "机密": 5}),
               (t_discipline, {"秘密": 6, "机密": 6}), (t_mobilization, {"机密": 4, "绝密": 10}),
               (t_emergency_plan_annex, {"秘密": 8, "机密": 4})]
    for fn, per_level in secrets:
        for level, n in per_level.items():
            for i in range(n):  # alternate marked / unmarked so both exist at every level
                P.append(((lambda f, lv, m: (lambda g: f(g, lv, m)))(fn, level, i % 2 == 0), 1))
    return P


# -------------------------------------------------------------------------------------------- variants
REVISION_SENTENCES = ["具体实施时间以正式通知为准。", "各单位可结合实际细化相关措施。", "以上数据已与有关部门核对。",
                      "（根据有关意见作了修改。）", "相关数据截至本月底。", "此项工作由分管负责同志牵头。",
                      "请各单位相互转告。", "本条所称工作日不含法定节假日。", "有关事项如有调整，另行通知。"]


def pdf_damaged(g: Gen, text: str, header: str) -> str:
    t = text.replace("　　", "  " if g.chance(0.5) else "")
    if g.chance(0.8):  # extractors put spaces between CJK and digits
        t = re.sub(r"(?<=[^\x00-\x7f\s])(\d[\d.]*)", r" \1", t)
        t = re.sub(r"(\d)(?=[^\x00-\x7f\s])", r"\1 ", t)
    t = re.sub(r"(绝密|机密|秘密)\s*★\s*", lambda m: m.group(1) + g.pick([" ★ ", "*", "★ ", " ☆ "]), t)
    width = g.num(24, 38)
    lines: list[str] = []
    for line in t.split("\n"):
        while len(line) > width:
            lines.append(line[:width])
            line = line[width:]
        lines.append(line)
    per_page, out, page = g.num(16, 26), [], 1
    for i, line in enumerate(lines):
        if i and i % per_page == 0:
            out += [g.pick([f"— {page} —", f"- {page} -", f"第 {page} 页"]), header]
            page += 1
        out.append(line)
    out.append(f"— {page} —")
    return "\n".join(out) + "\n"


def revised(g: Gen, text: str) -> str:
    """A later version: one paragraph changed (a quantity, an added sentence) and a new date."""
    lines = text.split("\n")
    body = [i for i, ln in enumerate(lines) if i > 2 and len(ln) >= 25 and ln.endswith("。")]
    rows = [i for i, ln in enumerate(lines) if i > 2 and re.search(r"[\u4e00-\u9fff]\d{2,}", ln)]
    if body:
        i = g.pick(body)
        lines[i] = re.sub(r"(?<=[\u4e00-\u9fff])\d{2,}", lambda m: str(int(m.group()) + g.num(1, 9)), lines[i], count=1) \
            + g.pick(REVISION_SENTENCES)
    elif rows:
        i = g.pick(rows)
        lines[i] = re.sub(r"(?<=[\u4e00-\u9fff])\d{2,}", lambda m: str(int(m.group()) + g.num(1, 9)), lines[i], count=1)
    dated = [i for i, ln in enumerate(lines) if re.fullmatch(r"\d{4}年\d{1,2}月\d{1,2}日", ln.strip())]
    candidates = dated or [i for i, ln in enumerate(lines) if re.search(r"\d{4}年\d{1,2}月\d{1,2}日", ln)]
    if candidates:
        i = candidates[-1]
        lines[i] = re.sub(r"(\d{4})年(\d{1,2})月(\d{1,2})日",
                          lambda m: f"{m.group(1)}年{m.group(2)}月{min(28, int(m.group(3)) + g.num(1, 9))}日", lines[i], count=1)
    out = "\n".join(lines)
    if out == text:  # nothing to change in place: a correction note, as offices add to re-issued tables
        out = text.rstrip("\n") + "\n" + g.pick(["注：本表已按复核结果更正。", "（更正版）", "（修订稿）"]) + "\n"
    return out


# -------------------------------------------------------------------------------------------- output
@dataclass
class Record:
    id: str
    group: str
    variant: str
    doc: Doc
    text: str = field(default="")

    def label(self) -> dict:
        d = self.doc
        return {"file": f"documents/{self.id}.txt", "id": self.id, "group": self.group, "variant": self.variant,
                "genre": d.genre, "doc_type": d.doc_type, "issuer": d.issuer, "disclosure": d.disclosure,
                "secrecy": d.secrecy, "reasons": d.reasons, "article": d.article, "rationale": d.rationale}


def build(seed: int = SEED) -> list[Record]:
    records: list[Record] = []
    # Two rounds, each with its own seed, so that adding genres later leaves the earlier documents untouched.
    for round_seed, round_plan in ((seed, plan), (seed + 1, plan_published)):
        _build_round(Gen(round_seed), round_plan(), records)
    return records


def _build_round(g: Gen, round_plan: list[tuple[Callable[[Gen], Doc], int]], records: list[Record]) -> None:
    jobs = [fn for fn, n in round_plan for _ in range(n)]
    g.r.shuffle(jobs)
    start = sum(r.variant == "original" for r in records) + 1
    for k, fn in enumerate(jobs, start=start):
        for _ in range(50):
            doc = fn(g)
            if MIN_CHARS <= len(doc.text) <= MAX_CHARS:
                break
        else:
            raise RuntimeError(f"template {fn} keeps producing texts outside {MIN_CHARS}-{MAX_CHARS} chars")
        gid, oid = f"g{k:04d}", f"c{k:04d}"
        records.append(Record(oid, gid, "original", doc, doc.text))
        if g.chance(0.15):
            t = pdf_damaged(g, doc.text, doc.issuer)
            if len(t) <= MAX_CHARS:
                records.append(Record(oid + "p", gid, "pdf_damaged", doc, t))
        if g.chance(0.11):
            records.append(Record(oid + "r", gid, "revised", doc, revised(g, doc.text)))


# -------------------------------------------------------------------------------------------- keyword baseline
def char_ngrams(text: str, sizes=(2, 3)) -> set[str]:
    t = re.sub(r"\s+", "", text)
    return {t[i:i + n] for n in sizes for i in range(len(t) - n + 1)}


def macro_f1(tp: dict, fp: dict, fn: dict, classes) -> float:
    total = 0.0
    for c in classes:
        p = tp[c] / (tp[c] + fp[c]) if tp[c] + fp[c] else 0.0
        r = tp[c] / (tp[c] + fn[c]) if tp[c] + fn[c] else 0.0
        total += 2 * p * r / (p + r) if p + r else 0.0
    return total / len(classes)


def best_single_keyword(texts: list[str], labels: list[str], min_df: int = 3) -> tuple[float, str, str]:
    """Best rule 'n-gram present => class X, else the majority class', scored by macro-F1 over all classes."""
    classes = sorted(set(labels))
    majority = Counter(labels).most_common(1)[0][0]
    n_class = Counter(labels)
    df: dict[str, Counter] = {}
    for text, lab in zip(texts, labels):
        for gram in char_ngrams(text):
            df.setdefault(gram, Counter())[lab] += 1
    best = (0.0, "", majority)
    for gram in sorted(df):  # sorted: ties resolve the same way whatever the hash seed
        cnt = df[gram]
        n_with = sum(cnt.values())
        if n_with < min_df:
            continue
        for x in classes:
            if x == majority:
                continue
            tp = {c: 0 for c in classes}
            fp = dict(tp)
            fn = dict(tp)
            tp[x], fp[x], fn[x] = cnt[x], n_with - cnt[x], n_class[x] - cnt[x]
            m = majority
            tp[m] = n_class[m] - cnt[m]
            fp[m] = (len(labels) - n_with) - tp[m]
            fn[m] = cnt[m]
            for c in classes:
                if c not in (x, m):
                    fn[c] = n_class[c]
            f = macro_f1(tp, fp, fn, classes)
            if f > best[0]:
                best = (f, gram, x)
    return best


def best_keyword_list(texts: list[str], labels: list[str], min_df: int = 3) -> tuple[float, list[tuple[str, str]]]:
    """A stronger baseline: one n-gram per non-majority class, applied in order, else majority (greedy search)."""
    classes = sorted(set(labels))
    majority = Counter(labels).most_common(1)[0][0]
    grams = [char_ngrams(t) for t in texts]
    df = Counter(x for s in grams for x in s)

    def score(rules: list[tuple[str, str]]) -> float:
        tp, fp, fn = ({c: 0 for c in classes} for _ in range(3))
        for s, lab in zip(grams, labels):
            pred = next((c for gram, c in rules if gram in s), majority)
            if pred == lab:
                tp[lab] += 1
            else:
                fp[pred] += 1
                fn[lab] += 1
        return macro_f1(tp, fp, fn, classes)

    def greedy(order: list[str]) -> tuple[float, list[tuple[str, str]]]:
        rules: list[tuple[str, str]] = []
        for x in order:
            # shortlist by precision-weighted coverage, then score exactly
            cand = Counter()
            for s, lab in zip(grams, labels):
                if lab == x:
                    cand.update(s)
            short = sorted((g for g in cand if df[g] >= min_df), key=lambda g: (-(cand[g] ** 2 / df[g]), g))[:200]
            top = max(short, key=lambda gram: score(rules + [(gram, x)]))
            rules.append((top, x))
        return score(rules), rules

    best, best_rules = 0.0, []
    for order in permutations([c for c in classes if c != majority]):
        f, rules = greedy(list(order))
        if f > best:
            best, best_rules = f, rules
    return best, best_rules


# -------------------------------------------------------------------------------------------- README statistics
def stats_markdown(records: list[Record], single: tuple[float, str, str], listed: tuple[float, list]) -> str:
    out = [f"Documents: **{len(records)}** in {len({r.group for r in records})} groups "
           f"(variants: " + ", ".join(f"{k} {v}" for k, v in sorted(Counter(r.variant for r in records).items())) + ").", ""]
    out += ["| 公开属性 \\ 密级 | " + " | ".join(SECRECIES) + " | total |", "|---" * (len(SECRECIES) + 2) + "|"]
    pair = Counter((r.doc.disclosure, r.doc.secrecy) for r in records)
    for d in DISCLOSURES:
        out.append(f"| {d} | " + " | ".join(str(pair[(d, s)]) for s in SECRECIES) + f" | {sum(pair[(d, s)] for s in SECRECIES)} |")
    out.append("| total | " + " | ".join(str(sum(pair[(d, s)] for d in DISCLOSURES)) for s in SECRECIES) + f" | {len(records)} |")
    marked = Counter(r.doc.secrecy for r in records if r.doc.secrecy in ("秘密", "机密", "绝密") and "★" in r.text)
    out += ["", "State-secret documents carrying a ★ mark: " + ", ".join(f"{k} {marked[k]}" for k in ("秘密", "机密", "绝密")) +
            " (the rest are unmarked).", "", "| genre | 文种 | " + " | ".join(DISCLOSURES) + " |", "|---|---|---|---|---|"]
    gen = Counter((r.doc.genre, r.doc.doc_type, r.doc.disclosure) for r in records)
    for genre, dt in sorted({(r.doc.genre, r.doc.doc_type) for r in records}):
        out.append(f"| {genre} | {dt} | " + " | ".join(str(gen[(genre, dt, d)]) for d in DISCLOSURES) + " |")
    out += ["", f"Keyword baselines on the disclosure labels (macro-F1, all documents): best single character n-gram "
                f"rule `“{single[1]}” ⇒ {single[2]}, else majority` = **{single[0]:.3f}**; best greedy list of one "
                f"n-gram per minority class (" + ", ".join(f"“{g_}” ⇒ {c}" for g_, c in listed[1]) + f") = **{listed[0]:.3f}**."]
    return "\n".join(out) + "\n"


def write(out_dir: Path, records: list[Record], with_stats: bool = True) -> None:
    docs = out_dir / "documents"
    if docs.exists():
        shutil.rmtree(docs)
    docs.mkdir(parents=True)
    for rec in records:
        (docs / f"{rec.id}.txt").write_text(rec.text, encoding="utf-8")
    with open(out_dir / "labels.jsonl", "w", encoding="utf-8", newline="\n") as fh:
        for rec in records:
            fh.write(json.dumps(rec.label(), ensure_ascii=False) + "\n")
    readme = out_dir / "README.md"
    if with_stats and readme.exists():
        texts, labels = [r.text for r in records], [r.doc.disclosure for r in records]
        md = stats_markdown(records, best_single_keyword(texts, labels), best_keyword_list(texts, labels))
        s = readme.read_text(encoding="utf-8")
        start, end = "<!-- stats:start -->", "<!-- stats:end -->"
        if start in s and end in s:
            s = s[:s.index(start) + len(start)] + "\n" + md + s[s.index(end):]
            readme.write_text(s, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parent)
    ap.add_argument("--no-stats", action="store_true", help="skip the README statistics (and keyword baselines)")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    records = build()
    write(args.out, records, with_stats=not args.no_stats)
    print(f"{len(records)} documents written to {args.out} in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
