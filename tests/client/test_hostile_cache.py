"""Issue 16, class 12: a damaged cache never loses the outbox. Each test damages the files of a real
client's data folder (as a disk, an antivirus or a power cut would) and starts the real client
process (``ksdesk``, with its embedded server on loopback); the client must reach its main window,
say in Russian what it rebuilt and saved, and send the unsent tickets to the server exactly once."""

from __future__ import annotations

import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from ksdesk_desktop.store import health
from ksdesk_desktop.store.db import SCHEMA_MAJOR, SCHEMA_MINOR, LocalStore
from ksdesk_desktop.store.drafts import Drafts
from ksdesk_desktop.store.files import FileRows
from ksdesk_desktop.store.recovery import check_later, open_store
from ksdesk_desktop.store.replica import Replica
from ksdesk_desktop.ui.recovery_notice import RecoveryNotice
from sync.records import Kind
from tests.fixtures.identities import inns

pytestmark = [
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="POSIX file damage and paths"),
    pytest.mark.timeout(300),  # each process test starts a real client and its embedded server (a loaded machine)
]
ROOT = Path(__file__).resolve().parents[2]
SUBJECTS = ("Не проводится платёжное поручение", "Ошибка при закрытии периода")

# Runs ksdesk's main(); once the window is up, the controller built, the outbox empty and a sync done,
# notes what the user sees and closes the window.
DRIVER = """
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel
from ksdesk_desktop.app import main

app = QApplication(sys.argv[:1])
seen, started = {}, []

def watch():
    if not started or started[0].controller is None or not started[0].controller.built:
        return
    controller = started[0].controller
    window = controller.window
    pending = window.status.pending_label.text()
    if not window.isVisible() or pending != "Исходящие: 0" or controller.store.last_sync_at() is None:
        return
    notice = window.findChild(QLabel, "recovery_text")
    seen.update(notice=notice.text() if notice is not None and notice.isVisibleTo(window) else None,
                pending=pending, sent=controller.store.pending_count() == 0)
    poll.stop()
    window.close()
    app.quit()

poll = QTimer(interval=50)
poll.timeout.connect(watch)
poll.start()
QTimer.singleShot(150_000, app.quit)
code = main(sys.argv[1:], watch=started.append)
print("RESULT " + json.dumps({"code": code, **seen}, ensure_ascii=False), flush=True)
"""


def run_client(root: Path) -> dict[str, object]:
    result = subprocess.run(
        [sys.executable, "-c", DRIVER, "--data-dir", str(root), "--demo-tickets", "40"],
        capture_output=True, text=True, timeout=200, check=False, cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring"},
    )
    lines = [line for line in result.stdout.splitlines() if line.startswith("RESULT ")]
    assert lines, result.stdout + result.stderr
    seen: dict[str, object] = json.loads(lines[-1].removeprefix("RESULT "))
    assert seen["code"] == 0, result.stdout + result.stderr
    assert "pending" in seen, "the client never reached its window with the outbox sent:\n" + result.stderr[-3000:]
    return seen


