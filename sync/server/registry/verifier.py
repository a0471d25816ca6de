"""T2: organizations typed by hand (offline, or while the registry failed) are checked against the
state registry once they reach the server: name, OGRN, address and status come from the registry,
and the record says it was checked (``registry_verified``; status ``NOT_FOUND`` when the registry
does not know it).

Every server process runs one verifier. It wakes on the process's change hints (a push that created
an organization is one) and every few minutes; the provider is asked outside any transaction and
the record is updated only if nobody verified it meanwhile, so processes never double a change.
"""

from __future__ import annotations

import logging
import time
import uuid

from sqlalchemy import select

from sync.registry import Party, RegistryStatus
from sync.server.db import session_scope
from sync.server.live import ChangeHub, run_rounds
from sync.server.models import Organization
from sync.server.registry.provider import RegistryError
from sync.server.registry.service import Sessions, lookup
from sync.server.settings import Settings

log = logging.getLogger(__name__)

BATCH = 20
IDLE_CHECK_S = 300.0  # also look now and then without a hint (records left by a failed round)
AFTER_FAILURE_S = 60.0  # the provider failed: leave it alone this long


def pick(parties: list[Party], kpp: str) -> Party | None:
    """The party a record with this KPP is: that office, or (no KPP) the head office."""
    if kpp:
        return next((p for p in parties if p.kpp == kpp), None)
    return next((p for p in parties if not p.branch), parties[0] if parties else None)


class RegistryVerifier:
    def __init__(self, settings: Settings, session_factory: Sessions) -> None:
        self.settings, self.session_factory = settings, session_factory
        self.resting_until = 0.0

    def pending(self) -> list[tuple[uuid.UUID, str, str]]:
        with self.session_factory() as session:
            rows = session.execute(
                select(Organization.id, Organization.inn, Organization.kpp)
                .where(Organization.registry_verified.is_(False), Organization.deleted_at.is_(None))
                .order_by(Organization.created_at).limit(BATCH)
            ).all()
        return [(row.id, row.inn, row.kpp) for row in rows]

    def run_once(self) -> int:
        """Check a batch of unverified organizations; returns how many were verified."""
        if time.monotonic() < self.resting_until:
            return 0
        verified = 0
        for record_id, inn, kpp in self.pending():
            try:
                answer = lookup(self.settings, self.session_factory, inn, kpp)
            except RegistryError as exc:
                log.warning("registry check of %s postponed: %s", inn, exc.code)
                self.resting_until = time.monotonic() + AFTER_FAILURE_S
                break
            verified += self._apply(record_id, pick(answer.parties, kpp))
        return verified

    def _apply(self, record_id: uuid.UUID, party: Party | None) -> int:
        with session_scope(self.session_factory) as session:
            org = session.get(Organization, record_id, with_for_update=True)
            if org is None or org.registry_verified or org.deleted_at is not None:
                return 0
            head_office_taken = bool(party and not org.kpp and party.kpp and session.scalar(
                select(Organization.id).where(Organization.inn == org.inn, Organization.kpp == party.kpp)))
            org.registry_verified = True  # (changed only after that read: one flush, one new version)
            if party is None:
                org.registry_status = RegistryStatus.NOT_FOUND
                return 1
            org.registry_status = party.status
            for field in ("name", "full_name", "ogrn", "address"):
                value = getattr(party, field)
                if value and getattr(org, field) != value:
                    setattr(org, field, value)
            if not org.kpp and party.kpp and not head_office_taken:
                org.kpp = party.kpp  # (when taken, the head office is a record of its own already)
        return 1

    async def run(self, hub: ChangeHub) -> None:
        """Until cancelled: check after every change hint, and every few minutes."""
        await run_rounds(hub, self._round, first_wait=IDLE_CHECK_S, after_error_s=IDLE_CHECK_S,
                         what="registry verification")

    def _round(self) -> float:
        self.run_once()
        return IDLE_CHECK_S
