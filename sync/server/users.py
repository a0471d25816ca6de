"""User accounts: creation and authentication (the service layer behind ``/auth`` and the CLI)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from sync import accounts
from sync.errors import ErrorCode
from sync.ids import new_id
from sync.roles import Line, Role, line_of
from sync.server.errors import ServiceError
from sync.server.models import RefreshToken, User
from sync.server.security import (
    hash_password,
    hash_refresh_token,
    new_refresh_token,
    successor_refresh_token,
    verify_password,
)


def create_user(
    session: Session, login: str, password: str, role: Role, full_name: str = "", email: str | None = None,
    line: Line | None = None,
) -> User:
    """A new user, by the rules of ``sync.accounts`` (the CLI and ``POST /users`` alike); ``line``
    defaults to the role's."""
    for problem, name in ((accounts.login_problem(login), "login"), (accounts.password_problem(password), "password")):
        if problem is not None:
            raise ServiceError(ErrorCode.VALIDATION_ERROR, problem, name)
    login = accounts.normal_login(login)
    if session.scalar(select(User.id).where(User.login == login)) is not None:
        raise ServiceError(ErrorCode.ALREADY_EXISTS, f"Пользователь «{login}» уже существует.", "login")
    user = User(
        login=login,
        password_hash=hash_password(password),
        role=Role(role).value,
        line=line_of(role, line).value,
        full_name=full_name or login,
        email=email,
    )
    session.add(user)
    session.flush()
    return user


def find(session: Session, login: str) -> User | None:
    """The (not deleted) user of ``login``, however it was typed in case and spaces."""
    return session.scalar(select(User).where(User.login == login.strip().lower(), User.deleted_at.is_(None)))


def authenticate(session: Session, login: str, password: str) -> User:
    user = find(session, login)
    if not verify_password(user.password_hash if user else None, password) or user is None:
        raise ServiceError(ErrorCode.INVALID_CREDENTIALS)
    return active(user)


def active(user: User | None) -> User:
    """``user`` if it may work; else the error that says why not."""
    if user is None or user.deleted_at is not None:
        raise ServiceError(ErrorCode.INVALID_TOKEN)
    if not user.is_active:
        raise ServiceError(ErrorCode.USER_DISABLED)
    return user


def issue_refresh_token(session: Session, user: User, days: int) -> str:
    """A refresh token that starts a new family (a login)."""
    token, token_hash = new_refresh_token()
    row_id = new_id()
    session.add(RefreshToken(id=row_id, family_id=row_id, user_id=user.id, token_hash=token_hash,
                             expires_at=datetime.now(UTC) + timedelta(days=days)))
    return token


def redeem_refresh_token(session: Session, token: str, secret: str, *, days: int, grace: timedelta) -> tuple[User, str]:
    """Rotate ``token`` (each refresh token works once): its user and the refresh token that replaces it.

    The replacement is derived from ``token`` with the server's secret (an HMAC), never stored in a
    form that could be handed out: so a client whose answer was lost gets the *same* replacement when
    it asks again within ``grace`` (a second, diverging token would look like theft later), while a
    copy of the database alone yields no usable token. A rotated token redeemed after ``grace``, or
    after its replacement was itself rotated, means two parties hold the family: every token of the
    family is revoked (OAuth 2.0 Security BCP, refresh token rotation) and the answer is
    ``refresh_token_reused``.
    """
    row = session.scalar(
        select(RefreshToken).where(RefreshToken.token_hash == hash_refresh_token(token)).with_for_update()
    )
    now = datetime.now(UTC)
    if row is None:
        raise ServiceError(ErrorCode.INVALID_TOKEN)
    successor, successor_hash = successor_refresh_token(token, secret)
    if row.revoked_at is not None:
        return _again(session, row, successor, now, grace)
    if row.expires_at <= now:
        raise ServiceError(ErrorCode.TOKEN_EXPIRED)
    user = active(session.get(User, row.user_id))
    replacement = RefreshToken(id=new_id(), family_id=row.family_id, user_id=row.user_id, token_hash=successor_hash,
                               expires_at=now + timedelta(days=days))
    session.add(replacement)
    row.revoked_at, row.replaced_by_id = now, replacement.id
    return user, successor


def _again(session: Session, row: RefreshToken, successor: str, now: datetime, grace: timedelta) -> tuple[User, str]:
    """A token redeemed before: the same replacement within the grace window, else the family goes."""
    if row.replaced_by_id is None:  # revoked with its family already
        raise ServiceError(ErrorCode.INVALID_TOKEN)
    replacement = session.get(RefreshToken, row.replaced_by_id, with_for_update=True)
    in_grace = row.revoked_at is not None and now - row.revoked_at <= grace
    if in_grace and replacement is not None and replacement.revoked_at is None and replacement.expires_at > now:
        return active(session.get(User, row.user_id)), successor
    session.execute(update(RefreshToken).where(RefreshToken.family_id == row.family_id,
                                               RefreshToken.revoked_at.is_(None)).values(revoked_at=now))
    session.commit()  # the revocation stands although the answer is an error (which rolls back)
    raise ServiceError(ErrorCode.REFRESH_TOKEN_REUSED)
