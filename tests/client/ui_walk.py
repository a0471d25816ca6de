"""A walk through the running client (P2): every page, dialog and menu, collecting the texts of its chrome
— what the program itself says, not the data it shows.

``chrome_texts(widget)`` reads a visible window as a user sees it: window titles, labels, buttons,
tooltips, placeholders, group box titles, tab texts, column titles, menu and toolbar entries, the items
of drop-downs and trees that belong to the program. The rows of record lists are data and are left
out; so are names, subjects and numbers that come from the cache wherever they are shown in a label
(:func:`data_strings` reads them, :func:`strip_data` takes them out of a text).

``Walk`` drives a logged-in :class:`~ksdesk_desktop.controller.Controller` as a user does (menu entries,
buttons, keys) and keeps
every text it met with where it met it."""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTableView,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from ksdesk_desktop.controller import Controller
from ksdesk_desktop.store.schema import CACHE
from ksdesk_desktop.ui.login_dialog import LoginDialog
from sync.records import Kind

CYRILLIC = re.compile("[А-Яа-яЁё]")
READ_ONLY = "read-only text"  # a block such as «О программе»'s system information: "name: value" lines
# drop-downs and trees whose items are the program's own words (reference-list labels, page names);
# any other's items are records from the cache (organizations, complexes, contacts, users)
CHROME_ITEMS = {"navigator_tree", "current_tasks_tree", "status_filter", "priority_filter", "list_kind_combo",
                "type_combo", "channel_combo", "priority_combo", "ticket_type", "contact_channel", "priority",
                "history_list", "assignee_filter", "component_combo", "complex_combo", "customer_combo",
                "branch_combo"}  # the last ones mix their own words ("not set") with records: the records are data
DATA_KINDS = (Kind.TICKET, Kind.ORGANIZATION, Kind.CONTACT, Kind.SOFTWARE_COMPLEX, Kind.COMPONENT, Kind.CONTRACT,
              Kind.ATTACHMENT,
              Kind.USER)
CODE = re.compile(r"[a-z0-9_]+")  # a code ("registered") or a login: data only as a widget's whole text
NUMBER = re.compile(r"(?:ОБР|ПРЕДВ)-[\d-]+|\d{4}-\d+")  # a ticket's registration number is data


def plain(text: str) -> str:
    """A label's rich text as the eye reads it."""
    text = re.sub(r"<br\s*/?>", "\n", text)
    return html.unescape(re.sub(r"<[^>]+>", "", text)).replace("&&", "&")


def _model_texts(view: QAbstractItemView) -> Iterable[str]:
    model = view.model()
    if model is None:
        return
    stack = [QModelIndex()]
    while stack:
        parent = stack.pop()
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            yield str(index.data() or "")
            stack.append(index)


def _header_texts(view: QAbstractItemView) -> Iterable[str]:
    model = view.model()
    if model is None or not isinstance(view, QTableView) or view.horizontalHeader().isHidden():
        return
    for column in range(model.columnCount()):
        if not view.isColumnHidden(column):
            yield str(model.headerData(column, Qt.Orientation.Horizontal) or "")


def action_texts(actions: Iterable[QAction], where: str) -> Iterable[tuple[str, str]]:
    for action in actions:
        if action.isSeparator() or not action.isVisible():
            continue
        yield f"{where}/action {action.objectName()}", action.text()
        if action.toolTip() != action.text().replace("&", ""):
            yield f"{where}/tooltip {action.objectName()}", action.toolTip()
        if action.menu() is not None:
            menu = action.menu()
            assert isinstance(menu, QMenu)
            yield f"{where}/menu", menu.title()
            yield from action_texts(menu.actions(), f"{where}/{menu.title()}")


