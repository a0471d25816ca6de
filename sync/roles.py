"""Roles and permissions: who may do what. Checked by the server in one place; the client reads
the same table to hide what a user may not do. Who may create, change or delete records of each
synced kind is an :class:`Access` here, named by the kind's declaration (``sync.records``)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any


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


@dataclass(frozen=True)
class Access:
    """Who may write records of one kind: ``permission`` is needed for any write (None: every role),
    ``change`` decides for each existing record."""

    permission: Permission | None = None
    change: ChangeRule = changes_not_deletes

    def may_write(self, role: Role | str) -> bool:
        return self.permission is None or may(role, self.permission)

    def may_change(self, role: Role | str, user_id: object, record: Any, *, deleting: bool = False) -> bool:
        """Whether ``record`` may be changed (or deleted) by this user."""
        return self.may_write(role) and self.change(role, str(user_id), record, deleting)


EVERYONE = Access()
REFERENCE_ADMINS = Access(permission=Permission.ADMIN_REFERENCE)  # lists, complexes, contracts, users
TICKETS = Access(change=ticket_workers)
AUTHORS = Access(change=authors_own)
