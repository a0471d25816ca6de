"""Login throttling (issue 16, class 8): attempts are counted per login and per client address.

The counts live in the database (``login_throttle``), so every server process sees the same ones.
An attempt is counted *before* the password is checked and forgiven once it succeeds: parallel
guesses are counted as they arrive, not after their (slow) argon2 checks, and a throttled request
costs no password check at all. A login or address that reaches its limit within the window is
locked out for a while, twice as long each further time (up to a cap); a success clears the login.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from sync.server.models import LoginThrottle
from sync.server.settings import Settings

LOGIN = "login:"
ADDRESS = "address:"


@dataclass(frozen=True)
class Limits:
    login_failures: int
    address_failures: int
    window: timedelta
    lockout: timedelta
    lockout_cap: timedelta

    @classmethod
    def of(cls, settings: Settings) -> Limits:
        return cls(settings.login_max_failures, settings.login_address_max_failures,
                   timedelta(seconds=settings.login_window_s), timedelta(seconds=settings.login_lockout_s),
                   timedelta(seconds=settings.login_lockout_cap_s))


def normal_login(login: str) -> str:
    """The login as the users table keys it, so «OP1» and «op1 » are counted together."""
    return login.strip().lower()


def reserve(session: Session, limits: Limits, login: str, address: str) -> int:
    """Count one attempt against ``login`` and ``address``; 0 if it may go on, else the seconds to
    wait (the attempt is then not counted). Commit before checking the password."""
    now = datetime.now(UTC)
    _forget_idle(session, limits, now)
    keyed = {ADDRESS + address: limits.address_failures, LOGIN + normal_login(login): limits.login_failures}
    rows = {key: _row(session, key, now) for key in sorted(keyed)}  # one lock order: no deadlocks
    wait = max(_wait(row, keyed[key], limits, now) for key, row in rows.items())
    if wait:
        return math.ceil(wait.total_seconds())
    for row in rows.values():
        row.attempts += 1
        row.last_at = now
    return 0


def succeeded(session: Session, login: str, address: str) -> None:
    """The password was right: the login starts afresh, and the address's count of this attempt is
    taken back (an office behind one address may log in all day)."""
    session.execute(delete(LoginThrottle).where(LoginThrottle.key == LOGIN + normal_login(login)))
    row = session.get(LoginThrottle, ADDRESS + address, with_for_update=True)
    if row is not None:
        row.attempts = max(0, row.attempts - 1)


def _wait(row: LoginThrottle, limit: int, limits: Limits, now: datetime) -> timedelta:
    """How long ``row`` is locked out; locks it when its attempts have reached the limit."""
    if row.locked_until is not None and row.locked_until > now:
        return row.locked_until - now
    if now - row.window_start >= limits.window:
        row.attempts, row.window_start = 0, now
    if row.attempts < limit:
        return timedelta(0)
    lockout = min(limits.lockout * (1 << min(row.lockouts, 20)), limits.lockout_cap)
    row.locked_until, row.lockouts = now + lockout, row.lockouts + 1
    row.attempts, row.window_start, row.last_at = 0, now, now
    return lockout


def _row(session: Session, key: str, now: datetime) -> LoginThrottle:
    """The row of ``key``, made if missing and locked for this transaction (a concurrent first
    attempt on another process makes it at most once)."""
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    session.execute(dialect.insert(LoginThrottle).values(
        key=key, attempts=0, window_start=now, lockouts=0, last_at=now,
    ).on_conflict_do_nothing(index_elements=["key"]))
    query = select(LoginThrottle).where(LoginThrottle.key == key).with_for_update()
    return session.scalars(query.execution_options(populate_existing=True)).one()


def _forget_idle(session: Session, limits: Limits, now: datetime) -> None:
    """Rows idle for longer than any lockout and window go, so guessed logins do not pile up."""
    idle = now - limits.window - limits.lockout_cap
    session.execute(delete(LoginThrottle).where(LoginThrottle.last_at < idle))
