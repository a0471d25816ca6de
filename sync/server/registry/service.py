"""A registry lookup: the shared cache first, then the provider; a stale answer if the provider fails.

No database transaction is open while the provider is asked: the cache is read and written in short
sessions of their own before and after the call.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from sqlalchemy.orm import Session, sessionmaker

from sync.errors import ErrorCode
from sync.registry import RegistryAnswer
from sync.server.db import session_scope
from sync.server.models import utcnow
from sync.server.registry import cache
from sync.server.registry.cache import CachedAnswer
from sync.server.registry.provider import RegistryError, RegistryProvider
from sync.server.settings import Settings

log = logging.getLogger(__name__)

Sessions = sessionmaker[Session]


def open_provider(settings: Settings, session_factory: Sessions) -> RegistryProvider:
    """The configured provider (``registry_url`` is "demo" or a base URL); close it after use."""
    if settings.registry_url == "demo":
        from sync.server.registry.demo import demo_provider

        return demo_provider(session_factory, settings.registry_timeout_s)
    return RegistryProvider.connect(
        settings.registry_url, settings.registry_token.get_secret_value(), settings.registry_timeout_s)


def lookup(settings: Settings, session_factory: Sessions, inn: str, kpp: str = "") -> RegistryAnswer:
    """The parties registered under a checked ``inn`` (+ ``kpp``); raises RegistryError."""
    if not settings.registry_url:
        raise RegistryError(ErrorCode.REGISTRY_NOT_CONFIGURED)
    key = cache.cache_key(inn, kpp)
    with session_factory() as session:  # closed before the provider is asked
        cached = cache.read(session, key)
    if cached is not None and cached.fresh(utcnow(), *_time_to_live(settings)):
        return _answer(cached, cached=True)
    try:
        with open_provider(settings, session_factory) as provider:
            answer = CachedAnswer(provider.find(inn, kpp), utcnow())
    except RegistryError as exc:
        if cached is None or not cached.parties:
            raise
        # what the registry said before beats an error; a stale "not found" is not served, though:
        # the organization may have been registered since
        log.info("registry provider failed (%s): serving the answer for %s of %s", exc.code, key,
                 cached.fetched_at.isoformat())
        return _answer(cached, cached=True)
    with session_scope(session_factory) as session:
        cache.store(session, key, answer)
    return _answer(answer, cached=False)


def _time_to_live(settings: Settings) -> tuple[timedelta, timedelta]:
    """How long a found and a not-found answer stay fresh."""
    return timedelta(hours=settings.registry_cache_hours), timedelta(hours=settings.registry_empty_cache_hours)


def _answer(entry: CachedAnswer, *, cached: bool) -> RegistryAnswer:
    return RegistryAnswer(parties=entry.parties, fetched_at=entry.fetched_at, cached=cached)
