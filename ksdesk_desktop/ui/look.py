"""The application's look where Qt's own falls short (issue 22), in one place for every window (a proxy
of the platform's style):

- every drop-down paints its items with :class:`ChoiceDelegate`: the item under the keyboard cursor is
  dark with white text, and an item marked by its background (a complex under contract, T7, green) stays
  that colour, darker, when highlighted — both states pass WCAG AA (4.5:1). Qt's own popup painted the
  highlight white on the required field's pale yellow and hid the green;
- a header's sort arrow points the way the rows go: ▼ for newest first (Qt draws ▲ for a descending sort).

:func:`install_look` puts the first on the application (``app.apply_style`` does it at start), and
``ui.table_view`` gives every list's header :func:`header_style`. Like the quick start's window, nothing
here needs PySide's ``Qt`` namespace until a drop-down is painted.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QProxyStyle,
    QStyle,
    QStyledItemDelegate,
    QStyleFactory,
    QStyleOption,
    QStyleOptionComplex,
    QStyleOptionHeader,
    QStyleOptionViewItem,
    QWidget,
)

TEXT = QColor("#1a1a1a")  # an item's text on its own (light) background
HIGHLIGHT = QColor("#1f3b5a")  # the item under the cursor (the quick-access panel's blue)
HIGHLIGHT_TEXT = QColor("#ffffff")
COVERED_COLOR = "#c8efc4"  # T7: a complex under a valid contract (ui.ticket_complexes paints it)
# an item marked by a light background keeps its hue under the cursor, darker: {light: dark}
DARKER = {COVERED_COLOR: QColor("#22672c")}
PADDING = 6
AA_CONTRAST = 4.5  # WCAG 2 level AA for normal text


def luminance(colour: QColor) -> float:
    """WCAG 2 relative luminance of an sRGB colour."""
    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    return 0.2126 * linear(colour.redF()) + 0.7152 * linear(colour.greenF()) + 0.0722 * linear(colour.blueF())


def contrast(a: QColor, b: QColor) -> float:
    """WCAG 2 contrast ratio, 1 … 21."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


class ChoiceDelegate(QStyledItemDelegate):
    """A drop-down's items: their own background (white, or the colour the model gives) with dark text;
    under the cursor, dark with white text — the marked colour darkened, so the marking stays visible."""

    def colours(self, index: QModelIndex | QPersistentModelIndex, highlighted: bool) -> tuple[QColor, QColor]:
        """(background, text) of an item, as :meth:`paint` paints it."""
        from PySide6.QtCore import Qt

        brush = index.data(Qt.ItemDataRole.BackgroundRole)
        marked = brush.color() if brush is not None and hasattr(brush, "color") else None
        if not highlighted:
            return (marked or QColor("#ffffff")), TEXT
        if marked is None:
            return HIGHLIGHT, HIGHLIGHT_TEXT
        return DARKER.get(marked.name(), marked.darker(300)), HIGHLIGHT_TEXT

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        from PySide6.QtCore import Qt

        state = option.state  # type: ignore[attr-defined]
        highlighted = bool(state & QStyle.StateFlag.State_Selected)
        background, text = self.colours(index, highlighted)
        rect: QRect = option.rect  # type: ignore[attr-defined]
        painter.save()
        painter.fillRect(rect, background)
        enabled = bool(state & QStyle.StateFlag.State_Enabled)
        painter.setPen(text if enabled else QColor("#6b6b6b"))
        painter.setFont(option.font)  # type: ignore[attr-defined]
        inner = rect.adjusted(PADDING, 0, -PADDING, 0)
        label = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        elided = option.fontMetrics.elidedText(label, Qt.TextElideMode.ElideRight, inner.width())  # type: ignore[attr-defined]
        painter.drawText(inner, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), elided)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width() + 2 * PADDING, max(size.height(), option.fontMetrics.height() + 8))  # type: ignore[attr-defined]


def use_choice_delegate(combo: QComboBox) -> None:
    if not isinstance(combo.itemDelegate(), ChoiceDelegate):
        combo.setItemDelegate(ChoiceDelegate(combo))


class LookStyle(QProxyStyle):
    """The platform's style with drop-downs painted by :class:`ChoiceDelegate`: a drop-down gets its
    delegate when it is first painted (before it can be opened); overriding ``polish`` would build
    PySide's ``Qt`` namespace on the quick start's first frame. Only ``drawComplexControl`` is
    overridden, which is called once a control: ``drawPrimitive`` and ``drawControl`` are called for
    every cell of every list, and a Python override of them more than doubled a list's painting time."""

    def drawComplexControl(self, control: QStyle.ComplexControl, option: QStyleOptionComplex, painter: QPainter,
                           widget: QWidget | None = None) -> None:
        if isinstance(widget, QComboBox):
            use_choice_delegate(widget)
        super().drawComplexControl(control, option, painter, widget)


class HeaderStyle(QProxyStyle):
    """The platform's style with a header's sort arrow pointing the way the rows go; set on the headers
    alone (:func:`header_style`), so a list's cells are not painted through Python."""

    def drawPrimitive(self, element: QStyle.PrimitiveElement, option: QStyleOption, painter: QPainter,
                      widget: QWidget | None = None) -> None:
        if element == QStyle.PrimitiveElement.PE_IndicatorHeaderArrow and isinstance(option, QStyleOptionHeader):
            option = QStyleOptionHeader(option)
            option.sortIndicator = sort_arrow(option.sortIndicator)  # type: ignore[attr-defined]
        super().drawPrimitive(element, option, painter, widget)


def sort_arrow(indicator: QStyleOptionHeader.SortIndicator) -> QStyleOptionHeader.SortIndicator:
    """Qt hands the arrow ``SortDown`` for an ascending sort; the arrow should point where the values go
    (▲ ascending, ▼ descending — newest first)."""
    flip = {QStyleOptionHeader.SortIndicator.SortUp: QStyleOptionHeader.SortIndicator.SortDown,
            QStyleOptionHeader.SortIndicator.SortDown: QStyleOptionHeader.SortIndicator.SortUp}
    return flip.get(indicator, indicator)


def _platform_style() -> QStyle:
    """A new instance of the application's own style (Fusion where there is none)."""
    current = QApplication.style()
    name = current.baseStyle().name() if isinstance(current, QProxyStyle) and current.baseStyle() else current.name()
    return (QStyleFactory.create(name) if name else None) or QStyleFactory.create("Fusion")


def install_look(app: QApplication) -> LookStyle:
    """The platform's own style (Fusion where there is none) with the drop-downs' correction; once."""
    current = app.style()
    if isinstance(current, LookStyle):
        return current
    style = LookStyle(_platform_style())
    app.setStyle(style)
    return style


_header_style: list[HeaderStyle] = []  # one for every header, made at the first (a widget does not own its style)


def header_style() -> HeaderStyle:
    """The style of the lists' headers: see :class:`HeaderStyle`."""
    if not _header_style:
        _header_style.append(HeaderStyle(_platform_style()))
    return _header_style[0]
