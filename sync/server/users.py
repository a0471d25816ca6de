"""User accounts: creation and authentication (the service layer behind ``/auth`` and the CLI)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from sync.errors import ErrorCode
from sync.roles import Role
from sync.server.errors import ServiceError
from sync.server.models import RefreshToken, User
from sync.server.security import hash_password, hash_refresh_token, new_refresh_token, verify_password

REUSE_WINDOW = timedelta(minutes=2)
LOGIN_CHARS = set("abcdefghijklmnopqrstuvwxyz0123456789._-")


def create_user(
    session: Session, login: str, password: str, role: Role, full_name: str = "", email: str | None = None
) -> User:
    login = login.strip().lower()
    if not login or not set(login) <= LOGIN_CHARS or len(login) > 64:
        raise ServiceError(
            ErrorCode.VALIDATION_ERROR,
            "Логин: латинские буквы, цифры, точка, дефис и подчёркивание, до 64 символов.",
            "login",
        )
    if len(password) < 4:
        raise ServiceError(ErrorCode.VALIDATION_ERROR, "Пароль: не короче 4 символов.", "password")
    if session.scalar(select(User.id).where(User.login == login)) is not None:
        raise ServiceError(ErrorCode.ALREADY_EXISTS, f"Пользователь «{login}» уже существует.", "login")
    user = User(
        login=login,
        password_hash=hash_password(password),
        role=Role(role).value,
        full_name=full_name or login,
        email=email,
    )
    session.add(user)
    session.flush()
    return user


def authenticate(session: Session, login: str, password: str) -> User:
    user = session.scalar(select(User).where(User.login == login.strip().lower(), User.deleted_at.is_(None)))
    if not verify_password(user.password_hash if user else None, password) or user is None:
        raise ServiceError(ErrorCode.INVALID_CREDENTIALS)
    if not user.is_active:
        raise ServiceError(ErrorCode.USER_DISABLED)
    return user


def issue_refresh_token(session: Session, user: User, days: int) -> str:
    token, token_hash = new_refresh_token()
    session.add(
        RefreshToken(user_id=user.id, token_hash=token_hash, expires_at=datetime.now(UTC) + timedelta(days=days))
    )
    return token


def redeem_refresh_token(session: Session, token: str) -> User:
    """Revoke ``token`` (each refresh token works once) and return its active user."""
    row = session.scalar(
        select(RefreshToken).where(RefreshToken.token_hash == hash_refresh_token(token)).with_for_update()
    )
    now = datetime.now(UTC)
    # a token may be redeemed again for a short while: on a flaky network the answer to the first
    # redemption can be lost, and the operator should not be logged out for that
    if row is None or (row.revoked_at is not None and now - row.revoked_at > REUSE_WINDOW):
        raise ServiceError(ErrorCode.INVALID_TOKEN)
    if row.expires_at <= now:
        raise ServiceError(ErrorCode.TOKEN_EXPIRED)
    row.revoked_at = row.revoked_at or now
    user = session.get(User, row.user_id)
    if user is None or user.deleted_at is not None:
        raise ServiceError(ErrorCode.INVALID_TOKEN)
    if not user.is_active:
        raise ServiceError(ErrorCode.USER_DISABLED)
    return user
