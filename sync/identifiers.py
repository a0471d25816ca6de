"""Identifiers of the Clients directory, checked the same way on both sides (T2, T4, T5).

INN, KPP and OGRN are checked before any registry lookup; phones and e-mail addresses are normalised
so that duplicates are found whatever way an operator typed them. Every value is brought to one
normal form first (Unicode NFKC, any decimal digits as ASCII ones, no spaces, and for numbers no
dashes), then checked, and the normal form is what is stored: a full-width «７７０７０８３８９３» is the
INN 7707083893, never a second organization. Every check raises :class:`InvalidIdentifier` with the
message an operator sees (Russian, also where python-stdnum would say it in English) and the field
it is about.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

import phonenumbers
from email_validator import EmailNotValidError, validate_email
from stdnum.exceptions import InvalidChecksum, InvalidComponent, InvalidFormat, InvalidLength, ValidationError
from stdnum.ru import inn as stdnum_inn
from stdnum.ru import ogrn as stdnum_ogrn

from sync.phone_areas import area_code_length
from sync.texts import QT_TRANSLATE_NOOP, translate


class InvalidIdentifier(ValueError):
    """A value a rule refuses: ``message`` (a marked Russian text, a template when ``values`` fill it) in
    the interface's language (``sync.texts``: Russian on the server)."""

    def __init__(self, field: str, message: str, **values: object) -> None:
        text = translate("SharedRules", message)
        text = text.format(**values) if values else text
        super().__init__(text)
        self.field, self.message = field, text


_SPACES = re.compile(r"\s+")
# what people type between the groups of a number: spaces and every kind of dash (NFKC has already
# made a full-width «－» a «-»)
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015\u2212\u00ad]+")
_ASCII_DIGITS = re.compile(r"[0-9]+")


def normal_text(value: str) -> str:
    """``value`` in Unicode NFKC with any decimal digit (Arabic-Indic, Devanagari …) as its ASCII one:
    the form every identifier is checked and stored in."""
    text = unicodedata.normalize("NFKC", value or "")
    return "".join(str(unicodedata.decimal(c)) if c.isdecimal() and not c.isascii() else c for c in text)


def _compact(value: str) -> str:
    """A number's normal form: :func:`normal_text` without spaces and dashes."""
    return _SEPARATORS.sub("", normal_text(value))


def _all_zero(number: str) -> bool:
    return set(number) == {"0"}


def _stdnum(field: str, validate: Callable[[str], object], number: str, messages: dict[type, str]) -> None:
    """Run a python-stdnum check, answering with our Russian message for each of its exceptions (its
    own messages are English: «The number has an invalid format.»)."""
    try:
        validate(number)
    except ValidationError as exc:
        message = next((text for kind, text in messages.items() if isinstance(exc, kind)), messages[ValidationError])
        raise InvalidIdentifier(field, message) from exc


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
        raise InvalidIdentifier("inn", QT_TRANSLATE_NOOP("SharedRules", "Введите ИНН."))
    if not _ASCII_DIGITS.fullmatch(inn):
        raise InvalidIdentifier("inn", QT_TRANSLATE_NOOP("SharedRules", "ИНН состоит только из цифр."))
    if len(inn) not in (10, 12):
        raise InvalidIdentifier("inn", QT_TRANSLATE_NOOP(
            "SharedRules", "ИНН должен содержать 10 цифр (организация) или 12 цифр (ИП), а введено {count} {digits}."),
            count=len(inn), digits=_digits_word(len(inn)))
    if _all_zero(inn):
        raise InvalidIdentifier("inn", QT_TRANSLATE_NOOP("SharedRules", "ИНН не может состоять из одних нулей."))
    checksum = QT_TRANSLATE_NOOP("SharedRules", "Неверный ИНН: не сходится контрольное число. Проверьте цифры.")
    _stdnum("inn", stdnum_inn.validate, inn, {
        InvalidChecksum: checksum,
        InvalidLength: QT_TRANSLATE_NOOP("SharedRules", "ИНН должен содержать 10 цифр (организация) или 12 цифр (ИП)."),
        InvalidFormat: QT_TRANSLATE_NOOP("SharedRules", "ИНН состоит только из цифр."),
        ValidationError: QT_TRANSLATE_NOOP("SharedRules", "Неверный ИНН. Проверьте цифры.")})
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
        raise InvalidIdentifier("kpp", QT_TRANSLATE_NOOP(
            "SharedRules", "У индивидуального предпринимателя (ИНН из 12 цифр) нет КПП."))
    if len(kpp) != 9:
        raise InvalidIdentifier("kpp", QT_TRANSLATE_NOOP(
            "SharedRules", "КПП должен содержать 9 символов, а введено {count}."), count=len(kpp))
    if _all_zero(kpp):
        raise InvalidIdentifier("kpp", QT_TRANSLATE_NOOP("SharedRules", "КПП не может состоять из одних нулей."))
    if not _KPP.fullmatch(kpp):
        raise InvalidIdentifier("kpp", QT_TRANSLATE_NOOP(
            "SharedRules",
            "Неверный КПП: 4 цифры, затем 2 цифры или латинские буквы, затем 3 цифры (например, 773601001)."))
    return kpp


