"""«О программе» with «Скопировать в буфер» (T10)."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QFontDatabase, QFontMetrics, QGuiApplication, QKeySequence
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

MAX_TEXT = QSize(1180, 520)  # the information's view at most: the dialog stays within 1280×720


class AboutDialog(QDialog):
    def __init__(self, info_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("about_dialog")
        self.setWindowTitle(self.tr("О программе"))
        self.info_text = info_text
        title = QLabel(self.tr("<b>КС Деск</b> — рабочее место сотрудника поддержки, версия {v}").format(v=__version__))
        self.info_view = QPlainTextEdit(info_text)
        self.info_view.setObjectName("about_info")
        self.info_view.setReadOnly(True)
        self.info_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)  # one line a fact, as it is copied
        self.info_view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.info_view.setMinimumSize(self._text_size())
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

    def _text_size(self) -> QSize:
        """Room for every line of the information, the last one included (issue 22: it was cut), within
        a 1280×720 screen (beyond that the view scrolls)."""
        metrics = QFontMetrics(self.info_view.font())
        lines = self.info_text.splitlines() or [""]
        margins = 2 * (self.info_view.frameWidth() + int(self.info_view.document().documentMargin())) + 4
        width = max(metrics.horizontalAdvance(line) for line in lines) + margins + metrics.averageCharWidth() * 2
        height = len(lines) * metrics.lineSpacing() + margins
        return QSize(min(max(width, 560), MAX_TEXT.width()), min(height, MAX_TEXT.height()))

    def copy_to_clipboard(self) -> None:
        QGuiApplication.clipboard().setText(self.info_text)
        self.copied_label.setText(self.tr("Сведения скопированы — вставьте их в поле «Информация о системе»."))
