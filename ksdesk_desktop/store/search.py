"""Offline search of the cache (SQLite FTS5): Russian, case-insensitive, by word prefix.

Each searchable kind keeps two derived columns, computed here when a row is written: ``search_text``
(the fields to search, normalised) and ``sort_name`` (how lists sort it). An FTS5 index over
``search_text`` follows the table through triggers. FTS5's ``unicode61`` folds case but not «ё»,
so text and queries are normalised alike: case folded and «ё» read as «е» (platform-notes.md).

Tickets are also found by their organization (N5): their index has a second column, ``org_text``,
a copy of the organization's ``search_text`` kept current by :func:`refresh_org_text`. FTS5 matches
every word of a query in any column, so «ромашка принтер» finds Ромашка's tickets about a printer.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection

from ksdesk_desktop.store.schema import KINDS, Search
from sync.records import Kind

_NUMBER_TAIL = re.compile(r"-0*(\d+)$")
# legal forms that lead most names: a list sorted by «ООО …» would group by legal form, not by name
_LEGAL_FORM = re.compile(
    r"^(?:ООО|ОАО|ЗАО|ПАО|АО|НАО|ИП|ГУП|МУП|ФГУП|ГБУ|ГАУ|МБУ|МАУ|МКУ|ГКУ|ФГБУ|АНО|НКО)\s+", re.IGNORECASE)
_WORD = re.compile(r"\w+")


def normalize(text: str) -> str:
    return text.casefold().replace("ё", "е")


def sort_key(name: str) -> str:
    """«ООО «Ромашка»» sorts as «ромашка»."""
    return normalize(_LEGAL_FORM.sub("", name.strip())).lstrip("«\"' ")


def searched(kind: str) -> Search | None:
    """What search reads of a kind (declared with its cache table); None: not searchable."""
    declared = KINDS.get(kind)
    return declared.search if declared is not None else None


def derived(kind: Kind, data: Mapping[str, Any]) -> dict[str, str | None]:
    """The derived columns of a searchable kind's row."""
    search = searched(kind)
    if search is None:
        return {}
    parts = [str(data.get(name) or "") for name in search.fields]
    if kind is Kind.TICKET:
        number = _NUMBER_TAIL.search(str(data.get("registration_number") or ""))
        if number:
            parts.append(number.group(1))  # «ОБР-2026-000123» is found by «123» too
        name = normalize(str(data.get("subject") or "").strip())
        registered = data.get("registered_at")
        extra = {"registered_at": utc_text(datetime.fromisoformat(registered)) if registered else None}
    else:
        phone = str(data.get("phone") or "")
        if phone.startswith("+7"):
            parts.append(phone[2:])  # the number without the country code: «495…» finds it
        name = sort_key(str(data.get(search.sort_field) or ""))
        extra = {}
    return {"search_text": normalize(" ".join(p for p in parts if p)), "sort_name": name, **extra}


