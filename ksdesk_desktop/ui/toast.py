"""T13: the notice after saving a ticket — its number as a link (click opens the ticket) and [X].
It is a bar under the pages, in the layout, so it never covers the rows the operator works with
(issue 22), and it closes by itself :data:`AUTO_CLOSE_MS` after it last changed (not while the
pointer rests on it). The number stays reachable: «Открыть последнее обращение» (Ctrl+Shift+T) and
the «Последние» list."""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QEnterEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget

AUTO_CLOSE_MS = 15_000


class Toast(QFrame):
    link_clicked = Signal(str)  # the ticket id
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("toast")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#toast { background: #fffbe6; border-top: 1px solid #c9b458; }")
        self.ticket_id = ""
        self.label = QLabel()
        self.label.setObjectName("toast_label")
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setWordWrap(True)
        self.label.linkActivated.connect(lambda _link: self.link_clicked.emit(self.ticket_id))
        self.close_button = QToolButton()
        self.close_button.setObjectName("toast_close")
        self.close_button.setText("✕")
        self.close_button.setToolTip(self.tr("Закрыть уведомление"))
        self.close_button.clicked.connect(self.dismiss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.timer = QTimer(self)
        self.timer.setObjectName("toast_timer")
        self.timer.setSingleShot(True)
        self.timer.setInterval(AUTO_CLOSE_MS)
        self.timer.timeout.connect(self.dismiss)
        self.hide()

    def show_ticket(self, ticket_id: str, number: str, registered: bool, online: bool = False) -> None:
        self.ticket_id = ticket_id
        link = f'<a href="ticket:{html.escape(ticket_id)}">{html.escape(number)}</a>'
        if registered:
            text = self.tr("Обращение %s зарегистрировано.") % link
        elif online:
            text = self.tr("Обращение %s сохранено и регистрируется…") % link
        else:
            text = self.tr("Обращение сохранено под предварительным номером %s. Учётный номер будет присвоен "
                           "при синхронизации с сервером.") % link
        self.label.setText(text + " " + self.tr("Открыть: Ctrl+Shift+T."))
        self.show()
        self.timer.start()

    @property
    def number_text(self) -> str:
        return self.label.text()

    def dismiss(self) -> None:
        self.timer.stop()
        self.hide()
        self.closed.emit()

    def enterEvent(self, event: QEnterEvent) -> None:
        self.timer.stop()  # being read
        super().enterEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        if self.isVisible():
            self.timer.start()
        super().leaveEvent(event)