@pytest.fixture(scope="module")
def synced(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder after a first run: the embedded server's database and a synced cache."""
    root = tmp_path_factory.mktemp("hostile_cache") / "root"
    seen = run_client(root)
    assert seen["notice"] is None  # nothing was damaged
    return root


def with_unsent_tickets(synced: Path, tmp_path: Path) -> Path:
    """A copy of the synced folder whose outbox holds the tickets of :data:`SUBJECTS` (made offline,
    through the replica as the ticket form makes them)."""
    root = tmp_path / "root"
    shutil.copytree(synced, root)
    store = LocalStore(root / "data" / "cache.sqlite")
    try:
        replica = Replica(store)
        with store.engine.connect() as conn:
            row = conn.exec_driver_sql("SELECT id FROM tickets WHERE contact_id IS NOT NULL LIMIT 1").scalar_one()
        source = replica.get(Kind.TICKET, row)
        assert source is not None
        for subject in SUBJECTS:
            replica.create(Kind.TICKET, {
                "organization_id": source["organization_id"], "contact_id": source["contact_id"],
                "applicant_name": source["applicant_name"], "email": source["email"] or "a@example.ru",
                "phone": source["phone"] or "+74951234567", "complex_id": source["complex_id"],
                "ticket_type": "consultation", "channel": "phone", "priority": "normal", "subject": subject,
                "text": "Создано без связи.",
            })
        assert replica.pending_count() == len(SUBJECTS)
    finally:
        store.close()
    return root


def on_server(root: Path, subject: str) -> int:
    db = sqlite3.connect(root / "data" / "embedded-server" / "ksdesk.sqlite")
    try:
        return int(db.execute("SELECT count(*) FROM tickets WHERE subject = ?", (subject,)).fetchone()[0])
    finally:
        db.close()


def garbage(path: Path, offset: int, size: int) -> None:
    rng = random.Random(16)
    with path.open("r+b") as file:
        file.seek(offset)
        file.write(bytes(rng.randrange(256) for _ in range(size)))


def page_of(path: Path, table: str) -> tuple[int, int]:
    """The offset and size of the last leaf page of ``table`` (where its newest rows are)."""
    db = sqlite3.connect(path)
    try:
        page_size = int(db.execute("PRAGMA page_size").fetchone()[0])
        page = db.execute("SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY path DESC "
                          "LIMIT 1", (table,)).fetchone()
        if page is None:  # a table of one page: its root is its leaf
            page = db.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()
    finally:
        db.close()
    return (int(page[0]) - 1) * page_size, page_size


def half(path: Path) -> None:
    os.truncate(path, path.stat().st_size // 2)


def header(path: Path) -> None:
    garbage(path, 0, 100)


def tickets_page(path: Path) -> None:
    garbage(path, *page_of(path, "tickets"))


def middle(path: Path) -> None:
    size = path.stat().st_size
    assert size > 3 * 65536
    garbage(path, size // 2, 65536)


def empty(path: Path) -> None:
    os.truncate(path, 0)


DAMAGES: dict[str, Callable[[Path], None]] = {
    "truncated_to_half": half, "garbage_in_the_header": header, "garbage_on_the_unsent_tickets_page": tickets_page,
    "64_kib_of_garbage_in_the_middle": middle, "truncated_to_0_bytes": empty,
}


def assert_sent_once(root: Path) -> None:
    assert [on_server(root, subject) for subject in SUBJECTS] == [1] * len(SUBJECTS)


def damage_outbox_page(root: Path) -> None:
    kept = root / "data" / "outbox.sqlite"
    garbage(kept, *page_of(kept, "outbox"))


CASES: dict[str, Callable[[Path], None]] = {
    **{name: lambda root, damage=damage: damage(root / "data" / "cache.sqlite") for name, damage in DAMAGES.items()},
    "outbox_page": damage_outbox_page,
}


def damaged_run(synced: Path, tmp_path: Path, case: str) -> tuple[Path, dict[str, object]]:
    """A copy of the synced folder with unsent tickets, damaged as ``case`` says, and what its client
    showed."""
    root = with_unsent_tickets(synced, tmp_path)
    CASES[case](root)
    return root, run_client(root)


@pytest.mark.parametrize("damage", list(DAMAGES))
def test_hostile_s2_a_damaged_cache_is_rebuilt_and_the_outbox_is_sent_once(
    synced: Path, tmp_path: Path, damage: str
) -> None:
    root, seen = damaged_run(synced, tmp_path, damage)
    notice = str(seen["notice"])
    assert notice.startswith("Локальный кэш был повреждён и пересоздан"), notice
    assert "Неотправленные обращения сохранены: 2" in notice
    assert seen["pending"] == "Исходящие: 0" and seen["sent"]
    assert_sent_once(root)
    aside = list((root / "data").glob("cache.damaged-*.sqlite"))
    assert len(aside) == 1 and aside[0].name in notice  # kept for the support service, and named


def test_hostile_s2_a_damaged_outbox_file_is_salvaged_from_the_cache_copy(synced: Path, tmp_path: Path) -> None:
    root, seen = damaged_run(synced, tmp_path, "outbox_page")
    notice = str(seen["notice"])
    assert notice.startswith("Файл неотправленных изменений был повреждён"), notice
    assert "по копии в кэше — 2" in notice
    assert "Неотправленные обращения сохранены: 2" in notice
    assert seen["pending"] == "Исходящие: 0" and seen["sent"]
    assert_sent_once(root)
    assert len(list((root / "data").glob("outbox.damaged-*.sqlite"))) == 1


# --- the same rules in-process: the kept file, its migration, torn writes, salvage ---------------------

_INN = inns("16")


def offline_store(tmp_path: Path, count: int, name: str = "ООО «Ромашка»") -> list[str]:
    """A cache (``tmp_path/cache.sqlite``) with ``count`` organizations made here, not yet sent."""
    store = LocalStore(tmp_path / "cache.sqlite")
    try:
        replica = Replica(store)
        return [replica.create(Kind.ORGANIZATION, {"inn": next(_INN), "kpp": "780101001", "name": f"{name} {i}"})
                for i in range(count)]
    finally:
        store.close()


def kept_rows(path: Path, table: str) -> int:
    db = sqlite3.connect(path)
    try:
        return int(db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        db.close()


@pytest.mark.parametrize("crashed_between", [False, True])
def test_hostile_s2_an_old_cache_moves_its_outbox_drafts_and_files_to_the_kept_file(
    tmp_path: Path, crashed_between: bool
) -> None:
    ids = offline_store(tmp_path, 3)
    cache, kept = tmp_path / "cache.sqlite", tmp_path / "outbox.sqlite"
    store = LocalStore(cache)
    Drafts(store).save(ids[0], {"subject": "Черновик"})
    FileRows(store).add(ids[0], "attachments/a.txt", "0" * 64, 3)
    store.close()
    db = sqlite3.connect(cache)  # the layout of schema 2.5: everything in the cache
    db.execute("ATTACH DATABASE ? AS keep", (str(kept),))
    for table in ("outbox", "drafts", "local_files"):
        db.execute(f"CREATE TABLE main.{table} AS SELECT * FROM keep.{table}")
    db.execute("PRAGMA main.user_version = 2005")
    db.commit()
    db.close()
    if not crashed_between:  # else: the rows were copied, the old tables not yet dropped
        kept.unlink()
    store = LocalStore(cache)
    try:
        assert store.schema_version == SCHEMA_MAJOR * 1000 + SCHEMA_MINOR  # 2.6 moved them, on to the current
        assert Replica(store).pending_count() == 3
        assert [d.data for d in Drafts(store).open_drafts()] == [{"subject": "Черновик"}]
        with store.engine.connect() as conn:
            left = conn.exec_driver_sql("SELECT name FROM main.sqlite_master WHERE name IN "
                                        "('outbox', 'drafts', 'local_files')").all()
        assert left == []
    finally:
        store.close()
    assert [kept_rows(kept, t) for t in ("outbox", "drafts", "local_files")] == [3, 1, 1]


def test_hostile_s2_each_half_of_a_write_torn_between_the_two_files_is_matched_to_the_outbox(tmp_path: Path) -> None:
    first, second = offline_store(tmp_path, 2)
    db = sqlite3.connect(tmp_path / "outbox.sqlite")  # the outbox's half of the first never reached the disk
    db.execute("DELETE FROM outbox WHERE record_id = ?", (first,))
    db.commit()
    db.close()
    db = sqlite3.connect(tmp_path / "cache.sqlite")  # the cache's half of the second never did
    db.execute("DELETE FROM organizations WHERE id = ?", (second,))
    db.commit()
    db.close()
    store = LocalStore(tmp_path / "cache.sqlite")
    try:
        replica = Replica(store)
        assert replica.get(Kind.ORGANIZATION, first) is None  # not saved: shown as not saved
        shown = replica.get(Kind.ORGANIZATION, second)
        assert shown is not None and shown["name"] == "ООО «Ромашка» 1"  # saved: shown again
        assert replica.pending_count() == 1
    finally:
        store.close()


def test_hostile_s2_a_damaged_outbox_page_loses_only_what_the_cache_cannot_give_back(tmp_path: Path) -> None:
    ids = offline_store(tmp_path, 120, name="ООО «Длинное название организации для нескольких страниц»")
    kept = tmp_path / "outbox.sqlite"
    db = sqlite3.connect(kept)
    leaves = [p for (p,) in db.execute("SELECT pageno FROM dbstat WHERE name = 'outbox' AND pagetype = 'leaf' "
                                       "ORDER BY path")]
    db.close()
    assert len(leaves) > 3
    garbage(kept, (leaves[1] - 1) * 4096, 4096)
    store, recovery = open_store(tmp_path / "cache.sqlite")
    try:
        replica = Replica(store)
        assert recovery.kept_damage == "malformed" and recovery.incomplete
        assert 0 < recovery.salvaged < 120 and recovery.salvaged + recovery.requeued == 120
        assert replica.pending_count() == 120
        for record_id in ids:
            assert replica.get(Kind.ORGANIZATION, record_id) is not None
    finally:
        store.close()
    assert recovery.kept_aside is not None and recovery.kept_aside.exists()


def test_hostile_s2_a_lost_outbox_file_is_rebuilt_from_the_cache_copy(tmp_path: Path) -> None:
    offline_store(tmp_path, 3)
    (tmp_path / "outbox.sqlite").unlink()
    store, recovery = open_store(tmp_path / "cache.sqlite")
    store.close()
    assert (recovery.kept_damage, recovery.requeued, recovery.pending) == ("missing", 3, 3)


@pytest.mark.parametrize(("damage", "reason"), [
    (half, "truncated"), (header, "header"), (empty, "empty"), (tickets_page, "malformed"), (None, None),
])
def test_hostile_s2_the_start_names_the_damage(tmp_path: Path, damage: Callable[[Path], None] | None,
                                               reason: str | None) -> None:
    offline_store(tmp_path, 1)
    store = LocalStore(tmp_path / "cache.sqlite")  # some tickets, for a page of them to damage
    with store.write() as conn:
        conn.exec_driver_sql("INSERT INTO tickets (id, version, seq, local, data) VALUES ('t', 1, 1, 0, '{}')")
    store.close()
    cache = tmp_path / "cache.sqlite"
    if damage is not None:
        damage(cache)
    assert health.damage(cache) == reason
    store, recovery = open_store(cache)
    store.close()
    assert recovery.cache_damage == reason and recovery.pending == 1  # the outbox is elsewhere


def test_hostile_s2_a_large_cache_damaged_inside_is_found_after_the_start_and_rebuilt_at_the_next(
    qtbot: QtBot, tmp_path: Path
) -> None:
    offline_store(tmp_path, 1)
    cache = tmp_path / "cache.sqlite"
    store = LocalStore(cache)
    with store.write() as conn:
        conn.exec_driver_sql("INSERT INTO tickets (id, version, seq, local, data) VALUES ('t', 1, 1, 0, '{}')")
    store.close()
    tickets_page(cache)
    store, recovery = open_store(cache, check_at_start_bytes=0)  # as if it were larger than that
    assert (recovery.checked, recovery.cache_damage) == (False, None)
    found = check_later(cache)  # the controller runs it on the DB lane once started
    store.close()
    assert found == "malformed"
    notice = RecoveryNotice(replace(recovery, later_damage=found))
    qtbot.addWidget(notice)
    assert notice.label.text() == ("Локальный кэш повреждён (испорчены данные внутри файла): программа пересоздаст "
                                   "его при следующем запуске. Неотправленные изменения хранятся отдельно и не "
                                   "пострадают.")
    store, recovery = open_store(cache, check_at_start_bytes=0)
    store.close()
    assert (recovery.cache_damage, recovery.pending) == ("malformed", 1)
    assert not (tmp_path / "cache.sqlite.damaged").exists()
