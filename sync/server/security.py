"""Passwords (argon2id), short-lived access tokens (JWT, HS256) and opaque refresh tokens."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import uuid
from datetime import UTC, datetime, timedelta

import jwt
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_hasher = PasswordHasher()
# verified against when the login is unknown, so both answers take the same time
_DUMMY_HASH = _hasher.hash("not-a-password")
ALGORITHM = "HS256"


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def make_access_token(user_id: uuid.UUID, role: str, secret: str, minutes: int) -> str:
    now = datetime.now(UTC)
    claims = {"sub": str(user_id), "role": role, "iat": now, "exp": now + timedelta(minutes=minutes)}
    return jwt.encode(claims, secret, algorithm=ALGORITHM)


def decode_access_token(token: str, secret: str) -> dict[str, object]:
    """Claims of a valid token; raises ``jwt.ExpiredSignatureError`` or ``jwt.InvalidTokenError``."""
    return jwt.decode(token, secret, algorithms=[ALGORITHM], options={"require": ["sub", "exp"]})


def new_refresh_token() -> tuple[str, str]:
    """A new refresh token and the hash under which it is stored."""
    token = secrets.token_urlsafe(32)
    return token, hash_refresh_token(token)


def hash_refresh_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def successor_refresh_token(token: str, secret: str) -> tuple[str, str]:
    """The token that replaces ``token`` when it is redeemed, and its hash: an HMAC of it under the
    server's secret, so asking again gives the same one, and nobody without both can make it."""
    digest = hmac.new(secret.encode("utf-8"), b"refresh-successor:" + token.encode("utf-8"), hashlib.sha256)
    successor = base64.urlsafe_b64encode(digest.digest()).rstrip(b"=").decode("ascii")
    return successor, hash_refresh_token(successor)
