"""Deterministic demo data for the server: users, the Clients directory, contracts and tickets.

``generate_demo(engine, DemoSize(...), seed=..., password=..., progress=...)`` fills an empty database
(migrated and seeded by ``sync.server.bootstrap.prepare_database``); ``database_is_empty(engine)``
tells whether it may. Demo logins: ``operator``, ``specialist``, ``supervisor`` (plus ``op.*`` and
``spec.*``), all with the given password.
"""

from __future__ import annotations

from sync.numbering import REGISTRATION_COUNTER
from sync.server.demo.common import REFERENCE_DATE, DemoReport, DemoSize
from sync.server.demo.generate import DEFAULT_SEED, database_is_empty, generate_demo

__all__ = [
    "DEFAULT_SEED",
    "REFERENCE_DATE",
    "REGISTRATION_COUNTER",
    "DemoReport",
    "DemoSize",
    "database_is_empty",
    "generate_demo",
]
