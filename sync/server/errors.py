"""The service layer raises :class:`ServiceError` with a stable code; one set of handlers turns
every error — ours, validation, routing, the database gone, and any bug — into
``{"error": {code, message, field}}`` (``sync.protocol.ErrorBody``, the one error schema of
``/openapi.json``)."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeoutError
from starlette.exceptions import HTTPException as StarletteHTTPException

from sync.errors import ErrorCode, message_ru
from sync.server import routes

log = logging.getLogger(__name__)

STATUS: dict[ErrorCode, int] = {
    ErrorCode.VALIDATION_ERROR: 422,
    ErrorCode.INVALID_JSON: 400,
    ErrorCode.NOT_FOUND: 404,
    ErrorCode.METHOD_NOT_ALLOWED: 405,
    ErrorCode.PAYLOAD_TOO_LARGE: 413,
    ErrorCode.REQUEST_TIMEOUT: 408,
    ErrorCode.AUTH_REQUIRED: 401,
    ErrorCode.INVALID_CREDENTIALS: 401,
    ErrorCode.TOKEN_EXPIRED: 401,
    ErrorCode.INVALID_TOKEN: 401,
    ErrorCode.USER_DISABLED: 403,
    ErrorCode.FORBIDDEN: 403,
    ErrorCode.CONFLICT: 409,
    ErrorCode.ALREADY_EXISTS: 409,
    ErrorCode.RATE_LIMITED: 429,
    ErrorCode.TOO_MANY_ATTEMPTS: 429,
    ErrorCode.LOGIN_BUSY: 429,
    ErrorCode.REFRESH_TOKEN_REUSED: 401,
    ErrorCode.SERVICE_UNAVAILABLE: 503,
    ErrorCode.INTERNAL_ERROR: 500,
    ErrorCode.UNKNOWN_KIND: 422,
    ErrorCode.NOT_WRITABLE: 403,
    ErrorCode.IDEMPOTENCY_KEY_REUSED: 409,
    ErrorCode.BATCH_TOO_LARGE: 413,
    # a registry failure is not ours: 424 (failed dependency), never a 5xx
    ErrorCode.REGISTRY_NOT_CONFIGURED: 424,
    ErrorCode.REGISTRY_ACCESS_DENIED: 424,
    ErrorCode.REGISTRY_RATE_LIMITED: 429,
    ErrorCode.REGISTRY_TIMEOUT: 424,
    ErrorCode.REGISTRY_UNAVAILABLE: 424,
    ErrorCode.TYPE_NOT_ALLOWED: 422,
    ErrorCode.ID_TAKEN: 409,
    ErrorCode.INVALID_DATA: 422,
    ErrorCode.FIELD_FORBIDDEN: 403,
    ErrorCode.DELETED: 409,
    ErrorCode.INVALID_TRANSITION: 409,  # a ticket's action (W2, W3), answered inside a push result
    ErrorCode.WRONG_LINE: 409,
    ErrorCode.NOT_ASSIGNEE: 403,
    ErrorCode.LAST_SUPERVISOR: 409,
    # attachments (T12)
    ErrorCode.FILE_TOO_LARGE: 413,
    ErrorCode.UPLOAD_OFFSET_MISMATCH: 409,
    ErrorCode.UPLOAD_RANGE_INVALID: 416,
    ErrorCode.UPLOAD_HASH_MISMATCH: 422,
    ErrorCode.UPLOAD_BUSY: 409,
    ErrorCode.ATTACHMENT_INCOMPLETE: 409,
    # the agent desk (A2, A5, A8)
    ErrorCode.TEXT_TOO_LONG: 422,
    ErrorCode.TAG_EMPTY: 422,
    ErrorCode.TAG_TOO_LONG: 422,
    ErrorCode.TAG_DUPLICATE: 422,
    ErrorCode.TASK_TAKEN: 409,
    ErrorCode.TASK_CLOSED: 409,
    ErrorCode.AGENT_BUSY: 409,
    ErrorCode.TASK_NOT_HELD: 409,
    ErrorCode.OFFER_EXPIRED: 409,
}

# seconds a client should wait before asking again (matches the message: «Повторите через минуту»)
RETRY_AFTER_S: dict[ErrorCode, int] = {ErrorCode.REGISTRY_RATE_LIMITED: 60, ErrorCode.SERVICE_UNAVAILABLE: 5}
# the codes always answered with Retry-After (the logins' own wait is the throttle's, sync.server.api.auth)
SENDS_RETRY_AFTER = frozenset({*RETRY_AFTER_S, ErrorCode.TOO_MANY_ATTEMPTS, ErrorCode.LOGIN_BUSY})

_OWN_CODES = frozenset(str(code) for code in ErrorCode) - {str(ErrorCode.VALIDATION_ERROR)}

_HTTP_CODES: dict[int, ErrorCode] = {
    400: ErrorCode.INVALID_JSON,  # FastAPI's "There was an error parsing the body" (not UTF-8, …)
    401: ErrorCode.AUTH_REQUIRED,
    403: ErrorCode.FORBIDDEN,
    404: ErrorCode.NOT_FOUND,
    405: ErrorCode.METHOD_NOT_ALLOWED,
    413: ErrorCode.PAYLOAD_TOO_LARGE,
}


class ServiceError(Exception):
    def __init__(self, code: ErrorCode, message: str | None = None, field: str | None = None, *,
                 retry_after: int | None = None) -> None:
        self.code = code
        self.message = message or message_ru(code)
        self.field = field
        self.retry_after = retry_after  # seconds, sent as Retry-After (else the code's default, if any)
        super().__init__(f"{code}: {self.message}")

    @property
    def status(self) -> int:
        return STATUS[self.code]


def error_response(
    code: ErrorCode, message: str | None = None, field: str | None = None, status: int | None = None,
    retry_after: int | None = None,
) -> JSONResponse:
    body = {"error": {"code": str(code), "message": message or message_ru(code), "field": field}}
    headers = {"WWW-Authenticate": "Bearer"} if STATUS[code] == 401 else {}
    retry_after = retry_after if retry_after is not None else RETRY_AFTER_S.get(code)
    if retry_after is not None:
        headers["Retry-After"] = str(retry_after)
    return JSONResponse(body, status_code=status or STATUS[code], headers=headers)


def _field_of(loc: tuple[object, ...] | list[object]) -> str | None:
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "header")]
    return ".".join(parts) or None


async def _service_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ServiceError)
    return error_response(exc.code, exc.message, exc.field, retry_after=exc.retry_after)


async def _validation_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = exc.errors()
    for error in errors:  # a model's own refusal with a code of ours (PydanticCustomError(code, …))
        if error.get("type") in _OWN_CODES:
            return error_response(ErrorCode(error["type"]), error.get("msg"), _field_of(error.get("loc", ())))
    first = errors[0] if errors else {}
    if first.get("type") == "json_invalid":
        return error_response(ErrorCode.INVALID_JSON)
    field = _field_of(first.get("loc", ()))
    detail = first.get("msg", "")
    message = f"{message_ru(ErrorCode.VALIDATION_ERROR)} Поле «{field}»: {detail}" if field else None
    return error_response(ErrorCode.VALIDATION_ERROR, message, field)


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    code = _HTTP_CODES.get(exc.status_code, ErrorCode.VALIDATION_ERROR)
    status = exc.status_code if 400 <= exc.status_code < 500 else 400
    response = error_response(code, status=status)
    if status == 405:  # RFC 9110: the methods the path has, from every route of it (Starlette names one route's)
        response.headers["Allow"] = ", ".join(routes.allowed_methods(routes.served(request.app.routes), request.scope))
    return response


async def _database_unavailable(request: Request, exc: Exception) -> JSONResponse:
    """The database is gone, locked past its timeout or out of connections: nothing was done, ask again."""
    log.warning("database unavailable on %s %s: %s", request.method, request.url.path, exc)
    return error_response(ErrorCode.SERVICE_UNAVAILABLE)


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    return error_response(ErrorCode.INTERNAL_ERROR)


def install_handlers(app: FastAPI) -> None:
    app.add_exception_handler(ServiceError, _service_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    for unavailable in (OperationalError, InterfaceError, PoolTimeoutError):
        app.add_exception_handler(unavailable, _database_unavailable)
    app.add_exception_handler(Exception, _unexpected)
