"""P3 / issue 22: after Tab the focused control of the main window shows a frame (resources/style.qss)
whose colour stands out from what is around it by WCAG 1.4.11's 3:1 at least."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from ksdesk_desktop.core.resources import resource
from ksdesk_desktop.session import Connection
from ksdesk_desktop.ui.main_window import MainWindow
from tests.client.helpers import activate

STYLE = resource("style.qss").read_text(encoding="utf-8")


def luminance(color: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF()) + 0.0722 * channel(color.blueF())


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(QColor(a)), luminance(QColor(b))), reverse=True)
    return (high + 0.05) / (low + 0.05)


def focus_rules() -> dict[str, str]:
    """Selector list → the frame colour, for every ``:focus`` rule of the style sheet."""
    rules = re.findall(r"([^{}]*:focus[^{}]*)\{([^}]*)\}", re.sub(r"/\*.*?\*/", "", STYLE, flags=re.S))
    found = {}
    for selectors, body in rules:
        colour = re.search(r"border:\s*\d+px\s+solid\s+(#[0-9a-fA-F]{6})", body)
        assert colour, selectors
        found[" ".join(selectors.split())] = colour.group(1)
    return found


def test_p3_the_focus_frames_pass_wcag_non_text_contrast() -> None:
    rules = focus_rules()
    work_area = next(c for s, c in rules.items() if "QLineEdit:focus" in s and "quick_access" not in s)
    panel = next(c for s, c in rules.items() if "quick_access" in s)
    for background in ("#ffffff", "#f0f0f0", "#fff3a0"):  # fields, the window, a required (yellow) field
        assert contrast(work_area, background) >= 3.0, background
    for background in ("#1f3b5a", "#2d5078", "#3d6ea3"):  # the quick-access panel: plain, hovered, checked
        assert contrast(panel, background) >= 3.0, background


@pytest.fixture
def styled(qapp: QApplication) -> Iterator[None]:
    qapp.setStyleSheet(STYLE)  # as ksdesk_desktop.app does at start
    yield
    qapp.setStyleSheet("")


def shows(widget: QWidget, colour: str) -> bool:
    image: QImage = widget.grab().toImage()
    wanted = QColor(colour).rgb()
    edge = [image.pixel(x, image.height() // 2) for x in range(3)] + \
        [image.pixel(image.width() // 2, y) for y in range(3)]
    return wanted in edge


def test_p3_tab_in_the_main_window_shows_where_the_focus_is(qtbot: QtBot, styled: None) -> None:
    window = MainWindow(Connection(), lambda: "")
    qtbot.addWidget(window)
    window.show()
    window.show_page(window.navigator_page)
    activate(qtbot, window)
    colour = next(c for s, c in focus_rules().items() if "QTreeView:focus" in s)
    tree = window.navigator_page.tree
    desktop = window.quick_access.widgetForAction(window.page_actions[window.desktop_page])
    desktop.setFocus(Qt.FocusReason.MouseFocusReason)  # somewhere else first
    assert not shows(tree, colour)
    for _ in range(8):  # Tab until the Navigator's tree has the focus, as an operator does
        qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_Tab)
        if QApplication.focusWidget() is tree:
            break
    assert QApplication.focusWidget() is tree
    assert shows(tree, colour)
    panel = next(c for s, c in focus_rules().items() if "quick_access" in s)
    button = window.quick_access.widgetForAction(window.page_actions[window.desktop_page])
    button.setFocus(Qt.FocusReason.TabFocusReason)
    assert shows(button, panel)
