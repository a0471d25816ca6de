"""Sizes, the report, the fixed demo clock and the seeded random streams shared by the generators."""

from __future__ import annotations

import random
from bisect import bisect
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import TypeVar

T = TypeVar("T")
Progress = Callable[[str, int, int], None]
Row = dict[str, object]

# The demo's "today": fixed, so the same seed always gives the same data (never date.today()).
REFERENCE_DATE = date(2026, 11, 1)
REFERENCE_NOW = datetime(REFERENCE_DATE.year, REFERENCE_DATE.month, REFERENCE_DATE.day, 6, 0, tzinfo=UTC)
TICKET_WINDOW_DAYS = 730  # tickets spread over the two years before REFERENCE_NOW


@dataclass(frozen=True)
class DemoSize:
    tickets: int = 2000
    organizations: int = 300
    contacts: int = 900


@dataclass(frozen=True)
class DemoReport:
    users: int
    organizations: int
    customers: int
    contracts: int
    complexes: int
    components: int
    contacts: int
    tickets: int
    seconds: float


def stream(seed: int, name: str) -> random.Random:
    """An independent random stream per generator, so one stage never shifts another's numbers."""
    return random.Random(f"{seed}:{name}")


def at_day(day: date, seconds: int = 0) -> datetime:
    """Aware UTC datetime ``seconds`` after midnight of ``day``."""
    return datetime(day.year, day.month, day.day, tzinfo=UTC) + timedelta(seconds=seconds)


def cumulative(weights: list[float] | list[int]) -> list[float]:
    total = 0.0
    out = []
    for w in weights:
        total += w
        out.append(total)
    return out


def ru_date(day: date) -> str:
    return f"{day.day:02d}.{day.month:02d}.{day.year}"


# Fast draws for the hot loops: ``rnd`` is a bound ``Random.random``; these avoid the per-call
# overhead of Random.choice/choices/randint (which matters at 100 000 tickets).
Rnd = Callable[[], float]


def pick(rnd: Rnd, seq: Sequence[T]) -> T:
    return seq[int(rnd() * len(seq))]


def wpick(rnd: Rnd, seq: Sequence[T], cum: Sequence[float]) -> T:
    """A weighted pick; ``cum`` holds the cumulative weights of ``seq``."""
    return seq[bisect(cum, rnd() * cum[-1])]


def between(rnd: Rnd, low: int, high: int) -> int:
    """An integer from ``low`` to ``high`` inclusive."""
    return low + int(rnd() * (high - low + 1))


def pick_distinct(rnd: Rnd, seq: Sequence[T], k: int) -> list[T]:
    chosen: list[int] = []
    while len(chosen) < k:
        i = int(rnd() * len(seq))
        if i not in chosen:
            chosen.append(i)
    return [seq[i] for i in chosen]
