"""Issue 5 in the client: a supervisor administers complexes, contracts and lists from the Navigator's
«Справочники»; an operator sees the same pages read-only. The real client against a real server with
the demo directory (users op1/spec1/boss)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from ksdesk_desktop.controller import Controller
from ksdesk_desktop.core.config import UserSettings
from ksdesk_desktop.core.options import Options
from ksdesk_desktop.core.paths import Paths
from ksdesk_desktop.store.db import LocalStore
from ksdesk_desktop.store.schema import outbox
from ksdesk_desktop.ui import reference_pages
from ksdesk_desktop.ui.contact_dialog import ContactDialog
from ksdesk_desktop.ui.organization_dialog import OrganizationDialog
from ksdesk_desktop.ui.reference_dialogs import ComplexDialog, ComponentDialog, ContractDialog, ListItemDialog
from ksdesk_desktop.ui.reference_pages import ComplexesPage, ContractsPage, ListsPage, ReferencePage
from sync.ids import new_id
from sync.records import Kind
from tests.client.helpers import activate, double_click, fill_login, type_text
from tests.fixtures.client import MemoryKeyring
from tests.fixtures.servers import TEST_PASSWORD, ServerProcess
from tests.server.test_reference_admin import pulled
from tests.server.test_sync_protocol import client_for, push

pytestmark = pytest.mark.timeout(120)
ONLY_SUPERVISOR = "Изменять справочник может только супервизор."


def start_as(qtbot: QtBot, server: ServerProcess, paths: Paths, login: str) -> Controller:
    """A client logged in as ``login`` that has synced the demo directory."""
    controller = Controller(
        Options(server=server.url), paths, LocalStore(paths.local_db), UserSettings(paths.settings_file)
    )
    qtbot.addWidget(controller.window)
    controller.start()
    assert controller.login_dialog is not None
    fill_login(qtbot, controller.login_dialog, server.url, login, TEST_PASSWORD)
    qtbot.waitUntil(lambda: controller.sync.last_sync is not None, timeout=60_000)
    return controller


def open_from_navigator(qtbot: QtBot, controller: Controller, label: str) -> Any:
    """Open a page of «Справочники» as a user does: the Navigator, then a double-click on its leaf."""
    window = controller.window
    qtbot.mouseClick(window.quick_access.widgetForAction(window.page_actions[window.navigator_page]),
                     Qt.MouseButton.LeftButton)
    tree = window.navigator_page.tree
    model = tree.model()
    leaves = (model.index(r, 0, model.index(p, 0)) for p in range(model.rowCount())
              for r in range(model.rowCount(model.index(p, 0))))
    index = next(i for i in leaves if i.data() == label)
    with qtbot.waitSignal(window.pages.currentChanged, timeout=5000):
        double_click(qtbot, tree, index)
    page = window.pages.currentWidget()
    assert isinstance(page, ReferencePage)
    return page



def save(qtbot: QtBot, dialog: Any) -> str:
    activate(qtbot, dialog)
    with qtbot.waitSignal(dialog.saved, timeout=10_000) as saved:
        qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    return str(saved.args[0])


def server_record(server: ServerProcess, record: dict[str, Any]) -> dict[str, Any]:
    """The server's copy of a record the client holds, once the server has committed that version."""
    with client_for(server, "op1") as client:
        return pulled(client, 0, record["id"], record["version"])[-1]


@pytest.fixture
def boss(qtbot: QtBot, demo_server: ServerProcess, paths: Paths, memory_keyring: MemoryKeyring) -> Iterator[Controller]:
    controller = start_as(qtbot, demo_server, paths, "boss")
    yield controller
    controller.window.close()


@pytest.fixture
def operator(qtbot: QtBot, demo_server: ServerProcess, paths: Paths,
             memory_keyring: MemoryKeyring) -> Iterator[Controller]:
    controller = start_as(qtbot, demo_server, paths, "op1")
    yield controller
    controller.window.close()


