"""Roles and permissions: who may do what. Checked by the server in one place; the client reads
the same table to hide what a user may not do."""

from __future__ import annotations

from enum import StrEnum


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
