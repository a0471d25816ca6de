"""Contacts of organizations: ФИО, position, e-mail and phone, unique by e-mail and by phone within
their organization (T3, T4, T5)."""

from __future__ import annotations

from datetime import timedelta

from sync.server.demo.catalog import FREE_MAIL
from sync.server.demo.clients import ContactInfo, OrgInfo, synced
from sync.server.demo.common import Rnd, Row, between, cumulative, pick, stream, wpick
from sync.server.demo.names import Person, make_person, pick_position
from sync.server.demo.numbers import make_mobile, make_phone, translit


def contacts_per_org(rnd: Rnd, orgs: list[OrgInfo], count: int) -> list[int]:
    """Every organization gets one contact while they last; the rest go to the busier ones."""
    per_org = [1 if i < count else 0 for i in range(len(orgs))]
    if count > len(orgs):
        cum = cumulative([org.weight for org in orgs])
        indexes = range(len(orgs))
        for _ in range(count - len(orgs)):
            per_org[wpick(rnd, indexes, cum)] += 1
    return per_org


def _email(rnd: Rnd, person: Person, domain: str) -> str:
    surname = translit(person.surname)
    first = translit(person.first)
    initials = first[:1] + translit(person.patronymic)[:1]
    if rnd() < 0.3:
        return f"{surname}{pick(rnd, ('', '.', '_'))}{first[:1]}{between(rnd, 1960, 1999)}@{pick(rnd, FREE_MAIL)}"
    local = pick(rnd, (f"{surname}.{initials}", f"{surname}_{initials}", f"{first[:1]}.{surname}",
                       f"{surname}.{first}", f"{surname}{initials}"))
    return f"{local}@{domain}"


def _phone(rnd: Rnd, org: OrgInfo) -> tuple[str, str]:
    if rnd() < 0.4:
        return make_mobile(rnd), ""
    roll = rnd()
    ext = str(between(rnd, 100, 999)) if roll < 0.3 else str(between(rnd, 10, 99)) if roll < 0.33 else ""
    return make_phone(rnd, org.city.area_code), ext


def _contact(rnd: Rnd, org: OrgInfo, emails: set[str], phones: set[str]) -> tuple[Person, str, str, str]:
    """A new person of ``org`` whose e-mail and phone no other contact of ``org`` has (T5)."""
    while True:
        person = make_person(rnd)
        email = _email(rnd, person, org.domain)
        phone, ext = _phone(rnd, org)
        if email not in emails and phone not in phones:
            emails.add(email)
            phones.add(phone)
            return person, email, phone, ext


def build_contacts(seed: int, orgs: list[OrgInfo], count: int) -> list[Row]:
    rng = stream(seed, "contacts")
    rnd = rng.random
    rows: list[Row] = []
    for org, n in zip(orgs, contacts_per_org(rnd, orgs, count), strict=True):
        emails: set[str] = set()
        phones: set[str] = set()
        for _ in range(n):
            person, email, phone, ext = _contact(rnd, org, emails, phones)
            position = pick_position(rnd)
            created = org.created_at + timedelta(days=between(rnd, 0, 29), seconds=between(rnd, 60, 30_000))
            row = synced(rng, created) | {
                "organization_id": org.id, "full_name": person.full_name, "position": position,
                "email": email, "phone": phone, "phone_ext": ext,
            }
            rows.append(row)
            org.contacts.append(ContactInfo(row["id"], person.full_name, person.short_name, position,  # type: ignore[arg-type]
                                            email, phone, ext))
    return rows
