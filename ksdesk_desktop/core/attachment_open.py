"""Opening a ticket's file from its card (N5), without Qt: the copy on this computer when there is one,
else the content downloaded from the server (checked against its SHA-256 and kept content-addressed
with the other copies), handed out under the file's own name so the system opens it with the right
program. Blocking: run :func:`file_to_open` on a worker (the network lane)."""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from ksdesk_desktop.core.attachments import AttachedFile, LocalFiles, file_digest
from ksdesk_desktop.core.texts import translate
from sync.attachments import safe_name
from sync.ids import new_id

Progress = Callable[[int, int], None]  # bytes received, bytes in all (0: unknown)


class Downloads(Protocol):
    def download_attachment(self, attachment_id: str, target: Path, progress: Progress | None = None) -> Path: ...


class AttachmentUnavailable(Exception):
    """The file cannot be opened now; ``message`` says why (Russian, for the operator)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class DownloadCancelled(Exception):
    """The card was closed while the file downloaded."""


def local_source(files: LocalFiles, file: AttachedFile) -> Path | None:
    """The content of the file on this computer: the copy made when it was attached here, or one
    downloaded before (stored by its digest)."""
    candidates = [file.local_path, files.blob(file.sha256) if file.sha256 else None]
    return next((p for p in candidates if p is not None and p.is_file()), None)


def file_to_open(files: LocalFiles, file: AttachedFile, api: Downloads | None, *,
                 progress: Progress | None = None, cancelled: Callable[[], bool] = lambda: False) -> Path:
    """A copy of the file under its own name, ready to open; downloaded first when only the server
    has it. Raises :class:`AttachmentUnavailable` (offline, or the content is not on the server
    yet), ``ApiError`` (the download failed) or :class:`DownloadCancelled`."""
    source = local_source(files, file)
    if source is None:
        name = safe_name(file.file_name)
        if api is None:
            raise AttachmentUnavailable(translate("Attachments", "Файл «{name}» ещё не загружен на этот компьютер. "
                                                  "Он откроется, когда появится связь с сервером.").format(name=name))
        if not file.on_server:
            raise AttachmentUnavailable(translate("Attachments", "Файл «{name}» ещё не отправлен на сервер с "
                                                  "компьютера, где его прикрепили. Он откроется, когда отправка "
                                                  "завершится.").format(name=name))
        source = download(files, file, api, progress=progress, cancelled=cancelled)
    return named_copy(files, file, source)


def download(files: LocalFiles, file: AttachedFile, api: Downloads, *, progress: Progress | None = None,
             cancelled: Callable[[], bool] = lambda: False) -> Path:
    """Fetch the content from the server into the content-addressed copies; returns its path."""

    def report(received: int, total: int) -> None:
        if cancelled():
            raise DownloadCancelled
        if progress is not None:
            progress(received, total or file.size)

    scratch = files.root / "tmp" / f"{new_id()}.download"
    scratch.parent.mkdir(parents=True, exist_ok=True)
    try:
        api.download_attachment(file.id, scratch, report)
        if file_digest(scratch) != file.sha256:
            raise AttachmentUnavailable(translate("Attachments", "Файл «{name}» пришёл с сервера повреждённым. "
                                                  "Попробуйте открыть его ещё раз.").format(
                                                      name=safe_name(file.file_name)))
        target = files.blob(file.sha256)
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(scratch, target)
    finally:
        scratch.unlink(missing_ok=True)
    return target


def named_copy(files: LocalFiles, file: AttachedFile, source: Path) -> Path:
    """A fresh copy of ``source`` as ``<files>/open/<attachment id>/<file name>`` (a copy, not a link:
    a program that edits the opened file must not change the kept content). When the previous copy
    cannot be replaced (still open in a program on Windows) that one is handed out."""
    target = files.root / "open" / str(uuid.UUID(file.id)) / safe_name(file.file_name)
    target.parent.mkdir(parents=True, exist_ok=True)
    scratch = target.with_name(f".{new_id()}.part")
    try:
        shutil.copyfile(source, scratch)
        os.replace(scratch, target)
    except OSError:
        if not target.is_file():
            raise
    finally:
        scratch.unlink(missing_ok=True)
    return target
