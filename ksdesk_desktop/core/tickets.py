"""What the ticket form «Обращение» reads and writes, without Qt (T1–T15): its drop-down lists and
the contract colours from the cache, and saving a filled form as a new ticket through the outbox.
Run every function on a worker lane (reads on QUERY, :func:`save_ticket` on DB)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pydantic import ValidationError

from ksdesk_desktop.core.applicant import Applicant, applicant_contact
from ksdesk_desktop.core.texts import organization_label
from ksdesk_desktop.store.directory import Directory
from ksdesk_desktop.store.replica import Batch, InvalidChange
from ksdesk_desktop.store.search import starts_words
from sync import reference
from sync import tickets as rules
from sync.numbering import provisional_number
from sync.records import Kind, TicketData, explain
from sync.reference import LIST_ITEMS, ListKind


@dataclass(frozen=True)
class Choice:
    code: str  # a record id or a list code
    label: str


@dataclass(frozen=True)
class OrganizationChoice:
    """An organization the form can take: its id, or (new from EGRUL or typed) the record to create."""

    id: str | None
    name: str
    inn: str = ""
    kpp: str = ""
    customer_name: str = ""
    covered: frozenset[str] = frozenset()  # complexes with a valid contract today (T7)
    new_record: dict[str, Any] | None = None

    @property
    def label(self) -> str:
        return organization_label(self.name, self.inn, self.kpp)


@dataclass(frozen=True)
class Catalog:
    """The form's drop-down lists (T7, T9), read once when the form opens."""

    complexes: list[Choice]
    components: dict[str, list[Choice]]  # complex id → its components
    types: list[Choice]
    channels: list[Choice]
    priorities: list[Choice]


def _ordered(rows: list[dict[str, Any]]) -> list[Choice]:
    rows.sort(key=lambda r: (r.get("sort_order") or 0, str(r.get("name", "")).casefold()))
    return [Choice(r["id"], str(r["name"])) for r in rows]


def read_catalog(directory: Directory, english: bool = False) -> Catalog:
    complex_rows, component_rows, list_rows = directory.every(Kind.SOFTWARE_COMPLEX, Kind.COMPONENT, Kind.LIST_ITEM)
    by_complex: dict[str, list[dict[str, Any]]] = {}
    for row in component_rows:
        by_complex.setdefault(str(row.get("complex_id")), []).append(row)
    if not list_rows:  # never synced yet: the built-in lists
        list_rows = [{"kind": i.kind, "code": i.code, "label_ru": i.label_ru, "label_en": i.label_en,
                      "sort_order": i.sort_order, "is_active": True} for i in LIST_ITEMS]

    def items(kind: ListKind) -> list[Choice]:
        rows = sorted((r for r in list_rows if r.get("kind") == kind and r.get("is_active", True)),
                      key=lambda r: r.get("sort_order") or 0)
        return [Choice(str(r["code"]), str(r["label_en" if english else "label_ru"])) for r in rows]

    return Catalog(
        complexes=_ordered(complex_rows),
        components={complex_id: _ordered(rows) for complex_id, rows in by_complex.items()},
        types=items(ListKind.TICKET_TYPE), channels=items(ListKind.CHANNEL), priorities=items(ListKind.PRIORITY),
    )


def organization_choice(directory: Directory, record: Mapping[str, Any], day: date) -> OrganizationChoice:
    """An organization of the directory with its customer and what its contracts cover on ``day``."""
    customer = directory.customer_of(dict(record))
    covered = rules.covered_complexes(customer.contracts, day) if customer else frozenset()
    return OrganizationChoice(str(record["id"]), str(record["name"]), str(record.get("inn") or ""),
                              str(record.get("kpp") or ""), customer.name if customer else "", covered)


def find_organizations(directory: Directory, query: str, day: date, limit: int = 15) -> list[OrganizationChoice]:
    """Type-ahead: the first organizations whose name, INN or KPP words start with what was typed."""
    ids = directory.organization_ids(query)[:limit] if query.strip() else []
    found = directory.records(Kind.ORGANIZATION, ids)
    return [organization_choice(directory, found[i], day) for i in ids if i in found]


def contacts_of(directory: Directory, organization_id: str) -> list[dict[str, Any]]:
    """The organization's contacts in name order (the applicant's type-ahead, T3)."""
    ids = directory.contact_ids(organization_id)
    found = directory.records(Kind.CONTACT, ids)
    return [found[i] for i in ids if i in found]


def matching_contacts(contacts: list[dict[str, Any]], typed: str) -> list[dict[str, Any]]:
    """The contacts whose name has a word starting with each word typed (all of them for nothing typed)."""
    return [c for c in contacts if starts_words(typed, str(c.get("full_name") or ""))]


