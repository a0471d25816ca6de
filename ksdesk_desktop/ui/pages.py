"""The three places an operator starts from (N1): Navigator, current tasks (ПТЗ), desktop feed.
Their lists and the ticket form come with the navigation and form issues."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QLabel, QPushButton, QTreeView, QVBoxLayout, QWidget

KEY = Qt.ItemDataRole.UserRole  # what a leaf opens («clients», «tickets» …)


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
    def __init__(self, title: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.title_label = QLabel(f"<h2>{title}</h2>")
        self.title_label.setObjectName(f"{name}_title")
        self.layout_ = QVBoxLayout(self)
        self.layout_.addWidget(self.title_label)


class NavigatorPage(_Page):
    open_requested = Signal(str)  # the key of a leaf the operator opened (double-click or Enter)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Навигатор"), "navigator", parent)
        self.tree = _tree(self, "navigator_tree", [
            ([self.tr("УЧЁТ ОБРАЩЕНИЙ ЗАКАЗЧИКОВ"), self.tr("Обращение")], "tickets"),
            ([self.tr("СПРАВОЧНИКИ"), self.tr("Клиенты")], "clients"),
            ([self.tr("СПРАВОЧНИКИ"), self.tr("Программные комплексы")], "complexes"),
            ([self.tr("СПРАВОЧНИКИ"), self.tr("Контракты")], "contracts"),
            ([self.tr("СПРАВОЧНИКИ"), self.tr("Списки")], "lists"),
        ])
        self.tree.activated.connect(self._open)
        self.tree.doubleClicked.connect(self._open)
        self.layout_.addWidget(self.tree)

    def _open(self, index: QModelIndex) -> None:
        key = index.data(KEY)
        if key:
            self.open_requested.emit(str(key))


class CurrentTasksPage(_Page):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Текущие задачи"), "current_tasks", parent)
        self.tree = _tree(self, "current_tasks_tree", [([
            self.tr("Служба поддержки Кейсистемс"),
            self.tr("Обращение"),
            self.tr("Список доступных документов"),
        ], "available_documents")])
        self.layout_.addWidget(self.tree)


class DesktopPage(_Page):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Рабочий стол"), "desktop", parent)
        self.feed_label = QLabel(self.tr("Лента обращений"))
        self.feed_label.setObjectName("feed_title")
        self.create_button = QPushButton(self.tr("Создать обращение"))
        self.create_button.setObjectName("create_ticket_button")
        self.empty_label = QLabel(self.tr("Обращений пока нет."))
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.layout_.addWidget(self.feed_label)
        self.layout_.addWidget(self.create_button, alignment=Qt.AlignmentFlag.AlignLeft)
        self.layout_.addWidget(self.empty_label, 1)
