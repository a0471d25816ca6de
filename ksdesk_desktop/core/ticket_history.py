"""A ticket's history as its card shows it (N5), without Qt.

The server's history (``GET /tickets/{id}/history``) is the source of truth. Offline, or for a ticket
not on the server yet, :func:`cached_history` makes entries of the same shape from what the cache
knows: the ticket's creation here (while it waits to be sent), its registration and its files.
:func:`history_lines` turns either into lines «дата время — кто — что», newest first, in the words of
a :class:`Wording`: Russian as written here by default; the card hands in Qt's translator and the
labels of list codes (:func:`list_labels`) in the interface's language.
Run :func:`cached_history` and :func:`list_labels` on a worker (they read the cache).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, tzinfo
from typing import Any

from ksdesk_desktop.store.db import LocalStore
from ksdesk_desktop.store.directory import Directory
from ksdesk_desktop.store.ticket_facts import ticket_facts
from sync.protocol import HistoryAction, HistoryEntry
from sync.records import Kind, TicketData
from sync.reference import LIST_ITEMS, ListKind
from sync.texts import QT_TRANSLATE_NOOP
from sync.workflow import DELIVERY_LABELS, LABELS, LINE_LABELS, MAIL_LABELS, Action

ACTIONS = frozenset(a.value for a in Action)  # W3: the ticket's actions, recorded under their names
CREATED = "created"  # only in the cache's history: made on this computer, not yet registered
# The history's own words are translated in the context "TicketHistory" (written out in each call for lupdate).
ACTIONS_CONTEXT = "TicketActions"  # an action is named in the history as on its button
FIELD_CONTEXT = "SharedRules"  # field titles are the shared ticket model's, translated as its messages are
# titles of fields only the server sets (not in TicketData)
SERVER_FIELDS = {"status": QT_TRANSLATE_NOOP("SharedRules", "Статус"),
                 "route": QT_TRANSLATE_NOOP("SharedRules", "Маршрут"),
                 "assignee_id": QT_TRANSLATE_NOOP("SharedRules", "Исполнитель")}
LIST_FIELDS = {"ticket_type": ListKind.TICKET_TYPE, "channel": ListKind.CHANNEL, "priority": ListKind.PRIORITY,
               "status": ListKind.TICKET_STATUS}  # fields whose values are codes of a reference list

Translate = Callable[[str, str], str]
"""``QCoreApplication.translate``'s shape: (context, Russian source text) → the text to show."""


def untranslated(_context: str, text: str) -> str:
    return text


_WORDS = (  # the shared words of the workflow (sync.workflow) the lines use, declared for lupdate; the
    # actions' own labels are the buttons' (context «TicketActions», declared in ui/ticket_actions.py)
    QT_TRANSLATE_NOOP("TicketHistory", "1-я линия"),
    QT_TRANSLATE_NOOP("TicketHistory", "2-я линия"),
    QT_TRANSLATE_NOOP("TicketHistory", "запрос информации"),
    QT_TRANSLATE_NOOP("TicketHistory", "ответ"),
    QT_TRANSLATE_NOOP("TicketHistory", "решение"),
    QT_TRANSLATE_NOOP("TicketHistory", "обращение зарегистрировано"),
    QT_TRANSLATE_NOOP("TicketHistory", "в очереди"),
    QT_TRANSLATE_NOOP("TicketHistory", "отправлено"),
    QT_TRANSLATE_NOOP("TicketHistory", "не доставлено"),
)


@dataclass(frozen=True)
class Wording:
    """How the lines speak: ``translate`` (Russian as written here unless Qt's translator is handed in)
    and the labels of list codes, {(list kind, code): label} (:func:`list_labels`; the code itself when
    a label is missing)."""

    translate: Translate = untranslated
    labels: Mapping[tuple[str, str], str] = field(default_factory=dict)

    def title(self, name: str) -> str:
        return self.translate(FIELD_CONTEXT, field_title(name))

    def value(self, name: str, code: Any) -> str:
        if code is None or code == "":
            return "—"
        kind = LIST_FIELDS.get(name)
        return self.labels.get((kind, str(code)), str(code)) if kind else str(code)


RUSSIAN = Wording()


def field_title(name: str) -> str:
    """«Тема обращения» for ``subject``: the titles of the shared ticket model."""
    info = TicketData.model_fields.get(name)
    return info.title if info is not None and info.title else SERVER_FIELDS.get(name, name)


def list_labels(store: LocalStore, english: bool = False) -> dict[tuple[str, str], str]:
    """The labels of the reference lists' codes as the cache holds them (a supervisor may rename them),
    the built-in ones for what the cache lacks (never synced yet)."""
    key = "label_en" if english else "label_ru"
    labels = {(str(i.kind), i.code): getattr(i, key) for i in LIST_ITEMS}
    (items,) = Directory(store).every(Kind.LIST_ITEM)
    for data in items:
        if data.get("kind") and data.get("code") and data.get(key):
            labels[(str(data["kind"]), str(data["code"]))] = str(data[key])
    return labels


