"""The main window: the quick-access panel switches between Navigator, current tasks and desktop
(N1); the menu has «О программе» (T10); the status bar shows the sync state (S5). Services come in
through the constructor — no globals.

The window needs nothing but Qt: at start it is built and shown before the rest of the client is
imported, and the controller takes it over with :meth:`MainWindow.attach` (the connection, the
system information, what closing does) and gives it each page with :meth:`MainWindow.add_page` (a
:class:`~ksdesk_desktop.ui.pages.PageSpec` and the widget). Until a page is added, opening it from the
Navigator or the current tasks is remembered and done once it is there."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ksdesk_desktop.core.resources import resource
from ksdesk_desktop.ui.pages import (
    CURRENT_TASKS,
    NAVIGATOR,
    CurrentTasksPage,
    DesktopPage,
    NavigatorPage,
    PageSpec,
    builtin_pages,
)
from ksdesk_desktop.ui.status_bar import SyncStatusBar

if TYPE_CHECKING:  # both import the client's heavy half (the store, the models): made on first use
    from ksdesk_desktop.session import Connection
    from ksdesk_desktop.ui.about_dialog import AboutDialog
    from ksdesk_desktop.ui.notices import ProblemBar


# the languages offered in «Меню → Язык», each named in itself (P2)
LANGUAGE_NAMES = {"ru": "Русский", "en": "English"}


class MainWindow(QMainWindow):
    language_chosen = Signal(str)  # «Меню → Язык»: the language the operator chose, for the next start

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
        self.resize(1280, 720)  # issue 22: everything fits a 1280×720 screen
        self._system_info = system_info
        self._on_close = on_close
        self.about_dialog: AboutDialog | None = None
        self.specs = builtin_pages()  # what the window lists from the first frame; the widgets come later
        self._pages: dict[str, QWidget] = {}  # a spec's key → its page, once added
        self._places: dict[QWidget, QWidget] = {}  # a page → the quick-access place it belongs to
        self._menus: dict[str, QMenu] = {}  # a spec's menu → the menu
        self._wanted = ""  # a page asked for from the Navigator before it was added
        self._problem_bar: ProblemBar | None = None

        specs = list(self.specs.values())
        self.navigator_page = NavigatorPage([s for s in specs if s.tree and s.place == NAVIGATOR])
        self.current_tasks_page = CurrentTasksPage([s for s in specs if s.tree and s.place == CURRENT_TASKS])
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

    def add_notice(self, notice: QWidget) -> None:
        """A notice above the pages (and above the problem bar), e.g. ``ui.recovery_notice``."""
        self._central_layout.insertWidget(0, notice)

    @property
    def problem_bar(self) -> ProblemBar:
        """Notices about changes the server refused or that conflict (S2, S4), above the pages."""
        if self._problem_bar is None:
            from ksdesk_desktop.ui.notices import ProblemBar

            self._problem_bar = ProblemBar()
            self._central_layout.insertWidget(0, self._problem_bar)
        return self._problem_bar

    def add_bottom_bar(self, bar: QWidget) -> None:
        """A bar under the pages (the toast after saving a ticket): in the layout, so it never covers
        the rows of a list."""
        self._central_layout.addWidget(bar)

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
        self._build_language_menu(menu)
        menu.addSeparator()
        quit_action = QAction(self.tr("&Выход"), self)
        quit_action.setObjectName("action_quit")
        quit_action.setShortcuts([QKeySequence("Ctrl+Q")])
        quit_action.triggered.connect(self.close)
        menu.addAction(quit_action)
        view = self.menuBar().addMenu(self.tr("&Вид"))
        for action in self.page_actions.values():
            view.addAction(action)
        self._menus["directories"] = self.menuBar().addMenu(self.tr("&Справочники"))  # empty until pages come
        self._menus["directories"].setObjectName("directories_menu")

    def _build_language_menu(self, menu: QMenu) -> None:
        languages = menu.addMenu(self.tr("&Язык"))
        languages.setObjectName("language_menu")
        group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for lang, name in LANGUAGE_NAMES.items():
            action = QAction(name, self)
            action.setObjectName(f"action_language_{lang}")
            action.setCheckable(True)
            action.triggered.connect(lambda _checked=False, lang=lang: self.language_chosen.emit(lang))
            group.addAction(action)
            languages.addAction(action)
            self.language_actions[lang] = action

    def show_language(self, lang: str) -> None:
        """Check ``lang`` in «Меню → Язык» (the one the next start uses)."""
        action = self.language_actions.get(lang)
        if action is not None:
            action.setChecked(True)

    def page(self, key: str) -> QWidget | None:
        """The page added under ``key`` (``None`` until it is)."""
        return self._pages.get(key)

    def add_page(self, spec: PageSpec, page: QWidget) -> QAction:
        """Add ``page`` as ``spec`` declares it: its leaf opens it (a spec the window did not know gets
        one), and so do its menu entry and shortcut; its place stays checked in the quick-access panel."""
        place = self.current_tasks_page if spec.place == CURRENT_TASKS else self.navigator_page
        if self.specs.setdefault(spec.key, spec) is spec and spec.tree:
            place.add_leaf(spec)
        self._pages[spec.key] = page
        self._places[page] = place
        self.pages.addWidget(page)
        action = self.add_command(spec, lambda: self.show_page(page))
        if self._wanted == spec.key:
            self._navigate(spec.key)
        return action

    def offer_page(self, key: str, offered: bool) -> None:
        """Show or hide a page's leaf (its menu entry is the caller's action)."""
        page = self._pages.get(key)
        place = self._places.get(page) if page is not None else None
        if isinstance(place, NavigatorPage | CurrentTasksPage):
            place.set_leaf_hidden(key, not offered)

    def add_command(self, spec: PageSpec, run: Callable[[], object]) -> QAction:
        """A menu entry with its shortcut that runs ``run`` («Создать обращение»)."""
        menu = self._menus.get(spec.menu)
        if menu is None:  # «Обращения», «Администрирование»: after «Справочники», once their first entry comes
            titles = {"tickets": self.tr("&Обращения"), "admin": self.tr("&Администрирование")}
            menu = self._menus[spec.menu] = self.menuBar().addMenu(titles[spec.menu])
            menu.setObjectName(f"{spec.menu}_menu")
        if spec.separated:
            menu.addSeparator()
        action = QAction(spec.text, self)
        action.setObjectName(f"action_{spec.name or spec.key}")
        action.setShortcut(QKeySequence(spec.shortcut))
        action.setToolTip(spec.tip())
        action.triggered.connect(lambda: run())
        menu.addAction(action)
        return action

    def _navigate(self, key: str) -> None:
        page = self._pages.get(key)
        self._wanted = "" if page is not None else key  # not added yet: opened once it is
        if page is not None:
            self.show_page(page)

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
