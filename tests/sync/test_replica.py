"""The client's replica and sync engine against a real server (SQLite and PostgreSQL storage): local
changes and their outbox entries in one transaction, push in order exactly once, cursor pull with
tombstones, and conflicts that keep both texts until the operator chooses."""

from __future__ import annotations

import json
from typing import Any

import pytest
from sqlalchemy import select

from ksdesk_desktop.core import sync_engine
from ksdesk_desktop.store.db import INDEXES_DEFERRED
from ksdesk_desktop.store.replica import InvalidChange
from ksdesk_desktop.store.schema import CACHE, EntryState, deferrable_indexes, outbox
from sync.ids import new_id
from sync.protocol import Operation
from sync.records import Kind
from sync.sqlite import json_text
from tests.fixtures.identities import inns
from tests.fixtures.replicas import Node, NodeFactory

_INN = inns("78")


def org(name: str = "ООО «Ромашка»") -> dict[str, Any]:
    return {"inn": next(_INN), "kpp": "780101001", "name": name}


def outbox_rows(node: Node) -> list[Any]:
    with node.store.engine.connect() as conn:
        return list(conn.execute(select(outbox).order_by(outbox.c.seq)).all())


def both_hold_one_record(make_node: NodeFactory) -> tuple[Node, Node, str]:
    """Two clients, both synced with one organization «ООО «Исходное»» (version 1)."""
    a, b = make_node(), make_node()
    record_id = a.replica.create(Kind.ORGANIZATION, org("ООО «Исходное»"))
    a.sync()
    b.sync()
    return a, b, record_id


def test_s2_local_change_and_its_outbox_entry_are_one_transaction(make_node: NodeFactory) -> None:
    a, b = make_node(), make_node()
    record_id = a.replica.create(Kind.ORGANIZATION, org("ООО «Ромашка»"))
    seen = a.replica.get(Kind.ORGANIZATION, record_id)
    assert seen is not None and seen["name"] == "ООО «Ромашка»" and seen["version"] == 0
    [entry] = outbox_rows(a)
    assert (entry.kind, entry.record_id, entry.state, entry.sent) == ("organization", record_id, "pending", False)

    report = a.sync()
    assert (report.pushed, report.applied) == (1, 1)
    assert outbox_rows(a) == []
    assert a.replica.get(Kind.ORGANIZATION, record_id)["version"] == 1  # type: ignore[index]
    b.sync()
    assert b.replica.get(Kind.ORGANIZATION, record_id)["name"] == "ООО «Ромашка»"  # type: ignore[index]


def test_s2_unsent_entry_absorbs_later_changes_and_a_sent_one_does_not(make_node: NodeFactory) -> None:
    a, b = make_node(), make_node()
    first = a.replica.create(Kind.ORGANIZATION, org("ООО «Один»"))
    a.replica.change(Kind.ORGANIZATION, first, {"name": "ООО «Один-2»"})
    a.replica.change(Kind.ORGANIZATION, first, {"address": "г. Москва"})
    assert len(outbox_rows(a)) == 1  # never sent: one entry carries all three changes

    second = a.replica.create(Kind.ORGANIZATION, org("ООО «Два»"))
    batch = a.replica.next_batch(10)  # sent, but the answer was lost
    assert {str(m.record_id) for m in batch} == {first, second}
    a.replica.change(Kind.ORGANIZATION, second, {"name": "ООО «Два-2»"})
    assert len(outbox_rows(a)) == 3  # the server may have seen the sent entry: a new one follows it

    report = a.sync()
    assert report.applied == 3 and outbox_rows(a) == []
    b.sync()
    one, two = b.replica.get(Kind.ORGANIZATION, first), b.replica.get(Kind.ORGANIZATION, second)
    assert one is not None and (one["name"], one["address"], one["version"]) == ("ООО «Один-2»", "г. Москва", 1)
    assert two is not None and (two["name"], two["version"]) == ("ООО «Два-2»", 2)


def test_s2_a_lost_answer_is_repeated_with_the_same_key_and_applied_once(make_node: NodeFactory) -> None:
    a = make_node()
    record_id = a.replica.create(Kind.ORGANIZATION, org())
    batch = a.replica.next_batch(10)
    first = a.api.push(batch)  # the server applied it; pretend the answer never arrived
    assert first.results[0].status == "applied"
    report = a.sync()  # the same key again
    assert report.applied == 1 and outbox_rows(a) == []
    assert a.replica.get(Kind.ORGANIZATION, record_id)["version"] == 1  # type: ignore[index]


