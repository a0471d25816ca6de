"""T13: the notice after saving a ticket — its number as a link (click opens the ticket) and [X].
It sits in the bottom right corner of the main window and stays until closed."""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget


class Toast(QFrame):
    link_clicked = Signal(str)  # the ticket id
    closed = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("toast")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#toast { background: #fffbe6; border: 1px solid #c9b458; border-radius: 4px; }")
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
        layout.setContentsMargins(10, 8, 6, 8)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.setFixedWidth(380)
        self.hide()
        parent.installEventFilter(self)

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
        self.label.setText(text)
        self.adjustSize()
        self._place()
        self.show()
        self.raise_()

    @property
    def number_text(self) -> str:
        return self.label.text()

    def dismiss(self) -> None:
        self.hide()
        self.closed.emit()

    def _place(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            self.move(parent.width() - self.width() - 16, parent.height() - self.height() - 40)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.isVisible():
            self._place()
        return super().eventFilter(watched, event)
