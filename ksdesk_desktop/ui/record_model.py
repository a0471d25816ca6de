"""A table of cached records that holds only their ids and reads rows lazily, a page at a time
(N5: never a widget filled with every row). The caller runs the query (on a worker) and hands the
ids over with :meth:`RecordTableModel.set_ids`; rows are read from the cache by primary key when
the view first shows them."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QModelRoleDataSpan, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from ksdesk_desktop.ui.columns import Column, Record

# a record's key: its id (``str``), or for the ticket lists its row number in the cache (``int``)
K = TypeVar("K", str, int)
Loader = Callable[[Sequence[K]], dict[K, Record]]
Index = QModelIndex | QPersistentModelIndex

# a record the operator must look at twice (a liquidated organization), and every error message
WARNING_COLOR = "#b3261e"
WARNING = QColor(WARNING_COLOR)

# roles as plain numbers, and the flags of every cell made once: a painted cell asks for seven roles
DISPLAY, TOOLTIP, FONT, FOREGROUND, USER = (int(r) for r in (
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.FontRole,
    Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.UserRole))
_SHOWN = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class RecordTableModel(QAbstractTableModel, Generic[K]):
    PAGE = 100
    MAX_PAGES = 40  # rows kept in memory: at most PAGE * MAX_PAGES

    def __init__(self, columns: Sequence[Column], load: Loader[K], parent: Any = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._load: Loader[K] = load
        self._ids: list[K] = []
        self._pages: OrderedDict[int, dict[K, Record]] = OrderedDict()
        self._texts: dict[K, list[str]] = {}  # id → the texts of its row (forgotten with the pages)

    # --- what the caller sets --------------------------------------------------------------------

    def set_ids(self, ids: Sequence[K]) -> None:
        self.beginResetModel()
        self._ids = list(ids)
        self._pages.clear()
        self._texts.clear()
        self.endResetModel()

    def extend_ids(self, more: Sequence[K]) -> None:
        """More rows after the last one (the rest of a list whose first rows are shown)."""
        if more:
            self.beginInsertRows(QModelIndex(), len(self._ids), len(self._ids) + len(more) - 1)
            self._ids.extend(more)
            self.endInsertRows()

    def reload_rows(self) -> None:
        """The records may have changed (sync): read the visible ones again."""
        self._pages.clear()
        self._texts.clear()
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, len(self._columns) - 1))

    @property
    def ids(self) -> list[K]:
        return self._ids

    def id_at(self, row: int) -> K | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, record_id: K) -> int:
        try:
            return self._ids.index(record_id)
        except ValueError:
            return -1

    def record(self, row: int) -> Record | None:
        if not 0 <= row < len(self._ids):
            return None
        page = row // self.PAGE
        rows = self._pages.get(page)
        if rows is None:
            rows = self._load(self._ids[page * self.PAGE:(page + 1) * self.PAGE])
            self._pages[page] = rows
            while len(self._pages) > self.MAX_PAGES:
                self._pages.popitem(last=False)
                self._texts.clear()
        else:
            self._pages.move_to_end(page)
        return rows.get(self._ids[row])

    # --- QAbstractTableModel ----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def value(self, row: int, column: int, role: int) -> Any:
        """What the cell at a valid ``row`` and ``column`` holds in ``role`` (``None``: nothing)."""
        if role in (DISPLAY, TOOLTIP):
            record = self.record(row)
            if record is None:
                return ""
            tip = self._columns[column].tip
            if role == TOOLTIP and tip is not None:
                return tip(record)
            key = self._ids[row]
            cells = self._texts.get(key)  # the texts of a row, made once while its page is kept
            if cells is None:
                cells = self._texts[key] = [c.value(record) for c in self._columns]
            return cells[column]
        if role == FOREGROUND:
            warn = self._columns[column].warn
            if warn is None:
                return None
            record = self.record(row)
            return QBrush(WARNING) if record is not None and warn(record) else None
        if role == USER:
            return self._ids[row]
        return None

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid() or index.column() >= len(self._columns) or index.row() >= len(self._ids):
            return None
        return self.value(index.row(), index.column(), int(role))

    def multiData(self, index: Index, roles: QModelRoleDataSpan) -> None:
        """The roles a delegate asks for to paint a cell, in one call rather than one call each: the
        crossings into Python were a third of painting a screen of rows."""
        row, column = index.row(), index.column()
        valid = index.isValid() and column < len(self._columns) and row < len(self._ids)
        for i in range(len(roles)):
            asked = roles[i]
            asked.setData(self.value(row, column, asked.role()) if valid else None)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._columns[section].title if 0 <= section < len(self._columns) else None
        return section + 1

    def flags(self, index: Index) -> Qt.ItemFlag:
        return _SHOWN if index.isValid() else Qt.ItemFlag.NoItemFlags
