"""Reconnect delays: exponential with full jitter, so many clients coming back after an outage do
not knock on the server at the same instant."""

from __future__ import annotations

import random


class Backoff:
    def __init__(self, first: float = 1.0, cap: float = 60.0, rng: random.Random | None = None) -> None:
        self.first, self.cap = first, cap
        self.failures = 0
        self._rng = rng or random.Random()

    def next_delay(self) -> float:
        """Seconds to wait after one more failure: uniform in [ceiling / 2, ceiling], where the
        ceiling doubles with each failure up to ``cap``."""
        ceiling = min(self.cap, self.first * 2 ** min(self.failures, 30))
        self.failures += 1
        return self._rng.uniform(ceiling / 2, ceiling)

    def reset(self) -> None:
        self.failures = 0
