"""Issue 22's goal: a ticket for a known organization registered from the main window with the
keyboard alone, in at most 25 keystrokes besides the subject and the text (README, «Регистрация с
клавиатуры»). The test presses the keys as a keyboard delivers them — to the open list when one is
open, else to the focused widget — counts them, and checks the ticket the server registered."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from ksdesk_desktop.controller import Controller
from ksdesk_desktop.core.tickets import OrganizationChoice, find_organizations
from ksdesk_desktop.ui.ticket_form import TicketForm
from sync import tickets as rules
from sync.records import Kind
from tests.client.helpers import activate
from tests.client.test_ticket_form import organizations

pytestmark = pytest.mark.timeout(120)
BUDGET = 25


class Keyboard:
    """Keys as the operator presses them; :attr:`count` those that are not the subject and text."""

    def __init__(self, qtbot: QtBot, fallback: QWidget) -> None:
        self.qtbot, self.fallback, self.count, self.pressed = qtbot, fallback, 0, []

    def target(self) -> QWidget:
        return QApplication.activePopupWidget() or QApplication.focusWidget() or self.fallback

    def key(self, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        QTest.keyClick(self.target(), key, modifiers)
        self.count += 1
        self.pressed.append(key_name(key, modifiers))

    def type(self, text: str, *, counted: bool = True) -> None:
        for ch in text:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(self.target(),
                                       QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))
            if counted:
                self.count += 1
                self.pressed.append(ch)


def key_name(key: Qt.Key, modifiers: Qt.KeyboardModifier) -> str:
    prefix = "Ctrl+" if modifiers & Qt.KeyboardModifier.ControlModifier else ""
    return prefix + key.name.removeprefix("Key_")


def known_organization(controller: Controller) -> tuple[OrganizationChoice, str, dict]:
    """A client with a contract, a contact with e-mail and phone first in its list, and a short
    start of its name that lists it first: the organization, that start, the contact."""
    directory, day = controller.directory, rules.contract_day()
    for choice in organizations(controller):
        if not choice.covered or choice.id is None:
            continue
        ids = directory.contact_ids(choice.id)
        contacts = directory.records(Kind.CONTACT, ids)
        first = contacts.get(ids[0]) if ids else None
        if first is None or not first.get("email") or not first.get("phone"):
            continue
        words = [w for w in re.findall(r"\w+", choice.name) if len(w) > 3 and not w.isupper()]
        for word in words:
            for size in (3, 4, 5):
                found = find_organizations(directory, word[:size], day)
                if found and found[0].id == choice.id:
                    return choice, word[:size], first
    raise LookupError("the demo data has no such organization")


def combo_letter(form: TicketForm, combo_name: str, code: str) -> str:
    """The first letter of ``code``'s label, checked to land on it when typed into the closed list."""
    combo = getattr(form, combo_name)
    label = combo.itemText(combo.findData(code))
    first = next(i for i in range(combo.count()) if combo.itemText(i)[:1].lower() == label[:1].lower())
    assert combo.itemData(first) == code, (combo_name, label)
    return label[:1]


def test_n4_t1_t13_a_ticket_registered_with_the_keyboard_alone_in_at_most_25_keystrokes(
    qtbot: QtBot, controller: Controller
) -> None:
    window, tickets = controller.window, controller.tickets
    choice, start, contact = known_organization(controller)
    window.show_page(window.desktop_page)
    activate(qtbot, window)
    keys = Keyboard(qtbot, window)

    with qtbot.waitSignal(tickets.form_opened, timeout=5000) as opened:
        keys.key(Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)  # «Создать обращение»
    form: TicketForm = opened.args[0]
    qtbot.waitUntil(lambda: form.catalog is not None, timeout=10_000)
    activate(qtbot, form)
    assert QApplication.focusWidget() is form.organization_edit

    with qtbot.waitSignal(form.organizations_found, timeout=10_000):
        keys.type(start)  # the start of its name …
    qtbot.waitUntil(form.organization_chooser.completer.popup().isVisible, timeout=5000)
    keys.key(Qt.Key.Key_Down)
    keys.key(Qt.Key.Key_Return)  # … and it is taken; on to «Заявитель»
    qtbot.waitUntil(lambda: form.organization is not None and form.organization.id == choice.id, timeout=5000)
    qtbot.waitUntil(lambda: len(form.applicant._contacts) > 0, timeout=5000)
    assert QApplication.focusWidget() is form.applicant_edit

    keys.key(Qt.Key.Key_Down)  # the organization's contacts, nothing typed
    qtbot.waitUntil(form.applicant.completer.popup().isVisible, timeout=5000)
    keys.key(Qt.Key.Key_Down)
    keys.key(Qt.Key.Key_Return)  # the first: e-mail and phone come with it; on to the complex
    assert form.applicant.contact_id == contact["id"]
    assert QApplication.focusWidget() is form.complex_combo

    covered = sorted(choice.covered, key=lambda c: form.complex_combo.findData(c))[0]
    keys.type(combo_letter(form, "complex_combo", covered))
    keys.key(Qt.Key.Key_Tab)
    if QApplication.focusWidget() is form.component_combo:  # optional: passed
        keys.key(Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is form.type_combo
    for combo, code in (("type_combo", "bug"), ("channel_combo", "phone"), ("priority_combo", "high")):
        keys.type(combo_letter(form, combo, code))
        keys.key(Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is form.subject_edit
    keys.type("Не формируется отчёт 0503317", counted=False)
    keys.key(Qt.Key.Key_Tab)
    keys.type("При формировании отчёта программа показывает ошибку.", counted=False)
    with qtbot.waitSignal(tickets.registered, timeout=20_000) as registered:
        keys.key(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # «Сохранить»

    assert keys.count <= BUDGET, keys.pressed
    ticket_id, number = registered.args
    ticket = controller.replica.get(Kind.TICKET, ticket_id)  # as the server registered it (pulled back)
    assert ticket is not None and ticket["registration_number"] == number and number.startswith("ОБР-")
    assert (ticket["organization_id"], ticket["contact_id"]) == (choice.id, contact["id"])
    assert ticket["complex_id"] == covered
    assert (ticket["ticket_type"], ticket["channel"], ticket["priority"]) == ("bug", "phone", "high")
    assert ticket["email"] == contact["email"] and ticket["phone"] == contact["phone"]
    assert ticket["subject"] == "Не формируется отчёт 0503317"
    assert ticket["text"] == "При формировании отчёта программа показывает ошибку."
    print(f"{keys.count} keystrokes besides the subject and the text: {' '.join(keys.pressed)}")
