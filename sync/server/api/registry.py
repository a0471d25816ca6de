"""The state-registry (EGRUL) lookup by INN (T2): the client asks us, we ask the provider."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from sync.errors import ErrorCode
from sync.identifiers import InvalidIdentifier, validate_inn, validate_kpp
from sync.registry import RegistryAnswer
from sync.server.deps import CurrentUser, SessionDep, StateDep
from sync.server.errors import ServiceError
from sync.server.openapi import errors
from sync.server.registry.provider import RegistryError
from sync.server.registry.service import lookup

router = APIRouter(prefix="/registry", tags=["registry"])

# an invalid INN or KPP is validation_error (``field`` says which): every route with parameters has it
_ERRORS = errors(ErrorCode.REGISTRY_NOT_CONFIGURED, ErrorCode.REGISTRY_ACCESS_DENIED, ErrorCode.REGISTRY_TIMEOUT,
                 ErrorCode.REGISTRY_UNAVAILABLE, ErrorCode.REGISTRY_RATE_LIMITED)


@router.get("/parties", response_model=RegistryAnswer, responses=_ERRORS)
def parties(
    state: StateDep,
    session: SessionDep,
    _user: CurrentUser,
    inn: Annotated[str, Query(description="10 digits (organization) or 12 (entrepreneur)")] = "",
    kpp: Annotated[str, Query(description="only this office of the organization")] = "",
) -> RegistryAnswer:
    """The organization (its head office first, then branches) registered under ``inn``; an empty
    ``parties`` list when the registry does not know it. Served from the server's cache when fresh;
    ``cached`` with an older ``fetched_at`` when the provider failed but answered before."""
    try:
        inn = validate_inn(inn)
        kpp = validate_kpp(kpp, inn)
    except InvalidIdentifier as exc:
        raise ServiceError(ErrorCode.VALIDATION_ERROR, exc.message, exc.field) from exc
    session.close()  # the authentication's transaction ends: none stays open during the provider call
    try:
        return lookup(state.settings, state.session_factory, inn, kpp)
    except RegistryError as exc:
        raise ServiceError(exc.code) from exc