def test_t5_admin_supervisor_edits_contract_complexes(
    qtbot: QtBot, boss: Controller, demo_server: ServerProcess,
) -> None:
    page = open_from_navigator(qtbot, boss, "Контракты")
    assert isinstance(page, ContractsPage) and page.add_button.isEnabled()
    qtbot.waitUntil(lambda: page.contracts.rowCount() > 0, timeout=10_000)
    ModelTester(None).check(page.contracts)  # type: ignore[arg-type]
    directory = boss.directory
    complexes = directory.records(Kind.SOFTWARE_COMPLEX, directory.complex_ids())
    contracts = directory.contracts(directory.contract_ids())
    contract = next(c for c in contracts.values() if len(c["complex_ids"]) < len(complexes))
    added = next(complexes[i] for i in directory.complex_ids() if i not in contract["complex_ids"])

    type_text(page.search_edit, contract["customer_name"])
    qtbot.waitUntil(lambda: 0 < page.contracts.rowCount() < len(contracts) and page.contracts.row_of(contract["id"])
                    >= 0 and all(contract["customer_name"] in page.contracts.record(r)["customer_name"]
                                 for r in range(page.contracts.rowCount())), timeout=5000)
    row = page.contracts.row_of(contract["id"])
    double_click(qtbot, page.contracts_view, page.contracts.index(row, 1))
    dialog = page.dialog
    assert isinstance(dialog, ContractDialog) and dialog.isVisible() and not dialog.read_only
    assert dialog.edits["number"].text() == contract["number"]
    assert dialog.customer_combo.currentText() == contract["customer_name"]
    items = [dialog.complexes_list.item(r) for r in range(dialog.complexes_list.count())]
    item = next(i for i in items if i.data(Qt.ItemDataRole.UserRole) == added["id"])
    assert item.checkState() == Qt.CheckState.Unchecked
    dialog.complexes_list.setCurrentItem(item)
    qtbot.keyClick(dialog.complexes_list, Qt.Key.Key_Space)  # ticks it, as a user does
    assert item.checkState() == Qt.CheckState.Checked
    save(qtbot, dialog)

    wanted = sorted([*contract["complex_ids"], added["id"]])
    qtbot.waitUntil(lambda: (directory.get(Kind.CONTRACT, contract["id"]) or {}).get("version") == contract["version"]
                    + 1, timeout=15_000)  # the server applied it: a new version
    on_server = server_record(demo_server, directory.get(Kind.CONTRACT, contract["id"]))
    assert on_server["data"]["complex_ids"] == wanted
    qtbot.waitUntil(lambda: added["name"] in page.contracts.data(page.contracts.index(
        page.contracts.row_of(contract["id"]), 5)), timeout=5000)
    with client_for(demo_server, "boss") as admin:  # the demo server is shared: put the contract back
        push(admin, {"id": str(new_id()), "kind": "contract", "record_id": contract["id"], "op": "upsert",
                     "base_version": on_server["version"], "data": {"complex_ids": contract["complex_ids"]}})


def test_t5_admin_a_bad_period_is_refused_in_the_card(qtbot: QtBot, boss: Controller) -> None:
    page = open_from_navigator(qtbot, boss, "Контракты")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, ContractDialog) and dialog.record is None
    type_text(dialog.edits["number"], "КС-2026/9001")
    dialog.fields["valid_from"].setDate(dialog.fields["valid_to"].date().addDays(1))
    activate(qtbot, dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: dialog.message.text() == "Укажите хотя бы один программный комплекс контракта.",
                    timeout=5000)
    dialog.complexes_list.item(0).setCheckState(Qt.CheckState.Checked)
    qtbot.waitUntil(dialog.save_button.isEnabled, timeout=5000)
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: dialog.message.text() == "Дата окончания контракта раньше даты начала.", timeout=5000)
    assert dialog.isVisible() and dialog.fields["valid_to"].hasFocus()
    with boss.store.engine.connect() as conn:
        assert not conn.execute(outbox.select()).all()  # nothing was queued


