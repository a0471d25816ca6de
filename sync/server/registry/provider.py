"""The adapter to the registry provider: DaData ``findById/party`` (docs: /work/shared/spec/egrul-provider.md).

One synchronous HTTP call per lookup; the answer becomes a list of :class:`sync.registry.Party`.
Every failure becomes a :class:`RegistryError` with a stable code, decided by the HTTP status only
(the provider's error bodies vary). The token is sent, never logged.
"""

from __future__ import annotations

import functools
import logging
import ssl
from datetime import UTC, date, datetime
from typing import Any, Self

import certifi
import httpx

from sync.errors import ErrorCode
from sync.registry import Party, status_of

log = logging.getLogger(__name__)

PATH = "/suggestions/api/4_1/rs/findById/party"
DEFAULT_TIMEOUT_S = 5.0
MAX_PARTIES = 20  # the head office and branches of one INN


@functools.cache
def _tls_context() -> ssl.SSLContext:
    """Loading the CA bundle takes ~25 ms: once per process, not once per lookup."""
    return ssl.create_default_context(cafile=certifi.where())


class RegistryError(Exception):
    """The registry could not answer; ``code`` is one of the ``REGISTRY_*`` error codes."""

    def __init__(self, code: ErrorCode, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else str(code))
        self.code = code


class RegistryProvider:
    """Speaks ``findById/party`` over a given ``httpx.Client`` (whose ``base_url`` is the provider's)."""

    def __init__(self, client: httpx.Client, token: str = "") -> None:
        self.client = client
        self._token = token.strip()  # a key read from a file may end in a newline

    @classmethod
    def connect(cls, url: str, token: str, timeout_s: float = DEFAULT_TIMEOUT_S) -> Self:
        """A provider at base ``url`` (e.g. https://suggestions.dadata.ru) with its own client."""
        return cls(httpx.Client(base_url=url, timeout=timeout_s, verify=_tls_context()), token)

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def find(self, inn: str, kpp: str = "") -> list[Party]:
        """The parties registered under ``inn`` (only the one with ``kpp`` when given); [] = unknown."""
        body: dict[str, Any] = {"query": inn, "count": MAX_PARTIES}
        if kpp:
            body["kpp"] = kpp
        headers = {"Content-Type": "application/json", "Accept": "application/json"}
        if self._token:  # without one the provider answers 401, as it should
            headers["Authorization"] = f"Token {self._token}"
        try:
            response = self.client.post(PATH, json=body, headers=headers)
        except httpx.TimeoutException as exc:
            raise self._failure(ErrorCode.REGISTRY_TIMEOUT, inn, f"no answer in time ({type(exc).__name__})") from exc
        except httpx.LocalProtocolError as exc:  # our own request is malformed; its message may quote the key
            raise self._failure(ErrorCode.REGISTRY_UNAVAILABLE, inn, type(exc).__name__) from exc
        except httpx.HTTPError as exc:
            raise self._failure(ErrorCode.REGISTRY_UNAVAILABLE, inn, f"{type(exc).__name__}: {exc}") from exc
        if response.status_code != 200:
            raise self._failure(_STATUS_CODES.get(response.status_code, ErrorCode.REGISTRY_UNAVAILABLE), inn,
                                f"HTTP {response.status_code} {response.text[:200]!r}")
        try:
            return parse_parties(response.json())
        except ValueError as exc:  # malformed JSON, or JSON of an unexpected shape
            raise self._failure(ErrorCode.REGISTRY_UNAVAILABLE, inn, f"unreadable answer: {exc}") from exc

    def _failure(self, code: ErrorCode, inn: str, detail: str) -> RegistryError:
        if self._token:
            detail = detail.replace(self._token, "***")
        log.warning("registry provider failed for INN %s: %s (%s)", inn, detail, code)
        return RegistryError(code, detail)


_STATUS_CODES = {
    401: ErrorCode.REGISTRY_ACCESS_DENIED,
    403: ErrorCode.REGISTRY_ACCESS_DENIED,
    429: ErrorCode.REGISTRY_RATE_LIMITED,
}


# --- parsing --------------------------------------------------------------------------------------


def parse_parties(payload: object) -> list[Party]:
    """``{"suggestions": [{"value", "data": {…}}]}`` as parties; ValueError for any other shape."""
    if not isinstance(payload, dict) or not isinstance(payload.get("suggestions"), list):
        raise ValueError('no "suggestions" list')
    return [parse_party(item) for item in payload["suggestions"]]


def parse_party(suggestion: object) -> Party:
    if not isinstance(suggestion, dict):
        raise ValueError("a suggestion is not an object")
    data = _object(suggestion, "data")
    inn = _text(data, "inn")
    if not inn:
        raise ValueError("a suggestion without an INN")
    names, state = _object(data, "name"), _object(data, "state")
    individual = data.get("type") == "INDIVIDUAL"
    name = (_text(names, "short_with_opf") or _text(names, "full_with_opf") or _text(suggestion, "value")
            or (_person_name(_object(data, "fio")) if individual else ""))
    if not name:
        raise ValueError(f"a suggestion without a name (INN {inn})")
    address = _object(data, "address")
    management = _object(data, "management")
    manager = " ".join(p for p in (_text(management, "post"), _text(management, "name")) if p)
    return Party(
        inn=inn,
        kpp=_text(data, "kpp"),
        ogrn=_text(data, "ogrn"),
        name=name,
        full_name=_text(names, "full_with_opf") or name,
        address=_text(address, "unrestricted_value") or _text(address, "value"),
        status=status_of(_text(state, "status") or "ACTIVE"),
        branch=data.get("branch_type") == "BRANCH",
        individual=individual,
        liquidation_date=_epoch_date(state.get("liquidation_date")),
        manager=manager,
    )


def _object(parent: dict[str, Any], key: str) -> dict[str, Any]:
    """``parent[key]`` as an object ({} when absent or null)."""
    value = parent.get(key)
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise ValueError(f'"{key}" is not an object')
    return value


def _text(parent: dict[str, Any], key: str) -> str:
    value = parent.get(key)
    if value is None:
        return ""
    if not isinstance(value, str | int):
        raise ValueError(f'"{key}" is not text')
    return str(value).strip()


def _person_name(fio: dict[str, Any]) -> str:
    """«ИП Иванов Иван Иванович» from ``data.fio`` of an individual entrepreneur."""
    parts = [_text(fio, k) for k in ("surname", "name", "patronymic")]
    full = " ".join(p for p in parts if p)
    return f"ИП {full}" if full else ""


def _epoch_date(value: object) -> date | None:
    """The provider's dates are Unix epoch milliseconds (UTC midnight)."""
    if value is None:
        return None
    if not isinstance(value, int | float) or isinstance(value, bool):
        raise ValueError("a date is not a number")
    try:
        return datetime.fromtimestamp(value / 1000, UTC).date()
    except (OverflowError, OSError) as exc:
        raise ValueError(f"a date out of range: {value}") from exc
