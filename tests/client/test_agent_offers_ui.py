"""Issue 19, step 2 (A4) with the real client's widgets against a real server process that takes mail
over SMTP and offers tasks with a short deadline (``KSDESK_OFFER_TIMEOUT_S``): F9 makes the agent
«Готов» on the server; a mail arrives as an offer panel with its subject and a countdown that
decreases; Enter accepts it into «Выполняется»; the next offer left alone times out, the panel goes and
the state shows «Не готов» («Нет ответа») with a line saying why — on the page and in the status bar."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from ksdesk_desktop.core.paths import Paths
from ksdesk_desktop.ui.agent_page import AgentPage
from sync.agent_desk import AgentStatus, NotReadyReason
from tests.client.helpers import activate
from tests.client.test_agent_page import MailServer, mail_desk, open_page, shots
from tests.client.test_ticket_actions import sign_in
from tests.fixtures.client import MemoryKeyring
from tests.server.test_sync_protocol import client_for

pytestmark = pytest.mark.timeout(180)

OFFER_TIMEOUT_S = 8  # long enough to see the countdown move and press Enter on a busy machine


@pytest.fixture(scope="module")
def offer_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[MailServer]:
    env = {"KSDESK_OFFER_TIMEOUT_S": str(OFFER_TIMEOUT_S)}
    with mail_desk(tmp_path_factory.mktemp("agent-offers-ui"), env) as desk:
        yield desk


def server_state(mail_server: MailServer, login: str) -> dict[str, Any]:
    with client_for(mail_server.server, login) as client:
        answer = client.get("/agent/state")
        assert answer.status_code == 200, answer.text
        return dict(answer.json())


def drain(mail_server: MailServer) -> None:
    """Nobody Ready and no task waiting (the module's earlier tests leave some): a clean desk."""
    for login in ("op1", "spec1", "boss"):
        with client_for(mail_server.server, login) as client:
            assert client.put("/agent/state", json={"state": "not_ready"}).status_code == 200
    with client_for(mail_server.server, "boss") as boss:
        for task in boss.get("/agent/queue").json():
            assert boss.post(f"/agent/tasks/{task['id']}/accept").status_code == 200
            assert boss.post(f"/agent/tasks/{task['id']}/close").status_code == 200


def seconds_shown(page: AgentPage) -> int:
    found = re.fullmatch(r"Осталось (\d+) с", page.offer_countdown.text())
    assert found is not None, page.offer_countdown.text()
    return int(found.group(1))


def offered(qtbot: QtBot, page: AgentPage, subject: str) -> None:
    qtbot.waitUntil(lambda: page.offer is not None and page.offer.task.activity.subject == subject
                    and page.offer_box.isVisible(), timeout=30_000)


def test_a4_ready_by_key_an_offer_counts_down_enter_accepts_and_a_timeout_makes_not_ready(
        qtbot: QtBot, offer_server: MailServer, paths: Paths, memory_keyring: MemoryKeyring) -> None:
    controller = sign_in(qtbot, offer_server.server, paths, "op1")
    page = open_page(qtbot, controller)
    status_bar = controller.window.status
    qtbot.waitUntil(lambda: page.status is not None, timeout=20_000)  # read on show and at connect
    assert page.status == AgentStatus.NOT_READY and page.state_label.text().endswith("Не готов</b>")
    assert page.offer_box.isHidden()
    assert status_bar.agent_label.text() == "Агент: Не готов"

    # F9 makes the agent Ready, on the server
    qtbot.waitUntil(lambda: controller.sync.live, timeout=20_000)
    activate(qtbot, page)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: page.status == AgentStatus.READY, timeout=20_000)
    assert server_state(offer_server, "op1")["state"] == "ready"
    assert page.state_label.text().endswith("Готов</b>") and page.state_button.text() == "Не готов (F9)"
    assert status_bar.agent_label.text() == "Агент: Готов"

    # a mail arrives: the offer panel with the subject and a countdown that decreases
    tag = uuid.uuid4().hex[:6]
    first = f"Сломался принтер {tag}"
    offer_server.send(f"someone.{tag}@elsewhere.example", first, "Принтер не печатает.")
    offered(qtbot, page, first)
    assert first in page.offer_label.text() and page.offer_text.text() == "Принтер не печатает."
    start = seconds_shown(page)
    assert 0 < start <= OFFER_TIMEOUT_S
    qtbot.waitUntil(lambda: page.offer is None or seconds_shown(page) < start, timeout=5000)
    assert page.offer is not None, "the offer ended before it was accepted"
    controller.window.resize(1280, 720)
    controller.window.grab().save(str(shots(paths) / "agent-desk-offer.png"))

    # Enter takes it: «Выполняется», exactly as a pull accept
    activate_page = controller.window
    activate_page.activateWindow()
    qtbot.waitUntil(activate_page.isActiveWindow, timeout=5000)
    page.offer_accept.setFocus()  # where the page puts the focus when an offer comes
    qtbot.keyClick(page.offer_accept, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.in_hand is not None, timeout=20_000)
    taken = page.in_hand
    assert taken is not None and taken.task.activity.subject == first and taken.joined == "none"
    assert page.offer_box.isHidden() and first in page.in_hand_label.text()
    held = server_state(offer_server, "op1")
    assert held["task"]["id"] == str(taken.task.id) and held["offer"] is None

    # «Закрыть»; the next offer is left alone: it times out, the panel goes, «Не готов» («Нет ответа»)
    page.table.setFocus()
    with qtbot.waitSignal(page.changed, timeout=20_000):
        qtbot.keyClick(page.table, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.in_hand is None)
    second = f"Не отвечен вовремя {tag}"
    offer_server.send(f"someone.{tag}@elsewhere.example", second, "Ответьте, пожалуйста.")
    offered(qtbot, page, second)
    qtbot.waitUntil(lambda: page.offer is None, timeout=OFFER_TIMEOUT_S * 1000 + 20_000)
    assert page.offer_box.isHidden()
    assert page.status == AgentStatus.NOT_READY and page.reason == NotReadyReason.NO_ANSWER
    assert page.state_label.text().endswith("Не готов («Нет ответа»)</b>")
    assert page.state_note.text().startswith("Предложенная задача не принята вовремя")
    assert status_bar.agent_label.text() == "Агент: Не готов («Нет ответа»)"
    state = server_state(offer_server, "op1")
    assert (state["state"], state["reason"], state["offer"]) == ("not_ready", "no_answer", None)
    controller.window.grab().save(str(shots(paths) / "agent-desk-no-answer.png"))


