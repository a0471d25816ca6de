"""N5: a ticket opens in a card with its fields, files and history — with the real client against a
real server: the files with their state, «Открыть» on a file attached here or on another computer
(downloaded first), the server's history, and offline the cache's history with a note saying so. The
open card follows its ticket (a change synced from elsewhere, the operator's own change pushed), asking
the server only when the history is in view; in the English interface the history speaks English."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QLocale, QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from ksdesk_desktop.controller import Controller
from ksdesk_desktop.core.attachments import LocalFiles, attach, ticket_files
from ksdesk_desktop.core.paths import Paths
from ksdesk_desktop.i18n import install_translators, set_language
from ksdesk_desktop.ui.ticket_card import TicketCard
from ksdesk_desktop.ui.ticket_windows import TicketWindows
from sync.attachments import format_size
from sync.records import Kind
from tests.client.helpers import double_click
from tests.client.test_sync_ui import start_client
from tests.client.test_ticket_form import drop_files, fill_valid, open_form, pick
from tests.fixtures.client import MemoryKeyring
from tests.fixtures.proxy import DroppingProxy
from tests.fixtures.replicas import open_node
from tests.fixtures.servers import ServerProcess

pytestmark = pytest.mark.timeout(180)

OFFLINE_NOTE = "Нет связи с сервером: показана история из локального кэша."


class UrlCatcher(QObject):
    """Stands in for the system's file handler: records what the card asked the system to open."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


@pytest.fixture
def client(qtbot: QtBot, demo_server: ServerProcess, paths: Paths, memory_keyring: MemoryKeyring) -> Controller:
    """The client signed in to the demo server as op1, after its first sync."""
    controller = start_client(qtbot, demo_server, paths)
    qtbot.waitUntil(lambda: controller.sync.last_sync is not None, timeout=60_000)
    return controller


@pytest.fixture
def opened_urls(qtbot: QtBot) -> Iterator[list[QUrl]]:
    catcher = UrlCatcher()
    QDesktopServices.setUrlHandler("file", catcher, "open")
    try:
        yield catcher.urls
    finally:
        QDesktopServices.unsetUrlHandler("file")


@pytest.fixture
def english(qapp: QApplication, tmp_path: Path) -> Iterator[None]:
    """The interface in English, as ``ksdesk --lang en`` installs it; Russian again afterwards."""
    locale = QLocale()
    translators = install_translators(qapp, "en", tmp_path / "cache")
    try:
        yield
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
        QLocale.setDefault(locale)
        set_language("ru")


