"""E-mail to applicants (T14): queued in the database in the transaction of its cause, delivered
over SMTP by the sender in :mod:`sync.server.mail_sender` with retries.

A queued message is the whole e-mail (recipient, subject, text); the sender adds only the envelope
headers. Its Message-ID is made from its id, so if a message is ever sent a second time (the process
died after the SMTP server accepted it and before the database said so) the copy is recognisable.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime, parseaddr

from sqlalchemy.orm import Session

from sync.server.models import MailMessage, Ticket

QUEUED, SENT, FAILED = "queued", "sent", "failed"  # MailMessage.status
SIGNATURE = "Служба поддержки Кейсистемс"
MAX_SUBJECT = 500  # MailMessage.subject


def queue_ticket_registered(session: Session, ticket: Ticket) -> MailMessage | None:
    """Queue «обращение зарегистрировано» for the applicant (None when the ticket has no e-mail)."""
    if not ticket.email:
        return None
    number, topic = ticket.registration_number, " ".join(ticket.subject.split())  # one line: it is a header
    subject = f"Обращение № {number} зарегистрировано: {topic}"
    message = MailMessage(
        ticket_id=ticket.id, recipient=ticket.email,
        subject=subject if len(subject) <= MAX_SUBJECT else subject[: MAX_SUBJECT - 1] + "…",
        body=(f"Здравствуйте, {ticket.applicant_name}!\n\n"
              f"Ваше обращение зарегистрировано под номером {number}.\n"
              f"Тема: {topic}\n\n"
              "Мы сообщим вам о ходе работы по обращению.\n\n"
              f"{SIGNATURE}"),
    )
    session.add(message)
    return message


_ACTION_MAIL = {  # sync.workflow.MailKind → the subject's words and the letter's first paragraph
    "request_info": ("запрос информации",
                     "Для работы по вашему обращению нам нужна дополнительная информация. Пожалуйста, ответьте "
                     "на это письмо, дополнив описание проблемы."),
    "reply": ("ответ специалиста", "Специалист ответил по вашему обращению:"),
    "solution": ("решение", "Работа по вашему обращению завершена. Решение:"),
}


def queue_action_mail(session: Session, ticket: Ticket, kind: str, text: str) -> MailMessage | None:
    """Queue the applicant's e-mail of an action (W2: the request for information, a reply, the
    solution) in the transaction of the action (None when the ticket has no e-mail). The request
    for information quotes the ticket's own text: the specialist need not repeat it."""
    if not ticket.email:
        return None
    words, lead = _ACTION_MAIL[kind]
    number, topic = ticket.registration_number, " ".join(ticket.subject.split())
    subject = f"Обращение № {number}: {words} — {topic}"
    quoted = "\n".join(f"> {line}" for line in ticket.text.splitlines())
    parts = [f"Здравствуйте, {ticket.applicant_name}!", lead]
    if text:
        parts.append(text)
    if kind == "request_info":
        parts.append(f"Текст обращения:\n{quoted}")
    parts.append(SIGNATURE)
    message = MailMessage(
        ticket_id=ticket.id, recipient=ticket.email,
        subject=subject if len(subject) <= MAX_SUBJECT else subject[: MAX_SUBJECT - 1] + "…",
        body="\n\n".join(parts),
    )
    session.add(message)
    return message


@dataclass(frozen=True, slots=True)
class OutgoingMail:
    """A queued message as a sender claimed it: ``attempt`` is its attempt count after the claim."""

    id: uuid.UUID
    recipient: str
    subject: str
    body: str
    created_at: datetime
    attempt: int

    @classmethod
    def of(cls, row: MailMessage) -> OutgoingMail:
        return cls(row.id, row.recipient, row.subject, row.body, row.created_at, row.attempts)


def message_id(mail_id: uuid.UUID, sender: str) -> str:
    """``<id@domain of the sender>``: the same for every attempt at one queued message."""
    domain = parseaddr(sender)[1].rpartition("@")[2] or "ksdesk.local"
    return f"<{mail_id}@{domain}>"


def compose(mail: OutgoingMail, sender: str) -> EmailMessage:
    """The e-mail as it goes over SMTP; the same bytes for every attempt (the Date is the queueing time)."""
    message = EmailMessage()
    message["From"] = sender
    message["To"] = mail.recipient
    message["Subject"] = mail.subject
    message["Date"] = format_datetime(mail.created_at)
    message["Message-ID"] = message_id(mail.id, sender)
    message["Auto-Submitted"] = "auto-generated"  # RFC 3834: no vacation auto-replies to a robot
    message.set_content(mail.body, charset="utf-8", cte="base64")
    return message