def test_t5_admin_a_refusal_of_the_server_shows_in_the_problem_list(
    qtbot: QtBot, boss: Controller, demo_server: ServerProcess,
) -> None:
    with client_for(demo_server, "boss") as admin:
        made = push(admin, {"id": str(new_id()), "kind": "software_complex", "record_id": str(new_id()),
                            "data": {"code": f"T5-{new_id().hex[-6:]}", "name": "Временный комплекс"}})[0]
    qtbot.waitUntil(lambda: boss.directory.get(Kind.SOFTWARE_COMPLEX, made["record"]["id"]) is not None,
                    timeout=15_000)
    page = open_from_navigator(qtbot, boss, "Контракты")
    qtbot.waitUntil(lambda: page.contracts.rowCount() > 0, timeout=10_000)
    page.contracts_view.selectRow(0)
    contract = page.selected_contract()
    boss.sync.cancel()  # hold the outbox while the complex goes away on the server
    with client_for(demo_server, "boss") as admin:
        gone = push(admin, {"id": str(new_id()), "kind": "software_complex", "record_id": made["record"]["id"],
                            "op": "delete", "base_version": made["record"]["version"], "data": {}})[0]
    assert gone["status"] == "applied"
    dialog = page.open_contract(contract)
    assert isinstance(dialog, ContractDialog)
    items = [dialog.complexes_list.item(r) for r in range(dialog.complexes_list.count())]
    next(i for i in items if i.data(Qt.ItemDataRole.UserRole) == made["record"]["id"]).setCheckState(
        Qt.CheckState.Checked)
    save(qtbot, dialog)
    bar = boss.window.problem_bar
    boss.sync.resume()
    qtbot.waitUntil(bar.isVisible, timeout=15_000)
    text = bar.findChild(QLabel, "problem_text").text()
    assert "Сервер не принял изменение" in text and "Программный комплекс не найден" in text
    qtbot.mouseClick(bar.findChild(QPushButton, "problem_load"), Qt.MouseButton.LeftButton)  # «Отменить изменение»
    qtbot.waitUntil(lambda: not bar.isVisible(), timeout=10_000)
    assert boss.directory.get(Kind.CONTRACT, contract["id"])["complex_ids"] == contract["complex_ids"]