def test_a4_a_declined_offer_goes_back_to_the_queue_and_the_agent_stays_ready(
        qtbot: QtBot, offer_server: MailServer, paths: Paths, memory_keyring: MemoryKeyring) -> None:
    tag = uuid.uuid4().hex[:6]
    subject = f"Отклонённая {tag}"
    offer_server.send(f"other.{tag}@elsewhere.example", subject, "Текст.")
    controller = sign_in(qtbot, offer_server.server, paths, "spec1")
    page = open_page(qtbot, controller)
    qtbot.waitUntil(lambda: page.status is not None and controller.sync.live, timeout=20_000)
    qtbot.mouseClick(page.state_button, Qt.MouseButton.LeftButton)  # «Готов» by mouse
    qtbot.waitUntil(lambda: page.offer is not None, timeout=30_000)  # the first queued task (maybe an older one)
    offer = page.offer
    assert offer is not None and server_state(offer_server, "spec1")["offer"]["id"] == str(offer.id)
    qtbot.mouseClick(page.offer_decline, Qt.MouseButton.LeftButton)
    # nobody else is Ready: the task may come back at once as a new offer (which clears the message)
    declined = "Задача отклонена и вернулась в очередь."
    qtbot.waitUntil(lambda: (page.offer is None and page.message.text() == declined)
                    or (page.offer is not None and page.offer.id != offer.id), timeout=20_000)
    assert page.status == AgentStatus.READY and server_state(offer_server, "spec1")["state"] == "ready"
    with client_for(offer_server.server, "boss") as boss:
        timeline = [e["action"] for e in reversed(boss.get("/audit", params={"entity": "offer", "entity_id": str(
            offer.id)}).json()["entries"])]
    assert timeline == ["offered", "declined"]


