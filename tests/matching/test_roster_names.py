"""Names in a roster (花名册, 名单): rows carry no context word, so the name comes from the row layout
(GK-PII-015, gongkai/matching/roster.py). Leaders' duty lists, contact lines and tables of organs are not
rosters. All names and numbers here are made up (corpus/fakepii.py)."""
from __future__ import annotations

import importlib.util
import random
from pathlib import Path

import pytest

from gongkai.decide import mask
from gongkai.matching.engine import Matcher
from gongkai.matching.loader import load_file
from gongkai.matching.recognizers import roster_names

REPO = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("fakepii", REPO / "corpus" / "fakepii.py")
fakepii = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fakepii)

RNG = random.Random(11)
PEOPLE = [("王秀英", "女", "1958.04"), ("赵建业", "男", "1965.11"), ("孙丽萍", "女", "1990.09")]
ROWS = [(name, sex, born, fakepii.resident_id(RNG), fakepii.mobile(RNG)) for name, sex, born in PEOPLE]
NAMES = [p[0] for p in PEOPLE]


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher([load_file(REPO / "rules" / "personal_data.yaml")])


def person_names(matcher: Matcher, text: str) -> list[str]:
    return [f.text for f in sorted(matcher.match(text), key=lambda f: f.start) if f.label == "person_name"]


def test_names_in_a_pipe_table_without_header_are_personal_data(matcher: Matcher) -> None:
    text = "临时救助对象名单\n" + "\n".join(" | ".join(row) for row in ROWS) + "\n"
    findings = [f for f in matcher.match(text) if f.label == "person_name"]
    assert sorted(f.text for f in findings) == sorted(NAMES)
    assert {f.rule_id for f in findings} == {"GK-PII-015@1"}
    assert all(f.category == "personal_data" and f.effect["reason"] == "personal_privacy" for f in findings)
    assert all(text[f.start:f.end] == f.text for f in findings)
    # masked as every finding is in the proposal's pii list: the given name is hidden
    assert all("*" in mask(f.text) and mask(f.text)[0] == f.text[0] for f in findings)


def test_names_in_a_whitespace_aligned_roster_under_a_name_header(matcher: Matcher) -> None:
    header = "序号  姓名  性别  出生年月  公民身份号码  联系电话"
    rows = [f"{i}  {name}  {sex}  {born}  {idn}  {mob}" for i, (name, sex, born, idn, mob) in enumerate(ROWS, 1)]
    text = "柳林镇困难群众花名册\n" + "\n".join([header, *rows]) + "\n制表：柳林镇民政办  2026年4月30日\n"
    assert person_names(matcher, text) == NAMES
    # the rest of each row is still found, by its own rules
    labels = [f.label for f in matcher.match(text)]
    assert labels.count("id_card") == 3 and labels.count("mobile") == 3


def test_name_header_column_is_used_when_the_name_is_not_the_head_cell() -> None:
    text = "户籍地 | 姓名 | 性别\n柳林镇 | 王秀英 | 女\n东关村 | 赵建业 | 男"
    assert [d["name"] for _s, _e, d in roster_names(text)] == []  # GK-PII-011's table path already has them
    text = text.replace(" | ", "\t")
    assert [d["name"] for _s, _e, d in roster_names(text)] == ["王秀英", "赵建业"]


def test_tab_separated_rows_with_sex_and_birth_date_form_a_roster(matcher: Matcher) -> None:
    text = "1\t刘振华\t男\t1978年6月\n2\t陈雨桐\t女\t1992年11月\n"
    assert person_names(matcher, text) == ["刘振华", "陈雨桐"]


def test_one_row_alone_is_not_a_roster(matcher: Matcher) -> None:
    name, sex, born, idn, mob = ROWS[0]
    assert person_names(matcher, f"{name} | {sex} | {born} | {mob}") == []


def test_leaders_duty_list_is_published_information_not_personal_data(matcher: Matcher) -> None:
    """领导分工 (Art. 20: 机构设置、职能 and who leads what are published proactively): no name is personal data,
    whether laid out under a 姓名 | 职务 | 分工 header or as bare lines."""
    piped = ("关于调整局领导班子成员工作分工的通知\n各科室：\n现将局领导分工通知如下。\n"
             "姓名 | 职务 | 分工\n张志远 | 局长 | 主持全面工作\n李春梅 | 副局长 | 分管办公室、财务工作\n")
    spaced = piped.replace(" | ", "  ")
    assert person_names(matcher, piped) == []
    assert person_names(matcher, spaced) == []


def test_a_personnel_roster_with_duties_and_private_columns_is_still_a_roster(matcher: Matcher) -> None:
    text = "干部花名册\n姓名  性别  出生年月  职务\n张志远  男  1975.03  科员\n李春梅  女  1988.10  科员\n"
    assert person_names(matcher, text) == ["张志远", "李春梅"]


def test_contact_lines_and_tables_of_organs_are_not_rosters(matcher: Matcher) -> None:
    organs = ("单位  联系电话  地址\n青川市民政局  13805312345  人民路1号\n"
              "青川市财政局  13905318765  人民路3号\n柳林镇人民政府  13705337788  东关村\n")
    contact = ("办事指南\n咨询电话：0871-6123456  联系人：张志远\n"
               "青川市民政局  张志远  13805312345\n青川市财政局  李春梅  13905318765\n")
    titles = "序号  姓名  性别\n1  柳林镇  男\n2  副局长  女\n"
    for text in (organs, contact, titles):
        assert [d["name"] for _s, _e, d in roster_names(text)] == [], text
        assert person_names(matcher, text) == [], text


def test_masked_names_in_a_roster_are_not_findings(matcher: Matcher) -> None:
    text = "序号  姓名  公民身份号码\n1  王*英  370303********3420\n2  赵某某  370303********0414\n3  孙××  370303********2423\n"
    assert person_names(matcher, text) == []


def test_sample_roster_flags_every_name_once(matcher: Matcher) -> None:
    text = (REPO / "samples" / "inbox" / "03_临时救助花名册.txt").read_text(encoding="utf-8")
    assert person_names(matcher, text) == ["王秀兰", "赵建国", "孙丽"]


def test_a_directory_split_by_department_keeps_the_name_column(matcher: Matcher) -> None:
    """The header comes once; later departments' rows (one column fewer) start with a post, not a name."""
    mobiles = [fakepii.mobile(RNG) for _ in range(4)]
    text = ("机关工作人员通讯录\n委领导\n| 职务 | 姓名 | 办公电话 | 手机 | 住宅电话 |\n"
            f"| 主任 | 邝守仁 | 6235001 | {mobiles[0]} | 6612087 |\n"
            f"| 副主任 | 卢秀兰 | 6235002 | {mobiles[1]} | — |\n办公室\n"
            f"| 文秘 | 卞佳慧 | 6235010 | {mobiles[2]} |\n| 机要 | 穆建新 | 6235012 | {mobiles[3]} |\n")
    assert person_names(matcher, text) == ["邝守仁", "卢秀兰", "卞佳慧", "穆建新"]


def test_recent_dates_do_not_make_an_inventory_a_roster() -> None:
    """入库时间 2021.10 is not a birth date: a stock list of 单帐篷 (单 is a surname) names nobody."""
    text = "| 品名 | 规格 | 数量 | 入库时间 |\n| 棉帐篷 | 12平方米 | 46顶 | 2021.10 |\n| 单帐篷 | 12平方米 | 30顶 | 2022.06 |\n"
    assert list(roster_names(text)) == []
