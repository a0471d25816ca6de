"""Server settings: ``KSDESK_*`` environment variables, overridden by command-line flags of the
same names, validated once at start."""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Self

from pydantic import Field, SecretStr, field_validator, model_validator
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
    # issue 16: sessions that resist guessing and theft (docs/security.md)
    login_max_failures: int = Field(default=5, ge=1, description="failed logins of one login within the window "
                                    "before it is locked out")
    login_address_max_failures: int = Field(default=30, ge=1, description="failed logins from one client address "
                                            "(any login) within the window before the address is locked out")
    login_window_s: float = Field(default=900.0, gt=0, le=30 * 86400,
                                  description="the window failed logins are counted in")
    login_lockout_s: float = Field(default=60.0, gt=0, le=86400,
                                   description="the first lockout; each further one doubles")
    login_lockout_cap_s: float = Field(default=3600.0, gt=0, le=30 * 86400, description="the longest lockout")
    login_hashes_at_once: int = Field(default=4, ge=1, le=64, description="password checks (argon2: CPU and "
                                      "64 MiB each) running at once per process; more wait a moment, then 429")
    refresh_grace_s: float = Field(default=30.0, ge=0, le=600, description="a rotated refresh token redeemed "
                                   "again within this long gets the same new token (its answer was lost); "
                                   "later, it revokes its whole family")
    stream_recheck_s: float = Field(default=5.0, gt=0, le=300, description="how often an open change stream "
                                    "checks that its user is still active and its token valid")
    log_level: str = "info"
    # what one client may hold of the server (issue 16): see sync.server.limits and sync.server.connections
    max_request_bytes: int = Field(default=64 * 1024 * 1024, ge=1024, description="the largest request body "
                                   "(a file upload's part may be as large as the largest file); counted as it "
                                   "arrives, chunked or not: 413 payload_too_large")
    body_timeout_s: float = Field(default=60.0, gt=0, le=3600, description="a request's body (not a file "
                                  "upload's part) must arrive whole within this: 408 request_timeout")
    header_timeout_s: float = Field(default=10.0, gt=0, le=600, description="a connection must send a whole "
                                    "request head within this of opening (or of keep_alive_s + this after the "
                                    "previous answer), else it is closed")
    keep_alive_s: int = Field(default=5, ge=1, le=600, description="an idle connection between requests is "
                              "closed after this many seconds")
    max_connections: int = Field(default=1000, ge=1, description="connections beyond this are closed at once")
    files_dir: Path | None = Field(default=None, description="where ticket attachments are stored (T12), by "
                                   "SHA-256; default: files/ in the data dir. Shared by all server processes.")
    # the state registry (EGRUL) lookup by INN (T2), see sync.server.registry
    registry_url: str = Field(
        default="", description='"" = not configured, "demo" = the local demo registry, '
        "else the provider's base URL, e.g. https://suggestions.dadata.ru",
    )
    registry_token: SecretStr = Field(default=SecretStr(""), description="the provider's API key (never logged)")
    registry_timeout_s: float = Field(default=5.0, gt=0, le=60)
    registry_cache_hours: float = Field(default=24, ge=0, description="how long a found answer is served from cache")
    registry_empty_cache_hours: float = Field(default=1, ge=0, description="the same for a not-found answer")
    # the applicant's e-mail (T14), see sync.server.mail_sender
    smtp_host: str = Field(default="", description='"" = no mail is sent (it stays queued in the database)')
    smtp_port: int = Field(default=25, ge=1, le=65535)
    smtp_from: str = Field(default="KS Desk <support@ksdesk.local>", description="the From of every e-mail; "
                           "its domain is also the right-hand part of the Message-IDs")
    smtp_user: str = Field(default="", description='"" = no SMTP AUTH')
    smtp_password: SecretStr = Field(default=SecretStr(""), description="never logged")
    smtp_starttls: bool = Field(default=False, description="upgrade the connection with STARTTLS (certificate checked)")
    smtp_timeout_s: float = Field(default=30.0, gt=0, le=300)
    mail_retry_first_s: float = Field(default=30.0, gt=0, description="the wait after a first failed attempt; "
                                      "it doubles after each further one")
    mail_retry_cap_s: float = Field(default=3600.0, gt=0, description="the longest wait between attempts")
    mail_max_attempts: int = Field(default=12, ge=1, description="after this many failed attempts: status failed")
    mail_lease_s: float = Field(default=300.0, gt=0, description="a message claimed by a sender that died is "
                                "tried again after this long; at least 4 × smtp_timeout_s (one send is several "
                                "SMTP round trips, and a lease that ends during one would send it twice)")

    # the agent desk's e-mail channel (issue 18), see sync.server.inbound_mail
    smtp_in_port: int | None = Field(default=None, ge=1, le=65535, description="port on which the server accepts "
                                     "mail for the support mailbox over SMTP (where its MTA delivers); none: off")
    smtp_in_host: str = Field(default="", description='address the SMTP listener binds; "" = the same as host')
    smtp_in_mailbox: str = Field(default="", description="the addresses accepted (comma-separated); "
                                 '"" = the address of smtp_from. Mail for others is refused (550)')
    smtp_in_max_bytes: int = Field(default=25 * 1024 * 1024, ge=1024, le=256 * 1024 * 1024,
                                   description="the largest message accepted (DATA); a larger one is refused (552)")

    # the agent desk's push mode (issue 18, A4), see sync.server.offers
    offer_timeout_s: float = Field(default=15.0, gt=0, le=600, description="how long an offered task waits for "
                                   "the agent's accept; then the agent is Not Ready (no_answer) and the task "
                                   "goes back to its place in the queue")
    presence_timeout_s: float = Field(default=30.0, gt=0, le=3600, description="a Ready agent with no live "
                                      "stream for this long becomes Not Ready (no_connection); its offer is "
                                      "withdrawn and the task offered to the next agent")

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

    @field_validator("smtp_host")
    @classmethod
    def _smtp_host(cls, value: str) -> str:
        value = value.strip()
        if any(ch.isspace() or ch in "/@" for ch in value):
            raise ValueError("SMTP host must be a host name or address, without a scheme or a port")
        return value

    @field_validator("smtp_from")
    @classmethod
    def _smtp_from(cls, value: str) -> str:
        from email.utils import parseaddr

        value = value.strip()
        address = parseaddr(value)[1]
        if "@" not in address or not address.rpartition("@")[2] or any(ch in value for ch in "\r\n"):
            raise ValueError('the sender must be an address, e.g. "KS Desk <support@example.ru>"')
        return value

    @model_validator(mode="after")
    def _mail_lease(self) -> Self:
        if self.mail_lease_s < 4 * self.smtp_timeout_s:
            raise ValueError("mail_lease_s must be at least 4 × smtp_timeout_s")
        return self

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

    @property
    def effective_files_dir(self) -> Path:
        return (self.files_dir or self.data_dir / "files").resolve()

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