def save_ticket(qtbot: QtBot, controller: Controller, files: Sequence[Path] = ()) -> tuple[str, str]:
    """Fill the form, attach ``files`` by dropping them, save with Ctrl+S; wait for the number."""
    form = open_form(qtbot, controller)
    if files:
        with qtbot.waitSignal(form.files_changed, timeout=30_000):
            drop_files(form, list(files))
    fill_valid(qtbot, form, pick(controller, own=True))
    with qtbot.waitSignal(controller.tickets.registered, timeout=30_000) as registered:
        qtbot.keyClick(form.subject_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    ticket_id, number = registered.args
    return ticket_id, number


def open_card(qtbot: QtBot, tickets: TicketWindows, ticket_id: str) -> TicketCard:
    """The number in the notice is a link: following it opens the card."""
    with qtbot.waitSignal(tickets.card_opened, timeout=10_000) as opened:
        tickets.toast.label.linkActivated.emit(f"ticket:{ticket_id}")
    card: TicketCard = opened.args[0]
    return card


def show_tab(qtbot: QtBot, card: TicketCard, index: int) -> None:
    bar = card.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert card.tabs.currentIndex() == index


def rows(card: TicketCard) -> list[list[str]]:
    assert card.files is not None
    model = card.files.model
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def history(qtbot: QtBot, card: TicketCard, source: str) -> list[str]:
    panel = card.history
    assert panel is not None
    qtbot.waitUntil(lambda: panel.source == source, timeout=20_000)
    return panel.model.stringList()


def test_n5_card_shows_fields_attachments_history(
    qtbot: QtBot, client: Controller, tmp_path: Path, opened_urls: list[QUrl], qtmodeltester: ModelTester
) -> None:
    controller = client
    log = tmp_path / "журнал ошибок.txt"
    log.write_text("12:05 Ошибка формирования отчёта 0503317\n" * 40, encoding="utf-8")
    ticket_id, number = save_ticket(qtbot, controller, [log])
    store = controller.store
    qtbot.waitUntil(lambda: [f.on_server for f in ticket_files(store, ticket_id)] == [True], timeout=60_000)

    card = open_card(qtbot, controller.tickets, ticket_id)
    assert card.windowTitle() == f"Обращение {number}"
    assert card.values["Учётный номер"].text() == number
    assert card.values["Тема обращения"].text() == "Ошибка при формировании отчёта"
    tabs = card.tabs
    assert [tabs.tabText(i) for i in range(tabs.count())] == ["&Поля", "&Файлы (1)", "&История"]

    show_tab(qtbot, card, 1)
    files = card.files
    assert files is not None
    assert rows(card) == [["журнал ошибок.txt", format_size(log.stat().st_size), "Отправлен"]]
    qtmodeltester.check(files.model)
    files.view.setFocus()
    with qtbot.waitSignal(files.file_opened, timeout=10_000) as opened:
        qtbot.keyClick(files.view, Qt.Key.Key_Return)  # Enter opens the file, and leaves the card open
    path = Path(opened.args[0])
    assert path.name == "журнал ошибок.txt" and path.read_bytes() == log.read_bytes()
    assert [u.toLocalFile() for u in opened_urls] == [str(path)]
    assert card.isVisible() and files.message.text() == ""

    show_tab(qtbot, card, 2)
    lines = history(qtbot, card, "server")
    assert len(lines) == 2
    assert lines[0].endswith(" — Тест op1 — Добавлен файл «журнал ошибок.txt»")
    assert lines[1].endswith(f" — Тест op1 — Зарегистрировано, номер {number}")
    assert card.history is not None and card.history.note.text() == ""

    qtbot.keyClick(card, Qt.Key.Key_Escape)  # Esc closes the card
    qtbot.waitUntil(lambda: controller.tickets.card is None, timeout=5000)


def test_n5_card_downloads_a_file_attached_elsewhere_and_offline_shows_the_cache(
    qtbot: QtBot, demo_server: ServerProcess, paths: Paths, memory_keyring: MemoryKeyring, tmp_path: Path,
    opened_urls: list[QUrl],
) -> None:
    proxy = DroppingProxy(int(demo_server.url.rsplit(":", 1)[1]))
    try:
        controller = start_client(qtbot, SimpleNamespace(url=proxy.url), paths)  # type: ignore[arg-type]
        qtbot.waitUntil(lambda: controller.sync.last_sync is not None, timeout=60_000)
        ticket_id, number = save_ticket(qtbot, controller)

        scan, note = tmp_path / "скан договора.pdf", tmp_path / "лог.txt"
        scan.write_bytes(b"%PDF-1.4\n" + os.urandom(600_000))
        note.write_text("Ошибка повторяется.", encoding="utf-8")
        other = open_node(demo_server.url, tmp_path / "other.sqlite")  # the same operator on another computer
        try:
            other.sync()
            elsewhere = LocalFiles(other.store, tmp_path / "other-files")
            with other.replica.batch() as batch:
                for source in (scan, note):
                    attach(batch, elsewhere, ticket_id, source)
            other.sync()
            assert other.engine.upload().uploaded == 2
        finally:
            other.close()
        store = controller.store
        controller.sync.request_sync()
        qtbot.waitUntil(lambda: [f.on_server for f in ticket_files(store, ticket_id)] == [True, True], timeout=30_000)

        card = open_card(qtbot, controller.tickets, ticket_id)
        assert card.tabs.tabText(1) == "&Файлы (2)"
        show_tab(qtbot, card, 1)
        assert rows(card) == [["скан договора.pdf", format_size(scan.stat().st_size), "Отправлен"],
                              ["лог.txt", f"{note.stat().st_size} байт", "Отправлен"]]
        files = card.files
        assert files is not None
        with qtbot.waitSignal(files.file_opened, timeout=20_000) as opened:  # only the server has it
            double_click(qtbot, files.view, files.model.index(0, 0))
        downloaded = Path(opened.args[0])
        assert downloaded.name == "скан договора.pdf" and downloaded.read_bytes() == scan.read_bytes()
        assert downloaded.is_relative_to(paths.data / "attachments")
        assert not files.progress.isVisible() and files.message.text() == ""
        assert any(line.endswith("Добавлен файл «лог.txt»") for line in history(qtbot, card, "server"))
        qtbot.keyClick(card, Qt.Key.Key_Escape)

        proxy.faults.drop_request = 1.0  # the network goes
        proxy.cut_open_connections()
        controller.check_health()
        qtbot.waitUntil(lambda: not controller.connection.online, timeout=10_000)
        card = open_card(qtbot, controller.tickets, ticket_id)
        show_tab(qtbot, card, 2)
        lines = history(qtbot, card, "cache")
        assert card.history is not None and card.history.note.text() == OFFLINE_NOTE
        assert lines[0].endswith(" — Тест op1 — Добавлен файл «лог.txt»")
        assert lines[1].endswith(" — Тест op1 — Добавлен файл «скан договора.pdf»")
        assert lines[2].endswith(f" — Тест op1 — Зарегистрировано, номер {number}")
        card.grab().save("/tmp/card_offline.png")

        show_tab(qtbot, card, 1)
        files = card.files
        assert files is not None
        with qtbot.waitSignal(files.file_opened, timeout=10_000):  # downloaded before: opens offline
            double_click(qtbot, files.view, files.model.index(0, 0))
        double_click(qtbot, files.view, files.model.index(1, 0))  # never here: it waits for the network
        qtbot.waitUntil(lambda: files.message.text() != "", timeout=10_000)
        assert files.message.text() == ("Файл «лог.txt» ещё не загружен на этот компьютер. "
                                        "Он откроется, когда появится связь с сервером.")
        assert len(opened_urls) == 2 and card.isVisible()
    finally:
        proxy.close()


def change_elsewhere(server_url: str, tmp_path: Path, ticket_id: str, subject: str, file: Path | None = None) -> None:
    """spec1, on another computer, changes the ticket's subject (and attaches ``file``) and syncs."""
    other = open_node(server_url, tmp_path / "spec1.sqlite", "spec1")
    try:
        other.sync()
        other.replica.change(Kind.TICKET, ticket_id, {"subject": subject})
        if file is not None:
            attach(other.replica, LocalFiles(other.store, tmp_path / "spec1-files"), ticket_id, file)
        report = other.sync()
        assert report.rejected == report.conflicts == 0
    finally:
        other.close()


def first_line(card: TicketCard) -> str:
    assert card.history is not None
    lines = card.history.model.stringList()
    return lines[0] if lines else ""


def test_n5_card_history_follows_a_change_while_open(
    qtbot: QtBot, demo_server: ServerProcess, paths: Paths, memory_keyring: MemoryKeyring, tmp_path: Path,
) -> None:
    proxy = DroppingProxy(int(demo_server.url.rsplit(":", 1)[1]))
    try:
        controller = start_client(qtbot, SimpleNamespace(url=proxy.url), paths)  # type: ignore[arg-type]
        qtbot.waitUntil(lambda: controller.sync.last_sync is not None, timeout=60_000)
        ticket_id, number = save_ticket(qtbot, controller)
        card = open_card(qtbot, controller.tickets, ticket_id)
        show_tab(qtbot, card, 2)
        assert [line.split(" — ", 1)[1] for line in history(qtbot, card, "server")] == [
            f"Тест op1 — Зарегистрировано, номер {number}"]
        panel = card.history
        assert panel is not None

        change_elsewhere(demo_server.url, tmp_path, ticket_id, "Отчёт 0503317: ошибка при выгрузке")
        controller.sync.request_sync()  # what the server's live hint does
        qtbot.waitUntil(lambda: first_line(card).endswith(" — Тест spec1 — Изменено: Тема обращения"), timeout=30_000)
        assert card.values["Тема обращения"].text() == "Отчёт 0503317: ошибка при выгрузке"
        assert len(panel.model.stringList()) == 2 and panel.source == "server"

        text = "Отчёт 0503317 не формируется с 1 марта, после обновления."
        controller.sync.change(Kind.TICKET, ticket_id, {"text": text})  # the operator's own change, pushed
        qtbot.waitUntil(lambda: card.text.toPlainText() == text, timeout=10_000)
        qtbot.waitUntil(lambda: first_line(card).endswith(" — Тест op1 — Изменено: Текст обращения"), timeout=30_000)
        assert controller.sync.pending == 0 and len(panel.model.stringList()) == 3

        proxy.faults.drop_request = 1.0  # the network goes: a change made now shows the cache's history
        proxy.cut_open_connections()
        controller.check_health()
        qtbot.waitUntil(lambda: not controller.connection.online, timeout=10_000)
        controller.sync.change(Kind.TICKET, ticket_id, {"subject": "Отчёт 0503317 не выгружается"})
        qtbot.waitUntil(lambda: card.values["Тема обращения"].text() == "Отчёт 0503317 не выгружается", timeout=10_000)
        qtbot.waitUntil(lambda: panel.source == "cache", timeout=10_000)
        assert panel.note.text() == OFFLINE_NOTE
        assert [line.split(" — ", 1)[1] for line in panel.model.stringList()] == [
            f"Тест op1 — Зарегистрировано, номер {number}"]
    finally:
        proxy.close()


def test_n5_card_history_out_of_view_is_asked_for_when_shown(
    qtbot: QtBot, client: Controller, demo_server: ServerProcess, tmp_path: Path,
) -> None:
    controller = client
    ticket_id, number = save_ticket(qtbot, controller)
    card = open_card(qtbot, controller.tickets, ticket_id)  # on «Поля»: the history is out of view
    panel = card.history
    assert panel is not None and card.tabs.currentIndex() == 0
    assert len(history(qtbot, card, "server")) == 1 and panel.requests == 1

    scan = tmp_path / "скан.pdf"
    scan.write_bytes(b"%PDF-1.4\n" + b"0" * 1000)
    change_elsewhere(demo_server.url, tmp_path, ticket_id, "Не формируется отчёт 0503317", scan)
    controller.sync.request_sync()
    qtbot.waitUntil(lambda: card.tabs.tabText(1) == "&Файлы (1)", timeout=30_000)  # fields and files follow
    qtbot.waitUntil(lambda: card.values["Тема обращения"].text() == "Не формируется отчёт 0503317", timeout=10_000)
    assert panel.stale and panel.requests == 1  # marked, not asked
    assert len(panel.model.stringList()) == 1

    show_tab(qtbot, card, 2)  # shown: asked once for the whole burst
    qtbot.waitUntil(lambda: len(panel.model.stringList()) == 3, timeout=20_000)
    assert [line.split(" — ", 1)[1] for line in panel.model.stringList()] == [
        "Тест spec1 — Добавлен файл «скан.pdf»",
        "Тест spec1 — Изменено: Тема обращения",
        f"Тест op1 — Зарегистрировано, номер {number}",
    ]
    assert panel.requests == 2 and not panel.stale


def test_n5_card_history_in_english(
    qtbot: QtBot, english: None, client: Controller, demo_server: ServerProcess, tmp_path: Path,
) -> None:
    controller = client
    log = tmp_path / "журнал.txt"
    log.write_text("12:05 Ошибка формирования отчёта 0503317\n", encoding="utf-8")
    ticket_id, number = save_ticket(qtbot, controller, [log])
    store = controller.store
    qtbot.waitUntil(lambda: [f.on_server for f in ticket_files(store, ticket_id)] == [True], timeout=60_000)
    card = open_card(qtbot, controller.tickets, ticket_id)
    assert [card.tabs.tabText(i) for i in range(card.tabs.count())] == ["&Fields", "F&iles (1)", "&History"]
    show_tab(qtbot, card, 2)
    assert [line.split(" — ", 1)[1] for line in history(qtbot, card, "server")] == [
        "Тест op1 — File “журнал.txt” added",
        f"Тест op1 — Registered, number {number}",
    ]

    change_elsewhere(demo_server.url, tmp_path, ticket_id, "Report 0503317 fails")
    controller.sync.request_sync()
    qtbot.waitUntil(lambda: first_line(card).endswith(" — Тест spec1 — Changed: Subject"), timeout=30_000)
