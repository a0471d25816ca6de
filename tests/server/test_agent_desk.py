"""The agent desk's server side, step 1 (issue 18): mail over a real SMTP conversation to the server
process becomes a queued task matched to its contact, once; a reply joins its ticket and brings it
back from «На запросе информации»; the queue's accept (one winner, one task at a time) and close; the
A5/A8 rules on the API. Real server processes on SQLite and PostgreSQL, real SMTP (smtplib)."""

from __future__ import annotations

import smtplib
import threading
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import make_msgid
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import text

from sync.roles import Role
from sync.server.db import make_engine, make_session_factory, session_scope
from sync.server.users import create_user
from tests.fixtures.databases import empty_database
from tests.fixtures.servers import BACKENDS, TEST_PASSWORD, ServerProcess, seed_users, start_server
from tests.fixtures.smtp import free_port, wait_until
from tests.server.test_attachments import entry
from tests.server.test_sync_protocol import client_for, org_mutation, pull_all, push
from tests.server.test_workflow import action

MAILBOX = "support@ksdesk.local"
ACTIVITY_TABLE = "activities"
AGENTS = ("ag1", "ag2", "ag3", "ag4")  # operators of their own, so that tests do not share a task in hand


@dataclass
class Desk:
    server: ServerProcess
    url: str  # the database's
    backend: str
    smtp_port: int
    clients: dict[str, httpx.Client]

    def send(self, message: EmailMessage) -> None:
        with smtplib.SMTP("127.0.0.1", self.smtp_port, timeout=20) as smtp:
            smtp.send_message(message, to_addrs=[MAILBOX])

    def queue(self, login: str = "op1") -> list[dict[str, Any]]:
        answer = self.clients[login].get("/agent/queue")
        assert answer.status_code == 200, answer.text
        return list(answer.json())

    def queued(self, subject: str) -> list[dict[str, Any]]:
        return [t for t in self.queue() if t["activity"]["subject"] == subject]

    def accept(self, login: str, task_id: str) -> httpx.Response:
        return self.clients[login].post(f"/agent/tasks/{task_id}/accept")

    def close_task(self, login: str, task_id: str) -> None:
        answer = self.clients[login].post(f"/agent/tasks/{task_id}/close")
        assert answer.status_code == 200, answer.text

    def customer(self, email: str, name: str = "Иван Петров") -> dict[str, str]:
        """An organization and its contact with ``email``, made through the API as the operator makes them."""
        organization = org_mutation(f"ООО «{uuid.uuid4().hex[:6]}»")
        contact = entry("contact", {"organization_id": organization["record_id"], "full_name": name,
                                    "email": email})
        results = push(self.clients["op1"], organization, contact)
        assert [r["status"] for r in results] == ["applied", "applied"], results
        return {"organization_id": organization["record_id"], "contact_id": contact["record_id"]}


