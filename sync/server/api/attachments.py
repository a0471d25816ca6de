"""Attachment content (T12): a resumable upload in parts and the download.

The record itself comes through ``/sync/push`` (kind ``attachment``); these routes move its bytes.
See :mod:`sync.attachments` for the protocol and :mod:`sync.server.attachments` for the storage.
The body is streamed to disk — never held in memory — and every refusal is a 4xx with a stable code.
"""

from __future__ import annotations

import asyncio
import logging
import re
import uuid
from collections.abc import AsyncIterator
from dataclasses import replace
from typing import Annotated

from fastapi import APIRouter, Header, Path, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.security import HTTPAuthorizationCredentials
from starlette.requests import ClientDisconnect

from sync.attachments import InvalidRange, UploadState, parse_content_range
from sync.errors import ErrorCode, message_ru
from sync.protocol import API_PREFIX
from sync.reference import MAX_ATTACHMENT_BYTES
from sync.server import attachments
from sync.server.attachments import FileStore, Target
from sync.server.deps import BearerDep, CurrentUser, SessionDep, StateDep, authenticate
from sync.server.errors import STATUS, ServiceError
from sync.server.openapi import errors
from sync.server.state import ServerState
from sync.sqlite import WRITE

log = logging.getLogger(__name__)

router = APIRouter(prefix="/attachments", tags=["attachments"])

LOCK_WAIT_S = 15.0  # a request still appending (its client gone, the server not yet told) holds the file
IDLE_S = 60.0  # a body that stalls this long ends the request; what arrived is kept
FLUSH_BYTES = 1024 * 1024  # bytes gathered before a write to disk (on a worker thread)
UPLOAD_PATH = re.compile(rf"^{API_PREFIX}/attachments/[^/]+/content$")

# the codes only these routes answer with (an unknown id's not_found follows from the path: sync.server.openapi)
UPLOAD_ERRORS = errors(ErrorCode.FORBIDDEN, ErrorCode.NOT_FOUND, ErrorCode.UPLOAD_RANGE_INVALID, ErrorCode.UPLOAD_BUSY,
                       ErrorCode.UPLOAD_OFFSET_MISMATCH, ErrorCode.PAYLOAD_TOO_LARGE, ErrorCode.UPLOAD_HASH_MISMATCH)
UPLOAD_BODY = {"requestBody": {"required": False, "description": "the part's bytes (none to finish, see Content-Range)",
                               "content": {"application/octet-stream": {"schema": {"type": "string",
                                                                                   "format": "binary"}}}}}
DOWNLOAD = {200: {"description": "the file's bytes, of its content type",
                  "content": {"*/*": {"schema": {"type": "string", "format": "binary"}}}},
            **errors(ErrorCode.ATTACHMENT_INCOMPLETE)}


def is_upload(path: str) -> bool:
    """Whether a request goes to the upload route, which limits its body itself (the file's size)."""
    return UPLOAD_PATH.match(path) is not None


def _error(code: ErrorCode, message: str | None = None, headers: dict[str, str] | None = None) -> JSONResponse:
    body = {"error": {"code": str(code), "message": message or message_ru(code), "field": None}}
    return JSONResponse(body, status_code=STATUS[code], headers=headers)


def _files(state: ServerState) -> FileStore:
    return FileStore(state.settings.effective_files_dir)


@router.get("/{attachment_id}/upload", response_model=UploadState)
def upload_state(attachment_id: uuid.UUID, state: StateDep, session: SessionDep, user: CurrentUser) -> UploadState:
    """How much of the file the server holds: an interrupted upload continues from ``uploaded_bytes``."""
    return _files(state).state(attachments.load(session, user, attachment_id))


@router.put("/{attachment_id}/content", response_model=UploadState, responses=UPLOAD_ERRORS,
            openapi_extra=UPLOAD_BODY)
async def put_content(
    attachment_id: Annotated[str, Path(description="the attachment's id (a UUID)")],
    request: Request,
    state: StateDep,
    credentials: BearerDep,
    content_range: Annotated[str | None, Header(description="bytes START-END/TOTAL (END inclusive), or bytes "
                                                            "*/TOTAL with an empty body to finish a file whose "
                                                            "bytes are all here")] = None,
) -> Response:
    """Append bytes START..END of the file when START is what the server holds (else 409
    ``upload_offset_mismatch``: ask ``/upload`` and continue from there). After the last byte the
    size and SHA-256 are checked and the attachment becomes ``complete``. (The token is checked before
    the parameters, and a refused body is read to its end, so the client always gets the answer.)"""
    declared = _declared_length(request)
    try:
        target = await run_in_threadpool(_authorized, state, credentials, attachment_id)
        start, length, total = parse_content_range(content_range or "")
    except InvalidRange:
        await _drain(request, declared)
        return _error(ErrorCode.UPLOAD_RANGE_INVALID)
    except Exception:
        await _drain(request, declared)
        raise
    if total != target.size or (declared is not None and declared != length):
        await _drain(request, declared)
        return _error(ErrorCode.UPLOAD_RANGE_INVALID, f"{message_ru(ErrorCode.UPLOAD_RANGE_INVALID)} Размер файла "
                      f"{target.size} байт, часть {length} байт, тело запроса {declared or '?'} байт.")
    files = _files(state)
    lock = files.lock(target.id)
    if not await run_in_threadpool(lock.acquire, LOCK_WAIT_S):
        await _drain(request, declared)
        return _error(ErrorCode.UPLOAD_BUSY)
    try:
        return await _append(request, state, files, target, start, length)
    finally:
        lock.release()


