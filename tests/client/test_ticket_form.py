"""The ticket form «Обращение» as an operator uses it, with the real client against a real server:
required fields are yellow until filled (T1), the contract colours the complexes and limits the type
(T7, T8), e-mail and phone are checked (T4), saving registers the ticket and the toast shows its
number (T13), and what is typed survives as a draft (T15)."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QComboBox
from pytestqt.qtbot import QtBot

from ksdesk_desktop.controller import Controller
from ksdesk_desktop.core.attachments import ticket_files
from ksdesk_desktop.core.config import UserSettings
from ksdesk_desktop.core.options import Options
from ksdesk_desktop.core.paths import Paths
from ksdesk_desktop.core.tickets import OrganizationChoice
from ksdesk_desktop.store.db import LocalStore
from ksdesk_desktop.store.drafts import Drafts
from ksdesk_desktop.ui.required import REQUIRED_COLOR, has_problem, is_missing
from ksdesk_desktop.ui.ticket_complexes import COVERED_COLOR
from ksdesk_desktop.ui.ticket_form import TicketForm
from sync import tickets as rules
from sync.records import Kind
from sync.reference import MAX_ATTACHMENT_BYTES
from tests.client.helpers import type_text
from tests.client.test_sync_ui import start_client
from tests.fixtures.client import MemoryKeyring
from tests.fixtures.proxy import DroppingProxy
from tests.fixtures.servers import ServerProcess

pytestmark = pytest.mark.timeout(120)


def open_form(qtbot: QtBot, controller: Controller) -> TicketForm:
    """«Создать обращение» on the desktop, as the seed's third way."""
    window = controller.window
    window.show_page(window.desktop_page)
    with qtbot.waitSignal(controller.tickets.form_opened, timeout=5000) as opened:
        qtbot.mouseClick(window.desktop_page.create_button, Qt.MouseButton.LeftButton)
    form = opened.args[0]
    qtbot.waitUntil(lambda: form.catalog is not None, timeout=10_000)
    return form


def organizations(controller: Controller) -> list[OrganizationChoice]:
    directory = controller.directory
    records = directory.records(Kind.ORGANIZATION, directory.organization_ids())
    from ksdesk_desktop.core.tickets import organization_choice

    return [organization_choice(directory, r, rules.contract_day()) for r in records.values()]


def choose_organization(qtbot: QtBot, form: TicketForm, choice: OrganizationChoice) -> None:
    """Type the INN into «Организация» and take the type-ahead's first answer with the keyboard."""
    with qtbot.waitSignal(form.organizations_found, timeout=10_000,
                          check_params_cb=lambda found: any(f.id == choice.id for f in found)):
        type_text(form.organization_edit, choice.inn)
    popup = form.organization_chooser.completer.popup()
    qtbot.waitUntil(popup.isVisible, timeout=5000)
    row = next(r for r in range(form.organization_chooser.model.rowCount())
               if form.organization_chooser.model.item(r).data(Qt.ItemDataRole.UserRole).id == choice.id)
    popup.setCurrentIndex(form.organization_chooser.completer.completionModel().index(row, 0))
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: form.organization is not None and form.organization.id == choice.id, timeout=5000)


def combo_codes(combo: QComboBox) -> list[Any]:
    return [combo.itemData(i) for i in range(combo.count())]


def problem_at(form: TicketForm, field: str) -> str:
    """The message shown under a field ("" when none), which is framed exactly when there is one."""
    note = form.problems.notes[field]
    shown = note.text() if note.isVisibleTo(form) else ""
    assert has_problem(form.field_widgets[field]) == bool(shown)
    return shown


def yellow(widget: Any) -> bool:
    return is_missing(widget) and REQUIRED_COLOR in widget.styleSheet()


