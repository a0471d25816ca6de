"""What the operator sees of sync (S4, S5), with the real client against a real server: the status
bar counts the outbox and shows the last sync; a conflict appears as a notice whose «Загрузить» takes
the server's version; a refused change is shown with the server's reason until discarded."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from ksdesk_desktop.controller import Controller
from ksdesk_desktop.core.config import UserSettings
from ksdesk_desktop.core.options import Options
from ksdesk_desktop.core.paths import Paths
from ksdesk_desktop.store.db import LocalStore
from ksdesk_desktop.store.replica import Replica
from sync.ids import new_id
from sync.records import Kind
from tests.client.helpers import fill_login
from tests.fixtures.client import MemoryKeyring
from tests.fixtures.replicas import NodeFactory, open_node
from tests.fixtures.servers import TEST_PASSWORD, ServerProcess, seed_users, start_server
from tests.sync.test_replica import org

pytestmark = pytest.mark.timeout(90)


def start_client(qtbot: QtBot, server: ServerProcess, paths: Paths) -> Controller:
    controller = Controller(
        Options(server=server.url), paths, LocalStore(paths.local_db), UserSettings(paths.settings_file)
    )
    qtbot.addWidget(controller.window)
    controller.start()
    assert controller.login_dialog is not None
    fill_login(qtbot, controller.login_dialog, server.url, "op1", TEST_PASSWORD)
    return controller


def test_s4_conflict_notice_load_takes_the_server_version(
    qtbot: QtBot, live_server: ServerProcess, paths: Paths, make_node: NodeFactory, memory_keyring: MemoryKeyring,
    tmp_path: Path,
) -> None:
    other = make_node()
    record_id = other.replica.create(Kind.ORGANIZATION, org("ООО «Общая»"))
    other.sync()
    node = open_node(live_server.url, paths.local_db)
    node.sync()
    node.replica.change(Kind.ORGANIZATION, record_id, {"name": "ООО «Моя правка»"})  # offline
    node.close()
    other.replica.change(Kind.ORGANIZATION, record_id, {"name": "ООО «Чужая правка»"})
    other.sync()

    controller = start_client(qtbot, live_server, paths)
    status, bar = controller.window.status, controller.window.problem_bar
    assert "Исходящие: 1" in status.pending_label.text()
    qtbot.waitUntil(bar.isVisible, timeout=15_000)
    text = bar.findChild(QLabel, "problem_text").text()
    assert "ООО «Моя правка»" in text and "изменена на сервере" in text
    assert controller.replica.get(Kind.ORGANIZATION, record_id)["name"] == "ООО «Моя правка»"  # type: ignore[index]
    controller.window.grab().save(str(tmp_path / "conflict.png"))

    qtbot.mouseClick(bar.findChild(QPushButton, "problem_load"), Qt.MouseButton.LeftButton)  # «Загрузить»
    qtbot.waitUntil(lambda: not bar.isVisible(), timeout=10_000)
    assert controller.replica.get(Kind.ORGANIZATION, record_id)["name"] == "ООО «Чужая правка»"  # type: ignore[index]
    qtbot.waitUntil(lambda: "Исходящие: 0" in status.pending_label.text())
    assert "ещё не было" not in status.sync_label.text()
    controller.window.close()


def test_s2_refused_change_is_shown_with_the_reason_until_discarded(
    qtbot: QtBot, live_server: ServerProcess, paths: Paths, memory_keyring: MemoryKeyring,
) -> None:
    store = LocalStore(paths.local_db)
    contact = Replica(store).create(Kind.CONTACT, {"organization_id": str(new_id()), "full_name": "Петров Пётр"})
    store.close()

    controller = start_client(qtbot, live_server, paths)
    bar = controller.window.problem_bar
    qtbot.waitUntil(bar.isVisible, timeout=15_000)
    text = bar.findChild(QLabel, "problem_text").text()
    assert "Петров Пётр" in text and "не найдена" in text and "не принял" in text
    assert "Исходящие: 1" in controller.window.status.pending_label.text()  # kept, never dropped silently

    qtbot.mouseClick(bar.findChild(QPushButton, "problem_load"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not bar.isVisible(), timeout=10_000)
    assert controller.replica.get(Kind.CONTACT, contact) is None
    qtbot.waitUntil(lambda: "Исходящие: 0" in controller.window.status.pending_label.text())
    controller.window.close()


def test_s5_status_bar_shows_the_sync_error_when_the_server_goes_away(
    qtbot: QtBot, paths: Paths, memory_keyring: MemoryKeyring, tmp_path: Path,
) -> None:
    url = f"sqlite:///{(tmp_path / 'server.sqlite').as_posix()}"
    seed_users(url)
    server = start_server(url, tmp_path / "srv")
    try:
        controller = start_client(qtbot, server, paths)
        qtbot.waitUntil(lambda: controller.sync.last_sync is not None, timeout=15_000)
        status = controller.window.status
        assert not status.error_label.isVisible()
        server.stop()
        with qtbot.waitSignal(controller.sync.records_changed, timeout=10_000):
            controller.sync.change(Kind.ORGANIZATION, str(new_id()), org("ООО «Без сети»"))
        qtbot.waitUntil(status.error_label.isVisible, timeout=15_000)
        assert "Нет связи" in status.error_label.text()
        assert "Исходящие: 1" in status.pending_label.text()
        controller.window.close()
    finally:
        server.stop()
