"""The ticket lists in the cache (N3, N5): Russian full-text search over number, subject, text and
organization (prefix, case, «ё»), filters, every sort order, the tickets available to a user (the
shared rule and its SQL form agree), and the cache schema step that indexes existing tickets."""

from __future__ import annotations

import sqlite3
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from ksdesk_desktop.store.db import SCHEMA_MAJOR, SCHEMA_MINOR, LocalStore
from ksdesk_desktop.store.replica import Replica
from ksdesk_desktop.store.search import match_query
from ksdesk_desktop.store.ticket_list import NOBODY, SortKey, TicketFilter, TicketList
from sync.protocol import ChangesPage, RecordOut
from sync.records import Kind
from sync.tickets import availability
from tests.fixtures.replicas import Node

OPERATOR, OTHER, AUTHOR = str(uuid.uuid4()), str(uuid.uuid4()), str(uuid.uuid4())
ROMASHKA, YOLKA = str(uuid.uuid4()), str(uuid.uuid4())
NOW = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)


class Cache:
    """A client cache filled the way sync fills it: pages of server records."""

    def __init__(self, path: Path) -> None:
        self.store = LocalStore(path)
        self.replica = Replica(self.store)
        self.list = TicketList(self.store)
        self.seq = 0

    def put(self, kind: Kind, record_id: str, **data: Any) -> str:
        self.seq += 1
        self.replica.apply_page(ChangesPage(changes=[RecordOut(kind=kind, id=uuid.UUID(record_id), version=1,
                                                               seq=self.seq, data=data)],
                                            cursor=self.seq, has_more=False))
        return record_id

    def ticket(self, number: int, subject: str, text: str = "", **fields: Any) -> str:
        data = {"registration_number": f"ОБР-2026-{number:06d}", "subject": subject, "text": text,
                "status": "registered", "priority": "normal", "route": "line_1", "author_id": AUTHOR,
                "organization_id": ROMASHKA, "registered_at": (NOW + timedelta(hours=number)).isoformat()}
        data.update(fields)
        return self.put(Kind.TICKET, str(uuid.uuid4()), **data)

    def numbers(self, wanted: TicketFilter) -> list[str]:
        rows = self.list.rows(self.list.ids(wanted))
        return [rows[r]["registration_number"] for r in self.list.ids(wanted)]


@pytest.fixture
def cache(tmp_path: Path) -> Cache:
    cache = Cache(tmp_path / "cache.sqlite")
    cache.put(Kind.USER, OPERATOR, login="op", full_name="Андреева Ольга", role="operator")
    cache.put(Kind.USER, OTHER, login="spec", full_name="Борисов Иван", role="specialist")
    cache.put(Kind.ORGANIZATION, ROMASHKA, inn="7707083893", name="ООО «Ромашка»")
    cache.put(Kind.ORGANIZATION, YOLKA, inn="7719402047", name="АО «Ёлочка»")
    cache.ticket(1, "Обращение по отчёту", "Не формируется отчет 0503317")
    cache.ticket(2, "Ошибка печати", "Принтер не печатает ёлочные игрушки", organization_id=YOLKA,
                 priority="critical", assignee_id=OPERATOR, status="in_progress")
    cache.ticket(3, "ВОПРОС по ОБРАЩЕНИЮ", "", status="closed", priority="low", assignee_id=OTHER)
    return cache


def test_n5_search_finds_obrashchenie_by_prefix_whatever_the_case(cache: Cache) -> None:
    assert cache.numbers(TicketFilter(query="обращ")) == ["ОБР-2026-000003", "ОБР-2026-000001"]
    assert cache.numbers(TicketFilter(query="ОБРАЩ")) == cache.numbers(TicketFilter(query="Обращ"))
    assert cache.numbers(TicketFilter(query="бращ")) == []  # a word's start, not its middle


def test_n5_search_reads_yo_as_ye_in_text_and_query(cache: Cache) -> None:
    assert cache.numbers(TicketFilter(query="елочн")) == ["ОБР-2026-000002"]
    assert cache.numbers(TicketFilter(query="ЁЛОЧН")) == ["ОБР-2026-000002"]
    assert cache.numbers(TicketFilter(query="отчет")) == ["ОБР-2026-000001"]  # «отчёт» in the subject


def test_n5_search_covers_number_organization_and_every_word(cache: Cache) -> None:
    assert cache.numbers(TicketFilter(query="ОБР-2026-000002")) == ["ОБР-2026-000002"]
    assert cache.numbers(TicketFilter(query="3")) == ["ОБР-2026-000003"]  # the number without its zeros
    assert cache.numbers(TicketFilter(query="ромашк")) == ["ОБР-2026-000003", "ОБР-2026-000001"]
    assert cache.numbers(TicketFilter(query="7719402047")) == ["ОБР-2026-000002"]  # the organization's INN
    assert cache.numbers(TicketFilter(query="ромашка отчет")) == ["ОБР-2026-000001"]  # words in two fields
    assert cache.numbers(TicketFilter(query="ромашка принтер")) == []


