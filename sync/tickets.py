"""Rules of the ticket form «Обращение» (T1, T7, T8), shared by the form and the server.

The form colours and limits its fields with these functions; the server checks a created ticket
with the same ones (through :class:`sync.records.TicketData`), so both sides always agree.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any, Protocol

from sync.reference import TicketStatus, TicketType
from sync.roles import Role, line_of
from sync.texts import QT_TRANSLATE_NOOP, translate

# T1: the required fields in the order of the form, with their labels
REQUIRED: dict[str, str] = {
    "organization_id": QT_TRANSLATE_NOOP("SharedRules", "Организация"),
    "applicant_name": QT_TRANSLATE_NOOP("SharedRules", "Заявитель"),
    "email": QT_TRANSLATE_NOOP("SharedRules", "E-mail"),
    "phone": QT_TRANSLATE_NOOP("SharedRules", "Телефон"),
    "complex_id": QT_TRANSLATE_NOOP("SharedRules", "Программный комплекс"),
    "ticket_type": QT_TRANSLATE_NOOP("SharedRules", "Вид обращения"),
    "channel": QT_TRANSLATE_NOOP("SharedRules", "Тип связи"),
    "priority": QT_TRANSLATE_NOOP("SharedRules", "Приоритет"),
    "subject": QT_TRANSLATE_NOOP("SharedRules", "Тема обращения"),
    "text": QT_TRANSLATE_NOOP("SharedRules", "Текст обращения"),
}


def missing_fields(values: Mapping[str, Any]) -> list[str]:
    """The required fields left empty (blank text counts as empty), in the order of the form."""
    return [name for name in REQUIRED if _empty(values.get(name))]


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def missing_message(fields: Iterable[str]) -> str:
    """«Заполните обязательные поля: Организация, Телефон.» — every missing field by its label (in the
    interface's language: ``sync.texts``)."""
    labels = [translate("SharedRules", REQUIRED[f]) for f in fields]
    if len(labels) == 1:
        return translate("SharedRules", "Заполните обязательное поле: {field}.").format(field=labels[0])
    return translate("SharedRules", "Заполните обязательные поля: {fields}.").format(fields=", ".join(labels))


# --- T7 / T8: contracts decide which complexes are green and which types are allowed ------------


@dataclass(frozen=True, slots=True)
class ContractTerms:
    """What a contract says for the form: the days it is valid (both inclusive) and the complexes
    it covers (ids as text)."""

    valid_from: date
    valid_to: date
    complex_ids: frozenset[str]


class Terms(Protocol):
    """Anything that says what a contract covers (read-only: a frozen record will do)."""

    @property
    def valid_from(self) -> date: ...
    @property
    def valid_to(self) -> date: ...
    @property
    def complex_ids(self) -> frozenset[str]: ...


CONTRACT_TIME = timezone(timedelta(hours=3), "MSK")  # contracts are dated in Moscow time (no DST since 2014)


def contract_day(now: datetime | None = None) -> date:
    """The day contracts are judged on, the same for the form and the server wherever they run."""
    return (now or datetime.now(UTC)).astimezone(CONTRACT_TIME).date()


def covered_complexes(contracts: Iterable[Terms], day: date) -> frozenset[str]:
    """T7: the complexes covered on ``day`` by any of the customer's valid contracts (the green ones)."""
    covered: set[str] = set()
    for contract in contracts:
        if contract.valid_from <= day <= contract.valid_to:
            covered |= contract.complex_ids
    return frozenset(covered)


UNCOVERED_TYPES: tuple[TicketType, ...] = (TicketType.CONSULTATION,)
COVERED_TYPES: tuple[TicketType, ...] = (
    TicketType.CONSULTATION, TicketType.BUG, TicketType.ENHANCEMENT, TicketType.CONFIGURATION,
)
NO_CONTRACT_HINT = QT_TRANSLATE_NOOP(
    "SharedRules", "У организации нет действующего контракта: доступен только вид обращения «Консультация».")


def allowed_types(covered: bool) -> tuple[TicketType, ...]:
    """T8: only «Консультация» without a contract covering the chosen complex; all four with one."""
    return COVERED_TYPES if covered else UNCOVERED_TYPES


def type_refusal(ticket_type: str, covered: bool) -> str | None:
    """Why ``ticket_type`` is not allowed (None when it is)."""
    if ticket_type in allowed_types(covered):
        return None
    return translate("SharedRules", "Без действующего контракта на выбранный программный комплекс доступен только "
                                    "вид обращения «Консультация».")


# --- N3: the tickets available to a user («Список доступных документов») --------------------------


@dataclass(frozen=True, slots=True)
class Availability:
    """Which tickets a user works with: those assigned to them, those they registered while the
    ticket stays on their line (W2: an escalated ticket leaves the first line's list), and the
    unassigned ones waiting on ``lines`` (None: every line — a supervisor's view). Closed tickets
    are done with and never listed."""

    user_id: str
    lines: frozenset[str] | None
    hidden_statuses: frozenset[str] = frozenset({TicketStatus.CLOSED.value})

    def includes(self, ticket: Mapping[str, Any]) -> bool:
        if ticket.get("status") in self.hidden_statuses:
            return False
        if self.lines is None or self.user_id == ticket.get("assignee_id"):
            return True
        if ticket.get("route") not in self.lines:
            return False
        return self.user_id == ticket.get("author_id") or not ticket.get("assignee_id")


def availability(user_id: str, role: str, line: str | None = None) -> Availability:
    """N3: what «Список доступных документов» shows to this user (``line``: the one set for them, if any)."""
    if role == Role.SUPERVISOR:
        return Availability(user_id, None)
    if role not in set(Role):  # an unknown role sees only its own tickets
        return Availability(user_id, frozenset())
    return Availability(user_id, frozenset({line_of(role, line).value}))
