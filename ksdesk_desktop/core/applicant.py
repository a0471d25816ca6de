"""T3: the applicant of a ticket is a contact of its organization. One chosen from the contacts is
used as is; one typed by hand becomes a contact when the ticket is saved — or, when the organization
already has that person (same e-mail, or same phone and extension; with neither, the same name), that
contact, completed with what was typed (T5: never a duplicate). Qt-free; run it on the DB lane, in the
unit of work that saves the ticket."""

from __future__ import annotations

from dataclasses import dataclass

from ksdesk_desktop.store.directory import Directory
from ksdesk_desktop.store.replica import Batch
from ksdesk_desktop.store.search import normalize
from sync.identifiers import normalize_email, parse_phone
from sync.records import Kind


@dataclass(frozen=True)
class Applicant:
    full_name: str
    email: str = ""
    phone: str = ""  # as typed: «+7 (495) 123-45-67 доб. 12»


def applicant_contact(batch: Batch, directory: Directory, organization_id: str, applicant: Applicant) -> str:
    """The id of the applicant's contact, created or completed as needed (raises InvalidIdentifier
    for a bad e-mail or phone, InvalidChange for what the shared rules refuse)."""
    email = normalize_email(applicant.email) if applicant.email.strip() else ""
    phone = parse_phone(applicant.phone) if applicant.phone.strip() else None
    number, extension = (phone.number, phone.extension) if phone else ("", "")
    existing = directory.find_contact(organization_id, email, number, extension)
    if existing is None and not email and not number:
        name = normalize(" ".join(applicant.full_name.split()))
        existing = next((c for c in directory.records(Kind.CONTACT, directory.contact_ids(organization_id)).values()
                         if normalize(" ".join(str(c["full_name"]).split())) == name), None)
    if existing is None:
        return batch.create(Kind.CONTACT, {"organization_id": organization_id, "full_name": applicant.full_name,
                                             "email": email, "phone": number, "phone_ext": extension})
    missing = {}
    if email and not existing.get("email"):
        missing["email"] = email
    if number and not existing.get("phone"):
        missing.update(phone=number, phone_ext=extension)
    if missing:
        batch.change(Kind.CONTACT, existing["id"], missing)
    return str(existing["id"])
