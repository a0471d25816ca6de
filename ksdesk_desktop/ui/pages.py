"""The three places an operator starts from (N1): Navigator, current tasks (ПТЗ), desktop feed.
The Navigator's and the ПТЗ's leaves open pages (``open_requested`` with the leaf's key); the desktop
holds the ticket feed (N4) once the controller puts it there.

Every page the window can open is declared once, as a :class:`PageSpec`: its leaf, its menu entry,
its shortcut. The window lists the built-in ones (:func:`builtin_pages`) from its first frame and
takes each page's widget later with ``MainWindow.add_page``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QModelIndex, Signal, SignalInstance
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTreeView, QVBoxLayout, QWidget

# What a leaf opens («clients», «tickets» …): Qt.ItemDataRole.UserRole. The window is built before the
# rest of the client loads (``ksdesk_desktop.quick_start``) and does without PySide's ``Qt`` namespace,
# whose hundred-odd enums cost the first frame some 15 ms: roles as numbers, enum properties by name.
KEY = 0x0100
NAVIGATOR, CURRENT_TASKS = "navigator", "current_tasks"  # the places a page's leaf can be in


@dataclass(frozen=True)
class PageSpec:
    """A page (or a command, with an empty ``tree``), declared once. Texts come translated."""

    key: str  # the leaf's key: what the Navigator / current tasks open; the action is ``action_<name or key>``
    tree: tuple[str, ...]  # the leaf's path in its place's tree; () for none
    menu: str  # the menu listing it: "directories" («Справочники»), "tickets" («Обращения») or "admin"
    text: str  # the menu entry, with its & mnemonic
    shortcut: str
    place: str = NAVIGATOR  # the quick-access place that stays checked while the page is shown
    tooltip: str = ""  # default: the entry's text and its shortcut
    name: str = ""  # the action's object name without ``action_``; default: the key
    separated: bool = False  # a separator above the entry in its menu

    def tip(self) -> str:
        return self.tooltip or f"{self.text.replace('&', '')} ({self.shortcut})"


def builtin_pages() -> dict[str, PageSpec]:
    """The client's pages and the «Создать обращение» command, in the order of their leaves. Made
    when the window is (after the translators are installed); each text keeps its translation context."""
    translate = QCoreApplication.translate  # the name lupdate looks for
    ticketing = translate("NavigatorPage", "УЧЁТ ОБРАЩЕНИЙ ЗАКАЗЧИКОВ")
    directories = translate("NavigatorPage", "СПРАВОЧНИКИ")
    return {spec.key: spec for spec in (
        PageSpec("tickets", (ticketing, translate("NavigatorPage", "Обращение")), "tickets",
                 translate("MainWindow", "&Список обращений"), "Ctrl+L", name="ticket_list", separated=True),
        PageSpec("clients", (directories, translate("NavigatorPage", "Клиенты")), "directories",
                 translate("MainWindow", "&Клиенты"), "Ctrl+K",
                 tooltip=translate("MainWindow", "Справочник «Клиенты» (Ctrl+K)")),
        PageSpec("complexes", (directories, translate("NavigatorPage", "Программные комплексы")), "directories",
                 translate("ComplexesPage", "&Программные комплексы"), "Ctrl+Shift+1"),
        PageSpec("contracts", (directories, translate("NavigatorPage", "Контракты")), "directories",
                 translate("ContractsPage", "К&онтракты"), "Ctrl+Shift+2"),
        PageSpec("lists", (directories, translate("NavigatorPage", "Списки")), "directories",
                 translate("ListsPage", "&Списки"), "Ctrl+Shift+3"),
        PageSpec("available_documents", (
            translate("CurrentTasksPage", "Служба поддержки Кейсистемс"), translate("CurrentTasksPage", "Обращение"),
            translate("CurrentTasksPage", "Список доступных документов"),
        ), "tickets", translate("MainWindow", "&Доступные документы"), "Ctrl+Shift+L", place=CURRENT_TASKS),
        PageSpec("new_ticket", (), "tickets", translate("MainWindow", "&Создать обращение"), "Ctrl+T",
                 tooltip=translate("MainWindow", "Создать обращение (Ctrl+T)")),
        PageSpec("drafts", (ticketing, translate("NavigatorPage", "Черновики")), "tickets",
                 translate("MainWindow", "Ч&ерновики"), "Ctrl+Shift+D",
                 tooltip=translate("MainWindow", "Черновики обращений: открыть и дописать (Ctrl+Shift+D)")),
        PageSpec("recent", (ticketing, translate("NavigatorPage", "Последние")), "tickets",
                 translate("MainWindow", "П&оследние"), "Ctrl+Shift+R",
                 tooltip=translate("MainWindow", "Обращения, зарегистрированные мной (Ctrl+Shift+R)")),
        PageSpec("last_ticket", (), "tickets", translate("MainWindow", "Открыть &последнее обращение"), "Ctrl+Shift+T",
                 tooltip=translate("MainWindow", "Карточка последнего сохранённого обращения (Ctrl+Shift+T)")),
    )}


def users_page_spec() -> PageSpec:
    """«Пользователи» (W3): a supervisor's page, added once a supervisor signs in."""
    t = QCoreApplication.translate
    return PageSpec("users", (t("NavigatorPage", "АДМИНИСТРИРОВАНИЕ"), t("NavigatorPage", "Пользователи")), "admin",
                    t("MainWindow", "&Пользователи и журнал"), "Ctrl+Shift+U",
                    tooltip=t("MainWindow", "Пользователи и журнал изменений, для супервизора (Ctrl+Shift+U)"))


