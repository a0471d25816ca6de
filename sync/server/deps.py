"""FastAPI dependencies: the database session, the current user and the one place roles are checked."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from typing import Annotated

import jwt
from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.orm import Session

from sync.errors import ErrorCode
from sync.roles import Permission, may
from sync.server.errors import ServiceError
from sync.server.models import User
from sync.server.security import decode_access_token
from sync.server.state import ServerState
from sync.sqlite import WRITE

_bearer = HTTPBearer(auto_error=False)


def get_state(request: Request) -> ServerState:
    state: ServerState = request.app.state.ksdesk
    return state


StateDep = Annotated[ServerState, Depends(get_state)]


READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def get_session(state: StateDep, request: Request) -> Iterator[Session]:
    """One session per request: committed when the handler returns, rolled back on any error. The
    commit happens before the answer is sent (``scope="function"``): a client told "applied" may
    forget its outbox entry, so the change must be durable by then."""
    with state.session_factory() as session:
        if request.method not in READ_METHODS and session.get_bind().dialect.name == "sqlite":
            # a request that may write takes SQLite's write lock up front (BEGIN IMMEDIATE): concurrent
            # writers then queue instead of failing with "database is locked" when read turns to write
            session.connection(execution_options=WRITE)
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


# Requests holding a session at once, per process: fewer than the connection pool (10 + 10) and than
# the 40 threads FastAPI runs sync code on. A request keeps its session (and on SQLite the write lock,
# on PostgreSQL the counter's row lock) across several of those threads; were every thread taken by
# requests waiting for that lock, its holder could not finish and all would stall until the timeouts.
SESSIONS_AT_ONCE = 16

SessionDep = Annotated[Session, Depends(get_session, scope="function", max_concurrency=SESSIONS_AT_ONCE)]


BearerDep = Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]


def get_current_user(state: StateDep, session: SessionDep, credentials: BearerDep) -> User:
    return authenticate(state, session, credentials)


def authenticate(state: ServerState, session: Session, credentials: HTTPAuthorizationCredentials | None) -> User:
    """The user an access token belongs to, or a ServiceError (auth_required, token_expired …)."""
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise ServiceError(ErrorCode.AUTH_REQUIRED)
    try:
        claims = decode_access_token(credentials.credentials, state.secret_key)
        user_id = uuid.UUID(str(claims["sub"]))
    except jwt.ExpiredSignatureError as exc:
        raise ServiceError(ErrorCode.TOKEN_EXPIRED) from exc
    except (jwt.InvalidTokenError, ValueError) as exc:
        raise ServiceError(ErrorCode.INVALID_TOKEN) from exc
    user = session.get(User, user_id)
    if user is None or user.deleted_at is not None:
        raise ServiceError(ErrorCode.INVALID_TOKEN)
    if not user.is_active:
        raise ServiceError(ErrorCode.USER_DISABLED)
    return user


CurrentUser = Annotated[User, Depends(get_current_user)]


def require(permission: Permission) -> Callable[[User], User]:
    """A dependency that lets through only users whose role holds ``permission`` (sync.roles)."""

    def _check(user: CurrentUser) -> User:
        if not may(user.role, permission):
            raise ServiceError(ErrorCode.FORBIDDEN)
        return user

    return _check