def test_n5_search_by_a_number_being_typed(cache: Cache) -> None:
    """Words finished by a hyphen match whole, the last one as typed so far: «обр-» is not «обращение»."""
    assert match_query("ОБР-2026-0000") == '"обр" "2026" "0000"*'
    assert match_query("ошибк отчет") == '"ошибк"* "отчет"*'
    assert cache.numbers(TicketFilter(query="обр-2026-00000")) == [
        "ОБР-2026-000003", "ОБР-2026-000002", "ОБР-2026-000001"]
    assert cache.numbers(TicketFilter(query="обр-2026-000001")) == ["ОБР-2026-000001"]
    assert cache.numbers(TicketFilter(query="обращ-")) == []  # «обращ» typed and finished: no such word


def test_n5_search_follows_an_organization_renamed_after_its_tickets(cache: Cache) -> None:
    cache.put(Kind.ORGANIZATION, ROMASHKA, inn="7707083893", name="ООО «Василёк»")
    assert cache.numbers(TicketFilter(query="ромашк")) == []
    assert cache.numbers(TicketFilter(query="василек")) == ["ОБР-2026-000003", "ОБР-2026-000001"]
    later = cache.put(Kind.ORGANIZATION, str(uuid.uuid4()), inn="2309085638", name="ИП Жуков")
    cache.ticket(4, "Новый", organization_id=later)
    assert cache.numbers(TicketFilter(query="жуков")) == ["ОБР-2026-000004"]


def test_n5_filters_by_status_priority_organization_assignee_and_dates(cache: Cache) -> None:
    assert cache.numbers(TicketFilter(statuses=frozenset({"closed"}))) == ["ОБР-2026-000003"]
    assert cache.numbers(TicketFilter(priorities=frozenset({"critical", "low"}))) == [
        "ОБР-2026-000003", "ОБР-2026-000002"]
    assert cache.numbers(TicketFilter(organization="елочка")) == ["ОБР-2026-000002"]
    assert cache.numbers(TicketFilter(organization="отчет")) == []  # only the organization's text
    assert cache.numbers(TicketFilter(assignee_id=OPERATOR)) == ["ОБР-2026-000002"]
    assert cache.numbers(TicketFilter(assignee_id=NOBODY)) == ["ОБР-2026-000001"]
    local_day = (NOW + timedelta(hours=2)).astimezone().date()
    on_day = cache.numbers(TicketFilter(date_from=local_day, date_to=local_day))
    assert "ОБР-2026-000002" in on_day
    assert cache.numbers(TicketFilter(date_from=local_day + timedelta(days=1))) == []
    assert cache.numbers(TicketFilter(date_to=date(2026, 1, 1))) == []
    combined = TicketFilter(query="обращ", statuses=frozenset({"registered"}), assignee_id=NOBODY)
    assert cache.numbers(combined) == ["ОБР-2026-000001"]


def test_n5_every_column_sorts_both_ways(cache: Cache) -> None:
    expected = {
        SortKey.NUMBER: ["ОБР-2026-000001", "ОБР-2026-000002", "ОБР-2026-000003"],
        SortKey.REGISTERED: ["ОБР-2026-000001", "ОБР-2026-000002", "ОБР-2026-000003"],
        SortKey.ORGANIZATION: ["ОБР-2026-000002", "ОБР-2026-000001", "ОБР-2026-000003"],  # Ёлочка < Ромашка
        SortKey.SUBJECT: ["ОБР-2026-000003", "ОБР-2026-000001", "ОБР-2026-000002"],  # вопрос < обращение < ошибка
        SortKey.STATUS: ["ОБР-2026-000001", "ОБР-2026-000002", "ОБР-2026-000003"],  # the list's own order
        SortKey.PRIORITY: ["ОБР-2026-000003", "ОБР-2026-000001", "ОБР-2026-000002"],  # low < normal < critical
        SortKey.ASSIGNEE: ["ОБР-2026-000001", "ОБР-2026-000002", "ОБР-2026-000003"],  # nobody, Андреева, Борисов
    }
    for key, ascending in expected.items():
        assert cache.numbers(TicketFilter(sort=key, descending=False)) == ascending, key
        assert cache.numbers(TicketFilter(sort=key, descending=True)) == ascending[::-1], key


