"""HTTP client of the central server (httpx, called from worker threads only). Qt-free.

Every failure becomes an :class:`ApiError` with a stable code: the server's own codes, or
``offline`` when the server cannot be reached — the UI shows ``message`` (Russian).
"""

from __future__ import annotations

import contextlib
import os
import threading
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
from pydantic import TypeAdapter, ValidationError

from ksdesk_desktop.core.texts import error_message, translate
from sync.agent_desk import (
    IDEMPOTENCY_HEADER,
    AcceptResult,
    AgentStateOut,
    AgentStatus,
    NotReadyReason,
    TaskOut,
)
from sync.attachments import UploadState, content_range
from sync.errors import ErrorCode, message_ru
from sync.protocol import (
    API_PREFIX,
    AuditPage,
    ChangesPage,
    Health,
    HistoryEntry,
    Mutation,
    PushRequest,
    PushResponse,
    TemporaryPassword,
    TokenPair,
    UserCreate,
    UserPublic,
    UserUpdate,
)
from sync.registry import RegistryAnswer

OFFLINE = "offline"
BAD_RESPONSE = "bad_response"
DOWNLOAD_CHUNK = 256 * 1024
_HISTORY = TypeAdapter(list[HistoryEntry])
_USERS = TypeAdapter(list[UserPublic])
_TASKS = TypeAdapter(list[TaskOut])


class ApiError(Exception):
    def __init__(self, code: str, message: str, status: int | None = None, field: str | None = None,
                 retry_after: int | None = None) -> None:
        super().__init__(message)
        self.code, self.message, self.status, self.field = code, message, status, field
        self.retry_after = retry_after  # seconds the server asked to wait (Retry-After), if it did

    @property
    def offline(self) -> bool:
        return self.code == OFFLINE


def _seconds(retry_after: str) -> int | None:
    """Retry-After in seconds (the form our server sends); None for none or an HTTP date."""
    value = retry_after.strip()
    return int(value) if value.isdigit() else None


