"""The e-mail channel of the agent desk (issue 18, A11): the server accepts mail over SMTP for the
support mailbox (``serve --smtp-in-port``, aiosmtpd in the server process) where the mailbox's MTA
delivers it.

Each message is written in ONE transaction before the SMTP answer: a new activity and its queued
task, or — for a reply — an activity of the ticket it answers. The answer is 250 only after the
commit; when the database write fails the answer is 451 (temporary), so the MTA delivers again later:
nothing is lost. A message delivered again (that retry, or two MTAs) is recognised by its Message-ID
(or, without one, a hash of its content) under a unique index: nothing is duplicated.

A reply is a message whose In-Reply-To/References name an earlier activity's Message-ID or one of our
outgoing ticket e-mails (``sync.server.mail.message_id``), or whose subject carries a ticket's
registration number. It joins that ticket unless the ticket is closed; a ticket «На запросе
информации» moves back to «В работе» (issue 20), written to its history like other transitions.
"""

from __future__ import annotations

import asyncio
import hashlib
import html
import logging
import re
import uuid
from dataclasses import dataclass
from email import message_from_bytes
from email.message import EmailMessage, Message
from email.policy import default as default_policy
from email.utils import getaddresses, parseaddr
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from sync.agent_desk import Direction
from sync.attachments import CONTENT_TYPE_PATTERN, content_type, safe_name, too_large
from sync.numbering import registration_numbers_in
from sync.protocol import HistoryAction
from sync.reference import MAX_TEXT_FIELD, Channel, Priority, TicketStatus
from sync.server import agent_desk
from sync.server.attachments import FileStore
from sync.server.db import write_scope
from sync.server.models import Activity, AuditEntry, Contact, MailMessage, Ticket
from sync.server.settings import Settings
from sync.text import stripped

log = logging.getLogger(__name__)

MAX_TEXT = 100_000  # the customer's words kept of one message
MAX_MESSAGE_ID = 998  # RFC 5322's line length: a longer one is stored as its hash
TRACE_HEADERS = ("received", "return-path", "delivered-to", "x-original-to")  # each hop adds its own
_ANGLE_IDS = re.compile(r"<([^<>\s]+)>")
_TAGS = re.compile(r"<[^>]*>")


@dataclass(frozen=True, slots=True)
class MailFile:
    """An attachment of a message: its bytes, and how the ticket's file will be described."""

    file_name: str
    content_type: str
    data: bytes

    def described(self, sha256: str) -> dict[str, Any]:
        return {"file_name": self.file_name, "size": len(self.data), "sha256": sha256,
                "content_type": self.content_type}


@dataclass(frozen=True, slots=True)
class Incoming:
    """What the channel keeps of one message."""

    message_id: str
    sender: str
    subject: str
    text: str
    refers_to: tuple[str, ...]  # Message-IDs of In-Reply-To, then References
    priority: Priority = Priority.NORMAL  # the sender's mark (X-Priority 1–2, Importance: high): high
    files: tuple[MailFile, ...] = ()  # its attachments within the 50 MB rule (T12)


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of a message: ``queued`` (a new task), ``joined`` (a reply to a ticket) or
    ``duplicate`` (delivered before)."""

    result: str
    activity_id: uuid.UUID
    task_id: uuid.UUID | None = None
    ticket_id: uuid.UUID | None = None


def _one_line(value: str) -> str:
    return " ".join(stripped(value).split())


def _cut(value: str, limit: int) -> str:
    return value if len(value) <= limit else value[: limit - 1] + "…"


def _body(message: EmailMessage) -> str:
    """The text of the message: its plain part, else its HTML part without tags."""
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    try:
        content = part.get_content()
    except (LookupError, ValueError):  # an unknown charset or a broken encoding: what decodes
        payload = part.get_payload(decode=True)
        content = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else ""
    if not isinstance(content, str):
        return ""
    if part.get_content_subtype() == "html":
        content = html.unescape(_TAGS.sub(" ", re.sub(r"(?is)<(script|style).*?</\1>", " ", content)))
    return content


def _content_hash(message: Message) -> str:
    """A message without a Message-ID is known by its content, without what each hop adds."""
    copy = message_from_bytes(message.as_bytes(), policy=default_policy)
    for name in TRACE_HEADERS:
        del copy[name]
    return "sha256:" + hashlib.sha256(copy.as_bytes()).hexdigest()


def _message_id(value: str | None) -> str | None:
    if not value:
        return None
    found = _ANGLE_IDS.search(str(value))
    text = found.group(1) if found else str(value).strip()
    text = stripped(text)
    if not text:
        return None
    return text if len(text) <= MAX_MESSAGE_ID else "sha256:" + hashlib.sha256(text.encode()).hexdigest()


def _priority(message: Message) -> Priority:
    """What the sender marked: «X-Priority: 1 (Highest)» or 2, «Importance: high», «Priority: urgent»."""
    try:
        marks = {name: str(message.get(name) or "").strip().lower()
                 for name in ("X-Priority", "Importance", "Priority")}
    except (ValueError, IndexError, TypeError):
        return Priority.NORMAL
    urgent = marks["X-Priority"][:1] in ("1", "2") or marks["Importance"] == "high" or marks["Priority"] == "urgent"
    return Priority.HIGH if urgent else Priority.NORMAL


def _files(message: EmailMessage) -> tuple[tuple[MailFile, ...], list[str]]:
    """The message's attachments within the 50 MB rule, and a note for each one over it."""
    kept: list[MailFile] = []
    refused: list[str] = []
    for part in message.iter_attachments():
        data = part.get_payload(decode=True)
        if not isinstance(data, bytes):
            continue
        name = safe_name(stripped(str(part.get_filename() or "")))
        over = too_large(name, len(data))
        if over is not None:
            refused.append(over)
            continue
        kind = part.get_content_type()
        kept.append(MailFile(name, kind if re.fullmatch(CONTENT_TYPE_PATTERN, kind) else content_type(name), data))
    return tuple(kept), refused


