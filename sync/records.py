"""Synced record kinds and what a client may write in each (shared by client and server).

A kind's name is the API name (glossary). Each kind is declared once, by a :class:`KindSpec` in
``SPECS`` (:func:`register`): the pydantic model of the fields a client may set, whether clients
create it, who may write it (``sync.roles.Access``) and the fields that point at other records.
Everything else (version, change sequence, registration number, author …) is the server's. The
server validates every mutation with these models again.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any, Self

from pydantic import BaseModel, ConfigDict, Field, ValidationError, ValidationInfo, field_validator, model_validator
from pydantic_core import PydanticCustomError

from sync import attachments, identifiers, text, tickets
from sync.numbers import RANGE_ERRORS, ByteCount, SortOrder, out_of_range
from sync.reference import MAX_SUBJECT, MAX_TICKET_TEXT, Channel, Priority, TicketType
from sync.roles import (
    ATTACHMENTS,
    CONTACTS,
    EVERYONE,
    LIST_ITEMS,
    ORGANIZATIONS,
    REFERENCE_ADMINS,
    TICKETS,
    USERS,
    Access,
)
from sync.texts import QT_TRANSLATE_NOOP, translate


class Kind(StrEnum):
    """The product's kinds. A kind registered under another name (a test's throw-away kind) is a
    ``Kind`` too while it is registered: ``Kind("widget")`` then gives it."""

    USER = "user"
    ORGANIZATION = "organization"
    CUSTOMER = "customer"
    CONTACT = "contact"
    SOFTWARE_COMPLEX = "software_complex"
    COMPONENT = "component"
    CONTRACT = "contract"
    LIST_ITEM = "list_item"
    TICKET = "ticket"
    ATTACHMENT = "attachment"
    ACTIVITY = "activity"  # the agent desk's interactions (sync.agent_desk); read-only for clients

    @classmethod
    def _missing_(cls, value: object) -> Kind | None:
        return _EXTRA_KINDS.get(value) if isinstance(value, str) else None


_EXTRA_KINDS: dict[str, Kind] = {}


def _extra_kind(name: str) -> Kind:
    """A ``Kind`` for a name the enum does not list (made as enum pseudo-members are)."""
    member = str.__new__(Kind, name)
    member._name_, member._value_ = name.upper(), name
    return member


class _Data(BaseModel):
    """A kind's writable fields. Every text in them obeys the one text rule (``sync.text``): checked
    here, before any field's own check, so no field can forget it."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    @model_validator(mode="before")
    @classmethod
    def _text(cls, data: Any) -> Any:
        return text.check_fields(data)


RULE_ERROR = "rule"  # pydantic error type of a shared rule: its message is for the operator as is


def _rule_error(exc: identifiers.InvalidIdentifier) -> PydanticCustomError:
    return PydanticCustomError(RULE_ERROR, exc.message, {"field": exc.field})


def _checked(check: Any, value: Any, *args: str) -> Any:
    """``value`` checked and normalised by a rule of ``sync.identifiers``. Only text is: anything else
    (a number, an object …) goes on to pydantic's own type check, which refuses it as a validation
    error (never a TypeError, which would be a 500 on the server); None is an empty value."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        return value
    try:
        return str(check(value, *args))
    except identifiers.InvalidIdentifier as exc:
        raise _rule_error(exc) from exc


def _optional_email(value: Any) -> Any:
    """An e-mail checked by the shared rule, or "" when none was given."""
    if isinstance(value, str) and not value.strip():
        return ""
    return _checked(identifiers.normalize_email, value)


def _phone_parts(phone: str, extension: str) -> tuple[str, str]:
    """A phone in any usual writing (also with «доб. 12» typed into it) as E.164 and extension."""
    try:
        parsed = identifiers.parse_phone(f"{phone} доб. {extension}" if extension else phone)
    except identifiers.InvalidIdentifier as exc:
        raise _rule_error(exc) from exc
    return parsed.number, parsed.extension


# what a value of a field should have been, by pydantic's error type (its own messages are English)
_INT = QT_TRANSLATE_NOOP("SharedRules", "целое число")
_BOOL = QT_TRANSLATE_NOOP("SharedRules", "«да» или «нет»")
_ID = QT_TRANSLATE_NOOP("SharedRules", "идентификатор записи")
_DATE = QT_TRANSLATE_NOOP("SharedRules", "дата (ГГГГ-ММ-ДД)")
_OBJECT = QT_TRANSLATE_NOOP("SharedRules", "объект")
_EXPECTED: dict[str, str] = {
    "string_type": QT_TRANSLATE_NOOP("SharedRules", "текст"), "int_type": _INT, "int_parsing": _INT,
    "int_from_float": _INT, "bool_type": _BOOL, "bool_parsing": _BOOL, "uuid_type": _ID, "uuid_parsing": _ID,
    "uuid_version": _ID, "date_type": _DATE, "date_parsing": _DATE, "date_from_datetime_parsing": _DATE,
    "date_from_datetime_inexact": _DATE, "list_type": QT_TRANSLATE_NOOP("SharedRules", "список"),
    "enum": QT_TRANSLATE_NOOP("SharedRules", "одно из значений списка"), "model_type": _OBJECT, "dict_type": _OBJECT,
}


def explain(exc: ValidationError, model: type[BaseModel]) -> tuple[str | None, str]:
    """The field and the message of a validation failure's first error (never pydantic's English one:
    whatever a client sent, the operator reads Russian — or, on the client, the interface's language)."""
    first = exc.errors()[0]
    kind, ctx = first["type"], first.get("ctx") or {}
    field = ".".join(str(p) for p in first["loc"]) or ctx.get("field") or None
    if kind == RULE_ERROR:
        return field, str(first["msg"])
    info = model.model_fields.get(field or "")
    label = translate("SharedRules", info.title) if info is not None and info.title else field
    return field, _message(kind, ctx, field, label)


