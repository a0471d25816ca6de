from __future__ import annotations

from fastapi import APIRouter

from sync.protocol import LoginRequest, RefreshRequest, TokenPair, UserPublic
from sync.roles import Role
from sync.server import users
from sync.server.deps import CurrentUser, SessionDep, StateDep
from sync.server.models import User
from sync.server.security import make_access_token
from sync.server.state import ServerState

router = APIRouter(prefix="/auth", tags=["auth"])


def public_user(user: User) -> UserPublic:
    return UserPublic(id=user.id, login=user.login, full_name=user.full_name, role=Role(user.role), email=user.email)


def _token_pair(state: ServerState, session: SessionDep, user: User) -> TokenPair:
    minutes = state.settings.access_token_minutes
    return TokenPair(
        access_token=make_access_token(user.id, user.role, state.secret_key, minutes),
        refresh_token=users.issue_refresh_token(session, user, state.settings.refresh_token_days),
        expires_in=minutes * 60,
        user=public_user(user),
    )


@router.post("/login", response_model=TokenPair)
def login(body: LoginRequest, state: StateDep, session: SessionDep) -> TokenPair:
    """Exchange login and password for an access token and a refresh token."""
    user = users.authenticate(session, body.login, body.password)
    return _token_pair(state, session, user)


@router.post("/refresh", response_model=TokenPair)
def refresh(body: RefreshRequest, state: StateDep, session: SessionDep) -> TokenPair:
    """Exchange a refresh token (valid once) for a new pair."""
    user = users.redeem_refresh_token(session, body.refresh_token)
    return _token_pair(state, session, user)


@router.get("/me", response_model=UserPublic)
def me(user: CurrentUser) -> UserPublic:
    return public_user(user)