def validate_ogrn(value: str) -> str:
    """A checked OGRN (13 digits) or OGRNIP (15 digits); "" stays "" (it is optional)."""
    ogrn = _compact(value)
    if not ogrn:
        return ""
    if not _ASCII_DIGITS.fullmatch(ogrn):
        raise InvalidIdentifier("ogrn", QT_TRANSLATE_NOOP("SharedRules", "ОГРН состоит только из цифр."))
    if len(ogrn) not in (13, 15):
        raise InvalidIdentifier("ogrn", QT_TRANSLATE_NOOP(
            "SharedRules", "ОГРН должен содержать 13 цифр (ОГРНИП — 15), а введено {count} {digits}."),
            count=len(ogrn), digits=_digits_word(len(ogrn)))
    if _all_zero(ogrn):
        raise InvalidIdentifier("ogrn", QT_TRANSLATE_NOOP("SharedRules", "ОГРН не может состоять из одних нулей."))
    checksum = QT_TRANSLATE_NOOP("SharedRules", "Неверный ОГРН: не сходится контрольное число. Проверьте цифры.")
    if len(ogrn) == 15:
        # python-stdnum checks an OGRNIP with "% 13" and rejects valid numbers whose remainder is 10-12
        if ogrn[0] not in "34":
            raise InvalidIdentifier("ogrn", QT_TRANSLATE_NOOP(
                "SharedRules", "Неверный ОГРНИП: он начинается с 3 или 4."))
        if int(ogrn[:-1]) % 13 % 10 != int(ogrn[-1]):
            raise InvalidIdentifier("ogrn", checksum)
        return ogrn
    _stdnum("ogrn", stdnum_ogrn.validate, ogrn, {
        InvalidChecksum: checksum,
        InvalidComponent: QT_TRANSLATE_NOOP("SharedRules", "Неверный ОГРН: он не может начинаться с 0."),
        InvalidLength: QT_TRANSLATE_NOOP("SharedRules", "ОГРН должен содержать 13 цифр (ОГРНИП — 15)."),
        InvalidFormat: QT_TRANSLATE_NOOP("SharedRules", "ОГРН состоит только из цифр."),
        ValidationError: QT_TRANSLATE_NOOP("SharedRules", "Неверный ОГРН. Проверьте цифры.")})
    return ogrn


# --- phones (T4) --------------------------------------------------------------------------------

# «добавочный 123», «вн. 123» and the like do not parse; phonenumbers understands «доб.»
_EXTENSION_WORDS = re.compile(r"(?i)\s*(?:добавочный|доп\.?|вн\.?|внутр\.?|доб\.?|ext\.?)\s*(?=\d)")
PHONE_EXAMPLE = "+7 495 123-45-67 доб. 123"


def phone_example() -> str:
    """:data:`PHONE_EXAMPLE` with its extension word in the interface's language."""
    return PHONE_EXAMPLE.replace("доб.", translate("Phone", "доб."))


