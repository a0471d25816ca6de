"""The access token is checked before a request's body is read (issue 16, class 11).

FastAPI reads and parses a route's body before it resolves the route's dependencies, so without
this a request with no token (or a forged or expired one) to an authenticated route would have its
body — up to the body limit — read and parsed, and malformed JSON would be answered 400 instead of
401. This ASGI middleware finds the route a request goes to and, when the route asks for a token
(:func:`sync.server.deps.needs_token`), checks the token's signature and expiry first — no database,
no body: 401 ``auth_required`` / ``invalid_token`` / ``token_expired``, and the body is never read.
Whether the token's user still exists and is active is checked after, by the route's dependency.
"""

from __future__ import annotations

from collections.abc import Sequence

from fastapi.routing import RouteContext
from starlette.requests import Request
from starlette.routing import BaseRoute, Match
from starlette.types import ASGIApp, Receive, Scope, Send

from sync.server import routes
from sync.server.deps import bearer_credentials, needs_token, token_user_id
from sync.server.errors import ServiceError, error_response
from sync.server.limits import refuse


class TokenGate:
    """ASGI middleware: see the module's doc. ``routes`` is the application's list (filled later)."""

    def __init__(self, app: ASGIApp, routes: Sequence[BaseRoute], secret_key: str) -> None:
        self.app, self.secret_key = app, secret_key
        self._routes = routes
        self._served: list[tuple[RouteContext, bool]] | None = None  # each route and whether it needs a token

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not self._needs_token(scope):
            await self.app(scope, receive, send)
            return
        try:
            token_user_id(self.secret_key, await bearer_credentials(Request(scope)))
        except ServiceError as exc:
            response = error_response(exc.code)
            if _has_body(scope):
                await refuse(response, receive, send)  # unread: answer, drop what still comes, close
            else:
                await response(scope, receive, send)
            return
        await self.app(scope, receive, send)

    def _needs_token(self, scope: Scope) -> bool:
        if self._served is None:  # at the first request: every router is included by then
            self._served = [(route, needs_token(route)) for route in routes.served(self._routes)]
        for route, needs in self._served:
            match, _ = route.matches(scope)
            if match is Match.FULL:
                return needs
        return False


def _has_body(scope: Scope) -> bool:
    headers = dict(scope["headers"])
    return headers.get(b"content-length", b"0") != b"0" or b"transfer-encoding" in headers
