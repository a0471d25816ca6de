"""E-mail to applicants (T14): queued in the database in the transaction of its cause, delivered
over SMTP by a sender with retries."""

from __future__ import annotations

from sqlalchemy.orm import Session

from sync.server.models import MailMessage, Ticket


def queue_ticket_registered(session: Session, ticket: Ticket) -> MailMessage | None:
    """Queue «обращение зарегистрировано» for the applicant (None when the ticket has no e-mail)."""
    if not ticket.email:
        return None
    message = MailMessage(
        ticket_id=ticket.id, recipient=ticket.email,
        subject=f"Обращение {ticket.registration_number} зарегистрировано",
        body=(f"Здравствуйте, {ticket.applicant_name}!\n\n"
              f"Ваше обращение зарегистрировано под номером {ticket.registration_number}.\n"
              f"Тема: {ticket.subject}\n\n"
              "Мы сообщим вам о ходе работы по обращению.\n\n"
              "Служба поддержки Кейсистемс"),
    )
    session.add(message)
    return message