def parse(raw: bytes, envelope_from: str = "") -> Incoming:
    """A message as it arrived (bytes of DATA) → what the channel keeps of it."""
    message = message_from_bytes(raw, policy=default_policy)
    assert isinstance(message, EmailMessage)
    try:
        from_header = str(message.get("From") or "")
        subject = str(message.get("Subject") or "")
        refs = f"{message.get('In-Reply-To') or ''} {message.get('References') or ''}"
        own_id = message.get("Message-ID")
    except (ValueError, IndexError, TypeError):  # a header the parser cannot read: keep the rest
        from_header, subject, refs, own_id = "", "", "", None
    sender = (getaddresses([from_header])[0][1] if from_header else "") or parseaddr(envelope_from)[1]
    files, refused = _files(message)
    refers = tuple(dict.fromkeys(m for m in (_message_id(f"<{r}>") for r in _ANGLE_IDS.findall(refs)) if m))
    return Incoming(
        message_id=_message_id(str(own_id) if own_id else None) or _content_hash(message),
        sender=_cut(stripped(sender).strip().lower(), 254),
        subject=_cut(_one_line(subject), MAX_TEXT_FIELD),
        text=_cut("\n\n".join([stripped(_body(message)).strip(), *refused]).strip(), MAX_TEXT),
        refers_to=refers,
        priority=_priority(message),
        files=files,
    )


# --- into the database ----------------------------------------------------------------------------


def _customer(session: Session, sender: str) -> Contact | None:
    """A3: the contact whose e-mail is the sender's (lower-cased on both sides); the one made first when
    several organizations know the same address."""
    if not sender:
        return None
    return session.scalar(select(Contact).where(Contact.email == sender, Contact.deleted_at.is_(None))
                          .order_by(Contact.created_at, Contact.id).limit(1))


def _answered_ticket(session: Session, mail: Incoming) -> Ticket | None:
    """The ticket a reply answers: by the Message-IDs it refers to, then the number in its subject."""
    for ref in mail.refers_to:
        ticket_id = session.scalar(select(Activity.ticket_id).where(Activity.message_id == ref))
        if ticket_id is None:
            local = ref.partition("@")[0]
            try:
                ticket_id = session.scalar(select(MailMessage.ticket_id).where(MailMessage.id == uuid.UUID(local)))
            except ValueError:
                ticket_id = None
        if ticket_id is not None:
            return session.get(Ticket, ticket_id)
    for number in registration_numbers_in(mail.subject):
        found = session.scalar(select(Ticket).where(Ticket.registration_number == number))
        if found is not None:
            return found
    return None