def test_t1_required_fields_are_yellow_until_filled_and_save_names_the_missing(
    qtbot: QtBot, controller: Controller
) -> None:
    form = open_form(qtbot, controller)
    required = {name: form.field_widgets[name] for name in rules.REQUIRED}
    assert all(yellow(w) for w in required.values())
    form.grab().save(str(Path("/tmp/t/form_empty.png")))
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.message_label.text() == ("Заполните обязательные поля: Организация, Заявитель, E-mail, Телефон, "
                                         "Программный комплекс, Вид обращения, Тип связи, Приоритет, "
                                         "Тема обращения, Текст обращения.")
    type_text(form.subject_edit, "Не формируется отчёт")
    type_text(form.text_edit, "При формировании отчёта 0503317 программа завершается с ошибкой.")
    form.channel_combo.setCurrentIndex(0)
    assert not any(yellow(w) for w in (form.subject_edit, form.text_edit, form.channel_combo))
    assert yellow(form.priority_combo) and yellow(form.organization_edit)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.message_label.text() == ("Заполните обязательные поля: Организация, Заявитель, E-mail, Телефон, "
                                         "Программный комплекс, Вид обращения, Приоритет.")


def pick(controller: Controller, *, own: bool | None = None, covered: bool = True,
         expired: bool = False) -> OrganizationChoice:
    """A demo organization whose contracts are as asked: ``own`` — its own contract (True) or its
    customer's (False); ``expired`` — a customer with contracts, none valid today."""
    directory = controller.directory
    for choice in organizations(controller):
        record = directory.get(Kind.ORGANIZATION, choice.id or "")
        customer = directory.customer_of(record) if record else None
        if customer is None or customer.organization is None:
            continue
        if expired:
            if customer.contracts and not choice.covered:
                return choice
            continue
        if bool(choice.covered) == covered and (own is None or (customer.organization["id"] == choice.id) == own):
            return choice
    raise LookupError("the demo data has no such organization")


def backgrounds(form: TicketForm) -> dict[str, str]:
    combo = form.complex_combo
    found = {}
    for row in range(combo.count()):
        brush = combo.model().index(row, 0).data(Qt.ItemDataRole.BackgroundRole)
        found[combo.itemData(row)] = (
            brush.color().name() if brush is not None and brush.style() != Qt.BrushStyle.NoBrush else "white")
    return found


ALL_TYPES = ["consultation", "bug", "enhancement", "configuration"]


@pytest.mark.parametrize("own", [True, False], ids=["own_contract", "customer_contract"])
def test_t7_t8_covered_complexes_are_green_and_allow_every_type(
    qtbot: QtBot, controller: Controller, own: bool
) -> None:
    form = open_form(qtbot, controller)
    choice = pick(controller, own=own)
    choose_organization(qtbot, form, choice)
    assert form.customer_value.text() == choice.customer_name != ""
    colours = backgrounds(form)
    assert {c for c, colour in colours.items() if colour == COVERED_COLOR} == set(choice.covered)
    assert all(colour == "white" for c, colour in colours.items() if c not in choice.covered), colours
    form.complex_combo.setCurrentIndex(form.complex_combo.findData(sorted(choice.covered)[0]))
    assert combo_codes(form.type_combo) == ALL_TYPES
    form.type_combo.setCurrentIndex(form.type_combo.findData("bug"))
    uncovered = next((c for c in colours if c not in choice.covered), None)
    if uncovered is not None:  # another complex: the type falls back to «Консультация», and it is said
        form.complex_combo.setCurrentIndex(form.complex_combo.findData(uncovered))
        assert combo_codes(form.type_combo) == ["consultation"]
        assert form.type_combo.currentData() == "consultation"
        assert "Вид обращения изменён на «Консультация»" in form.message_label.text()
    form.grab().save("/tmp/t/form_covered.png")


