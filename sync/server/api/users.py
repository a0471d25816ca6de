"""User administration (W3): a supervisor lists, creates and changes users and resets passwords
(``sync.server.user_admin``); every route checks ``Permission.ADMIN_USERS`` on the server."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends
from sqlalchemy import select

from sync.errors import ErrorCode
from sync.protocol import TemporaryPassword, UserCreate, UserPublic, UserUpdate
from sync.roles import Permission
from sync.server import user_admin
from sync.server.api.auth import public_user
from sync.server.deps import SessionDep, require
from sync.server.models import User
from sync.server.openapi import errors

router = APIRouter(prefix="/users", tags=["users"])
UserAdmin = Annotated[User, Depends(require(Permission.ADMIN_USERS))]


@router.get("", response_model=list[UserPublic])
def list_users(session: SessionDep, _admin: UserAdmin) -> list[UserPublic]:
    """Every user, disabled ones too (``is_active``), by login (supervisor only)."""
    users = session.scalars(select(User).where(User.deleted_at.is_(None)).order_by(User.login))
    return [public_user(u) for u in users]


@router.post("", response_model=UserPublic, status_code=201, responses=errors(ErrorCode.ALREADY_EXISTS))
def create_user(body: UserCreate, session: SessionDep, admin: UserAdmin) -> UserPublic:
    """A new user with an initial password (supervisor only). The login and password follow the
    rules of ``ksdesk-server create-user`` (``sync.accounts``); a login taken is ``already_exists``.
    A line left out is the role's."""
    return public_user(user_admin.create(session, admin, body))


@router.patch("/{user_id}", response_model=UserPublic, responses=errors(ErrorCode.LAST_SUPERVISOR))
def update_user(user_id: uuid.UUID, body: UserUpdate, session: SessionDep, admin: UserAdmin) -> UserPublic:
    """Change a user's name, role, line or whether they may work (supervisor only); fields left out stay.
    A supervisor may not demote or disable themselves (``forbidden``), nor anyone the last active
    supervisor (``last_supervisor``). A change of role, line or access revokes the user's refresh
    tokens; a disabled user's open change streams close within ``KSDESK_STREAM_RECHECK_S``."""
    return public_user(user_admin.change(session, admin, user_id, body))


@router.post("/{user_id}/password", response_model=TemporaryPassword)
def reset_password(user_id: uuid.UUID, session: SessionDep, admin: UserAdmin) -> TemporaryPassword:
    """A new temporary password for the user, made by the server and shown only in this answer (only
    its hash is kept); the user's sessions end (supervisor only)."""
    return TemporaryPassword(password=user_admin.reset_password(session, admin, user_id))