def _message(kind: str, ctx: dict[str, Any], field: str | None, label: str | None) -> str:
    if kind == text.TEXT_ERROR:
        if label:
            return translate("SharedRules", "В поле «{label}» недопустимый символ {char}: уберите его.").format(
                label=label, char=ctx["char"])
        return translate("SharedRules", "В записи недопустимый символ {char}: уберите его.").format(char=ctx["char"])
    if kind in ("missing", "string_too_short"):
        return translate("SharedRules", "Заполните поле «{label}».").format(label=label)
    if kind == "string_too_long":
        return translate("SharedRules", "Поле «{label}» длиннее {n} символов.").format(label=label, n=ctx["max_length"])
    if kind in RANGE_ERRORS:
        return out_of_range(str(label), kind, ctx)
    if kind == "extra_forbidden":
        return translate("SharedRules", "Поле «{label}» нельзя задать в этой записи.").format(label=label)
    if kind in _EXPECTED:
        if not field:
            return translate("SharedRules", "Данные записи должны быть набором её полей.")
        return translate("SharedRules", "Поле «{label}»: ожидается {what}.").format(
            label=label, what=translate("SharedRules", _EXPECTED[kind]))
    if field:
        return translate("SharedRules", "Неверное значение поля «{label}».").format(label=label)
    return translate("SharedRules", "Неверные данные записи.")


class OrganizationData(_Data):
    inn: str = Field(max_length=12, title=QT_TRANSLATE_NOOP("SharedRules", "ИНН"))
    kpp: str = Field(default="", max_length=9, title=QT_TRANSLATE_NOOP("SharedRules", "КПП"))
    ogrn: str = Field(default="", max_length=15, title=QT_TRANSLATE_NOOP("SharedRules", "ОГРН"))
    name: str = Field(min_length=1, max_length=500, title=QT_TRANSLATE_NOOP("SharedRules", "Наименование"))
    full_name: str = Field(default="", max_length=1000, title=QT_TRANSLATE_NOOP("SharedRules", "Полное наименование"))
    address: str = Field(default="", max_length=1000, title=QT_TRANSLATE_NOOP("SharedRules", "Адрес"))
    customer_id: uuid.UUID | None = Field(default=None, title=QT_TRANSLATE_NOOP("SharedRules", "Заказчик"))

    @field_validator("inn", mode="before")
    @classmethod
    def _inn(cls, value: Any) -> Any:
        return _checked(identifiers.validate_inn, value)

    @field_validator("kpp", mode="before")
    @classmethod
    def _kpp(cls, value: Any, info: ValidationInfo) -> Any:
        return _checked(identifiers.validate_kpp, value, info.data.get("inn", ""))

    @field_validator("ogrn", mode="before")
    @classmethod
    def _ogrn(cls, value: Any) -> Any:
        return _checked(identifiers.validate_ogrn, value)


