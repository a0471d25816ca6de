"""Server settings: ``KSDESK_*`` environment variables, overridden by command-line flags of the
same names, validated once at start."""

from __future__ import annotations

import secrets
from pathlib import Path

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    # errors never echo the input: it may be a token or a database URL with a password
    model_config = SettingsConfigDict(env_prefix="KSDESK_", extra="ignore", hide_input_in_errors=True)

    host: str = "127.0.0.1"
    port: int = Field(default=8765, ge=0, le=65535)
    data_dir: Path = Path("ksdesk-server-data")
    database_url: str | None = Field(
        default=None, description="SQLAlchemy URL; default: SQLite file in the data dir"
    )
    secret_key: str | None = Field(
        default=None,
        description="Key that signs access tokens; shared by all server processes. "
        "Default: generated once and kept in the data dir.",
    )
    access_token_minutes: int = Field(default=15, ge=1, le=24 * 60)
    refresh_token_days: int = Field(default=30, ge=1, le=365)
    log_level: str = "info"
    max_request_bytes: int = Field(default=64 * 1024 * 1024, ge=1024)
    # the state registry (EGRUL) lookup by INN (T2), see sync.server.registry
    registry_url: str = Field(
        default="", description='"" = not configured, "demo" = the local demo registry, '
        "else the provider's base URL, e.g. https://suggestions.dadata.ru",
    )
    registry_token: SecretStr = Field(default=SecretStr(""), description="the provider's API key (never logged)")
    registry_timeout_s: float = Field(default=5.0, gt=0, le=60)
    registry_cache_hours: float = Field(default=24, ge=0, description="how long a found answer is served from cache")
    registry_empty_cache_hours: float = Field(default=1, ge=0, description="the same for a not-found answer")

    @field_validator("database_url")
    @classmethod
    def _known_backend(cls, value: str | None) -> str | None:
        if value is None or value == "":
            return None
        if not value.startswith(("sqlite", "postgresql")):
            raise ValueError("only sqlite:/// and postgresql+psycopg:// URLs are supported")
        if value.startswith(("postgresql://", "postgres://")):
            value = "postgresql+psycopg://" + value.split("://", 1)[1]
        return value

    @field_validator("registry_url")
    @classmethod
    def _registry_url(cls, value: str) -> str:
        value = value.strip().rstrip("/")
        if value not in ("", "demo") and not value.startswith(("http://", "https://")):
            raise ValueError('registry URL must be "", "demo" or an http(s):// base URL')
        return value

    @field_validator("registry_token")
    @classmethod
    def _registry_token(cls, value: SecretStr) -> SecretStr:
        token = value.get_secret_value().strip()
        if any(ch.isspace() or not ch.isprintable() for ch in token):
            raise ValueError("the registry token must be one word of printable characters")
        return SecretStr(token)

    @field_validator("log_level")
    @classmethod
    def _level(cls, value: str) -> str:
        value = value.lower()
        if value not in {"critical", "error", "warning", "info", "debug"}:
            raise ValueError("log level must be one of critical, error, warning, info, debug")
        return value

    @property
    def effective_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'ksdesk.sqlite').resolve().as_posix()}"

    def ensure_data_dir(self) -> None:
        self.data_dir.mkdir(parents=True, exist_ok=True)

    def resolved_secret_key(self) -> str:
        """The signing key: configured, or generated once and kept (0600) in the data dir."""
        if self.secret_key:
            return self.secret_key
        self.ensure_data_dir()
        path = self.data_dir / "secret_key"
        if not path.exists():
            path.touch(mode=0o600)
            path.write_text(secrets.token_urlsafe(48), encoding="ascii")
        return path.read_text(encoding="ascii").strip()
