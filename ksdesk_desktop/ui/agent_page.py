"""«Служба поддержки» (issue 19, step 1: A1, A2, A3, A10): the agent's page in pull mode.

«Очередь» lists the waiting tasks as the server orders them (channel icon, customer — or the sender of
an unknown one —, subject, waiting time); the waiting time ticks once a second from each task's
``arrived_at`` without asking the server. Selecting a task shows everything known before accepting it
(the customer, the sender, the text); hovering a row shows a summary. «Принять» (the button, Enter in
the queue, Ctrl+Enter) takes it: it moves to «Выполняется» with the ticket its activity joined (A3),
which «Открыть обращение» opens in its card. One task at a time (A2): while one is in hand «Принять» is
disabled and says why; the server's refusals (``agent_busy``, ``task_taken``) are shown in Russian by
their code and the queue is read again. «Закрыть» (A10) ends the interaction.

Step 2 (A4, push mode): the agent's state — «Готов» / «Не готов» with its reason, labels from
:func:`state_text` — is always shown above the queue (and in the status bar), switched by
«Готов»/«Не готов» or F9 (``PUT /agent/state``), read on show, on F5 and at every (re)connect of the
live stream. An offer (the stream's ``offer`` event, or the pending offer ``GET /agent/state``
answers) shows as a panel with the task's summary and a countdown: the offset ``deadline_at - now``
of the server's clock, counted down by a local monotonic clock (never the client's wall clock).
«Принять» (the button, Enter in the panel, Ctrl+Enter) posts with one idempotency key per offer
and moves the task to «Выполняется» as a pull accept does; «Отклонить» gives it back. ``offer_ended``
hides the panel; a timed-out offer leaves the agent «Не готов» («Нет ответа») and the page says why.
When the window is not in front an offer flashes the taskbar, beeps and shows a tray message.

Everything here is the server's: each request runs on the network lane, never through the outbox;
offline the page says the queue needs the server. Read again on show, on F5 and when a sync round
brings activities (the live stream's hint)."""

from __future__ import annotations

import html
import logging
import math
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import QCoreApplication, QElapsedTimer, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QHideEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QSystemTrayIcon,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ksdesk_desktop.core.api_client import ApiClient, ApiError
from ksdesk_desktop.i18n import english
from ksdesk_desktop.ops import Lane, Latest, Op
from ksdesk_desktop.ui.icons import list_icon
from ksdesk_desktop.ui.keys import page_action
from ksdesk_desktop.ui.services import Services
from ksdesk_desktop.ui.table_view import read_only
from sync.agent_desk import (
    AcceptResult,
    AgentStateOut,
    AgentStatus,
    NotReadyReason,
    OfferOut,
    OfferState,
    TaskOut,
    summary,
)
from sync.errors import ErrorCode
from sync.records import Kind
from sync.reference import Channel, ListKind, labels

log = logging.getLogger(__name__)
translate = QCoreApplication.translate  # the name lupdate looks for
CHANNEL_ICONS = {Channel.EMAIL: "mail", Channel.PHONE: "phone", Channel.SERVICE_DESK: "message"}
CHANNEL, CUSTOMER, SUBJECT, WAITING = range(4)  # the queue's columns
REFUSALS = {ErrorCode.AGENT_BUSY, ErrorCode.TASK_TAKEN, ErrorCode.TASK_CLOSED, ErrorCode.TASK_NOT_HELD}
OFFER_GONE = {ErrorCode.OFFER_EXPIRED, ErrorCode.TASK_TAKEN, ErrorCode.AGENT_BUSY, ErrorCode.NOT_FOUND}


def reason_text(reason: NotReadyReason | None) -> str:
    """A Not Ready reason as the agent reads it ("" for the agent's own choice)."""
    if reason == NotReadyReason.NO_ANSWER:
        return translate("AgentPage", "Нет ответа")
    if reason == NotReadyReason.NO_CONNECTION:
        return translate("AgentPage", "Нет связи")
    return ""