def test_s2_bad_change_is_refused_locally_with_a_russian_message(make_node: NodeFactory) -> None:
    a = make_node()
    with pytest.raises(InvalidChange) as caught:
        a.replica.create(Kind.ORGANIZATION, {"inn": "12ab", "name": "ООО"})
    assert caught.value.field == "inn" and caught.value.message == "ИНН состоит только из цифр."
    with pytest.raises(InvalidChange):
        a.replica.create(Kind.ORGANIZATION, {**org(), "version": 7})
    assert outbox_rows(a) == [] and a.replica.count(Kind.ORGANIZATION) == 0


def test_s2_rejected_entry_is_kept_with_the_reason_until_fixed(make_node: NodeFactory) -> None:
    a = make_node()
    a.sync()
    organization = a.replica.create(Kind.ORGANIZATION, org())
    a.sync()
    missing = str(new_id())
    contact = a.replica.create(Kind.CONTACT, {"organization_id": missing, "full_name": "Иванов Иван"})
    report = a.sync()
    assert report.rejected == 1
    [problem] = a.replica.problems()
    assert (problem.state, problem.error_code, problem.record_id) == ("rejected", "not_found", contact)
    assert "не найдена" in (problem.error_message or "")
    assert a.replica.get(Kind.CONTACT, contact)["full_name"] == "Иванов Иван"  # type: ignore[index]
    assert a.sync().rejected == 0  # held back, not sent again and again

    a.replica.change(Kind.CONTACT, contact, {"organization_id": organization})  # the operator fixes it
    assert a.sync().applied == 1
    assert a.replica.problems() == [] and outbox_rows(a) == []
    assert a.replica.get(Kind.CONTACT, contact)["version"] == 1  # type: ignore[index]


def test_s4_concurrent_edit_keeps_both_texts_and_load_takes_the_server_one(make_node: NodeFactory) -> None:
    a, b, record_id = both_hold_one_record(make_node)
    a.replica.change(Kind.ORGANIZATION, record_id, {"name": "ООО «Версия А»"})
    b.replica.change(Kind.ORGANIZATION, record_id, {"name": "ООО «Версия Б»"})
    assert a.sync().applied == 1
    report = b.sync()
    assert report.conflicts == 1
    # both texts survive: B still sees its own, the server's is kept beside it
    assert b.replica.get(Kind.ORGANIZATION, record_id)["name"] == "ООО «Версия Б»"  # type: ignore[index]
    assert b.replica.server_version(Kind.ORGANIZATION, record_id)["name"] == "ООО «Версия А»"  # type: ignore[index]
    [problem] = b.replica.problems()
    assert problem.state == EntryState.CONFLICT
    assert (problem.local["name"], problem.server["name"]) == ("ООО «Версия Б»", "ООО «Версия А»")  # type: ignore[index]
    assert b.sync().conflicts == 0  # waits for the operator

    assert b.replica.revert(Kind.ORGANIZATION, record_id) == 1  # «Загрузить»
    seen = b.replica.get(Kind.ORGANIZATION, record_id)
    assert seen is not None and (seen["name"], seen["version"]) == ("ООО «Версия А»", 2)
    assert outbox_rows(b) == [] and b.replica.problems() == []


def test_s4_keep_mine_overwrites_only_when_the_operator_says_so(make_node: NodeFactory) -> None:
    a, b, record_id = both_hold_one_record(make_node)
    a.replica.change(Kind.ORGANIZATION, record_id, {"name": "ООО «Версия А»"})
    a.sync()
    b.replica.change(Kind.ORGANIZATION, record_id, {"name": "ООО «Версия Б»"})
    b.sync()
    [problem] = b.replica.problems()
    b.replica.keep_mine(problem.key)
    assert b.sync().applied == 1
    a.sync()
    seen = a.replica.get(Kind.ORGANIZATION, record_id)
    assert seen is not None and (seen["name"], seen["version"]) == ("ООО «Версия Б»", 3)


def test_s4_a_pull_never_hides_a_local_change(make_node: NodeFactory) -> None:
    a, b, record_id = both_hold_one_record(make_node)
    a.replica.change(Kind.ORGANIZATION, record_id, {"address": "г. Казань"})  # not yet pushed
    b.replica.change(Kind.ORGANIZATION, record_id, {"name": "ООО «Новое имя»"})
    b.sync()
    report = a.sync()
    assert report.conflicts == 1
    seen = a.replica.get(Kind.ORGANIZATION, record_id)
    assert seen is not None and seen["address"] == "г. Казань"  # the local change stays visible
    assert seen["name"] == "ООО «Новое имя»"  # and the other change arrived around it
    assert a.replica.server_version(Kind.ORGANIZATION, record_id)["address"] == ""  # type: ignore[index]


