"""T2: finding an organization by INN — the local directory first (T5: never a second copy), then
the state registry (EGRUL) through our server; offline, the local directory only. Qt-free: the
dialog runs :func:`lookup_organization` on a worker thread and shows the :class:`Lookup` it returns."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from ksdesk_desktop.core.api_client import ApiClient, ApiError
from ksdesk_desktop.core.texts import organization_label, translate
from ksdesk_desktop.store.directory import Directory
from sync.identifiers import organization_key, validate_inn, validate_kpp
from sync.registry import Party


class Outcome(Enum):
    FOUND = "found"  # one party: fill the form
    CHOOSE = "choose"  # several (head office and branches): the operator picks one
    EXISTS = "exists"  # already in the directory: offer that record instead (T5)
    NOT_FOUND = "not_found"  # the registry does not know the INN
    MANUAL = "manual"  # offline or the registry failed: type the name; verified on sync


@dataclass
class Lookup:
    outcome: Outcome
    message: str = ""
    parties: list[Party] = field(default_factory=list)
    existing: list[dict[str, Any]] = field(default_factory=list)  # local records with this INN (+KPP)
    error_code: str = ""

    def existing_for(self, party: Party) -> dict[str, Any] | None:
        """The directory's record of a registry party, if it has one."""
        key = organization_key(party.inn, party.kpp)
        return next((r for r in self.existing if organization_key(r["inn"], r.get("kpp") or "") == key), None)


def checked(inn: str, kpp: str = "") -> tuple[str, str]:
    """INN and KPP checked by the shared rules before any lookup (raises InvalidIdentifier)."""
    inn = validate_inn(inn)
    return inn, validate_kpp(kpp, inn)


def lookup_organization(inn: str, kpp: str, api: ApiClient | None, directory: Directory,
                        exclude: str | None = None) -> Lookup:
    """Give checked values (:func:`checked`). ``exclude``: the record being edited."""
    known = [r for r in directory.organizations_with_inn(inn) if r["id"] != exclude]
    same = [r for r in known if not kpp or (r.get("kpp") or "") == kpp]
    if same and (kpp or len(same) == 1):
        record = same[0]
        known_as = organization_label(record["name"], record["inn"], record.get("kpp") or "")
        return Lookup(Outcome.EXISTS, translate("Lookup", "Организация уже есть в справочнике: {organization}.").format(
            organization=known_as), existing=same)
    if api is None:
        return _offline(inn, known, translate("Lookup", "Нет связи с сервером."))
    try:
        answer = api.lookup_registry(inn, kpp)
    except ApiError as exc:
        if exc.offline:
            return _offline(inn, known, translate("Lookup", "Нет связи с сервером."))
        return Lookup(Outcome.MANUAL, exc.message, existing=known, error_code=exc.code)
    if not answer.parties:
        message = translate("Lookup", "Организация с ИНН {inn} и КПП {kpp} не найдена в ЕГРЮЛ. Проверьте ИНН или "
                                      "введите наименование вручную.") if kpp else translate(
            "Lookup", "Организация с ИНН {inn} не найдена в ЕГРЮЛ. Проверьте ИНН или введите наименование вручную.")
        return Lookup(Outcome.NOT_FOUND, message.format(inn=inn, kpp=kpp), existing=known)
    if len(answer.parties) == 1:
        return Lookup(Outcome.FOUND, "", answer.parties, existing=known)
    return Lookup(Outcome.CHOOSE, translate("Lookup", "У ИНН {inn} несколько подразделений (КПП): выберите нужное.")
                  .format(inn=inn), answer.parties, existing=known)


def _offline(inn: str, known: list[dict[str, Any]], reason: str) -> Lookup:
    if known:
        return Lookup(Outcome.EXISTS, reason + " " + translate(
            "Lookup", "В справочнике есть организации с ИНН {inn}: выберите нужную.").format(inn=inn), existing=known)
    return Lookup(Outcome.MANUAL, reason + " " + translate(
        "Lookup", "В справочнике нет организации с ИНН {inn}: введите наименование вручную — при синхронизации оно "
                  "будет проверено в ЕГРЮЛ.").format(inn=inn))
