"""Issue 22, the ticket form at operator speed: problems shown at their fields (T1, T4), the applicant
listed by Down and found by word starts (T3), Esc that closes a list and not the form, drafts kept in
sight (T15), Latin-layout mnemonics and «Вставить информацию о системе» (T10, P3)."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ksdesk_desktop.controller import Controller
from ksdesk_desktop.core.tickets import OrganizationChoice
from sync.records import Kind
from tests.client.helpers import activate, type_text
from tests.client.test_ticket_form import choose_organization, open_form, organizations, pick, problem_at

pytestmark = pytest.mark.timeout(120)


def test_t1_t4_save_shows_every_problem_at_its_field_and_a_fixed_field_clears_at_once(
    qtbot: QtBot, controller: Controller
) -> None:
    form = open_form(qtbot, controller)
    type_text(form.email_edit, "ivanov@example")
    type_text(form.subject_edit, "Не формируется отчёт")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    email_problem = "Неверный адрес электронной почты: нужен вид имя@домен.зона."
    assert problem_at(form, "organization_id") == "Заполните это поле."
    assert problem_at(form, "email") == email_problem
    assert problem_at(form, "text") == "Заполните это поле."
    assert problem_at(form, "subject") == "" and problem_at(form, "component_id") == ""
    assert form.message_label.text() == (  # Save lists them all …
        "Заполните обязательные поля: Организация, Заявитель, Телефон, Программный комплекс, Вид обращения, "
        f"Тип связи, Приоритет, Текст обращения. {email_problem}")
    assert QApplication.focusWidget() is form.organization_edit  # … and goes to the first
    form.grab().save("/tmp/t/form_field_problems.png")
    type_text(form.text_edit, "О")  # a fixed field clears at once, and leaves the list
    assert problem_at(form, "text") == ""
    assert "Текст обращения" not in form.message_label.text()
    form.email_edit.clear()
    type_text(form.email_edit, "ivanov@example.ru")
    assert problem_at(form, "email") == ""
    assert email_problem not in form.message_label.text()
    form.phone_edit.setFocus()  # passing through an empty field keeps its problem
    qtbot.keyClick(form.phone_edit, Qt.Key.Key_Tab)
    assert problem_at(form, "phone") == "Заполните это поле."


def org_with_inner_letter(controller: Controller) -> tuple[OrganizationChoice, str, list[str]]:
    """An organization one of whose contacts has a letter inside a word that another's name starts
    a word with («г»: «Горбунов» and «Евгения»): the letter and the contacts' names."""
    directory = controller.directory
    for choice in organizations(controller):
        if choice.id is None:
            continue
        contacts = directory.records(Kind.CONTACT, directory.contact_ids(choice.id))
        names = [str(c["full_name"]) for c in contacts.values()]
        for letter in "гвеиклмнорст":
            starts = [n for n in names if any(w.lower().startswith(letter) for w in n.split())]
            inside = [n for n in names if n not in starts and letter in n.lower()]
            if starts and inside:
                return choice, letter, names
    raise LookupError("the demo data has no such contacts")


def test_t3_down_on_the_empty_applicant_lists_the_contacts_and_typing_matches_word_starts(
    qtbot: QtBot, controller: Controller
) -> None:
    form = open_form(qtbot, controller)
    choice, letter, names = org_with_inner_letter(controller)
    choose_organization(qtbot, form, choice)
    assert QApplication.focusWidget() is form.applicant_edit
    applicant = form.applicant
    qtbot.waitUntil(lambda: len(applicant._contacts) == len(names), timeout=5000)
    popup = applicant.completer.popup()
    qtbot.keyClick(form.applicant_edit, Qt.Key.Key_Down)  # nothing typed yet
    qtbot.waitUntil(popup.isVisible, timeout=5000)
    listed = [applicant.model.item(r).text() for r in range(applicant.model.rowCount())]
    assert sorted(listed) == sorted(names)
    qtbot.keyClick(popup, Qt.Key.Key_Escape)
    assert not popup.isVisible()
    type_text(form.applicant_edit, letter)
    listed = [applicant.model.item(r).text() for r in range(applicant.model.rowCount())]
    assert listed and all(any(w.lower().startswith(letter) for w in re.findall(r"\w+", n)) for n in listed)
    assert not [n for n in names if n not in listed and any(w.lower().startswith(letter) for w in n.split())]
    assert popup.isVisible()
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)  # taken: e-mail and phone filled, on to the next empty field
    qtbot.waitUntil(lambda: applicant.contact_id is not None, timeout=5000)
    assert form.applicant_edit.text() == listed[0] and form.email_edit.text()
    assert QApplication.focusWidget() is form.complex_combo


def test_t15_esc_with_a_list_open_closes_the_list_and_not_the_form(qtbot: QtBot, controller: Controller) -> None:
    form = open_form(qtbot, controller)
    activate(qtbot, form)
    choice = pick(controller, own=True)
    with qtbot.waitSignal(form.organizations_found, timeout=10_000):
        type_text(form.organization_edit, choice.inn)
    popup = form.organization_chooser.completer.popup()
    qtbot.waitUntil(popup.isVisible, timeout=5000)
    qtbot.keyClick(popup, Qt.Key.Key_Escape)  # as the keyboard sends it: to the open list
    assert not popup.isVisible()
    assert form.isVisible() and form in controller.tickets.forms
    combo = form.complex_combo
    combo.setFocus()
    combo.showPopup()  # a drop-down, open
    qtbot.waitUntil(combo.view().isVisible, timeout=5000)
    qtbot.keyClick(QApplication.activePopupWidget() or combo.view(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not combo.view().isVisible(), timeout=5000)
    assert form.isVisible() and form in controller.tickets.forms
    qtbot.keyClick(form.organization_edit, Qt.Key.Key_Escape)  # now, with no list open, Esc closes the form
    qtbot.waitUntil(lambda: form not in controller.tickets.forms, timeout=5000)


def test_t10_p3_latin_layout_alt_letters_reach_the_cyrillic_mnemonics(qtbot: QtBot, controller: Controller) -> None:
    form = open_form(qtbot, controller)
    activate(qtbot, form)
    start = QApplication.focusWidget()
    # «&Заявитель»: З is on the key of P; «Тип &связи»: С is on C; «Т&ема обращения»: Е is on T
    for key, field in ((Qt.Key.Key_P, form.applicant_edit), (Qt.Key.Key_D, form.type_combo),
                       (Qt.Key.Key_T, form.subject_edit)):
        qtbot.keyClick(QApplication.focusWidget() or start, key, Qt.KeyboardModifier.AltModifier)
        assert QApplication.focusWidget() is field, key
    assert form.applicant_edit.text() == "" and form.subject_edit.text() == ""  # no letter was typed


def test_t10_the_form_inserts_the_system_information_itself(qtbot: QtBot, controller: Controller) -> None:
    form = open_form(qtbot, controller)
    activate(qtbot, form)
    assert form.system_info_button.isVisible()
    qtbot.keyClick(form.organization_edit, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)  # «Вст&авить…»: А is on F
    text = form.system_info_edit.toPlainText()
    assert text == controller.system_info() and "Программа:" in text and "Сервер:" in text
