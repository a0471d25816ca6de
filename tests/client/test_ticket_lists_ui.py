"""The ticket lists as an operator uses them, in the real client against a real server (N1–N5, P3):
the Navigator's «Обращение», the current tasks' «Список доступных документов» and the desktop's
«Лента обращений» each open the one ticket form and the ticket's card; search as you type, filters,
sorting by a header click; the feed shows another operator's new ticket by itself; every item model
passes Qt's model tester."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPoint, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QTreeView,
)
from pytestqt.qtbot import QtBot

from ksdesk_desktop.controller import Controller
from ksdesk_desktop.ops import Lane, Op
from ksdesk_desktop.store.ticket_list import SortKey, TicketFilter
from ksdesk_desktop.ui import ticket_list as ticket_list_ui
from ksdesk_desktop.ui.ticket_card import TicketCard
from ksdesk_desktop.ui.ticket_form import TicketForm
from ksdesk_desktop.ui.ticket_list import TicketListPage
from sync.records import Kind
from sync.reference import LIST_ITEMS, ListKind
from sync.tickets import availability
from tests.client.helpers import activate, double_click, type_text
from tests.fixtures.replicas import open_node
from tests.fixtures.servers import ServerProcess


def leaf(model: QAbstractItemModel, path: list[str]) -> QModelIndex:
    parent = QModelIndex()
    for label in path:
        parent = next(model.index(r, 0, parent) for r in range(model.rowCount(parent))
                      if model.index(r, 0, parent).data() == label)
    return parent


def open_leaf(qtbot: QtBot, tree: QTreeView, path: list[str]) -> None:
    index = leaf(tree.model(), path)
    assert index.isValid(), path
    double_click(qtbot, tree, index)


def go(qtbot: QtBot, controller: Controller, place: str) -> None:
    """Click a button of the quick-access panel (N1)."""
    window = controller.window
    action = next(a for a in window.page_actions.values() if a.objectName() == f"action_{place}")
    qtbot.mouseClick(window.quick_access.widgetForAction(action), Qt.MouseButton.LeftButton)


def ids_shown(page: TicketListPage) -> list[int]:
    return list(page.model.ids)


def tool_button(page: TicketListPage, name: str) -> QToolButton:
    action = getattr(page, f"{name}_action")
    button = page.toolbar.widgetForAction(action)
    assert isinstance(button, QToolButton)
    return button


def create_from(qtbot: QtBot, controller: Controller, click: Any) -> TicketForm:
    with qtbot.waitSignal(controller.tickets.form_opened, timeout=5000) as opened:
        click()
    form = opened.args[0]
    qtbot.waitUntil(lambda: form.catalog is not None, timeout=10_000)
    return form


def open_first_row(qtbot: QtBot, controller: Controller, page: TicketListPage) -> TicketCard:
    view: QAbstractItemView = page.view
    with qtbot.waitSignal(controller.tickets.card_opened, timeout=5000) as opened:
        double_click(qtbot, view, page.model.index(0, 0))
    card = opened.args[0]
    assert isinstance(card, TicketCard)
    return card


def test_n2_navigator_document_list_has_its_toolbar_and_opens_the_form_and_the_card(
    qtbot: QtBot, controller: Controller
) -> None:
    go(qtbot, controller, "navigator")
    window, page = controller.window, controller.ticket_pages[0]
    open_leaf(qtbot, window.navigator_page.tree, ["УЧЁТ ОБРАЩЕНИЙ ЗАКАЗЧИКОВ", "Обращение"])
    assert window.pages.currentWidget() is page
    total = controller.replica.count(Kind.TICKET)
    qtbot.waitUntil(lambda: page.model.rowCount() == total, timeout=10_000)
    assert total >= 200
    assert page.count_label.text() == f"Обращений: {total}"
    texts = [a.text() for a in page.toolbar.actions() if a.text()]
    assert texts[:5] == ["Создать", "Обновить", "Открыть", "Фильтр", "Поиск"]
    for name, key in (("create", "Ctrl+N"), ("refresh", "F5"), ("open", "Ctrl+O"), ("filter", "Ctrl+Shift+F"),
                      ("search", "Ctrl+F")):  # P3: the shortcut is in the tooltip
        assert key in getattr(page, f"{name}_action").toolTip()
    first = page.model.record(0)
    assert first is not None and first["registration_number"]
    card = open_first_row(qtbot, controller, page)
    assert first["registration_number"] in card.windowTitle()
    card.close()
    form = create_from(qtbot, controller, lambda: qtbot.mouseClick(tool_button(page, "create"),
                                                                   Qt.MouseButton.LeftButton))
    assert type(form) is TicketForm
    form.close()


def test_n3_current_tasks_list_shows_this_users_tickets_and_creates(
    qtbot: QtBot, controller: Controller, demo_server: ServerProcess, tmp_path: Path
) -> None:
    subject = "Обращение, зарегистрированное op1 на другом месте"
    create_elsewhere(demo_server, tmp_path / "other.sqlite", "op1", subject)  # W1: assigned to op1
    go(qtbot, controller, "current_tasks")
    window, page = controller.window, controller.ticket_pages[1]
    open_leaf(qtbot, window.current_tasks_page.tree,
              ["Служба поддержки Кейсистемс", "Обращение", "Список доступных документов"])
    assert window.pages.currentWidget() is page
    assert window.page_actions[window.current_tasks_page].isChecked()  # the place stays «Текущие задачи»
    user = controller.connection.user
    assert user is not None and user.login == "op1"
    rule = availability(str(user.id), user.role)
    qtbot.waitUntil(lambda: any((page.model.record(r) or {}).get("subject") == subject
                                for r in range(page.model.rowCount())), timeout=15_000)
    expected = controller.ticket_list.ids(TicketFilter(available=rule))
    assert ids_shown(page) == expected
    assert 0 < len(expected) < controller.replica.count(Kind.TICKET)
    form = create_from(qtbot, controller, lambda: qtbot.mouseClick(tool_button(page, "create"),
                                                                   Qt.MouseButton.LeftButton))
    assert type(form) is TicketForm
    form.close()


def test_n4_desktop_feed_is_newest_first_and_creates(qtbot: QtBot, controller: Controller) -> None:
    go(qtbot, controller, "desktop")
    window, feed = controller.window, controller.ticket_pages[2]
    assert window.pages.currentWidget() is window.desktop_page
    qtbot.waitUntil(lambda: feed.model.rowCount() == controller.replica.count(Kind.TICKET), timeout=10_000)
    assert feed.isVisible() and not window.desktop_page.empty_label.isVisible()
    moments = [feed.model.record(row)["registered_at"] for row in range(50)]
    assert moments == sorted(moments, reverse=True)
    assert feed.model.headerData(0, Qt.Orientation.Horizontal) == "Номер"
    form = create_from(qtbot, controller, lambda: qtbot.mouseClick(window.desktop_page.create_button,
                                                                   Qt.MouseButton.LeftButton))
    assert type(form) is TicketForm
    form.close()
    card = open_first_row(qtbot, controller, feed)
    assert feed.model.record(0)["registration_number"] in card.windowTitle()
    card.close()


def create_elsewhere(server: ServerProcess, path: Path, login: str, subject: str) -> None:
    """Another workplace registers a ticket (as ``login``): its own cache, sync and server."""
    other = open_node(server.url, path, login)
    try:
        other.sync()
        with other.store.engine.connect() as conn:
            row = conn.exec_driver_sql("SELECT id FROM tickets WHERE contact_id IS NOT NULL LIMIT 1").scalar_one()
        source = other.replica.get(Kind.TICKET, row)
        assert source is not None
        other.replica.create(Kind.TICKET, {
            "organization_id": source["organization_id"], "contact_id": source["contact_id"],
            "applicant_name": source["applicant_name"], "email": source["email"] or "a@example.ru",
            "phone": source["phone"] or "+74951234567", "complex_id": source["complex_id"],
            "ticket_type": "consultation", "channel": "phone", "priority": "normal", "subject": subject,
            "text": "Создано на другом рабочем месте.", "provisional_number": "ПРЕДВ-TEST-0001",
        })
        assert other.sync().applied == 1
    finally:
        other.close()


def test_n4_feed_shows_a_ticket_created_by_a_second_client_without_any_user_action(
    qtbot: QtBot, controller: Controller, demo_server: ServerProcess, tmp_path: Path
) -> None:
    feed = controller.ticket_pages[2]
    qtbot.waitUntil(lambda: feed.model.rowCount() > 0, timeout=10_000)
    subject = "Новое обращение со второго рабочего места"
    create_elsewhere(demo_server, tmp_path / "other.sqlite", "spec1", subject)
    qtbot.waitUntil(lambda: (feed.model.record(0) or {}).get("subject") == subject, timeout=15_000)
    assert feed.model.record(0)["registration_number"].startswith("ОБР-")


def test_n5_every_way_in_opens_the_same_ticket_form_class(qtbot: QtBot, controller: Controller) -> None:
    window = controller.window
    pages = controller.ticket_pages
    forms = []
    for click in (lambda: qtbot.mouseClick(tool_button(pages[0], "create"), Qt.MouseButton.LeftButton),
                  lambda: qtbot.mouseClick(tool_button(pages[1], "create"), Qt.MouseButton.LeftButton),
                  lambda: qtbot.mouseClick(window.desktop_page.create_button, Qt.MouseButton.LeftButton)):
        forms.append(create_from(qtbot, controller, click))
    assert {type(f) for f in forms} == {TicketForm}
    for form in forms:
        form.close()


def test_n5_search_as_you_type_shows_the_last_query_results(qtbot: QtBot, controller: Controller) -> None:
    go(qtbot, controller, "navigator")
    window, page = controller.window, controller.ticket_pages[0]
    window.show_page(page)
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=10_000)
    activate(qtbot, page)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)  # P3: Ctrl+F to the search
    assert page.search_edit.hasFocus()
    tickets = controller.ticket_list
    for query in ("ОБРАЩ", "ошибк отчет"):
        page.search_edit.clear()
        expected = tickets.ids(TicketFilter(query=query))
        type_text(page.search_edit, query)  # a query per keystroke; only the last one's answer lands
        qtbot.waitUntil(lambda e=expected: ids_shown(page) == e, timeout=10_000)
        assert expected, query
        rows = [page.model.record(r) for r in range(min(20, len(expected)))]
        assert all(r is not None for r in rows)
    assert tickets.ids(TicketFilter(query="обращ")) == tickets.ids(TicketFilter(query="ОБРАЩ"))
    page.search_edit.clear()
    qtbot.waitUntil(lambda: page.model.rowCount() == controller.replica.count(Kind.TICKET), timeout=10_000)


def test_n5_a_broad_search_shows_its_first_tickets_then_the_rest(
    qtbot: QtBot, controller: Controller, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A search that matches most of the cache shows its first (newest) tickets at once; the rest
    follow as more rows below them, not as a new list."""
    monkeypatch.setattr(ticket_list_ui, "FIRST", 3)
    go(qtbot, controller, "navigator")
    window, page = controller.window, controller.ticket_pages[0]
    window.show_page(page)
    qtbot.waitUntil(lambda: page.complete and page.model.rowCount() > 3, timeout=10_000)
    expected = controller.ticket_list.ids(TicketFilter(query="обращ"))
    assert len(expected) > 3
    listed: list[int] = []
    labels: list[str] = []
    events: list[str] = []
    page.listed.connect(lambda n: (listed.append(n), labels.append(page.count_label.text())))
    page.model.modelReset.connect(lambda: events.append("reset"))
    page.model.rowsInserted.connect(lambda *_: events.append("inserted"))
    with qtbot.waitSignals([page.listed, page.listed], timeout=10_000):
        page.search_edit.setText("обращ")
    assert listed == [3, len(expected)]
    assert labels == ["Обращений: 3 и более…", f"Обращений: {len(expected)}"]
    assert events == ["reset", "inserted"] and ids_shown(page) == expected and page.complete


