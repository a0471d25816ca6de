"""W2, W3 with the real client's widgets against a real server (with a real SMTP server): the seed's
route — an operator registers a «Сервис-Деск» ticket and escalates it to the second line, a specialist
on another computer presses «Запросить информацию» with no comment, and the ticket becomes theirs,
«На запросе информации», the applicant's e-mail reaches the SMTP server once, the history shows it all.
And offline: an action queued without the network syncs later; one the server refuses by then shows in
the problem bar with the server's reason."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel
from pytestqt.qtbot import QtBot

from ksdesk_desktop.controller import Controller
from ksdesk_desktop.core.config import UserSettings
from ksdesk_desktop.core.options import Options
from ksdesk_desktop.core.paths import Paths
from ksdesk_desktop.store.db import LocalStore
from ksdesk_desktop.ui.ticket_actions import ActionText
from ksdesk_desktop.ui.ticket_card import TicketCard
from sync.records import Kind
from sync.server.bootstrap import prepare_database
from sync.server.db import make_engine
from sync.server.demo import generate_demo
from sync.tickets import availability
from sync.workflow import Action
from tests.client.helpers import fill_login, type_text
from tests.client.test_ticket_card import history, open_card, show_tab
from tests.client.test_ticket_form import fill_valid, open_form, pick
from tests.fixtures.client import MemoryKeyring
from tests.fixtures.servers import DEMO_TEST_SIZE, TEST_PASSWORD, ServerProcess, seed_users, start_server
from tests.fixtures.smtp import SmtpServer
from tests.server.test_mail import smtp_env

pytestmark = pytest.mark.timeout(240)


@pytest.fixture
def mail_server(tmp_path: Path, smtp_server: SmtpServer) -> Iterator[ServerProcess]:
    """A server (SQLite) with a small demo directory, the users op1/spec1/boss and a real SMTP server."""
    data_dir = tmp_path / "server"
    data_dir.mkdir()
    url = f"sqlite:///{(data_dir / 'server.sqlite').as_posix()}"
    engine = make_engine(url, pool_size=1)
    prepare_database(engine)
    generate_demo(engine, DEMO_TEST_SIZE, password=TEST_PASSWORD)
    engine.dispose()
    seed_users(url)
    server = start_server(url, data_dir, env={"KSDESK_REGISTRY_URL": "demo", **smtp_env(smtp_server.port)})
    try:
        yield server
    finally:
        server.stop()


def sign_in(qtbot: QtBot, server: ServerProcess, paths: Paths, login: str) -> Controller:
    controller = Controller(Options(server=server.url), paths, LocalStore(paths.local_db),
                            UserSettings(paths.settings_file))
    qtbot.addWidget(controller.window)
    controller.start()
    assert controller.login_dialog is not None
    fill_login(qtbot, controller.login_dialog, server.url, login, TEST_PASSWORD)
    qtbot.waitUntil(lambda: controller.sync.last_sync is not None and controller.connection.user is not None,
                    timeout=60_000)
    return controller


def register_service_desk_ticket(qtbot: QtBot, controller: Controller) -> str:
    form = open_form(qtbot, controller)
    fill_valid(qtbot, form, pick(controller, own=True))
    form.channel_combo.setCurrentIndex(form.channel_combo.findData("service_desk"))
    with qtbot.waitSignal(controller.tickets.registered, timeout=30_000) as registered:
        qtbot.keyClick(form.subject_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    return str(registered.args[0])


def visible_actions(card: TicketCard) -> list[str]:
    assert card.ticket_actions is not None
    return [b.text() for b in card.ticket_actions.buttons.values() if not b.isHidden()]


def cached(controller: Controller, ticket_id: str) -> dict[str, object]:
    return controller.replica.get(Kind.TICKET, ticket_id) or {}


def listed(qtbot: QtBot, controller: Controller, ticket_id: str) -> bool:
    """Whether «Список доступных документов» (ПТЗ, N3) lists the ticket once it has been queried again."""
    window, page = controller.window, controller.ticket_pages[1]
    window.show_page(page)
    with qtbot.waitSignal(page.listed, timeout=20_000):
        page.refresh()
    qtbot.waitUntil(lambda: page.complete, timeout=20_000)
    return any((page.model.record(r) or {}).get("id") == ticket_id for r in range(page.model.rowCount()))


def settled(controller: Controller, ticket_id: str, **fields: object) -> bool:
    """The ticket in the cache is the server's (nothing of it waits in the outbox) and has ``fields``."""
    ticket = controller.replica.get(Kind.TICKET, ticket_id)
    return ticket is not None and controller.replica.server_version(Kind.TICKET, ticket_id) is None and all(
        ticket.get(k) == v for k, v in fields.items())


