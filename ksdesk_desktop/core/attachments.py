"""Ticket attachments on the client (T12): which dropped files may be attached, their local copies,
the attachment records (through the outbox, like every change) and the resumable upload of the content.

Qt-free. Apart from :func:`screen` (a ``stat`` per file, fine on the UI thread), everything here reads
or writes files and the cache: call it from a worker — the DB lane for :meth:`LocalFiles.keep` and
:func:`attach` (inside the save's unit of work); the upload runs in rounds of its own on the upload lane.

The life of a file: the operator drops or picks it → :func:`screen` refuses what is over 50 MB (a
message naming each file and its size) → :meth:`LocalFiles.keep` copies the rest under the data
folder, content-addressed and hashed while copied, so a draft's files survive without the originals →
on save, :func:`attach` records each against its ticket in the save's unit of work (the outbox sends
it after the ticket) → once a push gave the server the record, :class:`Uploader` sends the content,
continuing an interrupted upload from the server's offset.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from ksdesk_desktop.core.api_client import ApiError
from ksdesk_desktop.core.texts import translate
from ksdesk_desktop.store.db import LocalStore
from ksdesk_desktop.store.files import FileRows, LocalFile
from ksdesk_desktop.store.replica import Batch
from sync.attachments import CHUNK_BYTES, UploadState, content_type, safe_name, too_large
from sync.errors import ErrorCode
from sync.ids import new_id
from sync.records import Kind
from sync.reference import MAX_ATTACHMENT_BYTES

COPY_CHUNK = 1024 * 1024
# answers after which a file's upload stops for good (the operator is told)
_FINAL = frozenset({ErrorCode.FORBIDDEN, ErrorCode.FILE_TOO_LARGE, ErrorCode.UPLOAD_RANGE_INVALID,
                    ErrorCode.UPLOAD_HASH_MISMATCH})
# answers after which a file waits for a later round: another request still writes it, or the record
# is gone from the server (the next pull drops it from the cache, and with it from the pending files)
_LATER = frozenset({ErrorCode.UPLOAD_BUSY, ErrorCode.NOT_FOUND})
_RETRIES = 3  # offset mismatches or damaged uploads of one file in one round before giving up


class AttachmentRefused(Exception):
    """A file that cannot be attached; ``message`` names it and says why (Russian, for the operator)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


# --- choosing files --------------------------------------------------------------------------------


@dataclass
class Screening:
    accepted: list[Path] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)  # one message per refused file, naming it


def screen(paths: Iterable[Path | str]) -> Screening:
    """Split dropped or picked files into those that may be attached and messages for the rest
    (over 50 MB, a folder, unreadable). Exactly 50 MB (52 428 800 bytes) is accepted."""
    result = Screening()
    for item in paths:
        path = Path(item)
        refusal = _refusal(path)
        if refusal is None:
            result.accepted.append(path)
        else:
            result.refused.append(refusal)
    return result


def _refusal(path: Path) -> str | None:
    try:
        info = path.stat()
    except OSError as exc:
        return _not_attached(path, exc)
    if path.is_dir():
        return translate("Attachments", "«{name}» — это папка; прикрепить можно только файлы.").format(
            name=safe_name(path.name))
    return too_large(path.name, info.st_size)


def _not_attached(path: Path, exc: OSError) -> str:
    return translate("Attachments", "Файл «{name}» не прикреплён: {reason}.").format(
        name=safe_name(path.name), reason=_reason(exc))