def test_n5_filter_panel_and_header_sorting(qtbot: QtBot, controller: Controller) -> None:
    window, page = controller.window, controller.ticket_pages[0]
    window.show_page(page)
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=10_000)
    activate(qtbot, page)
    page.view.setFocus()
    assert not page.filters.isVisible()
    qtbot.keyClick(page.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert page.filters.isVisible()
    closed = page.status_filter.findText("Закрыто")
    assert closed > 0
    page.status_filter.setCurrentIndex(closed)
    expected = controller.ticket_list.ids(TicketFilter(statuses=frozenset({"closed"})))
    qtbot.waitUntil(lambda: ids_shown(page) == expected, timeout=10_000)
    assert {page.model.record(r)["status"] for r in range(len(expected))} == {"closed"}
    assert page.view.model().data(page.model.index(0, 4)) == "Закрыто"

    order = {i.code: i.sort_order for i in LIST_ITEMS if i.kind == ListKind.PRIORITY}
    header = page.view.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=_section_center(header, 5))
    descending = header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    wanted = TicketFilter(statuses=frozenset({"closed"}), sort=SortKey.PRIORITY, descending=descending)
    qtbot.waitUntil(lambda: ids_shown(page) == controller.ticket_list.ids(wanted), timeout=10_000)
    ranks = [order[page.model.record(r)["priority"]] for r in range(len(expected))]
    assert ranks == sorted(ranks, reverse=descending)
    qtbot.mouseClick(page.reset_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.rowCount() == controller.replica.count(Kind.TICKET), timeout=10_000)


