"""Fake but syntactically valid personal and company identifiers for the written corpus.

Writers of corpus documents call this instead of inventing numbers by hand, so that the personal-data
rules fire on them (checksums, dates and area codes are right) while no value belongs to anyone:
the sequence digits are random. Pure standard library.

    python corpus/fakepii.py id [N]        # resident ID numbers (GB 11643, MOD 11-2 check)
    python corpus/fakepii.py uscc [N]      # unified social credit codes (GB 32100 + GB 11714)
    python corpus/fakepii.py card [N]      # bank card numbers (Luhn)
    python corpus/fakepii.py mobile [N]    # mobile numbers 1[3-9]…
"""

from __future__ import annotations

import random
import sys
from datetime import date, timedelta

# Public administrative-division codes (GB/T 2260) that were already in use in 1950, so that any birth
# year drawn below is valid for them.
AREA_CODES = (
    "110101", "110105", "120101", "140121", "310101", "330122", "340121", "350121", "360121",
    "430121", "510121", "530124", "620121",
)
_RIC_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


def resident_id(rng: random.Random) -> str:
    born = date(1950, 1, 1) + timedelta(days=rng.randrange(0, 365 * 55))
    body = rng.choice(AREA_CODES) + born.strftime("%Y%m%d") + f"{rng.randrange(0, 1000):03d}"
    check = "10X98765432"[sum(int(c) * w for c, w in zip(body, _RIC_WEIGHTS)) % 11]
    return body + check


def _org_code(rng: random.Random) -> str:
    body = "".join(rng.choice("0123456789") for _ in range(8))
    c = 11 - sum(int(ch) * w for ch, w in zip(body, _ORG_WEIGHTS)) % 11
    return body + ("X" if c == 10 else "0" if c == 11 else str(c))


def credit_code(rng: random.Random) -> str:
    body = "91" + rng.choice(AREA_CODES) + _org_code(rng)
    total = sum(_USCC_CHARS.index(c) * w for c, w in zip(body, _USCC_WEIGHTS))
    return body + _USCC_CHARS[(31 - total % 31) % 31]


def bank_card(rng: random.Random) -> str:
    body = "622" + "".join(rng.choice("0123456789") for _ in range(15))
    digits = [int(c) for c in reversed(body)]
    total = sum(sum(divmod(d * 2, 10)) if i % 2 == 0 else d for i, d in enumerate(digits))
    return body + str((10 - total % 10) % 10)


def mobile(rng: random.Random) -> str:
    return "1" + rng.choice("3456789") + "".join(rng.choice("0123456789") for _ in range(9))


MAKERS = {"id": resident_id, "uscc": credit_code, "card": bank_card, "mobile": mobile}


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in MAKERS:
        print(__doc__)
        return 2
    count = int(argv[1]) if len(argv) > 1 else 1
    rng = random.SystemRandom()
    for _ in range(count):
        print(MAKERS[argv[0]](rng))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
