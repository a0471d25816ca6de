"""FastAPI dependencies: the database session, the current user and the one place roles are checked."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from typing import Annotated

import jwt
from fastapi import Depends, Request
from fastapi.dependencies.models import Dependant
from fastapi.routing import RouteContext
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.orm import Session
from starlette.routing import BaseRoute

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


async def bearer_credentials(request: Request) -> HTTPAuthorizationCredentials | None:
    """The ``Authorization`` header read as the routes' :data:`BearerDep` reads it."""
    return await _bearer(request)


def get_current_user(state: StateDep, session: SessionDep, credentials: BearerDep) -> User:
    return authenticate(state, session, credentials)


def authenticate(state: ServerState, session: Session, credentials: HTTPAuthorizationCredentials | None) -> User:
    """The user an access token belongs to, or a ServiceError (auth_required, token_expired …)."""
    user = session.get(User, token_user_id(state.secret_key, credentials))
    if user is None or user.deleted_at is not None:
        raise ServiceError(ErrorCode.INVALID_TOKEN)
    if not user.is_active:
        raise ServiceError(ErrorCode.USER_DISABLED)
    return user


def token_user_id(secret_key: str, credentials: HTTPAuthorizationCredentials | None) -> uuid.UUID:
    """The user id a signed, unexpired access token names — checked without the database, so
    :class:`sync.server.gate.TokenGate` can refuse a request before its body is read."""
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise ServiceError(ErrorCode.AUTH_REQUIRED)
    try:
        claims = decode_access_token(credentials.credentials, secret_key)
        return uuid.UUID(str(claims["sub"]))
    except jwt.ExpiredSignatureError as exc:
        raise ServiceError(ErrorCode.TOKEN_EXPIRED) from exc
    except (jwt.InvalidTokenError, ValueError, KeyError) as exc:
        raise ServiceError(ErrorCode.INVALID_TOKEN) from exc


CurrentUser = Annotated[User, Depends(get_current_user)]


def needs_token(route: RouteContext | BaseRoute) -> bool:
    """Whether a route asks for an access token: some dependency of it reads the bearer credentials."""
    dependant = getattr(route, "dependant", None)
    return dependant is not None and any(dep.call is _bearer for dep in _dependencies(dependant))


def permission_of(route: RouteContext | BaseRoute) -> Permission | None:
    """The permission a route's :func:`require` checks, if it checks one."""
    dependant = getattr(route, "dependant", None)
    if dependant is None:
        return None
    found = (getattr(dep.call, "permission", None) for dep in _dependencies(dependant))
    return next((p for p in found if isinstance(p, Permission)), None)


def _dependencies(dependant: Dependant) -> Iterator[Dependant]:
    for dep in dependant.dependencies:
        yield dep
        yield from _dependencies(dep)


def require(permission: Permission) -> Callable[[User], User]:
    """A dependency that lets through only users whose role holds ``permission`` (sync.roles)."""

    def _check(user: CurrentUser) -> User:
        if not may(user.role, permission):
            raise ServiceError(ErrorCode.FORBIDDEN)
        return user

    _check.permission = permission  # type: ignore[attr-defined]  # read by permission_of (the API description)
    return _check
