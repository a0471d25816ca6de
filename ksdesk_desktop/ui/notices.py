"""Notices about outbox entries waiting for the operator (S2, S4): a change the server refused, with
its reason, or a record changed on the server while it was being edited here — with «Загрузить»
(take the server's version) and «Оставить моё» (send mine on top of it). Nothing is dropped until the
operator presses one of them."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ksdesk_desktop.core.cache import Problem
from ksdesk_desktop.core.texts import error_message

_TITLE_FIELDS = ("registration_number", "name", "full_name", "subject", "code", "login")


def record_title(problem: Problem) -> str:
    for source in (problem.local, problem.server or {}):
        for name in _TITLE_FIELDS:
            value = source.get(name)
            if value:
                return str(value)
    return problem.record_id


def _reason(code: str | None, message: str | None) -> str:
    """The server's reason in the interface's language: by its code (the message came in Russian)."""
    return error_message(code, message or "") if code else (message or "")

class ProblemBar(QFrame):
    load_requested = Signal(object)  # Problem: «Загрузить» / «Отменить изменение»
    keep_requested = Signal(object)  # Problem: «Оставить моё»

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("problem_bar")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(8, 6, 8, 6)
        self.rows: list[QWidget] = []
        self.setVisible(False)

    def show_problems(self, problems: list[Problem]) -> None:
        for row in self.rows:
            self._layout.removeWidget(row)
            row.deleteLater()
        self.rows = [self._row(p) for p in problems]
        for row in self.rows:
            self._layout.addWidget(row)
        self.setVisible(bool(problems))

    def _row(self, problem: Problem) -> QWidget:
        row = QWidget(self)
        row.setObjectName("problem_row")
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        title = record_title(problem)
        if problem.state == "conflict":
            text = self.tr("Запись «{title}» изменена на сервере, пока вы её правили. Ваш вариант сохранён "
                           "и ещё не отправлен.").format(title=title)
            buttons = ((self.tr("Загрузить"), self.load_requested, self.tr("Взять версию с сервера, "
                                                                            "ваши правки этой записи будут отменены")),
                       (self.tr("Оставить моё"), self.keep_requested, self.tr("Отправить ваш вариант поверх "
                                                                               "версии с сервера")))
        else:
            text = self.tr("Сервер не принял изменение записи «{title}»: {reason} Исправьте запись или отмените "
                           "изменение.").format(title=title, reason=_reason(problem.error_code, problem.error_message))
            buttons = ((self.tr("Отменить изменение"), self.load_requested,
                        self.tr("Вернуть запись к версии с сервера")),)
        label = QLabel(text, row)
        label.setObjectName("problem_text")
        label.setWordWrap(True)
        layout.addWidget(label, 1)
        for caption, signal, tip in buttons:
            button = QPushButton(caption, row)
            button.setObjectName("problem_" + ("load" if signal is self.load_requested else "keep"))
            button.setToolTip(tip)
            button.clicked.connect(lambda _checked=False, s=signal: s.emit(problem))
            layout.addWidget(button)
        return row