class ApiClient:
    def __init__(self, base_url: str, *, timeout: float = 10.0, transport: httpx.BaseTransport | None = None) -> None:
        self.base_url = base_url.rstrip("/")
        self._http = httpx.Client(
            base_url=self.base_url + API_PREFIX,
            timeout=httpx.Timeout(timeout, connect=min(timeout, 5.0)),
            transport=transport,
            headers={"User-Agent": "ksdesk-desktop"},
        )
        self._lock = threading.Lock()
        self._tokens: TokenPair | None = None
        # told of every pair a refresh gives (on the thread that refreshed): refresh tokens rotate, and a
        # kept session must follow, or the next start redeems a spent token and the server revokes it
        self.on_refresh: Callable[[TokenPair], object] | None = None

    # --- session ------------------------------------------------------------------------------

    @property
    def tokens(self) -> TokenPair | None:
        with self._lock:
            return self._tokens

    def _set_tokens(self, pair: TokenPair) -> TokenPair:
        with self._lock:
            self._tokens = pair
        return pair

    def login(self, login: str, password: str) -> TokenPair:
        data = self._send("POST", "/auth/login", json={"login": login, "password": password}, auth=False)
        return self._set_tokens(self._parse(TokenPair, data))

    def refresh(self, refresh_token: str | None = None) -> TokenPair:
        token = refresh_token or (self.tokens.refresh_token if self.tokens else None)
        if not token:
            raise ApiError(str(ErrorCode.AUTH_REQUIRED), message_ru(ErrorCode.AUTH_REQUIRED), 401)
        data = self._send("POST", "/auth/refresh", json={"refresh_token": token}, auth=False)
        pair = self._set_tokens(self._parse(TokenPair, data))
        if self.on_refresh is not None:
            self.on_refresh(pair)
        return pair

    # --- endpoints ----------------------------------------------------------------------------

    def health(self) -> Health:
        return self._parse(Health, self._send("GET", "/health", auth=False))

    def me(self) -> UserPublic:
        return self._parse(UserPublic, self.request("GET", "/auth/me"))

    def push(self, mutations: list[Mutation]) -> PushResponse:
        body = PushRequest(mutations=mutations).model_dump_json().encode()
        raw = self.request("POST", "/sync/push", content=body, headers={"Content-Type": "application/json"}, raw=True)
        return self._parse(PushResponse, raw)

    def changes(self, after: int, limit: int) -> ChangesPage:
        raw = self.request("GET", "/sync/changes", params={"after": after, "limit": limit}, raw=True)
        return self._parse(ChangesPage, raw)

    def lookup_registry(self, inn: str, kpp: str = "") -> RegistryAnswer:
        """T2: the organizations the state registry (EGRUL) knows under this INN (and KPP)."""
        params = {"inn": inn, **({"kpp": kpp} if kpp else {})}
        return self._parse(RegistryAnswer, self.request("GET", "/registry/parties", params=params))

    def ticket_history(self, ticket_id: str | uuid.UUID) -> list[HistoryEntry]:
        """N5: what happened to a ticket, oldest first (``not_found`` for a ticket the server lacks)."""
        raw = self.request("GET", f"/tickets/{ticket_id}/history", raw=True)
        try:
            return _HISTORY.validate_json(raw)
        except ValidationError as exc:
            raise ApiError(BAD_RESPONSE, translate("ApiClient", "Сервер прислал непонятный ответ.")) from exc

    # --- user administration and the audit log (W3; a supervisor's) --------------------------------

    def users(self) -> list[UserPublic]:
        try:
            return list(_USERS.validate_json(self.request("GET", "/users", raw=True)))
        except ValidationError as exc:
            raise ApiError(BAD_RESPONSE, "Сервер прислал непонятный ответ.") from exc

    def create_user(self, user: UserCreate) -> UserPublic:
        return self._parse(UserPublic, self.request("POST", "/users", json=user.model_dump(mode="json")))

    def update_user(self, user_id: str | uuid.UUID, change: UserUpdate) -> UserPublic:
        body = change.model_dump(mode="json", exclude_none=True)
        return self._parse(UserPublic, self.request("PATCH", f"/users/{user_id}", json=body))

    def reset_password(self, user_id: str | uuid.UUID) -> str:
        """A new temporary password for the user, made by the server (shown once; the server keeps its hash)."""
        answer: TemporaryPassword = self._parse(TemporaryPassword, self.request("POST", f"/users/{user_id}/password"))
        return answer.password

    def audit(self, *, limit: int = 100, before: str | uuid.UUID | None = None, **filters: str) -> AuditPage:
        """A page of the audit log, newest first (``filters``: entity, entity_id, user_id)."""
        params = {"limit": limit, **({"before": str(before)} if before else {}), **filters}
        return self._parse(AuditPage, self.request("GET", "/audit", params=params))

    # --- the agent desk (A1, A2, A3, A10; docs/agent-desk.md) ----------------------------------------

    def agent_queue(self, limit: int = 200) -> list[TaskOut]:
        """A1: the queued tasks, priority first, then by arrival, each with its activity and customer."""
        try:
            return list(_TASKS.validate_json(self.request("GET", "/agent/queue", params={"limit": limit}, raw=True)))
        except ValidationError as exc:
            raise ApiError(BAD_RESPONSE, translate("ApiClient", "Сервер прислал непонятный ответ.")) from exc

    def accept_task(self, task_id: str | uuid.UUID) -> AcceptResult:
        """A2/A3: take the task; the answer names the ticket its activity joined (409 ``task_taken``,
        ``task_closed``, ``agent_busy``)."""
        return self._parse(AcceptResult, self.request("POST", f"/agent/tasks/{task_id}/accept", raw=True))

    def close_task(self, task_id: str | uuid.UUID) -> TaskOut:
        """A10: end the interaction; the agent is free for the next task."""
        return self._parse(TaskOut, self.request("POST", f"/agent/tasks/{task_id}/close", raw=True))

    def agent_state(self) -> AgentStateOut:
        """A4: the agent's own state and reason, the pending offer (with the server's now), the held task."""
        return self._parse(AgentStateOut, self.request("GET", "/agent/state", raw=True))

    def set_agent_state(self, state: AgentStatus) -> AgentStateOut:
        """A4: «Готов», or «Не готов» by the agent's own choice (the other reasons are the server's)."""
        body: dict[str, str] = {"state": str(state)}
        if state == AgentStatus.NOT_READY:
            body["reason"] = str(NotReadyReason.CHOSEN)
        return self._parse(AgentStateOut, self.request("PUT", "/agent/state", json=body, raw=True))

    def accept_offer(self, offer_id: str | uuid.UUID, key: str) -> AcceptResult:
        """A4: take the offered task; ``key`` (one per offer) makes a repeat answer the same (409
        ``offer_expired``, ``task_taken``)."""
        return self._parse(AcceptResult, self.request("POST", f"/agent/offers/{offer_id}/accept",
                                                      headers={IDEMPOTENCY_HEADER: key}, raw=True))

    def decline_offer(self, offer_id: str | uuid.UUID, key: str) -> None:
        """A4: give the offered task back to the queue; the agent stays Ready."""
        self.request("POST", f"/agent/offers/{offer_id}/decline", headers={IDEMPOTENCY_HEADER: key})

    # --- attachments (T12) --------------------------------------------------------------------------

    def upload_state(self, attachment_id: str | uuid.UUID) -> UploadState:
        """How many bytes of an attachment the server holds (an upload continues from there)."""
        raw = self.request("GET", f"/attachments/{attachment_id}/upload", raw=True)
        return self._parse(UploadState, raw)

    def upload_part(self, attachment_id: str | uuid.UUID, start: int, data: bytes, total: int) -> UploadState:
        """Send ``data`` as the bytes from ``start`` of a ``total``-byte file (empty: finish the file)."""
        headers = {"Content-Range": content_range(start, len(data), total), "Content-Type": "application/octet-stream"}
        raw = self.request("PUT", f"/attachments/{attachment_id}/content", content=data, headers=headers, raw=True)
        return self._parse(UploadState, raw)

    def download_attachment(self, attachment_id: str | uuid.UUID, target: Path,
                            progress: Callable[[int, int], None] | None = None) -> Path:
        """Save an attachment's content as ``target`` (written beside it first, then renamed).
        ``progress(received, total)`` is called after each part (``total`` 0 when the server does not
        say); an exception it raises stops the download and leaves nothing behind."""
        partial = target.with_name(target.name + ".part")
        try:
            with self.stream(f"/attachments/{attachment_id}/content", read_timeout=60.0) as response, \
                    partial.open("wb") as out:
                length = response.headers.get("content-length", "")
                total, received = int(length) if length.isdigit() else 0, 0
                for chunk in response.iter_bytes(DOWNLOAD_CHUNK):
                    out.write(chunk)
                    received += len(chunk)
                    if progress is not None:
                        progress(received, total)
            os.replace(partial, target)
        except httpx.TransportError as exc:
            raise ApiError(OFFLINE, self._unreachable()) from exc
        finally:
            partial.unlink(missing_ok=True)
        return target

    @contextlib.contextmanager
    def stream(self, path: str, *, read_timeout: float = 45.0) -> Iterator[httpx.Response]:
        """A long-lived authenticated GET (server-sent events); an expired token is refreshed once."""
        for attempt in (1, 2):
            tokens = self.tokens
            headers = {"Accept": "text/event-stream"}
            if tokens:
                headers["Authorization"] = f"Bearer {tokens.access_token}"
            timeout = httpx.Timeout(read_timeout, connect=5.0)
            try:
                with self._http.stream("GET", path, headers=headers, timeout=timeout) as response:
                    if response.is_success:
                        yield response
                        return
                    response.read()
                    try:
                        self._decode(response)
                    except ApiError as exc:
                        if exc.code != ErrorCode.TOKEN_EXPIRED or attempt == 2 or not tokens:
                            raise
            except httpx.TransportError as exc:
                raise ApiError(OFFLINE, self._unreachable()) from exc
            self.refresh()

    def request(self, method: str, path: str, **kwargs: Any) -> Any:
        """An authenticated call; an expired access token is refreshed once, transparently."""
        try:
            return self._send(method, path, auth=True, **kwargs)
        except ApiError as exc:
            if exc.code != ErrorCode.TOKEN_EXPIRED or not self.tokens:
                raise
        self.refresh()
        return self._send(method, path, auth=True, **kwargs)

    # --- plumbing -----------------------------------------------------------------------------

    def _send(self, method: str, path: str, *, auth: bool, raw: bool = False, **kwargs: Any) -> Any:
        headers = dict(kwargs.pop("headers", {}))
        tokens = self.tokens
        if auth and tokens:
            headers["Authorization"] = f"Bearer {tokens.access_token}"
        try:
            response = self._http.request(method, path, headers=headers, **kwargs)
        except httpx.TransportError as exc:
            raise ApiError(
                OFFLINE, translate("ApiClient", "Нет связи с сервером {url}. Работа продолжается без сети.").format(
                    url=self.base_url),
            ) from exc
        if raw and response.is_success:
            return response.content
        return self._decode(response)

    @staticmethod
    def _decode(response: httpx.Response) -> Any:
        try:
            data = response.json()
        except ValueError:
            data = None
        if response.is_success:
            if data is None:
                raise ApiError(BAD_RESPONSE, translate("ApiClient", "Сервер прислал непонятный ответ."),
                               response.status_code)
            return data
        error = data.get("error") if isinstance(data, dict) else None
        if isinstance(error, dict) and isinstance(error.get("code"), str):
            code = error["code"]
            return_msg = error.get("message") or message_ru(code)
            raise ApiError(code, error_message(code, str(return_msg)), response.status_code, error.get("field"),
                           _seconds(response.headers.get("Retry-After", "")))
        raise ApiError(BAD_RESPONSE, translate("ApiClient", "Сервер ответил ошибкой {status}.").format(
            status=response.status_code), response.status_code)

    @staticmethod
    def _parse(model: type[Any], data: Any) -> Any:
        """Decoded JSON, or the raw body (parsed and validated in one pass by pydantic-core)."""
        try:
            return model.model_validate_json(data) if isinstance(data, bytes) else model.model_validate(data)
        except ValidationError as exc:
            raise ApiError(BAD_RESPONSE, translate("ApiClient", "Сервер прислал непонятный ответ.")) from exc

    def _unreachable(self) -> str:
        return translate("ApiClient", "Нет связи с сервером {url}.").format(url=self.base_url)

    def close(self) -> None:
        self._http.close()

    @property
    def closed(self) -> bool:
        """Closed: the session is over; a request now would raise ``RuntimeError``."""
        return self._http.is_closed
