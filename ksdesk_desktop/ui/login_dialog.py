"""Login dialog: server, login, password, «Запомнить». The login runs in the background; a wrong
password or an unreachable server is said in Russian, and nothing typed is lost."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ksdesk_desktop.core.api_client import ApiClient, ApiError
from ksdesk_desktop.ops import Op, TaskManager
from ksdesk_desktop.ui.forms import child, load_form
from sync.errors import ErrorCode
from sync.protocol import TokenPair


class LoginDialog(QDialog):
    def __init__(
        self,
        tasks: TaskManager,
        *,
        server_url: str = "",
        login: str = "",
        remember: bool = True,
        keyring_available: bool = True,
        api_factory: Callable[[str], ApiClient] = ApiClient,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("login_dialog")
        self.setWindowTitle(self.tr("Вход — КС Деск"))
        self.setMinimumWidth(440)
        self._tasks = tasks
        self._api_factory = api_factory
        self.api: ApiClient | None = None
        self.tokens: TokenPair | None = None

        form = load_form("login_form.ui", self)
        self._layout = QVBoxLayout(self)
        self._layout.addWidget(form)
        self.server_edit = child(form, QLineEdit, "server_edit")
        self.login_edit = child(form, QLineEdit, "login_edit")
        self.password_edit = child(form, QLineEdit, "password_edit")
        self.remember_check = child(form, QCheckBox, "remember_check")
        self.message_label = child(form, QLabel, "message_label")
        self.buttons = child(form, QDialogButtonBox, "buttons")
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Войти"))
        self.buttons.accepted.connect(self.try_login)
        self.buttons.rejected.connect(self.reject)

        self.server_edit.setText(server_url)
        self.login_edit.setText(login)
        self.remember_check.setChecked(remember and keyring_available)
        if not keyring_available:
            self.remember_check.setEnabled(False)
            self.remember_check.setToolTip(
                self.tr("Хранилище паролей системы недоступно: пароль нужно вводить при каждом входе.")
            )
        (self.password_edit if login else self.login_edit if server_url else self.server_edit).setFocus()

    @property
    def remember(self) -> bool:
        return self.remember_check.isChecked()

    def show_message(self, text: str, error: bool = True) -> None:
        self.message_label.setStyleSheet("color: #b00020;" if error else "")
        self.message_label.setText(text)
        # a long message wraps: grow the dialog to fit it rather than cut its last line off
        self._layout.activate()
        needed = self.heightForWidth(self.width())
        if needed > self.height():
            self.resize(self.width(), needed)

    def _validate(self) -> str | None:
        url = self.server_edit.text().strip()
        if not url.startswith(("http://", "https://")):
            self.server_edit.setFocus()
            return self.tr("Укажите адрес сервера, начиная с http:// или https://.")
        if not self.login_edit.text().strip():
            self.login_edit.setFocus()
            return self.tr("Укажите логин.")
        if not self.password_edit.text():
            self.password_edit.setFocus()
            return self.tr("Укажите пароль.")
        return None

    def try_login(self) -> None:
        problem = self._validate()
        if problem:
            self.show_message(problem)
            return
        api = self._api_factory(self.server_edit.text().strip())
        login, password = self.login_edit.text().strip(), self.password_edit.text()
        self.ok_button.setEnabled(False)
        self.show_message(self.tr("Вход…"), error=False)
        Op(lambda _state: api.login(login, password)).success(
            lambda pair: self._logged_in(api, pair)
        ).failure(lambda exc: self._failed(api, exc)).with_progress(self.tr("Вход в систему")).run(self._tasks)

    def _logged_in(self, api: ApiClient, pair: TokenPair) -> None:
        self.api, self.tokens = api, pair
        self.ok_button.setEnabled(True)
        self.accept()

    def _wait_text(self, seconds: int) -> str:
        if seconds < 60:
            return self.tr("{n}\u00a0с").format(n=seconds)
        return self.tr("{n}\u00a0мин").format(n=-(-seconds // 60))

    def _failed(self, api: ApiClient, exc: BaseException) -> None:
        api.close()
        self.ok_button.setEnabled(True)
        if isinstance(exc, ApiError) and exc.offline:
            text = self.tr("Не удалось подключиться к серверу {url}. Проверьте адрес и сеть.").format(
                url=api.base_url
            )
        elif isinstance(exc, ApiError) and exc.code == ErrorCode.TOO_MANY_ATTEMPTS:
            text = self.tr("Слишком много неудачных попыток входа. Повторите через {wait}.").format(
                wait=self._wait_text(exc.retry_after or 60)
            )
        elif isinstance(exc, ApiError):
            text = exc.message
        else:
            raise exc
        self.show_message(text)
        self.password_edit.selectAll()
        self.password_edit.setFocus()
