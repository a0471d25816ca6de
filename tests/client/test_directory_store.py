"""The Clients directory in the cache: offline search (Russian, case-insensitive, word prefix, INN and
KPP), duplicate finding (T5), the customer and contracts of an organization (T6), and the cache
schema step that adds the search index to an existing cache."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from ksdesk_desktop.core.applicant import Applicant, applicant_contact
from ksdesk_desktop.store.db import SCHEMA_MAJOR, SCHEMA_MINOR, LocalStore
from ksdesk_desktop.store.directory import Directory
from ksdesk_desktop.store.replica import Replica
from ksdesk_desktop.store.search import match_query, sort_key, starts_words
from sync.records import Kind
from tests.fixtures.replicas import Node


def names(directory: Directory, ids: list[str]) -> list[str]:
    found = directory.records(Kind.ORGANIZATION, ids)
    return [found[i]["name"] for i in ids]


def test_t2_directory_search_by_name_prefix_is_case_insensitive_in_russian(demo_node: Node) -> None:
    directory = Directory(demo_node.store)
    everything = directory.organization_ids()
    assert len(everything) >= 300  # the demo server is shared by the session's tests
    assert "ПАО СБЕРБАНК" in names(directory, directory.organization_ids("сбер"))
    upper, lower = directory.organization_ids("СБЕРБ"), directory.organization_ids("сберб")
    assert upper == lower and upper
    assert "ООО \"МОТОРИКА\"" in names(directory, directory.organization_ids("мотор"))
    # every word typed must start a word of the name
    assert directory.organization_ids("сбер моторика") == []


def test_t2_directory_search_by_inn_and_kpp_prefix(demo_node: Node) -> None:
    directory = Directory(demo_node.store)
    assert names(directory, directory.organization_ids("7707083893")) == ["ПАО СБЕРБАНК"]
    assert "ПАО СБЕРБАНК" in names(directory, directory.organization_ids("770708"))
    assert "ООО \"ЯНДЕКС\"" in names(directory, directory.organization_ids("770401001"))
    assert directory.organization_ids("0000000000") == []


def test_t2_search_reads_yo_as_ye_and_sorts_names_without_the_legal_form(tmp_path: Path) -> None:
    store = LocalStore(tmp_path / "cache.sqlite")
    replica, directory = Replica(store), Directory(store)
    replica.create(Kind.ORGANIZATION, {"inn": "7707083893", "name": "ООО «Ёлочка»"})
    replica.create(Kind.ORGANIZATION, {"inn": "7719402047", "name": "АО «Альфа»"})
    replica.create(Kind.ORGANIZATION, {"inn": "2309085638", "name": "ИП Борисов"})
    assert names(directory, directory.organization_ids("елоч")) == ["ООО «Ёлочка»"]
    assert names(directory, directory.organization_ids("ЁЛОЧКА")) == ["ООО «Ёлочка»"]
    assert names(directory, directory.organization_ids()) == ["АО «Альфа»", "ИП Борисов", "ООО «Ёлочка»"]
    assert sort_key("ООО «Ёлочка»") == "елочка»"
    assert match_query("  ,; ") is None
    store.close()


def test_t3_contacts_of_an_organization_are_searchable_by_name_email_and_phone(demo_node: Node) -> None:
    directory = Directory(demo_node.store)
    org_id = directory.organization_ids("7707083893")[0]
    contacts = directory.records(Kind.CONTACT, directory.contact_ids(org_id))
    assert contacts, "the demo gives Sberbank contacts"
    person = next(iter(contacts.values()))
    surname = person["full_name"].split()[0]
    assert person["id"] in directory.contact_ids(org_id, surname.lower()[:4])
    if person.get("email"):
        assert person["id"] in directory.contact_ids(org_id, person["email"].split("@")[0])
    if person.get("phone"):
        assert person["id"] in directory.contact_ids(org_id, person["phone"][2:8])  # «495123» without +7


def test_t3_the_applicant_list_matches_word_starts_not_letters_inside_words() -> None:
    """Issue 22: «г» finds «Горбунов», not «Евгения»; the same rule as the FTS search (word prefixes)."""
    assert starts_words("г", "Горбунов Сергей Петрович")
    assert not starts_words("г", "Смирнова Евгения Олеговна")
    assert starts_words("ЕВГ", "Смирнова Евгения Олеговна")  # case folded
    assert starts_words("ан пе", "Петрова Анна Сергеевна")  # every word typed, in any order
    assert not starts_words("ан ив", "Петрова Анна Сергеевна")
    assert starts_words("семен", "Семён Артёмов") and starts_words("", "кто угодно")  # «ё» as «е»; nothing typed


def test_t5_the_record_a_new_one_would_duplicate_is_found_locally(tmp_path: Path) -> None:
    store = LocalStore(tmp_path / "cache.sqlite")
    replica, directory = Replica(store), Directory(store)
    org = replica.create(Kind.ORGANIZATION, {"inn": "7707083893", "kpp": "773601001", "name": "ПАО СБЕРБАНК"})
    branch = replica.create(Kind.ORGANIZATION, {"inn": "7707083893", "kpp": "540602001",
                                                "name": "СИБИРСКИЙ БАНК ПАО СБЕРБАНК"})
    assert directory.find_organization("7707083893", "773601001")["id"] == org
    assert directory.find_organization(" 7707083893 ", "540602001")["id"] == branch
    assert directory.find_organization("7707083893", "773601001", exclude=org) is None
    assert [o["id"] for o in directory.organizations_with_inn("7707083893")] == [branch, org]
    person = replica.create(Kind.CONTACT, {"organization_id": org, "full_name": "Иванов Иван",
                                           "email": "Ivanov@Sberbank.ru", "phone": "+7 495 500-55-50 доб. 7"})
    assert directory.find_contact(org, email="ivanov@sberbank.ru")["id"] == person
    assert directory.find_contact(org, phone="+74955005550", phone_ext="7")["id"] == person
    assert directory.find_contact(org, phone="+74955005550", phone_ext="8") is None
    assert directory.find_contact(branch, email="ivanov@sberbank.ru") is None  # another organization
    store.close()


def test_t6_an_organization_shows_the_customer_whose_contract_it_works_under(demo_node: Node) -> None:
    directory = Directory(demo_node.store)
    organizations = directory.records(Kind.ORGANIZATION, directory.organization_ids())
    under_other = [
        o for o in organizations.values()
        if o.get("customer_id") and (info := directory.customer_of(o)) and info.organization
        and info.organization["id"] != o["id"]
    ]
    assert under_other, "the demo has organizations working under another organization's contract"
    info = directory.customer_of(under_other[0])
    assert info is not None and info.name and info.contracts
    assert all(c.valid_from <= c.valid_to and c.complex_ids for c in info.contracts)
    without = next(o for o in organizations.values() if not o.get("customer_id"))
    assert directory.customer_of(without) is None


def test_s1_cache_step_2_1_indexes_an_existing_cache_for_search(tmp_path: Path) -> None:
    """A 2.0 cache with organizations gets the search columns and index, filled from its records."""
    path = tmp_path / "cache.sqlite"
    store = LocalStore(path)
    Replica(store).create(Kind.ORGANIZATION, {"inn": "7707083893", "name": "ПАО СБЕРБАНК"})
    store.close()
    with sqlite3.connect(path) as conn:  # back to how 2.0 left it
        for table in ("organizations", "contacts"):
            for trigger in ("delete", "update"):
                conn.execute(f"DROP TRIGGER {table}_fts_{trigger}")
            conn.execute(f"DROP TABLE {table}_fts")
            conn.execute(f"DROP INDEX ix_{table}_sort_name")
            conn.execute(f"ALTER TABLE {table} DROP COLUMN sort_name")
            conn.execute(f"ALTER TABLE {table} DROP COLUMN search_text")
        conn.execute("PRAGMA user_version = 2000")
    store = LocalStore(path)
    assert store.schema_version == SCHEMA_MAJOR * 1000 + SCHEMA_MINOR  # and on to the current version
    assert names(Directory(store), Directory(store).organization_ids("сбербанк")) == ["ПАО СБЕРБАНК"]
    store.close()


def test_t3_a_hand_entered_applicant_becomes_one_contact(tmp_path: Path) -> None:
    store = LocalStore(tmp_path / "cache.sqlite")
    replica, directory = Replica(store), Directory(store)
    org = replica.create(Kind.ORGANIZATION, {"inn": "7707083893", "name": "ПАО СБЕРБАНК"})
    first = applicant_contact(replica, directory, org, Applicant("Петров Пётр", phone="8 495 500-55-50 доб. 7"))
    # the same person on the next call, by phone typed differently, now with an e-mail too
    again = applicant_contact(replica, directory, org, Applicant("Петров П.", "Petrov@Sberbank.ru",
                                                                "+7 (495) 500-55-50 добавочный 7"))
    by_email = applicant_contact(replica, directory, org, Applicant("П. Петров", "petrov@sberbank.ru"))
    by_name = applicant_contact(replica, directory, org, Applicant("  петров   пётр "))
    other = applicant_contact(replica, directory, org, Applicant("Петров Пётр", phone="+7 495 500-55-50 доб. 8"))
    assert first == again == by_email == by_name != other
    contact = directory.get(Kind.CONTACT, first)
    assert (contact["full_name"], contact["email"], contact["phone"], contact["phone_ext"]) == (
        "Петров Пётр", "petrov@sberbank.ru", "+74955005550", "7")
    assert len(directory.contact_ids(org)) == 2
    store.close()