def _own_texts(widget: QWidget) -> Iterable[tuple[str, str]]:
    name = widget.objectName() or type(widget).__name__
    if widget.isWindow():
        yield f"{name}/title", widget.windowTitle()
    if widget.toolTip():
        yield f"{name}/tooltip", widget.toolTip()
    if isinstance(widget, QLabel):
        yield f"{name}/label", plain(widget.text())
    elif isinstance(widget, QAbstractButton):
        yield f"{name}/button", widget.text()
    elif isinstance(widget, QLineEdit):
        yield f"{name}/placeholder", widget.placeholderText()
    elif isinstance(widget, QTextEdit | QPlainTextEdit):
        yield f"{name}/placeholder", widget.placeholderText()
        if widget.isReadOnly():  # the program's own text (the system information), not what was typed
            yield f"{name}/{READ_ONLY}", widget.toPlainText()
    elif isinstance(widget, QGroupBox):
        yield f"{name}/group", widget.title()
    elif isinstance(widget, QTabBar):
        for i in range(widget.count()):
            yield f"{name}/tab", widget.tabText(i)
            yield f"{name}/tab tooltip", widget.tabToolTip(i)
    elif isinstance(widget, QComboBox) and name in CHROME_ITEMS:
        for i in range(widget.count()):
            yield f"{name}/item", widget.itemText(i)
    elif isinstance(widget, QAbstractItemView):
        for text in _header_texts(widget):
            yield f"{name}/column", text
        if name in CHROME_ITEMS:
            for text in _model_texts(widget):
                yield f"{name}/item", text
    if isinstance(widget, QMainWindow):
        yield f"{name}/status", widget.statusBar().currentMessage()
        yield from action_texts(widget.menuBar().actions(), f"{name}/menu")
    elif not isinstance(widget, QMenu):  # a menu's entries are read with its owner's
        yield from action_texts(widget.actions(), name)


def chrome_texts(window: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every visible widget of ``window`` (a window and what it holds)."""
    found: list[tuple[str, str]] = []
    for widget in [window, *window.findChildren(QWidget)]:
        try:
            if widget is window or widget.isVisibleTo(window):
                found += [(where, text) for where, text in _own_texts(widget) if text.strip()]
        except RuntimeError:  # deleted meanwhile (deleteLater): nothing to see
            continue
    return found


@dataclass
class Data:
    """The cache's strings: ``parts`` are taken out wherever they occur (names, subjects, texts …, longest
    first); ``wholes`` (codes and logins too) only when they are a widget's whole text."""

    parts: list[str]
    wholes: set[str]


def data_strings(controller: Controller) -> Data:
    found: set[str] = set()
    with controller.store.engine.connect() as conn:
        for kind in DATA_KINDS:
            for (data,) in conn.execute(select(CACHE[kind].c.data)):
                found.update(v for v in data.values() if isinstance(v, str) and v)
        codes = {str(data["code"]) for (data,) in conn.execute(select(CACHE[Kind.LIST_ITEM].c.data))}
    parts = [v for v in found if len(v) >= 3 and not CODE.fullmatch(v)]  # a list item's label is no data
    return Data(sorted(parts, key=len, reverse=True), found | codes)


def shown_windows() -> list[QWidget]:
    """The top-level windows on screen (a menu deleted later may still be listed: left out)."""
    shown = []
    for top in QApplication.topLevelWidgets():
        try:
            if top.isVisible():
                shown.append(top)
        except RuntimeError:
            continue
    return shown


def strip_data(text: str, data: Data) -> str:
    """``text`` without the data in it (and without ticket numbers)."""
    if text.strip() in data.wholes:
        return ""
    for value in data.parts:
        if value in text:
            text = text.replace(value, " ")
    return NUMBER.sub(" ", text)


