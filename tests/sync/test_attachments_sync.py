"""T12 on the client, against a real server: files attached to a ticket made offline are kept locally
and uploaded once the round that pushes the ticket has given the server their records; an upload cut
in the middle continues from the server's offset in the next round; a pull is never held back by an
upload in flight; refusals name the file."""

from __future__ import annotations

import hashlib
import os
import socket
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from ksdesk_desktop.core.api_client import ApiClient, ApiError
from ksdesk_desktop.core.attachments import AttachmentRefused, LocalFiles, attach, screen, ticket_files
from ksdesk_desktop.core.backoff import Backoff
from ksdesk_desktop.core.sync_engine import SyncEngine
from ksdesk_desktop.ops import TaskManager
from ksdesk_desktop.store.db import SCHEMA_MAJOR, LocalStore
from ksdesk_desktop.store.replica import Replica
from ksdesk_desktop.store.schema import CACHE, local_files
from ksdesk_desktop.sync_runner import SyncRunner
from sync.attachments import UploadState
from sync.records import Kind
from tests.fixtures.identities import inns
from tests.fixtures.proxy import DroppingProxy
from tests.fixtures.replicas import Node, NodeFactory
from tests.fixtures.servers import TEST_PASSWORD, ServerProcess
from tests.server.test_attachments import make_complex
from tests.sync.test_replica import org

MIB = 1024 * 1024
_INN = inns("79")


def offline_ticket(server: ServerProcess, node: Node) -> str:
    """An organization and a ticket made in the replica, not yet sent (a complex exists on the server)."""
    complex_id = make_complex(server)
    organization = node.replica.create(Kind.ORGANIZATION, {"inn": next(_INN), "kpp": "790101001",
                                                           "name": "ООО «Без связи»"})
    return node.replica.create(Kind.TICKET, {
        "organization_id": organization, "applicant_name": "Анна Смирнова", "email": "anna@example.ru",
        "phone": "+7 812 555-12-34", "complex_id": complex_id, "ticket_type": "consultation",
        "channel": "email", "priority": "high", "subject": "Ошибка в ведомости", "text": "Скриншоты во вложении.",
    })


def random_file(path: Path, size: int) -> bytes:
    content = os.urandom(size)
    path.write_bytes(content)
    return content