def test_p3_a_list_shows_a_busy_bar_while_its_query_takes_long(qtbot: QtBot, controller: Controller) -> None:
    """A re-sort of 100 000 tickets takes a while on the worker: the list says so, then stops saying it."""
    window, page = controller.window, controller.ticket_pages[0]
    window.show_page(page)
    qtbot.waitUntil(lambda: page.complete and page.model.rowCount() > 0, timeout=10_000)
    assert not page.busy.isVisible()
    held = threading.Event()
    for _ in range(2):  # the query lane's two threads: the cache is slow to answer
        Op(lambda _s: held.wait(10), Lane.QUERY).run(controller.services.tasks)
    header = page.view.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=_section_center(header, 2))
    qtbot.waitUntil(page.busy.isVisible, timeout=5000)
    assert page.busy.toolTip() == "Список обновляется…"
    held.set()
    qtbot.waitUntil(lambda: not page.busy.isVisible(), timeout=10_000)
    assert page.complete


def _section_center(header: QHeaderView, section: int) -> QPoint:
    return QPoint(header.sectionViewportPosition(section) + header.sectionSize(section) // 2, header.height() // 2)


def test_n5_every_item_model_passes_the_model_tester(qtbot: QtBot, qtmodeltester: Any, controller: Controller) -> None:
    window = controller.window
    for page in controller.ticket_pages:
        window.show_page(page if page is not controller.ticket_pages[2] else window.desktop_page)
        qtbot.waitUntil(lambda p=page: p.model.rowCount() > 0, timeout=10_000)
        qtmodeltester.check(page.model)
    clients = window.page("clients")
    qtbot.waitUntil(lambda: clients.organizations.rowCount() > 0, timeout=10_000)
    qtmodeltester.check(clients.organizations)
    qtmodeltester.check(clients.contacts)
    for reference in map(window.page, ("complexes", "contracts", "lists")):
        for name in ("complexes", "components", "contracts", "items"):
            model = getattr(reference, name, None)
            if model is not None:
                qtmodeltester.check(model)
    qtmodeltester.check(window.navigator_page.tree.model())
    qtmodeltester.check(window.current_tasks_page.tree.model())


def _painted(view: QTableView, row: int, column: int) -> QStyleOptionViewItem:
    """What the view's delegate paints a cell with (it asks the model for every role in one call)."""
    option = QStyleOptionViewItem()
    view.itemDelegate().initStyleOption(option, view.model().index(row, column))
    return option


def test_n5_a_painted_cell_shows_what_the_model_holds(qtbot: QtBot, controller: Controller) -> None:
    """The model answers a painted cell's roles at once (``multiData``): the text, the italic of a ticket
    not yet registered and the red of a warning are those ``data`` gives, role by role."""
    window = controller.window
    page = controller.ticket_pages[0]
    window.show_page(page)
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=10_000)
    model = page.model
    for row in range(min(model.rowCount(), 30)):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            option = _painted(page.view, row, column)
            assert option.text == index.data()  # (an unassigned ticket's «Исполнитель» is empty)
            assert option.text or column != 0  # every row shows its number
            font = index.data(Qt.ItemDataRole.FontRole)
            assert option.font.italic() == (font is not None and font.italic())
    contracts = window.page("contracts")
    window.show_page(contracts)
    qtbot.waitUntil(lambda: contracts.contracts.rowCount() > 0, timeout=10_000)
    red = [(r, c) for r in range(contracts.contracts.rowCount()) for c in range(contracts.contracts.columnCount())
           if contracts.contracts.index(r, c).data(Qt.ItemDataRole.ForegroundRole) is not None]
    assert red  # the demo has expired contracts
    for row, column in red[:5]:
        expected = contracts.contracts.index(row, column).data(Qt.ItemDataRole.ForegroundRole).color()
        assert _painted(contracts.contracts_view, row, column).palette.color(QPalette.ColorRole.Text) == expected