class ContactData(_Data):
    organization_id: uuid.UUID = Field(title=QT_TRANSLATE_NOOP("SharedRules", "Организация"))
    full_name: str = Field(min_length=1, max_length=300, title=QT_TRANSLATE_NOOP("SharedRules", "ФИО"))
    position: str = Field(default="", max_length=300, title=QT_TRANSLATE_NOOP("SharedRules", "Должность"))
    email: str = Field(default="", max_length=254, title=QT_TRANSLATE_NOOP("SharedRules", "E-mail"))
    phone: str = Field(default="", max_length=40,
            title=QT_TRANSLATE_NOOP("SharedRules", "Телефон"))  # stored as E.164 (16 at most)
    phone_ext: str = Field(default="", max_length=10, title=QT_TRANSLATE_NOOP("SharedRules", "Добавочный"))

    _email = field_validator("email", mode="before")(_optional_email)

    @model_validator(mode="after")
    def _phone(self) -> Self:
        """A phone in any usual writing becomes E.164 plus extension (also «доб. 12» typed into it)."""
        if self.phone:
            self.phone, self.phone_ext = _phone_parts(self.phone, self.phone_ext)
        elif self.phone_ext:
            raise _rule_error(identifiers.InvalidIdentifier("phone", QT_TRANSLATE_NOOP(
                "SharedRules", "Добавочный номер указан без телефона.")))
        return self


class SoftwareComplexData(_Data):
    code: str = Field(min_length=1, max_length=50, title=QT_TRANSLATE_NOOP("SharedRules", "Код"))
    name: str = Field(min_length=1, max_length=300, title=QT_TRANSLATE_NOOP("SharedRules", "Наименование"))
    sort_order: SortOrder = 0


class ComponentData(_Data):
    complex_id: uuid.UUID = Field(title=QT_TRANSLATE_NOOP("SharedRules", "Программный комплекс"))
    name: str = Field(min_length=1, max_length=300, title=QT_TRANSLATE_NOOP("SharedRules", "Наименование"))
    sort_order: SortOrder = Field(default=0, title=QT_TRANSLATE_NOOP("SharedRules", "Порядок"))


class ContractData(_Data):
    """A customer's contract (T7): valid from one date to another, covering at least one complex."""

    customer_id: uuid.UUID = Field(title=QT_TRANSLATE_NOOP("SharedRules", "Заказчик"))
    number: str = Field(min_length=1, max_length=100, title=QT_TRANSLATE_NOOP("SharedRules", "Номер"))
    partner: str = Field(default="", max_length=500, title=QT_TRANSLATE_NOOP("SharedRules", "Партнёр"))
    valid_from: date = Field(title=QT_TRANSLATE_NOOP("SharedRules", "Действует с"))
    valid_to: date = Field(title=QT_TRANSLATE_NOOP("SharedRules", "Действует по"))
    complex_ids: list[uuid.UUID] = Field(default_factory=list, validate_default=True,
                                         title=QT_TRANSLATE_NOOP("SharedRules", "Программные комплексы"))

    @field_validator("complex_ids")
    @classmethod
    def _complexes(cls, value: list[uuid.UUID]) -> list[uuid.UUID]:
        if not value:
            raise PydanticCustomError(RULE_ERROR, translate(
                "SharedRules", "Укажите хотя бы один программный комплекс контракта."),
                                      {"field": "complex_ids"})
        return sorted(set(value), key=str)  # one order on both sides

    @model_validator(mode="after")
    def _period(self) -> Self:
        if self.valid_from > self.valid_to:
            raise PydanticCustomError(RULE_ERROR, translate(
                "SharedRules", "Дата окончания контракта раньше даты начала."),
                                      {"field": "valid_to"})
        return self


class ListItemData(_Data):
    """A reference list item: its code is fixed (``sync.reference``); labels, order and use may change."""

    label_ru: str = Field(min_length=1, max_length=200, title=QT_TRANSLATE_NOOP("SharedRules", "Наименование"))
    label_en: str = Field(min_length=1, max_length=200, title=QT_TRANSLATE_NOOP("SharedRules", "Наименование (англ.)"))
    sort_order: SortOrder = Field(default=0, title=QT_TRANSLATE_NOOP("SharedRules", "Порядок"))
    is_active: bool = Field(default=True, title=QT_TRANSLATE_NOOP("SharedRules", "Используется"))


