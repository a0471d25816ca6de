from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends
from sqlalchemy import select, update

from sync.errors import ErrorCode
from sync.protocol import UserPublic, UserUpdate
from sync.roles import Permission
from sync.server.api.auth import public_user
from sync.server.deps import SessionDep, require
from sync.server.errors import ServiceError
from sync.server.models import AuditEntry, RefreshToken, User, utcnow

router = APIRouter(prefix="/users", tags=["users"])
UserAdmin = Annotated[User, Depends(require(Permission.ADMIN_USERS))]


@router.get("", response_model=list[UserPublic])
def list_users(session: SessionDep, _admin: UserAdmin) -> list[UserPublic]:
    """All active users (supervisor only)."""
    users = session.scalars(select(User).where(User.deleted_at.is_(None)).order_by(User.login))
    return [public_user(u) for u in users]


@router.patch("/{user_id}", response_model=UserPublic)
def update_user(user_id: uuid.UUID, body: UserUpdate, session: SessionDep, admin: UserAdmin) -> UserPublic:
    """Enable or disable a user (supervisor only). A disabled user's refresh tokens are revoked and
    open change streams close within ``KSDESK_STREAM_RECHECK_S``; the change is synced like any other."""
    user = session.get(User, user_id, with_for_update=True)
    if user is None or user.deleted_at is not None:
        raise ServiceError(ErrorCode.NOT_FOUND)
    if user.id == admin.id and not body.is_active:
        raise ServiceError(ErrorCode.FORBIDDEN, "Нельзя отключить собственную учётную запись.", "is_active")
    if user.is_active != body.is_active:
        session.add(AuditEntry(user_id=admin.id, entity="user", entity_id=user.id, action="update",
                               changes={"is_active": [user.is_active, body.is_active]}))
        user.is_active = body.is_active
    if not body.is_active:
        session.execute(update(RefreshToken).where(RefreshToken.user_id == user.id, RefreshToken.revoked_at.is_(None))
                        .values(revoked_at=utcnow()))
    session.flush()
    return public_user(user)
