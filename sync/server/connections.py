"""Connections a client cannot keep for free: uvicorn's HTTP/1.1 protocol (h11) with a deadline for
the request head and a cap on open connections.

uvicorn closes an idle connection ``timeout_keep_alive`` after an answer, but only until the next byte
arrives, and not at all before a first request: a connection that sends nothing, or a request head a
byte at a time, or a body nobody reads after the answer, was kept as long as the client liked. Here a
connection must send a whole request head within ``header_timeout_s`` of opening (``keep_alive_s +
header_timeout_s`` after the previous answer) — bytes arriving do not move that deadline — and a
connection beyond ``max_connections`` is closed as soon as it opens. The body's own limits are
:mod:`sync.server.limits`'; the head's size is h11's (16 KiB, else 400).
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from uvicorn.protocols.http.h11_impl import H11Protocol


@dataclass(frozen=True)
class ConnectionLimits:
    header_timeout_s: float = 10.0
    keep_alive_s: float = 5.0
    max_connections: int = 1000


class GuardedH11(H11Protocol):
    limits = ConnectionLimits()
    _deadline: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        if len(self.connections) > self.limits.max_connections:
            transport.close()
            return
        self._arm(self.limits.header_timeout_s)

    def data_received(self, data: bytes) -> None:
        cycle = self.cycle
        super().data_received(data)
        if self.cycle is not cycle:  # a request's head came whole
            self._disarm()

    def on_response_complete(self) -> None:
        cycle = self.cycle
        super().on_response_complete()
        if self.cycle is cycle and not self.transport.is_closing():  # no next request yet
            self._arm(self.limits.keep_alive_s + self.limits.header_timeout_s)

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def _arm(self, seconds: float) -> None:
        self._disarm()
        self._deadline = self.loop.call_later(seconds, self._too_slow)

    def _disarm(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None

    def _too_slow(self) -> None:
        self._deadline = None
        if not self.transport.is_closing():
            self.transport.close()


def guarded_h11(limits: ConnectionLimits) -> type[GuardedH11]:
    """The protocol class for uvicorn (``Config(http=…)``) with these limits."""

    class Configured(GuardedH11):
        pass

    Configured.limits = limits
    return Configured
