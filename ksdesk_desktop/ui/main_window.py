"""The main window: the quick-access panel switches between Navigator, current tasks and desktop
(N1); the menu has «О программе» (T10); the status bar shows the sync state (S5). Services come in
through the constructor — no globals.

The window needs nothing but Qt: at start it is built and shown before the rest of the client is
imported, and the controller takes it over with :meth:`MainWindow.attach` (the connection, the
system information, what closing does) and the ``install_*`` methods. Until a page is installed,
opening it from the Navigator or the current tasks is remembered and done once it is there."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, SignalInstance
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QStackedWidget, QToolBar, QVBoxLayout, QWidget

from ksdesk_desktop.core.resources import resource
from ksdesk_desktop.ui.pages import CurrentTasksPage, DesktopPage, NavigatorPage
from ksdesk_desktop.ui.status_bar import SyncStatusBar

if TYPE_CHECKING:  # both import the client's heavy half (the store, the models): made on first use
    from ksdesk_desktop.session import Connection
    from ksdesk_desktop.ui.about_dialog import AboutDialog
    from ksdesk_desktop.ui.notices import ProblemBar


class MainWindow(QMainWindow):
    def __init__(
        self,
        connection: Connection | None,
        system_info: Callable[[], str],
        on_close: Callable[[], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("main_window")
        self.setWindowTitle(self.tr("КС Деск — рабочее место сотрудника поддержки"))
        self.resize(1200, 760)
        self._system_info = system_info
        self._on_close = on_close
        self.about_dialog: AboutDialog | None = None
        self.clients_page: QWidget | None = None
        self.directory_pages: dict[str, QWidget] = {}  # the Navigator's key → a reference page
        self.ticket_list_page: QWidget | None = None
        self.available_page: QWidget | None = None
        self._places: dict[QWidget, QWidget] = {}  # a page → the quick-access place it belongs to
        self._wanted = ""  # a page asked for from the Navigator before it was installed
        self._problem_bar: ProblemBar | None = None

        self.navigator_page = NavigatorPage()
        self.current_tasks_page = CurrentTasksPage()
        self.desktop_page = DesktopPage()
        self.pages = QStackedWidget()
        self.pages.setObjectName("pages")
        for page in (self.navigator_page, self.current_tasks_page, self.desktop_page):
            self.pages.addWidget(page)
        # the quick-access panel on the left, beside the pages (and the problem bar above them) — a
        # toolbar in the central widget rather than in the left toolbar area: placing it there takes
        # Qt.ToolBarArea, and the window does without PySide's Qt namespace (see ui.pages.KEY)
        self.quick_access = self._build_quick_access()
        central = QWidget()
        row = QHBoxLayout(central)
        self._central_layout = column = QVBoxLayout()
        for layout in (row, column):
            layout.setContentsMargins(0, 0, 0, 0)
            layout.setSpacing(0)
        column.addWidget(self.pages, 1)  # the problem bar goes above the pages once it is made
        row.addWidget(self.quick_access)
        row.addLayout(column, 1)
        self.setCentralWidget(central)
        for place in (self.navigator_page, self.current_tasks_page):
            place.open_requested.connect(self._navigate)
        self.desktop_page.create_button.setEnabled(False)  # until the ticket form is installed

        self._build_menu()
        self.status = SyncStatusBar(connection, self)
        self.setStatusBar(self.status)
        self.show_page(self.desktop_page)

    def attach(self, connection: Connection, system_info: Callable[[], str],
               on_close: Callable[[], None] | None = None) -> None:
        """The controller takes over a window built without one (the quick start)."""
        self._system_info = system_info
        self._on_close = on_close
        self.status.attach(connection)

    @property
    def problem_bar(self) -> ProblemBar:
        """Notices about changes the server refused or that conflict (S2, S4), above the pages."""
        if self._problem_bar is None:
            from ksdesk_desktop.ui.notices import ProblemBar

            self._problem_bar = ProblemBar()
            self._central_layout.insertWidget(0, self._problem_bar)
        return self._problem_bar

    def _build_quick_access(self) -> QToolBar:
        bar = QToolBar(self.tr("Панель быстрого доступа"))
        bar.setObjectName("quick_access")
        bar.setMovable(False)
        bar.setProperty("orientation", "Vertical")  # enum properties by name: see ui.pages.KEY
        bar.setProperty("toolButtonStyle", "ToolButtonTextUnderIcon")
        bar.setIconSize(QSize(28, 28))
        caption = QLabel(self.tr("Панель быстрого\nдоступа"))
        caption.setObjectName("quick_access_caption")
        caption.setProperty("alignment", "AlignCenter")
        bar.addWidget(caption)
        group = QActionGroup(self)
        self.page_actions: dict[QWidget, QAction] = {}
        entries = (
            (self.navigator_page, self.tr("Навигатор"), "Ctrl+1", "navigator"),
            (self.current_tasks_page, self.tr("Текущие задачи"), "Ctrl+2", "current_tasks"),
            (self.desktop_page, self.tr("Рабочий стол"), "Ctrl+3", "desktop"),
        )
        for page, text, shortcut, name in entries:
            action = QAction(QIcon(str(resource("icons", f"{name}.svg"))), text, self)
            action.setObjectName(f"action_{name}")
            action.setCheckable(True)
            action.setShortcuts([QKeySequence(shortcut)])  # not setShortcut: its overloads take in Qt.Key
            action.setToolTip(f"{text} ({shortcut})")
            action.triggered.connect(lambda _checked=False, p=page: self.show_page(p))
            group.addAction(action)
            bar.addAction(action)
            self.page_actions[page] = action
        return bar

    def _build_menu(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&Меню"))
        menu.setObjectName("main_menu")
        self.about_action = QAction(self.tr("&О программе…"), self)
        self.about_action.setObjectName("action_about")
        self.about_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.HelpContents)])
        self.about_action.triggered.connect(self.show_about)
        menu.addAction(self.about_action)
        menu.addSeparator()
        quit_action = QAction(self.tr("&Выход"), self)
        quit_action.setObjectName("action_quit")
        quit_action.setShortcuts([QKeySequence("Ctrl+Q")])
        quit_action.triggered.connect(self.close)
        menu.addAction(quit_action)
        view = self.menuBar().addMenu(self.tr("&Вид"))
        for action in self.page_actions.values():
            view.addAction(action)
        self.directories_menu = self.menuBar().addMenu(self.tr("&Справочники"))
        self.directories_menu.setObjectName("directories_menu")

    def install_clients(self, page: QWidget) -> None:
        """The Clients directory (T2, T5, T6): opened from the Navigator or with Ctrl+K."""
        self.clients_page = page
        self.pages.addWidget(page)
        self.clients_action = QAction(self.tr("&Клиенты"), self)
        self.clients_action.setObjectName("action_clients")
        self.clients_action.setShortcut(QKeySequence("Ctrl+K"))
        self.clients_action.setToolTip(self.tr("Справочник «Клиенты» (Ctrl+K)"))
        self.clients_action.triggered.connect(lambda: self.show_page(page))
        self.directories_menu.addAction(self.clients_action)
        self._navigate_wanted()

    def install_tickets(self, new_ticket: Callable[[], object]) -> None:
        """The ticket form (T1–T15): «Создать обращение» in the menu, on the desktop, and Ctrl+T."""
        self.new_ticket_action = QAction(self.tr("&Создать обращение"), self)
        self.new_ticket_action.setObjectName("action_new_ticket")
        self.new_ticket_action.setShortcut(QKeySequence("Ctrl+T"))
        self.new_ticket_action.setToolTip(self.tr("Создать обращение (Ctrl+T)"))
        self.new_ticket_action.triggered.connect(lambda: new_ticket())
        tickets = self.menuBar().addMenu(self.tr("&Обращения"))
        tickets.setObjectName("tickets_menu")
        tickets.addAction(self.new_ticket_action)
        self.tickets_menu = tickets
        self.desktop_page.create_button.setToolTip(self.tr("Создать обращение (Ctrl+T)"))
        self.desktop_page.create_button.clicked.connect(lambda: new_ticket())
        self.desktop_page.create_button.setEnabled(True)

    def install_ticket_lists(self, tickets: QWidget, available: QWidget, feed: QWidget,
                             feed_listed: SignalInstance) -> None:
        """N2–N4: «Обращение» from the Navigator, «Список доступных документов» from the current
        tasks, the feed on the desktop; the first two also from the «Обращения» menu."""
        self.ticket_list_page, self.available_page = tickets, available
        for page, place in ((tickets, self.navigator_page), (available, self.current_tasks_page)):
            self.pages.addWidget(page)
            self._places[page] = place
        self.desktop_page.set_feed(feed, feed_listed)
        self.tickets_menu.addSeparator()
        for page, text, shortcut, name in (
            (tickets, self.tr("&Список обращений"), "Ctrl+L", "ticket_list"),
            (available, self.tr("&Доступные документы"), "Ctrl+Shift+L", "available_documents"),
        ):
            action = QAction(text, self)
            action.setObjectName(f"action_{name}")
            action.setShortcut(QKeySequence(shortcut))
            action.setToolTip(f"{text.replace('&', '')} ({shortcut})")
            action.triggered.connect(lambda _checked=False, p=page: self.show_page(p))
            self.tickets_menu.addAction(action)
        self._navigate_wanted()

    def _navigate(self, key: str) -> None:
        pages = {"clients": self.clients_page, "tickets": self.ticket_list_page,
                 "available_documents": self.available_page, **self.directory_pages}
        page = pages.get(key)
        self._wanted = "" if page is not None else key  # not installed yet: opened once it is
        if page is not None:
            self.show_page(page)

    def _navigate_wanted(self) -> None:
        if self._wanted:
            self._navigate(self._wanted)

    def install_directory(self, key: str, page: QWidget, text: str) -> QAction:
        """A reference page (issue 5), opened from the Navigator's leaf ``key`` or the «Справочники» menu."""
        self.directory_pages[key] = page
        self.pages.addWidget(page)
        action = QAction(text, self)
        action.setObjectName(f"action_{key}")
        shortcut = f"Ctrl+Shift+{len(self.directory_pages)}"  # P3: the reference pages in their menu order
        action.setShortcut(QKeySequence(shortcut))
        action.setToolTip(f"{text.replace('&', '')} ({shortcut})")
        action.triggered.connect(lambda: self.show_page(page))
        self.directories_menu.addAction(action)
        self._navigate_wanted()
        return action

    def show_page(self, page: QWidget) -> None:
        self.pages.setCurrentWidget(page)
        # a page opened from the Navigator (or the current tasks) keeps that place checked
        action = self.page_actions.get(page) or self.page_actions[self._places.get(page, self.navigator_page)]
        action.setChecked(True)

    def show_about(self) -> AboutDialog:
        from ksdesk_desktop.ui.about_dialog import AboutDialog

        self.about_dialog = AboutDialog(self._system_info(), self)
        self.about_dialog.open()
        return self.about_dialog

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._on_close is not None:
            self._on_close()
        super().closeEvent(event)
