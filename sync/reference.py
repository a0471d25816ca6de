"""Fixed reference lists: contact channels, priorities, ticket types, statuses.

Codes are the API and database values (see the glossary); the labels are the Russian (default)
and English UI texts. The server seeds these into ``list_items`` so that the client caches them
like any other reference data.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class TicketType(StrEnum):
    CONSULTATION = "consultation"
    BUG = "bug"
    ENHANCEMENT = "enhancement"
    CONFIGURATION = "configuration"


class Channel(StrEnum):
    PHONE = "phone"
    EMAIL = "email"
    SERVICE_DESK = "service_desk"


class Priority(StrEnum):
    LOW = "low"
    NORMAL = "normal"
    HIGH = "high"
    CRITICAL = "critical"


class TicketStatus(StrEnum):
    DRAFT = "draft"
    REGISTERED = "registered"
    IN_PROGRESS = "in_progress"
    AWAITING_INFO = "awaiting_info"
    RESOLVED = "resolved"
    CLOSED = "closed"


class ListKind(StrEnum):
    TICKET_TYPE = "ticket_type"
    CHANNEL = "channel"
    PRIORITY = "priority"
    TICKET_STATUS = "ticket_status"


@dataclass(frozen=True, slots=True)
class ListItem:
    kind: ListKind
    code: str
    label_ru: str
    label_en: str
    sort_order: int


def _items(kind: ListKind, rows: list[tuple[StrEnum, str, str]]) -> list[ListItem]:
    return [ListItem(kind, str(code), ru, en, i) for i, (code, ru, en) in enumerate(rows, start=1)]


LIST_ITEMS: list[ListItem] = [
    *_items(ListKind.TICKET_TYPE, [
        (TicketType.CONSULTATION, "Консультация", "Consultation"),
        (TicketType.BUG, "Ошибка", "Bug"),
        (TicketType.ENHANCEMENT, "Доработка", "Enhancement"),
        (TicketType.CONFIGURATION, "Настройка", "Configuration"),
    ]),
    *_items(ListKind.CHANNEL, [
        (Channel.PHONE, "Телефон", "Phone"),
        (Channel.EMAIL, "E-mail", "E-mail"),
        (Channel.SERVICE_DESK, "Сервис-Деск", "Service Desk"),
    ]),
    *_items(ListKind.PRIORITY, [
        (Priority.LOW, "Низкий", "Low"),
        (Priority.NORMAL, "Средний", "Normal"),
        (Priority.HIGH, "Высокий", "High"),
        (Priority.CRITICAL, "Критический", "Critical"),
    ]),
    *_items(ListKind.TICKET_STATUS, [
        (TicketStatus.DRAFT, "Черновик", "Draft"),
        (TicketStatus.REGISTERED, "Зарегистрировано", "Registered"),
        (TicketStatus.IN_PROGRESS, "В работе", "In progress"),
        (TicketStatus.AWAITING_INFO, "На запросе информации", "Awaiting information"),
        (TicketStatus.RESOLVED, "Решено", "Resolved"),
        (TicketStatus.CLOSED, "Закрыто", "Closed"),
    ]),
]


def labels(kind: ListKind, english: bool = False) -> dict[str, str]:
    """A built-in list's code → its label, in Russian or (``english``) in English."""
    return {i.code: (i.label_en if english else i.label_ru) for i in LIST_ITEMS if i.kind == kind}


# Field limits shared by the form, the agent desk and the server.
MAX_TEXT_FIELD = 2000  # A5: request title/description and every such text field
MAX_SUBJECT = 250
MAX_TICKET_TEXT = 20000
MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024  # T12
