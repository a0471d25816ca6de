"""Wire schemas of the API under ``/api/v1`` shared by server and client (pydantic, no Qt)."""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from sync.roles import Role

API_PREFIX = "/api/v1"


class ErrorDetail(BaseModel):
    code: str
    message: str
    field: str | None = None


class ErrorBody(BaseModel):
    error: ErrorDetail


class Health(BaseModel):
    status: str = "ok"
    version: str
    database: str = Field(description="sqlite or postgresql")
    server_time: datetime


class LoginRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    login: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=1, max_length=256)


class RefreshRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    refresh_token: str = Field(min_length=16, max_length=256)


class UserPublic(BaseModel):
    id: uuid.UUID
    login: str
    full_name: str
    role: Role
    email: str | None = None


class TokenPair(BaseModel):
    access_token: str
    refresh_token: str
    token_type: str = "bearer"
    expires_in: int = Field(description="seconds until the access token expires")
    user: UserPublic
