"""The application's routes as FastAPI serves them: an included router's route with its prefix and
the router's dependencies (FastAPI keeps included routers as one entry each in ``app.routes``)."""

from __future__ import annotations

from collections.abc import Sequence

from fastapi.routing import RouteContext, iter_route_contexts
from starlette.routing import BaseRoute, Match
from starlette.types import Scope


def served(routes: Sequence[BaseRoute]) -> list[RouteContext]:
    """Every route, with ``path_format``, ``methods`` and (for API routes) ``dependant`` as served."""
    return list(iter_route_contexts(routes))


def allowed_methods(routes: Sequence[RouteContext], scope: Scope) -> list[str]:
    """The methods of every route of the request's path (an ``Allow`` header's list)."""
    methods: set[str] = set()
    for route in routes:
        match, _ = route.matches(scope)
        if match is not Match.NONE:
            methods.update(route.methods or ())
    return sorted(methods)