def state_text(status: AgentStatus | None, reason: NotReadyReason | None = None) -> str:
    """The one place the agent's state is named (the page and the status bar): «Готов», «Не готов»,
    «Не готов («Нет ответа»)»; "" while unknown."""
    if status is None:
        return ""
    if status == AgentStatus.READY:
        return translate("AgentPage", "Готов")
    why = reason_text(reason)
    return translate("AgentPage", "Не готов («{reason}»)").format(reason=why) if why \
        else translate("AgentPage", "Не готов")


def seconds_left(offer: OfferOut) -> float:
    """The offer's time as the server counts it: its deadline minus its own now (the client's clock
    plays no part)."""
    return (offer.deadline_at - offer.now).total_seconds()


def waited(seconds: float) -> str:
    """A waiting time as a clock reads it: «0:42», «12:05», «1:02:03»."""
    whole = max(0, int(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def customer_name(task: TaskOut) -> str:
    """Who the task is from: the matched contact and organization, or the sender of an unknown one."""
    if task.customer is None:
        return task.activity.sender
    return f"{task.customer.full_name} ({task.customer.organization_name})"


def local_time(moment: datetime) -> str:
    return moment.astimezone().strftime("%d.%m.%Y %H:%M")


def task_summary(task: TaskOut) -> str:
    """A queue row's tooltip: who, what, when, how urgent, and the text's beginning."""

    priority = labels(ListKind.PRIORITY, english()).get(task.priority, task.priority)
    who = (translate("AgentPage", "Клиент: {name}").format(name=customer_name(task)) if task.customer is not None
           else translate("AgentPage", "Новый клиент: {sender}").format(sender=task.activity.sender))
    lines = [
        who,
        translate("AgentPage", "Тема: {subject}").format(subject=task.activity.subject or "—"),
        translate("AgentPage", "Поступила: {when}; приоритет: {priority}").format(when=local_time(task.arrived_at),
                                                                         priority=priority),
        summary(task.activity.text, 200),
    ]
    return "\n".join(lines)


def task_html(task: TaskOut) -> str:
    """Everything known about a task, for the preview and «Выполняется» (read-only, escaped)."""
    e = html.escape
    rows: list[tuple[str, str]] = []
    if task.customer is not None:
        rows += [(translate("AgentPage", "Клиент"), task.customer.full_name),
                 (translate("AgentPage", "Организация"), task.customer.organization_name)]
    else:
        rows.append((translate("AgentPage", "Клиент"),
                     translate("AgentPage", "не найден в справочнике (новый клиент)")))
    channel = labels(ListKind.CHANNEL, english()).get(task.activity.channel, task.activity.channel)
    priority = labels(ListKind.PRIORITY, english()).get(task.priority, task.priority)
    rows += [(translate("AgentPage", "Отправитель"), task.activity.sender),
             (translate("AgentPage", "Тип связи"), channel),
             (translate("AgentPage", "Приоритет"), priority),
             (translate("AgentPage", "Поступила"), local_time(task.arrived_at)),
             (translate("AgentPage", "Тема"), task.activity.subject or "—")]
    table = "".join(f"<tr><td><b>{e(label)}:</b>&nbsp;</td><td>{e(value)}</td></tr>" for label, value in rows)
    files = [str(f.get("file_name", "")) for f in task.activity.files]
    files_label = translate("AgentPage", "Файлы")
    attached = f"<p><b>{e(files_label)}:</b> {e(', '.join(files))}</p>" if files else ""
    text = e(task.activity.text).replace("\n", "<br>")
    return f"<table>{table}</table>{attached}<hr><p>{text}</p>"


class AgentPage(QWidget):
    changed = Signal()  # a server answer was shown (tests wait on it)
    open_ticket_requested = Signal(str)  # «Открыть обращение»: the ticket the task in hand joined
    state_changed = Signal(str)  # A4: the agent's state as the status bar shows it ("" unknown)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agent_page")
        self.services = services
        self._state_requests: Latest[Any] = Latest(services.tasks, self)  # state reads and switches: latest wins
        self.tasks: list[TaskOut] = []
        self.in_hand: AcceptResult | None = None
        self._asking = False  # a queue read is on its way
        self._online = False  # the server was there at the last look (connection.changed comes often)
        self._again = False  # asked for once more while one was on its way: read again when it comes
        self.status: AgentStatus | None = None  # A4: unknown until the server said
        self.reason: NotReadyReason | None = None
        self.offer: OfferOut | None = None  # the pending offer shown
        self._offer_keys: dict[uuid.UUID, str] = {}  # one idempotency key per offer
        self._offer_left_s = 0.0  # the server's deadline - now when the offer came ...
        self._offer_clock = QElapsedTimer()  # ... counted down from then by the monotonic clock
        self._deciding = False  # an accept or decline of the offer is on its way
        self._tray: QSystemTrayIcon | None = None
        self.message = QLabel()
        self.message.setObjectName("agent_message")
        self.message.setWordWrap(True)
        bar = QToolBar()
        bar.setObjectName("agent_toolbar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.accept_action = self._action(bar, "accept_task", self.tr("&Принять"), ["Ctrl+Return", "Ctrl+Enter"],
                                          self.accept, "check")
        self.close_action = self._action(bar, "close_task", self.tr("&Закрыть"), ["Ctrl+E"], self.close_task, "x")
        bar.addSeparator()
        self.refresh_action = self._action(bar, "refresh_queue", self.tr("О&бновить"), ["F5"], self.refresh,
                                           "refresh")
        self.ready_action = self._action(bar, "toggle_ready", self.tr("Готов / Не готов"), ["F9"], self.toggle_ready,
                                         "check")
        bar.removeAction(self.ready_action)  # the state row has its own button
        layout = QVBoxLayout(self)
        title = self.tr("Служба поддержки")
        layout.addWidget(QLabel(f"<h2>{title}</h2>"))
        layout.addLayout(self._state_row())
        layout.addWidget(bar)
        self.offer_box = self._offer_box()
        layout.addWidget(self.offer_box)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self._queue_box())
        split.addWidget(self._preview_box())
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout.addWidget(split, 3)
        self.in_hand_box = self._in_hand_box()
        layout.addWidget(self.in_hand_box)
        self.layout_ = layout
        layout.addWidget(self.message)
        self.ticker = QTimer(self)
        self.ticker.setInterval(1000)
        self.ticker.timeout.connect(self.tick)
        self.countdown = QTimer(self)
        self.countdown.setInterval(200)
        self.countdown.timeout.connect(self._count_down)
        services.connection.changed.connect(self._connection_changed)
        services.sync.records_changed.connect(self._records_changed)
        services.sync.live_changed.connect(self._live_changed)
        services.sync.offer.connect(self._offer_came)
        services.sync.offer_ended.connect(self._offer_ended)
        self._show_state()
        self._show_offer()
        self._show_in_hand()
        self._selection_changed()

    # --- building ---------------------------------------------------------------------------------

    def _action(self, bar: QToolBar, name: str, text: str, shortcuts: list[str], run: Callable[[], object],
                icon: str) -> QAction:
        action = page_action(self, name, text, shortcuts, run, list_icon(icon))
        bar.addAction(action)
        return action

    def _state_row(self) -> QHBoxLayout:
        self.state_label = QLabel()
        self.state_label.setObjectName("agent_state")
        self.state_button = QPushButton()
        self.state_button.setObjectName("agent_state_button")
        self.state_button.clicked.connect(self.toggle_ready)
        self.state_note = QLabel()
        self.state_note.setObjectName("agent_state_note")
        self.state_note.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.state_label)
        row.addWidget(self.state_button)
        row.addWidget(self.state_note, 1)
        return row

    def _offer_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Вам предложена задача"))
        box.setObjectName("agent_offer_box")
        box.setStyleSheet("QGroupBox#agent_offer_box { border: 2px solid #1f6fd1; border-radius: 4px; "
                          "margin-top: 1.2em; font-weight: bold; }")
        self.offer_label = QLabel()
        self.offer_label.setObjectName("agent_offer")
        self.offer_label.setWordWrap(True)
        self.offer_text = QLabel()
        self.offer_text.setObjectName("agent_offer_text")
        self.offer_text.setWordWrap(True)
        self.offer_countdown = QLabel()
        self.offer_countdown.setObjectName("agent_offer_countdown")
        self.offer_bar = QProgressBar()
        self.offer_bar.setObjectName("agent_offer_bar")
        self.offer_bar.setTextVisible(False)
        self.offer_bar.setMaximumHeight(8)
        self.offer_accept = QPushButton(list_icon("check"), self.tr("Принять (Enter)"))
        self.offer_accept.setObjectName("agent_offer_accept")
        self.offer_accept.clicked.connect(self.accept_offer)
        self.offer_decline = QPushButton(list_icon("x"), self.tr("Отклонить"))
        self.offer_decline.setObjectName("agent_offer_decline")
        self.offer_decline.clicked.connect(self.decline_offer)
        enter = QAction(self)
        enter.setObjectName("action_accept_offer")
        enter.setShortcuts([QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)])
        enter.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        enter.triggered.connect(self.accept_offer)
        box.addAction(enter)
        buttons = QHBoxLayout()
        buttons.addWidget(self.offer_countdown, 1)
        buttons.addWidget(self.offer_accept)
        buttons.addWidget(self.offer_decline)
        layout = QVBoxLayout(box)
        layout.addWidget(self.offer_label)
        layout.addWidget(self.offer_text)
        layout.addWidget(self.offer_bar)
        layout.addLayout(buttons)
        return box

    def _queue_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Очередь"))
        box.setObjectName("agent_queue_box")
        self.table = table = QTableWidget(0, 4)
        read_only(table, "agent_queue")
        channel = QTableWidgetItem("")
        channel.setToolTip(self.tr("Тип связи"))
        table.setHorizontalHeaderItem(CHANNEL, channel)
        for column, title in ((CUSTOMER, self.tr("Клиент")), (SUBJECT, self.tr("Тема")), (WAITING, self.tr("Ожидает"))):
            table.setHorizontalHeaderItem(column, QTableWidgetItem(title))
        table.verticalHeader().hide()
        table.setWordWrap(False)
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(CHANNEL, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(CUSTOMER, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(SUBJECT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(WAITING, QHeaderView.ResizeMode.ResizeToContents)
        table.setColumnWidth(CUSTOMER, 240)
        table.itemSelectionChanged.connect(self._selection_changed)
        table.activated.connect(lambda _index: self.accept())  # Enter (or a double click) on a task takes it
        self.empty = QLabel(self.tr("Очередь пуста."))
        self.empty.setObjectName("agent_queue_empty")
        layout = QVBoxLayout(box)
        layout.addWidget(table)
        layout.addWidget(self.empty)
        return box

    def _preview_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Задача до принятия"))
        self.preview = QTextBrowser()
        self.preview.setObjectName("agent_preview")
        self.preview.setOpenLinks(False)
        self.preview.setPlaceholderText(self.tr("Выберите задачу в очереди: здесь будет всё, что о ней известно."))
        QVBoxLayout(box).addWidget(self.preview)
        return box

    def _in_hand_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Выполняется"))
        box.setObjectName("agent_in_hand_box")
        self.in_hand_label = QLabel()
        self.in_hand_label.setObjectName("agent_in_hand")
        self.in_hand_label.setWordWrap(True)
        self.joined_label = QLabel()
        self.joined_label.setObjectName("agent_joined")
        self.joined_label.setWordWrap(True)
        self.in_hand_text = QTextBrowser()
        self.in_hand_text.setObjectName("agent_in_hand_text")
        self.in_hand_text.setOpenLinks(False)
        self.open_button = QPushButton(list_icon("external-link"), self.tr("Открыть обращение"))
        self.open_button.setObjectName("agent_open_ticket")
        self.open_button.clicked.connect(self._open_ticket)
        self.close_button = QPushButton(list_icon("x"), self.tr("Закрыть"))
        self.close_button.setObjectName("agent_close")
        self.close_button.setToolTip(self.close_action.toolTip())
        self.close_button.clicked.connect(self.close_task)
        buttons = QHBoxLayout()
        buttons.addWidget(self.joined_label, 1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(box)
        layout.addWidget(self.in_hand_label)
        layout.addWidget(self.in_hand_text, 1)
        layout.addLayout(buttons)
        return box

    # --- showing ----------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.ticker.start()
        self.refresh()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self.ticker.stop()

    def selected(self) -> TaskOut | None:
        rows = self.table.selectionModel().selectedRows()
        return self.tasks[rows[0].row()] if rows and rows[0].row() < len(self.tasks) else None

    def _show_queue(self, tasks: list[TaskOut]) -> None:
        current = self.selected()
        keep = current.id if current is not None else None
        self.tasks = tasks
        self.table.setRowCount(len(tasks))
        channels = labels(ListKind.CHANNEL, english())
        icons = {channel: list_icon(name) for channel, name in CHANNEL_ICONS.items()}  # read once, not per row
        for row, task in enumerate(tasks):
            tip = task_summary(task)
            icon = QTableWidgetItem(icons.get(task.activity.channel, icons[Channel.SERVICE_DESK]), "")
            icon.setData(Qt.ItemDataRole.AccessibleTextRole, channels.get(task.activity.channel, ""))
            cells = [icon, QTableWidgetItem(customer_name(task)), QTableWidgetItem(task.activity.subject or "—"),
                     QTableWidgetItem("")]
            for column, item in enumerate(cells):
                item.setToolTip(tip)
                self.table.setItem(row, column, item)
        self.tick()
        self.empty.setVisible(not tasks)
        found = next((row for row, task in enumerate(tasks) if task.id == keep), None)
        if found is not None:
            self.table.selectRow(found)
        elif tasks and current is None:
            self.table.selectRow(0)
        else:
            self.table.clearSelection()
        self._selection_changed()

    def tick(self) -> None:
        """The waiting times, from each task's arrival by the clock: no request."""
        now = datetime.now(UTC)
        for row, task in enumerate(self.tasks):
            item = self.table.item(row, WAITING)
            if item is not None:
                item.setText(waited((now - task.arrived_at).total_seconds()))

    def _selection_changed(self) -> None:
        task = self.selected()
        self.preview.setHtml(task_html(task) if task is not None else "")
        online = self.services.api() is not None
        busy = self.in_hand is not None
        self.accept_action.setEnabled(task is not None and not busy and online)
        if busy:
            why = self.tr("Одновременно обрабатывается только одна задача: закройте задачу в работе, чтобы "
                          "принять следующую.")
        elif not online:
            why = self.tr("Нет связи с сервером: принять задачу нельзя.")
        elif task is None:
            why = self.tr("Выберите задачу в очереди.")
        else:
            why = self.tr("Принять выбранную задачу (Enter, Ctrl+Enter)")
        self.accept_action.setToolTip(why)

    def _show_in_hand(self) -> None:
        taken = self.in_hand
        for widget in (self.in_hand_text, self.open_button, self.close_button):
            widget.setVisible(taken is not None)
        self.close_action.setEnabled(taken is not None)
        self.layout_.setStretchFactor(self.in_hand_box, 2 if taken is not None else 0)  # no task: one line
        if taken is None:
            self.in_hand_label.setText(self.tr("Задачи в работе нет. Выберите задачу в очереди и нажмите «Принять»."))
            self.joined_label.setText("")
            self.in_hand_text.clear()
            return
        task = taken.task
        self.in_hand_label.setText(f"<b>{html.escape(customer_name(task))}</b> — {html.escape(task.activity.subject)}")
        self.in_hand_text.setHtml(task_html(task))
        number = taken.registration_number or ""
        if taken.joined == "existing":
            joined = self.tr("Активность добавлена к открытому обращению клиента {number}.").format(number=number)
        elif taken.joined == "new":
            joined = self.tr("Открытых обращений у клиента не было: зарегистрировано новое обращение {number}."
                             ).format(number=number)
        else:
            joined = self.tr("Отправитель не найден в справочнике: обращение не создано, сначала заведите клиента.")
        self.joined_label.setText(joined)
        self.open_button.setEnabled(taken.ticket_id is not None)

    # --- asking the server --------------------------------------------------------------------------

    def _ask(self, work: Callable[[ApiClient], Any], done: Callable[[Any], None], progress: str,
             failed: Callable[[BaseException], None] | None = None, latest: Latest[Any] | None = None) -> bool:
        """Run ``work`` against the server on the network lane; offline, say the queue needs the server.
        With ``latest``, a newer request of the same kind drops this one's answer."""
        api = self.services.api()
        if api is None:
            self._offline()
            return False
        op = Op(lambda _state: work(api), Lane.NETWORK).success(lambda result: self._done(done, result)) \
            .failure(failed or self._failed).with_progress(progress)
        if latest is not None:
            latest.run(op)
        else:
            op.run(self.services.tasks)
        return True

    def _done(self, done: Callable[[Any], None], result: Any) -> None:
        done(result)
        self.changed.emit()

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, ApiError):
            raise exc
        if exc.offline:
            self._offline()
        else:
            self.message.setText(exc.message)
            if exc.code == ErrorCode.TASK_NOT_HELD:  # the server says the agent holds it no more
                self.in_hand = None
                self._show_in_hand()
                self._selection_changed()
            if exc.code in REFUSALS:  # the queue changed under us: show it as it is now
                self._read_queue()
        self.changed.emit()

    def _offline(self) -> None:
        self.message.setText(self.tr("Нет связи с сервером: очередь задач доступна только при связи с сервером. "
                                     "Ничего не откладывается для отправки позже."))
        self._show_queue([])

    def refresh(self) -> None:
        """The queue and the agent's state read again (on show, F5; a hint that activities came reads
        the queue only); the message cleared."""
        if self.services.api() is None:
            self._offline()
            return
        self.message.setText("")
        self._read_queue()
        self._read_state()

    def _read_queue(self) -> None:
        if self._asking:
            self._again = True  # what changed meanwhile may not be in the answer on its way
            return
        self._again = False
        self._asking = self._ask(lambda api: api.agent_queue(), self._queue_read, self.tr("Загрузка очереди…"),
                                 self._queue_failed)

    def _queue_read(self, tasks: list[TaskOut]) -> None:
        self._asking = False
        self._show_queue(tasks)
        if self._again:
            self._read_queue()

    def _queue_failed(self, exc: BaseException) -> None:
        self._asking = self._again = False
        self._failed(exc)

    def _connection_changed(self) -> None:
        """Read the queue again when the server comes back (not on each health check that finds it)."""
        online = self.services.api() is not None
        back, self._online = online and not self._online, online
        if back and self.isVisible():
            self.refresh()
        if not online and self.status is not None:  # nothing known until the server answers again
            self.status = self.reason = None
            self._hide_offer()
            self._show_state()
        self._selection_changed()

    def _records_changed(self, kinds: object) -> None:
        if isinstance(kinds, set) and Kind.ACTIVITY in kinds and self.isVisible():
            self._read_queue()

    def accept(self) -> None:
        """A2: take the selected task (refused here while one is in hand; the server checks again); with
        an offer on the screen, Ctrl+Enter takes the offered one."""
        if self.offer is not None:
            self.accept_offer()
            return
        task = self.selected()
        if task is None or not self.accept_action.isEnabled():
            if self.in_hand is not None:
                self.message.setText(self.accept_action.toolTip())
            return
        task_id = task.id
        self._ask(lambda api: api.accept_task(task_id), self._accepted, self.tr("Принятие задачи…"))

    def _accepted(self, result: AcceptResult) -> None:
        self.in_hand = result
        self.tasks = [t for t in self.tasks if t.id != result.task.id]
        self._show_queue(self.tasks)
        self._show_in_hand()
        self._selection_changed()
        self.message.setText(self.tr("Задача принята."))
        self.services.sync.request_sync()  # the ticket it joined comes into the cache for its card
        self._read_queue()

    def close_task(self) -> None:
        """A10: end the interaction; the agent is free for the next task."""
        taken = self.in_hand
        if taken is None:
            return
        task_id = taken.task.id
        self._ask(lambda api: api.close_task(task_id), self._closed, self.tr("Закрытие задачи…"))

    def _closed(self, _task: TaskOut) -> None:
        self.in_hand = None
        self._show_in_hand()
        self._selection_changed()
        self.message.setText(self.tr("Взаимодействие завершено: можно принять следующую задачу."))
        self._read_queue()

    def _open_ticket(self) -> None:
        if self.in_hand is not None and self.in_hand.ticket_id is not None:
            self.open_ticket_requested.emit(str(self.in_hand.ticket_id))

    # --- the agent's state (A4) --------------------------------------------------------------------

    def _show_state(self) -> None:
        text = state_text(self.status, self.reason)
        ready = self.status == AgentStatus.READY
        colour = "#1b7f2a" if ready else "#b00020"
        label = self.tr("Состояние")
        shown = html.escape(text) if text else self.tr("неизвестно")
        self.state_label.setText(f"{html.escape(label)}: <b style='color: {colour};'>{shown}</b>"
                                 if text else f"{html.escape(label)}: {shown}")
        self.state_button.setText(self.tr("Не готов (F9)") if ready else self.tr("Готов (F9)"))
        self.state_button.setToolTip(self.tr("Перестать получать предложения задач (F9)") if ready
                                     else self.tr("Получать предложения задач (F9)"))
        self.state_button.setEnabled(self.status is not None)
        self.ready_action.setEnabled(self.status is not None)
        if ready:
            self.state_note.setText("")
        self.state_changed.emit(text)

    def _read_state(self) -> None:
        self._ask(lambda api: api.agent_state(), self._state_read, self.tr("Чтение состояния…"), self._state_failed,
                  self._state_requests)  # a read begun before a switch must not undo it on screen

    def _state_read(self, out: AgentStateOut) -> None:
        self.status, self.reason = out.state, out.reason
        self._show_state()
        if out.offer is not None and out.offer.state == OfferState.PENDING:
            self._offered(out.offer)
        elif self.offer is not None and not self._deciding:  # it ended while we were not listening
            self._hide_offer()

    def _state_failed(self, exc: BaseException) -> None:
        if isinstance(exc, ApiError) and not exc.offline:
            self.message.setText(exc.message)
            self.changed.emit()
            return
        self._failed(exc)

    def toggle_ready(self) -> None:
        """«Готов» ⇄ «Не готов» (the button, F9)."""
        if self.status is None:
            return
        target = AgentStatus.NOT_READY if self.status == AgentStatus.READY else AgentStatus.READY
        self._ask(lambda api: api.set_agent_state(target), self._state_read, self.tr("Смена состояния…"),
                  self._state_failed, self._state_requests)

    def _live_changed(self, connected: bool) -> None:
        """At every (re)connect: what the server holds now (a Not Ready «Нет связи» may have come meanwhile)."""
        if connected:
            self._read_state()

    # --- offers (A4) ---------------------------------------------------------------------------------

    def _offer_came(self, data: object) -> None:
        try:
            offer = OfferOut.model_validate(data)
        except ValidationError:
            log.warning("an offer event the page cannot read: %.300r", data)
            return
        if offer.state != OfferState.PENDING:
            return
        if self.status != AgentStatus.READY:  # only a Ready agent gets offers
            self.status, self.reason = AgentStatus.READY, None
            self._show_state()
        self._offered(offer)

    def _offered(self, offer: OfferOut) -> None:
        if self.offer is not None and self.offer.id == offer.id:
            return  # the same offer again (a reconnect, or the state's answer): its countdown runs on
        self.offer = offer
        self._offer_keys.setdefault(offer.id, uuid.uuid4().hex)
        self._offer_left_s = seconds_left(offer)
        self._offer_clock.start()
        self._deciding = False
        self.message.setText("")  # what was said before is past
        self._show_offer()
        self.changed.emit()
        self._alert(offer)

    def left_s(self) -> float:
        """Seconds the offer has left: the server's offset minus the monotonic time since it came."""
        return max(0.0, self._offer_left_s - self._offer_clock.elapsed() / 1000) if self.offer is not None else 0.0

    def _show_offer(self) -> None:
        offer = self.offer
        self.offer_box.setVisible(offer is not None)
        if offer is None:
            self.countdown.stop()
            return
        task = offer.task
        self.offer_label.setText(f"<b>{html.escape(customer_name(task))}</b> — "
                                 f"{html.escape(task.activity.subject or '—')}")
        self.offer_text.setText(summary(task.activity.text, 300))
        total = max(1, int((offer.deadline_at - offer.created_at).total_seconds() * 1000))
        self.offer_bar.setRange(0, total)
        self.offer_accept.setEnabled(True)
        self.offer_decline.setEnabled(True)
        self._count_down()
        self.countdown.start()
        if self.isVisible():
            self.offer_accept.setFocus()  # Enter takes it

    def _count_down(self) -> None:
        left = self.left_s()
        self.offer_bar.setValue(int(left * 1000))
        if left > 0:
            self.offer_countdown.setText(self.tr("Осталось {n} с").format(n=math.ceil(left)))
        else:
            self.offer_countdown.setText(self.tr("Время на ответ вышло."))
            self.offer_accept.setEnabled(False)
            self.countdown.stop()

    def _hide_offer(self) -> None:
        self.offer = None
        self._deciding = False
        self._show_offer()

    def _alert(self, offer: OfferOut) -> None:
        """The window not in front: a taskbar flash, a sound, and a tray message where there is a tray."""
        window = self.window()
        if window.isActiveWindow():
            return
        QApplication.alert(window)
        QApplication.beep()
        if not QSystemTrayIcon.isSystemTrayAvailable():
            return
        if self._tray is None:
            self._tray = QSystemTrayIcon(QApplication.windowIcon(), self)
            self._tray.messageClicked.connect(self._bring_to_front)
        self._tray.show()
        self._tray.showMessage(self.tr("Вам предложена задача"),
                               f"{customer_name(offer.task)} — {offer.task.activity.subject}",
                               QSystemTrayIcon.MessageIcon.Information, int(max(1.0, seconds_left(offer)) * 1000))

    def _bring_to_front(self) -> None:
        window = self.window()
        window.showNormal()
        window.raise_()
        window.activateWindow()

    def accept_offer(self) -> None:
        """«Принять» (the button, Enter in the panel, Ctrl+Enter): the offered task, with the offer's key."""
        offer = self.offer
        if offer is None or self._deciding or not self.offer_accept.isEnabled():
            return
        key = self._offer_keys[offer.id]
        self._deciding = True
        self._ask(lambda api: api.accept_offer(offer.id, key), self._offer_accepted, self.tr("Принятие задачи…"),
                  self._decision_failed)

    def _offer_accepted(self, result: AcceptResult) -> None:
        self._hide_offer()
        self._accepted(result)  # as step 1's pull accept

    def decline_offer(self) -> None:
        """«Отклонить»: the task goes back to its place in the queue; the agent stays Ready."""
        offer = self.offer
        if offer is None or self._deciding:
            return
        key = self._offer_keys[offer.id]
        self._deciding = True
        self._ask(lambda api: api.decline_offer(offer.id, key), self._offer_declined, self.tr("Отклонение задачи…"),
                  self._decision_failed)

    def _offer_declined(self, _answer: object) -> None:
        self._hide_offer()
        self.message.setText(self.tr("Задача отклонена и вернулась в очередь."))
        self._read_queue()

    def _decision_failed(self, exc: BaseException) -> None:
        self._deciding = False
        if isinstance(exc, ApiError) and exc.code in OFFER_GONE:  # shown in Russian by its code
            self._hide_offer()
            self.message.setText(exc.message)
            self._read_queue()
            self._read_state()
            self.changed.emit()
            return
        self._failed(exc)

    def _offer_ended(self, data: object) -> None:
        if not isinstance(data, dict):
            return
        offer = self.offer
        if offer is None or str(offer.id) != str(data.get("id")):
            return
        state = data.get("state")
        if state == OfferState.ACCEPTED and self._deciding:
            return  # our own accept: its answer shows the task in hand
        self._hide_offer()
        if state == OfferState.TIMED_OUT:
            self.status, self.reason = AgentStatus.NOT_READY, NotReadyReason.NO_ANSWER
            self._show_state()
            self.state_note.setText(self.tr("Предложенная задача не принята вовремя и вернулась в очередь; "
                                            "новые задачи не предлагаются. Нажмите «Готов» (F9), чтобы продолжить."))
            self._read_state()
        elif state == OfferState.RESCINDED:
            self.message.setText(self.tr("Предложение отозвано: задачу принял другой оператор или вы больше не "
                                         "«Готов»."))
        self._read_queue()
        self.changed.emit()
