"""One unit of work per save (``Replica.batch`` through ``SyncRunner.save``): a ticket with its new
organization, applicant, files and the draft's deletion is one SQLite transaction. A failure at its
last step, or a SIGKILL inside it, leaves none of it — never a contact without its ticket — and a
save with N files takes the write lock once."""

from __future__ import annotations

import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import event, func, select

from ksdesk_desktop.core.attachments import AttachmentRefused, LocalFiles
from ksdesk_desktop.ops import TaskManager
from ksdesk_desktop.store.db import LocalStore
from ksdesk_desktop.store.drafts import Drafts
from ksdesk_desktop.store.replica import Replica
from ksdesk_desktop.store.schema import drafts, local_files
from ksdesk_desktop.sync_runner import SyncRunner
from sync.ids import new_id
from sync.records import Kind
from sync.sqlite import IMMEDIATE
from tests.sync.save_worker import keep_files, new_ticket_draft, save

pytestmark = pytest.mark.timeout(60)
ROOT = Path(__file__).resolve().parents[2]
SAVED = (Kind.ORGANIZATION, Kind.CONTACT, Kind.TICKET, Kind.ATTACHMENT)


@pytest.fixture
def tasks(qtbot: QtBot) -> Iterator[TaskManager]:
    manager = TaskManager()
    yield manager
    manager.shutdown()


def contents(store: LocalStore) -> dict[str, int]:
    """How many records of each saved kind, outbox entries, file rows and drafts the cache holds."""
    replica = Replica(store)
    found = {kind.value: replica.count(kind) for kind in SAVED}
    with store.engine.connect() as conn:
        found["local_files"] = conn.execute(select(func.count()).select_from(local_files)).scalar_one()
        found["drafts"] = conn.execute(select(func.count()).select_from(drafts)).scalar_one()
    return {**found, "outbox": store.pending_count()}


NOTHING = {"organization": 0, "contact": 0, "ticket": 0, "attachment": 0, "local_files": 0, "outbox": 0}


def run_save(runner: SyncRunner, qtbot: QtBot, work: Any) -> tuple[Any, BaseException | None]:
    answers: list[tuple[Any, BaseException | None]] = []
    runner.save(work, on_done=lambda result: answers.append((result, None)),
                on_error=lambda exc: answers.append((None, exc)))
    qtbot.waitUntil(lambda: bool(answers), timeout=10_000)
    return answers[0]


def test_a_save_whose_last_file_vanished_leaves_nothing_and_tells_no_view(
    tasks: TaskManager, qtbot: QtBot, tmp_path: Path
) -> None:
    store = LocalStore(tmp_path / "cache.sqlite")
    replica, files = Replica(store), LocalFiles(store, tmp_path / "copies")
    kept = keep_files(files, tmp_path, 3)
    draft, ticket_id = new_ticket_draft(kept), str(new_id())
    Drafts(store).save(ticket_id, {"subject": draft.subject})
    runner = SyncRunner(replica, tasks)  # no server: saving only
    changed: list[set[Kind]] = []
    runner.records_changed.connect(changed.append)
    kept[-1].path.unlink()  # the last copy vanished after the form checked it

    _, failure = run_save(runner, qtbot, lambda batch: save(batch, store, files, ticket_id, draft))
    assert isinstance(failure, AttachmentRefused) and "файл-2.txt" in failure.message
    assert contents(store) == {**NOTHING, "drafts": 1}  # organization, contact, ticket, two files: none
    assert changed == [] and runner.pending == 0

    files.keep(tmp_path / "файл-2.txt")  # attached again: the same content, the same copy
    _, failure = run_save(runner, qtbot, lambda batch: save(batch, store, files, ticket_id, draft))
    assert failure is None
    assert contents(store) == {"organization": 1, "contact": 1, "ticket": 1, "attachment": 3, "local_files": 3,
                               "drafts": 0, "outbox": 6}
    assert changed == [set(SAVED)] and runner.pending == 6
    store.close()


def test_a_ticket_with_n_files_is_one_write_transaction(tasks: TaskManager, qtbot: QtBot, tmp_path: Path) -> None:
    store = LocalStore(tmp_path / "cache.sqlite")
    replica, files = Replica(store), LocalFiles(store, tmp_path / "copies")
    draft, ticket_id = new_ticket_draft(keep_files(files, tmp_path, 5)), str(new_id())
    Drafts(store).save(ticket_id, {"subject": draft.subject})
    runner = SyncRunner(replica, tasks)
    writes: list[int] = []

    @event.listens_for(store.engine, "begin")
    def count(conn: Any) -> None:
        if conn.get_execution_options().get(IMMEDIATE):
            writes.append(1)

    _, failure = run_save(runner, qtbot, lambda batch: save(batch, store, files, ticket_id, draft))
    assert failure is None and contents(store)["attachment"] == 5
    assert len(writes) == 1  # organization, contact, ticket, 5 files and their rows, the draft: one BEGIN
    store.close()


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_a_save_killed_inside_its_transaction_leaves_nothing(tmp_path: Path) -> None:
    command = [sys.executable, "-m", "tests.sync.save_worker", "--db", str(tmp_path / "cache.sqlite"),
               "--files", str(tmp_path)]
    held = subprocess.Popen([*command, "--hold"], cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            text=True)
    assert held.stdout is not None and held.stdout.readline().strip() == "inside"  # every write done
    held.send_signal(signal.SIGKILL)
    assert held.wait(30) == -signal.SIGKILL
    held.stdout.close()
    held.stdin.close()  # type: ignore[union-attr]
    store = LocalStore(tmp_path / "cache.sqlite")
    assert contents(store) == {**NOTHING, "drafts": 1}
    store.close()

    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=30, check=True)
    assert done.stdout.startswith("saved")  # the same save, not killed, writes all of it
    store = LocalStore(tmp_path / "cache.sqlite")
    assert contents(store) == {"organization": 1, "contact": 1, "ticket": 1, "attachment": 3, "local_files": 3,
                               "drafts": 1, "outbox": 6}  # the killed run's draft stays: a new draft id
    store.close()