@dataclass
class Walk:
    """What a user meets going through the client: ``texts`` holds (step/where, text)."""

    qtbot: QtBot
    controller: Controller
    texts: list[tuple[str, str]] = field(default_factory=list)
    steps: list[str] = field(default_factory=list)
    ticket_id: str = ""  # the ticket whose card the walk opened

    @property
    def window(self) -> QMainWindow:
        return self.controller.window

    def look(self, step: str) -> None:
        """Read every visible window now."""
        self.steps.append(step)
        for top in shown_windows():
            self.texts += [(f"{step}: {where}", text) for where, text in chrome_texts(top)]

    def wait(self, condition: Callable[[], Any], timeout: int = 15_000) -> None:
        self.qtbot.waitUntil(lambda: bool(condition()), timeout=timeout)

    def close_dialogs(self) -> None:
        for top in shown_windows():
            if isinstance(top, QDialog):
                top.reject()
        self.wait(lambda: not any(isinstance(t, QDialog) for t in shown_windows()))

    def page(self, key: str) -> QWidget:
        page = self.window.page(key)
        assert page is not None, key
        return page

    def select_first(self, view: QAbstractItemView) -> None:
        self.wait(lambda: view.model().rowCount() > 0)
        view.setFocus()
        view.setCurrentIndex(view.model().index(0, 0))

    def context_menu(self, view: QAbstractItemView, menus: Callable[[], QMenu | None], step: str) -> None:
        """Right-click the first row: the menu pops up; read it and close it."""
        self.select_first(view)
        pos = view.visualRect(view.model().index(0, 0)).center()
        view.customContextMenuRequested.emit(pos)
        self.wait(lambda: menus() is not None and menus().isVisible())  # type: ignore[union-attr]
        menu = menus()
        assert menu is not None
        self.texts += [(f"{step}: {where}", text) for where, text in action_texts(menu.actions(), "context menu")]
        menu.close()

    def click(self, button: QWidget | None) -> None:
        assert isinstance(button, QAbstractButton) and button.isEnabled(), button
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    def choose(self, action_name: str) -> None:
        """A menu entry (or a quick-access button) chosen, as a click on it does."""
        action = self.window.findChild(QAction, action_name)
        assert action is not None and action.isEnabled(), action_name
        action.trigger()

    def run(self) -> None:
        """Every page, dialog and menu of the main window."""
        window = self.window
        for page in (window.navigator_page, window.current_tasks_page, window.desktop_page):
            self.choose(f"action_{page.objectName()}")  # the quick-access panel
            self.look(f"place {page.objectName()}")
        self.look("menus")  # the menu bar's menus are read with the window
        self.pages()
        self.clients()
        self.references()
        self.ticket_form()
        self.ticket_card()
        self.toast()
        self.choose("action_about")
        self.wait(lambda: window.about_dialog is not None and window.about_dialog.isVisible())
        self.look("about")
        self.close_dialogs()
        self.login()
        self.language()

    def pages(self) -> None:
        for key, action in (("tickets", "action_ticket_list"), ("available_documents", "action_available_documents"),
                            ("drafts", "action_drafts"), ("recent", "action_recent"), ("agent", "action_agent")):
            self.choose(action)  # «Обращения / …»
            self.wait(lambda key=key: self.window.pages.currentWidget() is self.page(key))
            self.look(f"page {key}")
        tickets = self.page("tickets")
        tickets.filter_action.setChecked(True)  # type: ignore[attr-defined]
        self.look("ticket list filter")
        tickets.filter_action.setChecked(False)  # type: ignore[attr-defined]
        menu = tickets.context_menu  # type: ignore[attr-defined]
        self.context_menu(tickets.view, lambda: menu.menu, "ticket list context menu")  # type: ignore[attr-defined]

    def clients(self) -> None:
        page: Any = self.page("clients")
        self.choose("action_clients")
        self.select_first(page.organizations_view)
        self.wait(lambda: page.details.text())
        self.look("page clients")
        self.click(page.open_button)
        self.look("organization dialog")
        self.close_dialogs()
        self.click(page.create_button)
        dialog = page.dialog
        self.look("new organization dialog")
        dialog.edits["inn"].setText("123")
        dialog.lookup()  # the shared rule refuses it at once
        self.look("new organization dialog, a wrong INN")
        for inn in ("7707083893", "7712029281"):  # one in the directory, one only EGRUL knows
            dialog.edits["inn"].setText(inn)
            with self.qtbot.waitSignal(dialog.lookup_finished, timeout=15_000):
                dialog.lookup()
            self.look(f"new organization dialog, INN {inn} looked up")
        self.close_dialogs()
        self.wait(lambda: page.contacts.rowCount() > 0)
        page.open_contact(page.contacts.record(0))
        self.look("contact dialog")
        self.close_dialogs()

    def references(self) -> None:
        complexes: Any = self.page("complexes")
        self.choose("action_complexes")
        self.select_first(complexes.complexes_view)
        self.look("page complexes")
        self.click(complexes.open_complex_button)
        self.look("complex dialog")
        self.close_dialogs()
        self.select_first(complexes.components_view)
        complexes.open_component(complexes.components.record(0))
        self.look("component dialog")
        self.close_dialogs()
        contracts: Any = self.page("contracts")
        self.choose("action_contracts")
        self.select_first(contracts.contracts_view)
        self.look("page contracts")
        self.click(contracts.open_button)
        self.look("contract dialog")
        self.close_dialogs()
        lists: Any = self.page("lists")
        self.choose("action_lists")
        self.select_first(lists.items_view)
        self.look("page lists")
        self.click(lists.edit_button)
        self.look("list item dialog")
        self.close_dialogs()

    def ticket_form(self) -> None:
        self.choose("action_new_ticket")  # «Обращения / Создать обращение»
        self.wait(lambda: self.controller.tickets.forms)
        form: Any = self.controller.tickets.forms[-1]
        self.look("ticket form")
        self.click(form.save_button)  # an empty form: every required field says what it lacks
        self.look("ticket form problems")
        self.qtbot.keyClicks(form.subject_edit, "12345")  # digits: neither language
        self.click(form.close_button)  # with content: kept as a draft, the status bar says where
        self.wait(lambda: not form.isVisible())
        drafts: Any = self.page("drafts")
        self.choose("action_drafts")
        self.wait(lambda: drafts.table.rowCount() > 0)
        self.look("drafts with a draft")

    def ticket_card(self) -> None:
        """The card of a ticket that can still be escalated (an earlier walk on the same server took
        some): its tabs, the escalation's reason dialog, and the history the escalation wrote."""
        card = self._escalatable_card()
        for i in range(card.tabs.count()):
            card.tabs.setCurrentIndex(i)
            self.look(f"ticket card tab {i}")
        button = card.findChild(QAbstractButton, "action_escalate")
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # the escalation asks for its reason
        self.wait(lambda: any(t.objectName() == "action_text" for t in shown_windows()))
        self.look("action text dialog")
        dialog: Any = next(t for t in shown_windows() if t.objectName() == "action_text")
        self.qtbot.keyClicks(dialog.edit, "123")  # digits: neither language
        dialog.accept()
        self.wait(lambda: card.action_message.text())  # «…: sending to the server»
        self.wait(lambda: self.controller.sync.pending == 0 and not self.controller.sync.running, 30_000)
        card.history.load()  # what the server did: the history's own words and the list labels in it
        self.wait(lambda: card.history.model.rowCount() > 0)
        self.look("ticket card history after an escalation")
        self.ticket_id = str(card.ticket["id"])
        self.close_dialogs()

    def _escalatable_card(self) -> Any:
        tickets: Any = self.page("tickets")
        self.choose("action_ticket_list")
        self.select_first(tickets.view)
        for row in range(20):
            tickets.view.setCurrentIndex(tickets.model.index(row, 0))
            tickets.open_selected()
            self.wait(lambda: self.controller.tickets.card is not None)
            card: Any = self.controller.tickets.card
            self.wait(lambda c=card: c.history.source)  # the history shown
            button = card.findChild(QAbstractButton, "action_escalate")
            if button is not None and button.isVisibleTo(card) and button.isEnabled():
                return card
            self.close_dialogs()
            self.wait(lambda: self.controller.tickets.card is None)
        raise AssertionError("no ticket to escalate among the first 20")

    def toast(self) -> None:
        """The notice under the pages after a save: waiting for its number, then registered."""
        toast = self.controller.tickets.toast
        toast.show_ticket(self.ticket_id, "ПРЕДВ-1", registered=False, online=True)
        self.look("toast, saved")
        toast.show_ticket(self.ticket_id, "ОБР-2026-1", registered=True)
        self.look("toast, registered")
        toast.dismiss()

    def login(self) -> None:
        dialog = LoginDialog(self.controller.tasks, server_url="", parent=self.window)
        dialog.open()
        self.look("login dialog")
        dialog.reject()

    def language(self) -> None:
        """«Меню → Язык → English» (or Русский): the choice is kept and a message says when it applies."""
        other = "en" if self.window.language_actions["ru"].isChecked() else "ru"
        self.window.language_actions[other].trigger()
        self.wait(lambda: self.controller.language_message is not None and self.controller.language_message.isVisible())
        self.look("language message")
        self.close_dialogs()
