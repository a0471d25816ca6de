"""The read-only table every record list uses (kept free of the ``Qt`` namespace and of the record
model, so that the quick start's feed can use it too: see ``ksdesk_desktop.quick_start``).

:func:`text_width` is how wide a column must be to show a text whole (issue 22: «Зарегистриров…» at
1280×720): ``ui.ticket_columns`` sizes the ticket lists' columns by it."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyledItemDelegate, QStyleOptionViewItem, QTableView

from ksdesk_desktop.ui.look import header_style

HEADER_ROOM = 30  # beside a column's title: the section's margins and the sort arrow
CELL_ROOM = 14  # beside a cell's text: the cell's margins and the grid line


def text_width(metrics: QFontMetrics, texts: Iterable[str], room: int) -> int:
    """The width that shows the widest of ``texts`` whole."""
    return max((metrics.horizontalAdvance(t) for t in texts), default=0) + room


class MiddleElided(QStyledItemDelegate):
    """A cell too narrow for its text keeps both ends: «МКУ «Централизованная…Железнодорожного района»» —
    names that differ only at the end stay told apart (the whole text is the cell's tooltip). It needs the
    ``Qt`` namespace, so the quick start's feed goes without it (its rows are the same)."""

    _middle: object = None  # Qt.TextElideMode.ElideMiddle, looked up once (an import a cell cost 40 µs)

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        middle = MiddleElided._middle
        if middle is None:
            from PySide6.QtCore import Qt  # built by the time the real lists are shown

            middle = MiddleElided._middle = Qt.TextElideMode.ElideMiddle
        option.textElideMode = middle  # type: ignore[attr-defined]


def read_only(view: QTableView, name: str) -> QTableView:
    """A table the operator reads and picks one row of (whole rows, striped), named ``name``."""
    view.setObjectName(name)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    return view


def table_view(name: str, model: QAbstractItemModel, stretch: int | Iterable[int],
               widths: dict[int, int], middle: Iterable[int] = ()) -> QTableView:
    """A read-only table of records; the ``stretch`` column(s) share the room the others leave; the
    ``middle`` ones elide a long text in its middle."""
    view = read_only(QTableView(), name)
    view.setModel(model)
    view.setWordWrap(False)  # one line a row: a long text is elided where it is cut, not at a word before
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(24)
    header = view.horizontalHeader()
    header.setStyle(header_style())  # the sort arrow the right way (issue 22), the cells left alone
    header.setStretchLastSection(False)
    for column in [stretch] if isinstance(stretch, int) else stretch:
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)  # never to contents: rows load lazily
    for column in middle:
        view.setItemDelegateForColumn(column, MiddleElided(view))
    for column, width in widths.items():
        view.setColumnWidth(column, width)
    return view
