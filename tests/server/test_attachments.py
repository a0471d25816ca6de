"""T12 on a real server (SQLite and PostgreSQL): attachment records through push, the 50 MB limit at
its exact boundary with real files, content stored by SHA-256 (once per content, never under the
client's name), a wrong digest refused, and an upload cut in the middle continued from the server's
offset."""

from __future__ import annotations

import hashlib
import os
import socket
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from ksdesk_desktop.core.attachments import LocalFiles, screen
from ksdesk_desktop.store.db import LocalStore
from sync.attachments import content_range, too_large
from sync.ids import new_id
from sync.reference import MAX_ATTACHMENT_BYTES
from tests.fixtures.servers import ServerProcess
from tests.server.test_sync_protocol import client_for, org_mutation, push

MIB = 1024 * 1024
HEX = set("0123456789abcdef")


def files_dir(server: ServerProcess) -> Path:
    args = list(server.proc.args)  # type: ignore[arg-type]
    return Path(args[args.index("--data-dir") + 1]) / "files"


def wait_until(condition: Callable[[], bool], timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "condition not met in time"
        time.sleep(0.02)


def write_file(path: Path, size: int) -> str:
    """A real file of ``size`` random bytes; returns its SHA-256."""
    digest = hashlib.sha256()
    block = os.urandom(MIB)
    with path.open("wb") as out:
        left = size
        while left:
            part = block[: min(left, MIB)]
            out.write(part)
            digest.update(part)
            left -= len(part)
            block = block[1:] + block[:1]  # no two megabytes alike
    return digest.hexdigest()


def entry(kind: str, data: dict[str, Any], record_id: str | None = None) -> dict[str, Any]:
    return {"id": str(new_id()), "kind": kind, "record_id": record_id or str(new_id()), "data": data}


def make_complex(server: ServerProcess) -> str:
    """A software complex (made by the supervisor: reference data)."""
    with client_for(server, "boss") as boss:
        made = push(boss, entry("software_complex", {"code": f"T12-{uuid.uuid4().hex[:8]}", "name": "Учёт"}))[0]
    return str(made["record"]["id"])


def make_ticket(server: ServerProcess, user: str = "op1") -> str:
    """A registered ticket made through push: an organization and the form, in one request."""
    complex_id = make_complex(server)
    organization = org_mutation("ООО «Вложения»")
    with client_for(server, user) as client:
        results = push(client, organization, entry("ticket", {
            "organization_id": organization["record_id"], "applicant_name": "Иван Петров",
            "email": "ivan@example.ru", "phone": "+7 495 123-45-67", "complex_id": complex_id,
            "ticket_type": "consultation", "channel": "phone", "priority": "normal",
            "subject": "Не печатается отчёт", "text": "Прилагаю файлы.",
        }))
    assert results[1]["status"] == "applied", results
    return str(results[1]["record"]["id"])


@pytest.fixture(scope="module")
def ticket(live_server: ServerProcess) -> str:
    return make_ticket(live_server)


def attachment(client: httpx.Client, ticket_id: str, name: str, size: int, sha256: str) -> dict[str, Any]:
    data = {"ticket_id": ticket_id, "file_name": name, "size": size, "sha256": sha256}
    return push(client, entry("attachment", data))[0]


def put(client: httpx.Client, attachment_id: str, start: int, data: bytes, total: int) -> httpx.Response:
    headers = {"Content-Range": content_range(start, len(data), total)}
    return client.put(f"/attachments/{attachment_id}/content", content=data, headers=headers)


def upload(client: httpx.Client, attachment_id: str, path: Path, part: int = 8 * MIB) -> dict[str, Any]:
    """The client's loop: ask the offset, send from there, until complete."""
    size = path.stat().st_size
    state = client.get(f"/attachments/{attachment_id}/upload").json()
    with path.open("rb") as file:
        while not state["complete"]:
            file.seek(state["uploaded_bytes"])
            response = put(client, attachment_id, state["uploaded_bytes"], file.read(part), size)
            assert response.status_code == 200, response.text
            state = response.json()
    return state


def stored_files(server: ServerProcess) -> list[Path]:
    return [p for p in files_dir(server).rglob("*") if p.is_file() and p.parent.name != "partial"]


def blob(server: ServerProcess, sha256: str) -> Path:
    return files_dir(server) / sha256[:2] / sha256[2:4] / sha256


def sha_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_t12_exactly_50_mib_is_accepted_and_stored_by_its_digest(
    live_server: ServerProcess, ticket: str, tmp_path: Path
) -> None:
    path = tmp_path / "ровно 50 МБ.bin"
    digest = write_file(path, MAX_ATTACHMENT_BYTES)
    assert path.stat().st_size == 52_428_800
    assert screen([path]).accepted == [path] and too_large(path.name, MAX_ATTACHMENT_BYTES) is None
    with client_for(live_server) as client:
        made = attachment(client, ticket, path.name, MAX_ATTACHMENT_BYTES, digest)
        assert made["status"] == "applied", made
        record = made["record"]
        assert record["data"]["complete"] is False and record["data"]["uploaded_bytes"] == 0
        state = upload(client, record["id"], path)
        assert state == {"uploaded_bytes": MAX_ATTACHMENT_BYTES, "size": MAX_ATTACHMENT_BYTES, "complete": True}
        changes = client.get("/sync/changes", params={"after": record["seq"]}).json()["changes"]
        with client.stream("GET", f"/attachments/{record['id']}/content") as response:
            assert response.status_code == 200
            downloaded = hashlib.sha256()
            for chunk in response.iter_bytes():
                downloaded.update(chunk)
            disposition = response.headers["content-disposition"]
    [seen] = [c for c in changes if c["id"] == record["id"]]  # complete is a synced change: others learn it
    assert seen["data"]["complete"] is True and seen["version"] == 2
    assert sha_of(blob(live_server, digest)) == digest
    assert downloaded.hexdigest() == digest
    assert disposition.startswith("attachment;") and "filename*=utf-8''" in disposition


def test_t12_50_mib_and_one_byte_is_refused_with_its_size(
    live_server: ServerProcess, ticket: str, tmp_path: Path
) -> None:
    path = tmp_path / "отчёт.pdf"
    digest = write_file(path, MAX_ATTACHMENT_BYTES + 1)
    fits = tmp_path / "маленький.txt"
    fits.write_bytes(b"fits")
    message = "Файл «отчёт.pdf» (50,1 МБ) больше 50 МБ и не прикреплён."
    checked = screen([path, fits])
    assert checked.accepted == [fits] and checked.refused == [message]  # the rest are kept
    with pytest.raises(Exception, match="50,1 МБ"):
        LocalFiles(LocalStore(tmp_path / "cache.sqlite"), tmp_path / "files").keep(path)
    with client_for(live_server) as client:
        refused = attachment(client, ticket, path.name, MAX_ATTACHMENT_BYTES + 1, digest)
    assert refused["status"] == "rejected"
    assert refused["error"] == {"code": "file_too_large", "message": message, "field": "size"}


@pytest.mark.parametrize("name,shown", [
    ("../../etc/passwd", "passwd"),
    ("C:\\x\\..\\y", "y"),
    ("..", "файл"),
    ("/tmp/../../root/.ssh/authorized_keys", "authorized_keys"),
    ("con.txt", "_con.txt"),
    ("evil\r\nSet-Cookie: x=1.txt", "evilSet-Cookie_ x=1.txt"),
])
def test_t12_a_file_name_never_becomes_a_path(live_server: ServerProcess, ticket: str, tmp_path: Path,
                                              name: str, shown: str) -> None:
    content = f"{name} {uuid.uuid4()}".encode()
    digest = hashlib.sha256(content).hexdigest()
    with client_for(live_server) as client:
        made = attachment(client, ticket, name, len(content), digest)
        assert made["status"] == "applied", made
        assert made["record"]["data"]["file_name"] == shown
        sent = put(client, made["record"]["id"], 0, content, len(content))
        assert sent.status_code == 200 and sent.json()["complete"] is True, sent.text
        response = client.get(f"/attachments/{made['record']['id']}/content")
    assert response.content == content
    assert "\n" not in response.headers["content-disposition"] and "set-cookie" not in response.headers
    for path in stored_files(live_server):  # only <aa>/<bb>/<sha256> outside partial/
        assert set(path.name) <= HEX and len(path.name) == 64
        assert path.parent.parent.parent == files_dir(live_server)


def test_t12_a_wrong_digest_is_refused_and_the_upload_starts_over(live_server: ServerProcess, ticket: str) -> None:
    content = os.urandom(3000)
    with client_for(live_server) as client:
        made = attachment(client, ticket, "подмена.bin", len(content), hashlib.sha256(b"other").hexdigest())
        attachment_id = made["record"]["id"]
        response = put(client, attachment_id, 0, content, len(content))
        state = client.get(f"/attachments/{attachment_id}/upload").json()
        download = client.get(f"/attachments/{attachment_id}/content")
    assert response.status_code == 422 and response.json()["error"]["code"] == "upload_hash_mismatch"
    assert state == {"uploaded_bytes": 0, "size": len(content), "complete": False}
    assert download.status_code == 409 and download.json()["error"]["code"] == "attachment_incomplete"
    assert not blob(live_server, hashlib.sha256(content).hexdigest()).exists()


def send_part_and_cut(server: ServerProcess, token: str, attachment_id: str, part: bytes, declared: int,
                      total: int) -> None:
    """A PUT that declares ``declared`` bytes from 0, sends only ``part`` and drops the connection."""
    host, port = server.url.removeprefix("http://").split(":")
    head = (f"PUT /api/v1/attachments/{attachment_id}/content HTTP/1.1\r\nHost: {host}\r\n"
            f"Authorization: Bearer {token}\r\nContent-Range: {content_range(0, declared, total)}\r\n"
            f"Content-Length: {declared}\r\nContent-Type: application/octet-stream\r\n\r\n")
    with socket.create_connection((host, int(port))) as sock:
        sock.sendall(head.encode() + part)
        sock.shutdown(socket.SHUT_RDWR)


def test_t12_an_upload_cut_in_the_middle_continues_from_the_servers_offset(
    live_server: ServerProcess, ticket: str, tmp_path: Path
) -> None:
    path = tmp_path / "журнал.log"
    size = 4 * MIB
    digest = write_file(path, size)
    content = path.read_bytes()
    with client_for(live_server) as client:
        attachment_id = attachment(client, ticket, path.name, size, digest)["record"]["id"]
        token = client.headers["Authorization"].removeprefix("Bearer ")
        send_part_and_cut(live_server, token, attachment_id, content[: 3 * MIB // 2], declared=2 * MIB, total=size)

        def offset() -> int:
            return int(client.get(f"/attachments/{attachment_id}/upload").json()["uploaded_bytes"])

        wait_until(lambda: offset() > 0)  # what arrived before the cut is kept
        wrong = put(client, attachment_id, 0, content[:MIB], size)  # starting over is refused…
        assert wrong.status_code == 409 and wrong.json()["error"]["code"] == "upload_offset_mismatch"
        resumed_from = int(wrong.headers["Upload-Offset"])
        assert MIB <= resumed_from <= 3 * MIB // 2
        sent = 0
        state = client.get(f"/attachments/{attachment_id}/upload").json()
        while not state["complete"]:  # …the client continues from the server's offset
            start = state["uploaded_bytes"]
            response = put(client, attachment_id, start, content[start:start + MIB], size)
            sent += min(MIB, size - start)
            state = response.json() if response.status_code == 200 else client.get(
                f"/attachments/{attachment_id}/upload").json()
    assert sent <= size - resumed_from
    assert sha_of(blob(live_server, digest)) == digest


def test_t12_identical_content_is_stored_once(live_server: ServerProcess, ticket: str) -> None:
    content = os.urandom(200_000)
    digest = hashlib.sha256(content).hexdigest()
    with client_for(live_server) as client:
        first = attachment(client, ticket, "скан.pdf", len(content), digest)["record"]["id"]
        second = attachment(client, ticket, "скан (копия).pdf", len(content), digest)["record"]["id"]
        assert put(client, first, 0, content, len(content)).json()["complete"] is True
        again = put(client, second, 0, content[:1000], len(content))  # the server has this content already
        names = [client.get(f"/attachments/{i}/content").headers["content-disposition"] for i in (first, second)]
    assert again.status_code == 200 and again.json()["complete"] is True
    assert [p for p in stored_files(live_server) if p.name == digest] == [blob(live_server, digest)]
    assert "%D1%81%D0%BA%D0%B0%D0%BD.pdf" in names[0] and "%D0%BA%D0%BE%D0%BF%D0%B8%D1%8F" in names[1]


@pytest.fixture
def fresh(live_server: ServerProcess, ticket: str) -> Iterator[tuple[httpx.Client, str, bytes]]:
    content = os.urandom(5000)
    with client_for(live_server) as client:
        made = attachment(client, ticket, "x.bin", len(content), hashlib.sha256(content).hexdigest())
        yield client, made["record"]["id"], content


@pytest.mark.parametrize("headers,body,status,code", [
    ({"Content-Range": "bytes 0-9"}, b"0123456789", 416, "upload_range_invalid"),
    ({"Content-Range": "bytes 5-1/5000"}, b"", 416, "upload_range_invalid"),
    ({"Content-Range": "bytes 0-9/10"}, b"0123456789", 416, "upload_range_invalid"),  # not the record's size
    ({"Content-Range": "bytes 0-9/5000"}, b"0123456789ABCDEF", 416, "upload_range_invalid"),  # body ≠ range
    ({"Content-Range": "bytes 0-99999/5000"}, b"", 416, "upload_range_invalid"),
    ({}, b"0123456789", 416, "upload_range_invalid"),
])
def test_t12_hostile_uploads_get_4xx_with_stable_codes(
    fresh: tuple[httpx.Client, str, bytes], headers: dict[str, str], body: bytes, status: int, code: str
) -> None:
    client, attachment_id, _ = fresh
    response = client.put(f"/attachments/{attachment_id}/content", content=body, headers=headers)
    assert response.status_code == status, response.text
    assert response.json()["error"]["code"] == code
    assert client.get(f"/attachments/{attachment_id}/upload").json()["uploaded_bytes"] == 0


def test_t12_a_body_longer_than_its_range_is_refused(fresh: tuple[httpx.Client, str, bytes]) -> None:
    client, attachment_id, content = fresh

    def chunked() -> Iterator[bytes]:  # no Content-Length: the server counts
        yield content[:3000]
        yield content[3000:]

    headers = {"Content-Range": content_range(0, 1000, len(content))}
    response = client.put(f"/attachments/{attachment_id}/content", content=chunked(), headers=headers)
    assert response.status_code == 413 and response.json()["error"]["code"] == "payload_too_large"
    assert client.get(f"/attachments/{attachment_id}/upload").json()["uploaded_bytes"] == 0


def test_t12_only_the_author_uploads_and_only_who_may_change_the_ticket_attaches(
    live_server: ServerProcess, fresh: tuple[httpx.Client, str, bytes]
) -> None:
    _, attachment_id, content = fresh
    theirs = make_ticket(live_server, "spec1")  # a second-line ticket: not the operator's
    with client_for(live_server, "spec1") as other, client_for(live_server, "op1") as operator:
        refused = put(other, attachment_id, 0, content, len(content))
        missing = operator.get(f"/attachments/{uuid.uuid4()}/upload")
        garbage = operator.put("/attachments/../../etc/content", content=b"x", headers={"Content-Range": "bytes 0-0/1"})
        not_an_id = operator.put("/attachments/not-an-id/content", content=b"x",
                                 headers={"Content-Range": "bytes 0-0/1"})
        foreign = attachment(operator, theirs, "x.txt", 1, hashlib.sha256(b"x").hexdigest())
    assert refused.status_code == 403 and refused.json()["error"]["code"] == "forbidden"
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"
    assert garbage.status_code == 404 and not_an_id.status_code == 404
    assert foreign["status"] == "rejected" and foreign["error"]["code"] == "forbidden"
