"""The ticket form's «Файлы» (T12): files chosen with «Прикрепить…» (Ctrl+O) or dropped on the list
are screened (over 50 MB: refused by name, with the size) and copied into the local store on a worker
lane, so the draft keeps them even if the originals go; «Убрать» (Delete) detaches the selected one.
The form reads :attr:`TicketFiles.files` for the draft and the save."""

from __future__ import annotations

from typing import Any, cast

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QDropEvent, QKeySequence
from PySide6.QtWidgets import QFileDialog, QListWidget, QListWidgetItem, QPushButton, QWidget

from ksdesk_desktop.core.attachments import AttachmentRefused, KeptFile, LocalFiles, screen
from ksdesk_desktop.ops import Lane, Op
from ksdesk_desktop.ui.keys import shortcut
from ksdesk_desktop.ui.services import Services
from sync.attachments import format_size


class TicketFiles(QObject):
    """Binds the host's list and buttons; the shortcut Ctrl+O belongs to the host's window."""

    edited = Signal()  # a file attached or detached: the draft changed
    attached = Signal(list)  # the attached files (local copies), after an attach
    message = Signal(str, bool)  # text, whether it is an error

    def __init__(self, services: Services, local_files: LocalFiles, files_list: QListWidget,
                 attach_button: QPushButton, detach_button: QPushButton, window: QWidget) -> None:
        super().__init__(window)
        self.services, self.local_files, self.host = services, local_files, window
        self.files_list, self.attach_button = files_list, attach_button
        self.files: list[dict[str, Any]] = []
        attach_button.setToolTip(self.tr("Прикрепить файлы (Ctrl+O); можно перетащить их в список"))
        detach_button.setToolTip(self.tr("Убрать выбранный файл (Delete)"))
        attach_button.clicked.connect(self.choose)
        detach_button.clicked.connect(self.detach_selected)
        self._viewport = files_list.viewport()  # a list's drops arrive at its viewport
        self._viewport.installEventFilter(self)
        files_list.setAcceptDrops(True)
        shortcut(window, "Ctrl+O", self.choose)
        shortcut(files_list, QKeySequence.StandardKey.Delete, self.detach_selected, Qt.ShortcutContext.WidgetShortcut)

    def choose(self) -> None:
        paths, _filter = QFileDialog.getOpenFileNames(self.host, self.tr("Прикрепить файлы"))
        self.add(paths)

    def add(self, paths: list[str]) -> None:
        """Keep a local copy of each file (so the draft has it even if the original goes), or say why it
        is refused (over 50 MB: named with its size); the rest are kept."""
        screening = screen(paths)
        if screening.refused:
            self.message.emit("\n".join(screening.refused), True)
        if not screening.accepted:
            return
        files, accepted = self.local_files, list(screening.accepted)

        def keep(_state: Any) -> tuple[list[KeptFile], list[str]]:
            kept, refused = [], []
            for path in accepted:
                try:
                    kept.append(files.keep(path))
                except AttachmentRefused as exc:
                    refused.append(exc.message)
            return kept, refused

        self.attach_button.setEnabled(False)
        Op(keep, Lane.NETWORK).success(self._kept).failure(self._failed) \
            .with_progress(self.tr("Копирование файлов…")).run(self.services.tasks)

    def _kept(self, result: tuple[list[KeptFile], list[str]]) -> None:
        kept, refused = result
        self.attach_button.setEnabled(True)
        known = {f["sha256"] for f in self.files}
        for file in kept:
            if file.sha256 in known:
                continue  # the same file twice is attached once
            entry = file.as_dict()
            self.files.append(entry)
            self._show(entry)
            known.add(file.sha256)
        if refused:
            self.message.emit("\n".join(refused), True)
        self.edited.emit()
        self.attached.emit(list(self.files))

    def _failed(self, exc: BaseException) -> None:
        self.attach_button.setEnabled(True)
        raise exc

    def detach_selected(self) -> None:
        row = self.files_list.currentRow()
        if 0 <= row < len(self.files):
            del self.files[row]
            self.files_list.takeItem(row)
            self.edited.emit()

    def restore(self, files: list[dict[str, Any]]) -> None:
        self.files = list(files)
        self.files_list.clear()
        for entry in self.files:
            self._show(entry)

    def _show(self, entry: dict[str, Any]) -> None:
        self.files_list.addItem(QListWidgetItem(f"{entry['file_name']} ({format_size(entry['size'])})"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Compared, never asked: this filter outlives the list while the window is destroyed.
        if watched is self._viewport and self._dropped(event):
            return True
        return super().eventFilter(watched, event)

    def _dropped(self, event: QEvent) -> bool:
        """Files dragged from the file manager onto the list are attached."""
        if event.type() in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            drag = cast(QDropEvent, event)
            if drag.mimeData().hasUrls():
                drag.acceptProposedAction()
                return True
        if event.type() == QEvent.Type.Drop:
            drop = cast(QDropEvent, event)
            paths = [url.toLocalFile() for url in drop.mimeData().urls() if url.isLocalFile()]
            drop.acceptProposedAction()
            self.add(paths)
            return True
        return False
