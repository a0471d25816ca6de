"""Registration numbers of tickets («учётный номер», T13): one format for the server that assigns
them, the demo data and the client that displays them."""

from __future__ import annotations

import re
from datetime import datetime

REGISTRATION_COUNTER = "registration_number"  # the counters row the server increments atomically
REGISTRATION_PREFIX = "ОБР"


def registration_number(registered_at: datetime, sequence: int) -> str:
    """«ОБР-2026-000123»: the year of registration and the ticket's place in the global sequence."""
    return f"{REGISTRATION_PREFIX}-{registered_at.year}-{sequence:06d}"

# a registration number inside other text (an e-mail's subject: «Re: Обращение № ОБР-2026-000123 …»)
REGISTRATION_IN_TEXT = re.compile(rf"{REGISTRATION_PREFIX}-\d{{4}}-\d{{6,}}", re.IGNORECASE)


def registration_numbers_in(value: str) -> list[str]:
    """The registration numbers written in ``value``, as the server writes them, in order."""
    return [found.upper() for found in REGISTRATION_IN_TEXT.findall(value)]


PROVISIONAL_PREFIX = "ПРЕДВ"


def provisional_number(record_id: object) -> str:
    """«ПРЕДВ-7F3A2C91»: what a ticket saved offline is called until the server registers it (the end
    of its id, so two clients never make the same one)."""
    return f"{PROVISIONAL_PREFIX}-{str(record_id).replace('-', '')[-8:].upper()}"