def ingest(session: Session, mail: Incoming, files: list[dict[str, Any]] | None = None) -> Outcome:
    """Write one message in the caller's transaction (see the module's doc); ``files`` describe its
    attachments, whose content is stored already (:meth:`FileStore.keep`)."""
    known = session.scalar(select(Activity.id).where(Activity.message_id == mail.message_id))
    if known is not None:
        return Outcome("duplicate", known)
    contact = _customer(session, mail.sender)
    activity = Activity(channel=Channel.EMAIL, direction=Direction.INCOMING, sender=mail.sender,
                        contact_id=contact.id if contact else None,
                        organization_id=contact.organization_id if contact else None,
                        subject=mail.subject, text=mail.text, note="", tags=[], files=files or [],
                        message_id=mail.message_id)
    ticket = _answered_ticket(session, mail)
    if ticket is None or ticket.deleted_at is not None or ticket.status == TicketStatus.CLOSED:
        task = agent_desk.queue_activity(session, activity, mail.priority)
        return Outcome("queued", activity.id, task_id=task.id)
    session.add(activity)
    session.flush()
    agent_desk.join_ticket(session, None, activity, ticket)
    if ticket.status == TicketStatus.AWAITING_INFO:  # issue 20: the applicant answered the request
        ticket.status = TicketStatus.IN_PROGRESS
        session.add(AuditEntry(user_id=None, entity="ticket", entity_id=ticket.id,
                               action=HistoryAction.APPLICANT_REPLIED, changes={
                                   "status": [TicketStatus.AWAITING_INFO, TicketStatus.IN_PROGRESS],
                                   "activity_id": str(activity.id)}))
    session.flush()
    return Outcome("joined", activity.id, ticket_id=ticket.id)


def deliver(factory: sessionmaker[Session], store: FileStore, raw: bytes, envelope_from: str = "") -> Outcome:
    """Parse and write one message in its own transaction; a concurrent delivery of the same message
    that committed first makes this one a duplicate. Its attachments are stored by content first: a
    write that then fails leaves only content the retry stores again under the same name."""
    mail = parse(raw, envelope_from)
    files = [file.described(store.keep(file.data)) for file in mail.files]
    try:
        with write_scope(factory) as session:
            return ingest(session, mail, files)
    except IntegrityError:
        with write_scope(factory) as session:  # the unique index: the other delivery won
            known = session.scalar(select(Activity.id).where(Activity.message_id == mail.message_id))
            if known is None:
                raise
            return Outcome("duplicate", known)


# --- the SMTP side --------------------------------------------------------------------------------


class InboundHandler:
    """aiosmtpd's handler: recipients other than the support mailbox are refused (550); DATA is
    written on a worker thread (the SMTP loop serves other sessions meanwhile) and answered 250 only
    once committed, 451 when the database write failed."""

    def __init__(self, factory: sessionmaker[Session], mailboxes: frozenset[str], store: FileStore) -> None:
        self.factory, self.mailboxes, self.store = factory, mailboxes, store

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str,  # aiosmtpd calls handle_<VERB>
                          rcpt_options: list[str]) -> str:
        if address.strip().lower() not in self.mailboxes:
            return "550 5.1.1 No such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # aiosmtpd calls handle_<VERB>
        content = envelope.original_content or envelope.content
        raw = content if isinstance(content, bytes) else str(content).encode("utf-8", "surrogateescape")
        try:
            outcome = await asyncio.get_running_loop().run_in_executor(
                None, deliver, self.factory, self.store, raw, str(envelope.mail_from or ""))
        except Exception:
            log.exception("inbound e-mail from %s not stored; the sender is told to try again", envelope.mail_from)
            return "451 4.3.0 Temporary failure storing the message, try again later"
        log.info("inbound e-mail from %s: %s", envelope.mail_from, outcome.result)
        return f"250 OK {outcome.result} {outcome.activity_id}"


def mailboxes(settings: Settings) -> frozenset[str]:
    """The addresses the channel accepts mail for: ``smtp_in_mailbox`` (comma-separated), by default
    the address of ``smtp_from`` (where applicants answer)."""
    configured = settings.smtp_in_mailbox or parseaddr(settings.smtp_from)[1]
    return frozenset(a.strip().lower() for a in configured.split(",") if a.strip())


class InboundMail:
    """The SMTP listener of one server process, on its own thread (aiosmtpd's controller)."""

    def __init__(self, settings: Settings, factory: sessionmaker[Session]) -> None:
        from aiosmtpd.controller import Controller  # only a server that receives mail needs aiosmtpd

        assert settings.smtp_in_port is not None
        handler = InboundHandler(factory, mailboxes(settings), FileStore(settings.effective_files_dir))
        self.controller = Controller(
            handler, hostname=settings.smtp_in_host or settings.host, port=settings.smtp_in_port,
            data_size_limit=settings.smtp_in_max_bytes, enable_SMTPUTF8=True,
            server_hostname=parseaddr(settings.smtp_from)[1].rpartition("@")[2] or "ksdesk.local")

    def start(self) -> None:
        self.controller.start()

    def stop(self) -> None:
        self.controller.stop()
