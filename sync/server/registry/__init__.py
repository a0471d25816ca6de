"""The state-registry (EGRUL) lookup by INN (T2): provider adapter, shared cache, demo registry.

``lookup(settings, session_factory, inn, kpp)`` is the one entry point (``service``); the API route is
``sync.server.api.registry``.
"""
