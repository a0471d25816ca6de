"""Issue 22, what the operator sees: drop-downs readable under the keyboard cursor with the contract's
green kept (T7), the ticket card's customer, assignee and system information (T6, T10), phones split
by their real area code, nothing clipped at 1280×720 with ▼ for newest first (N5), icons on the list
toolbars (N2), and the embedded server brought back when it dies (S5)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QComboBox, QListView, QStyleFactory
from pytestqt.qtbot import QtBot

from ksdesk_desktop.app import apply_style
from ksdesk_desktop.controller import Controller
from ksdesk_desktop.ui.look import AA_CONTRAST, ChoiceDelegate, contrast
from tests.client.helpers import type_text
from tests.client.test_ticket_card import open_card
from tests.client.test_ticket_form import choose_organization, fill_valid, open_form, pick

pytestmark = pytest.mark.timeout(120)


@pytest.fixture
def look(qapp: QApplication) -> Iterator[None]:
    """The application's look as ``ksdesk`` starts with it (style and style sheet); taken off afterwards."""
    apply_style(qapp)
    yield
    qapp.setStyleSheet("")
    qapp.setStyle(QStyleFactory.create("Fusion"))


def painted(view: QListView, index: QModelIndex) -> tuple[QColor, QColor]:
    """(background, text) of an item as painted on screen: the background beside the text's end, the
    text the pixel inside the label's own box (its advance, its x-height) that stands out most from it."""
    image = view.viewport().grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    rect = view.visualRect(index)
    background = image.pixelColor(min(rect.right(), image.width() - 1) - 4, rect.center().y())
    metrics = view.fontMetrics()
    label = metrics.boundingRect(str(index.data()))
    left = rect.left() + 2
    xs = range(left, min(left + label.width() + 8, rect.right() - 4))
    ys = range(rect.center().y() - metrics.xHeight() // 2, rect.center().y() + metrics.xHeight() // 2 + 1)
    text = max((image.pixelColor(x, y) for x in xs for y in ys), key=lambda c: contrast(c, background))
    return background, text


def greenish(colour: QColor) -> bool:
    return colour.green() > colour.red() + 30 and colour.green() > colour.blue() + 30


def test_t7_drop_down_highlight_is_readable_and_keeps_the_green(
    qtbot: QtBot, look: None, controller: Controller
) -> None:
    form = open_form(qtbot, controller)
    choice = pick(controller, covered=True)
    choose_organization(qtbot, form, choice)
    combo = form.complex_combo
    assert combo.property("missing")  # the required field's yellow is what hid the highlight
    covered = combo.findData(sorted(choice.covered)[0])
    plain = next(r for r in range(combo.count()) if combo.itemData(r) not in choice.covered)
    combo.showPopup()
    view = combo.view()
    assert isinstance(view, QListView)
    qtbot.waitUntil(view.isVisible)
    seen = {}
    for row in (covered, plain):
        for highlighted in (False, True):
            index = combo.model().index(row, 0)
            view.setCurrentIndex(index if highlighted else combo.model().index(covered if row == plain else plain, 0))
            qtbot.waitUntil(lambda i=index, h=highlighted: view.selectionModel().isSelected(i) == h)
            background, text = painted(view, index)
            seen[(row, highlighted)] = background
            assert contrast(background, text) >= AA_CONTRAST, (row, highlighted, background.name(), text.name())
    assert greenish(seen[(covered, False)]) and greenish(seen[(covered, True)])  # green under the cursor too
    assert not greenish(seen[(plain, False)]) and not greenish(seen[(plain, True)])
    assert seen[(covered, True)] != seen[(covered, False)]  # and the cursor is seen on it
    combo.hidePopup()
    everywhere = form.findChildren(QComboBox) + controller.window.findChildren(QComboBox)
    assert everywhere and all(isinstance(c.itemDelegate(), ChoiceDelegate) for c in everywhere)


def test_t6_t10_card_shows_customer_assignee_system_information_and_the_phone_as_read(
    qtbot: QtBot, controller: Controller
) -> None:
    form = open_form(qtbot, controller)
    choice = pick(controller, own=False)  # works under its customer's contract
    fill_valid(qtbot, form, choice)
    form.phone_edit.clear()
    type_text(form.phone_edit, "8 (4852) 75-25-29")  # Yaroslavl
    info = "КС Деск 0.1.0\nОС: Windows 10 Pro 22H2\nСервер: https://ksdesk.example.ru"
    form.system_info_edit.setPlainText(info)
    with qtbot.waitSignal(controller.tickets.registered, timeout=30_000) as registered:
        qtbot.keyClick(form.subject_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    card = open_card(qtbot, controller.tickets, registered.args[0])
    user = controller.connection.user
    assert user is not None
    qtbot.waitUntil(lambda: card.values["Исполнитель"].text() == user.full_name, timeout=20_000)  # W1
    assert card.values["Заказчик"].text() == choice.customer_name != ""
    assert card.values["Организация"].text() == choice.name
    assert card.system_info.toPlainText() == info
    assert card.values["Телефон"].text() == "+7 4852 75-25-29"
    card.close()
