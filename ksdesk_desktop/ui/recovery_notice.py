"""The notice above the pages after the start found the cache or the kept file damaged (issue 16,
class 12): what was rebuilt, what was recovered, what was lost, and where the damaged file lies. It
stays until the operator closes it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

if TYPE_CHECKING:
    from ksdesk_desktop.store.recovery import Recovery


class RecoveryNotice(QFrame):
    def __init__(self, recovery: Recovery, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recovery_notice")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        self.label = QLabel(self.text(recovery), self)
        self.label.setObjectName("recovery_text")
        self.label.setWordWrap(True)
        layout.addWidget(self.label, 1)
        close = QPushButton(self.tr("Закрыть"), self)
        close.setObjectName("recovery_close")
        close.clicked.connect(self.hide)
        layout.addWidget(close)

    def reason(self, code: str | None) -> str:
        return {
            "empty": self.tr("файл пуст"),
            "header": self.tr("испорчен заголовок файла"),
            "truncated": self.tr("файл обрезан"),
            "missing": self.tr("файл пропал"),
        }.get(code or "", self.tr("испорчены данные внутри файла"))

    def text(self, recovery: Recovery) -> str:
        if recovery.later_damage is not None:  # found after the start: the cache is in use still
            return self.tr("Локальный кэш повреждён ({reason}): программа пересоздаст его при следующем запуске. "
                           "Неотправленные изменения хранятся отдельно и не пострадают.").format(
                reason=self.reason(recovery.later_damage))
        parts: list[str] = []
        if recovery.cache_damage is not None:
            parts.append(self.tr("Локальный кэш был повреждён и пересоздан ({reason}): справочники и обращения "
                                 "загружаются с сервера заново.").format(reason=self.reason(recovery.cache_damage)))
        if recovery.kept_damage is not None:
            parts.append(self.tr("Файл неотправленных изменений был повреждён ({reason}). Восстановлено "
                                 "изменений: из файла — {salvaged}, по копии в кэше — {requeued}.").format(
                reason=self.reason(recovery.kept_damage), salvaged=recovery.salvaged, requeued=recovery.requeued))
            if recovery.incomplete:
                parts.append(self.tr("Часть файла прочитать не удалось: изменения оттуда, которых не было в "
                                     "кэше, потеряны."))
        parts.append(self.tr("Неотправленные обращения сохранены: {tickets} (всего сохранено неотправленных "
                             "изменений: {pending}, черновиков: {drafts}).").format(
            tickets=recovery.tickets, pending=recovery.pending, drafts=recovery.drafts))
        asides = [path.name for path in (recovery.cache_aside, recovery.kept_aside) if path is not None]
        if asides:
            parts.append(self.tr("Повреждённые файлы сохранены для службы поддержки: {names}.").format(
                names=", ".join(asides)))
        return " ".join(parts)