async def _append(request: Request, state: ServerState, files: FileStore, target: Target, start: int,
                  length: int) -> Response:
    """Under the file's lock: take the part if it starts where the file ends, finish the file when whole."""
    target = await run_in_threadpool(_reload, state, target)
    if not target.complete and files.blob(target.sha256).exists():  # the same content is stored already
        await run_in_threadpool(_mark_complete, state, target.id)
        target = replace(target, complete=True)
    if target.complete:
        await _drain(request, length)
        return JSONResponse(files.state(target).model_dump())
    held = files.received(target.id)
    if start != held:
        await _drain(request, length)
        return _error(ErrorCode.UPLOAD_OFFSET_MISMATCH, headers={"Upload-Offset": str(held)})
    received, whole = await _receive(request, files, target.id, length)
    if received > length:
        await run_in_threadpool(files.truncate, target.id, start)
        return _error(ErrorCode.PAYLOAD_TOO_LARGE, f"Тело запроса длиннее объявленной части ({length} байт).")
    if whole and start + received == target.size:
        if not await run_in_threadpool(files.finish, target):
            return _error(ErrorCode.UPLOAD_HASH_MISMATCH)
        await run_in_threadpool(_mark_complete, state, target.id)
        files.forget_lock(target.id)
        target = replace(target, complete=True)
    return JSONResponse(files.state(target).model_dump())


async def _receive(request: Request, files: FileStore, attachment_id: uuid.UUID, length: int) -> tuple[int, bool]:
    """Append the body to the partial file; returns the bytes taken (``length + 1`` when the body is
    longer than declared) and whether the body came whole. A cut or stalled body keeps what arrived."""
    received, whole = 0, True
    pending = bytearray()
    with files.open_partial(attachment_id) as out:
        try:
            async for chunk in _chunks(request):
                if received + len(chunk) > length:
                    received = length + 1
                    break
                pending += chunk
                received += len(chunk)
                if len(pending) >= FLUSH_BYTES:
                    await run_in_threadpool(out.write, bytes(pending))
                    pending.clear()
        except (ClientDisconnect, TimeoutError):
            whole = False
        if pending and received <= length:
            await run_in_threadpool(out.write, bytes(pending))
    return received, whole and received == length


async def _chunks(request: Request) -> AsyncIterator[bytes]:
    """The body as it arrives; a pause longer than :data:`IDLE_S` raises ``TimeoutError``."""
    stream = request.stream().__aiter__()
    while True:
        try:
            chunk = await asyncio.wait_for(stream.__anext__(), IDLE_S)
        except StopAsyncIteration:
            return
        if chunk:
            yield chunk


async def _drain(request: Request, limit: int | None) -> None:
    """Read and drop a body the answer does not need, so the client reads the answer instead of
    failing to send the rest (only a declared body within the upload limit; a bigger one is cut)."""
    if limit is None or limit > MAX_ATTACHMENT_BYTES:
        return
    seen = 0
    try:
        async for chunk in _chunks(request):
            seen += len(chunk)
            if seen > limit:
                return
    except (ClientDisconnect, TimeoutError):
        return


def _declared_length(request: Request) -> int | None:
    value = request.headers.get("content-length")
    return int(value) if value is not None and value.isdigit() else None


def _authorized(state: ServerState, credentials: HTTPAuthorizationCredentials | None, attachment_id: str) -> Target:
    with state.session_factory() as session:
        user = authenticate(state, session, credentials)
        try:
            record_id = uuid.UUID(attachment_id)
        except ValueError as exc:
            raise ServiceError(ErrorCode.NOT_FOUND) from exc
        return attachments.load(session, user, record_id, uploading=True)


def _reload(state: ServerState, target: Target) -> Target:
    with state.session_factory() as session:
        return replace(target, complete=attachments.is_complete(session, target.id))


def _mark_complete(state: ServerState, attachment_id: uuid.UUID) -> None:
    with state.session_factory() as session:
        if state.backend == "sqlite":
            session.connection(execution_options=WRITE)
        attachments.mark_complete(session, attachment_id)
        session.commit()


@router.get("/{attachment_id}/content", response_class=FileResponse, responses=DOWNLOAD)
def download(attachment_id: uuid.UUID, state: StateDep, session: SessionDep, user: CurrentUser) -> Response:
    """The file, under its stored name (``Content-Disposition: attachment``)."""
    target = attachments.load(session, user, attachment_id)
    if not target.complete:
        return _error(ErrorCode.ATTACHMENT_INCOMPLETE)
    path = _files(state).blob(target.sha256)
    if not path.is_file():
        log.error("attachment %s: its file %s is missing", target.id, path)
        return _error(ErrorCode.NOT_FOUND, "Файл вложения не найден на сервере.")
    return FileResponse(path, media_type=target.content_type, filename=target.file_name,
                        headers={"X-Content-Type-Options": "nosniff", "Cache-Control": "private, no-store"})
