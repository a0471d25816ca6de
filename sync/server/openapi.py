"""``/openapi.json`` that says what the API answers, errors included (issue 16, class 11).

Every error the server sends has one body, :class:`sync.protocol.ErrorBody`, and a stable code whose
HTTP status is :data:`sync.server.errors.STATUS`. Each operation documents every status it can
answer with, the codes behind each (listed in the description and as ``x-error-codes``), and the
headers that come with them. The codes come from two places, so no route lists them by hand:

* what follows from a route's shape (:func:`implied_codes`): a token → 401 and 403 ``user_disabled``;
  a role checked → 403 ``forbidden``; an id in the path → 404; parameters or a body → 422; a JSON
  body → 400, 408, 413; the database → 503;
* what only the route knows, declared with ``responses=errors(ErrorCode.…)``.

FastAPI's own ``HTTPValidationError`` (``{"detail": …}``, a body this server never sends) is gone.
``tests/server/test_hostile_openapi.py`` runs schemathesis over every operation to hold this true.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from fastapi import FastAPI
from fastapi.dependencies.utils import get_flat_params
from fastapi.routing import APIRoute, RouteContext

from sync.errors import ErrorCode, message_ru
from sync.protocol import ErrorBody
from sync.server import routes
from sync.server.deps import needs_token, permission_of
from sync.server.errors import SENDS_RETRY_AFTER, STATUS

X_CODES = "x-error-codes"
REF = "#/components/schemas/{model}"
ERROR_BODY = {"$ref": REF.format(model="ErrorBody")}

TOKEN_CODES = (ErrorCode.AUTH_REQUIRED, ErrorCode.INVALID_TOKEN, ErrorCode.TOKEN_EXPIRED, ErrorCode.USER_DISABLED)
BODY_CODES = (ErrorCode.INVALID_JSON, ErrorCode.PAYLOAD_TOO_LARGE, ErrorCode.REQUEST_TIMEOUT)

DESCRIPTION = """\
The API of KS Desk's sync server.

**Errors.** Every error, whatever its status, is `{"error": {"code", "message", "field"}}`
(`ErrorBody`): `code` is stable (branch on it), `message` is Russian text for the user, `field` names
the request's field when there is one. Each operation lists the statuses it answers with and the
codes of each (`x-error-codes`). Besides those: an unknown path is 404 `not_found`; a method the path
does not have is 405 `method_not_allowed` with `Allow`; a request body over the server's limit is 413
`payload_too_large` and one that arrives too slowly 408 `request_timeout` (both with
`Connection: close`), whatever the operation.

**Authentication.** `Authorization: Bearer <access token>` from `POST /api/v1/auth/login`. The token is
checked before a request's body is read: without a valid one the answer is 401 and the body is never
read."""


def errors(*codes: ErrorCode) -> dict[int | str, dict[str, Any]]:
    """``responses=`` for a route: the codes only it answers with, by status (those that follow from its
    shape are added to every route by :func:`install`)."""
    out: dict[int | str, dict[str, Any]] = {}
    for code in codes:
        out.setdefault(STATUS[code], {X_CODES: []})[X_CODES].append(str(code))
    return out


def implied_codes(route: RouteContext) -> list[ErrorCode]:
    """The error codes a route can answer with because of its shape (see the module's doc)."""
    codes = [ErrorCode.SERVICE_UNAVAILABLE]  # every operation reads the database
    if needs_token(route):
        codes += TOKEN_CODES
    if permission_of(route) is not None:
        codes.append(ErrorCode.FORBIDDEN)
    if route.param_convertors:  # an id in the path
        codes.append(ErrorCode.NOT_FOUND)
    if get_flat_params(route.dependant) or route.body_field is not None:
        codes.append(ErrorCode.VALIDATION_ERROR)
    if route.body_field is not None:
        codes += BODY_CODES
    return codes


def install(app: FastAPI) -> None:
    """Make ``app.openapi()`` (and so ``/openapi.json``) the described schema."""
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = describe(app, generate())
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]  # FastAPI's documented way to customise it


def describe(app: FastAPI, schema: dict[str, Any]) -> dict[str, Any]:
    schema["info"]["description"] = DESCRIPTION
    served = {(r.path_format, m.lower()): r for r in routes.served(app.routes)
              if isinstance(r.original_route, APIRoute) for m in r.methods or ()}
    for path, operations in schema.get("paths", {}).items():
        for method, operation in operations.items():
            route = served.get((path, method))
            if route is not None:
                _describe_errors(operation["responses"], implied_codes(route))
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    error_schema = ErrorBody.model_json_schema(ref_template=REF)
    components.update(error_schema.pop("$defs", {}))
    components["ErrorBody"] = error_schema
    for unused in ("HTTPValidationError", "ValidationError"):  # FastAPI's {"detail": …}, never sent
        components.pop(unused, None)
    return schema


def _describe_errors(responses: dict[str, Any], implied: Iterable[ErrorCode]) -> None:
    by_status: dict[int, list[ErrorCode]] = {}
    for key, response in list(responses.items()):
        if key.isdigit() and int(key) >= 400:
            by_status[int(key)] = [ErrorCode(c) for c in response.get(X_CODES, [])]
            del responses[key]  # FastAPI's own 422 among them
    for code in implied:
        by_status.setdefault(STATUS[code], []).append(code)
    for status in sorted(by_status):
        codes = sorted(set(by_status[status]), key=list(ErrorCode).index)
        responses[str(status)] = _error_response(codes)


def _error_response(codes: list[ErrorCode]) -> dict[str, Any]:
    response: dict[str, Any] = {
        "description": "\n".join(f"- `{code}`: «{message_ru(code)}»" for code in codes),
        "content": {"application/json": {"schema": ERROR_BODY}},
        X_CODES: [str(code) for code in codes],
    }
    headers: dict[str, Any] = {}
    if STATUS[codes[0]] == 401:
        headers["WWW-Authenticate"] = _header("Bearer", required=True)
    if any(code in SENDS_RETRY_AFTER for code in codes):
        headers["Retry-After"] = _header("seconds to wait before asking again", integer=True,
                                         required=all(code in SENDS_RETRY_AFTER for code in codes))
    if ErrorCode.UPLOAD_OFFSET_MISMATCH in codes:
        headers["Upload-Offset"] = _header("the bytes the server holds (upload_offset_mismatch)", integer=True,
                                           required=len(codes) == 1)
    if headers:
        response["headers"] = headers
    return response


def _header(description: str, *, required: bool, integer: bool = False) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "string", "pattern": "^[0-9]+$"} if integer else {"type": "string"}
    return {"description": description, "required": required, "schema": schema}