@dataclass(frozen=True, slots=True)
class Phone:
    number: str  # E.164, e.g. +74951234567
    extension: str = ""

    def display(self) -> str:
        return format_phone(self.number, self.extension)


def parse_phone(value: str) -> Phone:
    """A phone starting +7 (or 8), area code and number, optional extension («доб.»); typed with
    full-width digits or odd spaces it is the same phone."""
    text = " ".join(normal_text(value).split())
    if not text:
        raise InvalidIdentifier("phone", QT_TRANSLATE_NOOP("SharedRules", "Введите телефон."))
    text = _EXTENSION_WORDS.sub(" доб. ", text)
    try:
        parsed = phonenumbers.parse(text, "RU")
    except phonenumbers.NumberParseException as exc:
        raise InvalidIdentifier("phone", QT_TRANSLATE_NOOP("SharedRules", "Неверный телефон. Пример: {example}."),
                                example=phone_example()) from exc
    if parsed.country_code != 7:
        raise InvalidIdentifier("phone", QT_TRANSLATE_NOOP("SharedRules", "Телефон должен начинаться с +7 (или 8)."))
    if not phonenumbers.is_valid_number(parsed):
        raise InvalidIdentifier("phone", QT_TRANSLATE_NOOP(
            "SharedRules", "Неверный телефон: нужны код города или оператора и номер, всего 10 цифр после +7. "
                           "Пример: {example}."), example=phone_example())
    extension = parsed.extension or ""
    if len(extension) > 10:
        raise InvalidIdentifier("phone", QT_TRANSLATE_NOOP("SharedRules", "Добавочный номер — не больше 10 цифр."))
    number = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
    return Phone(number, extension)


def format_phone(number: str, extension: str = "", extension_word: str = "доб.") -> str:
    """How a phone is shown, everywhere: «+7 4852 75-25-29 доб. 123» — split by its real area code (3, 4 or
    5 digits, :mod:`sync.phone_areas`); phonenumbers' grouping (it writes «ext.», and knows only the
    3-digit zones of Russia) for everything else."""
    if not number:
        return ""
    try:
        parsed = phonenumbers.parse(number, "RU")
    except phonenumbers.NumberParseException:
        text = number
    else:
        text = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
        national = phonenumbers.national_significant_number(parsed)
        if parsed.country_code == 7 and len(national) == 10 and (size := area_code_length(national)) > 3:
            local = national[size:]
            text = f"+7 {national[:size]} {local[:-4]}-{local[-4:-2]}-{local[-2:]}"
    return f"{text} {extension_word} {extension}" if extension else text


# --- e-mail (T4) --------------------------------------------------------------------------------


def normalize_email(value: str) -> str:
    """A checked e-mail address of the form name@domain.zone (an IDN domain such as почта.рф is fine),
    lower-cased (mail systems ignore case in practice, and one person must not become two contacts).
    Deliverability is not checked: the client works offline. An address has no spaces, so any typed
    into it are dropped; full-width letters and «＠» are the usual ones (NFKC)."""
    text = _SPACES.sub("", normal_text(value))
    if not text:
        raise InvalidIdentifier("email", QT_TRANSLATE_NOOP("SharedRules", "Введите адрес электронной почты."))
    try:
        return validate_email(text, check_deliverability=False).normalized.lower()
    except EmailNotValidError as exc:
        raise InvalidIdentifier("email", QT_TRANSLATE_NOOP(
            "SharedRules", "Неверный адрес электронной почты: нужен вид имя@домен.зона.")) from exc


# --- duplicates (T5) ----------------------------------------------------------------------------


def organization_key(inn: str, kpp: str) -> tuple[str, str]:
    """An organization is unique by INN + KPP."""
    return _compact(inn), _compact(kpp).upper()


def email_key(email: str) -> str:
    """Two contacts of one organization with this key are the same person ("" = no e-mail)."""
    return _SPACES.sub("", normal_text(email)).casefold()


def phone_key(number: str, extension: str = "") -> str:
    """Two contacts of one organization with this key are the same person ("" = no phone). The same
    switchboard number with different extensions reaches different people."""
    return f"{number};{extension}" if number else ""
