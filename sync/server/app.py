"""The FastAPI application factory."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request, Response

from sync import __version__
from sync.errors import ErrorCode
from sync.protocol import API_PREFIX
from sync.reference import MAX_ATTACHMENT_BYTES
from sync.server.api import attachments, auth, health, registry, sync, tickets, users
from sync.server.bootstrap import prepare_database
from sync.server.errors import error_response, install_handlers
from sync.server.live import PgListener
from sync.server.mail_sender import MailSender
from sync.server.registry.verifier import RegistryVerifier
from sync.server.settings import Settings
from sync.server.state import ServerState


def create_app(settings: Settings | None = None, *, prepare: bool = True) -> FastAPI:
    settings = settings or Settings()
    state = ServerState.from_settings(settings)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        if prepare:
            prepare_database(state.engine)
        listener = PgListener(state.engine, state.hub) if state.backend == "postgresql" else None
        if listener is not None:
            listener.start()
        background: list[asyncio.Task[None]] = []  # each wakes on the hub's change hints
        if settings.registry_url:
            background.append(asyncio.create_task(RegistryVerifier(settings, state.session_factory).run(state.hub)))
        if settings.smtp_host:  # T14: without SMTP the e-mail stays queued
            background.append(asyncio.create_task(MailSender(settings, state.session_factory).run(state.hub)))
        try:
            yield
        finally:
            state.hub.close()
            for task in background:
                task.cancel()
            for task in background:
                with contextlib.suppress(asyncio.CancelledError):
                    await task
            if listener is not None:
                listener.stop()
            state.engine.dispose()

    app = FastAPI(
        title="KS Desk server",
        version=__version__,
        lifespan=lifespan,
        openapi_url="/openapi.json",
        docs_url="/docs",
        redoc_url=None,
    )
    app.state.ksdesk = state
    install_handlers(app)
    _limit_body_size(app, settings.max_request_bytes)
    app.include_router(health.router, prefix=API_PREFIX)
    app.include_router(auth.router, prefix=API_PREFIX)
    app.include_router(users.router, prefix=API_PREFIX)
    app.include_router(sync.router, prefix=API_PREFIX)
    app.include_router(registry.router, prefix=API_PREFIX)
    app.include_router(attachments.router, prefix=API_PREFIX)
    app.include_router(tickets.router, prefix=API_PREFIX)
    return app


def _limit_body_size(app: FastAPI, limit: int) -> None:
    """Refuse a declared body larger than ``limit`` before reading it (a part of an attachment may be
    as large as the largest file: that route counts the bytes itself)."""

    @app.middleware("http")
    async def _check(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        declared = request.headers.get("content-length")
        if declared is not None:
            if not declared.isdigit():
                return error_response(ErrorCode.VALIDATION_ERROR, "Неверный заголовок Content-Length.")
            allowed = max(limit, MAX_ATTACHMENT_BYTES) if attachments.is_upload(request.url.path) else limit
            if int(declared) > allowed:
                return error_response(ErrorCode.PAYLOAD_TOO_LARGE)
        return await call_next(request)