class TicketData(_Data):
    """A new ticket from the form «Обращение» (T1–T11): every required field filled, the e-mail and
    phone valid. The server also checks the type against the contracts (T8, ``sync.tickets``) and
    assigns the registration number, status, author and assignee itself."""

    organization_id: uuid.UUID | None = Field(default=None, title=QT_TRANSLATE_NOOP("SharedRules", "Организация"))
    contact_id: uuid.UUID | None = Field(default=None, title=QT_TRANSLATE_NOOP("SharedRules", "Заявитель"))
    applicant_name: str = Field(default="", max_length=300, title=QT_TRANSLATE_NOOP("SharedRules", "Заявитель"))
    email: str = Field(default="", max_length=254, title=QT_TRANSLATE_NOOP("SharedRules", "E-mail"))
    phone: str = Field(default="", max_length=40, title=QT_TRANSLATE_NOOP("SharedRules", "Телефон"))
    phone_ext: str = Field(default="", max_length=10, title=QT_TRANSLATE_NOOP("SharedRules", "Добавочный"))
    complex_id: uuid.UUID | None = Field(default=None, title=QT_TRANSLATE_NOOP("SharedRules", "Программный комплекс"))
    component_id: uuid.UUID | None = Field(default=None, title=QT_TRANSLATE_NOOP("SharedRules", "Компонент"))
    ticket_type: TicketType | None = Field(default=None, title=QT_TRANSLATE_NOOP("SharedRules", "Вид обращения"))
    channel: Channel | None = Field(default=None, title=QT_TRANSLATE_NOOP("SharedRules", "Тип связи"))
    priority: Priority | None = Field(default=None, title=QT_TRANSLATE_NOOP("SharedRules", "Приоритет"))
    system_info: str = Field(default="", max_length=MAX_TICKET_TEXT,
            title=QT_TRANSLATE_NOOP("SharedRules", "Информация о системе"))
    subject: str = Field(default="", max_length=MAX_SUBJECT, title=QT_TRANSLATE_NOOP("SharedRules", "Тема обращения"))
    text: str = Field(default="", max_length=MAX_TICKET_TEXT, title=QT_TRANSLATE_NOOP("SharedRules", "Текст обращения"))
    provisional_number: str | None = Field(default=None, max_length=40,
            title=QT_TRANSLATE_NOOP("SharedRules", "Предварительный номер"))

    _email = field_validator("email", mode="before")(_optional_email)

    @model_validator(mode="after")
    def _complete(self) -> Self:
        missing = tickets.missing_fields(self.model_dump())
        if missing:
            raise PydanticCustomError(RULE_ERROR, tickets.missing_message(missing), {"field": missing[0]})
        self.phone, self.phone_ext = _phone_parts(self.phone, self.phone_ext)
        return self


class TicketUpdateData(_Data):
    """What may change in a registered ticket through sync (creation comes with the ticket form)."""

    subject: str = Field(min_length=1, max_length=MAX_SUBJECT, title=QT_TRANSLATE_NOOP("SharedRules", "Тема обращения"))
    text: str = Field(min_length=1, max_length=MAX_TICKET_TEXT,
            title=QT_TRANSLATE_NOOP("SharedRules", "Текст обращения"))
    system_info: str = Field(default="", max_length=MAX_TICKET_TEXT,
            title=QT_TRANSLATE_NOOP("SharedRules", "Информация о системе"))


class AttachmentData(_Data):
    """A file added to a ticket (T12), as the client describes it before sending the content. The name
    is only a name (``sync.attachments.safe_name``); the server checks the size limit again and stores
    the content by its SHA-256."""

    ticket_id: uuid.UUID = Field(title=QT_TRANSLATE_NOOP("SharedRules", "Обращение"))
    file_name: str = Field(min_length=1, max_length=attachments.MAX_NAME,
            title=QT_TRANSLATE_NOOP("SharedRules", "Имя файла"))
    size: ByteCount = Field(title=QT_TRANSLATE_NOOP("SharedRules", "Размер"))
    sha256: str = Field(pattern=attachments.SHA256_PATTERN, title=QT_TRANSLATE_NOOP("SharedRules", "Контрольная сумма"))
    content_type: str = Field(default=attachments.DEFAULT_CONTENT_TYPE, max_length=200,
                              pattern=attachments.CONTENT_TYPE_PATTERN,
                                      title=QT_TRANSLATE_NOOP("SharedRules", "Тип файла"))

    @field_validator("file_name", mode="before")
    @classmethod
    def _name(cls, value: Any) -> Any:
        return _file_name(value)

    @field_validator("sha256", mode="before")
    @classmethod
    def _sha(cls, value: Any) -> Any:
        return value.strip().lower() if isinstance(value, str) else value


class AttachmentUpdateData(_Data):
    """What may change in an attachment once made: its name (the content is fixed by its SHA-256)."""

    file_name: str = Field(min_length=1, max_length=attachments.MAX_NAME,
            title=QT_TRANSLATE_NOOP("SharedRules", "Имя файла"))

    @field_validator("file_name", mode="before")
    @classmethod
    def _name(cls, value: Any) -> Any:
        return _file_name(value)


def _file_name(value: Any) -> Any:
    return attachments.safe_name(value) if isinstance(value, str) else value


