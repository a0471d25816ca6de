"""What a state-registry (EGRUL) lookup returns through our API (T2); shared by client and server.

The server asks the registry provider and answers ``GET /api/v1/registry/parties?inn=…[&kpp=…]``
with :class:`RegistryAnswer`. No party found is an answer with an empty list, not an error.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from pydantic import BaseModel

from sync.texts import QT_TRANSLATE_NOOP


class RegistryStatus(StrEnum):
    """``state.status`` of the provider, plus two marks of our own for directory records."""

    ACTIVE = "ACTIVE"
    LIQUIDATING = "LIQUIDATING"
    LIQUIDATED = "LIQUIDATED"
    REORGANIZING = "REORGANIZING"
    BANKRUPT = "BANKRUPT"
    UNVERIFIED = "UNVERIFIED"  # typed by an operator, not yet checked against the registry
    NOT_FOUND = "NOT_FOUND"  # checked: the registry does not know this INN (+KPP)


STATUS_LABELS_RU: dict[RegistryStatus, str] = {
    RegistryStatus.ACTIVE: QT_TRANSLATE_NOOP("RegistryStatus", "Действующая"),
    RegistryStatus.LIQUIDATING: QT_TRANSLATE_NOOP("RegistryStatus", "Ликвидируется"),
    RegistryStatus.LIQUIDATED: QT_TRANSLATE_NOOP("RegistryStatus", "Ликвидирована"),
    RegistryStatus.REORGANIZING: QT_TRANSLATE_NOOP("RegistryStatus", "Реорганизуется"),
    RegistryStatus.BANKRUPT: QT_TRANSLATE_NOOP("RegistryStatus", "Банкротство"),
    RegistryStatus.UNVERIFIED: QT_TRANSLATE_NOOP("RegistryStatus", "Не проверена в ЕГРЮЛ"),
    RegistryStatus.NOT_FOUND: QT_TRANSLATE_NOOP("RegistryStatus", "Не найдена в ЕГРЮЛ"),
}
# an operator is warned before working with such an organization
CLOSED_STATUSES = frozenset({RegistryStatus.LIQUIDATED, RegistryStatus.LIQUIDATING, RegistryStatus.BANKRUPT})


def status_of(value: str | None) -> RegistryStatus:
    try:
        return RegistryStatus(value or RegistryStatus.UNVERIFIED)
    except ValueError:
        return RegistryStatus.ACTIVE  # a status this build does not know: the provider still lists it


class Party(BaseModel):
    """One organization (or branch, or individual entrepreneur) as the registry knows it."""

    inn: str
    kpp: str = ""
    ogrn: str = ""
    name: str  # short name with legal form («ПАО СБЕРБАНК»)
    full_name: str = ""
    address: str = ""
    status: RegistryStatus = RegistryStatus.ACTIVE
    branch: bool = False  # a branch (its own KPP) rather than the head office
    individual: bool = False  # an individual entrepreneur (12-digit INN, no KPP)
    liquidation_date: date | None = None
    manager: str = ""  # «Генеральный директор Иванов Иван Иванович»

    @property
    def closed(self) -> bool:
        return self.status in CLOSED_STATUSES


class RegistryAnswer(BaseModel):
    parties: list[Party]
    fetched_at: datetime  # when the provider was asked (older than now: served from the server's cache)
    cached: bool = False
