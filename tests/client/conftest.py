"""Fixtures of the client's GUI tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from ksdesk_desktop.controller import Controller
from ksdesk_desktop.core.paths import Paths
from tests.client.test_sync_ui import start_client
from tests.fixtures.client import MemoryKeyring
from tests.fixtures.servers import ServerProcess


@pytest.fixture
def controller(qtbot: QtBot, demo_server: ServerProcess, paths: Paths,
               memory_keyring: MemoryKeyring) -> Iterator[Controller]:
    """The real client against the shared demo server, logged in as op1 and synced once."""
    controller = start_client(qtbot, demo_server, paths)
    qtbot.waitUntil(lambda: controller.sync.last_sync is not None, timeout=60_000)
    yield controller
    for form in list(controller.tickets.forms):
        form.close()
