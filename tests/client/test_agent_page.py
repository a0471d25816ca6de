"""Issue 19, step 1 (A1, A2, A3, A10) with the real client's widgets against a real server process that
takes mail over SMTP: a mail arrives, «Очередь» lists it with its customer and a ticking waiting time;
selecting shows its text, hovering a summary; Enter accepts it and «Выполняется» shows it with the
ticket it joined (new, then the same one for the customer's next mail), whose card opens; a second
accept is refused, by the page and by the server (in Russian, by code) and the queue is read again;
«Закрыть» frees the agent. Offline the page says the queue needs the server and queues nothing."""

from __future__ import annotations

import os
import smtplib
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip
from pytestqt.qtbot import QtBot

from ksdesk_desktop.controller import Controller
from ksdesk_desktop.core.paths import Paths
from ksdesk_desktop.ui.agent_page import AgentPage, waited
from sync.records import Kind
from tests.client.helpers import activate, double_click
from tests.client.test_main_window import click_quick_access, leaf
from tests.client.test_ticket_actions import sign_in
from tests.fixtures.client import MemoryKeyring
from tests.fixtures.databases import empty_database
from tests.fixtures.servers import ServerProcess, seed_users, seeded_server, start_server
from tests.fixtures.smtp import free_port
from tests.server.test_agent_desk import MAILBOX, mail
from tests.server.test_attachments import entry
from tests.server.test_sync_protocol import client_for, org_mutation, push

pytestmark = pytest.mark.timeout(180)

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


@dataclass
class MailServer:
    server: ServerProcess
    smtp_port: int

    def send(self, sender: str, subject: str, body: str) -> None:
        with smtplib.SMTP("127.0.0.1", self.smtp_port, timeout=20) as smtp:
            smtp.send_message(mail(sender, subject, body), to_addrs=[MAILBOX])

    def customer(self, email: str, name: str) -> str:
        """An organization and its contact with ``email``, made through the API; the organization's name."""
        organization = org_mutation(f"ООО «Агент {uuid.uuid4().hex[:4]}»")
        contact = entry("contact", {"organization_id": organization["record_id"], "full_name": name, "email": email})
        with client_for(self.server, "op1") as op1:
            assert [r["status"] for r in push(op1, organization, contact)] == ["applied", "applied"]
        return str(organization["data"]["name"])

    def queued_id(self, subject: str) -> str:
        with client_for(self.server, "boss") as boss:
            return next(t["id"] for t in boss.get("/agent/queue").json() if t["activity"]["subject"] == subject)

    def accept_as(self, login: str, task_id: str) -> httpx.Response:
        with client_for(self.server, login) as client:
            return client.post(f"/agent/tasks/{task_id}/accept")


@contextmanager
def mail_desk(data_dir: Path, env: dict[str, str] | None = None) -> Iterator[MailServer]:
    """A seeded SQLite server that takes mail on its own SMTP port."""
    with empty_database("sqlite", data_dir) as url:
        seed_users(url)
        port = free_port()
        server = start_server(url, data_dir, "--smtp-in-port", str(port), env=env)
        try:
            yield MailServer(server, port)
        finally:
            server.stop()


@pytest.fixture(scope="module")
def mail_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[MailServer]:
    with mail_desk(tmp_path_factory.mktemp("agent-ui")) as desk:
        yield desk


def shots(paths: Paths) -> Path:
    """Where the screenshots go: ``KSDESK_SCREENSHOTS`` (to refresh docs/), else the test's data folder."""
    return Path(os.environ.get("KSDESK_SCREENSHOTS") or paths.data)


def row_of(page: AgentPage, subject: str) -> int | None:
    return next((r for r in range(page.table.rowCount()) if page.table.item(r, 2).text() == subject), None)


def open_page(qtbot: QtBot, controller: Controller) -> AgentPage:
    """The page by its shortcut, as an agent opens it."""
    window, page = controller.window, controller.agent_page
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_A, CTRL | SHIFT)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is page)
    return page


def click_row(qtbot: QtBot, page: AgentPage, subject: str) -> None:
    row = row_of(page, subject)
    assert row is not None, subject
    rect = page.table.visualRect(page.table.model().index(row, 1))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    selected = page.selected()
    assert selected is not None and selected.activity.subject == subject


def hover(qtbot: QtBot, page: AgentPage, subject: str) -> str:
    """The tooltip the mouse resting on a task's row shows."""
    row = row_of(page, subject)
    assert row is not None, subject
    viewport = page.table.viewport()
    at = page.table.visualRect(page.table.model().index(row, 2)).center()
    QApplication.sendEvent(viewport, QHelpEvent(QEvent.Type.ToolTip, at, viewport.mapToGlobal(at)))
    qtbot.waitUntil(QToolTip.isVisible)
    return QToolTip.text()


def refresh(qtbot: QtBot, page: AgentPage) -> None:
    """F5 in the queue, waiting for the server's answer."""
    page.table.setFocus()
    with qtbot.waitSignal(page.changed, timeout=20_000):
        qtbot.keyClick(page.table, Qt.Key.Key_F5)


