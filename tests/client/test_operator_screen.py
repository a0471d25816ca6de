"""Issue 22, what the operator sees: drop-downs readable under the keyboard cursor with the contract's
green kept (T7), the ticket card's customer, assignee and system information (T6, T10), phones split
by their real area code, nothing clipped at 1280×720 with ▼ for newest first (N5), icons on the list
toolbars (N2), and the embedded server brought back when it dies (S5)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QComboBox, QHeaderView, QListView, QStyleFactory, QToolButton
from pytestqt.qtbot import QtBot

from ksdesk_desktop.app import apply_style
from ksdesk_desktop.controller import Controller
from ksdesk_desktop.core.resources import resource
from ksdesk_desktop.ui.look import AA_CONTRAST, ChoiceDelegate, contrast
from ksdesk_desktop.ui.table_view import MiddleElided
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
    shown = [c for c in form.findChildren(QComboBox) if c.isVisible()]
    assert len(shown) >= 5 and all(isinstance(c.itemDelegate(), ChoiceDelegate) for c in shown)
    page = controller.ticket_pages[0]  # another window's drop-down: a list's filter, once shown
    controller.window.show_page(page)
    page.filter_action.setChecked(True)
    page.status_filter.grab()
    assert isinstance(page.status_filter.itemDelegate(), ChoiceDelegate)


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


def arrow_points_down(header: QHeaderView, section: int) -> bool:
    """Whether the sort arrow painted at the right end of a header section points down (▼): its widest
    row of dark pixels is at its top."""
    image = header.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    right = header.sectionViewportPosition(section) + header.sectionSize(section)
    rows = []
    for y in range(image.height()):
        dark = sum(1 for x in range(max(0, right - 24), min(right - 2, image.width()))
                   if image.pixelColor(x, y).lightness() < 140)
        if dark:
            rows.append(dark)
    assert len(rows) >= 3, "no sort arrow painted"
    return rows[0] > rows[-1]


def test_n5_nothing_clipped_at_1280x720_and_newest_first_shows_down_arrow(
    qtbot: QtBot, look: None, controller: Controller
) -> None:
    window = controller.window
    assert (window.width(), window.height()) == (1280, 720)  # the default size is the small screen's
    page = controller.ticket_pages[0]
    window.show_page(page)
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=20_000)
    view, header = page.view, page.view.horizontalHeader()
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder  # newest first …
    assert arrow_points_down(header, header.sortIndicatorSection())  # … shown as ▼
    header.setSortIndicator(header.sortIndicatorSection(), Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=20_000)
    assert not arrow_points_down(header, header.sortIndicatorSection())  # oldest first: ▲
    titles = [page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(page.model.columnCount())]
    for column, title in enumerate(titles):  # every title whole, with room for the arrow
        assert header.sectionSize(column) >= header.sectionSizeFromContents(column).width(), title
    statuses = {page.model.index(r, titles.index("Статус")).data() for r in range(page.model.rowCount())}
    assert "Зарегистрировано" in statuses
    for title in ("Номер", "Дата", "Статус", "Приоритет", "Исполнитель"):  # every cell shown whole
        column = titles.index(title)
        assert view.columnWidth(column) >= view.sizeHintForColumn(column), title
    organization = titles.index("Организация")  # too long for any width: both ends kept, whole in the tooltip
    assert isinstance(view.itemDelegateForColumn(organization), MiddleElided)
    first = page.model.index(0, organization)
    assert first.data(Qt.ItemDataRole.ToolTipRole) == first.data()
    clients = window.page("clients")  # the contacts' four columns in view beside the organizations
    window.show_page(clients)
    qtbot.waitUntil(lambda: clients.contacts_view.isVisible())
    contacts = clients.contacts_view
    assert contacts.horizontalScrollBar().maximum() == 0
    phone = contacts.horizontalHeader().sectionSize(3)
    assert phone >= contacts.fontMetrics().horizontalAdvance("+7 4852 75-25-29") + 8
    about = window.show_about()
    qtbot.waitUntil(about.isVisible)
    assert about.info_view.verticalScrollBar().maximum() == 0  # the last line is there
    assert about.info_view.horizontalScrollBar().maximum() == 0
    assert about.width() <= 1280 and about.height() <= 720
    about.close()


def test_n2_list_toolbars_have_icons_with_text_from_one_shipped_set(qtbot: QtBot, controller: Controller) -> None:
    tabler = resource("icons", "tabler")
    assert "MIT License" in (tabler / "LICENSE").read_text(encoding="utf-8")
    assert "Tabler Icons 3.51.0" in (tabler / "README.md").read_text(encoding="utf-8")
    window = controller.window
    page = controller.ticket_pages[0]
    window.show_page(page)
    assert page.toolbar.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextBesideIcon
    for action in (page.create_action, page.refresh_action, page.open_action, page.filter_action, page.search_action):
        assert action.text() and not action.icon().isNull(), action.text()
    create = page.toolbar.widgetForAction(page.create_action)
    assert isinstance(create, QToolButton) and create.text() == "Создать"
    image = create.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    icon_blue = [image.pixelColor(x, y) for x in range(image.width() // 3) for y in range(image.height())
                 if image.pixelColor(x, y).blue() > image.pixelColor(x, y).red() + 40]
    assert len(icon_blue) > 20  # the «+» is painted left of «Создать»
    clients = window.page("clients")
    window.show_page(clients)
    buttons = [clients.create_button, clients.open_button, clients.add_contact_button]
    contracts = window.page("contracts")
    buttons += [contracts.add_button, contracts.open_button, contracts.delete_button]
    assert all(b.text() and not b.icon().isNull() for b in buttons)
