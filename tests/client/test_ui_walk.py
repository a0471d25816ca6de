"""P2: a walk through every page, dialog and menu of the running client finds no Russian left in the
English interface, and no untranslated English in the Russian one (data — names, subjects — aside)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ksdesk_desktop.controller import Controller
from ksdesk_desktop.core.config import UserSettings
from ksdesk_desktop.core.options import Options
from ksdesk_desktop.core.paths import Paths
from ksdesk_desktop.i18n import install_translators, set_language
from ksdesk_desktop.store.db import LocalStore
from ksdesk_desktop.store.replica import Replica
from ksdesk_desktop.ui.main_window import LANGUAGE_NAMES
from sync.ids import new_id
from sync.records import Kind
from tests.client.helpers import fill_login
from tests.client.test_sync_ui import start_client
from tests.client.ui_walk import CYRILLIC, READ_ONLY, Walk, chrome_texts, data_strings, strip_data
from tests.fixtures.client import MemoryKeyring
from tests.fixtures.servers import TEST_PASSWORD, ServerProcess

OWN_NAMES = set(LANGUAGE_NAMES.values())  # «Меню → Язык» names each language in itself: «Русский», «English»
# Latin words a Russian interface may show: product and format names, keys, units
LATIN_ALLOWED = {
    "e-mail", "ks", "desk", "ctrl", "shift", "alt", "enter", "esc", "tab", "del", "delete", "f1", "f5", "ins",
    "pgup", "pgdown", "home", "end", "backspace", "sqlite", "postgresql", "qt", "pyside6", "python", "windows",
    "linux", "macos", "offscreen", "xcb", "wayland", "http", "https", "ok", "id", "json", "utc", "egrul", "pdf",
    "kpp", "inn", "ru", "en", "english",
}
SHORTCUT = re.compile(r"\b(?:(?:Ctrl|Shift|Alt|Meta)\+)+\w+|\bF\d{1,2}\b")
URL_OR_PATH = re.compile(r"(https?://\S+|\S+@\S+|[\w.-]*/[\w./-]+|\S+\.(?:sqlite|log|json|py)\b|\b\d+(?:\.\d+)+\S*)")
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9-]*[A-Za-z0-9]|[A-Za-z]")


@pytest.fixture
def walk_client(qtbot: QtBot, demo_server: ServerProcess, paths: Paths,
                memory_keyring: MemoryKeyring) -> Iterator[Controller]:
    """The real client, logged in as the supervisor (who sees every button and dialog), synced once."""
    controller = Controller(Options(server=demo_server.url), paths, LocalStore(paths.local_db),
                            UserSettings(paths.settings_file))
    qtbot.addWidget(controller.window)
    controller.start()
    assert controller.login_dialog is not None
    fill_login(qtbot, controller.login_dialog, demo_server.url, "boss", TEST_PASSWORD)
    qtbot.waitUntil(lambda: controller.sync.last_sync is not None, timeout=60_000)
    yield controller
    for form in list(controller.tickets.forms):
        form.close()
    controller.window.close()


@pytest.fixture
def english_ui(qapp: QApplication, tmp_path: Path) -> Iterator[None]:
    translators = install_translators(qapp, "en", tmp_path / "cache")
    yield
    for translator in translators:
        qapp.removeTranslator(translator)
    set_language("ru")


@pytest.fixture
def russian_ui(qapp: QApplication, tmp_path: Path) -> Iterator[None]:
    """Russian as the program starts it: Qt's own translator too (standard buttons)."""
    translators = install_translators(qapp, "ru", tmp_path / "cache")
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


def _walked(qtbot: QtBot, controller: Controller) -> dict[str, str]:
    """Each text the walk met (data taken out) → where it was first met."""
    walk = Walk(qtbot, controller)
    walk.run()
    assert len(walk.steps) >= 20 and len(walk.texts) > 300  # the walk went everywhere it should
    data = data_strings(controller)
    seen: dict[str, str] = {}
    for where, text in walk.texts:
        seen.setdefault(text, where)
    return {strip_data(text, data): where for text, where in seen.items()}


def test_p2_english_walk_finds_no_russian(qtbot: QtBot, english_ui: None, walk_client: Controller) -> None:
    texts = _walked(qtbot, walk_client)
    russian = sorted(f"{where}: {text!r}" for text, where in texts.items()
                     if CYRILLIC.search(text) and text not in OWN_NAMES)
    assert russian == [], "\n".join(russian)


def untranslated_english(text: str, where: str = "") -> list[str]:
    """The Latin words of a Russian text that are not names of things, keys or addresses (of a read-only
    block of "name: value" lines, only the names: the values are the machine's)."""
    if READ_ONLY in where:
        text = "\n".join(line.split(":", 1)[0] for line in text.splitlines())
    words = LATIN_WORD.findall(URL_OR_PATH.sub(" ", SHORTCUT.sub(" ", text)))
    return [w for w in words if w.lower() not in LATIN_ALLOWED]


def test_p2_russian_walk_finds_no_untranslated_english(qtbot: QtBot, russian_ui: None,
                                                        walk_client: Controller) -> None:
    texts = _walked(qtbot, walk_client)
    english = sorted(f"{where}: {untranslated_english(text, where)} in {text!r}" for text, where in texts.items()
                     if untranslated_english(text, where))
    assert english == [], "\n".join(english)


def test_p2_a_refused_change_is_explained_in_english(
    qtbot: QtBot, english_ui: None, demo_server: ServerProcess, paths: Paths, memory_keyring: MemoryKeyring,
) -> None:
    """The problem bar over the pages: the server refused a change (its reason came in Russian, with a code)."""
    store = LocalStore(paths.local_db)
    Replica(store).create(Kind.CONTACT, {"organization_id": str(new_id()), "full_name": "Петров Пётр"})
    store.close()
    controller = start_client(qtbot, demo_server, paths)
    bar = controller.window.problem_bar
    qtbot.waitUntil(bar.isVisible, timeout=15_000)
    data = data_strings(controller)
    texts = {strip_data(text, data) for _where, text in chrome_texts(controller.window)}
    assert sorted(t for t in texts if CYRILLIC.search(t) and t not in OWN_NAMES) == []
    # a reason naming a field is particular to the server: its code's own text stands in for it
    assert any(t.startswith("The server refused the change of record") and "Record not found." in t for t in texts)
    controller.window.close()