def test_a1_waiting_time_reads_as_a_clock() -> None:
    assert [waited(s) for s in (-3, 0, 42, 725, 3723)] == ["0:00", "0:00", "0:42", "12:05", "1:02:03"]


def test_a1_a2_a3_a10_an_agent_takes_a_mail_from_the_queue_and_closes_it(
        qtbot: QtBot, mail_server: MailServer, paths: Paths, memory_keyring: MemoryKeyring) -> None:
    tag = uuid.uuid4().hex[:6]
    organization = mail_server.customer(f"petrov.{tag}@client.example", "Пётр Петров")
    first = f"Не формируется отчёт {tag}"
    mail_server.send(f"Petrov.{tag}@client.example", first, "Добрый день!\nОтчёт 0503317 не формируется.")

    controller = sign_in(qtbot, mail_server.server, paths, "op1")
    page = open_page(qtbot, controller)
    qtbot.waitUntil(lambda: row_of(page, first) is not None, timeout=20_000)  # read on show
    row = row_of(page, first)
    assert row is not None
    assert page.table.item(row, 1).text() == f"Пётр Петров ({organization})"  # A1: the customer, matched
    tip = hover(qtbot, page, first)
    assert tip.startswith(f"Клиент: Пётр Петров ({organization})\nТема: {first}\n")
    assert tip.endswith("Добрый день! Отчёт 0503317 не формируется.")
    shown = page.table.item(row, 3).text()
    assert shown.startswith("0:")
    qtbot.waitUntil(lambda: page.table.item(row_of(page, first) or 0, 3).text() != shown, timeout=5000)  # ticks

    unknown = f"Вопрос от нового клиента {tag}"
    mail_server.send(f"stranger.{tag}@elsewhere.example", unknown, "Кто мне поможет?")
    refresh(qtbot, page)
    qtbot.waitUntil(lambda: row_of(page, unknown) is not None, timeout=20_000)
    assert page.table.item(row_of(page, unknown) or 0, 1).text() == f"stranger.{tag}@elsewhere.example"

    click_row(qtbot, page, first)  # A1: everything known before accepting
    preview = " ".join(page.preview.toPlainText().split())
    assert preview.startswith(f"Клиент: Пётр Петров Организация: {organization} "
                              f"Отправитель: petrov.{tag}@client.example Тип связи: E-mail Приоритет: Средний ")
    assert preview.endswith(f"Тема: {first} Добрый день! Отчёт 0503317 не формируется.")
    window = controller.window
    window.resize(1280, 720)
    window.grab().save(str(shots(paths) / "agent-desk.png"))

    activate(qtbot, page)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)  # A2: Enter takes it
    qtbot.waitUntil(lambda: page.in_hand is not None and row_of(page, first) is None, timeout=20_000)
    taken = page.in_hand
    assert taken is not None and taken.joined == "new" and taken.registration_number
    assert first in page.in_hand_label.text() and "Пётр Петров" in page.in_hand_label.text()
    assert page.joined_label.text() == ("Открытых обращений у клиента не было: зарегистрировано новое обращение "
                                        f"{taken.registration_number}.")
    assert "Отчёт 0503317 не формируется." in page.in_hand_text.toPlainText()

    # A2 on the page: one task at a time — «Принять» is disabled and says why, Enter does nothing
    click_row(qtbot, page, unknown)
    assert not page.accept_action.isEnabled()
    assert page.accept_action.toolTip().startswith("Одновременно обрабатывается только одна задача")
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert page.message.text().startswith("Одновременно обрабатывается только одна задача")
    assert page.in_hand is taken and row_of(page, unknown) is not None

    # the ticket it joined opens in its card, once the sync brought it
    ticket_id = str(taken.ticket_id)
    qtbot.waitUntil(lambda: controller.replica.get(Kind.TICKET, ticket_id) is not None, timeout=30_000)
    with qtbot.waitSignal(controller.tickets.card_opened, timeout=20_000) as opened:
        qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    card = opened.args[0]
    assert taken.registration_number in card.windowTitle()
    card.close()

    # A10: «Закрыть» frees the agent; the customer's next mail joins the same, still open ticket (A3)
    with qtbot.waitSignal(page.changed, timeout=20_000):
        qtbot.mouseClick(page.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.in_hand is None and not page.close_button.isVisible())
    assert page.message.text() == "Взаимодействие завершено: можно принять следующую задачу."
    assert page.in_hand_label.text().startswith("Задачи в работе нет.")
    second = f"Ещё вопрос {tag}"
    mail_server.send(f"petrov.{tag}@client.example", second, "И ещё одно.")
    refresh(qtbot, page)
    qtbot.waitUntil(lambda: row_of(page, second) is not None, timeout=20_000)
    click_row(qtbot, page, second)
    assert page.accept_action.isEnabled()
    activate(qtbot, page)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return, CTRL)  # Ctrl+Enter, the action's shortcut
    qtbot.waitUntil(lambda: page.in_hand is not None, timeout=20_000)
    assert page.in_hand is not None and page.in_hand.joined == "existing"
    assert page.joined_label.text() == ("Активность добавлена к открытому обращению клиента "
                                        f"{taken.registration_number}.")
    window.grab().save(str(shots(paths) / "agent-desk-in-hand.png"))
    activate(qtbot, page)
    page.table.setFocus()
    with qtbot.waitSignal(page.changed, timeout=20_000):
        qtbot.keyClick(page.table, Qt.Key.Key_E, CTRL)  # «Закрыть» by its shortcut
    qtbot.waitUntil(lambda: page.in_hand is None)


