"""Validators of personal-data numbers: generated valid numbers validate, one changed character fails."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from stdnum import luhn as stdnum_luhn
from stdnum.cn import ric as stdnum_ric
from stdnum.cn import uscc as stdnum_uscc

from gongkai.matching.validators import (
    PROVINCE_PREFIXES,
    USCC_CHARSET,
    VALIDATORS,
    id_card_birth_date,
    id_card_check_char,
    is_luhn,
    is_valid_bank_card,
    is_valid_email,
    is_valid_id_card,
    is_valid_id_card_15,
    is_valid_landline,
    is_valid_mobile,
    is_valid_passport,
    is_valid_plate,
    is_valid_uscc,
    luhn_check_digit,
    uscc_check_char,
)

DIGITS = "0123456789"
areas = st.builds(lambda p, rest: p + rest, st.sampled_from(sorted(PROVINCE_PREFIXES)),
                  st.text(DIGITS, min_size=4, max_size=4))
birth_dates = st.dates(min_value=date(1900, 1, 1), max_value=date.today())
sequences = st.text(DIGITS, min_size=3, max_size=3)


@st.composite
def id_numbers(draw) -> str:
    first17 = draw(areas) + draw(birth_dates).strftime("%Y%m%d") + draw(sequences)
    return first17 + id_card_check_char(first17)


@st.composite
def uscc_codes(draw) -> str:
    charset = st.sampled_from(USCC_CHARSET)
    first17 = (draw(charset) + draw(charset) + draw(st.text(DIGITS, min_size=6, max_size=6))
               + "".join(draw(st.lists(charset, min_size=9, max_size=9))))
    return first17 + uscc_check_char(first17)


@st.composite
def card_numbers(draw) -> str:
    length = draw(st.integers(16, 19))
    payload = draw(st.sampled_from("123456789")) + draw(st.text(DIGITS, min_size=length - 2, max_size=length - 2))
    return payload + luhn_check_digit(payload)


def _substitute(number: str, position: int, alphabet: str, pick: int) -> str:
    """`number` with the character at `position` replaced by another one of `alphabet`."""
    others = [c for c in alphabet if c != number[position]]
    return number[:position] + others[pick % len(others)] + number[position + 1:]


# --- resident ID ------------------------------------------------------------------------------------

@given(id_numbers())
def test_generated_id_numbers_validate(number: str) -> None:
    assert is_valid_id_card(number)
    assert VALIDATORS["id_card"](number)
    assert stdnum_ric.calc_check_digit(number) == number[-1]  # an independent implementation agrees
    assert id_card_birth_date(number) == date(int(number[6:10]), int(number[10:12]), int(number[12:14]))


@given(id_numbers(), st.integers(0, 17), st.integers(0, 100))
def test_one_changed_character_fails_the_id_check(number: str, position: int, pick: int) -> None:
    alphabet = DIGITS + "X" if position == 17 else DIGITS
    assert not is_valid_id_card(_substitute(number, position, alphabet, pick))


@given(st.text(DIGITS, min_size=17, max_size=17))
def test_check_char_agrees_with_stdnum(first17: str) -> None:
    # stdnum's function takes the whole number, check character included (ignored)
    assert id_card_check_char(first17) == stdnum_ric.calc_check_digit(first17 + "0")


def test_published_example_and_lowercase_x() -> None:
    assert is_valid_id_card("11010519491231002X")
    assert is_valid_id_card("11010519491231002x")


@pytest.mark.parametrize("date_part", ["19850230", "19851301", "19850931", "18991231", "19850001"])
def test_impossible_birth_dates_fail(date_part: str) -> None:
    first17 = "370102" + date_part + "123"
    assert not is_valid_id_card(first17 + id_card_check_char(first17))


def test_future_birth_date_fails() -> None:
    first17 = "370102" + (date.today() + timedelta(days=2)).strftime("%Y%m%d") + "123"
    assert not is_valid_id_card(first17 + id_card_check_char(first17))


@pytest.mark.parametrize("prefix", ["00", "10", "19", "90", "99"])
def test_unknown_province_prefix_fails(prefix: str) -> None:
    first17 = prefix + "010219850312123"
    assert not is_valid_id_card(first17 + id_card_check_char(first17))


@pytest.mark.parametrize("bad", ["", "37010219850312123", "3701021985031212331", "37010219850312123Y", "３70102198503121233"])
def test_wrong_shapes_fail(bad: str) -> None:
    assert not is_valid_id_card(bad)


@given(areas, st.dates(min_value=date(1900, 1, 1), max_value=date(1999, 12, 31)), sequences)
def test_legacy_15_digit_ids_validate(area: str, born: date, seq: str) -> None:
    number = area + born.strftime("%y%m%d") + seq
    assert is_valid_id_card_15(number)
    assert id_card_birth_date(number) == born


@pytest.mark.parametrize("number", ["370102850230123", "370102851301123", "990102850312123", "37010285031212", "3701028503121234"])
def test_invalid_legacy_ids_fail(number: str) -> None:
    assert not is_valid_id_card_15(number)


# --- unified social credit code ---------------------------------------------------------------------

@given(uscc_codes())
def test_generated_credit_codes_validate(code: str) -> None:
    assert is_valid_uscc(code)
    assert code[-1] == stdnum_uscc.calc_check_digit(code[:17])  # the published formula agrees


@given(uscc_codes(), st.integers(0, 17), st.integers(0, 100))
def test_one_changed_character_fails_the_credit_code_check(code: str, position: int, pick: int) -> None:
    assert not is_valid_uscc(_substitute(code, position, USCC_CHARSET, pick))


@pytest.mark.parametrize("first17", [
    "Y1370102MB1234567", "N2370181MA9876543", "A1110000MC0000123",  # 登记管理部门码 Y, N, A
    "12370000004123456", "51370100MJ0000001", "91370100MA3C4D5E6",
])
def test_codes_of_every_registration_authority_validate(first17: str) -> None:
    assert is_valid_uscc(first17 + uscc_check_char(first17))


def test_standard_example_validates() -> None:
    assert is_valid_uscc("91350100M000100Y43")  # the example code of GB 32100-2015
    assert not is_valid_uscc("91350100M000100Y44")


@pytest.mark.parametrize("bad", ["91350100M000100Y4", "91350100M000100YI3", "9135010OM000100Y43", "91AB0100M000100Y43"])
def test_malformed_credit_codes_fail(bad: str) -> None:
    assert not is_valid_uscc(bad)


# --- bank card (Luhn) --------------------------------------------------------------------------------

@given(card_numbers())
def test_generated_card_numbers_validate(number: str) -> None:
    assert is_valid_bank_card(number)
    assert stdnum_luhn.is_valid(number)
    spaced = " ".join(number[i:i + 4] for i in range(0, len(number), 4))
    assert is_valid_bank_card(spaced)


@given(card_numbers(), st.data())
def test_one_changed_digit_fails_luhn(number: str, data) -> None:
    position = data.draw(st.integers(0, len(number) - 1))
    assert not is_luhn(_substitute(number, position, DIGITS, data.draw(st.integers(0, 100))))


@pytest.mark.parametrize("bad", ["4367420012345673" + "0000", "436742001234567", "0367420012345675", "6222abcd12345678"])
def test_card_length_and_shape(bad: str) -> None:
    assert not is_valid_bank_card(bad)


# --- telephones and other identifiers ----------------------------------------------------------------

@pytest.mark.parametrize("number,ok", [
    ("13805312345", True), ("+86 138-0531-2345", True), ("8613905316789", True), ("0086 139 0531 6789", True),
    ("12805312345", False), ("1380531234", False), ("138053123456", False),
])
def test_mobile(number: str, ok: bool) -> None:
    assert is_valid_mobile(number) is ok


@pytest.mark.parametrize("number,ok", [
    ("0531-86012345", True), ("(010)62345678", True), ("（0531）86012345", True), ("021 5888 888", False),
    ("0531-06012345", False), ("011-62345678", False), ("0531-8601234", True), ("0531-86012345-123", True),
])
def test_landline(number: str, ok: bool) -> None:
    assert is_valid_landline(number) is ok


@pytest.mark.parametrize("plate,ok", [
    ("鲁C·12345", True), ("京A12345", True), ("京AD12345", True), ("粤B12345F", True), ("沪A1234学", True),
    ("京ABCDEF", False), ("京A1234", False), ("京I12345", False), ("美A12345", False),
])
def test_plate(plate: str, ok: bool) -> None:
    assert is_valid_plate(plate) is ok


@pytest.mark.parametrize("number,ok", [("E12345678", True), ("G12345678", True), ("EA1234567", True),
                                       ("E1234567", False), ("A12345678", False), ("EI1234567", False)])
def test_passport(number: str, ok: bool) -> None:
    assert is_valid_passport(number) is ok


@pytest.mark.parametrize("address,ok", [("zhang.wei1985@163.com", True), ("a@b.cn", True),
                                        ("zhang@", False), ("@163.com", False), ("zhang@163", False)])
def test_email(address: str, ok: bool) -> None:
    assert is_valid_email(address) is ok


def test_every_validator_is_registered() -> None:
    assert {"id_card", "id_card_15", "uscc", "luhn", "bank_card", "mobile", "landline", "passport", "plate",
            "email"} <= set(VALIDATORS)


@settings(max_examples=50)
@given(st.text(max_size=30))
def test_validators_never_raise(text: str) -> None:
    for validate in VALIDATORS.values():
        assert validate(text) in (True, False)
