"""N5 without Qt: the lines of a ticket's history as its card shows them, and the history the cache
alone can tell (offline, or for a ticket not on the server yet)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from ksdesk_desktop.core.attachments import LocalFiles, attach
from ksdesk_desktop.core.paths import Paths
from ksdesk_desktop.core.ticket_history import Wording, cached_history, history_lines, list_labels
from ksdesk_desktop.store.db import LocalStore
from ksdesk_desktop.store.replica import Replica
from sync.ids import new_id
from sync.numbering import provisional_number
from sync.protocol import ChangesPage, HistoryEntry, RecordOut
from sync.records import Kind

MSK = timezone(timedelta(hours=3))
AUTHOR = str(new_id())


def at(hour: int, minute: int = 0) -> datetime:
    return datetime(2025, 3, 5, hour, minute, tzinfo=UTC)


def test_n5_history_lines_are_newest_first_with_date_who_and_what() -> None:
    entries = [
        HistoryEntry(at=at(8, 5), user_id=AUTHOR, user_name="Петрова Анна", action="registered",
                     changes={"registration_number": "ОБР-20250305-000042"}),
        HistoryEntry(at=at(8, 5), user_id=AUTHOR, user_name="Петрова Анна", action="attachment_added",
                     changes={"file_name": "скан.pdf"}),
        HistoryEntry(at=at(9, 30), user_id=AUTHOR, user_name="Петрова Анна", action="updated",
                     changes={"subject": ["а", "б"], "text": ["в", "г"]}),
        HistoryEntry(at=at(10), user_id=None, action="closed_by_robot"),
        HistoryEntry(at=at(11), user_id=str(new_id()), action="updated", changes={"system_info": ["", "x"]}),
    ]
    assert history_lines(entries, MSK) == [
        "05.03.2025 14:00 — пользователь не известен — Изменено: Информация о системе",
        "05.03.2025 13:00 — Система — closed_by_robot",
        "05.03.2025 12:30 — Петрова Анна — Изменено: Тема обращения, Текст обращения",
        "05.03.2025 11:05 — Петрова Анна — Добавлен файл «скан.pdf»",
        "05.03.2025 11:05 — Петрова Анна — Зарегистрировано, номер ОБР-20250305-000042",
    ]


def test_n5_cache_history_of_an_unsent_ticket_tells_its_provisional_number_and_files(
    paths: Paths, tmp_path: Path
) -> None:
    store = LocalStore(paths.local_db)
    replica = Replica(store)
    ticket_id = str(new_id())
    number = provisional_number(ticket_id)
    replica.change(Kind.TICKET, ticket_id, {
        "organization_id": str(new_id()), "applicant_name": "Анна Смирнова", "email": "anna@example.ru",
        "phone": "+7 812 555-12-34", "complex_id": str(new_id()), "ticket_type": "consultation", "channel": "email",
        "priority": "high", "subject": "Отчёт", "text": "Не формируется.", "provisional_number": number})
    note = tmp_path / "заметки.txt"
    note.write_text("Повторяется по понедельникам.", encoding="utf-8")
    attach(replica, LocalFiles(store, paths.data / "attachments"), ticket_id, note)
    ticket = replica.get(Kind.TICKET, ticket_id)
    assert ticket is not None

    entries = cached_history(store, ticket, me="Тест op1")
    lines = history_lines(entries, MSK)
    assert [line.split(" — ", 1)[1] for line in lines] == [
        "Тест op1 — Добавлен файл «заметки.txt»",
        f"Тест op1 — Создано (предварительный номер {number})",
    ]
    assert abs(entries[0].at - datetime.now(UTC)) < timedelta(minutes=5)  # when it was saved here
    store.close()


def test_n5_cache_history_of_a_registered_ticket_tells_its_number_and_who(paths: Paths) -> None:
    store = LocalStore(paths.local_db)
    replica = Replica(store)
    ticket_id, attachment_id = str(new_id()), str(new_id())
    number = "ОБР-20250305-000042"
    records = [
        RecordOut(kind=Kind.USER, id=AUTHOR, version=1, seq=1,
                  data={"login": "op1", "full_name": "Петрова Анна", "role": "operator"}),
        RecordOut(kind=Kind.TICKET, id=ticket_id, version=1, seq=2, data={
            "registration_number": number, "status": "registered", "author_id": AUTHOR, "subject": "Отчёт",
            "registered_at": at(8, 5).isoformat(), "created_at": at(8, 5).isoformat()}),
        RecordOut(kind=Kind.ATTACHMENT, id=attachment_id, version=1, seq=3, data={
            "ticket_id": ticket_id, "file_name": "скан.pdf", "size": 10, "sha256": "0" * 64, "complete": True,
            "created_by": AUTHOR, "created_at": at(8, 7).isoformat()}),
        RecordOut(kind=Kind.ATTACHMENT, id=str(new_id()), version=1, seq=4, data={
            "ticket_id": ticket_id, "file_name": "лог.txt", "size": 10, "sha256": "1" * 64, "complete": False,
            "created_by": str(new_id()), "created_at": at(9).isoformat()}),  # by a user not synced here yet
    ]
    replica.apply_page(ChangesPage(changes=records, cursor=4, has_more=False, head=4))
    ticket = replica.get(Kind.TICKET, ticket_id)
    assert ticket is not None

    assert history_lines(cached_history(store, ticket, me="Тест op1"), MSK) == [
        "05.03.2025 12:00 — пользователь не известен — Добавлен файл «лог.txt»",
        "05.03.2025 11:07 — Петрова Анна — Добавлен файл «скан.pdf»",
        f"05.03.2025 11:05 — Петрова Анна — Зарегистрировано, номер {number}",
    ]
    store.close()


def test_n5_history_names_fields_and_list_values_as_the_cache_labels_them(paths: Paths) -> None:
    """Field titles and the history's words go through the translator handed in; the values of list
    fields (status, priority …) take the cache's labels, in English too (a supervisor's renaming wins)."""
    store = LocalStore(paths.local_db)
    renamed = RecordOut(kind=Kind.LIST_ITEM, id=str(new_id()), version=1, seq=1, data={
        "kind": "priority", "code": "high", "label_ru": "Высокий (до 4 ч)", "label_en": "High (4 h)", "sort_order": 3})
    Replica(store).apply_page(ChangesPage(changes=[renamed], cursor=1, has_more=False, head=1))
    entries = [
        HistoryEntry(at=at(8), user_id=AUTHOR, user_name="Петрова Анна", action="updated",
                     changes={"status": ["registered", "in_progress"], "priority": ["normal", "high"],
                              "system_info": ["", "Windows 11"]}),
        HistoryEntry(at=at(9), action="attachment_added", changes={"file_name": "скан.pdf"}),
        HistoryEntry(at=at(10), user_id=str(new_id()), action="registered", changes={"registration_number": "ОБР-1"}),
    ]
    assert history_lines(entries, MSK, Wording(labels=list_labels(store))) == [
        "05.03.2025 13:00 — пользователь не известен — Зарегистрировано, номер ОБР-1",
        "05.03.2025 12:00 — Система — Добавлен файл «скан.pdf»",
        "05.03.2025 11:00 — Петрова Анна — Изменено: Статус (Зарегистрировано → В работе), "
        "Приоритет (Средний → Высокий (до 4 ч)), Информация о системе",
    ]
    english = {
        ("TicketHistory", "Изменено: %s"): "Changed: %s",
        ("TicketHistory", "Добавлен файл «%s»"): "File “%s” added",
        ("TicketHistory", "Зарегистрировано, номер %s"): "Registered, number %s",
        ("TicketHistory", "Система"): "System",
        ("TicketHistory", "пользователь не известен"): "unknown user",
        ("SharedRules", "Статус"): "Status",
        ("SharedRules", "Приоритет"): "Priority",
        ("SharedRules", "Информация о системе"): "System information",
    }
    words = Wording(lambda context, text: english[context, text], list_labels(store, english=True))
    assert history_lines(entries, MSK, words) == [
        "05.03.2025 13:00 — unknown user — Registered, number ОБР-1",
        "05.03.2025 12:00 — System — File “скан.pdf” added",
        "05.03.2025 11:00 — Петрова Анна — Changed: Status (Registered → In progress), Priority (Normal → High (4 h)), "
        "System information",
    ]
    store.close()


def test_a3_history_tells_an_activity_that_joined_and_the_applicants_reply() -> None:
    """The agent desk's entries (issue 18) read as words, not as their codes."""
    entries = [
        HistoryEntry(at=at(9), user_id=None, action="activity_added",
                     changes={"activity_id": str(new_id()), "channel": "email", "direction": "incoming",
                              "sender": "ivanova@romashka.ru", "subject": "Re: ОБР-2026-000042"}),
        HistoryEntry(at=at(9), user_id=None, action="applicant_replied",
                     changes={"status": ["awaiting_info", "in_progress"]}),
    ]
    lines = history_lines(entries, MSK)
    assert lines[1] == "05.03.2025 12:00 — Система — Активность (email) от ivanova@romashka.ru: «Re: ОБР-2026-000042»"
    assert lines[0] == "05.03.2025 12:00 — Система — Заявитель ответил: Статус (awaiting_info → in_progress)"
