"""T14: the sender that delivers queued e-mail over SMTP — each message once, none lost.

Every server process runs one when ``KSDESK_SMTP_HOST`` is set; any number of them may share one
PostgreSQL database. A round works in three steps, and no transaction is open while SMTP is talked:

1. **Claim** the next due message in a short transaction — ``FOR UPDATE SKIP LOCKED`` on PostgreSQL,
   so two processes never take the same row; the write lock on SQLite — counting the attempt and
   moving ``next_attempt_at`` a lease ahead. A sender that dies leaves its claim to fall due again
   when the lease ends. (One message per claim, so a lease needs to cover one send only.)
2. **Send** it, over the round's SMTP connection.
3. **Record** the outcome in a transaction of its own, and only if the row is still as claimed (same
   attempt count), so a sender that outlived its lease changes nothing: sent; or the error, with the
   next attempt after an exponential backoff (capped); or ``failed`` after the last attempt or on a
   permanent refusal (5xx for the recipient or the content).

One window is left, as in any SMTP client: the server accepted the message and the process died
before step 3 committed. The message is then sent again after the lease, with the same Message-ID.
"""

from __future__ import annotations

import contextlib
import logging
import smtplib
import ssl
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from typing import Any, cast

from sqlalchemy import CursorResult, func, select, update
from sqlalchemy.orm import Session, sessionmaker

from sync.server.db import session_scope
from sync.server.live import ChangeHub, run_rounds
from sync.server.mail import FAILED, QUEUED, SENT, OutgoingMail, compose
from sync.server.models import MailMessage
from sync.server.settings import Settings
from sync.sqlite import WRITE

log = logging.getLogger(__name__)

IDLE_CHECK_S = 60.0  # also look now and then without a hint
MIN_WAIT_S = 0.05  # between rounds at the least (messages due but held by another sender's claim)
AFTER_BUG_S = 30.0
MAX_ERROR = 1000  # MailMessage.last_error
LEASE_LOST = "no attempts left; the last one was never confirmed (its sender stopped)"


def _now() -> datetime:
    return datetime.now(UTC)


