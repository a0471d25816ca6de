"""T14: the applicant's e-mail «обращение зарегистрировано», delivered over SMTP (a real aiosmtpd server)
exactly once: through a real server and client push, across an SMTP outage, a replayed push, a sender
that dies, and several senders on one PostgreSQL database."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import Engine, select, update

from sync.ids import new_id
from sync.protocol import API_PREFIX
from sync.server.bootstrap import prepare_database
from sync.server.db import make_engine, make_session_factory, session_scope
from sync.server.mail_sender import MailSender
from sync.server.models import Customer, MailMessage, Organization, SoftwareComplex
from sync.server.settings import Settings
from tests.fixtures.databases import pg_database
from tests.fixtures.identities import inns
from tests.fixtures.servers import TEST_PASSWORD, ServerProcess, seed_users, start_server
from tests.fixtures.smtp import SmtpServer, wait_until

INN = inns("50")
FAST_RETRIES = {"mail_retry_first_s": 0.2, "mail_retry_cap_s": 0.4, "mail_max_attempts": 1000, "smtp_timeout_s": 5}
APPLICANT = "Иванов Иван Иванович"


# --- helpers -------------------------------------------------------------------------------------


def smtp_env(port: int, **settings: Any) -> dict[str, str]:
    values = {"smtp_host": "127.0.0.1", "smtp_port": port, **FAST_RETRIES, **settings}
    return {f"KSDESK_{name.upper()}": str(value) for name, value in values.items()}


def sender_settings(url: str, port: int, **settings: Any) -> Settings:
    return Settings(database_url=url, smtp_host="127.0.0.1", smtp_port=port, **{**FAST_RETRIES, **settings})


def seed_directory(url: str) -> tuple[str, str]:
    """Users, an organization with a customer and a software complex; returns the two ids."""
    seed_users(url)
    engine = make_engine(url, pool_size=1)
    with session_scope(make_session_factory(engine)) as session:
        org = Organization(inn=next(INN), kpp="500101001", name="ООО «Ромашка»")
        session.add(org)
        session.flush()
        customer = Customer(organization_id=org.id)
        session.add(customer)
        session.flush()
        org.customer_id = customer.id
        complex_ = SoftwareComplex(code="SMETA", name="Смета-Смарт")
        session.add(complex_)
        session.flush()
        ids = str(org.id), str(complex_.id)
    engine.dispose()
    return ids


def ticket_mutation(org_id: str, complex_id: str, *, email: str, subject: str) -> dict[str, Any]:
    data = {
        "organization_id": org_id, "complex_id": complex_id, "ticket_type": "consultation", "channel": "phone",
        "priority": "normal", "applicant_name": APPLICANT, "email": email, "phone": "+7 495 123-45-67",
        "subject": subject, "text": "При формировании отчёта программа сообщает об ошибке.",
    }
    return {"id": str(new_id()), "kind": "ticket", "record_id": str(new_id()), "data": data}


@contextmanager
def logged_in(server: ServerProcess) -> Iterator[httpx.Client]:
    login = httpx.post(f"{server.url}{API_PREFIX}/auth/login", json={"login": "op1", "password": TEST_PASSWORD})
    headers = {"Authorization": f"Bearer {login.json()['access_token']}"}
    with httpx.Client(base_url=server.url + API_PREFIX, timeout=20, headers=headers) as client:
        yield client


def push(client: httpx.Client, *mutations: dict[str, Any]) -> list[dict[str, Any]]:
    response = client.post("/sync/push", json={"mutations": list(mutations)})
    assert response.status_code == 200, response.text
    return response.json()["results"]


@contextmanager
def running_server(url: str, data_dir: Path, smtp_port: int, **settings: Any) -> Iterator[ServerProcess]:
    server = start_server(url, data_dir, env=smtp_env(smtp_port, **settings))
    try:
        yield server
    finally:
        server.stop()


def mail_rows(engine: Engine) -> list[MailMessage]:
    with make_session_factory(engine)() as session:
        return list(session.scalars(select(MailMessage).order_by(MailMessage.created_at)))


def all_sent(engine: Engine, count: int) -> list[MailMessage] | None:
    rows = mail_rows(engine)
    return rows if len(rows) == count and all(r.status == "sent" for r in rows) else None


def settled(engine: Engine, mail_id: uuid.UUID) -> MailMessage | None:
    """The message once it is no longer queued."""
    row = next(r for r in mail_rows(engine) if r.id == mail_id)
    return None if row.status == "queued" else row


def end_leases(engine: Engine) -> None:
    """As if the leases of all claimed messages had run out (no need to wait for them)."""
    with session_scope(make_session_factory(engine)) as session:
        session.execute(update(MailMessage).where(MailMessage.status == "queued")
                        .values(next_attempt_at=datetime.now(UTC) - timedelta(seconds=1)))


def queue_mail(engine: Engine, count: int) -> list[uuid.UUID]:
    with session_scope(make_session_factory(engine)) as session:
        rows = [MailMessage(recipient=f"user{i}@example.ru", subject=f"Письмо {i}", body=f"Текст {i}")
                for i in range(count)]
        session.add_all(rows)
    return [r.id for r in rows]


@pytest.fixture
def db(server_db_url: str) -> Iterator[tuple[str, Engine]]:
    """A migrated server database (SQLite and PostgreSQL) and an engine for looking at it."""
    engine = make_engine(server_db_url, pool_size=2)
    prepare_database(engine)
    try:
        yield server_db_url, engine
    finally:
        engine.dispose()


# --- through a real server -----------------------------------------------------------------------


def test_t14_a_pushed_ticket_sends_the_applicant_one_email(
    db: tuple[str, Engine], smtp_server: SmtpServer, tmp_path: Path,
) -> None:
    url, engine = db
    org_id, complex_id = seed_directory(url)
    mutation = ticket_mutation(org_id, complex_id, email="Ivanov@Example.RU", subject="Не формируется отчёт")
    with running_server(url, tmp_path / "data", smtp_server.port) as server, logged_in(server) as client:
        [result] = push(client, mutation)
        assert result["status"] == "applied", result
        number = result["record"]["data"]["registration_number"]
        [row] = wait_until(lambda: all_sent(engine, 1), "e-mail marked sent")
    [mail] = smtp_server.received  # the row is marked sent only after the SMTP server took it: all is in
    message = mail.message
    assert mail.rcpt_tos == ["ivanov@example.ru"] and mail.mail_from == "support@ksdesk.local"
    assert message["To"] == "ivanov@example.ru"
    assert message["From"] == "KS Desk <support@ksdesk.local>"
    assert message["Subject"] == f"Обращение № {number} зарегистрировано: Не формируется отчёт"
    assert message["Message-ID"] == f"<{row.id}@ksdesk.local>"
    assert message["Auto-Submitted"] == "auto-generated"
    body = message.get_content()
    assert body.startswith(f"Здравствуйте, {APPLICANT}!\n")
    assert f"Ваше обращение зарегистрировано под номером {number}." in body
    assert "Тема: Не формируется отчёт" in body
    assert str(row.ticket_id) == mutation["record_id"]
    assert (row.attempts, row.last_error) == (1, "") and row.sent_at is not None


def test_t14_smtp_down_at_first_then_the_email_is_delivered_once_after_retries(
    db: tuple[str, Engine], smtp_server_down: SmtpServer, tmp_path: Path,
) -> None:
    url, engine = db
    org_id, complex_id = seed_directory(url)
    mutation = ticket_mutation(org_id, complex_id, email="petrov@example.ru", subject="Нет связи с сервером")
    with running_server(url, tmp_path / "data", smtp_server_down.port) as server:
        with logged_in(server) as client:
            assert push(client, mutation)[0]["status"] == "applied"
        [failing] = wait_until(lambda: [r for r in mail_rows(engine) if r.attempts >= 2], "two failed attempts")
        assert failing.status == "queued" and failing.sent_at is None
        assert "ConnectionRefusedError" in failing.last_error
        assert failing.next_attempt_at > failing.created_at
        smtp_server_down.start()
        [row] = wait_until(lambda: all_sent(engine, 1), "e-mail marked sent after the SMTP server came up")
    [mail] = smtp_server_down.received
    assert mail.rcpt_tos == ["petrov@example.ru"]
    assert mail.message["Message-ID"] == f"<{row.id}@ksdesk.local>"
    # an attempt is counted when it is claimed: the snapshot above may have caught the second one in
    # flight, and that one may be the attempt that succeeded
    assert row.attempts >= failing.attempts >= 2
    assert "ConnectionRefusedError" in row.last_error  # the history of the outage stays readable


def test_t14_a_replayed_push_queues_no_second_email(
    db: tuple[str, Engine], smtp_server: SmtpServer, tmp_path: Path,
) -> None:
    url, engine = db
    org_id, complex_id = seed_directory(url)
    mutation = ticket_mutation(org_id, complex_id, email="sidorov@example.ru", subject="Повторная отправка")
    with running_server(url, tmp_path / "data", smtp_server.port) as server, logged_in(server) as client:
        first = push(client, mutation)[0]
        with ThreadPoolExecutor(4) as pool:  # the client did not get the answer and sends again, also at once
            replays = list(pool.map(lambda _: push(client, mutation)[0], range(6)))
        assert first["status"] == "applied" and all(r == first for r in replays)
        wait_until(lambda: all_sent(engine, 1), "the one e-mail marked sent")
    assert len(smtp_server.received) == 1
    assert first["record"]["data"]["registration_number"] in smtp_server.received[0].message["Subject"]


@pytest.mark.postgres
def test_t14_two_servers_on_one_postgresql_deliver_each_email_once(smtp_server: SmtpServer, tmp_path: Path) -> None:
    with pg_database() as url:
        org_id, complex_id = seed_directory(url)
        engine = make_engine(url, pool_size=1)
        with running_server(url, tmp_path / "a", smtp_server.port) as one, \
                running_server(url, tmp_path / "b", smtp_server.port) as two, \
                logged_in(one) as to_one, logged_in(two) as to_two:
            batches = [[ticket_mutation(org_id, complex_id, email=f"user{i}.{k}@example.ru", subject=f"Тема {i}.{k}")
                        for i in range(10)] for k in range(2)]
            with ThreadPoolExecutor(2) as pool:  # both processes register tickets and hear of each other's
                results = list(pool.map(lambda job: push(*job), [(to_one, *batches[0]), (to_two, *batches[1])]))
            assert {r["status"] for rs in results for r in rs} == {"applied"}
            rows = wait_until(lambda: all_sent(engine, 20), "20 e-mails marked sent")
        engine.dispose()
    ids = sorted(m.message["Message-ID"] for m in smtp_server.received)
    assert ids == sorted(f"<{r.id}@ksdesk.local>" for r in rows)  # each once, none lost
    assert all(r.attempts == 1 for r in rows)


# --- the sender in this process ------------------------------------------------------------------


@pytest.mark.postgres
def test_t14_two_senders_racing_on_postgresql_send_each_message_once(smtp_server: SmtpServer) -> None:
    smtp_server.delay_s = 0.02  # a slow SMTP server keeps both senders busy at once
    with pg_database() as url:
        engines = [make_engine(url, pool_size=2) for _ in range(2)]
        prepare_database(engines[0])
        ids = queue_mail(engines[0], 30)
        senders = [MailSender(sender_settings(url, smtp_server.port), make_session_factory(e)) for e in engines]
        sent_by: dict[int, list[uuid.UUID]] = {0: [], 1: []}
        for n, sender in enumerate(senders):
            original = sender._sent

            def record(mail: Any, n: int = n, original: Any = original) -> None:
                sent_by[n].append(mail.id)
                original(mail)

            sender._sent = record  # type: ignore[method-assign]
        with ThreadPoolExecutor(2) as pool:
            list(pool.map(lambda s: wait_until(lambda: s.run_once() and all_sent(engines[0], 30), "all sent"),
                          senders))
        rows = mail_rows(engines[0])
        for engine in engines:
            engine.dispose()
    assert sorted(m.message["Message-ID"] for m in smtp_server.received) == sorted(f"<{i}@ksdesk.local>" for i in ids)
    assert sent_by[0] and sent_by[1], "both senders took part"
    assert sorted(sent_by[0] + sent_by[1]) == sorted(ids)
    assert {(r.status, r.attempts) for r in rows} == {("sent", 1)}


def test_t14_a_sender_that_died_holding_a_message_leaves_it_to_another_after_the_lease(
    db: tuple[str, Engine], smtp_server: SmtpServer,
) -> None:
    url, engine = db
    [mail_id] = queue_mail(engine, 1)
    settings = sender_settings(url, smtp_server.port)
    dead, alive = (MailSender(settings, make_session_factory(engine)) for _ in range(2))
    claimed = dead.claim()  # ... and the process dies here
    assert claimed is not None and claimed.id == mail_id
    alive.run_once()
    assert smtp_server.received == []  # held by the lease: never sent by two at once
    end_leases(engine)
    alive.run_once()
    [row] = mail_rows(engine)
    assert len(smtp_server.received) == 1 and (row.status, row.attempts) == ("sent", 2)


def test_t14_a_resend_after_a_crash_between_smtp_and_commit_has_the_same_message_id(
    db: tuple[str, Engine], smtp_server: SmtpServer,
) -> None:
    url, engine = db
    [mail_id] = queue_mail(engine, 1)
    settings = sender_settings(url, smtp_server.port)
    crashing, survivor = (MailSender(settings, make_session_factory(engine)) for _ in range(2))

    def crash(_mail: Any) -> None:
        raise RuntimeError("the process died after the SMTP server accepted the message")

    crashing._sent = crash  # type: ignore[method-assign]
    with pytest.raises(RuntimeError):
        crashing.run_once()
    assert len(smtp_server.received) == 1
    survivor.run_once()
    assert smtp_server.received[1:] == []  # not before the lease ends
    end_leases(engine)
    survivor.run_once()
    assert all_sent(engine, 1)
    first, again = smtp_server.received
    assert first.message["Message-ID"] == again.message["Message-ID"] == f"<{mail_id}@ksdesk.local>"
    assert first.message.as_bytes() == again.message.as_bytes()  # the same e-mail, recognisable as a copy


def test_t14_permanent_refusals_and_exhausted_attempts_fail_the_message(
    db: tuple[str, Engine], smtp_server: SmtpServer,
) -> None:
    url, engine = db
    refused, good = queue_mail(engine, 2)
    smtp_server.refuse.add("user0@example.ru")
    sender = MailSender(sender_settings(url, smtp_server.port), make_session_factory(engine))
    sender.run_once()  # synchronous: both are done when it returns
    rows = {r.id: r for r in mail_rows(engine)}
    assert (rows[refused].status, rows[refused].attempts) == ("failed", 1)  # 550: retrying cannot help
    assert "550" in rows[refused].last_error
    assert rows[good].status == "sent"
    assert [m.rcpt_tos for m in smtp_server.received] == [["user1@example.ru"]]
    smtp_server.stop()  # now nothing answers: two attempts, then the message is given up
    [down] = queue_mail(engine, 1)
    sender = MailSender(sender_settings(url, smtp_server.port, mail_max_attempts=2), make_session_factory(engine))
    row = wait_until(lambda: sender.run_once() and settled(engine, down), "the message given up")
    assert (row.status, row.attempts, row.sent_at) == ("failed", 2, None)
    assert "ConnectionRefusedError" in row.last_error
