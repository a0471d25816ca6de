"""W2, W3 on a real server (SQLite and PostgreSQL): a ticket's actions pushed as outbox entries
(``op = "action"``), judged by the one status machine — every action × role, the allowed ones
applied, the rest refused with a code — the route of the seed, the history, replays, and the
applicant's e-mail reaching a real SMTP server exactly once."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sync.ids import new_id
from tests.fixtures.servers import BACKENDS, ServerProcess, seeded_server
from tests.fixtures.smtp import SmtpServer, wait_until
from tests.server.test_attachments import entry, make_complex
from tests.server.test_mail import smtp_env
from tests.server.test_sync_protocol import client_for, org_mutation, push

USERS = ("op1", "spec1", "boss")


def action(ticket_id: str, name: str, text: str | None = None, base: int | None = None) -> dict[str, Any]:
    data: dict[str, Any] = {"action": name} if text is None else {"action": name, "text": text}
    return {"id": str(new_id()), "kind": "ticket", "record_id": ticket_id, "op": "action", "base_version": base,
            "data": data}


class Desk:
    """Clients of op1 (1-я линия), spec1 (2-я линия) and boss (супервизор) on one server."""

    def __init__(self, server: ServerProcess) -> None:
        self.clients = {login: client_for(server, login) for login in USERS}
        complex_id = make_complex(server)
        organization = org_mutation("ООО «Маршрут»")
        assert push(self.clients["op1"], organization)[0]["status"] == "applied"
        self.form = {
            "organization_id": organization["record_id"], "applicant_name": "Иван Петров",
            "email": "ivan@example.ru", "phone": "+7 495 123-45-67", "complex_id": complex_id,
            "ticket_type": "consultation", "channel": "service_desk", "priority": "normal",
            "subject": "Не формируется отчёт", "text": "При формировании отчёта 0503317 программа падает.",
        }

    def ticket(self, *steps: tuple[str, str, str | None]) -> str:
        """A ticket registered by op1, taken through ``steps`` (login, action, text)."""
        made = push(self.clients["op1"], entry("ticket", self.form))[0]
        assert made["status"] == "applied", made
        ticket_id = str(made["record"]["id"])
        for login, name, text in steps:
            result = self.act(login, ticket_id, name, text)
            assert result["status"] == "applied", (login, name, result)
        return ticket_id

    def act(self, login: str, ticket_id: str, name: str, text: str | None = None) -> dict[str, Any]:
        return push(self.clients[login], action(ticket_id, name, text))[0]

    def close(self) -> None:
        for client in self.clients.values():
            client.close()


@pytest.fixture(scope="module")
def desk(live_server: ServerProcess) -> Iterator[Desk]:
    made = Desk(live_server)
    yield made
    made.close()


ESCALATED = (("op1", "escalate", "Нужна 2-я линия"),)
WORKING = (*ESCALATED, ("spec1", "take", None))
RESOLVED = (*WORKING, ("spec1", "resolve", "Обновите версию"))
CLOSED = (*RESOLVED, ("spec1", "close", None))
# action, the ticket's way to its state, text, and the answer for op1 / spec1 / boss
MATRIX: list[tuple[str, tuple[tuple[str, str, str | None], ...], str | None, dict[str, str]]] = [
    ("take", (), None, {"op1": "applied", "spec1": "wrong_line", "boss": "applied"}),
    ("escalate", (), "причина", {"op1": "applied", "spec1": "forbidden", "boss": "applied"}),
    ("request_info", (), None, {"op1": "forbidden", "spec1": "wrong_line", "boss": "applied"}),
    ("request_info", ESCALATED, None, {"op1": "forbidden", "spec1": "applied", "boss": "applied"}),
    ("take", ESCALATED, None, {"op1": "wrong_line", "spec1": "applied", "boss": "applied"}),
    ("reply", WORKING, "Уточните версию", {"op1": "not_assignee", "spec1": "applied", "boss": "applied"}),
    ("resolve", WORKING, "Решение", {"op1": "not_assignee", "spec1": "applied", "boss": "applied"}),
    ("close", RESOLVED, None, {"op1": "not_assignee", "spec1": "applied", "boss": "applied"}),
    ("reopen", CLOSED, None, {"op1": "not_assignee", "spec1": "applied", "boss": "applied"}),
    ("comment", ESCALATED, "Заметка", {"op1": "applied", "spec1": "applied", "boss": "applied"}),
    ("take", CLOSED, None, dict.fromkeys(USERS, "invalid_transition")),
    ("comment", CLOSED, "x", dict.fromkeys(USERS, "invalid_transition")),
    ("resolve", WORKING, "", {"op1": "not_assignee", "spec1": "validation_error", "boss": "validation_error"}),
]


@pytest.mark.parametrize(("name", "steps", "text", "answers"), MATRIX,
                         ids=[f"{m[0]}-after-{len(m[1])}" for m in MATRIX])
def test_w3_every_action_and_role_through_the_server(desk: Desk, name: str, steps: Any, text: str | None,
                                                     answers: dict[str, str]) -> None:
    refused_on = desk.ticket(*steps)
    for login, expected in answers.items():
        if expected == "applied":
            ticket_id = desk.ticket(*steps)  # each allowed one on a ticket of its own
            result = desk.act(login, ticket_id, name, text)
            assert result["status"] == "applied", (login, result)
        else:
            result = desk.act(login, refused_on, name, text)
            assert result["status"] == "rejected", (login, result)
            assert result["error"]["code"] == expected, (login, result)
            assert result["error"]["message"]


def test_w2_the_seed_route_escalate_then_request_info_without_a_comment(desk: Desk) -> None:
    ticket_id = desk.ticket()
    escalated = desk.act("op1", ticket_id, "escalate", "Требуется анализ 2-й линии")["record"]["data"]
    assert (escalated["route"], escalated["assignee_id"], escalated["status"]) == ("line_2", None, "registered")
    entry_ = action(ticket_id, "request_info")  # no comment
    first = push(desk.clients["spec1"], entry_)[0]
    replay = push(desk.clients["spec1"], entry_)[0]
    assert first == replay  # the stored answer: nothing applied twice
    record = first["record"]["data"]
    assert (record["status"], record["route"]) == ("awaiting_info", "line_2")
    history = desk.clients["boss"].get(f"/tickets/{ticket_id}/history").json()
    assert [(e["action"], e["user_name"]) for e in history] == [
        ("registered", "Тест op1"), ("escalate", "Тест op1"), ("request_info", "Тест spec1"), ("mail", "Тест spec1")]
    spec_id = history[2]["user_id"]
    assert record["assignee_id"] == spec_id
    assert history[1]["changes"] == {"route": ["line_1", "line_2"], "assignee_id": [history[0]["user_id"], None],
                                     "text": "Требуется анализ 2-й линии"}
    assert history[2]["changes"] == {"status": ["registered", "awaiting_info"], "assignee_id": [None, spec_id]}
    mail = history[3]["changes"]
    assert (mail["kind"], mail["recipient"], mail["delivery"]) == ("request_info", "ivan@example.ru", "queued")


def test_w3_a_stale_action_is_judged_on_the_ticket_as_it_is(desk: Desk) -> None:
    ticket_id = desk.ticket(*ESCALATED)
    mine = desk.act("spec1", ticket_id, "take")
    assert mine["status"] == "applied"
    late = push(desk.clients["boss"], action(ticket_id, "take", base=1))[0]  # made offline on the old version
    assert late["status"] == "rejected" and late["error"]["code"] == "invalid_transition"
    assert "«В работе»" in late["error"]["message"]


def test_w3_bad_actions_are_refused_with_a_code(desk: Desk) -> None:
    ticket_id = desk.ticket()
    bad = [
        {**action(ticket_id, "take"), "data": {"action": "fly"}},
        {**action(ticket_id, "take"), "data": {"action": "take", "status": "closed"}},
        {**action(ticket_id, "take"), "data": {"action": "take", "text": ["x"]}},
        action(ticket_id, "comment", "нулевой \x00 символ"),
        {**action(ticket_id, "take"), "kind": "organization"},
        action(str(new_id()), "take"),
    ]
    results = push(desk.clients["op1"], *bad)
    assert [r["error"]["code"] for r in results] == [
        "validation_error", "validation_error", "validation_error", "validation_error", "not_writable", "not_found"]
    status = push(desk.clients["op1"], {**entry("ticket", {"status": "closed"}, ticket_id), "base_version": 1})[0]
    assert status["error"]["code"] == "field_forbidden"  # a status is never written as a field


def test_w3_the_audit_log_has_no_api_to_change_it(desk: Desk) -> None:
    ticket_id = desk.ticket()
    for method in ("put", "patch", "delete", "post"):
        response = desk.clients["boss"].request(method, f"/tickets/{ticket_id}/history")
        assert response.status_code == 405, (method, response.text)
        assert response.json()["error"]["code"] == "method_not_allowed"


@pytest.mark.parametrize("backend", BACKENDS)
def test_w2_request_info_mail_reaches_smtp_once(backend: str, tmp_path: Path, smtp_server: SmtpServer) -> None:
    with seeded_server(backend, tmp_path, env=smtp_env(smtp_server.port)) as server:
        office = Desk(server)
        try:
            ticket_id = office.ticket(*ESCALATED)
            entry_ = action(ticket_id, "request_info")
            assert push(office.clients["spec1"], entry_)[0]["status"] == "applied"
            assert push(office.clients["spec1"], entry_)[0]["status"] == "applied"  # a replay: no second mail
            received = smtp_server.wait_for(2)  # the registration and the request
            spec = office.clients["spec1"]
            wait_until(lambda: spec.get(f"/tickets/{ticket_id}/history").json()[-1]["changes"].get("delivery")
                       == "sent", "the request's delivery in the history")
        finally:
            office.close()
    subjects = [r.message["Subject"] for r in received]
    assert len(subjects) == 2 and sum("запрос информации" in s for s in subjects) == 1, subjects
    request = next(r.message for r in received if "запрос информации" in r.message["Subject"])
    body = request.get_content()
    assert "дополнительная информация" in body and "> При формировании отчёта 0503317" in body
    assert request["To"] == "ivan@example.ru"


def test_w2_escalated_ticket_leaves_line_1_and_shows_on_line_2() -> None:
    from sync.tickets import availability

    op, spec = availability("op", "operator"), availability("spec", "specialist")
    ticket = {"status": "registered", "route": "line_1", "assignee_id": "op", "author_id": "op"}
    assert op.includes(ticket) and not spec.includes(ticket)
    escalated = {**ticket, "route": "line_2", "assignee_id": None}
    assert not op.includes(escalated) and spec.includes(escalated)
    assert spec.includes({**escalated, "assignee_id": "spec", "status": "awaiting_info"})
    assert not availability("spec2", "specialist").includes({**escalated, "assignee_id": "spec"})