def test_t7_t8_expired_contract_leaves_every_complex_white_and_only_consultation(
    qtbot: QtBot, controller: Controller
) -> None:
    form = open_form(qtbot, controller)
    choose_organization(qtbot, form, pick(controller, expired=True))
    assert set(backgrounds(form).values()) == {"white"}
    assert form.contract_label.text() == rules.NO_CONTRACT_HINT
    form.complex_combo.setCurrentIndex(0)
    assert combo_codes(form.type_combo) == ["consultation"] and form.type_combo.currentData() == "consultation"


def fill_valid(qtbot: QtBot, form: TicketForm, choice: OrganizationChoice) -> None:
    choose_organization(qtbot, form, choice)
    type_text(form.applicant_edit, "Петрова Анна Сергеевна")
    type_text(form.email_edit, "a.petrova@example.ru")
    type_text(form.phone_edit, "(495) 123-45-67 доб. 12")
    form.complex_combo.setCurrentIndex(form.complex_combo.findData(sorted(choice.covered)[0]))
    form.type_combo.setCurrentIndex(form.type_combo.findData("bug"))
    form.channel_combo.setCurrentIndex(form.channel_combo.findData("phone"))
    form.priority_combo.setCurrentIndex(form.priority_combo.findData("high"))
    type_text(form.subject_edit, "Ошибка при формировании отчёта")
    type_text(form.text_edit, "Отчёт 0503317 не формируется: программа показывает ошибку.")


def test_t13_w1_save_online_registers_the_ticket_and_the_toast_opens_it(
    qtbot: QtBot, controller: Controller
) -> None:
    form = open_form(qtbot, controller)
    fill_valid(qtbot, form, pick(controller, own=True))
    assert form.missing_fields() == []
    tickets = controller.tickets
    with qtbot.waitSignal(tickets.registered, timeout=20_000) as registered:
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    ticket_id, number = registered.args
    assert number.startswith("ОБР-")
    assert tickets.toast.isVisible() and number in tickets.toast.label.text()
    ticket = controller.replica.get(Kind.TICKET, ticket_id)
    assert ticket is not None and ticket["status"] == "registered"
    assert ticket["assignee_id"] == str(controller.connection.user.id)  # W1: the operator's own
    assert ticket["phone"] == "+74951234567" and ticket["phone_ext"] == "12"
    controller.window.grab().save("/tmp/t/toast.png")
    with qtbot.waitSignal(tickets.card_opened, timeout=5000) as opened:
        tickets.toast.label.linkActivated.emit(f"ticket:{ticket_id}")
    card = opened.args[0]
    assert card.windowTitle() == f"Обращение {number}"
    qtbot.mouseClick(tickets.toast.close_button, Qt.MouseButton.LeftButton)
    assert not tickets.toast.isVisible()


WRONG_PHONE = ("Неверный телефон: нужны код города или оператора и номер, всего 10 цифр после +7. "
               "Пример: +7 495 123-45-67 доб. 123.")
WRONG_EMAIL = "Неверный адрес электронной почты: нужен вид имя@домен.зона."  # issue 16: no Latin in the checks


@pytest.mark.parametrize(("typed", "shown", "message"), [
    ("+7 (495) 123-45-67", "+7 495 123-45-67", ""),
    ("8 495 123 45 67 доб. 123", "+7 495 123-45-67 доб. 123", ""),
    ("+7 912 345-67-89 вн. 5", "+7 912 345-67-89 доб. 5", ""),
    ("+7 495 123-45", "+7 495 123-45", WRONG_PHONE),
    ("+1 202 555 0143", "+1 202 555 0143", "Телефон должен начинаться с +7 (или 8)."),
    ("телефон", "телефон", "Неверный телефон. Пример: +7 495 123-45-67 доб. 123."),
])
def test_t4_phone_is_checked_when_leaving_the_field(
    qtbot: QtBot, controller: Controller, typed: str, shown: str, message: str
) -> None:
    form = open_form(qtbot, controller)
    form.phone_edit.setFocus()
    form.phone_edit.clear()  # the field offers «+7 » when entered empty; this test types whole numbers
    type_text(form.phone_edit, typed)
    qtbot.keyClick(form.phone_edit, Qt.Key.Key_Tab)
    assert form.phone_edit.text() == shown  # a valid number is shown as operators write it; a wrong one stays
    assert problem_at(form, "phone") == message  # issue 22: at the field, framed


