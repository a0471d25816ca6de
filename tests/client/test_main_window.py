"""The main window as a user sees it: quick-access panel (N1), «О программе» (T10), status bar (S5)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QMenu, QToolButton
from pytestqt.qtbot import QtBot

from ksdesk_desktop.session import Connection
from ksdesk_desktop.sysinfo import SystemContext, system_info
from ksdesk_desktop.ui.main_window import MainWindow
from ksdesk_desktop.ui.pages import PageSpec
from sync.protocol import Health
from tests.client.helpers import double_click


def make_window(qtbot: QtBot, info: str = "сведения") -> MainWindow:
    window = MainWindow(Connection(), lambda: info)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def click_quick_access(qtbot: QtBot, window: MainWindow, text: str) -> None:
    action = next(a for a in window.page_actions.values() if a.text() == text)
    button = window.quick_access.widgetForAction(action)
    assert isinstance(button, QToolButton) and button.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_n1_quick_access_panel_switches_pages(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    assert window.quick_access.windowTitle() == "Панель быстрого доступа"
    texts = [a.text() for a in window.page_actions.values()]
    assert texts == ["Навигатор", "Текущие задачи", "Рабочий стол"]
    for text, page in [
        ("Навигатор", window.navigator_page),
        ("Текущие задачи", window.current_tasks_page),
        ("Рабочий стол", window.desktop_page),
    ]:
        click_quick_access(qtbot, window, text)
        assert window.pages.currentWidget() is page
        assert page.isVisible()
        assert text in page.title_label.text()


def test_n1_pages_have_keyboard_shortcuts(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    shortcuts = {a.text(): a.shortcut().toString() for a in window.page_actions.values()}
    assert shortcuts == {"Навигатор": "Ctrl+1", "Текущие задачи": "Ctrl+2", "Рабочий стол": "Ctrl+3"}
    window.page_actions[window.navigator_page].trigger()
    assert window.pages.currentWidget() is window.navigator_page


def test_n2_navigator_tree_holds_ticket_document(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    model = window.navigator_page.tree.model()
    section = next(
        model.index(r, 0) for r in range(model.rowCount()) if model.index(r, 0).data() == "УЧЁТ ОБРАЩЕНИЙ ЗАКАЗЧИКОВ"
    )
    assert model.index(0, 0, section).data() == "Обращение"


def test_t10_about_copies_system_info_to_clipboard(qtbot: QtBot) -> None:
    info = system_info(
        SystemContext(
            server_url="http://127.0.0.1:1",
            server_kind="встроенный",
            server_version="0.1.0",
            server_database="sqlite",
            cache_path="/tmp/cache.sqlite",
            cache_bytes=2048,
            user="operator",
        )
    )
    window = make_window(qtbot, info)
    QGuiApplication.clipboard().clear()
    menu = window.menuBar().actions()[0]
    assert menu.text() == "&Меню"
    assert next(a.text() for a in menu.menu().actions() if a.text()) == "&О программе…"
    window.about_action.trigger()
    dialog = window.about_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.copy_button.text() == "Скопировать в буфер"
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    pasted = QGuiApplication.clipboard().text()
    assert pasted == info
    for expected in ("КС Деск", "Qt:", "Python:", "ОС:", "http://127.0.0.1:1 (встроенный)", "sqlite", "2.0 КБ"):
        assert expected in pasted
    assert "скопированы" in dialog.copied_label.text()


def test_s5_status_bar_shows_connection_pending_and_last_sync(qtbot: QtBot) -> None:
    connection = Connection()
    window = MainWindow(connection, lambda: "")
    qtbot.addWidget(window)
    status = window.status
    assert "Нет связи" in status.connection_label.text()
    assert status.pending_label.text() == "Исходящие: 0"
    assert status.sync_label.text() == "Синхронизация: ещё не было"
    from datetime import UTC, datetime

    connection.set_online(Health(version="0.1.0", database="sqlite", server_time=datetime.now(UTC)))
    assert "В сети" in status.connection_label.text()
    status.set_pending(3)
    assert status.pending_label.text() == "Исходящие: 3"
    status.set_last_sync(datetime(2026, 11, 23, 9, 30, tzinfo=UTC))
    assert "23.11.2026" in status.sync_label.text()
    connection.set_offline("нет сети")
    assert "Нет связи" in status.connection_label.text()
    assert "нет сети" in status.connection_label.toolTip()
    assert all(isinstance(w, QLabel) for w in (status.connection_label, status.pending_label))


def leaf(model: QAbstractItemModel, *path: str) -> QModelIndex:
    index = QModelIndex()
    for text in path:
        index = next(model.index(r, 0, index) for r in range(model.rowCount(index))
                     if model.index(r, 0, index).data() == text)
    return index


def test_a_page_added_as_docs_architecture_says_opens_from_navigator_menu_and_shortcut(qtbot: QtBot) -> None:
    """docs/architecture.md «Adding a page», followed for a throw-away page, then used as an operator would."""
    window = make_window(qtbot)
    notes = QLabel("заметки")
    spec = PageSpec("notes", ("СПРАВОЧНИКИ", "Заметки"), "directories", "&Заметки", "Ctrl+Shift+9")
    window.add_page(spec, notes)

    click_quick_access(qtbot, window, "Навигатор")
    tree = window.navigator_page.tree
    double_click(qtbot, tree, leaf(tree.model(), "СПРАВОЧНИКИ", "Заметки"))
    assert window.pages.currentWidget() is notes and notes.isVisible()
    assert window.page_actions[window.navigator_page].isChecked()  # its place stays checked

    click_quick_access(qtbot, window, "Рабочий стол")
    menu = window.findChild(QMenu, "directories_menu")
    assert isinstance(menu, QMenu) and menu.title() == "&Справочники"
    bar = window.menuBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.actionGeometry(menu.menuAction()).center())
    qtbot.waitUntil(menu.isVisible)
    entry = next(a for a in menu.actions() if a.text() == "&Заметки")
    assert entry.toolTip() == "Заметки (Ctrl+Shift+9)"
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(entry).center())
    assert window.pages.currentWidget() is notes and notes.isVisible()

    click_quick_access(qtbot, window, "Рабочий стол")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_9, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.pages.currentWidget() is notes and notes.isVisible()


def test_a_leaf_opened_before_its_page_is_added_opens_it_once_added(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    click_quick_access(qtbot, window, "Текущие задачи")
    tree = window.current_tasks_page.tree
    double_click(qtbot, tree, leaf(tree.model(), "Служба поддержки Кейсистемс", "Обращение",
                                   "Список доступных документов"))
    assert window.pages.currentWidget() is window.current_tasks_page  # nothing to open yet
    available = QLabel("доступные")
    window.add_page(window.specs["clients"], QLabel("клиенты"))
    assert window.pages.currentWidget() is window.current_tasks_page
    window.add_page(window.specs["available_documents"], available)
    assert window.pages.currentWidget() is available and available.isVisible()
    assert window.page_actions[window.current_tasks_page].isChecked()


def test_w3_a_page_withdrawn_from_the_user_loses_its_leaf_and_an_emptied_branch(qtbot: QtBot) -> None:
    """«Пользователи и журнал» is a supervisor's: when someone else signs in during the same run, its leaf
    (and the «Администрирование» branch it leaves empty) is no longer shown; it comes back for a supervisor."""
    from ksdesk_desktop.ui.pages import users_page_spec

    window = make_window(qtbot)
    spec = users_page_spec()
    window.add_page(spec, QLabel("пользователи"))
    tree = window.navigator_page.tree
    item = leaf(tree.model(), *spec.tree)
    branch = item.parent()
    assert not tree.isRowHidden(item.row(), branch) and not tree.isRowHidden(branch.row(), branch.parent())
    window.offer_page(spec.key, False)
    assert tree.isRowHidden(item.row(), branch) and tree.isRowHidden(branch.row(), branch.parent())
    window.offer_page(spec.key, True)
    assert not tree.isRowHidden(item.row(), branch) and not tree.isRowHidden(branch.row(), branch.parent())
