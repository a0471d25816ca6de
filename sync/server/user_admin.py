"""A supervisor administers users (W3, issue 20): create, change name, role, line and whether the
user may work, reset the password. Each change is written to the audit log in its transaction (never a
password), and a change of role, line or access, or a reset, ends the user's sessions: their refresh
tokens are revoked (a disabled user's open streams close by the stream's own recheck)."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from sync import accounts
from sync.errors import ErrorCode
from sync.protocol import UserAction, UserCreate, UserUpdate
from sync.roles import Role, line_of
from sync.server.errors import ServiceError
from sync.server.models import AuditEntry, RefreshToken, User, utcnow
from sync.server.security import hash_password
from sync.server.users import create_user

# what ends the user's sessions when it changes
_ENDS_SESSIONS = frozenset({"role", "line", "is_active"})


def create(session: Session, admin: User, body: UserCreate) -> User:
    user = create_user(session, body.login, body.password, body.role, body.full_name, line=body.line)
    _audit(session, admin, user, UserAction.CREATED,
           {"login": user.login, "full_name": user.full_name, "role": user.role, "line": user.line})
    return user


def change(session: Session, admin: User, user_id: uuid.UUID, body: UserUpdate) -> User:
    """Apply ``body``'s fields to the user (a role given without a line brings the role's line). A
    supervisor never demotes or disables themselves, and the last active supervisor is never demoted or
    disabled (the active supervisors are locked first, so two supervisors demoting each other at once
    cannot both succeed)."""
    supervisors = _lock_active_supervisors(session)
    user = _target(session, user_id)
    wanted: dict[str, Any] = {name: (str(value) if name in ("role", "line") else value)
                              for name, value in body.model_dump(exclude_none=True).items()}
    if "role" in wanted and "line" not in wanted:  # a new role without a line: the role's
        wanted["line"] = line_of(wanted["role"]).value
    changed = {name: [getattr(user, name), value] for name, value in wanted.items() if getattr(user, name) != value}
    leaves = ("role" in changed or changed.get("is_active") == [True, False]) and user.role == Role.SUPERVISOR
    field = "is_active" if "is_active" in changed else "role"
    if leaves and user.id == admin.id:
        raise ServiceError(ErrorCode.FORBIDDEN, "Нельзя отключить собственную учётную запись или сменить себе роль.",
                           field)
    if leaves and user.is_active and not set(supervisors) - {user.id}:
        raise ServiceError(ErrorCode.LAST_SUPERVISOR, field=field)
    _still_supervisor(session, admin)
    for name, (_old, new) in changed.items():
        setattr(user, name, new)
    if changed:
        _audit(session, admin, user, UserAction.UPDATED, changed)
    if _ENDS_SESSIONS & changed.keys() or not user.is_active:
        end_sessions(session, user.id)
    session.flush()
    return user


def reset_password(session: Session, admin: User, user_id: uuid.UUID) -> str:
    """A new temporary password for the user (returned once; only its hash is kept); their sessions end."""
    user = _target(session, user_id)
    password = accounts.temporary_password()
    user.password_hash = hash_password(password)
    _audit(session, admin, user, UserAction.PASSWORD_RESET, {})
    end_sessions(session, user.id)
    session.flush()
    return password


def end_sessions(session: Session, user_id: uuid.UUID) -> None:
    """Revoke every live refresh token of the user: their next refresh is refused."""
    session.execute(update(RefreshToken).where(RefreshToken.user_id == user_id, RefreshToken.revoked_at.is_(None))
                    .values(revoked_at=utcnow()))


def _lock_active_supervisors(session: Session) -> list[uuid.UUID]:
    query = (select(User.id).where(User.role == Role.SUPERVISOR.value, User.is_active.is_(True),
                                   User.deleted_at.is_(None)).order_by(User.id).with_for_update())
    return list(session.scalars(query))


def _still_supervisor(session: Session, admin: User) -> None:
    """The acting supervisor as they are now, after the lock: another supervisor's change that was
    committed while this request waited (disabling or demoting them) refuses it."""
    session.refresh(admin)
    if not admin.is_active:
        raise ServiceError(ErrorCode.USER_DISABLED)
    if admin.role != Role.SUPERVISOR:
        raise ServiceError(ErrorCode.FORBIDDEN)


def _target(session: Session, user_id: uuid.UUID) -> User:
    user = session.get(User, user_id, with_for_update=True)
    if user is None or user.deleted_at is not None:
        raise ServiceError(ErrorCode.NOT_FOUND, "Пользователь не найден.")
    return user


def _audit(session: Session, admin: User, user: User, action: UserAction, changes: dict[str, Any]) -> None:
    session.add(AuditEntry(user_id=admin.id, entity="user", entity_id=user.id, action=str(action), changes=changes))