# --- the registry: one declaration per kind ----------------------------------------------------------


@dataclass(frozen=True)
class KindSpec:
    """One kind as both sides know it."""

    kind: str
    update: type[BaseModel] | None = None  # the fields a client may change; None: the server's kind alone
    create: type[BaseModel] | None = None  # the fields of a creation, when not ``update``'s
    creatable: bool = False  # clients make records of it (through the outbox)
    access: Access = EVERYONE  # who may create, change, delete (``sync.roles``)
    # fields that point at a record of another kind (a merged duplicate's id is repointed in all of them)
    references: Mapping[str, Kind] = field(default_factory=dict)

    def model(self, creating: bool) -> type[BaseModel]:
        """The model that checks a creation (``creating``) or a change; only for a writable kind."""
        model = (self.create or self.update) if creating else self.update
        if model is None:
            raise KeyError(self.kind)
        return model


SPECS: dict[str, KindSpec] = {}


def register(spec: KindSpec) -> Kind:
    """Declare a kind (once); returns it as a ``Kind``."""
    if spec.kind in SPECS:
        raise ValueError(f"kind {spec.kind!r} is declared already")
    SPECS[spec.kind] = spec
    if spec.kind not in Kind._value2member_map_:
        _EXTRA_KINDS[spec.kind] = _extra_kind(spec.kind)
    return Kind(spec.kind)


def unregister(kind: str) -> None:
    """Forget a kind declared by :func:`register` (a test's throw-away kind)."""
    del SPECS[kind]
    _EXTRA_KINDS.pop(kind, None)


def spec(kind: str) -> KindSpec:
    """The declaration of ``kind`` (KeyError for a kind nobody declared)."""
    return SPECS[kind]


for _spec in (
    KindSpec(Kind.USER, access=USERS),
    KindSpec(Kind.ORGANIZATION, OrganizationData, creatable=True, access=ORGANIZATIONS,
             references={"customer_id": Kind.CUSTOMER}),
    KindSpec(Kind.CUSTOMER, references={"organization_id": Kind.ORGANIZATION}),
    KindSpec(Kind.CONTACT, ContactData, creatable=True, access=CONTACTS,
             references={"organization_id": Kind.ORGANIZATION}),
    KindSpec(Kind.SOFTWARE_COMPLEX, SoftwareComplexData, creatable=True, access=REFERENCE_ADMINS),
    KindSpec(Kind.COMPONENT, ComponentData, creatable=True, access=REFERENCE_ADMINS,
             references={"complex_id": Kind.SOFTWARE_COMPLEX}),
    KindSpec(Kind.CONTRACT, ContractData, creatable=True, access=REFERENCE_ADMINS,
             references={"customer_id": Kind.CUSTOMER}),
    KindSpec(Kind.LIST_ITEM, ListItemData, access=LIST_ITEMS),  # items come with the build (sync.reference)
    KindSpec(Kind.TICKET, TicketUpdateData, TicketData, creatable=True, access=TICKETS, references={
        "organization_id": Kind.ORGANIZATION, "contact_id": Kind.CONTACT, "complex_id": Kind.SOFTWARE_COMPLEX,
        "component_id": Kind.COMPONENT}),
    KindSpec(Kind.ATTACHMENT, AttachmentUpdateData, AttachmentData, creatable=True, access=ATTACHMENTS,
             references={"ticket_id": Kind.TICKET}),
    # written by the server's channels and the agent desk's API (``/agent/…``), never through a push
    KindSpec(Kind.ACTIVITY, references={
        "ticket_id": Kind.TICKET, "contact_id": Kind.CONTACT, "organization_id": Kind.ORGANIZATION}),
):
    register(_spec)


# --- questions about the registry -------------------------------------------------------------------


def creatable(kind: str) -> bool:
    """Whether clients create records of ``kind`` (through the outbox)."""
    found = SPECS.get(kind)
    return found is not None and found.creatable


def writable(kind: str) -> bool:
    """Whether clients may change records of ``kind`` at all (who may is ``KindSpec.access``)."""
    found = SPECS.get(kind)
    return found is not None and found.update is not None


def references_to(kind: str) -> list[str]:
    """The fields, in any kind, that point at a record of ``kind`` (a merged duplicate's id is
    repointed in all of them)."""
    return sorted({name for s in list(SPECS.values()) for name, target in s.references.items() if target == kind})


def model_for(kind: Kind, creating: bool) -> type[BaseModel]:
    """The model that checks a creation (``creating``) or a change of ``kind``."""
    return SPECS[kind].model(creating)
