"""Issue 22: a form closed with content keeps its draft in sight, and «Черновики» (Navigator, menu,
Ctrl+Shift+D, the desktop) reopens it (T15); after saving, the toast sits under the pages and closes
by itself, Ctrl+Shift+T opens the ticket just saved and «Последние» keeps its number (T13)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from ksdesk_desktop.controller import Controller
from ksdesk_desktop.ui.pages import KEY
from ksdesk_desktop.ui.toast import AUTO_CLOSE_MS
from tests.client.helpers import activate, type_text
from tests.client.test_ticket_form import fill_valid, open_form, pick

pytestmark = pytest.mark.timeout(120)


def leaves(controller: Controller) -> list[str]:
    model = controller.window.navigator_page.tree.model()
    found, stack = [], [model.index(r, 0) for r in range(model.rowCount())]
    while stack:
        index = stack.pop()
        if index.data(KEY):
            found.append(index.data(KEY))
        stack += [model.index(r, 0, index) for r in range(model.rowCount(index))]
    return found


def test_t15_a_form_closed_with_content_keeps_its_draft_in_sight_and_drafts_reopens_it(
    qtbot: QtBot, controller: Controller
) -> None:
    window, tickets = controller.window, controller.tickets
    assert {"drafts", "recent"} <= set(leaves(controller))  # both in the Navigator
    form = open_form(qtbot, controller)
    activate(qtbot, form)
    type_text(form.subject_edit, "Не печатается платёжка")
    qtbot.keyClick(form.subject_edit, Qt.Key.Key_Escape)  # closed by accident
    qtbot.waitUntil(lambda: form not in tickets.forms, timeout=5000)
    assert window.statusBar().currentMessage() == (
        "Черновик «Не печатается платёжка» сохранён: он в «Обращения / Черновики» (Ctrl+Shift+D).")
    page = controller.drafts_page
    qtbot.waitUntil(lambda: window.desktop_page.drafts_button.isVisibleTo(window), timeout=5000)
    assert window.desktop_page.drafts_button.text() == "Черновики (1)"  # the desktop shows it too
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.pages.currentWidget() is page
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=5000)
    assert page.table.item(0, 3).text() == "Не печатается платёжка"
    assert QApplication.focusWidget() is page.table
    with qtbot.waitSignal(tickets.form_opened, timeout=5000) as opened:
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
    again = opened.args[0]
    qtbot.waitUntil(lambda: again.subject_edit.text() == "Не печатается платёжка", timeout=10_000)
    again.close()  # kept again; now dropped from the list, after a question
    qtbot.waitUntil(lambda: page.table.rowCount() == 1 and again not in tickets.forms, timeout=5000)
    box = page.ask_delete()
    assert box is not None and "Не печатается платёжка" in box.text()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.table.rowCount() == 0, timeout=5000)
    assert not window.desktop_page.drafts_button.isVisibleTo(window)


def test_t13_the_toast_never_covers_the_lists_closes_by_itself_and_the_number_stays_reachable(
    qtbot: QtBot, controller: Controller
) -> None:
    window, tickets = controller.window, controller.tickets
    form = open_form(qtbot, controller)
    fill_valid(qtbot, form, pick(controller, own=True))
    with qtbot.waitSignal(tickets.registered, timeout=20_000) as registered:
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    ticket_id, number = registered.args
    toast = tickets.toast
    assert toast.isVisible() and number in toast.label.text()
    def in_window(widget: QWidget) -> QRect:
        return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())

    assert not in_window(window.pages).intersects(in_window(toast))  # under the pages, not over them
    assert toast.timer.isActive() and toast.timer.interval() == AUTO_CLOSE_MS
    toast.timer.start(50)  # the same timer, shortened for the test
    qtbot.waitUntil(lambda: not toast.isVisible(), timeout=5000)

    activate(qtbot, window)
    shift_ctrl = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    with qtbot.waitSignal(tickets.card_opened, timeout=5000) as opened:
        qtbot.keyClick(window, Qt.Key.Key_T, shift_ctrl)  # the ticket just saved, from the keyboard
    assert opened.args[0].windowTitle() == f"Обращение {number}"
    opened.args[0].close()

    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_R, shift_ctrl)  # «Последние»
    recent = controller.recent_page
    assert window.pages.currentWidget() is recent
    qtbot.waitUntil(lambda: recent.view.count() > 0 and number in recent.view.item(0).text(), timeout=5000)
    with qtbot.waitSignal(tickets.card_opened, timeout=5000) as opened:
        qtbot.keyClick(recent.view, Qt.Key.Key_Return)
    assert opened.args[0].windowTitle() == f"Обращение {number}"
    assert ticket_id == recent.view.item(0).data(Qt.ItemDataRole.UserRole)
