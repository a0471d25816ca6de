from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends
from sqlalchemy import select

from sync.protocol import UserPublic
from sync.roles import Permission
from sync.server.api.auth import public_user
from sync.server.deps import SessionDep, require
from sync.server.models import User

router = APIRouter(prefix="/users", tags=["users"])
UserAdmin = Annotated[User, Depends(require(Permission.ADMIN_USERS))]


@router.get("", response_model=list[UserPublic])
def list_users(session: SessionDep, _admin: UserAdmin) -> list[UserPublic]:
    """All active users (supervisor only)."""
    users = session.scalars(select(User).where(User.deleted_at.is_(None)).order_by(User.login))
    return [public_user(u) for u in users]