def test_s3_catch_up_transfers_only_changes_since_the_cursor_and_tombstones_remove_rows(
    make_node: NodeFactory,
) -> None:
    a, boss = make_node(), make_node("boss")
    a.sync()
    boss.sync()
    created = [boss.replica.create(Kind.ORGANIZATION, org(f"ООО «Пока-{i}»")) for i in range(40)]
    boss.sync()
    assert a.sync().pulled == 40
    a_cursor = a.replica.cursor()

    # a week offline: 25 records edited, 5 deleted elsewhere
    for record_id in created[:25]:
        boss.replica.change(Kind.ORGANIZATION, record_id, {"address": "после перерыва"})
    for record_id in created[35:]:
        boss.replica.change(Kind.ORGANIZATION, record_id, {}, Operation.DELETE)
    assert boss.sync().applied == 30

    report = a.sync()
    assert report.pulled == 30, "only the changes since the cursor travel"
    assert a.replica.cursor() > a_cursor
    for record_id in created[35:]:
        assert a.replica.get(Kind.ORGANIZATION, record_id) is None
    assert a.replica.get(Kind.ORGANIZATION, created[0])["address"] == "после перерыва"  # type: ignore[index]
    assert a.sync().pulled == 0


def test_s3_cursor_is_stored_with_each_page(make_node: NodeFactory) -> None:
    boss = make_node("boss")
    boss.sync()
    for i in range(12):
        boss.replica.create(Kind.ORGANIZATION, org(f"ООО «Страница-{i}»"))
    boss.sync()
    a = make_node(page_size=5)
    start_cursor = a.replica.cursor()
    pages: list[int] = []

    class Stop(Exception):
        pass

    def crash_after_two_pages(done: int, total: int) -> None:
        pages.append(done)
        if len(pages) == 2:
            raise Stop  # the process dies between pages

    with pytest.raises(Stop):
        a.engine.sync(progress=crash_after_two_pages)
    assert a.replica.cursor() > start_cursor
    kept = a.replica.cursor()
    with a.store.engine.connect() as conn:
        seqs = [seq for table in CACHE.values() for seq in conn.execute(select(table.c.seq)).scalars()]
    assert len(seqs) == 10 and max(seqs) == kept  # the rows of the two stored pages, nothing after them
    report = a.sync()
    assert report.pages >= 1 and a.replica.cursor() >= kept
    assert a.replica.count(Kind.ORGANIZATION) == boss.replica.count(Kind.ORGANIZATION)


def test_s3_a_long_first_pull_builds_the_secondary_indexes_once_at_its_end(
    make_node: NodeFactory, monkeypatch: pytest.MonkeyPatch,
) -> None:
    boss = make_node("boss")
    boss.sync()
    for i in range(12):
        boss.replica.create(Kind.ORGANIZATION, org(f"ООО «Индекс-{i}»"))
    boss.sync()
    monkeypatch.setattr(sync_engine, "BULK_CHANGES", 10)  # «long»: at least 10 changes to pull
    a = make_node(page_size=5)
    deferred = {str(index.name) for index in deferrable_indexes()}
    seen: list[set[str]] = []

    def indexes(_done: int, _total: int) -> None:  # between pages
        with a.store.engine.connect() as conn:
            seen.append({n for (n,) in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'index'")})

    a.engine.sync(progress=indexes)
    assert len(seen) >= 3 and all(not deferred & names for names in seen), "held back while pulling"
    indexes(0, 0)
    assert deferred <= seen[-1] and a.store.get_meta(INDEXES_DEFERRED) is None, "built at the end"
    assert a.replica.count(Kind.ORGANIZATION) == boss.replica.count(Kind.ORGANIZATION)
    a.replica.create(Kind.ORGANIZATION, org("ООО «Индекс-после»"))
    a.sync()  # a later pull (from a cursor) leaves the indexes alone
    indexes(0, 0)
    assert deferred <= seen[-1]


@pytest.mark.parametrize("value", [
    {"subject": "Не работает «Бюджет» — ошибка", "text": "строка 1\nстрока 2\t\"в кавычках\" \\ \x01\x7f\u2028 ё"},
    {"n": 0, "big": 2**62, "neg": -5, "f": 1.5, "t": True, "f2": False, "none": None},
    {"list": ["a", 1, None, {"k": []}], "empty": {}, "nested": {"ключ": {"значение": [1, 2]}}},
    [], "", "ё",
])
def test_s3_json_columns_are_written_as_compact_json_with_cyrillic_as_is(value: Any) -> None:
    """The text every JSON column is stored as (both sides, and the data of each cached record) is
    exactly what ``json.dumps`` writes compact with Cyrillic as is, and reads back the same."""
    assert json_text(value) == json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    assert json.loads(json_text(value)) == value