@pytest.mark.parametrize(("typed", "message"), [
    ("ivanov@example.ru", ""),
    ("Иванов@почта.рф", ""),
    ("ivanov@example", WRONG_EMAIL),
    ("ivanov.example.ru", WRONG_EMAIL),
    ("ivanov@@example.ru", WRONG_EMAIL),
])
def test_t4_email_is_checked_when_leaving_the_field(
    qtbot: QtBot, controller: Controller, typed: str, message: str
) -> None:
    form = open_form(qtbot, controller)
    type_text(form.email_edit, typed)
    qtbot.keyClick(form.email_edit, Qt.Key.Key_Tab)
    assert form.email_edit.text() == typed
    assert problem_at(form, "email") == message


def test_t15_draft_reopens_after_restart_with_everything_typed(
    qtbot: QtBot, controller: Controller, demo_server: ServerProcess, paths: Paths
) -> None:
    form = open_form(qtbot, controller)
    choice = pick(controller, own=True)
    choose_organization(qtbot, form, choice)
    type_text(form.applicant_edit, "Сидоров Пётр")
    with qtbot.waitSignal(form.draft_saved, timeout=10_000,  # with the subject (an earlier one may come first)
                          check_params_cb=lambda data: data.get("subject") == "Черновик до сбоя"):
        type_text(form.subject_edit, "Черновик до сбоя")
    draft_id = form.draft_id
    controller.window.close()  # the program ends (the next test kills it outright)

    again = Controller(Options(server=demo_server.url), paths, LocalStore(paths.local_db),
                       UserSettings(paths.settings_file))
    qtbot.addWidget(again.window)
    again.start()  # the session was remembered: no login needed to see the draft
    qtbot.waitUntil(lambda: bool(again.tickets.forms), timeout=10_000)
    reopened = again.tickets.forms[0]
    qtbot.waitUntil(lambda: reopened.catalog is not None and reopened.subject_edit.text() != "", timeout=10_000)
    assert reopened.draft_id == draft_id
    assert reopened.organization is not None and reopened.organization.id == choice.id
    assert (reopened.applicant_edit.text(), reopened.subject_edit.text()) == ("Сидоров Пётр", "Черновик до сбоя")
    assert not is_missing(reopened.organization_edit)
    for form in list(again.tickets.forms):
        form.close()


def test_t15_draft_survives_sigkill_at_a_random_moment(qtbot: QtBot, paths: Paths, tmp_path: Path) -> None:
    text = "Программа завершается при формировании отчёта 0503317, если выбран период больше года. " * 3
    rng = random.Random()
    stop_after = rng.randrange(40, 200)  # keystrokes
    worker = subprocess.Popen(
        [sys.executable, "-m", "tests.client.draft_worker", "--data-dir", str(paths.data.parent), "--text", text],
        stdout=subprocess.PIPE, text=True, cwd=Path(__file__).parents[2],
    )
    saved = 0
    assert worker.stdout is not None
    try:
        for line in worker.stdout:
            what, count = line.split()
            if what == "saved":
                saved = int(count)
            elif int(count) >= stop_after and saved:
                break
    finally:
        os.kill(worker.pid, signal.SIGKILL)
        worker.wait(timeout=30)
        worker.stdout.close()
    assert worker.returncode == -signal.SIGKILL
    drafts = Drafts(LocalStore(paths.local_db)).open_drafts()
    assert len(drafts) == 1
    kept = drafts[0].data["text"]
    assert text.startswith(kept) and len(kept) >= saved > 0  # nothing reported written is lost


