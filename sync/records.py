"""Synced record kinds and what a client may write in each (shared by client and server).

A kind's name is the API name (glossary). ``WRITABLE`` holds the pydantic model of the fields a
client may set; everything else (version, change sequence, registration number, author …) is the
server's. The server validates every mutation with these models again.
"""

from __future__ import annotations

import uuid
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from sync.reference import MAX_SUBJECT, MAX_TEXT_FIELD, MAX_TICKET_TEXT


class Kind(StrEnum):
    USER = "user"
    ORGANIZATION = "organization"
    CUSTOMER = "customer"
    CONTACT = "contact"
    SOFTWARE_COMPLEX = "software_complex"
    COMPONENT = "component"
    CONTRACT = "contract"
    LIST_ITEM = "list_item"
    TICKET = "ticket"


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class OrganizationData(_Data):
    inn: str = Field(min_length=10, max_length=12, pattern=r"^\d+$")
    kpp: str = Field(default="", max_length=9)
    ogrn: str = Field(default="", max_length=15)
    name: str = Field(min_length=1, max_length=500)
    full_name: str = Field(default="", max_length=1000)
    address: str = Field(default="", max_length=1000)
    customer_id: uuid.UUID | None = None


class ContactData(_Data):
    organization_id: uuid.UUID
    full_name: str = Field(min_length=1, max_length=300)
    position: str = Field(default="", max_length=300)
    email: str = Field(default="", max_length=254)
    phone: str = Field(default="", max_length=20)
    phone_ext: str = Field(default="", max_length=10)


class SoftwareComplexData(_Data):
    code: str = Field(min_length=1, max_length=50)
    name: str = Field(min_length=1, max_length=300)
    sort_order: int = 0


class TicketUpdateData(_Data):
    """What may change in a registered ticket through sync (creation comes with the ticket form)."""

    subject: str = Field(min_length=1, max_length=MAX_SUBJECT)
    text: str = Field(min_length=1, max_length=MAX_TICKET_TEXT)
    system_info: str = Field(default="", max_length=MAX_TICKET_TEXT)


class RequestData(_Data):  # the agent desk's request (A5)
    title: str = Field(default="", max_length=MAX_TEXT_FIELD)
    description: str = Field(default="", max_length=MAX_TEXT_FIELD)


WRITABLE: dict[Kind, type[_Data]] = {
    Kind.ORGANIZATION: OrganizationData,
    Kind.CONTACT: ContactData,
    Kind.SOFTWARE_COMPLEX: SoftwareComplexData,
    Kind.TICKET: TicketUpdateData,
}
CREATABLE: frozenset[Kind] = frozenset({Kind.ORGANIZATION, Kind.CONTACT, Kind.SOFTWARE_COMPLEX})
