"""A request body is limited as it is read: its size, and the time it may take to arrive.

A declared ``Content-Length`` over the limit is refused before a byte is read; a chunked body (or
one longer than declared) is counted as it arrives and refused once it passes the limit — so no
request can make the server hold more than the limit in memory. A body that takes longer than the
body timeout to arrive is refused too. The route never sees the rest: to it the client went away
(``http.disconnect``), and whatever it answers is dropped for ours: 413 ``payload_too_large`` or
408 ``request_timeout``, with ``Connection: close``.

The file upload route takes parts as large as the largest file and keeps its own idle timeout
(:mod:`sync.server.api.attachments`), so here it only gets the larger size limit.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sync.errors import ErrorCode
from sync.server.errors import error_response

log = logging.getLogger(__name__)

LINGER_S = 2.0  # after refusing, read and drop what the client still sends for this long at most …
LINGER_IDLE_S = 0.5  # … or until it pauses this long, so it reads our answer instead of a reset


@dataclass(frozen=True)
class BodyLimits:
    max_bytes: int  # any request's body
    upload_bytes: int  # a file upload's part
    timeout_s: float  # the time a body (not an upload's) may take to arrive whole
    is_upload: Callable[[str], bool]


class BodyLimit:
    """ASGI middleware: see the module's doc."""

    def __init__(self, app: ASGIApp, limits: BodyLimits) -> None:
        self.app, self.limits = app, limits

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        upload = self.limits.is_upload(scope["path"])
        allowed = self.limits.upload_bytes if upload else self.limits.max_bytes
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and not declared.isdigit():
            await error_response(ErrorCode.VALIDATION_ERROR, "Неверный заголовок Content-Length.")(scope, receive, send)
            return
        if declared is not None and int(declared) > allowed:
            await refuse(error_response(ErrorCode.PAYLOAD_TOO_LARGE), receive, send)
            return
        guard = _Guard(receive, allowed, None if upload else self.limits.timeout_s)
        started = False

        async def guarded_send(message: Message) -> None:
            nonlocal started
            if guard.refused is not None and not started:
                return  # the route's answer to a body it did not get whole: ours goes instead
            started = True
            await send(message)

        try:
            await self.app(scope, guard.receive, guarded_send)
        except Exception:
            if guard.refused is None or started:
                raise
            log.debug("a refused body ended its route with an error", exc_info=True)
        if guard.refused is not None and not started:
            await refuse(error_response(guard.refused), receive, send)


class _Guard:
    """Passes the body on while it stays within the limits; past them, says the client left."""

    def __init__(self, receive: Receive, allowed: int, timeout_s: float | None) -> None:
        self._receive, self._allowed = receive, allowed
        self._deadline = None if timeout_s is None else time.monotonic() + timeout_s
        self._seen = 0
        self._whole = False
        self.refused: ErrorCode | None = None

    async def receive(self) -> Message:
        if self.refused is not None:
            return {"type": "http.disconnect"}
        if self._whole or self._deadline is None:
            message = await self._receive()
        else:
            try:
                message = await asyncio.wait_for(self._receive(), max(0.0, self._deadline - time.monotonic()))
            except TimeoutError:
                return self._refuse(ErrorCode.REQUEST_TIMEOUT)
        if message["type"] == "http.request":
            self._seen += len(message.get("body", b""))
            if self._seen > self._allowed:
                return self._refuse(ErrorCode.PAYLOAD_TOO_LARGE)
            self._whole = not message.get("more_body", False)
        return message

    def _refuse(self, code: ErrorCode) -> Message:
        self.refused = code
        return {"type": "http.disconnect"}


async def refuse(response: Response, receive: Receive, send: Send) -> None:
    """Answer a request whose body is not read, and close; the body's rest is read and dropped for a
    moment first (bounded in time), since closing on unread bytes resets the connection and the
    client may lose the answer."""
    response.headers["connection"] = "close"
    await send({"type": "http.response.start", "status": response.status_code, "headers": response.raw_headers})
    await send({"type": "http.response.body", "body": response.body, "more_body": True})
    await _linger(receive)
    await send({"type": "http.response.body", "body": b"", "more_body": False})


async def _linger(receive: Receive) -> None:
    end = time.monotonic() + LINGER_S
    while (left := end - time.monotonic()) > 0:
        try:
            message = await asyncio.wait_for(receive(), min(left, LINGER_IDLE_S))
        except TimeoutError:
            return
        if message["type"] != "http.request" or not message.get("more_body", False):
            return