def _reason(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return translate("Attachments", "его больше нет на диске")
    if isinstance(exc, PermissionError):
        return translate("Attachments", "нет прав на чтение")
    return translate("Attachments", "ошибка чтения ({error})").format(error=exc.strerror or exc)


# --- local copies ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class KeptFile:
    """A local copy of a file to attach. A draft keeps :meth:`as_dict` in its JSON."""

    path: Path  # the copy: <files root>/<aa>/<bb>/<sha256>
    file_name: str
    size: int
    sha256: str
    content_type: str

    def record(self, ticket_id: str) -> dict[str, Any]:
        """The attachment record's fields (``sync.records.AttachmentData``)."""
        return {"ticket_id": str(ticket_id), "file_name": self.file_name, "size": self.size, "sha256": self.sha256,
                "content_type": self.content_type}

    def as_dict(self) -> dict[str, Any]:
        return {"path": str(self.path), "file_name": self.file_name, "size": self.size, "sha256": self.sha256,
                "content_type": self.content_type}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> KeptFile:
        return cls(Path(data["path"]), str(data["file_name"]), int(data["size"]), str(data["sha256"]),
                   str(data["content_type"]))


class FileState(StrEnum):
    SENT = "sent"  # the server holds the whole content
    PENDING = "pending"  # its content has not reached the server yet
    ERROR = "error"  # its upload stopped for good (``AttachedFile.error`` says why)


@dataclass(frozen=True)
class AttachedFile:
    """A file of a ticket as the form and the card list it."""

    id: str
    file_name: str
    size: int
    on_server: bool  # the server holds the whole content (checked)
    local_path: Path | None  # a copy here (attached on this computer)
    error: str | None  # why its upload stopped (Russian), or None
    sha256: str = ""

    @property
    def state(self) -> FileState:
        if self.on_server:
            return FileState.SENT
        return FileState.ERROR if self.error else FileState.PENDING


class LocalFiles:
    """Copies of attached files under ``root`` (e.g. ``paths.data / "attachments"``), one per content,
    and the ``local_files`` rows that tie an attachment to its copy."""

    def __init__(self, store: LocalStore, root: Path) -> None:
        self.store, self.root = store, root
        self.rows = FileRows(store)

    def keep(self, source: Path | str) -> KeptFile:
        """Copy a file here, hashing it on the way (blocking: a worker's job). Raises
        :class:`AttachmentRefused` for a file over the limit (also one that grew meanwhile) or one
        that cannot be read or copied."""
        source = Path(source)
        refusal = _refusal(source)
        if refusal is not None:
            raise AttachmentRefused(refusal)
        scratch = self.root / "tmp" / f"{new_id()}.part"
        try:
            scratch.parent.mkdir(parents=True, exist_ok=True)
            digest, size = self._copy(source, scratch)
            target = self.blob(digest)
            if target.exists():
                scratch.unlink()
            else:
                target.parent.mkdir(parents=True, exist_ok=True)
                os.replace(scratch, target)
        except OSError as exc:
            scratch.unlink(missing_ok=True)
            raise AttachmentRefused(_not_attached(source, exc)) from exc
        except AttachmentRefused:
            scratch.unlink(missing_ok=True)
            raise
        return KeptFile(target, safe_name(source.name), size, digest, content_type(source.name))

    @staticmethod
    def _copy(source: Path, target: Path) -> tuple[str, int]:
        digest, size = hashlib.sha256(), 0
        with source.open("rb") as src, target.open("wb") as out:
            while chunk := src.read(COPY_CHUNK):
                size += len(chunk)
                if size > MAX_ATTACHMENT_BYTES:
                    raise AttachmentRefused(too_large(source.name, size) or "")
                digest.update(chunk)
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())  # the record will point at it: it must outlive a power cut
        return digest.hexdigest(), size

    def blob(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256[2:4] / sha256

    def remember(self, attachment_id: str, kept: KeptFile) -> None:
        try:
            stored = str(kept.path.relative_to(self.store.path.parent))
        except ValueError:
            stored = str(kept.path)
        self.rows.add(attachment_id, stored, kept.sha256, kept.size)

    def forget(self, attachment_id: str) -> None:
        self.rows.drop(attachment_id)

    def retry(self, attachment_id: str) -> None:
        """Try a stopped upload again in the next sync round."""
        self.rows.stop(attachment_id, None, None)


def attach(batch: Batch, files: LocalFiles, ticket_id: str, source: Path | str | KeptFile) -> str:
    """Attach a file (a path, or a copy kept for a draft) to a ticket the replica holds; returns the
    attachment's id. The file's row and its record are written in the caller's unit of work
    (``Replica.batch``, with ``files`` on the replica's store), so they land together with the ticket
    or not at all; the record goes through the outbox after the ticket's own entry, the content is
    uploaded once the server has the record. Raises :class:`AttachmentRefused` or
    ``store.replica.InvalidChange``. Blocking: run it on the DB lane."""
    kept = source if isinstance(source, KeptFile) else files.keep(source)
    if not kept.path.is_file():
        raise AttachmentRefused(translate("Attachments", "Копия файла «{name}» пропала с диска: прикрепите его "
                                          "заново.").format(name=kept.file_name))
    attachment_id = str(new_id())
    files.remember(attachment_id, kept)
    batch.change(Kind.ATTACHMENT, attachment_id, kept.record(ticket_id))
    return attachment_id


def ticket_files(store: LocalStore, ticket_id: str) -> list[AttachedFile]:
    """The files of a ticket, in the order they were attached."""
    return [
        AttachedFile(r.id, r.data.get("file_name", ""), int(r.data.get("size", 0)), bool(r.data.get("complete")),
                     _local(store, r.path) if r.path else None, r.error_message, str(r.data.get("sha256") or ""))
        for r in FileRows(store).of_ticket(ticket_id)
    ]


def _local(store: LocalStore, stored: str) -> Path:
    return store.path.parent / stored  # relative to the cache's folder, or absolute


# --- upload ----------------------------------------------------------------------------------------


@runtime_checkable
class AttachmentTransport(Protocol):
    def upload_state(self, attachment_id: str) -> UploadState: ...

    def upload_part(self, attachment_id: str, start: int, data: bytes, total: int) -> UploadState: ...


@dataclass
class UploadReport:
    uploaded: int = 0  # files now complete on the server
    sent_bytes: int = 0
    failed: list[str] = field(default_factory=list)  # attachment ids whose upload stopped for good
    deferred: int = 0  # files left for a later round (busy on the server, or not there yet)
    complete: bool = True  # False when cancelled before the end


class Uploader:
    """Sends the content of attachments whose records the server holds, in parts of ``chunk_bytes``;
    each part starts where the server's copy ends, so a cut upload continues instead of restarting."""

    def __init__(self, store: LocalStore, *, chunk_bytes: int = CHUNK_BYTES) -> None:
        self.store, self.chunk_bytes = store, chunk_bytes
        self.rows = FileRows(store)

    def pending(self) -> list[LocalFile]:
        """Local files not yet on the server whose attachment record the server has (version > 0)."""
        return self.rows.to_upload()

    def upload_pending(self, api: AttachmentTransport, cancelled: Callable[[], bool] = lambda: False) -> UploadReport:
        """Upload what is pending. A network failure raises ``ApiError`` (``offline``) after keeping
        everything sent so far on the server; the next round continues from there."""
        report = UploadReport()
        for row in self.pending():
            if cancelled():
                report.complete = False
                break
            self._upload(api, row, report, cancelled)
        return report

    def _upload(self, api: AttachmentTransport, row: LocalFile, report: UploadReport,
                cancelled: Callable[[], bool]) -> None:
        attachment_id, path = row.attachment_id, _local(self.store, row.path)
        setbacks = 0
        try:
            state = api.upload_state(attachment_id)
            while not state.complete:
                if cancelled():
                    report.complete = False
                    return
                start = state.uploaded_bytes
                data = _read(path, start, self.chunk_bytes)
                try:
                    state = api.upload_part(attachment_id, start, data, row.size)
                except ApiError as exc:
                    if exc.code not in (ErrorCode.UPLOAD_OFFSET_MISMATCH, ErrorCode.UPLOAD_HASH_MISMATCH):
                        raise
                    setbacks = self._setback(exc, row, path, setbacks)
                    state = api.upload_state(attachment_id)
                    continue
                report.sent_bytes += len(data)
                if not state.complete and state.uploaded_bytes <= start:
                    setbacks = self._setback(None, row, path, setbacks)
        except ApiError as exc:
            if exc.code in _LATER:
                report.deferred += 1
                return
            if exc.code not in _FINAL:
                raise
            self.rows.stop(attachment_id, exc.code, exc.message)
            report.failed.append(attachment_id)
            return
        except OSError as exc:
            self.rows.stop(attachment_id, "local_file_missing",
                           translate("Attachments", "Копия файла пропала с диска ({reason}): прикрепите файл "
                                     "заново.").format(reason=_reason(exc)))
            report.failed.append(attachment_id)
            return
        self.rows.mark_uploaded(attachment_id)
        report.uploaded += 1

    @staticmethod
    def _setback(exc: ApiError | None, row: LocalFile, path: Path, setbacks: int) -> int:
        """One more answer that did not move the upload on; too many (or a local copy that no longer
        matches its digest) stop it."""
        if exc is not None and exc.code == ErrorCode.UPLOAD_HASH_MISMATCH and file_digest(path) != row.sha256:
            raise ApiError(exc.code, translate("Attachments", "Копия файла на этом компьютере повреждена: прикрепите "
                                                "файл заново."))
        if setbacks + 1 >= _RETRIES:
            raise exc or ApiError(ErrorCode.UPLOAD_RANGE_INVALID,
                                  translate("Attachments", "Сервер не принимает части файла."))
        return setbacks + 1


def _read(path: Path, start: int, length: int) -> bytes:
    with path.open("rb") as file:
        file.seek(start)
        return file.read(length)


def file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        while chunk := file.read(COPY_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()
