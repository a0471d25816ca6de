from __future__ import annotations

from datetime import timedelta

from fastapi import APIRouter, Request

from sync.errors import ErrorCode
from sync.protocol import LoginRequest, RefreshRequest, TokenPair, UserPublic
from sync.roles import Line, Role
from sync.server import throttle, users
from sync.server.db import session_scope, write_scope
from sync.server.deps import CurrentUser, SessionDep, StateDep
from sync.server.errors import ServiceError
from sync.server.models import User
from sync.server.openapi import errors
from sync.server.security import make_access_token, verify_password
from sync.server.state import ServerState

router = APIRouter(prefix="/auth", tags=["auth"])

HASH_WAIT_S = 30.0  # how long a login waits for a free password check (a shift's start) before it is told to come back
HASH_BUSY_RETRY_S = 2


def public_user(user: User) -> UserPublic:
    return UserPublic(id=user.id, login=user.login, full_name=user.full_name, role=Role(user.role), email=user.email,
                      line=Line(user.line), is_active=user.is_active)


def _token_pair(state: ServerState, user: User, refresh_token: str) -> TokenPair:
    minutes = state.settings.access_token_minutes
    return TokenPair(
        access_token=make_access_token(user.id, user.role, state.secret_key, minutes),
        refresh_token=refresh_token,
        expires_in=minutes * 60,
        user=public_user(user),
    )


@router.post("/login", response_model=TokenPair, responses=errors(
    ErrorCode.INVALID_CREDENTIALS, ErrorCode.INVALID_TOKEN, ErrorCode.USER_DISABLED, ErrorCode.TOO_MANY_ATTEMPTS,
    ErrorCode.LOGIN_BUSY))
def login(body: LoginRequest, state: StateDep, request: Request) -> TokenPair:
    """Exchange login and password for an access token and a refresh token. Failed attempts are
    counted per login and per client address: past the limits the answer is 429 ``too_many_attempts``
    with ``Retry-After`` (seconds), and the password is not even checked until then."""
    address = request.client.host if request.client else "unknown"
    # three short transactions: none is open (nor, on SQLite, the write lock held) during the slow check
    with write_scope(state.session_factory) as session:
        wait = throttle.reserve(session, throttle.Limits.of(state.settings), body.login, address)
    if wait:
        raise ServiceError(ErrorCode.TOO_MANY_ATTEMPTS, retry_after=wait)
    with session_scope(state.session_factory) as session:
        user = users.find(session, body.login)
        password_hash = user.password_hash if user else None
    if not state.hashing.acquire(timeout=HASH_WAIT_S):  # argon2 is CPU and memory: a few at a time
        raise ServiceError(ErrorCode.LOGIN_BUSY, retry_after=HASH_BUSY_RETRY_S)
    try:
        right = verify_password(password_hash, body.password)  # an unknown login costs the same time
    finally:
        state.hashing.release()
    if not right or user is None:
        raise ServiceError(ErrorCode.INVALID_CREDENTIALS)
    with write_scope(state.session_factory) as session:
        throttle.succeeded(session, body.login, address)
        user = users.active(session.get(User, user.id))
        pair = _token_pair(state, user, users.issue_refresh_token(session, user, state.settings.refresh_token_days))
    return pair


@router.post("/refresh", response_model=TokenPair, responses=errors(
    ErrorCode.INVALID_TOKEN, ErrorCode.TOKEN_EXPIRED, ErrorCode.REFRESH_TOKEN_REUSED, ErrorCode.USER_DISABLED))
def refresh(body: RefreshRequest, state: StateDep, session: SessionDep) -> TokenPair:
    """Exchange a refresh token (valid once) for a new pair. Asked again within a short grace window
    (a lost answer), the same refresh token comes back; later, the token's whole family is revoked
    and the answer is 401 ``refresh_token_reused``."""
    user, token = users.redeem_refresh_token(
        session, body.refresh_token, state.secret_key, days=state.settings.refresh_token_days,
        grace=timedelta(seconds=state.settings.refresh_grace_s),
    )
    return _token_pair(state, user, token)


@router.get("/me", response_model=UserPublic)
def me(user: CurrentUser) -> UserPublic:
    return public_user(user)
