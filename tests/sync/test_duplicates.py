"""T5: no duplicates in the Clients directory. The server enforces uniqueness (organization by
INN+KPP, contact by e-mail or by phone within its organization); records created twice offline merge
into one on sync, and everything that pointed at the duplicate points at the survivor."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
from sqlalchemy import select

from ksdesk_desktop.store.schema import CACHE, outbox
from sync.ids import new_id
from sync.records import Kind
from tests.fixtures.identities import inns
from tests.fixtures.replicas import Node, NodeFactory
from tests.fixtures.servers import ServerProcess
from tests.server.test_sync_protocol import client_for, push

_INN = inns("50")


def cached(node: Node, kind: Kind, **where: str) -> list[dict[str, Any]]:
    table = CACHE[kind]
    stmt = select(table.c.id, table.c.data)
    for column, value in where.items():
        stmt = stmt.where(table.c[column] == value)
    with node.store.engine.connect() as conn:
        return [{**row.data, "id": row.id} for row in conn.execute(stmt)]


def test_t5_organizations_created_offline_on_two_clients_merge_on_sync(make_node: NodeFactory) -> None:
    inn = next(_INN)
    a, b = make_node(), make_node()
    # both offline: the same organization typed on each, and a contact of it on the second
    org_a = a.replica.create(Kind.ORGANIZATION, {"inn": inn, "kpp": "500101001", "name": "ООО «Двойник»"})
    org_b = b.replica.create(Kind.ORGANIZATION, {"inn": inn, "kpp": "500101001", "name": "ООО Двойник",
                                                 "address": "г. Москва, ул. Тверская, д. 1"})
    contact_b = b.replica.create(Kind.CONTACT, {"organization_id": org_b, "full_name": "Петров Пётр",
                                                "email": "petrov@dvoinik.ru"})
    b.replica.change(Kind.ORGANIZATION, org_b, {"full_name": "Общество с ограниченной ответственностью «Двойник»"})

    assert a.sync().applied == 1
    report = b.sync()

    assert report.merged == {org_b: org_a}
    # one organization, with what the second client knew filled in; the contact points at it
    assert [o["id"] for o in cached(b, Kind.ORGANIZATION, inn=inn)] == [org_a]
    [merged] = cached(b, Kind.ORGANIZATION, inn=inn)
    assert merged["name"] == "ООО «Двойник»"  # the existing record wins where both have a value
    assert merged["address"] == "г. Москва, ул. Тверская, д. 1"  # and takes what it lacked
    assert merged["full_name"] == "Общество с ограниченной ответственностью «Двойник»"  # a later edit of the alias
    [contact] = cached(b, Kind.CONTACT, organization_id=org_a)
    assert contact["id"] == contact_b
    with b.store.engine.connect() as conn:
        assert conn.execute(select(outbox)).all() == []
    a.sync()
    assert [c["id"] for c in cached(a, Kind.CONTACT, organization_id=org_a)] == [contact_b]
    assert cached(a, Kind.ORGANIZATION, inn=inn)[0]["full_name"].startswith("Общество")


def test_t5_the_same_contact_by_email_or_phone_merges_into_the_existing_one(make_node: NodeFactory) -> None:
    a, b = make_node(), make_node()
    org_id = a.replica.create(Kind.ORGANIZATION, {"inn": next(_INN), "name": "ООО «Контакты»"})
    first = a.replica.create(Kind.CONTACT, {"organization_id": org_id, "full_name": "Иванова Анна",
                                            "email": "ivanova@kontakty.ru"})
    by_phone = a.replica.create(Kind.CONTACT, {"organization_id": org_id, "full_name": "Сидоров С.",
                                               "phone": "+7 (495) 123-45-67 доб. 12"})
    a.sync()
    b.sync()
    # offline on the second client: the same people typed again, differently
    again = b.replica.create(Kind.CONTACT, {"organization_id": org_id, "full_name": "Анна Иванова",
                                            "email": "Ivanova@Kontakty.RU", "phone": "8 495 765-43-21"})
    same_phone = b.replica.create(Kind.CONTACT, {"organization_id": org_id, "full_name": "Сидоров Семён",
                                                 "phone": "+74951234567 добавочный 12"})
    other_ext = b.replica.create(Kind.CONTACT, {"organization_id": org_id, "full_name": "Секретарь",
                                                "phone": "+7 495 123-45-67 доб. 13"})
    report = b.sync()

    assert report.merged == {again: first, same_phone: by_phone}
    contacts = {c["id"]: c for c in cached(b, Kind.CONTACT, organization_id=org_id)}
    assert set(contacts) == {first, by_phone, other_ext}  # another extension is another person
    assert contacts[first]["full_name"] == "Иванова Анна"
    assert (contacts[first]["phone"], contacts[first]["phone_ext"]) == ("+74957654321", "")  # it had none
    assert (contacts[by_phone]["phone"], contacts[by_phone]["phone_ext"]) == ("+74951234567", "12")


def test_t5_a_change_that_would_duplicate_is_refused_naming_the_existing_record(make_node: NodeFactory) -> None:
    a = make_node()
    inn_one, inn_two = next(_INN), next(_INN)
    a.replica.create(Kind.ORGANIZATION, {"inn": inn_one, "kpp": "500101001", "name": "ООО «Первая»"})
    second = a.replica.create(Kind.ORGANIZATION, {"inn": inn_two, "kpp": "500101001", "name": "ООО «Вторая»"})
    a.sync()

    a.replica.change(Kind.ORGANIZATION, second, {"inn": inn_one})
    assert a.sync().rejected == 1
    [problem] = a.replica.problems()
    assert problem.error_code == "already_exists"
    assert problem.error_message == (
        f"Организация с ИНН {inn_one} и КПП 500101001 уже есть в справочнике: ООО «Первая»."
    )


def test_t5_concurrent_creates_of_one_organization_make_one_record(live_server: ServerProcess) -> None:
    """Twelve clients push the same new organization at the same moment: one is created, the rest
    merge into it (on PostgreSQL the unique index decides the race; SQLite serialises writers)."""
    inn = next(_INN)
    with client_for(live_server) as logged_in:  # one login (twelve at once of one account would be throttled)
        token = logged_in.headers["Authorization"]

    def create(n: int) -> dict[str, Any]:
        with httpx.Client(base_url=str(logged_in.base_url), timeout=20, headers={"Authorization": token}) as client:
            [result] = push(client, {"id": str(new_id()), "kind": "organization", "record_id": str(new_id()),
                                     "data": {"inn": inn, "kpp": "500201001", "name": f"ООО «Гонка-{n}»"}})
        return result

    with ThreadPoolExecutor(max_workers=12) as pool:
        try:
            results = list(pool.map(create, range(12)))
        except AssertionError:
            print("\n".join(live_server.output[-80:]))
            raise
    assert sorted(r["status"] for r in results) == ["applied"] + ["merged"] * 11
    assert len({r["record"]["id"] for r in results}) == 1