def agent_page_specs() -> tuple[PageSpec, PageSpec]:
    """«Служба поддержки» (issue 19, A1–A10), every role's: its leaf in the current tasks (the agent's
    own work, beside «Список доступных документов») and the same page's leaf in the Navigator."""
    translate = QCoreApplication.translate  # the name lupdate looks for
    text, shortcut = translate("MainWindow", "Служба &поддержки: очередь задач"), "Ctrl+Shift+A"
    tip = translate("MainWindow", "Служба поддержки: очередь входящих задач и задача в работе (Ctrl+Shift+A)")
    current = PageSpec("agent", (translate("CurrentTasksPage", "Служба поддержки Кейсистемс"),
                                 translate("CurrentTasksPage", "Служба поддержки")), "tickets", text, shortcut,
                       place=CURRENT_TASKS, tooltip=tip, separated=True)
    navigator = PageSpec("agent", (translate("NavigatorPage", "УЧЁТ ОБРАЩЕНИЙ ЗАКАЗЧИКОВ"),
                                   translate("NavigatorPage", "Служба поддержки")), "tickets", text, shortcut,
                         tooltip=tip)
    return current, navigator


def _add_leaf(model: QStandardItemModel, path: tuple[str, ...], key: str) -> None:
    node = model.invisibleRootItem()
    for label in path:
        found = next((node.child(i) for i in range(node.rowCount()) if node.child(i).text() == label), None)
        if found is None:
            found = QStandardItem(label)
            found.setEditable(False)
            node.appendRow(found)
        node = found
    node.setData(key, KEY)


def _tree(parent: QWidget, name: str, specs: list[PageSpec]) -> QTreeView:
    model = QStandardItemModel(parent)
    for spec in specs:
        _add_leaf(model, spec.tree, spec.key)
    view = QTreeView(parent)
    view.setObjectName(name)
    view.setHeaderHidden(True)
    view.setModel(model)
    view.expandAll()
    return view