def drop_files(form: TicketForm, paths: list[Path]) -> None:
    """Drag files from a file manager onto «Файлы» and let go, as Qt delivers it."""
    viewport = form.files_list.viewport()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    pos = QPointF(viewport.rect().center())
    actions = Qt.DropAction.CopyAction
    enter = QDragEnterEvent(pos.toPoint(), actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(viewport, enter)
    assert enter.isAccepted()
    drop = QDropEvent(pos, actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(viewport, drop)


def test_t12_dropped_files_over_50_mb_are_refused_by_name_and_the_rest_upload_on_save(
    qtbot: QtBot, controller: Controller, tmp_path: Path
) -> None:
    note = tmp_path / "скриншот ошибки.png"
    note.write_bytes(b"\x89PNG" + bytes(range(256)) * 40)
    exact = tmp_path / "выгрузка.zip"
    with exact.open("wb") as out:  # exactly 50 MB: accepted
        out.truncate(MAX_ATTACHMENT_BYTES)
    over = tmp_path / "дамп базы.bak"
    with over.open("wb") as out:
        out.truncate(MAX_ATTACHMENT_BYTES + 1)
    form = open_form(qtbot, controller)
    with qtbot.waitSignal(form.files_changed, timeout=30_000):
        drop_files(form, [note, exact, over])
    assert form.message_label.text() == "Файл «дамп базы.bak» (50,1 МБ) больше 50 МБ и не прикреплён."
    assert [form.files_list.item(i).text() for i in range(form.files_list.count())] == [
        "скриншот ошибки.png (10,0 КБ)", "выгрузка.zip (50,0 МБ)"]
    fill_valid(qtbot, form, pick(controller, own=True))
    tickets = controller.tickets
    with qtbot.waitSignal(tickets.registered, timeout=30_000) as registered:
        qtbot.keyClick(form.subject_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    ticket_id = registered.args[0]
    store = controller.store

    def uploaded() -> bool:
        files = ticket_files(store, ticket_id)
        return len(files) == 2 and all(f.on_server for f in files)

    qtbot.waitUntil(uploaded, timeout=60_000)
    assert sorted(f.file_name for f in ticket_files(store, ticket_id)) == ["выгрузка.zip", "скриншот ошибки.png"]


def test_t13_offline_save_shows_the_provisional_number_then_the_registered_one(
    qtbot: QtBot, demo_server: ServerProcess, paths: Paths, memory_keyring: MemoryKeyring
) -> None:
    proxy = DroppingProxy(int(demo_server.url.rsplit(":", 1)[1]))
    try:
        controller = start_client(qtbot, SimpleNamespace(url=proxy.url), paths)  # type: ignore[arg-type]
        qtbot.waitUntil(lambda: controller.sync.last_sync is not None, timeout=60_000)
        form = open_form(qtbot, controller)
        fill_valid(qtbot, form, pick(controller, own=True))
        proxy.faults.drop_request = 1.0  # the network goes: every request is cut
        proxy.cut_open_connections()
        controller.check_health()
        qtbot.waitUntil(lambda: not controller.connection.online, timeout=10_000)
        toast = controller.tickets.toast
        with qtbot.waitSignal(form.saved, timeout=10_000) as saved:
            qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
        provisional = saved.args[0].provisional_number
        assert provisional.startswith("ПРЕДВ-") and provisional in toast.label.text()
        assert "предварительным номером" in toast.label.text()
        assert controller.replica.get(Kind.TICKET, saved.args[0].id).get("registration_number") is None
        proxy.faults.drop_request = 0.0  # back online: the next sync registers it
        with qtbot.waitSignal(controller.tickets.registered, timeout=60_000) as registered:
            controller.check_health()
            controller.sync.request_sync()
        number = registered.args[1]
        assert number.startswith("ОБР-") and number in toast.label.text() and provisional not in toast.label.text()
    finally:
        proxy.close()