def dead_api() -> ApiClient:
    """A client of a server that is not there (a port nobody listens on)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return ApiClient(f"http://127.0.0.1:{port}", timeout=5)


def test_t12_files_of_an_offline_ticket_upload_on_sync(live_server: ServerProcess, make_node: NodeFactory,
                                                       tmp_path: Path) -> None:
    node = make_node()
    files = LocalFiles(node.store, tmp_path / "attachments")
    ticket_id = offline_ticket(live_server, node)
    content = random_file(tmp_path / "скриншот.png", 300_000)
    drafted = files.keep(tmp_path / "скриншот.png")  # dropped on the draft: copied at once
    (tmp_path / "скриншот.png").unlink()  # the original may go: the copy is ours
    with node.replica.batch() as batch:
        attachment_id = attach(batch, files, ticket_id, drafted)
        second = attach(batch, files, ticket_id, _small(tmp_path))

    with pytest.raises(ApiError) as offline:
        SyncEngine(node.replica, dead_api()).sync()
    assert offline.value.offline
    assert node.replica.pending_count() == 4  # organization, ticket, two attachments: all kept

    assert node.engine.upload().uploaded == 0  # the server has no record of them yet: nothing to send
    assert node.sync().rejected == 0  # the round that pushes the ticket and its files' records
    assert node.engine.upload().uploaded == 2
    assert node.replica.pending_count() == 0
    node.sync()  # the server marked them complete: the next pull brings that
    target = tmp_path / "downloaded.png"
    node.api.download_attachment(attachment_id, target)
    assert target.read_bytes() == content
    listed = {f.id: f for f in ticket_files(node.store, ticket_id)}
    assert listed[attachment_id].file_name == "скриншот.png" and listed[attachment_id].on_server
    assert listed[second].on_server and listed[attachment_id].local_path == drafted.path
    assert node.engine.upload().uploaded == 0  # nothing left to send


def _small(folder: Path) -> Path:
    path = folder / "заметки.txt"
    path.write_text("Повторяется каждый понедельник.", encoding="utf-8")
    return path


class CuttingProxy(DroppingProxy):
    """Forwards everything, but once armed cuts the connection after that many more request bytes."""

    budget: int | None = None

    def cut_after(self, count: int) -> None:
        with self._lock:
            self.budget = count

    def _pump(self, src: socket.socket, dst: socket.socket, request: bool) -> None:
        if not request:
            return super()._pump(src, dst, request)
        try:
            while chunk := src.recv(65536):
                with self._lock:
                    budget = self.budget
                    if budget is not None:
                        self.budget = budget - len(chunk) if budget >= len(chunk) else None
                if budget is not None and budget < len(chunk):
                    dst.sendall(chunk[:budget])
                    break
                dst.sendall(chunk)
        except OSError:
            pass
        finally:
            self._cut(src, dst)


class RecordingApi(ApiClient):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.parts: list[int] = []

    def upload_part(self, attachment_id: str | uuid.UUID, start: int, data: bytes, total: int) -> UploadState:
        self.parts.append(start)
        return super().upload_part(attachment_id, start, data, total)


def test_t12_an_upload_cut_in_the_middle_continues_in_the_next_round(
    live_server: ServerProcess, make_node: NodeFactory, tmp_path: Path
) -> None:
    node = make_node()
    port = int(live_server.url.rsplit(":", 1)[1])
    proxy = CuttingProxy(port)
    api = RecordingApi(proxy.url, timeout=30)
    api.login("op1", TEST_PASSWORD)
    engine = SyncEngine(node.replica, api)
    try:
        ticket_id = offline_ticket(live_server, node)
        content = random_file(tmp_path / "выгрузка.csv", 3 * MIB)
        with node.replica.batch() as batch:
            attachment_id = attach(batch, LocalFiles(node.store, tmp_path / "files"), ticket_id,
                                   tmp_path / "выгрузка.csv")
        engine.sync()  # the records go through
        assert node.replica.pending_count() == 0
        proxy.cut_after(MIB + MIB // 2)  # the first part, then half of the second
        with pytest.raises(ApiError) as cut:
            engine.upload()
        assert cut.value.offline and api.parts == [0, MIB]

        api.parts.clear()
        report = engine.upload()
    finally:
        api.close()
        proxy.close()
    assert report.uploaded == 1
    assert api.parts[0] >= MIB  # continued, not restarted
    assert all(start >= MIB for start in api.parts)
    target = tmp_path / "back.csv"
    node.api.download_attachment(attachment_id, target)
    assert hashlib.sha256(target.read_bytes()).hexdigest() == hashlib.sha256(content).hexdigest()


class HoldingProxy(DroppingProxy):
    """Forwards everything, but holds the first upload of content after its first chunk until
    ``release`` is set: an upload in flight for as long as the test needs (``held`` says it is)."""

    def __init__(self, target_port: int) -> None:
        super().__init__(target_port)
        self.held, self.release = threading.Event(), threading.Event()

    def _pump(self, src: socket.socket, dst: socket.socket, request: bool) -> None:
        if not request:
            return super()._pump(src, dst, request)
        try:
            while chunk := src.recv(65536):
                dst.sendall(chunk)
                if b"PUT /api/v1/attachments/" in chunk and not self.held.is_set():
                    self.held.set()
                    self.release.wait(30)
        except OSError:
            pass
        finally:
            self._cut(src, dst)


@contextmanager
def upload_held(qtbot: QtBot, server: ServerProcess, node: Node, tmp_path: Path, name: str,
                backoff: Backoff | None = None) -> Iterator[tuple[SyncRunner, HoldingProxy, str]]:
    """A runner of ``node`` whose first upload (of a ticket made offline with one file) is held in
    flight by a proxy: yields the runner, the proxy and the ticket's id once the upload is held."""
    proxy = HoldingProxy(int(server.url.rsplit(":", 1)[1]))
    api = ApiClient(proxy.url, timeout=30)
    api.login("op1", TEST_PASSWORD)
    tasks = TaskManager()
    runner = SyncRunner(node.replica, tasks, backoff=backoff)
    try:
        ticket_id = offline_ticket(server, node)
        random_file(tmp_path / name, 3 * MIB)
        with node.replica.batch() as batch:
            attach(batch, LocalFiles(node.store, tmp_path / "files"), ticket_id, tmp_path / name)
        runner.set_api(api, live=False)  # pushes the ticket and the file's record, then uploads
        qtbot.waitUntil(proxy.held.is_set, timeout=10_000)
        yield runner, proxy, ticket_id
    finally:
        proxy.release.set()
        runner.stop()
        tasks.shutdown()
        api.close()
        proxy.close()


