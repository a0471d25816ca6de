"""The three places an operator starts from (N1): Navigator, current tasks (ПТЗ), desktop feed.
The Navigator's and the ПТЗ's leaves open pages (``open_requested`` with the leaf's key); the desktop
holds the ticket feed (N4) once the controller puts it there."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Signal, SignalInstance
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTreeView, QVBoxLayout, QWidget

# What a leaf opens («clients», «tickets» …): Qt.ItemDataRole.UserRole. The window is built before the
# rest of the client loads (``ksdesk_desktop.quick_start``) and does without PySide's ``Qt`` namespace,
# whose hundred-odd enums cost the first frame some 15 ms: roles as numbers, enum properties by name.
KEY = 0x0100


def _tree(parent: QWidget, name: str, paths: list[tuple[list[str], str]]) -> QTreeView:
    model = QStandardItemModel(parent)
    for path, key in paths:
        node = model.invisibleRootItem()
        for label in path:
            found = next((node.child(i) for i in range(node.rowCount()) if node.child(i).text() == label), None)
            if found is None:
                found = QStandardItem(label)
                found.setEditable(False)
                node.appendRow(found)
            node = found
        node.setData(key, KEY)
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

    def _add_tree(self, tree: QTreeView) -> None:
        self.tree = tree
        tree.activated.connect(self._open)
        tree.doubleClicked.connect(self._open)
        self.layout_.addWidget(tree)

    def _open(self, index: QModelIndex) -> None:
        key = index.data(KEY)
        if key:
            self.open_requested.emit(str(key))


class NavigatorPage(_Page):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Навигатор"), "navigator", parent)
        self._add_tree(_tree(self, "navigator_tree", [
            ([self.tr("УЧЁТ ОБРАЩЕНИЙ ЗАКАЗЧИКОВ"), self.tr("Обращение")], "tickets"),
            ([self.tr("СПРАВОЧНИКИ"), self.tr("Клиенты")], "clients"),
            ([self.tr("СПРАВОЧНИКИ"), self.tr("Программные комплексы")], "complexes"),
            ([self.tr("СПРАВОЧНИКИ"), self.tr("Контракты")], "contracts"),
            ([self.tr("СПРАВОЧНИКИ"), self.tr("Списки")], "lists"),
        ]))


class CurrentTasksPage(_Page):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Текущие задачи"), "current_tasks", parent)
        self._add_tree(_tree(self, "current_tasks_tree", [([
            self.tr("Служба поддержки Кейсистемс"),
            self.tr("Обращение"),
            self.tr("Список доступных документов"),
        ], "available_documents")]))


class DesktopPage(_Page):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Рабочий стол"), "desktop", parent)
        self.feed_label = QLabel(f"<b>{self.tr('Лента обращений')}</b>")
        self.feed_label.setObjectName("feed_title")
        self.create_button = QPushButton(self.tr("Создать обращение"))
        self.create_button.setObjectName("create_ticket_button")
        self.empty_label = QLabel(self.tr("Обращений пока нет."))
        self.empty_label.setObjectName("feed_empty")
        self.empty_label.setProperty("alignment", "AlignCenter")  # by name: see KEY
        header = QHBoxLayout()
        header.addWidget(self.feed_label)
        header.addStretch(1)
        header.addWidget(self.create_button)
        self.layout_.addLayout(header)
        self.layout_.addWidget(self.empty_label, 1)
        self.feed: QWidget | None = None

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