def test_w2_the_seed_route_through_the_widgets(
    qtbot: QtBot, mail_server: ServerProcess, smtp_server: SmtpServer, tmp_path: Path, memory_keyring: MemoryKeyring,
) -> None:
    operator = sign_in(qtbot, mail_server, Paths.under(tmp_path / "op1").ensure(), "op1")
    ticket_id = register_service_desk_ticket(qtbot, operator)
    card = open_card(qtbot, operator.tickets, ticket_id)
    assert visible_actions(card) == ["Взять в работу", "Эскалировать на 2-ю линию", "Комментарий"]
    assert card.ticket_actions is not None
    assert card.ticket_actions.buttons[next(iter(card.ticket_actions.buttons))].shortcut().toString() == "Ctrl+Shift+T"

    qtbot.mouseClick(card.ticket_actions.buttons[Action.ESCALATE], Qt.MouseButton.LeftButton)
    dialog = card.ticket_actions.dialog
    assert isinstance(dialog, ActionText)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()  # a reason is required
    type_text(dialog.edit, "Ошибка в расчёте: нужен анализ 2-й линии")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: settled(operator, ticket_id, route="line_2", assignee_id=None), timeout=30_000)
    assert not availability(str(operator.connection.user.id), "operator").includes(cached(operator, ticket_id))  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: visible_actions(card) == ["Комментарий"], timeout=10_000)  # its author may comment
    card.close()
    assert not listed(qtbot, operator, ticket_id)  # it has left the first line's ПТЗ

    specialist = sign_in(qtbot, mail_server, Paths.under(tmp_path / "spec1").ensure(), "spec1")
    spec_id = str(specialist.connection.user.id)  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: cached(specialist, ticket_id).get("route") == "line_2", timeout=30_000)
    assert availability(spec_id, "specialist").includes(cached(specialist, ticket_id))
    assert listed(qtbot, specialist, ticket_id)  # and is in the second line's
    with qtbot.waitSignal(specialist.tickets.card_opened, timeout=10_000) as opened:
        specialist.tickets.open_ticket(ticket_id)
    card = opened.args[0]
    assert visible_actions(card) == ["Взять в работу", "Запросить информацию", "Комментарий"]
    assert card.ticket_actions is not None
    qtbot.mouseClick(card.ticket_actions.buttons[Action.REQUEST_INFO], Qt.MouseButton.LeftButton)
    assert card.ticket_actions.dialog is None  # no comment asked for
    qtbot.waitUntil(lambda: settled(specialist, ticket_id, status="awaiting_info", assignee_id=spec_id),
                    timeout=30_000)
    qtbot.waitUntil(lambda: card.values["Статус"].text() == "На запросе информации", timeout=10_000)

    received = smtp_server.wait_for(2)  # «зарегистрировано» and the request
    requests = [r for r in received if "запрос информации" in r.message["Subject"]]
    assert len(requests) == 1 and requests[0].message["To"] == "a.petrova@example.ru"
    assert "Отчёт 0503317 не формируется" in requests[0].message.get_content()

    show_tab(qtbot, card, 2)

    def lines() -> list[str]:
        assert card.history is not None
        card.history.refresh(cached(specialist, ticket_id))
        found = history(qtbot, card, "server")
        return found if any("— отправлено" in line for line in found) else []

    shown = qtbot.waitUntil(lambda: bool(lines()), timeout=30_000) or lines()
    assert [line.split(" — ", 2)[1:] for line in shown[:3]] == [  # newest first
        ["Тест spec1", "Письмо заявителю (запрос информации) на a.petrova@example.ru — отправлено"],
        ["Тест spec1", "Запросить информацию: Статус (Зарегистрировано → На запросе информации), "
                       "назначено исполнителю"],
        ["Тест op1", "Эскалировать на 2-ю линию: Маршрут (1-я линия → 2-я линия), исполнитель снят — "
                     "«Ошибка в расчёте: нужен анализ 2-й линии»"],
    ]
    assert shown[3].split(" — ", 2)[1] == "Тест op1" and "Зарегистрировано, номер" in shown[3]
    assert len(smtp_server.received) == 2


def test_w3_an_action_refused_on_sync_shows_in_the_problem_bar(
    qtbot: QtBot, mail_server: ServerProcess, tmp_path: Path, memory_keyring: MemoryKeyring,
) -> None:
    operator = sign_in(qtbot, mail_server, Paths.under(tmp_path / "op1").ensure(), "op1")
    ticket_id = register_service_desk_ticket(qtbot, operator)
    qtbot.waitUntil(lambda: settled(operator, ticket_id, status="registered"), timeout=30_000)
    # the lists' context menu offers what the card does: «Взять в работу» from it
    window, page = operator.window, operator.ticket_pages[0]
    window.show_page(page)
    qtbot.waitUntil(lambda: page.model.rowCount() > 0 and (page.model.record(0) or {}).get("id") == ticket_id,
                    timeout=20_000)
    page.context_menu.request(page.view.visualRect(page.model.index(0, 1)).center())
    qtbot.waitUntil(lambda: page.context_menu.menu is not None, timeout=10_000)
    menu = page.context_menu.menu
    assert menu is not None
    assert [a.text() for a in menu.actions() if not a.isSeparator()] == [
        "Открыть", "Взять в работу", "Эскалировать на 2-ю линию", "Комментарий"]
    take = next(a for a in menu.actions() if a.text() == "Взять в работу")
    assert take.shortcut().toString() == "Ctrl+Shift+T"
    take.trigger()
    qtbot.waitUntil(lambda: settled(operator, ticket_id, status="in_progress"), timeout=30_000)
    # two actions queued one after the other (as offline): the second one is no longer possible
    with operator.replica.batch() as batch:
        batch.act(Kind.TICKET, ticket_id, {"action": "escalate", "text": "2-я линия"})
        batch.act(Kind.TICKET, ticket_id, {"action": "take"})
    operator.sync.request_sync()
    bar = operator.window.problem_bar
    qtbot.waitUntil(bar.isVisible, timeout=30_000)
    text = bar.findChild(QLabel, "problem_text").text()
    assert "Обращение на другой линии." in text or "2-й линии" in text, text
    qtbot.waitUntil(lambda: cached(operator, ticket_id).get("route") == "line_2", timeout=30_000)
