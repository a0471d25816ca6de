"""The ticket lists (N2–N5): «Обращение» from the Navigator (every cached ticket), «Список доступных
документов» from the current tasks (those this user works with) and the desktop's «Лента обращений»
(newest first). One widget over the local cache: the query runs on a worker (latest request wins),
the model holds ids and reads rows a page at a time, and every sync that brings tickets refreshes it.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QModelIndex, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QFont, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ksdesk_desktop.core.cache import NOBODY, SortKey, TicketFilter, TicketList
from ksdesk_desktop.i18n import labels
from ksdesk_desktop.ops import Lane, Latest, Op, OpState
from ksdesk_desktop.ui import icons
from ksdesk_desktop.ui.icons import list_icon
from ksdesk_desktop.ui.record_model import FONT, Column, Record, RecordTableModel
from ksdesk_desktop.ui.services import Services
from ksdesk_desktop.ui.table_view import table_view
from ksdesk_desktop.ui.ticket_actions import ListActions
from ksdesk_desktop.ui.ticket_columns import MIDDLE_ELIDED, ticket_columns
from sync.records import Kind
from sync.reference import ListKind, TicketStatus
from sync.tickets import Availability

_NO_DATE = QDate(2000, 1, 1)  # a date edit at its minimum shows «—»: no bound
FIRST = 1000  # a new query shows this many tickets first (a broad search finds most of 100 000)
BUSY_AFTER_MS = 150  # a query not answered by then shows the list's busy bar


class ListMode(enum.Enum):
    ALL = "all"  # N2: «Обращение» in the Navigator
    AVAILABLE = "available"  # N3: «Список доступных документов»
    FEED = "feed"  # N4: «Лента обращений» on the desktop


class TicketTableModel(RecordTableModel[int]):
    """Ticket rows; sorting asks the page to query again (the cache sorts, on a worker)."""

    def __init__(self, columns: list[Column], keys: list[SortKey], load: Callable[..., Any],
                 on_sort: Callable[[SortKey, bool], None], parent: Any = None) -> None:
        super().__init__(columns, load, parent)
        self._keys = keys
        self._on_sort = on_sort
        self._italic = QFont()
        self._italic.setItalic(True)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(self._keys):
            self._on_sort(self._keys[column], order == Qt.SortOrder.DescendingOrder)

    def row_roles(self, record: Record) -> dict[int, Any]:
        return {} if record.get("registration_number") else {FONT: self._italic}  # sent from here, not yet registered


class TicketListPage(QWidget):
    listed = Signal(int)  # how many tickets the last query found (tests and the count label)
    open_requested = Signal(str)  # a ticket's id: open its card
    create_requested = Signal()  # «Создать»: the ticket form

    def __init__(self, services: Services, tickets: TicketList, mode: ListMode, *,
                 scope: Callable[[], Availability | None] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services, self.tickets, self.mode, self.scope = services, tickets, mode, scope
        self.setObjectName({ListMode.ALL: "tickets", ListMode.AVAILABLE: "available_tickets",
                            ListMode.FEED: "ticket_feed"}[mode])
        self._query = Latest(services.tasks, self)
        self._sort, self._descending = SortKey.REGISTERED, True
        layout = QVBoxLayout(self)
        if mode is ListMode.FEED:
            layout.setContentsMargins(0, 0, 0, 0)

        columns = self._columns()
        self.model = TicketTableModel([c for c, _k, _w in columns], [k for _c, k, _w in columns], tickets.rows,
                                      self._sort_by, self)
        widths = {i: w for i, (_c, _k, w) in enumerate(columns) if w}
        stretch = [i for i, (_c, _k, w) in enumerate(columns) if not w]
        middle = [i for i, (_c, k, _w) in enumerate(columns) if k in MIDDLE_ELIDED]
        self.view = table_view(f"{self.objectName()}_view", self.model, stretch, widths, middle)
        self.view.doubleClicked.connect(self._open_at)
        self.view.activated.connect(self._open_at)
        self.context_menu = ListActions(self.view, self._id_at, services, self.open_requested.emit)  # W2, W3
        self.count_label = QLabel(self)
        self.count_label.setObjectName(f"{self.objectName()}_count")
        self.count_label.setVisible(mode is not ListMode.FEED)  # the feed shows rows, not a count
        # P3: a query that takes a while (a re-sort of 100 000) shows that it is under way
        self.busy = QProgressBar(self)
        self.busy.setObjectName(f"{self.objectName()}_busy")
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setMaximumSize(120, 12)
        self.busy.setToolTip(self.tr("Список обновляется…"))
        self.busy.setVisible(False)
        self._busy_after = QTimer(self)
        self._busy_after.setSingleShot(True)
        self._busy_after.setInterval(BUSY_AFTER_MS)
        self._busy_after.timeout.connect(lambda: self.busy.setVisible(self.mode is not ListMode.FEED))
        self._stale = True  # the list must be queried again when it is next shown
        self._shown: TicketFilter | None = None  # what the rows shown answer
        self.complete = False  # the rows shown are every ticket that answers it (not only the first)

        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName(f"{self.objectName()}_search")
        self.search_edit.setPlaceholderText(self.tr("Поиск: номер, тема, текст, организация (Ctrl+F)"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setVisible(mode is not ListMode.FEED)
        self.search_edit.textChanged.connect(self.refresh)
        self.search_edit.returnPressed.connect(self.view.setFocus)
        if mode is not ListMode.FEED:
            title = self.tr("Обращения") if mode is ListMode.ALL else self.tr("Список доступных документов")
            self.title_label = QLabel(f"<h2>{title}</h2>")
            self.title_label.setObjectName(f"{self.objectName()}_title")
            layout.addWidget(self.title_label)
            self.toolbar = QToolBar(self)  # made before its actions: destroyed before them
            self.filters = self._build_filters()
            self._build_toolbar(self.toolbar)
            layout.addWidget(self.toolbar)
            layout.addWidget(self.filters)
            self.filters.setVisible(False)
        layout.addWidget(self.view, 1)
        if mode is not ListMode.FEED:
            footer = QHBoxLayout()
            footer.addWidget(self.count_label)
            footer.addWidget(self.busy)
            footer.addStretch(1)
            layout.addLayout(footer)
        self.view.horizontalHeader().setSortIndicator(1, Qt.SortOrder.DescendingOrder)
        self.view.setSortingEnabled(mode is not ListMode.FEED)  # the feed is always newest first
        services.sync.records_changed.connect(self._records_changed)
        if mode is ListMode.AVAILABLE:
            services.connection.changed.connect(self.refresh)  # whose tasks: known after the login
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        """P3: a list shown is a list to work in — the keyboard goes to its rows."""
        super().showEvent(event)
        if self._stale:
            self.refresh()
        focus = QApplication.focusWidget()
        if self.mode is not ListMode.FEED and (focus is None or not self.isAncestorOf(focus)):
            self.view.setFocus()

    # --- building -------------------------------------------------------------------------------

    def _columns(self) -> list[tuple[Column, SortKey, int]]:
        return [(column, SortKey(key), width) for key, column, width in ticket_columns(
            feed=self.mode is ListMode.FEED)]

    def _action(self, text: str, name: str, shortcut: str, tip: str, icon: str) -> QAction:
        action = QAction(list_icon(icon), text, self)
        action.setObjectName(f"{self.objectName()}_{name}")
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setToolTip(f"{tip} ({QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)})")
        self.addAction(action)
        return action

    def _build_toolbar(self, bar: QToolBar) -> None:
        bar.setObjectName(f"{self.objectName()}_toolbar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        bar.setIconSize(QSize(18, 18))
        self.create_action = self._action(self.tr("Создать"), "create", "Ctrl+N", self.tr("Создать обращение"),
                                          icons.CREATE)
        self.create_action.triggered.connect(self.create_requested)
        self.refresh_action = self._action(self.tr("Обновить"), "refresh", "F5", self.tr("Обновить список"),
                                           icons.REFRESH)
        self.refresh_action.triggered.connect(self.refresh)
        self.open_action = self._action(self.tr("Открыть"), "open", "Ctrl+O", self.tr("Открыть карточку обращения"),
                                        icons.OPEN)
        self.open_action.triggered.connect(self.open_selected)
        self.filter_action = self._action(self.tr("Фильтр"), "filter", "Ctrl+Shift+F",
                                          self.tr("Показать или скрыть фильтр"), icons.FILTER)
        self.filter_action.setCheckable(True)
        self.filter_action.toggled.connect(self._show_filters)
        self.search_action = self._action(self.tr("Поиск"), "search", "Ctrl+F", self.tr("Поиск по обращениям"),
                                          icons.SEARCH)
        self.search_action.triggered.connect(self.focus_search)
        for action in (self.create_action, self.refresh_action, self.open_action, self.filter_action):
            bar.addAction(action)
        bar.addSeparator()
        bar.addAction(self.search_action)
        bar.addWidget(self.search_edit)

    def _build_filters(self) -> QWidget:
        panel = QWidget()
        panel.setObjectName(f"{self.objectName()}_filters")
        rows = QVBoxLayout(panel)
        rows.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("status_filter")
        self.status_filter.addItem(self.tr("Все статусы"), None)
        self.status_filter.addItem(self.tr("Все, кроме закрытых"), "open")
        for code, label in labels(ListKind.TICKET_STATUS).items():
            if code != TicketStatus.DRAFT:
                self.status_filter.addItem(label, code)
        self.priority_filter = QComboBox()
        self.priority_filter.setObjectName("priority_filter")
        self.priority_filter.addItem(self.tr("Любой приоритет"), None)
        for code, label in labels(ListKind.PRIORITY).items():
            self.priority_filter.addItem(label, code)
        self.organization_filter = QLineEdit()
        self.organization_filter.setObjectName("organization_filter")
        self.organization_filter.setPlaceholderText(self.tr("наименование или ИНН"))
        self.organization_filter.setClearButtonEnabled(True)
        self.assignee_filter = QComboBox()
        self.assignee_filter.setObjectName("assignee_filter")
        self.date_from = self._date_edit("date_from")
        self.date_to = self._date_edit("date_to")
        self.reset_button = QPushButton(self.tr("Сбросить"))
        self.reset_button.setObjectName("reset_filters")
        self.reset_button.setToolTip(self.tr("Сбросить фильтр"))
        self.reset_button.clicked.connect(self.reset_filters)
        status_label = QLabel(self.tr("&Статус:"))
        status_label.setBuddy(self.status_filter)
        priority_label = QLabel(self.tr("&Приоритет:"))
        priority_label.setBuddy(self.priority_filter)
        assignee_label = QLabel(self.tr("&Исполнитель:"))
        assignee_label.setBuddy(self.assignee_filter)
        from_label = QLabel(self.tr("&Дата с"))
        from_label.setBuddy(self.date_from)
        to_label = QLabel(self.tr("п&о"))
        to_label.setBuddy(self.date_to)
        self.organization_filter.setMinimumWidth(220)
        organization_label = QLabel(self.tr("Ор&ганизация:"))
        organization_label.setBuddy(self.organization_filter)
        for widget in (status_label, self.status_filter, priority_label, self.priority_filter, assignee_label,
                       self.assignee_filter):
            row.addWidget(widget)
        row.addStretch(1)
        second = QHBoxLayout()
        for widget in (organization_label, self.organization_filter, from_label, self.date_from, to_label,
                       self.date_to, self.reset_button):
            second.addWidget(widget)
        second.setStretchFactor(self.organization_filter, 1)
        rows.addLayout(row)
        rows.addLayout(second)
        for combo in (self.status_filter, self.priority_filter, self.assignee_filter):
            combo.currentIndexChanged.connect(self.refresh)
        self.organization_filter.textChanged.connect(self.refresh)
        self.date_from.dateChanged.connect(self.refresh)
        self.date_to.dateChanged.connect(self.refresh)
        self._fill_assignees()
        return panel

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd.MM.yyyy")
        edit.setMinimumDate(_NO_DATE)
        edit.setSpecialValueText("—")
        edit.setDate(_NO_DATE)
        return edit

    def _fill_assignees(self) -> None:
        tickets = self.tickets
        Op(lambda _s: tickets.users(), Lane.QUERY).success(self._show_assignees).run(self.services.tasks)

    def _show_assignees(self, users: list[tuple[str, str]]) -> None:
        combo = self.assignee_filter
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("Любой исполнитель"), None)
        combo.addItem(self.tr("Не назначен"), NOBODY)
        for user_id, name in users:
            combo.addItem(name, user_id)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)

    # --- querying -------------------------------------------------------------------------------

    def current_filter(self) -> TicketFilter:
        if self.mode is ListMode.FEED:
            return TicketFilter()
        status = self.status_filter.currentData()
        statuses = frozenset(s.value for s in TicketStatus if s is not TicketStatus.CLOSED) if status == "open" \
            else frozenset({status}) if status else frozenset()
        priority = self.priority_filter.currentData()
        start, end = self.date_from.date(), self.date_to.date()
        return TicketFilter(
            query=self.search_edit.text(), statuses=statuses,
            priorities=frozenset({priority}) if priority else frozenset(),
            organization=self.organization_filter.text(), assignee_id=self.assignee_filter.currentData(),
            date_from=None if start == _NO_DATE else date(start.year(), start.month(), start.day()),
            date_to=None if end == _NO_DATE else date(end.year(), end.month(), end.day()),
            sort=self._sort, descending=self._descending,
        )

    def refresh(self) -> None:
        """Query again (on a worker; an older query still running is dropped). A hidden list only
        notes it, and queries when it is shown: at start only the list on screen reads the cache."""
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        wanted = self.current_filter()
        # a new question shows its first tickets at once and the rest after; the same one asked again
        # (a sync brought tickets) is answered whole, so the rows do not shrink and grow under the operator
        first = FIRST if wanted != self._shown else None
        if not self._busy_after.isActive() and not self.busy.isVisible():
            self._busy_after.start()
        self._query.run(Op(self._querying(wanted, first), Lane.QUERY).success(
            lambda ids: self._found(wanted, ids, first)))

    def _querying(self, wanted: TicketFilter, limit: int | None) -> Callable[[OpState], list[int] | None]:
        tickets, scope, available = self.tickets, self.scope, self.mode is ListMode.AVAILABLE

        def query(state: OpState) -> list[int] | None:
            if state.cancelled:  # typed on meanwhile: a newer query is queued behind this one
                return None
            if available:
                rule = scope() if scope is not None else None
                if rule is None:
                    return None  # nobody logged in yet: whose tasks is unknown
                return tickets.ids(replace(wanted, available=rule), limit)
            return tickets.ids(wanted, limit)

        return query

    def _found(self, wanted: TicketFilter, ids: list[int] | None, limit: int | None = None) -> None:
        keep = self.model.id_at(self.view.currentIndex().row())
        shown = self.model.ids
        complete = ids is None or limit is None or len(ids) < limit
        if ids is not None and ids == shown:
            self.model.reload_rows()  # the same tickets: only their fields may have changed
        elif ids is not None and limit is None and wanted == self._shown and ids[:len(shown)] == shown:
            self.model.extend_ids(ids[len(shown):])  # the rest after the first ones
        else:
            self.model.set_ids(ids or [])
            row = self.model.row_of(keep) if keep else -1
            if row >= 0:
                self.view.selectRow(row)
        self._shown = wanted
        self.complete = complete
        if complete:
            self._busy_after.stop()
            self.busy.setVisible(False)
        if ids is None:
            self.count_label.setText(self.tr("Войдите в систему, чтобы увидеть свои задачи."))
        elif complete:
            self.count_label.setText(self.tr("Обращений: %n", "", len(ids)))
        else:
            self.count_label.setText(self.tr("Обращений: %n и более…", "", len(ids)))
            self._query.run(Op(self._querying(wanted, None), Lane.QUERY).success(
                lambda rest: self._found(wanted, rest)))
        self.listed.emit(len(ids or []))

    def seed(self, ids: list[int]) -> None:
        """The answer to the current (unfiltered) filter, listed elsewhere just now (the quick start's
        feed): shown without querying again."""
        self.model.set_ids(ids)
        self._shown, self.complete, self._stale = self.current_filter(), True, False

    def _sort_by(self, key: SortKey, descending: bool) -> None:
        if (key, descending) != (self._sort, self._descending):
            self._sort, self._descending = key, descending
            self.refresh()

    def _records_changed(self, kinds: set[Kind]) -> None:
        if Kind.TICKET in kinds:
            self.refresh()
        if Kind.USER in kinds and self.mode is not ListMode.FEED:
            self._fill_assignees()
        if kinds & {Kind.ORGANIZATION, Kind.USER}:
            self.model.reload_rows()  # names shown beside the tickets

    def _show_filters(self, shown: bool) -> None:
        self.filters.setVisible(shown)
        if shown:
            self.status_filter.setFocus()

    def reset_filters(self) -> None:
        for combo in (self.status_filter, self.priority_filter, self.assignee_filter):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        for edit in (self.date_from, self.date_to):
            edit.blockSignals(True)
            edit.setDate(_NO_DATE)
            edit.blockSignals(False)
        self.organization_filter.blockSignals(True)
        self.organization_filter.clear()
        self.organization_filter.blockSignals(False)
        self.refresh()

    def focus_search(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    # --- opening --------------------------------------------------------------------------------

    def _id_at(self, index: QModelIndex) -> str | None:
        record = self.model.record(index.row()) if index.isValid() else None
        return None if record is None else str(record["id"])

    def _open_at(self, index: QModelIndex) -> None:
        record = self.model.record(index.row()) if index.isValid() else None  # the model's ids are row numbers
        if record is not None:
            self.open_requested.emit(str(record["id"]))

    def open_selected(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self._open_at(index)
