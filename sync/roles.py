"""Roles and permissions: who may do what. Checked by the server in one place; the client reads
the same table to hide what a user may not do. Who may create, change, delete or revive records of
each synced kind, and set or change each of their fields, is an :class:`Access` here, named by the
kind's declaration (``sync.records``); the push enforces it (``sync.server.field_rules``) and the
cards lock what a user may not set (``docs/security.md``, 6)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from sync.texts import translate


class Role(StrEnum):
    OPERATOR = "operator"  # 1-я линия
    SPECIALIST = "specialist"  # 2-я линия
    SUPERVISOR = "supervisor"


class Line(StrEnum):
    LINE_1 = "line_1"
    LINE_2 = "line_2"


class Permission(StrEnum):
    READ_REFERENCE = "read_reference"
    ADMIN_REFERENCE = "admin_reference"
    ADMIN_USERS = "admin_users"
    CREATE_TICKET = "create_ticket"
    REQUEST_INFO = "request_info"
    HANDLE_TASKS = "handle_tasks"
    VIEW_AUDIT = "view_audit"


_ALL = frozenset(Role)

GRANTS: dict[Permission, frozenset[Role]] = {
    Permission.READ_REFERENCE: _ALL,
    Permission.ADMIN_REFERENCE: frozenset({Role.SUPERVISOR}),
    Permission.ADMIN_USERS: frozenset({Role.SUPERVISOR}),
    Permission.CREATE_TICKET: _ALL,
    Permission.REQUEST_INFO: frozenset({Role.SPECIALIST, Role.SUPERVISOR}),
    Permission.HANDLE_TASKS: _ALL,
    Permission.VIEW_AUDIT: frozenset({Role.SUPERVISOR}),
}

ROLE_LINE: dict[Role, Line] = {
    Role.OPERATOR: Line.LINE_1,
    Role.SPECIALIST: Line.LINE_2,
    Role.SUPERVISOR: Line.LINE_2,
}


def line_of(role: Role | str, line: str | None = None) -> Line:
    """A user's line: the one a supervisor set for them (``users.line``), else their role's."""
    try:
        return Line(line) if line else ROLE_LINE[Role(role)]
    except ValueError:
        return Line.LINE_1


def may(role: Role | str, permission: Permission) -> bool:
    """Whether ``role`` holds ``permission``; unknown roles hold nothing."""
    try:
        return Role(role) in GRANTS[permission]
    except ValueError:
        return False


# --- who may write records of a kind ---------------------------------------------------------------
#
# A record is read through ``_field``: the server passes its ORM object, the client a cached record
# (a dict); ids are compared as text, so either side's form of an id will do.

ChangeRule = Callable[[Role | str, str, Any, bool], bool]
"""Whether a user (role, id as text) who may write the kind may change — or, with ``deleting``,
delete — this existing record."""


def _field(record: Any, name: str) -> Any:
    return record.get(name) if isinstance(record, Mapping) else getattr(record, name)


def _is(user_id: str, value: Any) -> bool:
    return value is not None and str(value) == user_id


def changes_not_deletes(role: Role | str, _user_id: str, _record: Any, deleting: bool) -> bool:
    """Everyone may change a record; only a supervisor deletes one."""
    return role == Role.SUPERVISOR or not deleting


def ticket_workers(role: Role | str, user_id: str, ticket: Any, deleting: bool) -> bool:
    """A ticket is changed by the second line and by its assignee and author; a supervisor may do
    anything with it, nobody else delete it."""
    if role == Role.SUPERVISOR:
        return True
    if deleting:
        return False
    return role == Role.SPECIALIST or any(_is(user_id, _field(ticket, f)) for f in ("assignee_id", "author_id"))


def authors_own(role: Role | str, user_id: str, record: Any, _deleting: bool) -> bool:
    """Its author may rename or remove it (an attachment: the content never changes); so may a supervisor."""
    return role == Role.SUPERVISOR or _is(user_id, _field(record, "created_by"))


# --- who may set which field -----------------------------------------------------------------------
#
# Within a kind a user may write, each field says who may give it a value in a creation and who may
# change it in an existing record. A field a kind does not list may be set by whoever may write it.

_NOBODY: frozenset[Role] = frozenset()
_SUPERVISOR = frozenset({Role.SUPERVISOR})


@dataclass(frozen=True)
class FieldAccess:
    """Who may set a field when creating a record (``create``) and change it afterwards (``change``)."""

    create: frozenset[Role] = _ALL
    change: frozenset[Role] = _ALL

    def allows(self, role: Role | str, *, creating: bool) -> bool:
        try:
            return Role(role) in (self.create if creating else self.change)
        except ValueError:
            return False


ANYONE = FieldAccess()
SUPERVISOR_ONLY = FieldAccess(_SUPERVISOR, _SUPERVISOR)  # decides contracts or permissions
ON_CREATE = FieldAccess(change=_NOBODY)  # given by whoever creates the record, fixed afterwards
MOVED_BY_SUPERVISOR = FieldAccess(change=_SUPERVISOR)  # given at creation; only a supervisor moves it
SERVER = FieldAccess(_NOBODY, _NOBODY)  # the server's own: no client sets it, in any role

# every synced record's own columns (``id`` is the entry's ``record_id``, never a field of its data)
RECORD_FIELDS: Mapping[str, FieldAccess] = {
    f: SERVER for f in ("id", "version", "change_seq", "created_at", "updated_at", "deleted_at")
}


@dataclass(frozen=True)
class Access:
    """Who may write records of one kind: ``permission`` is needed for any write (None: every role),
    ``change`` decides for each existing record (and its deletion), ``fields`` for each field
    (:class:`FieldAccess`; a field not listed: whoever may write), ``revive`` who may bring a
    deleted record back."""

    permission: Permission | None = None
    change: ChangeRule = changes_not_deletes
    fields: Mapping[str, FieldAccess] = field(default_factory=dict)
    revive: frozenset[Role] = _SUPERVISOR

    def may_write(self, role: Role | str) -> bool:
        return self.permission is None or may(role, self.permission)

    def may_change(self, role: Role | str, user_id: object, record: Any, *, deleting: bool = False) -> bool:
        """Whether ``record`` may be changed (or deleted) by this user."""
        return self.may_write(role) and self.change(role, str(user_id), record, deleting)

    def field_access(self, name: str) -> FieldAccess:
        """Who may set the field ``name``."""
        return self.fields.get(name) or RECORD_FIELDS.get(name) or ANYONE

    def may_set(self, role: Role | str, name: str, *, creating: bool) -> bool:
        """Whether ``role`` may give the field ``name`` a value in a creation (``creating``) or change
        it; the client makes a field read-only when not."""
        return self.may_write(role) and self.field_access(name).allows(role, creating=creating)

    def may_revive(self, role: Role | str) -> bool:
        """Whether ``role`` may bring back a deleted record (a supervisor deleted it on purpose)."""
        return self.may_write(role) and role in self.revive


EVERYONE = Access()
REFERENCE_ADMINS = Access(permission=Permission.ADMIN_REFERENCE)  # complexes, components, contracts
AUTHORS = Access(change=authors_own)

ORGANIZATIONS = Access(fields={
    "customer_id": SUPERVISOR_ONLY,  # the customer's contracts decide the ticket types allowed (T6, T8)
    "registry_status": SERVER, "registry_verified": SERVER,  # the registry's answer (T2)
})
CONTACTS = Access(fields={"organization_id": MOVED_BY_SUPERVISOR})
TICKETS = Access(change=ticket_workers, fields={
    # what the form registered (the type was checked against the contracts then, T8)
    **dict.fromkeys(("organization_id", "contact_id", "applicant_name", "email", "phone", "phone_ext",
                     "complex_id", "component_id", "ticket_type", "channel", "priority", "provisional_number"),
                    ON_CREATE),
    # numbering, routing and the life cycle (T13, W1, W2)
    **dict.fromkeys(("registration_number", "status", "route", "assignee_id", "author_id", "registered_at",
                     "closed_at"), SERVER),
})
ATTACHMENTS = Access(change=authors_own, fields={
    **dict.fromkeys(("ticket_id", "size", "sha256", "content_type"), ON_CREATE),  # the content is fixed
    **dict.fromkeys(("uploaded_bytes", "complete", "created_by"), SERVER),  # the upload's state
})
USERS = Access(permission=Permission.ADMIN_USERS, fields={"password_hash": SERVER})  # not through sync
LIST_ITEMS = Access(permission=Permission.ADMIN_REFERENCE, fields=dict.fromkeys(("kind", "code"), SERVER))


def field_refusal(access: Access, name: str, label: str, *, creating: bool) -> str:
    """The operator's message when a role may not set (``creating``) or change the field ``name``
    (shown as ``label``)."""
    rule = access.field_access(name)
    if rule == SERVER:
        return translate("SharedRules", "Поле «{label}» заполняет сервер; его нельзя задать или изменить.").format(
            label=label)
    allowed = rule.create if creating else rule.change
    if not allowed:
        return translate("SharedRules", "Поле «{label}» задаётся при создании записи и потом не меняется.").format(
            label=label)
    if allowed == _SUPERVISOR:
        if creating:
            return translate("SharedRules", "Поле «{label}» может задать только супервизор.").format(label=label)
        return translate("SharedRules", "Поле «{label}» может изменить только супервизор.").format(label=label)
    if creating:
        return translate("SharedRules", "Поле «{label}» нельзя задать с вашими правами.").format(label=label)
    return translate("SharedRules", "Поле «{label}» нельзя изменить с вашими правами.").format(label=label)