def mail(sender: str, subject: str, body: str = "Не формируется отчёт 0503317.", **headers: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = MAILBOX
    message["Subject"] = subject
    message["Message-ID"] = headers.pop("message_id", make_msgid(domain="client.example"))
    for name, value in headers.items():
        message[name.replace("_", "-")] = value
    message.set_content(body)
    return message


def _add_agents(url: str) -> None:
    engine = make_engine(url, pool_size=1)
    with session_scope(make_session_factory(engine)) as session:
        for login in AGENTS:
            create_user(session, login, TEST_PASSWORD, Role.OPERATOR, full_name=f"Агент {login}")
    engine.dispose()


@pytest.fixture(scope="module", params=BACKENDS)
def desk(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Desk]:
    data_dir: Path = tmp_path_factory.mktemp(f"agent-{request.param}")
    with empty_database(request.param, data_dir) as url:
        seed_users(url)
        _add_agents(url)
        port = free_port()
        server = start_server(url, data_dir, "--smtp-in-port", str(port))
        clients = {login: client_for(server, login) for login in ("op1", "spec1", "boss", *AGENTS)}
        try:
            yield Desk(server, url, request.param, port, clients)
        finally:
            for client in clients.values():
                client.close()
            server.stop()


def history(desk: Desk, ticket_id: str) -> list[dict[str, Any]]:
    answer = desk.clients["boss"].get(f"/tickets/{ticket_id}/history")
    assert answer.status_code == 200, answer.text
    return list(answer.json())


def ticket_record(desk: Desk, ticket_id: str) -> dict[str, Any]:
    changes, _cursor, _pages = pull_all(desk.clients["op1"])
    return [c for c in changes if c["kind"] == "ticket" and c["id"] == ticket_id][-1]["data"]


# --- the e-mail channel ---------------------------------------------------------------------------------


def test_a11_a_mail_over_smtp_becomes_a_queued_task_matched_to_its_contact(desk: Desk) -> None:
    known = desk.customer("ivan.petrov@example.ru")
    desk.send(mail("Иван Петров <Ivan.Petrov@EXAMPLE.ru>", "Отчёт не формируется"))
    desk.send(mail("stranger@example.org", "Кто-то новый"))
    (task,) = desk.queued("Отчёт не формируется")
    assert task["state"] == "queued" and task["priority"] == "normal"
    assert task["activity"]["channel"] == "email" and task["activity"]["direction"] == "incoming"
    assert task["activity"]["sender"] == "ivan.petrov@example.ru"  # lower-cased, as contacts are
    assert task["activity"]["text"].strip() == "Не формируется отчёт 0503317."
    assert task["customer"]["contact_id"] == known["contact_id"]
    assert task["customer"]["organization_id"] == known["organization_id"]
    (unknown,) = desk.queued("Кто-то новый")
    assert unknown["customer"] is None
    changes, _cursor, _pages = pull_all(desk.clients["op1"])  # the activity reaches clients by sync
    assert task["activity"]["id"] in {c["id"] for c in changes if c["kind"] == "activity"}


def test_a1_the_queue_is_in_order_of_priority_then_arrival(desk: Desk) -> None:
    tag = uuid.uuid4().hex[:6]
    desk.send(mail("order@example.org", f"{tag} обычное, первое"))
    desk.send(mail("order@example.org", f"{tag} срочное", X_Priority="1 (Highest)"))
    desk.send(mail("order@example.org", f"{tag} обычное, второе"))
    desk.send(mail("order@example.org", f"{tag} важное", Importance="high"))
    mine = [t for t in desk.queue() if t["activity"]["subject"].startswith(tag)]
    assert [t["activity"]["subject"][len(tag) + 1:] for t in mine] == [
        "срочное", "важное", "обычное, первое", "обычное, второе"]
    assert [t["priority"] for t in mine] == ["high", "high", "normal", "normal"]


def test_a11_the_same_message_delivered_twice_is_one_task(desk: Desk) -> None:
    message = mail("twice@example.org", "Дважды")
    desk.send(message)
    desk.send(message)  # an MTA that did not see our 250 delivers again
    without_id = mail("noid@example.org", "Без Message-ID")
    del without_id["Message-ID"]
    desk.send(without_id)
    without_id["Received"] = "from relay.example by mx.example; Mon, 7 Dec 2026 10:00:00 +0000"
    desk.send(without_id)  # again, through one more hop: known by its content
    assert len(desk.queued("Дважды")) == 1
    assert len(desk.queued("Без Message-ID")) == 1


def test_a11_mail_for_another_address_is_refused_and_a_message_over_the_limit_too(desk: Desk) -> None:
    with smtplib.SMTP("127.0.0.1", desk.smtp_port, timeout=20) as smtp, pytest.raises(smtplib.SMTPRecipientsRefused):
        smtp.sendmail("a@example.org", ["someone@ksdesk.local"], b"Subject: x\r\n\r\nx\r\n")
    big = mail("big@example.org", "Большое письмо", "ж" * (26 * 1024 * 1024 // 2))  # over the 25 MiB default
    with pytest.raises((smtplib.SMTPSenderRefused, smtplib.SMTPDataError)) as caught:
        desk.send(big)
    assert caught.value.smtp_code == 552
    assert desk.queued("Большое письмо") == []


def test_a11_a_failed_database_write_is_answered_451_and_the_retry_is_one_task(desk: Desk) -> None:
    engine = make_engine(desk.url, pool_size=1)
    refuse, allow = _refusing_trigger(desk.backend)
    with engine.begin() as conn:
        for statement in refuse:
            conn.execute(text(statement))
    message = mail("retry@example.org", "Повтор после сбоя")
    try:
        with pytest.raises(smtplib.SMTPDataError) as caught:
            desk.send(message)
        assert caught.value.smtp_code == 451  # temporary: the MTA keeps the message and tries again
        assert desk.queued("Повтор после сбоя") == []
    finally:
        with engine.begin() as conn:
            for statement in allow:
                conn.execute(text(statement))
        engine.dispose()
    desk.send(message)
    desk.send(message)
    assert len(desk.queued("Повтор после сбоя")) == 1


def _refusing_trigger(backend: str) -> tuple[list[str], list[str]]:
    """SQL that makes every insert of an activity fail, and SQL that undoes it."""
    if backend == "sqlite":
        return ([f"CREATE TRIGGER refuse_activities BEFORE INSERT ON {ACTIVITY_TABLE} "
                 "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END"],
                ["DROP TRIGGER refuse_activities"])
    return (["CREATE FUNCTION refuse_activities() RETURNS trigger LANGUAGE plpgsql AS "
             "$$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$",
             f"CREATE TRIGGER refuse_activities BEFORE INSERT ON {ACTIVITY_TABLE} FOR EACH ROW "
             "EXECUTE FUNCTION refuse_activities()"],
            [f"DROP TRIGGER refuse_activities ON {ACTIVITY_TABLE}", "DROP FUNCTION refuse_activities()"])


# --- accepting: A2, A3 ----------------------------------------------------------------------------------


def test_a3_accepting_registers_a_ticket_for_a_known_customer_and_the_next_task_joins_it(desk: Desk) -> None:
    known = desk.customer("olga@example.ru", "Ольга Смирнова")
    first = mail("olga@example.ru", "Не открывается справочник")
    desk.send(first)
    (task,) = desk.queued("Не открывается справочник")
    accepted = desk.accept("ag1", task["id"])
    assert accepted.status_code == 200, accepted.text
    result = accepted.json()
    assert result["joined"] == "new" and result["registration_number"].startswith("ОБР-")  # T13
    assert result["task"]["state"] == "accepted" and result["task"]["activity"]["ticket_id"] == result["ticket_id"]
    ticket = ticket_record(desk, result["ticket_id"])
    assert ticket["contact_id"] == known["contact_id"] and ticket["status"] == "registered"
    assert ticket["subject"] == "Не открывается справочник" and ticket["channel"] == "email"
    assert ticket["assignee_id"] == result["task"]["accepted_by"]  # W1: the first-line agent's own
    actions = [e["action"] for e in history(desk, result["ticket_id"])]
    assert actions[:2] == ["registered", "activity_added"]
    again = desk.accept("ag1", task["id"])  # a lost answer asked again: the same answer
    assert again.status_code == 200 and again.json()["ticket_id"] == result["ticket_id"]
    assert again.json()["joined"] == "new"
    desk.close_task("ag1", task["id"])

    desk.send(mail("olga@example.ru", "И ещё про справочник"))
    (second,) = desk.queued("И ещё про справочник")
    joined = desk.accept("ag2", second["id"])
    assert joined.status_code == 200, joined.text
    assert joined.json()["joined"] == "existing" and joined.json()["ticket_id"] == result["ticket_id"]
    desk.close_task("ag2", second["id"])


def test_a3_a_mails_attachments_become_the_files_of_the_ticket_it_joins(desk: Desk) -> None:
    desk.customer("files@example.ru", "Анна Файлова")
    report = b"%PDF-1.4 " + bytes(range(256)) * 40
    message = mail("files@example.ru", "Отчёт во вложении")
    message.add_attachment(report, maintype="application", subtype="pdf", filename="../отчёт 0503317.pdf")
    desk.send(message)
    (task,) = desk.queued("Отчёт во вложении")
    assert [f["file_name"] for f in task["activity"]["files"]] == ["отчёт 0503317.pdf"]  # only a name (T12)
    accepted = desk.accept("ag2", task["id"]).json()
    desk.close_task("ag2", task["id"])
    changes, _cursor, _pages = pull_all(desk.clients["op1"])
    (file,) = [c for c in changes if c["kind"] == "attachment" and c["data"]["ticket_id"] == accepted["ticket_id"]]
    assert file["data"]["complete"] is True and file["data"]["size"] == len(report)
    assert file["data"]["content_type"] == "application/pdf"
    content = desk.clients["op1"].get(f"/attachments/{file['id']}/content")
    assert content.status_code == 200 and content.content == report
    assert "attachment_added" in [e["action"] for e in history(desk, accepted["ticket_id"])]


def test_a3_a_task_from_an_unknown_sender_is_accepted_without_a_ticket(desk: Desk) -> None:
    desk.send(mail("nobody-known@example.org", "Неизвестный отправитель"))
    (task,) = desk.queued("Неизвестный отправитель")
    accepted = desk.accept("ag3", task["id"])
    assert accepted.status_code == 200, accepted.text
    assert accepted.json()["joined"] == "none" and accepted.json()["ticket_id"] is None
    desk.close_task("ag3", task["id"])


def test_a2_an_agent_holds_one_task_at_a_time(desk: Desk) -> None:
    for subject in ("Первая задача", "Вторая задача"):
        desk.send(mail("busy@example.org", subject))
    (one,), (two,) = desk.queued("Первая задача"), desk.queued("Вторая задача")
    assert desk.accept("ag4", one["id"]).status_code == 200
    busy = desk.accept("ag4", two["id"])
    assert busy.status_code == 409 and busy.json()["error"]["code"] == "agent_busy"
    taken = desk.accept("ag3", one["id"])
    assert taken.status_code == 409 and taken.json()["error"]["code"] == "task_taken"
    not_held = desk.clients["ag3"].post(f"/agent/tasks/{one['id']}/close")
    assert not_held.status_code == 409 and not_held.json()["error"]["code"] == "task_not_held"
    desk.close_task("ag4", one["id"])
    closed = desk.accept("ag3", one["id"])
    assert closed.status_code == 409 and closed.json()["error"]["code"] == "task_closed"
    assert desk.accept("ag4", two["id"]).status_code == 200  # free again
    desk.close_task("ag4", two["id"])


def test_a2_concurrent_accepts_on_two_server_processes_have_exactly_one_winner(desk: Desk,
                                                                               tmp_path: Path) -> None:
    rounds = 8
    subjects = [f"Гонка {uuid.uuid4().hex[:6]}" for _ in range(rounds)]
    for subject in subjects:
        desk.send(mail("race@example.org", subject))
    tasks = [desk.queued(s)[0]["id"] for s in subjects]
    second = start_server(desk.url, tmp_path, env={"KSDESK_SECRET_KEY": _secret_of(desk)})
    clients = {**{a: desk.clients[a] for a in AGENTS[:2]},
               **{a: client_for(second, a) for a in AGENTS[2:]}}  # two agents on each process
    try:
        for task_id in tasks:
            answers = _race(clients, f"/agent/tasks/{task_id}/accept")
            statuses = sorted(a.status_code for a in answers.values())
            assert statuses == [200, 409, 409, 409], {k: v.text for k, v in answers.items()}
            assert {a.json()["error"]["code"] for a in answers.values() if a.status_code == 409} == {"task_taken"}
            (winner,) = [login for login, a in answers.items() if a.status_code == 200]
            assert clients[winner].post(f"/agent/tasks/{task_id}/close").status_code == 200
    finally:
        for login in AGENTS[2:]:
            clients[login].close()
        second.stop()


def test_a2_one_agent_accepting_two_tasks_at_once_on_two_processes_gets_one(desk: Desk, tmp_path: Path) -> None:
    """The partial unique index holds A2 when both accepts pass the check before either commits."""
    second = start_server(desk.url, tmp_path, env={"KSDESK_SECRET_KEY": _secret_of(desk)})
    clients = {"here": desk.clients["ag3"], "there": client_for(second, "ag3")}
    try:
        for _ in range(6):
            subjects = {key: f"Две сразу {uuid.uuid4().hex[:6]}" for key in clients}
            for subject in subjects.values():
                desk.send(mail("both@example.org", subject))
            paths = {key: f"/agent/tasks/{desk.queued(subject)[0]['id']}/accept" for key, subject in subjects.items()}
            answers = _race(clients, paths)
            statuses = sorted(a.status_code for a in answers.values())
            assert statuses == [200, 409], {k: a.text for k, a in answers.items()}
            (lost,) = [a for a in answers.values() if a.status_code == 409]
            assert lost.json()["error"]["code"] == "agent_busy"
            (won,) = [a for a in answers.values() if a.status_code == 200]
            desk.close_task("ag3", won.json()["task"]["id"])
    finally:
        clients["there"].close()
        second.stop()


def _race(clients: dict[str, httpx.Client], path: str | dict[str, str]) -> dict[str, httpx.Response]:
    """Every client posts to ``path`` (or to its own, by key) at once, released together by a barrier;
    their answers by key."""
    answers: dict[str, httpx.Response] = {}
    start = threading.Barrier(len(clients))

    def post(login: str) -> None:
        start.wait()
        answers[login] = clients[login].post(path if isinstance(path, str) else path[login])

    threads = [threading.Thread(target=post, args=(login,)) for login in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return answers


def _secret_of(desk: Desk) -> str:
    """The first server's signing key (kept in its data dir), so both processes take the same tokens."""
    data_dir = Path(desk.server.proc.args[desk.server.proc.args.index("--data-dir") + 1])  # type: ignore[union-attr]
    return (data_dir / "secret_key").read_text(encoding="ascii").strip()


# --- a reply joins its ticket ----------------------------------------------------------------------------


def test_a11_a_reply_joins_its_ticket_and_brings_it_back_from_awaiting_information(desk: Desk) -> None:
    desk.customer("pavel@example.ru", "Павел Орлов")
    first = mail("pavel@example.ru", "Ошибка при проведении")
    desk.send(first)
    (task,) = desk.queued("Ошибка при проведении")
    accepted = desk.accept("ag1", task["id"]).json()
    desk.close_task("ag1", task["id"])
    ticket_id, number = accepted["ticket_id"], accepted["registration_number"]
    asked = push(desk.clients["boss"], action(ticket_id, "request_info"))[0]
    assert asked["status"] == "applied", asked
    assert ticket_record(desk, ticket_id)["status"] == "awaiting_info"

    desk.send(mail("pavel@example.ru", "Re: Ошибка при проведении", "Вот скриншот и версия 5.2.",
                   In_Reply_To=first["Message-ID"], References=first["Message-ID"]))
    wait_until(lambda: ticket_record(desk, ticket_id)["status"] == "in_progress", "the ticket back in progress")
    assert desk.queued("Re: Ошибка при проведении") == []  # joined, not queued
    entries = history(desk, ticket_id)
    replied = [e for e in entries if e["action"] == "applicant_replied"]
    assert len(replied) == 1 and replied[0]["changes"]["status"] == ["awaiting_info", "in_progress"]
    added = [e["changes"]["subject"] for e in entries if e["action"] == "activity_added"]
    assert added == ["Ошибка при проведении", "Re: Ошибка при проведении"]

    desk.send(mail("someone.else@example.org", f"Вопрос по обращению {number}", "Без ссылок в заголовках."))
    wait_until(lambda: len([e for e in history(desk, ticket_id) if e["action"] == "activity_added"]) == 3,
               "the reply found by the number in its subject")
    assert desk.queued(f"Вопрос по обращению {number}") == []
    assert ticket_record(desk, ticket_id)["status"] == "in_progress"  # no second transition


# --- A5, A8 on the API -----------------------------------------------------------------------------------


def test_a5_a8_the_agents_edits_of_an_activity_obey_the_shared_rules(desk: Desk) -> None:
    desk.send(mail("tags@example.org", "Теги и заметка"))
    (task,) = desk.queued("Теги и заметка")
    activity_id = task["activity"]["id"]
    patch = f"/agent/activities/{activity_id}"
    stranger = desk.clients["ag2"].patch(patch, json={"note": "чужая"})
    assert stranger.status_code == 403 and stranger.json()["error"]["code"] == "forbidden"
    assert desk.accept("ag1", task["id"]).status_code == 200
    agent = desk.clients["ag1"]
    refused = {
        "text_too_long": {"note": "ж" * 2001},
        "tag_too_long": {"tags": ["т" * 51]},
        "tag_duplicate": {"tags": ["Счёт", "СЧЁТ"]},
        "tag_empty": {"tags": ["   "]},
        "validation_error": {"tags": "не список"},
    }
    for code, body in refused.items():
        answer = agent.patch(patch, json=body)
        assert answer.status_code == 422, answer.text
        assert answer.json()["error"]["code"] == code, answer.text
    broken = agent.patch(patch, content=b"{not json", headers={"Content-Type": "application/json"})
    assert broken.status_code == 400 and broken.json()["error"]["code"] == "invalid_json"
    saved = agent.patch(patch, json={"note": "ж" * 2000, "tags": ["  Счёт ", "т" * 50]})
    assert saved.status_code == 200, saved.text
    assert saved.json()["tags"] == ["Счёт", "т" * 50] and len(saved.json()["note"]) == 2000
    stale = agent.patch(patch, json={"note": "по старой версии", "version": saved.json()["version"] - 1})
    assert stale.status_code == 409 and stale.json()["error"]["code"] == "conflict"
    desk.close_task("ag1", task["id"])
