"""N5 on a real server (SQLite and PostgreSQL): a ticket's history — its registration, changes of its
fields pushed through sync and files added to it, each written in the pushing transaction — for any
signed-in user, and the download of an attachment's content for the card's «Открыть»."""

from __future__ import annotations

import hashlib
import os
import uuid
from pathlib import Path

import httpx
import pytest

from ksdesk_desktop.core.api_client import ApiClient, ApiError
from sync.ids import new_id
from sync.protocol import API_PREFIX
from tests.fixtures.servers import TEST_PASSWORD, ServerProcess
from tests.server.test_attachments import attachment, entry, make_ticket, put
from tests.server.test_sync_protocol import client_for, push


def update(client: httpx.Client, ticket_id: str, version: int, **data: str) -> dict[str, object]:
    return push(client, {**entry("ticket", data, ticket_id), "base_version": version})[0]


def test_n5_history_lists_registration_and_update(live_server: ServerProcess) -> None:
    ticket_id = make_ticket(live_server)
    content = os.urandom(1000)
    with client_for(live_server, "op1") as op1:
        record = op1.get(f"/tickets/{ticket_id}/history").json()
        assert [e["action"] for e in record] == ["registered"]
        number = record[0]["changes"]["registration_number"]
        changed = update(op1, ticket_id, 1, subject="Не печатается отчёт 0503317", text="Прилагаю файлы.")
        assert changed["status"] == "applied", changed
        same = update(op1, ticket_id, 2, subject="Не печатается отчёт 0503317", text="Прилагаю файлы.")
        assert same["status"] == "applied"  # nothing changed: nothing to record
        refused = update(op1, ticket_id, 1, subject="Старая версия", text="…")
        assert refused["status"] == "conflict"  # refused changes leave no trace
        added = attachment(op1, ticket_id, "скан.pdf", len(content), hashlib.sha256(content).hexdigest())
        assert added["status"] == "applied"
    with client_for(live_server, "spec1") as other:  # any signed-in user reads it: not the supervisor's log
        response = other.get(f"/tickets/{ticket_id}/history")
    assert response.status_code == 200
    history = response.json()
    assert [(e["action"], e["user_name"], e["changes"]) for e in history] == [  # oldest first
        ("registered", "Тест op1", {"registration_number": number}),
        ("updated", "Тест op1", {"subject": ["Не печатается отчёт", "Не печатается отчёт 0503317"]}),
        ("attachment_added", "Тест op1", {"file_name": "скан.pdf"}),
    ]
    assert len({e["user_id"] for e in history}) == 1
    assert [e["at"] for e in history] == sorted(e["at"] for e in history)


def test_n5_history_refuses_unknown_tickets_and_bad_input_with_4xx(live_server: ServerProcess) -> None:
    with client_for(live_server, "op1") as client:
        unknown = client.get(f"/tickets/{new_id()}/history")
        malformed = client.get("/tickets/not-a-uuid/history")
        any_uuid = client.get(f"/tickets/{uuid.uuid4()}/history")
    anonymous = httpx.get(f"{live_server.url}{API_PREFIX}/tickets/{new_id()}/history")
    assert (unknown.status_code, unknown.json()["error"]["code"]) == (404, "not_found")
    assert (any_uuid.status_code, any_uuid.json()["error"]["code"]) == (404, "not_found")
    assert (malformed.status_code, malformed.json()["error"]["code"]) == (422, "validation_error")
    assert malformed.json()["error"]["field"] == "ticket_id"
    assert (anonymous.status_code, anonymous.json()["error"]["code"]) == (401, "auth_required")


def test_n5_attachment_content_download(live_server: ServerProcess, tmp_path: Path) -> None:
    ticket_id = make_ticket(live_server)
    content = os.urandom(700_000)
    with client_for(live_server, "op1") as client:
        made = attachment(client, ticket_id, "выгрузка.zip", len(content), hashlib.sha256(content).hexdigest())
        attachment_id = made["record"]["id"]
        assert put(client, attachment_id, 0, content, len(content)).json()["complete"] is True
    api = ApiClient(live_server.url)
    try:
        api.login("spec1", TEST_PASSWORD)  # another user's file: anyone may read it
        seen: list[tuple[int, int]] = []
        target = api.download_attachment(attachment_id, tmp_path / "скачано.zip",
                                         lambda received, total: seen.append((received, total)))
        assert target.read_bytes() == content
        assert seen[-1] == (len(content), len(content)) and len(seen) > 1  # progress as it arrives
        with pytest.raises(ApiError) as unknown:
            api.download_attachment(str(new_id()), tmp_path / "нет.bin")
        assert (unknown.value.status, unknown.value.code) == (404, "not_found")
        assert sorted(p.name for p in tmp_path.iterdir()) == ["скачано.zip"]  # nothing left of the failure
    finally:
        api.close()
    anonymous = httpx.get(f"{live_server.url}{API_PREFIX}/attachments/{attachment_id}/content")
    assert (anonymous.status_code, anonymous.json()["error"]["code"]) == (401, "auth_required")
    assert "скачано" not in anonymous.text
