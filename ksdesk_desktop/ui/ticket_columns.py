"""The columns of the ticket lists (N2–N5): their titles, texts and widths, in one place for the
lists (``ui.ticket_list``) and for the first stage of the start (``quick_start.QuickFeed``), which
must show the feed exactly as the real one does. Light: PySide6, ``i18n`` and ``sync.reference`` only.

A column's key is the ``store.ticket_list.SortKey`` value it sorts by.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFontMetrics, QGuiApplication

from ksdesk_desktop.i18n import labels
from ksdesk_desktop.ui.columns import Column, Record
from ksdesk_desktop.ui.table_view import CELL_ROOM, HEADER_ROOM, text_width
from sync.reference import ListKind

# (key, width in the lists, width in the desktop's feed; 0: stretches, absent from the feed: None). A
# column of known values is at least as wide as its widest value (issue 22: nothing clipped at 1280×720);
# organization and subject share the rest.
LAYOUT: tuple[tuple[str, int, int | None], ...] = (
    ("number", 120, 125), ("registered", 125, 130), ("organization", 0, 0), ("subject", 0, 0),
    ("status", 115, 130), ("priority", 85, None), ("assignee", 120, None),
)
MIDDLE_ELIDED = ("organization",)  # told apart by their ends: «… Железнодорожного района»
WIDEST_NUMBER = "ОБР-0000-000000"  # sync.numbering's registration numbers
WIDEST_DATE = "00.00.0000 00:00"


def _tr(text: str) -> str:
    return QCoreApplication.translate("TicketListPage", text)  # the lists' own words


def registered(record: Record) -> str:
    """When the ticket was registered, in the operator's time zone; nothing until it is."""
    value = record.get("registered_at")
    if not value:
        return ""
    at = datetime.fromisoformat(str(value)).astimezone()
    return f"{at.day:02}.{at.month:02}.{at.year} {at.hour:02}:{at.minute:02}"  # strftime imports per call


def short_name(full_name: str) -> str:
    """«Петрова Ольга Сергеевна» as a list shows it: «Петрова О. С.» (the full name is its tooltip)."""
    surname, *given = full_name.split()[:3] or [""]
    return " ".join([surname, *(f"{part[0]}." for part in given)])


def ticket_columns(feed: bool) -> list[tuple[str, Column, int]]:
    """(key, column, width) of a list, or of the desktop's feed."""
    statuses, priorities = labels(ListKind.TICKET_STATUS), labels(ListKind.PRIORITY)
    waiting = _tr("Ожидает регистрации")
    metrics = QFontMetrics(QGuiApplication.font())
    fits = {"number": [WIDEST_NUMBER], "registered": [WIDEST_DATE], "status": [*statuses.values(), waiting],
            "priority": list(priorities.values())}
    made = {
        "number": Column(_tr("Номер"), lambda r: str(r.get("registration_number") or r.get("provisional_number")
                                                       or "")),
        "registered": Column(_tr("Дата"), registered),
        "organization": Column(_tr("Организация"), lambda r: str(r.get("organization_name") or "")),
        "subject": Column(_tr("Тема"), lambda r: str(r.get("subject") or "")),
        "status": Column(_tr("Статус"), lambda r: statuses.get(str(r.get("status")), "") if r.get("status")
                         else waiting),
        "priority": Column(_tr("Приоритет"), lambda r: priorities.get(str(r.get("priority")), ""),
                           lambda r: r.get("priority") == "critical"),
        "assignee": Column(_tr("Исполнитель"), lambda r: short_name(str(r.get("assignee_name") or "")),
                           tip=lambda r: str(r.get("assignee_name") or "")),
    }

    def width(key: str, given: int) -> int:
        """At least the title with its sort arrow, and every value of a column of known values."""
        if not given:
            return 0
        return max(given, text_width(metrics, [made[key].title], HEADER_ROOM),
                   text_width(metrics, fits.get(key, []), CELL_ROOM))

    if feed:
        return [(key, made[key], width(key, feed_width)) for key, _width, feed_width in LAYOUT
                if feed_width is not None]
    return [(key, made[key], width(key, given)) for key, given, _feed_width in LAYOUT]
