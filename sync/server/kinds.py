"""Each synced kind as the server keeps it, declared once: its table, and the hooks of the kinds
whose writing is more than storing the checked fields. Who may write a kind is the shared
declaration's (``sync.records.KindSpec.access``, rules in ``sync.roles``); ``sync_service`` reads
both and has no case of its own for any kind.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from sync.records import Kind
from sync.roles import TICKETS
from sync.server import attachments, reference_admin, tickets
from sync.server.models import (
    Activity,
    Attachment,
    Component,
    Contact,
    Contract,
    Customer,
    ListItemRecord,
    Organization,
    SoftwareComplex,
    Synced,
    Ticket,
    User,
)

# makes the record of a creation (numbering, routing, mail …) from the checked values
Creator = Callable[[Session, User, uuid.UUID, dict[str, Any]], Synced]
# writes a change to a history (N5), given {field: (old, new)} of what changed
Auditor = Callable[[Session, User, Any, dict[str, tuple[Any, Any]]], None]
# adds to a page's records of the kind (plain values, as pull sends them) what lives outside their table
PullExtra = Callable[[Session, list[dict[str, Any]]], None]


@dataclass(frozen=True)
class ServerKind:
    kind: str
    model: type[Synced]
    creator: Creator | None = None  # None: the record is the checked fields stored as they are
    auditor: Auditor | None = None
    pull_extra: PullExtra | None = None


KINDS: dict[str, ServerKind] = {}


def register(server_kind: ServerKind) -> None:
    if server_kind.kind in KINDS:
        raise ValueError(f"kind {server_kind.kind!r} is declared already")
    KINDS[server_kind.kind] = server_kind


def unregister(kind: str) -> None:
    del KINDS[kind]


def _may_change_ticket(user: User, ticket: Ticket) -> bool:
    """T12: whoever may change a ticket may add files to it."""
    return TICKETS.may_change(user.role, user.id, ticket)


for _kind in (
    ServerKind(Kind.USER, User),
    ServerKind(Kind.LIST_ITEM, ListItemRecord),
    ServerKind(Kind.SOFTWARE_COMPLEX, SoftwareComplex),
    ServerKind(Kind.COMPONENT, Component),
    ServerKind(Kind.ORGANIZATION, Organization),
    ServerKind(Kind.CUSTOMER, Customer),
    ServerKind(Kind.CONTACT, Contact),
    ServerKind(Kind.CONTRACT, Contract, creator=reference_admin.create_contract,
               pull_extra=reference_admin.add_contract_complexes),
    ServerKind(Kind.TICKET, Ticket, creator=tickets.create, auditor=tickets.audit_update),
    ServerKind(Kind.ATTACHMENT, Attachment, creator=attachments.creator(_may_change_ticket)),
    ServerKind(Kind.ACTIVITY, Activity),
):
    register(_kind)
