"""The audit log for supervisors (W3): read only. There is no route that changes it (a PUT, PATCH or
DELETE here is 405 ``method_not_allowed``)."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Query

from sync.protocol import AuditPage
from sync.roles import Permission
from sync.server import audit
from sync.server.deps import SessionDep, require
from sync.server.models import User

router = APIRouter(prefix="/audit", tags=["audit"])
Auditor = Annotated[User, Depends(require(Permission.VIEW_AUDIT))]


@router.get("", response_model=AuditPage)
def read_audit(session: SessionDep, _auditor: Auditor,
               entity: Annotated[str | None, Query(max_length=50, pattern="^[a-z_]+$")] = None,
               entity_id: uuid.UUID | None = None, user_id: uuid.UUID | None = None,
               limit: Annotated[int, Query(ge=1, le=audit.MAX_PAGE)] = 100,
               before: uuid.UUID | None = None) -> AuditPage:
    """Who changed what and when, **newest first**, of every ticket, user and record (supervisor only):
    filtered by ``entity`` (``ticket``, ``user`` …), ``entity_id`` and the acting ``user_id``; a page of
    ``limit``, and the next with ``before`` = the answer's ``next_before``."""
    return audit.page(session, entity=entity, entity_id=entity_id, user_id=user_id, limit=limit, before=before)
