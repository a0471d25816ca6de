"""A ticket's actions (W2, W3): the buttons of the card — «Взять в работу», «Эскалировать на 2-ю линию»,
«Запросить информацию», «Ответить заявителю», «Решить», «Закрыть», «Вернуть в работу», «Комментарий» —
each with its shortcut, showing only those the shared rule (``sync.workflow.allowed``) lets this user
take on the ticket as the cache holds it. An action is queued in the outbox (``Batch.act``), works
offline and is judged again by the server; a refusal comes back as a problem in the window's problem
bar with the server's reason. The ones that need a text (a reason, a reply, the solution, a comment)
ask for it first; «Запросить информацию» needs none (W2: the applicant's e-mail quotes the ticket)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ksdesk_desktop.core.ticket_history import ACTIONS_CONTEXT as CONTEXT
from ksdesk_desktop.ops import Lane, Op
from ksdesk_desktop.ui.services import Services
from sync.records import Kind
from sync.workflow import LABELS, MAX_ACTION_TEXT, SHORTCUTS, TEXT_LABELS, TEXT_REQUIRED, Action, allowed

_WORDS = (  # the shared labels (sync.workflow), declared for lupdate; the history names actions with them too
    QT_TRANSLATE_NOOP("TicketActions", "Взять в работу"),
    QT_TRANSLATE_NOOP("TicketActions", "Эскалировать на 2-ю линию"),
    QT_TRANSLATE_NOOP("TicketActions", "Запросить информацию"),
    QT_TRANSLATE_NOOP("TicketActions", "Ответить заявителю"),
    QT_TRANSLATE_NOOP("TicketActions", "Решить"),
    QT_TRANSLATE_NOOP("TicketActions", "Закрыть обращение"),
    QT_TRANSLATE_NOOP("TicketActions", "Вернуть в работу"),
    QT_TRANSLATE_NOOP("TicketActions", "Комментарий"),
    QT_TRANSLATE_NOOP("TicketActions", "Причина эскалации"),
    QT_TRANSLATE_NOOP("TicketActions", "Комментарий (необязательно)"),
    QT_TRANSLATE_NOOP("TicketActions", "Ответ заявителю"),
    QT_TRANSLATE_NOOP("TicketActions", "Решение"),
    QT_TRANSLATE_NOOP("TicketActions", "Причина (необязательно)"),
)


def label(action: Action) -> str:
    """The action's label in the interface's language."""
    return QCoreApplication.translate(CONTEXT, LABELS[action])


class ActionText(QDialog):
    """Asks the text of an action (a reason, a reply, the solution, a comment); «ОК» only when given."""

    def __init__(self, action: Action, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("action_text")
        self.setWindowTitle(label(action))
        self.edit = QPlainTextEdit()
        self.edit.setObjectName("action_text_edit")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.edit.textChanged.connect(self._check)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(QCoreApplication.translate(CONTEXT, TEXT_LABELS[action]) + ":"))
        layout.addWidget(self.edit)
        layout.addWidget(self.buttons)
        self._check()

    def _check(self) -> None:
        text = self.edit.toPlainText()
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(text.strip()) and len(text) <= MAX_ACTION_TEXT)

    def text(self) -> str:
        return self.edit.toPlainText().strip()


class TicketActions(QWidget):
    """The action buttons of one ticket; :meth:`show_ticket` when the cache's copy changes."""

    queued = Signal(str)  # the action, once its outbox entry is written
    message = Signal(str)  # what to tell the operator (queued, or why it could not be written)

    def __init__(self, ticket: dict[str, Any], services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ticket_actions")
        self.services, self.ticket = services, dict(ticket)
        self.buttons: dict[Action, QPushButton] = {}
        self.dialog: ActionText | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for action in Action:
            button = QPushButton(label(action))
            button.setObjectName(f"action_{action.value}")
            button.setAutoDefault(False)
            button.setShortcut(QKeySequence(SHORTCUTS[action]))
            button.setToolTip(f"{label(action)} ({SHORTCUTS[action]})")
            button.clicked.connect(lambda _checked=False, a=action: self.start(a))
            layout.addWidget(button)
            self.buttons[action] = button
        layout.addStretch(1)
        self.show_ticket(ticket)

    def offered(self) -> list[Action]:
        """The actions this user may take now (none before sign-in: the role is not known)."""
        user = self.services.connection.user
        if user is None or not self.ticket.get("registration_number"):
            return []  # a ticket not registered yet has no route to act on
        return allowed(user.role, str(user.id), self.ticket, user.line)

    def show_ticket(self, ticket: dict[str, Any]) -> None:
        self.ticket = dict(ticket)
        offered = set(self.offered())
        for action, button in self.buttons.items():
            button.setVisible(action in offered)

    def start(self, action: Action) -> None:
        """The button (or its shortcut): ask the text if the action needs one, then queue it."""
        if action not in self.offered():
            return
        if action not in TEXT_REQUIRED:
            self.submit(action, "")
            return
        self.dialog = ActionText(action, self)
        self.dialog.accepted.connect(lambda: self.submit(action, self.dialog.text() if self.dialog else ""))
        self.dialog.open()

    def submit(self, action: Action, text: str) -> None:
        payload = {"action": action.value, "text": text} if text else {"action": action.value}
        ticket_id = str(self.ticket["id"])
        self.services.sync.save(lambda batch: batch.act(Kind.TICKET, ticket_id, payload),
                                on_done=lambda _key: self._queued(action),
                                on_error=lambda exc: self._say(str(exc)))

    def _say(self, text: str) -> None:
        if shiboken6.isValid(self):  # the card may be closed before the action is written
            self.message.emit(text)

    def _queued(self, action: Action) -> None:
        if not shiboken6.isValid(self):  # closed right after «ОК»: the action is queued all the same
            return
        self.message.emit(self.tr("«%s»: отправляется на сервер.") % label(action))
        self.queued.emit(action.value)


class ListActions(QObject):
    """The ticket lists' context menu: «Открыть» and the actions the shared rule allows on the ticket
    under the mouse (read from the cache on the query lane first: a list row holds only what it shows)."""

    def __init__(self, view: QAbstractItemView, ticket_id_at: Callable[[QModelIndex], str | None],
                 services: Services, open_ticket: Callable[[str], None]) -> None:
        super().__init__(view)
        self.view, self.ticket_id_at, self.services, self.open_ticket = view, ticket_id_at, services, open_ticket
        self.menu: QMenu | None = None
        self.actions: TicketActions | None = None  # the one that runs what the menu chose
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self.request)

    def request(self, pos: QPoint) -> None:
        ticket_id = self.ticket_id_at(self.view.indexAt(pos))
        if ticket_id is None:
            return
        at, replica = self.view.viewport().mapToGlobal(pos), self.services.sync.replica
        Op(lambda _s: replica.get(Kind.TICKET, ticket_id), Lane.QUERY).success(
            lambda ticket: self._show(ticket, at)).run(self.services.tasks)

    def _show(self, ticket: dict[str, Any] | None, at: QPoint) -> None:
        if ticket is None:
            return
        if self.actions is not None:
            self.actions.deleteLater()
        self.actions = actions = TicketActions(ticket, self.services, self.view)
        actions.setVisible(False)  # its buttons' shortcuts belong to the card, not the list
        self.menu = menu = QMenu(self.view)
        menu.setObjectName("ticket_list_menu")
        menu.addAction(self.tr("Открыть"), lambda: self.open_ticket(str(ticket["id"])))
        offered = actions.offered()
        if offered:
            menu.addSeparator()
        for action in offered:
            item = menu.addAction(label(action), lambda a=action: actions.start(a))
            item.setObjectName(f"menu_{action.value}")
            item.setShortcut(QKeySequence(SHORTCUTS[action]))  # shown beside the entry, as in the card
        menu.popup(at)
