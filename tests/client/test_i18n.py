"""P2: Russian by default, English available; every UI string has its English translation."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import PySide6
import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ksdesk_desktop.core.resources import resource
from ksdesk_desktop.core.texts import error_message
from ksdesk_desktop.i18n import format_phone, install_translators, labels, set_language
from ksdesk_desktop.session import Connection
from ksdesk_desktop.ui.main_window import MainWindow
from sync.errors import message_ru
from sync.identifiers import InvalidIdentifier, validate_kpp
from sync.reference import ListKind
from sync.tickets import missing_message

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def english(qapp: QApplication, tmp_path: Path):
    translators = install_translators(qapp, "en", tmp_path / "cache")
    yield translators
    for translator in translators:
        qapp.removeTranslator(translator)
    set_language("ru")


def test_p2_english_interface(qtbot: QtBot, english: list) -> None:
    assert len(english) == 2  # Qt's own and ours
    window = MainWindow(Connection(), lambda: "")
    qtbot.addWidget(window)
    assert [a.text() for a in window.page_actions.values()] == ["Navigator", "Current tasks", "Desktop"]
    assert window.quick_access.windowTitle() == "Quick access panel"
    assert window.menuBar().actions()[0].text() == "&Menu"
    assert "Offline" in window.status.connection_label.text()
    assert labels(ListKind.TICKET_STATUS)["registered"] == "Registered"  # list labels follow, from one place


def test_p2_russian_is_the_default(qtbot: QtBot) -> None:
    window = MainWindow(Connection(), lambda: "")
    qtbot.addWidget(window)
    assert [a.text() for a in window.page_actions.values()] == ["Навигатор", "Текущие задачи", "Рабочий стол"]
    assert labels(ListKind.TICKET_STATUS)["registered"] == "Зарегистрировано"


def test_p2_every_ui_string_is_translated(tmp_path: Path) -> None:
    """lupdate over the sources finds no string that lacks an English translation."""
    lupdate = Path(PySide6.__file__).parent / "lupdate"
    if not lupdate.exists():
        pytest.skip("Qt's lupdate is not shipped with this PySide6 build")
    ts = tmp_path / "check.ts"
    shutil.copy(resource("translations", "ksdesk_en.ts"), ts)
    sources = [str(p.relative_to(ROOT)) for p in (ROOT / "ksdesk_desktop").rglob("*.py")]
    sources += [str(p.relative_to(ROOT)) for p in (ROOT / "forms").glob("*.ui")]
    sources += [str(p.relative_to(ROOT)) for p in (ROOT / "sync").glob("*.py")]  # the shared rules' marked texts
    subprocess.run(
        [str(lupdate), *sources, "-ts", str(ts), "-no-obsolete", "-silent"], cwd=ROOT, check=True, capture_output=True
    )
    untranslated = [
        m.findtext("source")
        for m in ET.parse(ts).iter("message")
        if m.find("translation") is None or m.find("translation").get("type") == "unfinished"
    ]
    assert untranslated == []


def test_p2_shared_rules_and_server_errors_speak_the_interface_language(english: list) -> None:
    """Translated by code on the client; the server's Russian stays the default (sync.texts)."""
    assert error_message("invalid_credentials", message_ru("invalid_credentials")) == "Wrong login or password."
    assert error_message("validation_error", "Введите ИНН.") == "Enter the INN."  # a marked rule's message
    # a particular message naming a field: the code's own text, in English
    assert error_message("not_found", "Связанная запись «organization_id» не найдена.") == "Record not found."
    assert error_message("no_such_code", "Что-то новое.") == "Что-то новое."  # nothing better to show
    with pytest.raises(InvalidIdentifier) as refused:
        validate_kpp("12345")
    assert refused.value.message == "A KPP has 9 characters; 5 were entered."
    assert missing_message(["subject", "phone"]) == "Fill in the required fields: Subject, Phone."
    assert format_phone("+74852752529", "12") == "+7 4852 75-25-29 ext. 12"


def test_p2_shared_rules_stay_russian_without_a_translator() -> None:
    assert error_message("not_found", "Связанная запись «organization_id» не найдена.") == (
        "Связанная запись «organization_id» не найдена.")
    with pytest.raises(InvalidIdentifier) as refused:
        validate_kpp("12345")
    assert refused.value.message == "КПП должен содержать 9 символов, а введено 5."
    assert format_phone("+74852752529", "12") == "+7 4852 75-25-29 доб. 12"