def test_n5_a_ticket_not_yet_registered_heads_the_newest_first_list(cache: Cache) -> None:
    cache.put(Kind.TICKET, str(uuid.uuid4()), provisional_number="ПРЕДВ-AB12-0001", subject="Только что",
              organization_id=ROMASHKA, priority="high")
    rows = cache.list.rows(cache.list.ids(TicketFilter()))
    first = rows[cache.list.ids(TicketFilter())[0]]
    assert first["provisional_number"] == "ПРЕДВ-AB12-0001" and first["registration_number"] is None
    assert first["organization_name"] == "ООО «Ромашка»"
    assert cache.list.ids(TicketFilter(descending=False))[-1] == cache.list.ids(TicketFilter())[0]


def test_n5_the_first_tickets_of_a_list_are_the_start_of_the_whole_list(cache: Cache) -> None:
    """A list shows its first tickets at once and the rest after: ``limit`` must cut the same order."""
    cache.put(Kind.TICKET, str(uuid.uuid4()), provisional_number="ПРЕДВ-AB12-0001", subject="Обращение отсюда",
              organization_id=ROMASHKA)
    for number in range(4, 12):
        cache.ticket(number, f"Обращение {number}", priority=("low", "high")[number % 2])
    for query in ("", "обращ"):
        for key in SortKey:
            for descending in (False, True):
                wanted = TicketFilter(query=query, sort=key, descending=descending)
                whole = cache.list.ids(wanted)
                assert len(whole) >= 9
                for limit in (1, 2, 5, len(whole), len(whole) + 3):
                    assert cache.list.ids(wanted, limit=limit) == whole[:limit], (query, key, descending, limit)


def test_n3_available_documents_are_what_the_shared_rule_says(cache: Cache) -> None:
    cache.ticket(5, "Взята оператором", author_id=OPERATOR, route="line_2", assignee_id=OTHER)
    cache.ticket(6, "На второй линии", route="line_2")
    operator = availability(OPERATOR, "operator")
    assert cache.numbers(TicketFilter(available=operator, sort=SortKey.NUMBER, descending=False)) == [
        "ОБР-2026-000001", "ОБР-2026-000002"]  # W2: his ticket escalated to line 2 has left his list
    specialist = availability(OTHER, "specialist")
    assert cache.numbers(TicketFilter(available=specialist, sort=SortKey.NUMBER, descending=False)) == [
        "ОБР-2026-000005", "ОБР-2026-000006"]  # his closed ticket is done with
    supervisor = availability(str(uuid.uuid4()), "supervisor")
    assert len(cache.numbers(TicketFilter(available=supervisor))) == 4  # every line, closed ones aside


def test_w3_an_operator_moved_to_the_second_line_sees_its_tickets_from_the_cache(cache: Cache) -> None:
    """The line a supervisor set travels in the user's record; an offline start reads it from the cache."""
    cache.ticket(5, "На второй линии", route="line_2")
    assert cache.list.user("op") == (OPERATOR, "operator", None)  # a record from before lines were per user
    cache.put(Kind.USER, OPERATOR, login="op", full_name="Андреева Ольга", role="operator", line="line_2")
    found = cache.list.user("op")
    assert found == (OPERATOR, "operator", "line_2")
    moved = availability(*found)
    assert cache.numbers(TicketFilter(available=moved, sort=SortKey.NUMBER, descending=False)) == [
        "ОБР-2026-000002", "ОБР-2026-000005"]  # its own ticket in work stays; line 1's unassigned one goes


def test_n3_the_sql_form_of_availability_agrees_with_the_rule_on_the_demo(demo_node: Node) -> None:
    tickets = TicketList(demo_node.store)
    records = demo_node.replica.store.engine
    with records.connect() as conn:
        rows = [dict(r._mapping) for r in conn.exec_driver_sql(
            "SELECT rowid, status, assignee_id, author_id, route FROM tickets")]
        users = list(conn.exec_driver_sql("SELECT id, role FROM users"))
    assert len(rows) >= 200 and users
    for user_id, role in users:
        rule = availability(user_id, role)
        expected = sorted(r["rowid"] for r in rows if rule.includes(r))
        assert sorted(tickets.ids(TicketFilter(available=rule))) == expected, role
    assert any(len(tickets.ids(TicketFilter(available=availability(u, r)))) < len(rows) for u, r in users)


