"""Status bar (S5): online/offline, pending changes, last successful sync, running work. Made before
the connection exists (the quick start): until :meth:`SyncStatusBar.attach` it says «Подключение…»."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar, QToolButton, QWidget

if TYPE_CHECKING:  # the session imports the network client: not needed to show the bar
    from ksdesk_desktop.session import Connection


class SyncStatusBar(QStatusBar):
    def __init__(self, connection: Connection | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("status_bar")
        self._connection: Connection | None = None
        self.busy_label = QLabel()
        self.busy_label.setObjectName("busy_label")
        self.busy_bar = QProgressBar()
        self.busy_bar.setObjectName("busy_bar")
        self.busy_bar.setMaximumWidth(160)
        self.busy_bar.setRange(0, 0)
        self.connection_label = QLabel()
        self.connection_label.setObjectName("connection_label")
        self.pending_label = QLabel()
        self.pending_label.setObjectName("pending_label")
        self.sync_label = QLabel()
        self.sync_label.setObjectName("sync_label")
        self.user_label = QLabel()
        self.user_label.setObjectName("user_label")
        self.agent_label = QLabel()
        self.agent_label.setObjectName("agent_state_label")
        self.error_label = QLabel()
        self.error_label.setObjectName("sync_error_label")
        self.error_label.setStyleSheet("color: #b00020;")
        self.cancel_button = QToolButton()
        self.cancel_button.setObjectName("sync_cancel")
        self.cancel_button.setText(self.tr("Остановить"))
        self.cancel_button.setToolTip(self.tr("Остановить загрузку данных; её можно продолжить позже с того же места"))
        self.resume_button = QToolButton()
        self.resume_button.setObjectName("sync_resume")
        self.resume_button.setText(self.tr("Продолжить синхронизацию"))
        self.addWidget(self.busy_label)
        self.addWidget(self.busy_bar)
        self.addWidget(self.cancel_button)
        self.addWidget(self.resume_button)
        self.addWidget(self.error_label)
        self.cancel_button.setVisible(False)
        self.resume_button.setVisible(False)
        self.error_label.setVisible(False)
        for label in (self.agent_label, self.user_label, self.pending_label, self.sync_label, self.connection_label):
            self.addPermanentWidget(label)
        self.set_agent_state("")
        self.set_busy("")
        self.set_pending(0)
        self.set_last_sync(None)
        if connection is None:
            self.refresh_connection()
        else:
            self.attach(connection)

    def attach(self, connection: Connection) -> None:
        """Follow this connection from now on."""
        if self._connection is connection:
            return
        if self._connection is not None:
            self._connection.changed.disconnect(self.refresh_connection)
        self._connection = connection
        connection.changed.connect(self.refresh_connection)
        self.refresh_connection()

    def set_busy(self, label: str) -> None:
        self.busy_label.setText(label)
        self.busy_label.setVisible(bool(label))
        self.busy_bar.setVisible(bool(label))

    def set_progress(self, label: str, done: int, total: int) -> None:
        self.busy_label.setText(label)
        self.busy_bar.setRange(0, max(total, 1))
        self.busy_bar.setValue(done)
        self.busy_label.setVisible(True)
        self.busy_bar.setVisible(done < total)

    def show_sync(self, *, pending: int, last_sync: datetime | None, error: str, running: bool, paused: bool) -> None:
        """The sync runner's state (S5): pending entries, last good sync, the error if any."""
        self.set_pending(pending)
        self.set_last_sync(last_sync)
        self.error_label.setText(error)
        self.error_label.setToolTip(error)
        self.error_label.setVisible(bool(error))
        self.resume_button.setVisible(paused)
        if not running:
            self.cancel_button.setVisible(False)
            if self.busy_label.text() == self.sync_progress_label:
                self.set_busy("")

    @property
    def sync_progress_label(self) -> str:
        return self.tr("Загрузка данных с сервера")

    def show_sync_progress(self, done: int, total: int) -> None:
        self.set_progress(self.sync_progress_label, done, total)
        self.cancel_button.setVisible(done < total)

    def set_agent_state(self, text: str) -> None:
        """A4: the agent's «Готов» / «Не готов» (with its reason) as the agent desk names it; hidden while
        unknown."""
        self.agent_label.setText(self.tr("Агент: {state}").format(state=text))
        self.agent_label.setToolTip(self.tr("Состояние в службе поддержки (F9 на странице «Служба поддержки»)"))
        self.agent_label.setVisible(bool(text))

    def set_pending(self, count: int) -> None:
        self.pending_label.setText(self.tr("Исходящие: {n}").format(n=count))
        self.pending_label.setToolTip(self.tr("Изменения, ещё не отправленные на сервер"))

    def set_last_sync(self, when: datetime | None) -> None:
        text = when.astimezone().strftime("%d.%m.%Y %H:%M:%S") if when else self.tr("ещё не было")
        self.sync_label.setText(self.tr("Синхронизация: {when}").format(when=text))

    def refresh_connection(self) -> None:
        c = self._connection
        if c is None:  # the program is still starting: nothing tried yet
            self.connection_label.setText("● " + self.tr("Подключение…"))
            self.connection_label.setStyleSheet("color: #8a6d00;")
            self.connection_label.setToolTip("")
            self.user_label.setText(self.tr("Вход не выполнен"))
            return
        if c.online:
            text, colour = self.tr("В сети"), "#1b7f2a"
        elif c.starting:
            text, colour = self.tr("Подключение…"), "#8a6d00"
        else:
            text, colour = self.tr("Нет связи"), "#b00020"
        self.connection_label.setText(f"● {text}")
        self.connection_label.setStyleSheet(f"color: {colour};")
        tip = c.server_url or self.tr("сервер не выбран")
        if c.last_error:
            tip += "\n" + c.last_error
        self.connection_label.setToolTip(tip)
        self.user_label.setText(c.user.full_name if c.user else self.tr("Вход не выполнен"))
