"""The controller: owns the services and the main window, and connects the network side to what the
user sees. This module brings in the heavy half of the client (the SQLAlchemy store, pydantic models,
httpx, keyring, the sync runner): the start imports it only once the window is on screen
(``ksdesk_desktop.quick_start``), on a worker thread (``ksdesk_desktop.start_loader``).

``Controller(...)`` builds everything at once (tests, benchmarks). With ``staged=True`` it builds only
the core and leaves the rest to :meth:`Controller.build_step`, one short step per event-loop turn, so
that a window already shown stays responsive while the pages are made.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from dataclasses import replace

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMessageBox

from ksdesk_desktop.core.api_client import ApiClient, ApiError
from ksdesk_desktop.core.attachments import LocalFiles
from ksdesk_desktop.core.config import UserSettings
from ksdesk_desktop.core.credentials import CredentialStore
from ksdesk_desktop.core.options import DEMO_LOGIN, DEMO_PASSWORD, Options
from ksdesk_desktop.core.paths import Paths
from ksdesk_desktop.embedded import EmbeddedServer
from ksdesk_desktop.ops import Lane, Op, TaskManager
from ksdesk_desktop.session import Connection
from ksdesk_desktop.store.db import LocalStore
from ksdesk_desktop.store.directory import Directory
from ksdesk_desktop.store.drafts import Drafts
from ksdesk_desktop.store.recovery import Recovery, check_later
from ksdesk_desktop.store.replica import Replica
from ksdesk_desktop.store.ticket_list import TicketList
from ksdesk_desktop.sync_runner import SyncRunner
from ksdesk_desktop.sysinfo import SystemContext, system_info
from ksdesk_desktop.ui.agent_page import AgentPage
from ksdesk_desktop.ui.clients_page import ClientsPage
from ksdesk_desktop.ui.drafts_page import DraftsPage
from ksdesk_desktop.ui.login_dialog import LoginDialog
from ksdesk_desktop.ui.main_window import MainWindow
from ksdesk_desktop.ui.pages import agent_page_specs, users_page_spec
from ksdesk_desktop.ui.recent_tickets import RecentTicketsPage
from ksdesk_desktop.ui.recovery_notice import RecoveryNotice
from ksdesk_desktop.ui.reference_pages import reference_pages
from ksdesk_desktop.ui.services import Services
from ksdesk_desktop.ui.ticket_list import ListMode, TicketListPage
from ksdesk_desktop.ui.ticket_windows import TicketWindows
from ksdesk_desktop.ui.users_page import UsersPage
from sync.protocol import Health, TokenPair
from sync.roles import Permission, may
from sync.tickets import Availability, availability

INITIAL_SYNC_PROGRESS = 2000  # changes behind: from here on the status bar shows the catch-up
LOOK_UP = object()  # Controller.start: read the kept session from the keyring now (else: already read)


def keep_out_of_full_collections() -> None:
    """P3: what the start made (modules, classes, the window and its pages: some 150 000 objects) lives
    as long as the client, so the collector's full passes no longer walk it. Such a pass ran on the
    UI thread in the middle of whatever the operator did: about 100 ms with 100 000 cached tickets.
    Once per process (tests start many controllers)."""
    if not gc.get_freeze_count():
        gc.freeze()


class Controller(QObject):
    """Owns the services and the main window; connects the network side to what the user sees."""

    def __init__(self, options: Options, paths: Paths, store: LocalStore, settings: UserSettings,
                 credentials: CredentialStore | None = None, *, window: MainWindow | None = None,
                 staged: bool = False, feed_handover: Callable[[TicketListPage], None] | None = None,
                 recovery: Recovery | None = None) -> None:
        """``window``: a main window already shown (the quick start's), taken over; ``feed_handover``
        gets the desktop's real feed once it replaced whatever the window showed there; ``recovery``:
        what the start found damaged and saved (``store.recovery.open_store``), told the operator."""
        super().__init__()
        self.options, self.paths, self.store, self.settings = options, paths, store, settings
        self.credentials = credentials or CredentialStore()
        self._closed = False
        self._feed_handover = feed_handover
        self.recovery = recovery
        self.recovery_notice: RecoveryNotice | None = None
        self.tasks = TaskManager(self)
        self.connection = Connection(self)
        self.embedded: EmbeddedServer | None = None
        self.login_dialog: LoginDialog | None = None
        self.language_message: QMessageBox | None = None  # «Меню → Язык» said when the change applies
        self.ticket_pages: list[TicketListPage] = []
        if window is None:
            self.window = MainWindow(self.connection, self.system_info, on_close=self.shutdown)
        else:
            self.window = window
            window.attach(self.connection, self.system_info, on_close=self.shutdown)
        self._steps = self._build()
        self.built = False
        if not staged:
            while self.build_step():
                pass

    def build_step(self) -> bool:
        """Build the next part; ``False`` once everything is built."""
        if self.built:
            return False
        try:
            next(self._steps)
        except StopIteration:
            self.built = True
        return not self.built

    def _build(self) -> Iterator[None]:
        """The parts, each short enough for one event-loop turn."""
        store, settings, window = self.store, self.settings, self.window
        self.tasks.busy_changed.connect(window.status.set_busy)
        self.connection.error.connect(lambda msg: window.statusBar().showMessage(msg, 15000))
        self.replica = Replica(store)
        self.sync = SyncRunner(self.replica, self.tasks, interval_s=float(settings.get("sync_interval_s")), parent=self)
        self.sync.status_changed.connect(self._show_sync_state)
        self.sync.progress.connect(self._show_sync_progress)
        self.sync.problems_changed.connect(window.problem_bar.show_problems)
        window.problem_bar.load_requested.connect(self.sync.revert)
        window.problem_bar.keep_requested.connect(self.sync.keep_mine)
        window.status.cancel_button.clicked.connect(self.sync.cancel)
        window.status.resume_button.clicked.connect(self.sync.resume)
        window.show_language(self.options.lang or str(settings.get("language")))
        window.language_chosen.connect(self.choose_language)
        self.directory = Directory(store)
        self.services = Services(self.tasks, self.directory, self.sync, self.connection)
        yield
        specs = window.specs  # each page as ui.pages.builtin_pages declares it
        window.add_page(specs["clients"], ClientsPage(self.services))
        yield
        for key, reference in reference_pages(self.services).items():  # complexes, contracts, lists (issue 5)
            window.add_page(specs[key], reference)
        yield
        files = LocalFiles(store, self.paths.data / "attachments")
        self.tickets = TicketWindows(self.services, Drafts(store), files, window, system_info=self.system_info)
        window.add_command(specs["new_ticket"], self.tickets.new_ticket)
        window.desktop_page.offer_create(self.tickets.new_ticket, specs["new_ticket"].tip())
        window.add_bottom_bar(self.tickets.toast)
        self.drafts_page = DraftsPage(self.tasks, self.tickets.drafts)
        self.drafts_page.open_requested.connect(self.tickets.open_draft)
        self.drafts_page.counted.connect(window.desktop_page.show_drafts)
        self.tickets.drafts_changed.connect(self.drafts_page.refresh)
        window.add_page(specs["drafts"], self.drafts_page)
        window.desktop_page.offer_drafts(lambda: window.show_page(self.drafts_page), specs["drafts"].tip())
        self.ticket_list = TicketList(store)
        yield
        pages: list[TicketListPage] = []
        for mode in (ListMode.ALL, ListMode.AVAILABLE, ListMode.FEED):
            page = TicketListPage(self.services, self.ticket_list, mode, scope=self._availability)
            page.create_requested.connect(self.tickets.new_ticket)  # N5: every list opens the same form and card
            page.open_requested.connect(self.tickets.open_ticket)
            pages.append(page)
            yield
        self.ticket_pages = pages
        window.add_page(specs["tickets"], pages[0])  # N2: from the Navigator
        window.add_page(specs["available_documents"], pages[1])  # N3: from the current tasks
        self.recent_page = RecentTicketsPage(self.tasks, self.ticket_list, self._user_id)
        self.recent_page.open_requested.connect(self.tickets.open_ticket)
        self.sync.records_changed.connect(self.recent_page.records_changed)
        window.add_page(specs["recent"], self.recent_page)
        window.add_command(specs["last_ticket"], self.tickets.open_last)
        window.desktop_page.set_feed(pages[2], pages[2].listed)  # N4
        if self._feed_handover is not None:
            self._feed_handover(pages[2])
        self.agent_page = AgentPage(self.services)  # issue 19: the agent's queue and task in hand, every role
        self.agent_page.open_ticket_requested.connect(self.tickets.open_ticket)
        self.agent_page.state_changed.connect(window.status.set_agent_state)
        agent, agent_in_navigator = agent_page_specs()
        window.add_page(agent, self.agent_page)
        window.navigator_page.add_leaf(agent_in_navigator)
        self.users_page = UsersPage(self.services)  # W3: shown to a supervisor once one signs in
        self._users_action: QAction | None = None
        self.connection.changed.connect(self._offer_users)
        self._offer_users()
        self.health_timer = QTimer(self)
        self.health_timer.setInterval(int(settings.get("health_interval_s")) * 1000)
        self.health_timer.timeout.connect(self.check_health)

    @property
    def closed(self) -> bool:
        return self._closed

    @property
    def server_url(self) -> str:
        return self.options.server or str(self.settings.get("server_url"))

    # --- start ------------------------------------------------------------------------------

    def start(self, refresh_token: object = LOOK_UP) -> None:
        """Show the window and connect. ``refresh_token``: the kept session if it was already read
        from the keyring (a ``str`` or ``None``) — the quick start reads it on a worker."""
        while self.build_step():
            pass
        self._show_sync_state()
        self.window.problem_bar.show_problems(self.sync.problems)
        if self.recovery is not None and self.recovery.happened:
            self._tell_recovery(self.recovery)
        if self.recovery is not None and not self.recovery.checked:  # a large cache: checked in full now
            path = self.store.path
            Op(lambda _s: check_later(path), Lane.DB).success(self._checked_later).run(self.tasks)
        self.window.show()
        self.tickets.reopen_drafts()
        self.drafts_page.refresh()  # the desktop shows how many there are
        keep_out_of_full_collections()
        if self.server_url:
            self._start_remote(refresh_token)
        else:
            self._start_embedded()

    def _checked_later(self, found: str | None) -> None:
        if found is not None and self.recovery is not None:
            self._tell_recovery(replace(self.recovery, later_damage=found))

    def _tell_recovery(self, recovery: Recovery) -> None:
        if self.recovery_notice is not None:
            self.recovery_notice.deleteLater()
        self.recovery_notice = RecoveryNotice(recovery)
        self.window.add_notice(self.recovery_notice)

    def kept_session(self) -> str | None:
        """The refresh token kept for the last login on the configured server, if any (keyring: may
        be slow; any thread)."""
        login = str(self.settings.get("login"))
        return self.credentials.load_refresh_token(self.server_url, login) if login and self.server_url else None

    def _start_embedded(self) -> None:
        self.embedded = EmbeddedServer(
            self.paths.embedded_server, self.paths.logs / "embedded-server.log",
            demo_tickets=self.options.demo_tickets, parent=self,
        )
        self.embedded.ready.connect(self._embedded_ready)
        self.embedded.progress.connect(
            lambda stage, done, total: self.window.status.set_progress(stage, done, total)
        )
        self.embedded.stopped.connect(self._embedded_stopped)
        self.embedded.restarting.connect(self._embedded_restarting)
        self.connection.set_starting(True)
        self.window.status.set_busy(self.tr("Запуск встроенного сервера…"))
        self.embedded.start()

    def _embedded_ready(self, url: str) -> None:
        self.window.status.set_busy("")
        api = ApiClient(url)
        self.connection.set_api(api, embedded=True)
        restarted = self.embedded is not None and self.embedded.restarts > 0

        def logged_in(result: tuple[TokenPair, Health]) -> None:
            self._logged_in(*result)
            if restarted:  # S5: said where the stop was said
                self.window.statusBar().showMessage(self.tr("Встроенный сервер перезапущен, связь восстановлена."),
                                                    15000)

        Op(lambda _s: (api.login(DEMO_LOGIN, DEMO_PASSWORD), api.health())).success(logged_in).failure(
            self._network_failed).with_progress(self.tr("Вход в систему")).run(self.tasks)

    def _embedded_restarting(self) -> None:
        self.connection.set_starting(True)
        self.window.status.set_busy(self.tr("Перезапуск встроенного сервера…"))

    def _embedded_stopped(self, message: str) -> None:
        self.window.status.set_busy("")
        self.health_timer.stop()
        self.connection.set_offline(message)
        self.connection.report(message)

    def _start_remote(self, refresh_token: object = LOOK_UP) -> None:
        token = self.kept_session() if refresh_token is LOOK_UP else refresh_token
        if not isinstance(token, str) or not token:
            self.ask_login()
            return
        api = ApiClient(self.server_url)
        self.connection.set_api(api, embedded=False)
        self.connection.set_starting(True)
        Op(lambda _s: (api.refresh(token), api.health())).success(
            lambda result: self._logged_in(*result)
        ).failure(self._refresh_failed).with_progress(self.tr("Восстановление сеанса")).run(self.tasks)

    def _refresh_failed(self, exc: BaseException) -> None:
        if isinstance(exc, ApiError) and exc.offline:
            self._network_failed(exc)  # keep working from the cache; retry when the server answers
            self.health_timer.start()
            return
        self.credentials.forget(self.server_url, str(self.settings.get("login")))
        self.ask_login()

    def ask_login(self) -> LoginDialog:
        dialog = LoginDialog(
            self.tasks,
            server_url=self.server_url,
            login=str(self.settings.get("login")),
            remember=bool(self.settings.get("remember")),
            keyring_available=self.credentials.available,
            parent=self.window,
        )
        dialog.finished.connect(lambda result: self._login_finished(dialog, result))
        self.login_dialog = dialog
        dialog.open()
        return dialog

    def _login_finished(self, dialog: LoginDialog, result: int) -> None:
        if result != QDialog.DialogCode.Accepted or dialog.api is None or dialog.tokens is None:
            self.connection.set_offline(self.tr("Вход не выполнен."))
            return
        api, pair = dialog.api, dialog.tokens
        self.settings.set("server_url", api.base_url)  # the next start connects to the same server
        self.settings.set("login", pair.user.login)
        self.settings.set("remember", dialog.remember)
        self.settings.save()
        self.connection.set_api(api, embedded=False)
        Op(lambda _s: (pair, api.health())).success(lambda r: self._logged_in(*r)).failure(
            self._network_failed
        ).run(self.tasks)

    def _logged_in(self, pair: TokenPair, health: Health) -> None:
        self.connection.set_user(pair.user)
        self.connection.set_online(health)
        remember = not self.connection.embedded and self.settings.get("remember")
        api = self.connection.api
        # the one place a session is kept: after a login and after every refresh (tokens rotate), the
        # ones the API client makes by itself when an access token expires included
        if remember and not self._keep_session(pair):
            self.connection.report(
                self.tr("Хранилище паролей недоступно: при следующем запуске нужно будет войти снова.")
            )
        if api is not None:
            api.on_refresh = self._keep_session if remember else None
        self.health_timer.start()
        if api is not None and (self.sync.engine is None or self.sync.engine.transport is not api):
            self.sync.set_api(api)

    def _offer_users(self) -> None:
        """«Пользователи» in the Navigator, the menu and by its shortcut for a supervisor only; the server
        refuses everyone else in any case."""
        user = self.connection.user
        supervisor = user is not None and may(user.role, Permission.ADMIN_USERS)
        if supervisor and self._users_action is None:
            self._users_action = self.window.add_page(users_page_spec(), self.users_page)
        if self._users_action is not None:
            self._users_action.setVisible(supervisor)
            self._users_action.setEnabled(supervisor)
            self.window.offer_page(users_page_spec().key, supervisor)

    def _keep_session(self, pair: TokenPair) -> bool:
        """Keep ``pair``'s refresh token for the next start (any thread: the keyring is not Qt's)."""
        return self.credentials.save_refresh_token(self.connection.server_url, pair.user.login, pair.refresh_token)

    def _user_id(self) -> str | None:
        """Whose tickets «Последние» lists: as :meth:`_availability` knows the user."""
        rule = self._availability()
        return rule.user_id if rule is not None else None

    def _availability(self) -> Availability | None:
        """N3: whose tasks «Список доступных документов» shows — the logged-in user, or before the
        login (offline start) the one who logged in last. Runs on a worker."""
        user = self.connection.user
        if user is not None:
            return availability(str(user.id), user.role, user.line)
        login = str(self.settings.get("login") or ("" if self.server_url else DEMO_LOGIN))
        found = self.ticket_list.user(login) if login else None
        return availability(*found) if found else None

    def _show_sync_state(self) -> None:
        s = self.sync
        self.window.status.show_sync(pending=s.pending, last_sync=s.last_sync, error=s.error, running=s.running,
                                     paused=s.paused)

    def _show_sync_progress(self, done: int, total: int) -> None:
        if total >= INITIAL_SYNC_PROGRESS:  # a long catch-up shows progress and can be stopped
            self.window.status.show_sync_progress(done, total)

    def _network_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, ApiError):
            raise exc
        self.connection.set_offline(exc.message)
        if not exc.offline:
            self.connection.report(exc.message)

    # --- while running ------------------------------------------------------------------------

    def check_health(self) -> None:
        api = self.connection.api
        if api is None:
            return
        Op(lambda _s: api.health()).success(self.connection.set_online).failure(self._network_failed).run(self.tasks)

    def choose_language(self, lang: str) -> QMessageBox:
        """P2: «Меню → Язык» — remembered in the user settings, used from the next start on."""
        self.settings.set("language", lang)
        self.settings.save()
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Язык интерфейса"),
                          self.tr("Язык интерфейса сменится при следующем запуске программы."),
                          QMessageBox.StandardButton.Ok, self.window)
        box.setObjectName("language_message")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.language_message = box
        box.open()
        return box

    def system_info(self) -> str:
        c = self.connection
        return system_info(SystemContext(
            server_url=c.server_url,
            server_kind=(self.tr("встроенный") if c.embedded else self.tr("внешний")) if c.server_url else "",
            server_version=c.health.version if c.health else "",
            server_database=c.health.database if c.health else "",
            cache_path=str(self.store.path),
            cache_bytes=self.store.size_bytes(),
            user=f"{c.user.login} ({c.user.full_name}, {c.user.role})" if c.user else "",
            language=self.options.lang or str(self.settings.get("language")),
        ))

    def shutdown(self) -> None:
        """Stop everything (also when the window closes while the controller is still being built)."""
        if self._closed:
            return
        self._closed = True
        self.built = True  # no more steps
        if hasattr(self, "health_timer"):
            self.health_timer.stop()
        if hasattr(self, "sync"):
            self.sync.stop()
        self.tasks.shutdown()
        if self.embedded is not None:
            self.embedded.stop()
        self.connection.close()
        self.store.close()