class _Page(QWidget):
    open_requested = Signal(str)  # the key of a leaf the operator opened (double-click or Enter)

    def __init__(self, title: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.title_label = QLabel(f"<h2>{title}</h2>")
        self.title_label.setObjectName(f"{name}_title")
        self.layout_ = QVBoxLayout(self)
        self.layout_.addWidget(self.title_label)

    def _add_tree(self, name: str, specs: list[PageSpec]) -> None:
        self.tree = tree = _tree(self, name, specs)
        tree.activated.connect(self._open)
        tree.doubleClicked.connect(self._open)
        self.layout_.addWidget(tree)

    def add_leaf(self, spec: PageSpec) -> None:
        """A leaf for a page declared after the window was made."""
        _add_leaf(self.tree.model(), spec.tree, spec.key)  # type: ignore[arg-type]
        self.tree.expandAll()

    def set_leaf_hidden(self, key: str, hidden: bool) -> None:
        """Hide (or show again) a page's leaf, and a branch left with nothing shown: «Пользователи и
        журнал» is offered to a supervisor only, also when another user signs in during the same run."""
        from PySide6.QtCore import Qt  # not at import: the first stage's window is made without it

        model = self.tree.model()
        assert isinstance(model, QStandardItemModel)
        found = model.match(model.index(0, 0), KEY, key, 1, Qt.MatchFlag.MatchRecursive | Qt.MatchFlag.MatchExactly)
        if not found:
            return
        index = found[0]
        self.tree.setRowHidden(index.row(), index.parent(), hidden)
        parent = index.parent()
        while parent.isValid():
            empty = all(self.tree.isRowHidden(r, parent) for r in range(model.rowCount(parent)))
            self.tree.setRowHidden(parent.row(), parent.parent(), empty)
            parent = parent.parent()

    def _open(self, index: QModelIndex) -> None:
        key = index.data(KEY)
        if key:
            self.open_requested.emit(str(key))


class NavigatorPage(_Page):
    def __init__(self, specs: list[PageSpec], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Навигатор"), "navigator", parent)
        self._add_tree("navigator_tree", specs)


class CurrentTasksPage(_Page):
    def __init__(self, specs: list[PageSpec], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Текущие задачи"), "current_tasks", parent)
        self._add_tree("current_tasks_tree", specs)


class DesktopPage(_Page):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Рабочий стол"), "desktop", parent)
        feed = self.tr("Лента обращений")
        self.feed_label = QLabel(f"<b>{feed}</b>")
        self.feed_label.setObjectName("feed_title")
        self.create_button = QPushButton(self.tr("Создать обращение"))
        self.create_button.setObjectName("create_ticket_button")
        self.create_button.setEnabled(False)  # until the ticket form can be made: offer_create
        self.empty_label = QLabel(self.tr("Обращений пока нет."))
        self.empty_label.setObjectName("feed_empty")
        self.empty_label.setProperty("alignment", "AlignCenter")  # by name: see KEY
        self.drafts_button = QPushButton()
        self.drafts_button.setObjectName("desktop_drafts_button")
        self.drafts_button.setVisible(False)  # until there are drafts: show_drafts
        header = QHBoxLayout()
        header.addWidget(self.feed_label)
        header.addStretch(1)
        header.addWidget(self.drafts_button)
        header.addWidget(self.create_button)
        self.layout_.addLayout(header)
        self.layout_.addWidget(self.empty_label, 1)
        self.feed: QWidget | None = None

    def offer_create(self, create: Callable[[], object], tooltip: str) -> None:
        """«Создать обращение» works once the ticket form can be made (disabled until then)."""
        self.create_button.setToolTip(tooltip)
        self.create_button.clicked.connect(lambda: create())
        self.create_button.setEnabled(True)

    def offer_drafts(self, open_drafts: Callable[[], object], tooltip: str) -> None:
        """«Черновики (N)» beside «Создать обращение» opens the drafts (issue 22); see :meth:`show_drafts`."""
        self.drafts_button.setToolTip(tooltip)
        self.drafts_button.clicked.connect(lambda: open_drafts())

    def show_drafts(self, count: int) -> None:
        self.drafts_button.setText(self.tr("Черновики (%d)") % count)
        self.drafts_button.setVisible(count > 0)

    def set_feed(self, feed: QWidget, listed: SignalInstance) -> None:
        """N4: the feed under the title; «Обращений пока нет.» above it while it is empty (the feed
        itself stays shown: a hidden list does not query). A feed set before (the quick start's, read
        straight from the cache) is replaced in place and deleted."""
        previous, self.feed = self.feed, feed
        self.layout_.insertWidget(self.layout_.indexOf(self.empty_label) + 1, feed, 1)
        self.layout_.setStretchFactor(self.empty_label, 0)
        if previous is not None:
            self.layout_.removeWidget(previous)
            previous.hide()
            previous.deleteLater()
        listed.connect(self._listed)

    def _listed(self, count: int) -> None:
        self.empty_label.setVisible(count == 0)
