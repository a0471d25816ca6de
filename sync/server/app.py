"""The FastAPI application factory."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from sync import __version__
from sync.protocol import API_PREFIX
from sync.reference import MAX_ATTACHMENT_BYTES
from sync.server import openapi
from sync.server.api import agent, attachments, audit, auth, health, registry, sync, tickets, users
from sync.server.bootstrap import prepare_database
from sync.server.errors import install_handlers
from sync.server.gate import TokenGate
from sync.server.limits import BodyLimit, BodyLimits
from sync.server.live import PgListener
from sync.server.mail_sender import MailSender
from sync.server.offers import OfferWorker
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
        listener = PgListener(state.engine, state.hub, state.agents) if state.backend == "postgresql" else None
        if listener is not None:
            listener.start()
        background: list[asyncio.Task[None]] = []  # each wakes on the hub's change hints
        # the agent desk's push mode: offers, their timeouts, presence (A4); in every process
        offer_worker = OfferWorker(settings, state.session_factory, state.agents)
        background.append(asyncio.create_task(offer_worker.run(state.hub)))
        if settings.registry_url:
            background.append(asyncio.create_task(RegistryVerifier(settings, state.session_factory).run(state.hub)))
        if settings.smtp_host:  # T14: without SMTP the e-mail stays queued
            background.append(asyncio.create_task(MailSender(settings, state.session_factory).run(state.hub)))
        inbound = None
        if settings.smtp_in_port is not None:  # the agent desk's e-mail channel
            from sync.server.inbound_mail import InboundMail

            inbound = InboundMail(settings, state.session_factory)
            inbound.start()
        try:
            yield
        finally:
            if inbound is not None:
                inbound.stop()
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
    openapi.install(app)
    app.add_middleware(TokenGate, routes=app.routes, secret_key=state.secret_key)  # inside BodyLimit
    app.add_middleware(BodyLimit, limits=BodyLimits(
        max_bytes=settings.max_request_bytes, upload_bytes=max(settings.max_request_bytes, MAX_ATTACHMENT_BYTES),
        timeout_s=settings.body_timeout_s, is_upload=attachments.is_upload))
    app.include_router(health.router, prefix=API_PREFIX)
    app.include_router(auth.router, prefix=API_PREFIX)
    app.include_router(users.router, prefix=API_PREFIX)
    app.include_router(sync.router, prefix=API_PREFIX)
    app.include_router(registry.router, prefix=API_PREFIX)
    app.include_router(attachments.router, prefix=API_PREFIX)
    app.include_router(tickets.router, prefix=API_PREFIX)
    app.include_router(audit.router, prefix=API_PREFIX)
    app.include_router(agent.router, prefix=API_PREFIX)
    return app
