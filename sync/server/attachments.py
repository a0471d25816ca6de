"""Ticket attachments on the server (T12): the record, made through push like any other, and its
content, received in resumable parts and stored on disk by SHA-256.

Under ``files_dir``: ``partial/<attachment id>`` holds the bytes received so far — its length *is* the
upload offset, nothing else is kept about an unfinished upload — and ``partial/<id>.lock`` is held
while a request appends to it. A complete file whose SHA-256 matches the record moves to
``<aa>/<bb>/<sha256>``, so identical content is stored once. The client's file name never becomes
part of a path: paths are made of a UUID and a checked hex digest only.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import sys
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from sync.attachments import SHA256_PATTERN, UploadState, too_large
from sync.errors import ErrorCode
from sync.protocol import HistoryAction
from sync.roles import Role
from sync.server import tickets
from sync.server.errors import ServiceError
from sync.server.models import Attachment, Ticket, User
from sync.server.rejection import Rejected

HASH_CHUNK = 1024 * 1024
LOCK_POLL_S = 0.05


def creator(may_change_ticket: Callable[[User, Ticket], bool]) -> Callable[..., Attachment]:
    """The push hook that creates an attachment record; ``may_change_ticket`` is the rule of who may
    change a ticket (whoever may change it may add files to it)."""

    def create(session: Session, user: User, record_id: uuid.UUID, values: dict[str, Any]) -> Attachment:
        refusal = too_large(values["file_name"], values["size"])
        if refusal is not None:
            raise Rejected(ErrorCode.FILE_TOO_LARGE, refusal, "size")
        ticket = session.get(Ticket, values["ticket_id"])
        if ticket is None or not may_change_ticket(user, ticket):
            raise Rejected(ErrorCode.FORBIDDEN, field="ticket_id")
        tickets.audit(session, user, ticket.id, HistoryAction.ATTACHMENT_ADDED, {"file_name": values["file_name"]})
        return Attachment(id=record_id, **values, uploaded_bytes=0, complete=False, created_by=user.id)

    return create


# --- the record ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Target:
    """What an upload or a download needs of the record, read in a short transaction."""

    id: uuid.UUID
    file_name: str
    size: int
    sha256: str
    content_type: str
    complete: bool


def load(session: Session, user: User, attachment_id: uuid.UUID, *, uploading: bool = False) -> Target:
    """The attachment, for any user to read; only its author (or a supervisor) may upload its content."""
    obj = session.get(Attachment, attachment_id)
    if obj is None or obj.deleted_at is not None:
        raise ServiceError(ErrorCode.NOT_FOUND)
    if uploading and user.role != Role.SUPERVISOR and obj.created_by != user.id:
        raise ServiceError(ErrorCode.FORBIDDEN)
    return Target(obj.id, obj.file_name, obj.size, obj.sha256, obj.content_type, obj.complete)


def is_complete(session: Session, attachment_id: uuid.UUID) -> bool:
    obj = session.get(Attachment, attachment_id)
    return bool(obj is not None and obj.complete)


def mark_complete(session: Session, attachment_id: uuid.UUID) -> None:
    """The content is stored and checked: a synced change, so every client learns it by pull."""
    obj = session.get(Attachment, attachment_id, with_for_update=True)
    if obj is not None and not obj.complete:
        obj.complete = True
        obj.uploaded_bytes = obj.size


# --- the files -------------------------------------------------------------------------------------


class FileStore:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.partial_dir = root / "partial"

    def blob(self, sha256: str) -> Path:
        if not re.fullmatch(SHA256_PATTERN, sha256):
            raise ValueError("not a SHA-256 digest")
        return self.root / sha256[:2] / sha256[2:4] / sha256

    def keep(self, data: bytes) -> str:
        """Store content that came whole (an e-mail's attachment) by its digest; returns the digest.
        Written to a file of its own and moved into place, so a reader never sees half of it."""
        sha256 = hashlib.sha256(data).hexdigest()
        blob = self.blob(sha256)
        if not blob.exists():
            blob.parent.mkdir(parents=True, exist_ok=True)
            part = blob.with_name(f"{sha256}.{uuid.uuid4().hex}.part")
            part.write_bytes(data)
            os.replace(part, blob)
        return sha256

    def partial(self, attachment_id: uuid.UUID) -> Path:
        return self.partial_dir / str(uuid.UUID(str(attachment_id)))

    def received(self, attachment_id: uuid.UUID) -> int:
        """How many bytes of an unfinished upload are here: where the next part must start."""
        try:
            return self.partial(attachment_id).stat().st_size
        except FileNotFoundError:
            return 0

    def state(self, target: Target) -> UploadState:
        done = target.size if target.complete else min(self.received(target.id), target.size)
        return UploadState(uploaded_bytes=done, size=target.size, complete=target.complete)

    def open_partial(self, attachment_id: uuid.UUID) -> Any:
        self.partial_dir.mkdir(parents=True, exist_ok=True)
        return self.partial(attachment_id).open("ab")

    def truncate(self, attachment_id: uuid.UUID, length: int) -> None:
        with contextlib.suppress(FileNotFoundError), self.partial(attachment_id).open("r+b") as file:
            file.truncate(length)

    def finish(self, target: Target) -> bool:
        """Check the received file against the record and store it by its digest (False: it does not
        match, and is dropped so the upload starts over)."""
        partial = self.partial(target.id)
        self.partial_dir.mkdir(parents=True, exist_ok=True)
        partial.touch()  # an empty file has nothing to send
        digest = hashlib.sha256()
        with partial.open("rb") as file:
            while chunk := file.read(HASH_CHUNK):
                digest.update(chunk)
        if digest.hexdigest() != target.sha256 or partial.stat().st_size != target.size:
            partial.unlink()
            return False
        blob = self.blob(target.sha256)
        if blob.exists():
            partial.unlink()  # identical content is stored once
        else:
            blob.parent.mkdir(parents=True, exist_ok=True)
            os.replace(partial, blob)
        return True

    def forget_lock(self, attachment_id: uuid.UUID) -> None:
        """Drop the lock file of a finished upload (a request still waiting on it then finds the
        attachment complete and appends nothing)."""
        with contextlib.suppress(OSError):
            (self.partial_dir / f"{uuid.UUID(str(attachment_id))}.lock").unlink()

    def lock(self, attachment_id: uuid.UUID) -> UploadLock:
        self.partial_dir.mkdir(parents=True, exist_ok=True)
        return UploadLock(self.partial_dir / f"{uuid.UUID(str(attachment_id))}.lock")


class UploadLock:
    """One request at a time appends to a partial file — across threads and processes (an OS lock on
    a lock file: ``flock`` on POSIX, ``msvcrt.locking`` on Windows; both per open file)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    def acquire(self, timeout: float) -> bool:
        """Wait up to ``timeout`` seconds (blocking: call it on a worker thread)."""
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        deadline = time.monotonic() + timeout
        while not _try_lock(fd):
            if time.monotonic() >= deadline:
                os.close(fd)
                return False
            time.sleep(LOCK_POLL_S)
        self._fd = fd
        return True

    def release(self) -> None:
        if self._fd is not None:
            _unlock(self._fd)
            os.close(self._fd)
            self._fd = None


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only (mypy reads this test)
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