@dataclass
class TicketDraft:
    """The form's values, as saved in a draft and sent on save (ids as text)."""

    organization: OrganizationChoice | None = None
    contact_id: str | None = None
    applicant_name: str = ""
    email: str = ""
    phone: str = ""
    complex_id: str | None = None
    component_id: str | None = None
    ticket_type: str | None = None
    channel: str | None = None
    priority: str | None = None
    subject: str = ""
    text: str = ""
    system_info: str = ""
    files: list[dict[str, Any]] = field(default_factory=list)  # attached files (local copies)

    def ticket_values(self) -> dict[str, Any]:
        """The fields of the ticket as the shared rules check them (T1 names what is missing)."""
        return {
            "organization_id": self.organization.id or "new" if self.organization else None,
            "contact_id": self.contact_id, "applicant_name": self.applicant_name.strip(),
            "email": self.email.strip(), "phone": self.phone.strip(),
            "complex_id": self.complex_id, "component_id": self.component_id, "ticket_type": self.ticket_type,
            "channel": self.channel, "priority": self.priority, "subject": self.subject.strip(),
            "text": self.text.strip(), "system_info": self.system_info.strip(),
        }

    def missing(self) -> list[str]:
        return rules.missing_fields(self.ticket_values())


@dataclass(frozen=True)
class SavedTicket:
    id: str
    provisional_number: str


_PROBE_ID = "00000000-0000-7000-8000-000000000000"


def check_ticket(draft: TicketDraft) -> None:
    """The shared rules on the form's values (raises InvalidChange with the operator's message)."""
    values = {k: v for k, v in draft.ticket_values().items() if v is not None}
    values["organization_id"] = _PROBE_ID if draft.organization else None
    values["contact_id"] = None
    try:
        TicketData.model_validate(values)
    except ValidationError as exc:
        name, message = explain(exc, TicketData)
        raise InvalidChange(message, name) from exc


def save_ticket(batch: Batch, directory: Directory, ticket_id: str, draft: TicketDraft) -> SavedTicket:
    """Queue the new ticket (with a new organization and applicant contact first, when they are
    new) in the outbox, in the caller's unit of work (``Replica.batch``: a failure later in it leaves
    none of them); the server registers it on the next sync (T13). Raises InvalidChange or
    InvalidIdentifier with the operator's message when a rule refuses it."""
    check_ticket(draft)  # nothing is created for a ticket the rules refuse
    organization = draft.organization
    assert organization is not None
    organization_id = organization.id
    if organization_id is None:
        organization_id = batch.create(Kind.ORGANIZATION, organization.new_record or {})
    contact_id = draft.contact_id
    if contact_id is None:
        contact_id = applicant_contact(batch, directory, organization_id,
                                       Applicant(draft.applicant_name.strip(), draft.email, draft.phone))
    values = {**draft.ticket_values(), "organization_id": organization_id, "contact_id": contact_id,
              "provisional_number": provisional_number(ticket_id)}
    batch.change(Kind.TICKET, ticket_id, values)
    return SavedTicket(ticket_id, values["provisional_number"])


def ticket_names(directory: Directory, ticket: Mapping[str, Any], english: bool = False) -> dict[str, str]:
    """Display names of what a ticket points at and of its list codes (for its card)."""
    names: dict[str, str] = {}
    records: dict[str, dict[str, Any] | None] = {}
    for key, kind, field_name in (("organization", Kind.ORGANIZATION, "organization_id"),
                                  ("complex", Kind.SOFTWARE_COMPLEX, "complex_id"),
                                  ("component", Kind.COMPONENT, "component_id")):
        records[key] = record = directory.get(kind, ticket[field_name]) if ticket.get(field_name) else None
        names[key] = str(record["name"]) if record else ""
    organization = records["organization"]
    customer = directory.customer_of(organization) if organization else None  # T6
    names["customer"] = customer.name if customer else ""
    assignee = directory.get(Kind.USER, str(ticket["assignee_id"])) if ticket.get("assignee_id") else None
    names["assignee"] = str(assignee.get("full_name") or assignee.get("login") or "") if assignee else ""
    catalog = read_catalog(directory, english)
    statuses = reference.labels(ListKind.TICKET_STATUS, english)
    for key, choices in (("ticket_type", catalog.types), ("channel", catalog.channels),
                         ("priority", catalog.priorities)):
        names[key] = next((c.label for c in choices if c.code == ticket.get(key)), "")
    names["status"] = statuses.get(str(ticket.get("status")), "")
    return names