def test_t5_admin_supervisor_adds_and_deletes_a_component_and_relabels_a_list_item(
    qtbot: QtBot, boss: Controller, demo_server: ServerProcess, monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = open_from_navigator(qtbot, boss, "Программные комплексы")
    assert isinstance(page, ComplexesPage)
    qtbot.waitUntil(lambda: page.complexes.rowCount() > 0 and page.components.rowCount() > 0, timeout=10_000)
    ModelTester(None).check(page.complexes)  # type: ignore[arg-type]
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.complexes_view.selectRow(1)
    chosen = page.selected_complex()
    assert chosen is not None
    double_click(qtbot, page.complexes_view, page.complexes.index(1, 1))
    assert isinstance(page.dialog, ComplexDialog) and page.dialog.edits["code"].text() == chosen["code"]
    page.dialog.reject()
    qtbot.mouseClick(page.add_component_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, ComponentDialog) and dialog.findChild(QLabel, "complex_label").text() == chosen["name"]
    type_text(dialog.edits["name"], "Мобильное приложение")
    record_id = save(qtbot, dialog)
    qtbot.waitUntil(lambda: page.components.row_of(record_id) >= 0, timeout=5000)
    qtbot.waitUntil(lambda: (boss.directory.get(Kind.COMPONENT, record_id) or {}).get("version", 0) > 0,
                    timeout=15_000)
    component = server_record(demo_server, boss.directory.get(Kind.COMPONENT, record_id))
    assert component["data"]["complex_id"] == chosen["id"]
    asked: list[str] = []
    monkeypatch.setattr(reference_pages, "confirm", lambda _parent, question: asked.append(question) or True)
    page.components_view.selectRow(page.components.row_of(record_id))
    qtbot.mouseClick(page.delete_component_button, Qt.MouseButton.LeftButton)
    assert asked == ["Удалить компонент «Мобильное приложение»?"]
    qtbot.waitUntil(lambda: page.components.row_of(record_id) < 0, timeout=5000)
    qtbot.waitUntil(lambda: not queued(boss, record_id), timeout=15_000)  # the deletion was pushed
    with client_for(demo_server, "op1") as client:  # a tombstone on the server
        assert pulled(client, component["seq"], record_id, component["version"] + 1)[-1]["deleted"]

    lists = open_from_navigator(qtbot, boss, "Списки")
    assert isinstance(lists, ListsPage)
    with qtbot.waitSignal(lists.loaded, timeout=5000):
        lists.kind_combo.setCurrentIndex(lists.kind_combo.findData("priority"))
    assert lists.items.rowCount() == 4
    double_click(qtbot, lists.items_view, lists.items.index(0, 2))
    dialog = lists.dialog
    assert isinstance(dialog, ListItemDialog) and dialog.findChild(QLabel, "code_label").text() == "low"
    dialog.edits["label_ru"].clear()
    type_text(dialog.edits["label_ru"], "Низкий (плановый)")
    item_id = save(qtbot, dialog)
    qtbot.waitUntil(lambda: not (boss.directory.get(Kind.LIST_ITEM, item_id) or {}).get("local", True),
                    timeout=15_000)
    on_server = server_record(demo_server, boss.directory.get(Kind.LIST_ITEM, item_id))
    assert (on_server["data"]["code"], on_server["data"]["label_ru"]) == ("low", "Низкий (плановый)")
    with client_for(demo_server, "boss") as admin:  # the demo server is shared: put the label back
        push(admin, {"id": str(new_id()), "kind": "list_item", "record_id": item_id, "op": "upsert",
                     "base_version": on_server["version"], "data": {"label_ru": "Низкий"}})


def queued(controller: Controller, record_id: str) -> bool:
    """Whether the client's outbox still holds a change of the record."""
    with controller.store.engine.connect() as conn:
        return conn.execute(outbox.select().where(outbox.c.record_id == record_id)).first() is not None


def test_t5_admin_an_operator_sees_the_reference_pages_read_only(qtbot: QtBot, operator: Controller) -> None:
    page = open_from_navigator(qtbot, operator, "Контракты")
    assert isinstance(page, ContractsPage)
    qtbot.waitUntil(lambda: page.contracts.rowCount() > 0, timeout=10_000)
    for button in (page.add_button, page.delete_button):
        assert not button.isEnabled() and button.toolTip() == ONLY_SUPERVISOR
    assert page.open_button.isEnabled()
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert page.dialog is None  # a disabled button does nothing
    double_click(qtbot, page.contracts_view, page.contracts.index(0, 1))
    dialog = page.dialog
    assert isinstance(dialog, ContractDialog) and dialog.read_only and dialog.isVisible()
    assert dialog.edits["number"].isReadOnly() and not dialog.customer_combo.isEnabled()
    assert not dialog.save_button.isVisible() and dialog.message.text() == ONLY_SUPERVISOR
    assert not any(dialog.complexes_list.item(r).flags() & Qt.ItemFlag.ItemIsUserCheckable
                   for r in range(dialog.complexes_list.count()))
    activate(qtbot, dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    with operator.store.engine.connect() as conn:
        assert not conn.execute(outbox.select()).all()  # Ctrl+S saved nothing
    dialog.reject()

    complexes = open_from_navigator(qtbot, operator, "Программные комплексы")
    lists = open_from_navigator(qtbot, operator, "Списки")
    assert isinstance(complexes, ComplexesPage) and isinstance(lists, ListsPage)
    for button in (*complexes.edit_buttons, lists.edit_button):
        assert not button.isEnabled() and button.toolTip() == ONLY_SUPERVISOR
    qtbot.waitUntil(lambda: lists.items.rowCount() > 0, timeout=10_000)
    double_click(qtbot, lists.items_view, lists.items.index(0, 2))
    assert isinstance(lists.dialog, ListItemDialog) and lists.dialog.read_only
    assert lists.dialog.edits["label_ru"].isReadOnly() and not lists.dialog.fields["is_active"].isEnabled()


def test_hostile_a_card_follows_the_field_rule_not_only_its_page(qtbot: QtBot, operator: Controller) -> None:
    """Issue 16, class 6: a card decides which fields it lets the user edit from the shared rule
    (``sync.roles``), whoever opened it: a contract card opened for an operator as if editable still
    locks every field (an operator may set no field of a contract, its customer above all), while
    the organization and contact cards leave an operator the fields the rule gives the first line."""
    directory = operator.directory
    contract = next(iter(directory.contracts(directory.contract_ids()).values()))
    dialog = ContractDialog(operator.services, contract, read_only=False)
    qtbot.addWidget(dialog)
    assert not dialog.customer_combo.isEnabled() and dialog.edits["number"].isReadOnly()
    assert not any(dialog.complexes_list.item(r).flags() & Qt.ItemFlag.ItemIsUserCheckable
                   for r in range(dialog.complexes_list.count()))
    assert operator.services.connection.user is not None
    organization = directory.get(Kind.ORGANIZATION, directory.organization_ids()[0])
    assert organization is not None
    card = OrganizationDialog(operator.services, organization)
    qtbot.addWidget(card)
    assert card.lock_fields() == [] and not any(edit.isReadOnly() for edit in card.edits.values())
    person = ContactDialog(operator.services, organization)
    qtbot.addWidget(person)
    assert person.lock_fields() == []
