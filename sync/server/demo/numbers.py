"""Registry numbers with real check digits (INN, KPP, OGRN), phones, e-mail parts and record ids.

Every function takes the seeded random source it draws from (a :class:`random.Random` or its bound
``random`` method), so the same seed gives the same numbers. Check digits follow the algorithms
python-stdnum validates (``stdnum.ru.inn``, ``stdnum.ru.ogrn``).
"""

from __future__ import annotations

import random
import uuid
from datetime import datetime

from sync.server.demo.common import Rnd

INN_WEIGHTS = (2, 4, 10, 3, 5, 9, 4, 6, 8)
# mobile operator codes that phonenumbers accepts in full (DEF codes of the big operators)
MOBILE_CODES = (
    "903", "905", "906", "909", "912", "914", "915", "916", "917", "919", "922", "925", "926", "927",
    "929", "950", "951", "952", "953", "960", "961", "962", "963", "964", "965", "977", "981", "982",
    "983", "985", "987", "999",
)

_TRANSLIT = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i",
    "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y",
    "ь": "", "э": "e", "ю": "yu", "я": "ya",
}


def inn_check_digit(first9: str) -> str:
    """The tenth digit of an organization's INN."""
    return str(sum(w * int(d) for w, d in zip(INN_WEIGHTS, first9, strict=True)) % 11 % 10)


def make_inn(rnd: Rnd, tax_office: str) -> str:
    """A 10-digit organization INN registered at ``tax_office`` (4 digits: region + inspection)."""
    first9 = tax_office + f"{int(rnd() * 100_000):05d}"
    return first9 + inn_check_digit(first9)


def make_kpp(inn: str, reason: str = "01") -> str:
    """KPP of the head office: the INN's tax office, the reason code, then the serial 001."""
    return f"{inn[:4]}{reason}001"


def ogrn_check_digit(first12: str) -> str:
    return str(int(first12) % 11 % 10)


def make_ogrn(rnd: Rnd, tax_office: str, year: int) -> str:
    """A 13-digit OGRN of a legal entity registered in ``year`` at ``tax_office``."""
    first12 = f"1{year % 100:02d}{tax_office}{int(rnd() * 100_000):05d}"
    return first12 + ogrn_check_digit(first12)


def make_phone(rnd: Rnd, area_code: str) -> str:
    """An E.164 Russian number: ``+7``, the area code and a subscriber number of the right length
    that does not start with 0 or 1."""
    rest = 10 - len(area_code)
    low = 2 * 10 ** (rest - 1)
    return f"+7{area_code}{low + int(rnd() * (10**rest - low))}"


def make_mobile(rnd: Rnd) -> str:
    return f"+7{MOBILE_CODES[int(rnd() * len(MOBILE_CODES))]}{int(rnd() * 10_000_000):07d}"


def translit(text: str) -> str:
    """Lower-case ASCII transliteration of Russian text (letters only are kept, others dropped)."""
    out = []
    for ch in text.lower():
        if ch in _TRANSLIT:
            out.append(_TRANSLIT[ch])
        elif ch.isascii() and ch.isalnum():
            out.append(ch)
    return "".join(out)


def uuid7_at(rng: random.Random, at: datetime) -> uuid.UUID:
    """A version-7 UUID for the moment ``at`` whose random bits come from ``rng`` (reproducible)."""
    millis = int(at.timestamp() * 1000) & ((1 << 48) - 1)
    value = (millis << 80) | (0x7 << 76) | (rng.getrandbits(12) << 64) | (0b10 << 62) | rng.getrandbits(62)
    return uuid.UUID(int=value)