def test_t12_a_pull_is_not_held_back_by_an_upload_in_flight(
    live_server: ServerProcess, make_node: NodeFactory, qtbot: QtBot, tmp_path: Path
) -> None:
    node, other = make_node(), make_node()
    with upload_held(qtbot, live_server, node, tmp_path, "архив.zip") as (runner, proxy, ticket_id):
        assert runner.uploading
        record_id = other.replica.create(Kind.ORGANIZATION, org("ООО «Свежие новости»"))  # another client
        other.sync()
        with qtbot.waitSignal(runner.synced, timeout=10_000, check_params_cb=lambda report: report.pulled > 0):
            runner.request_sync()
        assert node.replica.get(Kind.ORGANIZATION, record_id)["name"] == "ООО «Свежие новости»"  # type: ignore[index]
        assert runner.uploading and not ticket_files(node.store, ticket_id)[0].on_server  # still in flight

        proxy.release.set()  # the network lets the file through: it completes, and a pull says so
        qtbot.waitUntil(lambda: [f.on_server for f in ticket_files(node.store, ticket_id)] == [True],
                        timeout=30_000)


def test_t12_a_failed_upload_is_shown_until_one_succeeds(
    live_server: ServerProcess, make_node: NodeFactory, qtbot: QtBot, tmp_path: Path
) -> None:
    """An upload round cut by the network says so in the status (as a failed sync round does), and
    the next round, after its backoff, finishes the file and clears it."""
    node = make_node()
    backoff = Backoff(first=0.2, cap=0.5)
    with upload_held(qtbot, live_server, node, tmp_path, "отчёт.pdf", backoff) as (runner, proxy, ticket_id):
        with qtbot.waitSignal(runner.status_changed, timeout=10_000, check_params_cb=lambda: bool(runner.error)):
            proxy.cut_open_connections()
            proxy.release.set()
        assert runner.upload_error and runner.error == runner.upload_error and not runner.sync_error
        qtbot.waitUntil(lambda: [f.on_server for f in ticket_files(node.store, ticket_id)] == [True],
                        timeout=30_000)
        qtbot.waitUntil(lambda: runner.error == "", timeout=10_000)


def test_t12_refused_files_are_named_and_the_rest_kept(tmp_path: Path) -> None:
    store = LocalStore(tmp_path / "cache.sqlite")
    files = LocalFiles(store, tmp_path / "files")
    big = tmp_path / "видео.mp4"
    with big.open("wb") as out:
        out.truncate(60 * MIB)  # a sparse file: its size is what counts
    fine = tmp_path / "акт.docx"
    fine.write_bytes(b"PK")
    checked = screen([big, fine, tmp_path, tmp_path / "нет такого.txt"])
    assert checked.accepted == [fine]
    assert checked.refused == [
        "Файл «видео.mp4» (60,0 МБ) больше 50 МБ и не прикреплён.",
        f"«{tmp_path.name}» — это папка; прикрепить можно только файлы.",
        "Файл «нет такого.txt» не прикреплён: его больше нет на диске.",
    ]
    with pytest.raises(AttachmentRefused, match=r"видео\.mp4"):
        files.keep(big)
    first, again = files.keep(fine), files.keep(fine)
    assert first == again and first.path.read_bytes() == b"PK"  # one copy per content
    assert first.file_name == "акт.docx" and first.size == 2
    store.close()


def test_t12_cache_schema_2_2_adds_the_attachment_tables(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    store = LocalStore(path)
    with store.write() as conn:  # a cache of version 2.1, before attachments
        conn.exec_driver_sql(f"DROP TABLE {CACHE[Kind.ATTACHMENT].name}")
        conn.exec_driver_sql("DROP TABLE local_files")
        conn.exec_driver_sql(f"PRAGMA user_version = {SCHEMA_MAJOR * 1000 + 1}")
    store.close()
    store = LocalStore(path)
    replica = Replica(store)
    assert replica.count(Kind.ATTACHMENT) == 0
    with store.engine.connect() as conn:
        assert conn.execute(select(local_files)).all() == []
    assert store.schema_version > 2001
    store.close()