def is_permanent(exc: Exception) -> bool:
    """A refusal of this very message (retrying cannot help), not of the connection or the sender."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return all(code >= 500 for code, _ in exc.recipients.values())
    if isinstance(exc, smtplib.SMTPDataError):
        return exc.smtp_code >= 500
    # an international address the server cannot take (no SMTPUTF8); a header that cannot be written
    return isinstance(exc, smtplib.SMTPNotSupportedError | ValueError)


def _connection_lost(exc: Exception) -> bool:
    """After an SMTP reply (smtplib has reset the transaction) or a refusal to write the message, the
    connection is still good."""
    answered = (smtplib.SMTPResponseException | smtplib.SMTPRecipientsRefused | smtplib.SMTPNotSupportedError
                | ValueError)
    return isinstance(exc, smtplib.SMTPServerDisconnected) or not isinstance(exc, answered)


class _Connection:
    """The SMTP connection of one round: opened for the first message, again after it broke."""

    def __init__(self, connect: Callable[[], smtplib.SMTP]) -> None:
        self._connect = connect
        self._smtp: smtplib.SMTP | None = None

    def send(self, message: EmailMessage) -> None:
        if self._smtp is None:
            self._smtp = self._connect()
        try:
            self._smtp.send_message(message)
        except Exception as exc:
            if _connection_lost(exc):
                self.close()
            raise

    def close(self) -> None:
        smtp, self._smtp = self._smtp, None
        if smtp is not None:
            with contextlib.suppress(OSError):
                smtp.quit()
            smtp.close()


def _describe(exc: Exception) -> str:
    return f"{type(exc).__name__}: {exc}"[:MAX_ERROR]


class MailSender:
    def __init__(self, settings: Settings, session_factory: sessionmaker[Session]) -> None:
        self.settings, self.session_factory = settings, session_factory
        self.stopping = threading.Event()  # set when the task ends: a round stops between messages

    # --- the database side (short transactions) ---------------------------------------------------

    @contextlib.contextmanager
    def _writing(self) -> Iterator[Session]:
        with session_scope(self.session_factory) as session:
            if session.get_bind().dialect.name == "sqlite":
                session.connection(execution_options=WRITE)  # BEGIN IMMEDIATE: read, then write
            yield session

    def claim(self) -> OutgoingMail | None:
        """Take the next due message for one lease (one whose last attempt was lost fails instead)."""
        while True:
            now = _now()
            with self._writing() as session:
                row = session.scalars(
                    select(MailMessage)
                    .where(MailMessage.status == QUEUED, MailMessage.next_attempt_at <= now)
                    .order_by(MailMessage.next_attempt_at).limit(1)
                    .with_for_update(skip_locked=True)
                ).first()
                if row is None:
                    return None
                if row.attempts >= self.settings.mail_max_attempts:
                    row.status, row.last_error = FAILED, LEASE_LOST
                    continue
                row.attempts += 1
                row.next_attempt_at = now + timedelta(seconds=self.settings.mail_lease_s)
                return OutgoingMail.of(row)

    def _record(self, mail: OutgoingMail, **values: Any) -> None:
        """Change the message if it is still as this sender claimed it."""
        with self._writing() as session:
            done = cast(CursorResult[Any], session.execute(
                update(MailMessage)
                .where(MailMessage.id == mail.id, MailMessage.status == QUEUED, MailMessage.attempts == mail.attempt)
                .values(**values).execution_options(synchronize_session=False)
            )).rowcount
        if not done:
            log.warning("mail %s: attempt %d outlived its lease; its outcome is not recorded", mail.id, mail.attempt)

    def _sent(self, mail: OutgoingMail) -> None:
        self._record(mail, status=SENT, sent_at=_now())

    def _failed(self, mail: OutgoingMail, exc: Exception) -> None:
        last = is_permanent(exc) or mail.attempt >= self.settings.mail_max_attempts
        doubling = 2.0 ** min(mail.attempt - 1, 60)  # (bounded: a float, however many attempts are allowed)
        delay = min(self.settings.mail_retry_cap_s, self.settings.mail_retry_first_s * doubling)
        log.warning("mail %s: attempt %d failed%s: %s", mail.id, mail.attempt, " for good" if last else "",
                    _describe(exc))
        self._record(mail, status=FAILED if last else QUEUED, last_error=_describe(exc),
                     next_attempt_at=_now() + timedelta(seconds=delay))

    def next_due_in(self) -> float | None:
        """Seconds until the next queued message falls due (0 if one is due); None when none is queued."""
        with self.session_factory() as session:
            due = session.scalar(select(func.min(MailMessage.next_attempt_at)).where(MailMessage.status == QUEUED))
        return None if due is None else max(0.0, (due - _now()).total_seconds())

    # --- the SMTP side (no transaction open) ------------------------------------------------------

    def _connect(self) -> smtplib.SMTP:
        s = self.settings
        smtp = smtplib.SMTP(s.smtp_host, s.smtp_port, timeout=s.smtp_timeout_s)
        try:
            smtp.ehlo()
            if s.smtp_starttls:
                smtp.starttls(context=ssl.create_default_context())
                smtp.ehlo()
            if s.smtp_user:
                smtp.login(s.smtp_user, s.smtp_password.get_secret_value())
        except BaseException:
            smtp.close()
            raise
        return smtp

    def _send(self, connection: _Connection, mail: OutgoingMail) -> None:
        """Send one claimed message and record the outcome."""
        try:
            connection.send(compose(mail, self.settings.smtp_from))
        except (OSError, ValueError) as exc:  # (smtplib's errors are OSErrors)
            self._failed(mail, exc)
        else:
            self._sent(mail)

    # --- rounds ------------------------------------------------------------------------------------

    def run_once(self) -> float:
        """Deliver every due message (over one connection); returns the seconds to wait for the next round."""
        due = self.next_due_in()
        if due == 0:  # (only then a write transaction: on SQLite that is the database's one writer)
            with contextlib.closing(_Connection(self._connect)) as connection:
                while not self.stopping.is_set() and (mail := self.claim()) is not None:
                    self._send(connection, mail)
            due = self.next_due_in()
        return max(MIN_WAIT_S, IDLE_CHECK_S if due is None else min(due, IDLE_CHECK_S))

    async def run(self, hub: ChangeHub) -> None:
        """Until cancelled: a round at start, after every change hint (a new ticket queues its e-mail in
        the same transaction) and when the next message falls due."""
        try:  # (a failed round leaves its claims to their leases)
            await run_rounds(hub, self.run_once, first_wait=0.0, after_error_s=AFTER_BUG_S,
                             what="mail delivery round")
        finally:
            self.stopping.set()
