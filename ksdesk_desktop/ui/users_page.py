"""«Пользователи» (W3, issue 20): a supervisor administers users and reads the audit log. Two tabs: the
users (login, name, role, line, whether active) with «Создать», «Изменить», «Отключить»/«Включить» and
«Сбросить пароль», and «Журнал» (who did what, when, newest first, a page at a time).

Everything here is the server's: each command is one request on the network lane (never queued in the
outbox), and offline the page says that administration needs the server. The server checks every rule
and role again; its refusals are shown as it words them, in Russian, by code."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ksdesk_desktop.core.api_client import ApiClient, ApiError
from ksdesk_desktop.ops import Lane, Op
from ksdesk_desktop.ui.icons import ADD_CONTACT, EDIT, REFRESH, list_icon
from ksdesk_desktop.ui.keys import page_action
from ksdesk_desktop.ui.services import Services
from ksdesk_desktop.ui.table_view import read_only
from ksdesk_desktop.ui.user_dialogs import PasswordDialog, UserDialog, line_labels, role_labels
from sync.protocol import AuditPage, AuditRecord, UserCreate, UserPublic, UserUpdate
from sync.roles import Permission, line_of, may

AUDIT_PAGE = 100


def _table(name: str, titles: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(titles))
    read_only(table, name)
    table.setHorizontalHeaderLabels(titles)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _set_row(table: QTableWidget, row: int, cells: list[str]) -> None:
    for column, text in enumerate(cells):
        table.setItem(row, column, QTableWidgetItem(text))


class UsersPage(QWidget):
    changed = Signal()  # a command's answer was shown (tests wait on it)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("users_page")
        self.services = services
        self.users: list[UserPublic] = []
        self.entries: list[AuditRecord] = []
        self._older: str | None = None
        self.dialog: QDialog | None = None  # the dialog open now (tests reach it)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("users_tabs")
        self.tabs.addTab(self._users_tab(), self.tr("Пользователи"))
        self.tabs.addTab(self._audit_tab(), self.tr("Журнал"))
        self.tabs.currentChanged.connect(lambda _i: self.refresh())
        self.message = QLabel()
        self.message.setObjectName("users_message")
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<h2>{self.tr('Администрирование')}</h2>"))
        layout.addWidget(self.tabs)
        layout.addWidget(self.message)
        services.connection.changed.connect(self._follow_user)
        self._follow_user()

    # --- building ---------------------------------------------------------------------------------

    def _action(self, bar: QToolBar, name: str, text: str, shortcut: str, run: Callable[[], object],
                icon: str = "") -> QAction:
        action = page_action(self, name, text, [shortcut], run, list_icon(icon) if icon else None)
        bar.addAction(action)
        return action

    def _users_tab(self) -> QWidget:
        tab = QWidget()
        bar = QToolBar()
        bar.setObjectName("users_toolbar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.create_action = self._action(bar, "create_user", self.tr("&Создать"), "Ctrl+N", self.create_user,
                                          ADD_CONTACT)
        self.edit_action = self._action(bar, "edit_user", self.tr("&Изменить"), "F2", self.edit_user, EDIT)
        self.toggle_action = self._action(bar, "toggle_user", self.tr("&Отключить"), "Ctrl+D", self.toggle_user)
        self.reset_action = self._action(bar, "reset_password", self.tr("Сбросить &пароль"), "Ctrl+Shift+P",
                                         self.reset_password)
        bar.addSeparator()
        self.refresh_action = self._action(bar, "refresh", self.tr("О&бновить"), "F5", self.refresh, REFRESH)
        self.table = _table("users_table", [self.tr("Логин"), self.tr("ФИО"), self.tr("Роль"), self.tr("Линия"),
                                            self.tr("Активен")])
        self.table.horizontalHeader().setStretchLastSection(False)  # the name takes the room
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _i: self.edit_user())
        layout = QVBoxLayout(tab)
        layout.addWidget(bar)
        layout.addWidget(self.table)
        return tab

    def _audit_tab(self) -> QWidget:
        tab = QWidget()
        bar = QToolBar()
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        bar.addAction(self.refresh_action)  # one action, one shortcut: the tab in view is what it refreshes
        self.older_action = self._action(bar, "older_audit", self.tr("&Ранее"), "Ctrl+PgDown", self.load_older)
        self.audit_table = _table("audit_table", [self.tr("Когда"), self.tr("Кто"), self.tr("Что"),
                                                  self.tr("Изменения")])
        layout = QVBoxLayout(tab)
        layout.addWidget(bar)
        layout.addWidget(self.audit_table)
        return tab

    # --- who may ----------------------------------------------------------------------------------

    def allowed(self) -> bool:
        user = self.services.connection.user
        return user is not None and may(user.role, Permission.ADMIN_USERS)

    def _follow_user(self) -> None:
        for action in self.actions():
            action.setEnabled(self.allowed())
        only = self.tr("Пользователями управляет только супервизор.")
        if not self.allowed():
            self.message.setText(only)
        elif self.message.text() == only:
            self.message.setText("")
        self._selection_changed()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    # --- asking the server --------------------------------------------------------------------------

    def _ask(self, work: Callable[[ApiClient], Any], done: Callable[[Any], None], progress: str) -> bool:
        """Run ``work`` against the server on the network lane; offline, say that it needs the server."""
        api = self.services.api()
        if not self.allowed():
            return False
        if api is None:
            self._offline()
            return False
        self.message.setText(progress)
        Op(lambda _state: work(api), Lane.NETWORK).success(lambda result: self._done(done, result)) \
            .failure(self._failed).with_progress(progress).run(self.services.tasks)
        return True

    def _done(self, done: Callable[[Any], None], result: Any) -> None:
        self.message.setText("")
        done(result)
        self.changed.emit()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, ApiError) and exc.offline:
            self._offline()
        elif isinstance(exc, ApiError):
            self.message.setText(exc.message)
        else:
            raise exc
        self.changed.emit()

    def _offline(self) -> None:
        self.message.setText(self.tr("Нет связи с сервером: управление пользователями и журнал доступны только "
                                     "при связи с сервером. Изменения не сохраняются для отправки позже."))

    def refresh(self) -> None:
        if self.tabs.currentIndex() == 0:
            self._ask(lambda api: api.users(), self._show_users, self.tr("Загрузка пользователей…"))
        else:
            self._older = None
            self._ask(lambda api: api.audit(limit=AUDIT_PAGE), self._show_audit, self.tr("Загрузка журнала…"))

    def load_older(self) -> None:
        before = self._older
        if before is not None:
            self._ask(lambda api: api.audit(limit=AUDIT_PAGE, before=before),
                      lambda page: self._show_audit(page, more=True), self.tr("Загрузка журнала…"))

    # --- users ------------------------------------------------------------------------------------

    def selected(self) -> UserPublic | None:
        rows = self.table.selectionModel().selectedRows()
        return self.users[rows[0].row()] if rows and rows[0].row() < len(self.users) else None

    def _selection_changed(self) -> None:
        user = self.selected()
        for action in (self.edit_action, self.toggle_action, self.reset_action):
            action.setEnabled(user is not None and self.allowed())
        self.toggle_action.setText(self.tr("&Включить") if user is not None and not user.is_active
                                   else self.tr("&Отключить"))

    def _show_users(self, users: list[UserPublic], select: str | None = None) -> None:
        current = self.selected()
        keep = select or (str(current.id) if current is not None else None)
        self.users = users
        roles, lines = role_labels(), line_labels()
        self.table.setRowCount(len(users))
        for row, user in enumerate(users):
            _set_row(self.table, row, [user.login, user.full_name, roles.get(user.role, user.role),
                                       lines.get(user.line or line_of(user.role), ""),
                                       self.tr("да") if user.is_active else self.tr("нет")])
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        found = next((row for row, u in enumerate(users) if str(u.id) == keep), None)
        if found is not None:
            self.table.selectRow(found)
        self._selection_changed()

    def _replace(self, user: UserPublic) -> None:
        users = [user if u.id == user.id else u for u in self.users]
        if user not in users:
            users = sorted([*users, user], key=lambda u: u.login)
        self._show_users(users, select=str(user.id))

    def _open(self, dialog: QDialog, accepted: Callable[[], object] | None = None) -> None:
        """Show ``dialog`` (modal to the window, without a nested event loop); ``accepted`` runs on OK."""
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if accepted is not None:
            dialog.accepted.connect(accepted)
        dialog.finished.connect(lambda _result: self._closed(dialog))
        dialog.open()

    def _closed(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def create_user(self) -> None:
        if not self.allowed():
            return
        if self.services.api() is None:
            self._offline()
            return
        dialog = UserDialog(None, self)

        def send() -> None:
            body = dialog.request()
            assert isinstance(body, UserCreate)
            self._ask(lambda api: api.create_user(body), self._replace, self.tr("Создание пользователя…"))
        self._open(dialog, send)

    def edit_user(self) -> None:
        user = self.selected()
        if user is None or not self.allowed():
            return
        dialog = UserDialog(user, self)

        def send() -> None:
            body = dialog.request()
            assert isinstance(body, UserUpdate)
            self._update(user, body)
        self._open(dialog, send)

    def _update(self, user: UserPublic, body: UserUpdate) -> None:
        if body.model_dump(exclude_none=True):
            self._ask(lambda api: api.update_user(user.id, body), self._replace, self.tr("Сохранение…"))

    def toggle_user(self) -> None:
        user = self.selected()
        if user is not None and self.allowed():
            self._update(user, UserUpdate(is_active=not user.is_active))

    def reset_password(self) -> None:
        user = self.selected()
        if user is None or not self.allowed():
            return
        self._ask(lambda api: api.reset_password(user.id), lambda password: self._show_password(user, password),
                  self.tr("Сброс пароля…"))

    def _show_password(self, user: UserPublic, password: str) -> None:
        self.message.setText(self.tr("Пароль пользователя «%1» сброшен.").replace("%1", user.login))
        self._open(PasswordDialog(user.login, password, self))

    # --- the audit log ------------------------------------------------------------------------------

    def _show_audit(self, page: AuditPage, more: bool = False) -> None:
        self.entries = [*self.entries, *page.entries] if more else list(page.entries)
        self._older = str(page.next_before) if page.next_before else None
        self.older_action.setEnabled(self._older is not None)
        logins = {str(u.id): u.login for u in self.users}
        self.audit_table.setRowCount(len(self.entries))
        for row, entry in enumerate(self.entries):
            _set_row(self.audit_table, row, [entry.at.astimezone().strftime("%d.%m.%Y %H:%M:%S"),
                                             entry.user_name or self.tr("система"), self._what(entry, logins),
                                             _changes(entry.changes, entry.entity == "user")])
        self.audit_table.resizeColumnsToContents()
        self.audit_table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)

    def _what(self, entry: AuditRecord, logins: dict[str, str]) -> str:
        entity = {"user": self.tr("Пользователь"), "ticket": self.tr("Обращение")}.get(entry.entity, entry.entity)
        action = {"created": self.tr("создан"), "updated": self.tr("изменён"),
                  "password_reset": self.tr("сброшен пароль")}.get(entry.action, entry.action)
        name = logins.get(str(entry.entity_id), str(entry.entity_id)[:8])
        return f"{entity} {name}: {action}"


def _changes(changes: dict[str, Any], user: bool) -> str:
    """``{field: [old, new]}`` (or a plain value) as one line; a user's fields and values by their labels."""
    t = QCoreApplication.translate
    names = {"login": t("UsersPage", "Логин"), "full_name": t("UsersPage", "ФИО"), "role": t("UsersPage", "Роль"),
             "line": t("UsersPage", "Линия"), "is_active": t("UsersPage", "Активен")} if user else {}
    values: dict[Any, str] = {**role_labels(), **line_labels(), True: t("UsersPage", "да"),
                              False: t("UsersPage", "нет")} if user else {}

    def shown(value: Any) -> str:
        return values.get(value, str(value)) if isinstance(value, str | bool) else str(value)

    parts = []
    for name, value in changes.items():
        label = names.get(name, name)
        if isinstance(value, list) and len(value) == 2:
            parts.append(f"{label}: {shown(value[0])} → {shown(value[1])}")
        else:
            parts.append(f"{label}: {shown(value)}")
    return "; ".join(parts) or t("UsersPage", "—")