def test_a4_an_accept_of_an_offer_that_ended_unseen_is_refused_in_russian_by_code(
        qtbot: QtBot, offer_server: MailServer, paths: Paths, memory_keyring: MemoryKeyring) -> None:
    for other in ("op1", "spec1"):  # nobody else Ready: the mail's offer comes to this agent
        with client_for(offer_server.server, other) as client:
            assert client.put("/agent/state", json={"state": "not_ready"}).status_code == 200
    controller = sign_in(qtbot, offer_server.server, paths, "boss")
    page = open_page(qtbot, controller)
    qtbot.waitUntil(lambda: page.status is not None and controller.sync.live, timeout=20_000)
    activate(qtbot, page)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: page.status == AgentStatus.READY, timeout=20_000)
    subject = f"Закончилось без нас {uuid.uuid4().hex[:6]}"
    offer_server.send("late@elsewhere.example", subject, "Текст.")
    qtbot.waitUntil(lambda: page.offer is not None, timeout=30_000)  # this one, or an older task still queued
    offer = page.offer
    assert offer is not None
    listener = controller.sync.listener
    assert listener is not None
    listener.stop()  # the stream is lost: the offer's end is not heard
    with client_for(offer_server.server, "boss") as boss:  # ended elsewhere (another window declined it)
        assert boss.post(f"/agent/offers/{offer.id}/decline", headers={"Idempotency-Key": "elsewhere"}).status_code \
            == 200
    assert page.offer is not None and page.offer.id == offer.id and page.offer_accept.isEnabled()
    activate(qtbot, page)
    page.offer_accept.setFocus()
    qtbot.keyClick(page.offer_accept, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.message.text() == "Время предложения истекло: задача вернулась в очередь.",
                    timeout=20_000)
    assert page.in_hand is None
    assert page.offer is None or page.offer.id != offer.id  # the state read again may bring a new offer


def test_a4_two_agents_the_offer_not_answered_by_one_goes_to_the_other_who_accepts_it(
        qtbot: QtBot, offer_server: MailServer, paths: Paths, tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    drain(offer_server)
    first = sign_in(qtbot, offer_server.server, paths, "op1")
    second = sign_in(qtbot, offer_server.server, Paths.under(tmp_path / "second").ensure(), "spec1")
    pages = []
    for controller in (first, second):  # op1 Ready first: the longest Ready gets the offer first
        page = open_page(qtbot, controller)
        qtbot.waitUntil(lambda c=controller, p=page: p.status is not None and c.sync.live, timeout=20_000)
        activate(qtbot, page)  # two windows: a shortcut reaches only the active one
        page.table.setFocus()
        qtbot.keyClick(page.table, Qt.Key.Key_F9)
        qtbot.waitUntil(lambda p=page: p.status == AgentStatus.READY, timeout=20_000)
        pages.append(page)
    mine, theirs = pages
    assert mine.offer is None and theirs.offer is None
    subject = f"Для двоих {uuid.uuid4().hex[:6]}"
    offer_server.send("two@elsewhere.example", subject, "Кто первый?")
    offered(qtbot, mine, subject)
    assert theirs.offer is None
    qtbot.waitUntil(lambda: mine.reason == NotReadyReason.NO_ANSWER, timeout=OFFER_TIMEOUT_S * 1000 + 20_000)
    assert mine.offer is None and mine.state_label.text().endswith("Не готов («Нет ответа»)</b>")
    offered(qtbot, theirs, subject)  # the task goes to the other agent
    activate(qtbot, theirs)
    theirs.offer_accept.setFocus()
    qtbot.keyClick(theirs.offer_accept, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: theirs.in_hand is not None, timeout=20_000)
    assert theirs.in_hand is not None and theirs.in_hand.task.activity.subject == subject
    assert mine.in_hand is None and mine.offer is None