def describe(entry: HistoryEntry, words: Wording = RUSSIAN) -> str:
    """What happened, in the operator's words."""
    changes, translate = entry.changes, words.translate
    if entry.action == HistoryAction.REGISTERED:
        return translate("TicketHistory", "Зарегистрировано, номер %s") % (changes.get("registration_number") or "—")
    if entry.action == HistoryAction.UPDATED:
        return translate("TicketHistory", "Изменено: %s") % ", ".join(_change(name, value, words)
                                                              for name, value in changes.items())
    if entry.action == HistoryAction.ATTACHMENT_ADDED:
        return translate("TicketHistory", "Добавлен файл «%s»") % (changes.get("file_name") or "")
    if entry.action in ACTIONS:
        return _action(Action(entry.action), changes, words)
    if entry.action == HistoryAction.MAIL:
        kind, state = str(changes.get("kind") or ""), str(changes.get("delivery") or "")
        return translate("TicketHistory", "Письмо заявителю (%s) на %s — %s") % (
            translate("TicketHistory", MAIL_LABELS.get(kind, kind)), changes.get("recipient") or "—",
            translate("TicketHistory", DELIVERY_LABELS.get(state, state or "—")))
    if entry.action == CREATED:
        number = changes.get("provisional_number") or "—"
        return translate("TicketHistory", "Создано (предварительный номер %s)") % number
    if entry.action == HistoryAction.ACTIVITY_ADDED:  # the agent desk: a mail or a call joined the ticket
        channel = str(changes.get("channel") or "")
        return translate("TicketHistory", "Активность (%s) от %s: «%s»") % (
            words.value("channel", channel) if channel else "—", changes.get("sender") or "—",
            changes.get("subject") or "")
    if entry.action == HistoryAction.APPLICANT_REPLIED:
        status = changes.get("status")
        moved = f": {_change('status', status, words)}" if isinstance(status, list | tuple) else ""
        return translate("TicketHistory", "Заявитель ответил") + moved
    return entry.action  # a newer server's event: shown as it is named


def _action(action: Action, changes: Mapping[str, Any], words: Wording) -> str:
    """«Запросить информацию: Статус (В работе → На запросе информации), назначено исполнителю — «текст»»."""
    translate = words.translate
    parts = [_change("status", changes["status"], words)] if "status" in changes else []
    route = changes.get("route")
    if isinstance(route, list | tuple):
        lines = " → ".join(translate("TicketHistory", LINE_LABELS.get(str(v), str(v))) for v in route)
        parts.append(f"{words.title('route')} ({lines})")
    assignee = changes.get("assignee_id")
    if isinstance(assignee, list | tuple) and len(assignee) == 2:
        parts.append(translate("TicketHistory", "назначено исполнителю") if assignee[1]
                     else translate("TicketHistory", "исполнитель снят"))
    line = translate(ACTIONS_CONTEXT, LABELS[action]) + (": " + ", ".join(parts) if parts else "")
    text = changes.get("text")
    return f"{line} — «{text}»" if text else line


def _change(name: str, value: Any, words: Wording) -> str:
    """«Тема обращения»; a list's field with its values: «Статус (Зарегистрировано → В работе)»."""
    title = words.title(name)
    if name in LIST_FIELDS and isinstance(value, list | tuple) and len(value) == 2:
        return f"{title} ({words.value(name, value[0])} → {words.value(name, value[1])})"
    return title


def history_line(entry: HistoryEntry, tz: tzinfo | None = None, words: Wording = RUSSIAN) -> str:
    """«05.03.2025 14:07 — Петрова Анна — Добавлен файл «скан.pdf»» (local time unless ``tz``)."""
    at = _aware(entry.at)
    if entry.user_name:
        who = entry.user_name
    elif entry.user_id:
        who = words.translate("TicketHistory", "пользователь не известен")  # a user this computer has not synced yet
    else:
        who = words.translate("TicketHistory", "Система")  # what the server did by itself
    return f"{at.astimezone(tz):%d.%m.%Y %H:%M} — {who} — {describe(entry, words)}"


def history_lines(entries: Iterable[HistoryEntry], tz: tzinfo | None = None, words: Wording = RUSSIAN) -> list[str]:
    """Newest first; events of the same moment keep their order reversed (the later one first)."""
    ordered = sorted(entries, key=lambda e: _aware(e.at))
    return [history_line(e, tz, words) for e in reversed(ordered)]


def _aware(at: datetime) -> datetime:
    return at if at.tzinfo else at.replace(tzinfo=UTC)


def _moment(value: Any) -> datetime | None:
    if not value:
        return None
    try:
        return _aware(datetime.fromisoformat(str(value)))
    except ValueError:
        return None


def cached_history(store: LocalStore, ticket: Mapping[str, Any], me: str = "") -> list[HistoryEntry]:
    """What the cache knows of a ticket's history, oldest first. ``me``: the signed-in user's name,
    the author of what was done here and is not on the server yet."""
    facts = ticket_facts(store, str(ticket["id"]), str(ticket.get("author_id") or ""))
    queued, names = facts.queued_at, facts.names

    def by(user_id: Any, version: Any) -> dict[str, Any]:
        if user_id:
            return {"user_id": user_id, "user_name": str(names.get(str(user_id)) or "")}
        return {"user_name": "" if version else me}  # on the server without an author: the system's

    entries: list[HistoryEntry] = []
    number = ticket.get("registration_number")
    if not number:
        at = _moment(queued) or _moment(ticket.get("created_at")) or datetime.now(UTC)
        entries.append(HistoryEntry(at=at, user_name=me, action=CREATED,
                                    changes={"provisional_number": ticket.get("provisional_number") or ""}))
    else:
        at = _moment(ticket.get("registered_at")) or _moment(ticket.get("created_at")) or datetime.now(UTC)
        entries.append(HistoryEntry(at=at, **by(ticket.get("author_id"), ticket.get("version")),
                                    action=HistoryAction.REGISTERED, changes={"registration_number": number}))
    for file in facts.files:
        at = _moment(file.data.get("created_at")) or _moment(file.kept_at) or entries[0].at
        entries.append(HistoryEntry(at=at, **by(file.data.get("created_by"), file.version),
                                    action=HistoryAction.ATTACHMENT_ADDED,
                                    changes={"file_name": file.data.get("file_name")}))
    return sorted(entries, key=lambda e: e.at)