def test_a2_the_servers_refusals_are_shown_in_russian_and_the_queue_is_read_again(
        qtbot: QtBot, mail_server: MailServer, paths: Paths, memory_keyring: MemoryKeyring) -> None:
    tag = uuid.uuid4().hex[:6]
    held, taken, free = (f"{what} {tag}" for what in ("В работе в другом окне", "Уже взята", "Свободная"))
    for subject in (held, taken, free):
        mail_server.send(f"someone.{tag}@elsewhere.example", subject, "Текст.")
    controller = sign_in(qtbot, mail_server.server, paths, "spec1")
    page = open_page(qtbot, controller)
    qtbot.waitUntil(lambda: all(row_of(page, s) is not None for s in (held, taken, free)), timeout=20_000)

    # another agent takes a task the page still lists: task_taken, and the queue is read again
    assert mail_server.accept_as("boss", mail_server.queued_id(taken)).status_code == 200
    click_row(qtbot, page, taken)
    activate(qtbot, page)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: row_of(page, taken) is None, timeout=20_000)
    assert page.message.text() == "Задача уже принята другим оператором."
    assert page.in_hand is None and page.close_button.isHidden()

    # this agent holds a task already (taken elsewhere, e.g. in another window): agent_busy
    held_id = mail_server.queued_id(held)
    assert mail_server.accept_as("spec1", held_id).status_code == 200
    refresh(qtbot, page)
    click_row(qtbot, page, free)
    activate(qtbot, page)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.message.text() != "" and row_of(page, held) is None, timeout=20_000)
    assert page.message.text() == "У вас уже есть задача в работе: закройте её, чтобы принять следующую."
    assert page.in_hand is None and row_of(page, free) is not None  # nothing taken, the task still waits

    # once that task is closed, the unknown sender's task can be taken: no ticket for it yet (A9 first)
    with client_for(mail_server.server, "spec1") as spec1:
        assert spec1.post(f"/agent/tasks/{held_id}/close").status_code == 200
    click_row(qtbot, page, free)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.in_hand is not None, timeout=20_000)
    assert page.in_hand is not None and page.in_hand.joined == "none" and page.in_hand.ticket_id is None
    assert page.joined_label.text() == ("Отправитель не найден в справочнике: обращение не создано, сначала "
                                        "заведите клиента.")
    assert not page.open_button.isEnabled()
    with qtbot.waitSignal(page.changed, timeout=20_000):
        qtbot.mouseClick(page.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.in_hand is None)


def test_a1_the_page_opens_from_the_navigator_and_current_tasks_and_a_mail_shows_without_f5(
        qtbot: QtBot, mail_server: MailServer, paths: Paths, memory_keyring: MemoryKeyring) -> None:
    controller = sign_in(qtbot, mail_server.server, paths, "op1")
    window, page = controller.window, controller.agent_page
    click_quick_access(qtbot, window, "Навигатор")  # the page from the Navigator, and from the current tasks
    tree = window.navigator_page.tree
    double_click(qtbot, tree, leaf(tree.model(), "УЧЁТ ОБРАЩЕНИЙ ЗАКАЗЧИКОВ", "Служба поддержки"))
    assert window.pages.currentWidget() is page
    click_quick_access(qtbot, window, "Текущие задачи")
    tree = window.current_tasks_page.tree
    double_click(qtbot, tree, leaf(tree.model(), "Служба поддержки Кейсистемс", "Служба поддержки"))
    assert window.pages.currentWidget() is page
    assert window.page_actions[window.current_tasks_page].isChecked()
    qtbot.waitUntil(lambda: controller.sync.listener is not None and controller.sync.live, timeout=20_000)
    subject = f"Пришло, пока очередь открыта {uuid.uuid4().hex[:6]}"
    mail_server.send("someone@elsewhere.example", subject, "Текст.")
    qtbot.waitUntil(lambda: row_of(page, subject) is not None, timeout=20_000)  # the live hint, then a sync round


def test_a1_offline_the_queue_says_it_needs_the_server(qtbot: QtBot, tmp_path: Path, paths: Paths,
                                                      memory_keyring: MemoryKeyring) -> None:
    (tmp_path / "server").mkdir()
    with seeded_server("sqlite", tmp_path / "server") as server:
        controller = sign_in(qtbot, server, paths, "op1")
        server.stop()
        page = open_page(qtbot, controller)
        qtbot.waitUntil(lambda: page.message.text().startswith("Нет связи с сервером: очередь задач"),
                        timeout=30_000)
        assert page.table.rowCount() == 0 and not page.accept_action.isEnabled()
        assert controller.sync.pending == 0  # nothing queued for later
