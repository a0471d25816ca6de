"""The Clients directory as an operator uses it, with the real client against a real server whose
registry lookups go to the embedded demo registry: the Navigator opens it, the search filters as you
type, INN + Enter fills the card from EGRUL (T2), an organization or contact that exists is offered
instead of a second one (T5), the customer is shown (T6), and offline the name is typed by hand."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from ksdesk_desktop.core.lookup import Lookup, Outcome
from ksdesk_desktop.core.paths import Paths
from ksdesk_desktop.store.schema import outbox
from ksdesk_desktop.ui.clients_page import ClientsPage
from ksdesk_desktop.ui.contact_dialog import ContactDialog
from ksdesk_desktop.ui.organization_dialog import OrganizationDialog
from ksdesk_desktop.ui.required import REQUIRED_COLOR, is_missing
from sync.records import Kind
from sync.registry import RegistryStatus
from sync.server.registry.demo import registry_only_inns
from tests.client.helpers import activate, double_click, type_text
from tests.client.test_sync_ui import start_client
from tests.fixtures.client import MemoryKeyring
from tests.fixtures.servers import ServerProcess

pytestmark = pytest.mark.timeout(120)


@pytest.fixture
def clients(qtbot: QtBot, demo_server: ServerProcess, paths: Paths, memory_keyring: MemoryKeyring) -> ClientsPage:
    """A logged-in client that has synced the demo directory, on the Clients page opened from the
    Navigator by double-click."""
    controller = start_client(qtbot, demo_server, paths)
    qtbot.waitUntil(lambda: controller.sync.last_sync is not None, timeout=60_000)
    window = controller.window
    qtbot.mouseClick(window.quick_access.widgetForAction(window.page_actions[window.navigator_page]),
                     Qt.MouseButton.LeftButton)
    tree = window.navigator_page.tree
    index = next(tree.model().index(r, 0, tree.model().index(p, 0)) for p in range(tree.model().rowCount())
                 for r in range(tree.model().rowCount(tree.model().index(p, 0)))
                 if tree.model().index(r, 0, tree.model().index(p, 0)).data() == "Клиенты")
    double_click(qtbot, tree, index)
    page = window.page("clients")
    assert isinstance(page, ClientsPage) and window.pages.currentWidget() is page
    qtbot.waitUntil(lambda: page.organizations.rowCount() >= 300, timeout=10_000)  # the server is shared
    page._test_controller = controller  # type: ignore[attr-defined]
    return page


def shown_names(page: ClientsPage) -> list[str]:
    model = page.organizations
    return [model.data(model.index(row, 0)) for row in range(model.rowCount())]



def new_organization(qtbot: QtBot, page: ClientsPage) -> OrganizationDialog:
    activate(qtbot, page)
    page.organizations_view.setFocus()
    qtbot.keyClick(page.organizations_view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = page.dialog
    assert isinstance(dialog, OrganizationDialog) and dialog.isVisible()
    activate(qtbot, dialog)
    return dialog


def lookup(qtbot: QtBot, dialog: OrganizationDialog, inn: str) -> Lookup:
    with qtbot.waitSignal(dialog.lookup_finished, timeout=15_000) as blocker:
        type_text(dialog.edits["inn"], inn)
        qtbot.keyClick(dialog.edits["inn"], Qt.Key.Key_Return)
    result = blocker.args[0]
    assert isinstance(result, Lookup)
    return result


def test_t2_search_filters_the_directory_as_you_type(qtbot: QtBot, clients: ClientsPage) -> None:
    ModelTester(None).check(clients.organizations)  # type: ignore[arg-type]
    with qtbot.waitSignal(clients.searched, timeout=5000, check_params_cb=lambda n: n < 30):
        type_text(clients.search_edit, "СБЕРБ")
    assert "ПАО СБЕРБАНК" in shown_names(clients)
    clients.search_edit.clear()
    with qtbot.waitSignal(clients.searched, timeout=5000, check_params_cb=lambda n: n == 1):
        type_text(clients.search_edit, "7736207543")
    assert shown_names(clients) == ['ООО "ЯНДЕКС"']
    qtbot.waitUntil(lambda: "7736207543" in clients.details.text(), timeout=5000)
    assert "Найдено: 1" in clients.count_label.text()
    clients.grab().save(str(Path(clients._test_controller.paths.data) / "clients.png"))  # type: ignore[attr-defined]


def test_t2_inn_and_enter_fills_kpp_and_name_from_the_registry(qtbot: QtBot, clients: ClientsPage) -> None:
    inn = registry_only_inns(1)[0]
    dialog = new_organization(qtbot, clients)
    assert is_missing(dialog.edits["inn"]) and REQUIRED_COLOR in dialog.edits["inn"].styleSheet()
    result = lookup(qtbot, dialog, inn)

    assert result.outcome is Outcome.FOUND
    party = result.parties[0]
    assert dialog.edits["kpp"].text() == party.kpp and len(party.kpp) == 9
    assert dialog.edits["name"].text() == party.name and party.name
    assert dialog.edits["ogrn"].text() == party.ogrn and dialog.edits["address"].text() == party.address
    assert dialog.status_label.text() == "Действующая"
    assert not is_missing(dialog.edits["name"])

    controller = clients._test_controller  # type: ignore[attr-defined]
    with qtbot.waitSignal(dialog.saved, timeout=10_000) as saved:
        qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    record_id = saved.args[0]
    qtbot.waitUntil(lambda: (controller.directory.get(Kind.ORGANIZATION, record_id) or {}).get("version", 0) > 0,
                    timeout=15_000)  # synced: the server holds it
    qtbot.waitUntil(lambda: controller.directory.get(Kind.ORGANIZATION, record_id).get("registry_verified"),
                    timeout=20_000)  # and the server has checked it against the registry
    assert controller.directory.get(Kind.ORGANIZATION, record_id)["registry_status"] == RegistryStatus.ACTIVE


def test_t2_liquidated_organization_is_flagged(qtbot: QtBot, clients: ClientsPage) -> None:
    inn = registry_only_inns(1, status=RegistryStatus.LIQUIDATED)[0]
    dialog = new_organization(qtbot, clients)
    result = lookup(qtbot, dialog, inn)
    assert result.outcome is Outcome.FOUND and result.parties[0].closed
    assert dialog.status_label.text().startswith("Ликвидирована")
    assert "ликвидирована" in dialog.message.text().lower() or "Ликвидирована" in dialog.message.text()


def test_t2_a_bad_inn_is_refused_before_any_lookup(qtbot: QtBot, clients: ClientsPage) -> None:
    dialog = new_organization(qtbot, clients)
    type_text(dialog.edits["inn"], "7707083894")
    qtbot.keyClick(dialog.edits["inn"], Qt.Key.Key_Return)
    assert dialog.message.text() == "Неверный ИНН: не сходится контрольное число. Проверьте цифры."
    assert dialog.edits["inn"].hasFocus() and dialog.edits["inn"].text() == "7707083894"
    assert dialog.edits["name"].text() == ""


def test_t2_branch_inn_lets_the_operator_choose_the_kpp(qtbot: QtBot, clients: ClientsPage) -> None:
    controller = clients._test_controller  # type: ignore[attr-defined]
    dialog = new_organization(qtbot, clients)
    # Sberbank's head office is in the directory; its Siberian branch is only in the registry
    result = lookup(qtbot, dialog, "7707083893")
    assert result.outcome is Outcome.EXISTS  # with no KPP typed, the directory's one is offered first
    type_text(dialog.edits["kpp"], "540602001")
    with qtbot.waitSignal(dialog.lookup_finished, timeout=15_000) as blocker:
        qtbot.mouseClick(dialog.lookup_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0].outcome is Outcome.FOUND
    assert dialog.edits["name"].text() == "СИБИРСКИЙ БАНК ПАО СБЕРБАНК"
    assert controller.directory.find_organization("7707083893", "540602001") is None


def test_t5_an_organization_in_the_directory_is_offered_instead_of_a_new_one(
    qtbot: QtBot, clients: ClientsPage,
) -> None:
    dialog = new_organization(qtbot, clients)
    result = lookup(qtbot, dialog, "7719402047")
    assert result.outcome is Outcome.EXISTS
    assert "уже есть в справочнике" in dialog.message.text()
    assert dialog.existing_button.isVisible()
    with qtbot.waitSignal(dialog.open_existing, timeout=5000) as chosen:
        qtbot.mouseClick(dialog.existing_button, Qt.MouseButton.LeftButton)
    assert chosen.args[0] == result.existing[0]["id"]
    opened = clients.dialog
    assert isinstance(opened, OrganizationDialog) and opened is not dialog and opened.record is not None
    assert opened.windowTitle() == 'ООО "МОТОРИКА"'

    assert opened.edits["inn"].text() == "7719402047"
    # typed by hand with the same INN and KPP, Save refuses and offers it too
    opened.reject()
    dialog = new_organization(qtbot, clients)
    type_text(dialog.edits["inn"], "7719402047")
    type_text(dialog.edits["kpp"], "773101001")
    type_text(dialog.edits["name"], "Моторика")
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert dialog.message.text() == (
        'Организация с ИНН 7719402047 и КПП 773101001 уже есть в справочнике: ООО "МОТОРИКА".')
    assert dialog.isVisible() and dialog.existing_button.isVisible()


def test_t6_the_card_shows_the_customer_and_its_contracts(qtbot: QtBot, clients: ClientsPage) -> None:
    controller = clients._test_controller  # type: ignore[attr-defined]
    directory = controller.directory
    organizations = directory.records(Kind.ORGANIZATION, directory.organization_ids())
    record = next(o for o in organizations.values() if (c := directory.customer_of(o)) and c.organization
                  and c.organization["id"] != o["id"] and c.contracts)
    customer = directory.customer_of(record)
    with qtbot.waitSignal(clients.card_shown, timeout=5000, check_params_cb=lambda i: i == record["id"]):
        clients.show_organization(record["id"])
    text = clients.customer_details.text()
    assert f"Заказчик:</b> {customer.name}".replace('"', "&quot;") in text
    assert customer.contracts[0].number in text


def test_t5_a_contact_with_the_same_email_is_offered(qtbot: QtBot, clients: ClientsPage) -> None:
    controller = clients._test_controller  # type: ignore[attr-defined]
    directory = controller.directory
    org_id = directory.organization_ids("7707083893")[0]
    person = next(c for c in directory.records(Kind.CONTACT, directory.contact_ids(org_id)).values() if c["email"])
    with qtbot.waitSignal(clients.card_shown, timeout=5000, check_params_cb=lambda i: i == org_id):
        clients.show_organization(org_id)
    activate(qtbot, clients)
    qtbot.keyClick(clients.organizations_view, Qt.Key.Key_N,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = clients.dialog
    assert isinstance(dialog, ContactDialog)
    activate(qtbot, dialog)
    type_text(dialog.edits["full_name"], "Новый Человек")
    type_text(dialog.edits["email"], person["email"].upper())
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text() == f"Контакт с таким e-mail у организации уже есть: {person['full_name']}."
    assert dialog.existing_button.isVisible() and dialog.isVisible()


def test_t4_a_bad_phone_keeps_what_was_typed_and_says_why(qtbot: QtBot, clients: ClientsPage) -> None:
    controller = clients._test_controller  # type: ignore[attr-defined]
    org_id = controller.directory.organization_ids("7736207543")[0]
    with qtbot.waitSignal(clients.card_shown, timeout=5000, check_params_cb=lambda i: i == org_id):
        clients.show_organization(org_id)
    dialog = clients.open_contact(None)
    assert dialog is not None
    activate(qtbot, dialog)
    type_text(dialog.edits["full_name"], "Орлова Ольга")
    type_text(dialog.edits["phone"], "+1 202 555 0101")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text() == "Телефон должен начинаться с +7 (или 8)."
    assert dialog.edits["phone"].text() == "+1 202 555 0101" and dialog.edits["phone"].hasFocus()
    dialog.edits["phone"].clear()
    type_text(dialog.edits["phone"], "8 (495) 739-70-00 добавочный 42")
    with qtbot.waitSignal(dialog.saved, timeout=10_000) as saved:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    contact = controller.directory.get(Kind.CONTACT, saved.args[0])
    assert (contact["phone"], contact["phone_ext"]) == ("+74957397000", "42")
    qtbot.waitUntil(lambda: clients.contacts.row_of(saved.args[0]) >= 0, timeout=5000)
    row = clients.contacts.row_of(saved.args[0])
    assert clients.contacts.data(clients.contacts.index(row, 3)) == "+7 495 739-70-00 доб. 42"


def test_t2_offline_the_name_is_typed_and_the_record_waits_to_be_verified(
    qtbot: QtBot, clients: ClientsPage,
) -> None:
    controller = clients._test_controller  # type: ignore[attr-defined]
    controller.sync.stop()  # no more rounds: the record stays local
    controller.connection.set_offline("Нет связи с сервером.")
    inn = registry_only_inns(3)[2]
    dialog = new_organization(qtbot, clients)
    result = lookup(qtbot, dialog, inn)
    assert result.outcome is Outcome.MANUAL
    assert "введите наименование вручную" in dialog.message.text()
    assert dialog.status_label.text() == "Не проверена в ЕГРЮЛ" and dialog.edits["name"].hasFocus()
    type_text(dialog.edits["name"], "ООО «Набрано вручную»")
    with qtbot.waitSignal(dialog.saved, timeout=10_000) as saved:
        qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    record = controller.directory.get(Kind.ORGANIZATION, saved.args[0])
    assert record["name"] == "ООО «Набрано вручную»" and record["local"]
    with controller.store.engine.connect() as conn:
        assert conn.execute(outbox.select()).all()
    qtbot.waitUntil(lambda: clients.card_shown is not None and saved.args[0] in clients.organizations._ids,
                    timeout=5000)
    QApplication.processEvents()
