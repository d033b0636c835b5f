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
    g = Gen(seed)
    jobs = [fn for fn, n in plan() for _ in range(n)]
    g.r.shuffle(jobs)
    records: list[Record] = []
    for k, fn in enumerate(jobs, start=1):
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
    return records


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