def test_p3_every_menu_action_has_a_shortcut_shown_in_its_tooltip(qtbot: QtBot, controller: Controller) -> None:
    window = controller.window
    seen = []
    for menu_action in window.menuBar().actions():
        for action in menu_action.menu().actions():
            if action.isSeparator() or action.menu() is not None:
                continue
            seen.append(action.text())
            assert not action.shortcut().isEmpty(), action.text()
            if action.toolTip() != action.text().replace("&", ""):  # a tooltip of its own names the keys
                assert action.shortcut().toString() in action.toolTip(), action.text()
    assert {"&Список обращений", "&Доступные документы", "&Создать обращение", "&Клиенты"} <= set(seen)
    for page in controller.ticket_pages[:2]:
        for action in page.toolbar.actions():
            if action.text():
                assert action.shortcut().toString() in action.toolTip(), action.text()


def test_p3_a_list_opened_from_the_menu_takes_the_keyboard(qtbot: QtBot, controller: Controller) -> None:
    window = controller.window
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    page = controller.ticket_pages[0]
    assert window.pages.currentWidget() is page
    qtbot.waitUntil(page.view.hasFocus, timeout=5000)
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=10_000)
    with qtbot.waitSignal(controller.tickets.card_opened, timeout=5000):
        qtbot.keyClick(page.view, Qt.Key.Key_Down)
        qtbot.keyClick(page.view, Qt.Key.Key_Return)  # Enter opens the selected ticket
