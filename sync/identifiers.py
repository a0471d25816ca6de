"""Identifiers of the Clients directory, checked the same way on both sides (T2, T4, T5).

INN, KPP and OGRN are checked before any registry lookup; phones and e-mail addresses are normalised
so that duplicates are found whatever way an operator typed them. Every check raises
:class:`InvalidIdentifier` with the message an operator sees (Russian) and the field it is about.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import phonenumbers
from email_validator import EmailNotValidError, validate_email
from stdnum.exceptions import InvalidChecksum, InvalidComponent, InvalidFormat, InvalidLength
from stdnum.ru import inn as stdnum_inn
from stdnum.ru import ogrn as stdnum_ogrn


class InvalidIdentifier(ValueError):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field, self.message = field, message


_SPACES = re.compile(r"\s+")


def _compact(value: str) -> str:
    return _SPACES.sub("", value or "")


def _digits_word(count: int) -> str:
    if count % 10 == 1 and count % 100 != 11:
        return "цифра"
    if count % 10 in (2, 3, 4) and count % 100 not in (12, 13, 14):
        return "цифры"
    return "цифр"


# --- INN, KPP, OGRN -----------------------------------------------------------------------------


def validate_inn(value: str) -> str:
    """A checked INN: 10 digits (organization) or 12 (individual entrepreneur), with its checksum."""
    inn = _compact(value)
    if not inn:
        raise InvalidIdentifier("inn", "Введите ИНН.")
    if not inn.isdigit():
        raise InvalidIdentifier("inn", "ИНН состоит только из цифр.")
    if len(inn) not in (10, 12):
        raise InvalidIdentifier(
            "inn", f"ИНН должен содержать 10 цифр (организация) или 12 цифр (ИП), а введено {len(inn)} "
                   f"{_digits_word(len(inn))}.")
    try:
        stdnum_inn.validate(inn)
    except InvalidChecksum as exc:
        raise InvalidIdentifier("inn", "Неверный ИНН: не сходится контрольное число. Проверьте цифры.") from exc
    return inn


def is_individual_inn(inn: str) -> bool:
    """A 12-digit INN belongs to a person (an individual entrepreneur has no KPP)."""
    return len(inn) == 12


_KPP = re.compile(r"^\d{4}[0-9A-Z]{2}\d{3}$")


def validate_kpp(value: str, inn: str = "") -> str:
    """A checked KPP ("" stays "": a KPP is optional); an individual entrepreneur has none."""
    kpp = _compact(value).upper()
    if not kpp:
        return ""
    if is_individual_inn(_compact(inn)):
        raise InvalidIdentifier("kpp", "У индивидуального предпринимателя (ИНН из 12 цифр) нет КПП.")
    if len(kpp) != 9:
        raise InvalidIdentifier("kpp", f"КПП должен содержать 9 символов, а введено {len(kpp)}.")
    if not _KPP.match(kpp):
        raise InvalidIdentifier(
            "kpp", "Неверный КПП: 4 цифры, затем 2 цифры или латинские буквы, затем 3 цифры (например, 773601001).")
    return kpp


def validate_ogrn(value: str) -> str:
    """A checked OGRN (13 digits) or OGRNIP (15 digits); "" stays "" (it is optional)."""
    ogrn = _compact(value)
    if not ogrn:
        return ""
    if not ogrn.isdigit():
        raise InvalidIdentifier("ogrn", "ОГРН состоит только из цифр.")
    if len(ogrn) not in (13, 15):
        raise InvalidIdentifier(
            "ogrn", f"ОГРН должен содержать 13 цифр (ОГРНИП — 15), а введено {len(ogrn)} {_digits_word(len(ogrn))}.")
    checksum = "Неверный ОГРН: не сходится контрольное число. Проверьте цифры."
    if len(ogrn) == 15:
        # python-stdnum checks an OGRNIP with "% 13" and rejects valid numbers whose remainder is 10-12
        if ogrn[0] not in "34":
            raise InvalidIdentifier("ogrn", "Неверный ОГРНИП: он начинается с 3 или 4.")
        if int(ogrn[:-1]) % 13 % 10 != int(ogrn[-1]):
            raise InvalidIdentifier("ogrn", checksum)
        return ogrn
    try:
        stdnum_ogrn.validate(ogrn)
    except InvalidChecksum as exc:
        raise InvalidIdentifier("ogrn", checksum) from exc
    except (InvalidComponent, InvalidFormat, InvalidLength) as exc:
        raise InvalidIdentifier("ogrn", "Неверный ОГРН: он не может начинаться с 0.") from exc
    return ogrn


# --- phones (T4) --------------------------------------------------------------------------------

# «добавочный 123», «вн. 123» and the like do not parse; phonenumbers understands «доб.»
_EXTENSION_WORDS = re.compile(r"(?i)\s*(?:добавочный|доп\.?|вн\.?|внутр\.?|доб\.?)\s*(?=\d)")
PHONE_EXAMPLE = "+7 495 123-45-67 доб. 123"


@dataclass(frozen=True, slots=True)
class Phone:
    number: str  # E.164, e.g. +74951234567
    extension: str = ""

    def display(self) -> str:
        return format_phone(self.number, self.extension)


def parse_phone(value: str) -> Phone:
    """A phone starting +7 (or 8), area code and number, optional extension («доб.»)."""
    text = (value or "").strip()
    if not text:
        raise InvalidIdentifier("phone", "Введите телефон.")
    text = _EXTENSION_WORDS.sub(" доб. ", text)
    try:
        parsed = phonenumbers.parse(text, "RU")
    except phonenumbers.NumberParseException as exc:
        raise InvalidIdentifier("phone", f"Неверный телефон. Пример: {PHONE_EXAMPLE}.") from exc
    if parsed.country_code != 7:
        raise InvalidIdentifier("phone", "Телефон должен начинаться с +7 (или 8).")
    if not phonenumbers.is_valid_number(parsed):
        raise InvalidIdentifier(
            "phone", f"Неверный телефон: нужны код города или оператора и номер, всего 10 цифр после +7. "
                     f"Пример: {PHONE_EXAMPLE}.")
    extension = parsed.extension or ""
    if len(extension) > 10:
        raise InvalidIdentifier("phone", "Добавочный номер — не больше 10 цифр.")
    number = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
    return Phone(number, extension)


def format_phone(number: str, extension: str = "") -> str:
    """How an operator reads a phone: «+7 495 123-45-67 доб. 123» (phonenumbers would write «ext.»)."""
    if not number:
        return ""
    try:
        text = phonenumbers.format_number(phonenumbers.parse(number, "RU"),
                                          phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    except phonenumbers.NumberParseException:
        text = number
    return f"{text} доб. {extension}" if extension else text


# --- e-mail (T4) --------------------------------------------------------------------------------


def normalize_email(value: str) -> str:
    """A checked e-mail address of the form name@domain.zone (an IDN domain such as почта.рф is fine),
    lower-cased (mail systems ignore case in practice, and one person must not become two contacts).
    Deliverability is not checked: the client works offline."""
    text = (value or "").strip()
    if not text:
        raise InvalidIdentifier("email", "Введите адрес e-mail.")
    try:
        return validate_email(text, check_deliverability=False).normalized.lower()
    except EmailNotValidError as exc:
        raise InvalidIdentifier("email", "Неверный адрес e-mail: нужен вид имя@домен.зона, например "
                                         "ivanov@example.ru.") from exc


# --- duplicates (T5) ----------------------------------------------------------------------------


def organization_key(inn: str, kpp: str) -> tuple[str, str]:
    """An organization is unique by INN + KPP."""
    return _compact(inn), _compact(kpp).upper()


def email_key(email: str) -> str:
    """Two contacts of one organization with this key are the same person ("" = no e-mail)."""
    return (email or "").strip().casefold()


def phone_key(number: str, extension: str = "") -> str:
    """Two contacts of one organization with this key are the same person ("" = no phone). The same
    switchboard number with different extensions reaches different people."""
    return f"{number};{extension}" if number else ""
