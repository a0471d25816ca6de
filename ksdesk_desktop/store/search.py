"""Offline search of the cache (SQLite FTS5): Russian, case-insensitive, by word prefix.

Each searchable kind keeps two derived columns, computed here when a row is written: ``search_text``
(the fields to search, normalised) and ``sort_name`` (how lists sort it). An FTS5 index over
``search_text`` follows the table through triggers. FTS5's ``unicode61`` folds case but not «ё»,
so text and queries are normalised alike: case folded and «ё» read as «е» (platform-notes.md).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from sync.records import Kind

SEARCHABLE: dict[Kind, tuple[str, ...]] = {
    Kind.ORGANIZATION: ("name", "full_name", "inn", "kpp", "ogrn"),
    Kind.CONTACT: ("full_name", "position", "email", "phone"),
}
# legal forms that lead most names: a list sorted by «ООО …» would group by legal form, not by name
_LEGAL_FORM = re.compile(
    r"^(?:ООО|ОАО|ЗАО|ПАО|АО|НАО|ИП|ГУП|МУП|ФГУП|ГБУ|ГАУ|МБУ|МАУ|МКУ|ГКУ|ФГБУ|АНО|НКО)\s+", re.IGNORECASE)
_WORD = re.compile(r"\w+")


def normalize(text: str) -> str:
    return text.casefold().replace("ё", "е")


def sort_key(name: str) -> str:
    """«ООО «Ромашка»» sorts as «ромашка»."""
    return normalize(_LEGAL_FORM.sub("", name.strip())).lstrip("«\"' ")


def derived(kind: Kind, data: Mapping[str, Any]) -> dict[str, str]:
    """The derived columns of a searchable kind's row."""
    fields = SEARCHABLE.get(kind)
    if fields is None:
        return {}
    parts = [str(data.get(name) or "") for name in fields]
    phone = str(data.get("phone") or "")
    if phone.startswith("+7"):
        parts.append(phone[2:])  # the number without the country code: «495…» finds it
    name = str(data.get("name") or data.get("full_name") or "")
    return {"search_text": normalize(" ".join(p for p in parts if p)), "sort_name": sort_key(name)}


def match_query(text: str) -> str | None:
    """An FTS5 query: every word typed must start a word of the record (None: nothing to search)."""
    words = _WORD.findall(normalize(text))
    if not words:
        return None
    return " ".join(f'"{word}"*' for word in words)


def fts_statements(table: str) -> list[str]:
    """The FTS5 index of a cache table and the triggers that keep it current (external content:
    the index reads the text from the table; never VACUUM the cache, which may renumber rowids)."""
    fts = f"{table}_fts"
    return [
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {fts} USING fts5(search_text, content='{table}', "
        f"content_rowid='rowid', tokenize='unicode61')",
        f"INSERT INTO {fts}({fts}) VALUES ('rebuild')",
        f"CREATE TRIGGER IF NOT EXISTS {table}_fts_insert AFTER INSERT ON {table} BEGIN "
        f"INSERT INTO {fts}(rowid, search_text) VALUES (new.rowid, new.search_text); END",
        f"CREATE TRIGGER IF NOT EXISTS {table}_fts_delete AFTER DELETE ON {table} BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, search_text) VALUES ('delete', old.rowid, old.search_text); END",
        f"CREATE TRIGGER IF NOT EXISTS {table}_fts_update AFTER UPDATE OF search_text ON {table} BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, search_text) VALUES ('delete', old.rowid, old.search_text); "
        f"INSERT INTO {fts}(rowid, search_text) VALUES (new.rowid, new.search_text); END",
    ]
