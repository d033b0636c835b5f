"""Named validators for personal-data patterns: `VALIDATORS[name](matched_text) -> bool`.

A rule's regex finds a candidate; the validator says whether it is a real number of that kind
(checksum, real date, plausible prefix). Each validator accepts the text exactly as matched
(spaces, dashes, a `+86` prefix, a `·` in a plate) and normalises it itself.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

# --- Resident identity number, GB 11643-1999 ---------------------------------------------------

# Two-digit province prefixes of the administrative-division code (GB/T 2260), plus 71 台湾,
# 81 香港, 82 澳门 and 83 (residence permits of Taiwan residents).
PROVINCE_PREFIXES = frozenset(
    "11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 "
    "50 51 52 53 54 61 62 63 64 65 71 81 82 83".split()
)
_ID_WEIGHTS = [pow(2, 17 - i, 11) for i in range(17)]  # 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2
_ID_CHECK_CHARS = "10X98765432"  # indexed by (sum of weighted digits) mod 11
_EARLIEST_BIRTH = date(1900, 1, 1)


def id_card_check_char(first17: str) -> str:
    """ISO 7064 MOD 11-2 check character of the first 17 digits of an 18-character ID number."""
    if len(first17) != 17 or not first17.isascii() or not first17.isdigit():
        raise ValueError(f"need 17 digits, got {first17!r}")
    return _ID_CHECK_CHARS[sum(int(d) * w for d, w in zip(first17, _ID_WEIGHTS)) % 11]


def _real_date(year: int, month: int, day: int, today: date | None = None) -> bool:
    try:
        born = date(year, month, day)
    except ValueError:
        return False
    return _EARLIEST_BIRTH <= born <= (today or date.today())


def is_valid_id_card(s: str, today: date | None = None) -> bool:
    """An 18-character resident ID: province prefix, real birth date (1900..today), check char."""
    s = s.strip().upper()
    if len(s) != 18 or not s[:17].isascii() or not s[:17].isdigit() or s[:2] not in PROVINCE_PREFIXES:
        return False
    if not _real_date(int(s[6:10]), int(s[10:12]), int(s[12:14]), today):
        return False
    return id_card_check_char(s[:17]) == s[17]


def is_valid_id_card_15(s: str) -> bool:
    """The legacy 15-digit ID (before 1999): 6-digit area, YYMMDD birth date in 19YY, 3-digit sequence."""
    s = s.strip()
    if len(s) != 15 or not s.isascii() or not s.isdigit() or s[:2] not in PROVINCE_PREFIXES:
        return False
    return _real_date(1900 + int(s[6:8]), int(s[8:10]), int(s[10:12]))


def id_card_birth_date(s: str) -> date | None:
    """Birth date encoded in a valid 18- or 15-character ID number, else None."""
    s = s.strip().upper()
    if is_valid_id_card(s):
        return date(int(s[6:10]), int(s[10:12]), int(s[12:14]))
    if is_valid_id_card_15(s):
        return date(1900 + int(s[6:8]), int(s[8:10]), int(s[10:12]))
    return None


# --- Unified social credit code, GB 32100-2015 --------------------------------------------------

# 31 characters: digits and capitals without I, O, Z, S, V. The index is the character's value.
USCC_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_VALUE = {c: i for i, c in enumerate(USCC_CHARSET)}
_USCC_WEIGHTS = [pow(3, i, 31) for i in range(17)]  # 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28


def uscc_check_char(first17: str) -> str:
    """Check character of a unified social credit code: 31 - (Σ value·3^i mod 31), mod 31."""
    if len(first17) != 17 or any(c not in _USCC_VALUE for c in first17):
        raise ValueError(f"need 17 characters of the USCC charset, got {first17!r}")
    total = sum(_USCC_VALUE[c] * w for c, w in zip(first17, _USCC_WEIGHTS))
    return USCC_CHARSET[(31 - total % 31) % 31]


def is_valid_uscc(s: str) -> bool:
    """18 characters of the charset, a 6-digit area code at positions 3-8, a correct check char.

    Any 登记管理部门码 of the charset is accepted (1 机构编制, 5 民政, 9 市场监管, A, N, Y, …):
    python-stdnum 2.2 demands digits in the first eight places and so rejects codes starting A, N, Y.
    """
    s = s.strip().upper()
    if len(s) != 18 or any(c not in _USCC_VALUE for c in s) or not s[2:8].isdigit():
        return False
    return uscc_check_char(s[:17]) == s[17]


# --- Bank card (Luhn) ------------------------------------------------------------------------------

_SEPARATORS = re.compile(r"[\s\-－—–·•.]")


def luhn_check_digit(payload: str) -> str:
    """The digit to append to `payload` so that the whole number passes the Luhn check."""
    return str((10 - _luhn_sum(payload + "0")) % 10)


def _luhn_sum(digits: str) -> int:
    total = 0
    for i, d in enumerate(reversed(digits)):
        n = int(d)
        if i % 2:
            n = n * 2 - 9 if n > 4 else n * 2
        total += n
    return total % 10


def is_luhn(s: str) -> bool:
    """Luhn (mod 10) checksum over the digits, ignoring spaces and dashes."""
    digits = _SEPARATORS.sub("", s)
    return bool(digits) and digits.isascii() and digits.isdigit() and _luhn_sum(digits) == 0


def is_valid_bank_card(s: str) -> bool:
    """16-19 digits (spaces/dashes allowed), not starting with 0, passing Luhn."""
    digits = _SEPARATORS.sub("", s)
    return 16 <= len(digits) <= 19 and digits[0] != "0" and is_luhn(digits)


# --- Telephone numbers -------------------------------------------------------------------------

_PHONE_NOISE = re.compile(r"[\s\-－—–()（）]")


def is_valid_mobile(s: str) -> bool:
    """Mainland mobile: 11 digits 1[3-9]…, with an optional +86 / 86 / 0086 prefix."""
    digits = _PHONE_NOISE.sub("", s).lstrip("+")
    for prefix in ("0086", "86"):
        if len(digits) > 11 and digits.startswith(prefix):
            digits = digits[len(prefix):]
    return len(digits) == 11 and digits.isascii() and digits.isdigit() and digits[0] == "1" and digits[1] in "3456789"


_LANDLINE = re.compile(r"[(（]?(0\d{2,3})[)）]?[\s\-－—–]?([2-9]\d{6,7})(?:[\-－—–转]\d{1,5})?")


def is_valid_landline(s: str) -> bool:
    """区号 (010, 02X or a 4-digit code 03XX-09XX) and a 7-8 digit local number not starting 0/1."""
    m = _LANDLINE.fullmatch(s.strip())
    if not m:
        return False
    area, local = m.groups()
    if len(area) == 3:  # three-digit codes: 010 and 020-029 only
        return area == "010" or area.startswith("02")
    return area[1] in "3456789" and not (area == "0" + area[1] * 3)  # 4-digit codes; 0000-like is noise


# --- Other identifiers ----------------------------------------------------------------------------

_PASSPORT = re.compile(r"[EG]\d{8}|E[A-HJ-NP-Z]\d{7}|[DSP]E?\d{7}")
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9\-]{0,62}[A-Za-z0-9])?"  # one part of a domain name
_EMAIL = re.compile(rf"[A-Za-z0-9][A-Za-z0-9._%+\-]{{0,63}}@{_LABEL}(?:\.{_LABEL})*\.[A-Za-z]{{2,24}}")

PLATE_PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
_PLATE = re.compile(
    rf"[{PLATE_PROVINCES}][A-HJ-NP-Z]"
    r"(?:[A-HJ-NP-Z0-9]{4}[A-HJ-NP-Z0-9挂学警港澳]"  # ordinary: 5 characters
    r"|[DF][A-HJ-NP-Z0-9]\d{4}|\d{5}[DF])"  # new-energy: D/F first (small car) or last (large)
)


def is_valid_passport(s: str) -> bool:
    """Ordinary passport E/G + 8 digits, E + letter + 7 digits (2012 e-passport); D/S/P(E) official."""
    return bool(_PASSPORT.fullmatch(s.strip().upper()))


def is_valid_email(s: str) -> bool:
    return bool(_EMAIL.fullmatch(s.strip()))


def is_valid_plate(s: str) -> bool:
    """Province + issuing-office letter + 5 characters (ordinary) or 6 (new energy, D/F marker);
    a plate has at least one digit and I/O never occur."""
    plate = re.sub(r"[\s·•.\-]", "", s.strip().upper())
    return bool(_PLATE.fullmatch(plate)) and any(c.isdigit() for c in plate)


VALIDATORS: dict[str, Callable[[str], bool]] = {
    "id_card": is_valid_id_card,
    "id_card_15": is_valid_id_card_15,
    "uscc": is_valid_uscc,
    "luhn": is_luhn,
    "bank_card": is_valid_bank_card,
    "mobile": is_valid_mobile,
    "landline": is_valid_landline,
    "passport": is_valid_passport,
    "plate": is_valid_plate,
    "email": is_valid_email,
}
