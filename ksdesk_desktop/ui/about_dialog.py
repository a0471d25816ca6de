"""«О программе» with «Скопировать в буфер» (T10)."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ksdesk_desktop import __version__


class AboutDialog(QDialog):
    def __init__(self, info_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("about_dialog")
        self.setWindowTitle(self.tr("О программе"))
        self.info_text = info_text
        title = QLabel(self.tr("<b>КС Деск</b> — рабочее место сотрудника поддержки, версия {v}").format(v=__version__))
        self.info_view = QPlainTextEdit(info_text)
        self.info_view.setReadOnly(True)
        self.info_view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.info_view.setMinimumSize(560, 220)
        self.copy_button = QPushButton(self.tr("Скопировать в буфер"))
        self.copy_button.setObjectName("copy_button")
        self.copy_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Copy))
        self.copy_button.setToolTip(self.tr("Скопировать сведения о системе (Ctrl+C)"))
        self.copy_button.clicked.connect(self.copy_to_clipboard)
        self.copied_label = QLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.info_view)
        layout.addWidget(self.copied_label)
        layout.addWidget(buttons)

    def copy_to_clipboard(self) -> None:
        QGuiApplication.clipboard().setText(self.info_text)
        self.copied_label.setText(self.tr("Сведения скопированы — вставьте их в поле «Информация о системе»."))
