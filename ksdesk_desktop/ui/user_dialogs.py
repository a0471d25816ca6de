"""The dialogs of «Пользователи» (W3): a user's card (create or change: login and initial password only
when creating) and the temporary password a reset gave, shown once with a copy button. The card checks
the rules of ``sync.accounts`` before it lets the page ask the server, which checks them again."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sync import accounts
from sync.protocol import UserCreate, UserPublic, UserUpdate
from sync.roles import Line, Role, line_of


def role_labels() -> dict[str, str]:
    t = QCoreApplication.translate
    return {Role.OPERATOR: t("UsersPage", "Оператор"), Role.SPECIALIST: t("UsersPage", "Специалист"),
            Role.SUPERVISOR: t("UsersPage", "Супервизор")}


def line_labels() -> dict[str, str]:
    t = QCoreApplication.translate
    return {Line.LINE_1: t("UsersPage", "1-я линия"), Line.LINE_2: t("UsersPage", "2-я линия")}


def _combo(name: str, labels: dict[str, str]) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    for code, label in labels.items():
        combo.addItem(label, str(code))
    return combo


class UserDialog(QDialog):
    """A new user (``user`` None) or the changes to one. ``request()`` is what the page sends."""

    def __init__(self, user: UserPublic | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("user_dialog")
        self.user = user
        self.setWindowTitle(self.tr("Новый пользователь") if user is None else self.tr("Пользователь"))
        self.login = QLineEdit(user.login if user else "")
        self.login.setObjectName("user_login")
        self.login.setMaxLength(accounts.LOGIN_MAX)
        self.login.setReadOnly(user is not None)
        self.full_name = QLineEdit(user.full_name if user else "")
        self.full_name.setObjectName("user_full_name")
        self.full_name.setMaxLength(accounts.FULL_NAME_MAX)
        self.role = _combo("user_role", role_labels())
        self.line = _combo("user_line", line_labels())
        self.password = QLineEdit()
        self.password.setObjectName("user_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.problem = QLabel()
        self.problem.setObjectName("user_problem")
        self.problem.setStyleSheet("color: #b00020")
        self.problem.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Логин"), self.login)
        form.addRow(self.tr("&ФИО"), self.full_name)
        form.addRow(self.tr("&Роль"), self.role)
        form.addRow(self.tr("Л&иния"), self.line)
        if user is None:
            form.addRow(self.tr("&Пароль"), self.password)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Сохранить"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Отмена"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self._select(self.role, str(user.role) if user else Role.OPERATOR)
        self._select(self.line, str(user.line or line_of(user.role)) if user else Line.LINE_1)
        self.role.activated.connect(self._role_chosen)
        (self.full_name if user else self.login).setFocus()

    @staticmethod
    def _select(combo: QComboBox, code: str) -> None:
        combo.setCurrentIndex(max(0, combo.findData(str(code))))

    def _role_chosen(self) -> None:
        """A role brings its line; the line may then be changed."""
        self._select(self.line, line_of(str(self.role.currentData())))

    def problems(self) -> str | None:
        """What must be fixed before the server is asked (the rules of ``sync.accounts``)."""
        if self.user is None and accounts.login_problem(self.login.text()):
            return self.tr("Логин: латинские буквы, цифры, точка, дефис и подчёркивание, до 64 символов.")
        if not self.full_name.text().strip():
            return self.tr("Заполните поле «ФИО».")
        if self.user is None and accounts.password_problem(self.password.text()):
            return self.tr("Пароль: не короче %1 символов.").replace("%1", str(accounts.PASSWORD_MIN))
        return None

    def accept(self) -> None:
        problem = self.problems()
        self.problem.setText(problem or "")
        if problem is None:
            super().accept()

    def request(self) -> UserCreate | UserUpdate:
        role, line = Role(self.role.currentData()), Line(self.line.currentData())
        name = self.full_name.text().strip()
        if self.user is None:
            return UserCreate(login=self.login.text().strip(), full_name=name, role=role, line=line,
                              password=self.password.text())
        old = self.user
        return UserUpdate(full_name=name if name != old.full_name else None, role=role if role != old.role else None,
                          line=line if line != (old.line or line_of(old.role)) else None)


class PasswordDialog(QDialog):
    """The temporary password of a reset: shown once, selectable, with «Копировать»."""

    def __init__(self, login: str, password: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("password_dialog")
        self.setWindowTitle(self.tr("Временный пароль"))
        note = QLabel(self.tr("Временный пароль пользователя «%1». Он показан только сейчас: передайте его "
                              "пользователю. Прежние сеансы пользователя завершены.").replace("%1", login))
        note.setWordWrap(True)
        self.password = QLineEdit(password)
        self.password.setObjectName("temporary_password")
        self.password.setReadOnly(True)
        self.password.selectAll()
        copy = QPushButton(self.tr("&Копировать"))
        copy.setObjectName("copy_password")
        copy.clicked.connect(self.copy)
        row = QHBoxLayout()
        row.addWidget(self.password)
        row.addWidget(copy)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Закрыть"))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(row)
        layout.addWidget(close)
        self.resize(460, self.sizeHint().height())

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.password.text())
        self.password.selectAll()