def utc_text(moment: datetime) -> str:
    """An instant as the ticket lists store and compare it: UTC, fixed width («…T07:40:00.000000Z»),
    whatever form the server sent (``+00:00`` or ``Z``)."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def match_query(text: str) -> str | None:
    """An FTS5 query: every word typed must start a word of the record (None: nothing to search).
    Inside a run typed without spaces («ОБР-2025-000123», «северо-запад») the words before the last
    (and the last too, once a hyphen or other sign follows it) were finished and must match whole:
    «обр»* would also take in «обработка» and «обращение», and merging those made a number search over
    100 000 tickets 100 times slower."""
    terms = []
    for run in normalize(text).split():
        words = _WORD.findall(run)
        typing = run[-1].isalnum() or run[-1] == "_"  # the last word is still being typed
        terms += [f'"{word}"*' if typing and i == len(words) - 1 else f'"{word}"' for i, word in enumerate(words)]
    return " ".join(terms) or None


def starts_words(query: str, text: str) -> bool:
    """The search rule in memory, as :func:`match_query` says it to FTS5: every word typed starts a word
    of ``text`` («г» finds «Горбунов», not «Евгения»; «ан пе» finds «Петрова Анна»)."""
    words = _WORD.findall(normalize(text))
    return all(any(w.startswith(typed) for w in words) for typed in _WORD.findall(normalize(query)))


def fts_statements(table: str, columns: tuple[str, ...] = ("search_text",)) -> list[str]:
    """The FTS5 index of a cache table, built from its rows, and the triggers that keep it current
    when a row changes or goes (external content: the index reads the text from the table; never
    VACUUM the cache, which may renumber rowids). New rows are indexed by :func:`indexing_new`, once per
    written page: a trigger per inserted row made the initial sync twice as slow."""
    fts = f"{table}_fts"
    names = ", ".join(columns)
    new = ", ".join(f"new.{c}" for c in columns)
    old = ", ".join(f"old.{c}" for c in columns)
    return [
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {fts} USING fts5({names}, content='{table}', "
        f"content_rowid='rowid', tokenize='unicode61')",
        f"INSERT INTO {fts}({fts}) VALUES ('rebuild')",
        f"CREATE TRIGGER IF NOT EXISTS {table}_fts_delete AFTER DELETE ON {table} BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, {names}) VALUES ('delete', old.rowid, {old}); END",
        f"CREATE TRIGGER IF NOT EXISTS {table}_fts_update AFTER UPDATE OF {names} ON {table} BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, {names}) VALUES ('delete', old.rowid, {old}); "
        f"INSERT INTO {fts}(rowid, {names}) VALUES (new.rowid, {new}); END",
    ]


TICKET_FTS_COLUMNS = ("search_text", "org_text")  # the tickets' index as schema 2.4 made it


@contextmanager
def indexing_new(conn: Connection, kind: Kind, table: str) -> Iterator[None]:
    """Rows the block inserts into the kind's table are added to its FTS index after it, in one
    statement (nothing to do, and nothing read, for a kind without an index). A row inserted gets a
    higher row number than any before it."""
    search = searched(kind)
    columns = search.fts_columns if search is not None else ()
    if not columns:
        yield
        return
    after = int(conn.exec_driver_sql(f"SELECT coalesce(max(rowid), 0) FROM {table}").scalar_one())
    yield
    names = ", ".join(columns)
    conn.exec_driver_sql(f"INSERT INTO {table}_fts(rowid, {names}) SELECT rowid, {names} FROM {table} "
                         "WHERE rowid > ?", (after,))


def org_texts(conn: Connection, organization_ids: Iterable[str]) -> dict[str, str]:
    """The search text of these organizations, for the tickets that point at them."""
    wanted = sorted({i for i in organization_ids if i})
    found: dict[str, str] = {}
    for start in range(0, len(wanted), 500):
        rows = conn.exec_driver_sql(
            f"SELECT id, search_text FROM organizations WHERE id IN ({','.join('?' * len(wanted[start:start + 500]))})",
            tuple(wanted[start:start + 500]))
        found.update({row[0]: row[1] or "" for row in rows})
    return found


def refresh_org_text(conn: Connection, organization_ids: Iterable[str]) -> None:
    """The organizations changed (or tickets were pointed at them): copy their search text into
    their tickets where it differs (a change rewrites only those rows of the index)."""
    wanted = sorted({i for i in organization_ids if i})
    for start in range(0, len(wanted), 500):
        chunk = wanted[start:start + 500]
        conn.exec_driver_sql(
            "UPDATE tickets SET org_text = (SELECT o.search_text FROM organizations o WHERE o.id = "
            f"tickets.organization_id) WHERE organization_id IN ({','.join('?' * len(chunk))}) AND org_text IS NOT "
            "(SELECT o.search_text FROM organizations o WHERE o.id = tickets.organization_id)", tuple(chunk))