def test_n5_cache_step_2_4_indexes_the_tickets_already_cached(tmp_path: Path) -> None:
    cache = Cache(tmp_path / "cache.sqlite")
    cache.put(Kind.ORGANIZATION, ROMASHKA, inn="7707083893", name="ООО «Ромашка»")
    cache.ticket(7, "Отчёт не сдаётся")
    cache.store.close()
    with sqlite3.connect(tmp_path / "cache.sqlite") as conn:  # as a 2.3 cache had it: no index, no copies
        for statement in ("DROP TABLE tickets_fts",
                          "DROP TRIGGER tickets_fts_delete", "DROP TRIGGER tickets_fts_update",
                          "UPDATE tickets SET search_text = NULL, org_text = NULL, priority = NULL, sort_name = NULL",
                          "PRAGMA user_version = 2003"):
            conn.execute(statement)
    reopened = Cache(tmp_path / "cache.sqlite")
    assert reopened.store.schema_version == SCHEMA_MAJOR * 1000 + SCHEMA_MINOR
    assert reopened.numbers(TicketFilter(query="ромашка сдает")) == ["ОБР-2026-000007"]
    assert reopened.numbers(TicketFilter(priorities=frozenset({"normal"}))) == ["ОБР-2026-000007"]
    reopened.store.close()


def test_n5_cache_step_2_5_indexes_each_new_row_once(tmp_path: Path) -> None:
    """2.4 indexed new rows by a trigger; 2.5 drops it and indexes them per written page. A ticket, an
    organization and a contact that arrive after the step are found, once each."""
    cache = Cache(tmp_path / "cache.sqlite")
    cache.put(Kind.ORGANIZATION, ROMASHKA, inn="7707083893", name="ООО «Ромашка»")
    cache.ticket(7, "Отчёт не сдаётся")
    cache.store.close()
    with sqlite3.connect(tmp_path / "cache.sqlite") as conn:  # as 2.4 left it
        for table in ("organizations", "contacts", "tickets"):
            columns = "search_text, org_text" if table == "tickets" else "search_text"
            new = ", ".join(f"new.{c}" for c in columns.split(", "))
            conn.execute(f"CREATE TRIGGER {table}_fts_insert AFTER INSERT ON {table} BEGIN "
                         f"INSERT INTO {table}_fts(rowid, {columns}) VALUES (new.rowid, {new}); END")
        conn.execute("PRAGMA user_version = 2004")
    reopened = Cache(tmp_path / "cache.sqlite")
    reopened.seq = 100
    with sqlite3.connect(tmp_path / "cache.sqlite") as conn:
        assert not conn.execute("SELECT name FROM sqlite_master WHERE name LIKE '%fts_insert'").fetchall()
    reopened.put(Kind.ORGANIZATION, YOLKA, inn="7719402047", name="АО «Ёлочка»")
    reopened.put(Kind.CONTACT, str(uuid.uuid4()), full_name="Сдобнова Анна", organization_id=YOLKA)
    reopened.ticket(8, "Сдача отчёта", organization_id=YOLKA)
    assert reopened.numbers(TicketFilter(query="сда")) == ["ОБР-2026-000008", "ОБР-2026-000007"]
    assert reopened.numbers(TicketFilter(query="елочка")) == ["ОБР-2026-000008"]
    with reopened.store.engine.connect() as conn:
        for table, word in (("organizations", "елочка"), ("contacts", "сдобнова"), ("tickets", "сдача")):
            hits = conn.exec_driver_sql(f"SELECT rowid FROM {table}_fts WHERE {table}_fts MATCH ?", (word,)).all()
            assert len(hits) == 1, table
    reopened.store.close()


def test_n3_cache_step_2_8_finds_a_users_tickets_by_the_indexes_alone(tmp_path: Path) -> None:
    """ПТЗ's three ways in (assigned, registered on the line, waiting on the line) are each answered by a
    covering index, also in a cache made before 2.8 (its author index lacked the line: every ticket the
    operator ever registered was read from the table)."""
    cache = Cache(tmp_path / "cache.sqlite")
    cache.ticket(7, "Отчёт не сдаётся", author_id=OPERATOR)
    cache.store.close()
    with sqlite3.connect(tmp_path / "cache.sqlite") as conn:  # as 2.7 left it
        conn.execute("DROP INDEX ix_tickets_author_id_route_status")
        conn.execute("CREATE INDEX ix_tickets_author_id_status ON tickets (author_id, status)")
        conn.execute("PRAGMA user_version = 2007")
    reopened = Cache(tmp_path / "cache.sqlite")
    assert reopened.store.schema_version == SCHEMA_MAJOR * 1000 + SCHEMA_MINOR
    wanted = TicketFilter(available=availability(OPERATOR, "operator"))
    assert reopened.numbers(wanted) == ["ОБР-2026-000007"]
    sql = str(reopened.list.statement(wanted).compile(compile_kwargs={"literal_binds": True}))
    with reopened.store.engine.connect() as conn:
        names = {row[0] for row in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'index'")}
        plan = [row[3] for row in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql)]
    assert "ix_tickets_author_id_status" not in names
    searches = [step for step in plan if step.startswith("SEARCH available")]
    assert len(searches) >= 3 and all("COVERING INDEX" in step for step in searches), plan
    assert any("ix_tickets_author_id_route_status" in step for step in searches), plan
    reopened.store.close()
