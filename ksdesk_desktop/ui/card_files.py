"""The «Файлы» tab of a ticket's card (N5): the ticket's files with their size and state. «Открыть»
(Enter, a double click) opens one — downloaded from the server first when only the server has it,
with the progress shown in the tab; offline a message says when it will open instead."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QModelIndex, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from ksdesk_desktop.core.api_client import ApiError
from ksdesk_desktop.core.attachment_open import AttachmentUnavailable, DownloadCancelled, file_to_open
from ksdesk_desktop.core.attachments import AttachedFile, FileState, LocalFiles, ticket_files
from ksdesk_desktop.ops import Lane, Op, OpState
from ksdesk_desktop.ui.record_model import Column, Record, RecordTableModel
from ksdesk_desktop.ui.services import Services
from ksdesk_desktop.ui.table_view import table_view
from sync.attachments import format_size
from sync.records import Kind


@dataclass
class _Transfer:
    """A download's progress: written by the worker, read by the tab's timer (no widget crosses threads)."""

    received: int = 0
    total: int = 0

    def update(self, received: int, total: int) -> None:
        self.received, self.total = received, total


class FilesPanel(QWidget):
    count_changed = Signal(int)
    files_changed = Signal()  # a file came or went, or reached the server (not emitted for the first list)
    file_opened = Signal(str)  # the path handed to the system to open

    def __init__(self, ticket_id: str, files: Sequence[AttachedFile], services: Services, local_files: LocalFiles,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ticket_id, self.services, self.local_files = ticket_id, services, local_files
        self._files: dict[str, AttachedFile] = {}
        self._rows: dict[str, Record] = {}
        self._known: list[tuple[str, str, bool]] | None = None  # what files_changed compares
        self._download: OpState | None = None
        self._transfer = _Transfer()
        self._timer = QTimer(self)
        self._timer.setInterval(100)
        self._timer.timeout.connect(self._show_progress)
        self.model = RecordTableModel([
            Column(self.tr("Имя файла"), lambda r: str(r["file_name"])),
            Column(self.tr("Размер"), lambda r: str(r["size"])),
            Column(self.tr("Состояние"), lambda r: str(r["state"]), warn=lambda r: bool(r["error"])),
        ], lambda ids: {i: self._rows[i] for i in ids if i in self._rows}, self)
        self.view = table_view("card_files", self.model, 0, {1: 90, 2: 220})
        self.view.activated.connect(self.open_file)
        self.open_button = QPushButton(self.tr("&Открыть"))
        self.open_button.setAutoDefault(False)
        self.open_button.clicked.connect(lambda: self.open_file(self.view.currentIndex()))
        self.progress = QProgressBar()
        self.progress.setObjectName("download_progress")
        self.progress.setVisible(False)
        self.message = QLabel()
        self.message.setObjectName("files_message")
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.progress, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.set_files(files)
        services.sync.records_changed.connect(self._records_changed)

    def set_files(self, files: Sequence[AttachedFile]) -> None:
        current = self.model.id_at(self.view.currentIndex().row())
        self._files = {f.id: f for f in files}
        self._rows = {f.id: self._row(f) for f in files}
        self.model.set_ids([f.id for f in files])
        row = self.model.row_of(current) if current else -1
        self.view.setCurrentIndex(self.model.index(max(row, 0), 0))
        self.count_changed.emit(len(files))
        known, self._known = self._known, [(f.id, f.file_name, f.on_server) for f in files]
        if known is not None and known != self._known:
            self.files_changed.emit()

    def _row(self, file: AttachedFile) -> Record:
        states = {FileState.SENT: self.tr("Отправлен"), FileState.PENDING: self.tr("Ожидает отправки"),
                  FileState.ERROR: self.tr("Ошибка: %s") % (file.error or "")}
        return {"file_name": file.file_name, "size": format_size(file.size), "state": states[file.state],
                "error": file.state is FileState.ERROR}

    def _records_changed(self, kinds: set[Kind]) -> None:
        if Kind.ATTACHMENT in kinds:
            store, ticket_id = self.local_files.store, self.ticket_id
            Op(lambda _s: ticket_files(store, ticket_id), Lane.QUERY).success(self.set_files).run(self.services.tasks)

    # --- «Открыть» --------------------------------------------------------------------------------

    def open_file(self, index: QModelIndex) -> None:
        file = self._files.get(self.model.id_at(index.row()) or "")
        if file is None:
            return
        if self._download is not None:
            self.message.setText(self.tr("Дождитесь, пока откроется предыдущий файл."))
            return
        files, api, transfer = self.local_files, self.services.api(), _Transfer()
        self._transfer = transfer
        self.message.setText("")

        def fetch(state: OpState) -> Path:
            return file_to_open(files, file, api, progress=transfer.update, cancelled=lambda: state.cancelled)

        self._download = Op(fetch, Lane.NETWORK).success(self._open).failure(self._failed).run(self.services.tasks)
        self._timer.start()

    def cancel(self) -> None:
        """The card closes: a download under way stops and leaves nothing behind."""
        if self._download is not None:
            self._download.cancel()
            self._done()

    def _show_progress(self) -> None:
        received, total = self._transfer.received, max(self._transfer.total, 1)
        if received:  # a copy already here opens without a bar
            self.progress.setFormat(self.tr("Загрузка с сервера: %p%"))
            self.progress.setRange(0, total)
            self.progress.setValue(min(received, total))
            self.progress.setVisible(True)

    def _done(self) -> None:
        self._download = None
        self._timer.stop()
        self.progress.setVisible(False)

    def _open(self, path: Path) -> None:
        self._done()
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            self.message.setText(self.tr("Не удалось открыть файл «%s»: в системе нет программы для файлов этого "
                                         "типа. Он сохранён здесь: %s") % (path.name, path))
        self.file_opened.emit(str(path))

    def _failed(self, exc: BaseException) -> None:
        self._done()
        if isinstance(exc, DownloadCancelled):
            return
        if isinstance(exc, AttachmentUnavailable | ApiError):
            self.message.setText(exc.message)
        elif isinstance(exc, OSError):
            self.message.setText(self.tr("Не удалось сохранить файл на этом компьютере: %s") % (exc.strerror or exc))
        else:
            raise exc
