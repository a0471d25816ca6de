"""A table of cached records that holds only their ids and reads rows lazily, a page at a time
(N5: never a widget filled with every row). The caller runs the query (on a worker) and hands the
ids over with :meth:`RecordTableModel.set_ids`; rows are read from the cache by primary key when
the view first shows them."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from ksdesk_desktop.ui.columns import Column, Record

# a record's key: its id (``str``), or for the ticket lists its row number in the cache (``int``)
K = TypeVar("K", str, int)
Loader = Callable[[Sequence[K]], dict[K, Record]]
Index = QModelIndex | QPersistentModelIndex

# a record the operator must look at twice (a liquidated organization), and every error message
WARNING_COLOR = "#b3261e"
WARNING = QColor(WARNING_COLOR)
WARNING_BRUSH = QBrush(WARNING)

# roles as plain numbers: a painted cell asks for seven roles
DISPLAY, TOOLTIP, FONT, FOREGROUND, USER = (int(r) for r in (
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.FontRole,
    Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.UserRole))
HORIZONTAL = Qt.Orientation.Horizontal


class RecordTableModel(QAbstractTableModel, Generic[K]):
    PAGE = 100
    MAX_PAGES = 40  # rows kept in memory: at most PAGE * MAX_PAGES

    def __init__(self, columns: Sequence[Column], load: Loader[K], parent: Any = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._load: Loader[K] = load
        self._ids: list[K] = []
        self._pages: OrderedDict[int, dict[K, Record]] = OrderedDict()
        self._texts: dict[K, list[dict[int, Any]]] = {}  # id → its cells' roles (forgotten with the pages)

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

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        """As Qt's own, in one crossing into Python rather than two (its ``hasIndex`` asks rowCount and
        columnCount): the view asks it for every cell it paints."""
        if parent.isValid() or not (0 <= row < len(self._ids) and 0 <= column < len(self._columns)):
            return QModelIndex()
        return self.createIndex(row, column)

    def row_roles(self, record: Record) -> dict[int, Any]:
        """Roles every cell of a record's row has (a subclass: the tickets' italics)."""
        return {}

    def _cells(self, row: int) -> list[dict[int, Any]] | None:
        """The roles of each cell of a valid ``row``, made once while its page is kept: a painted cell
        asks for seven roles, and answering them is then one look-up each."""
        key = self._ids[row]
        cells = self._texts.get(key)
        if cells is None:
            record = self.record(row)
            if record is None:
                return None
            shared = {USER: key, **self.row_roles(record)}
            cells = []
            for column in self._columns:
                text = column.value(record)
                cell = {DISPLAY: text, TOOLTIP: column.tip(record) if column.tip is not None else text, **shared}
                if column.warn is not None and column.warn(record):
                    cell[FOREGROUND] = WARNING_BRUSH
                cells.append(cell)
            self._texts[key] = cells
        return cells

    def value(self, row: int, column: int, role: int) -> Any:
        """What the cell at a valid ``row`` and ``column`` holds in ``role`` (``None``: nothing)."""
        cells = self._cells(row)
        if cells is None:
            return "" if role in (DISPLAY, TOOLTIP) else self._ids[row] if role == USER else None
        return cells[column].get(role)

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid() or index.column() >= len(self._columns) or index.row() >= len(self._ids):
            return None
        return self.value(index.row(), index.column(), int(role))

    def multiData(self, index: Index, roles: Any) -> None:  # a QModelRoleDataSpan: len() and [i]
        """The roles a delegate asks for to paint a cell, in one call rather than one call each: the
        crossings into Python were a third of painting a screen of rows."""
        row, column = index.row(), index.column()
        valid = index.isValid() and column < len(self._columns) and row < len(self._ids)
        cells = self._cells(row) if valid else None
        if cells is not None:
            cell = cells[column]
            for i in range(len(roles)):
                asked = roles[i]
                asked.setData(cell.get(asked.role()))
            return
        for i in range(len(roles)):
            asked = roles[i]
            asked.setData(self.value(row, column, asked.role()) if valid else None)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if role != DISPLAY:
            return None
        if orientation == HORIZONTAL:
            return self._columns[section].title if 0 <= section < len(self._columns) else None
        return section + 1

    # flags: Qt's own (enabled, selectable, never a parent), without a crossing into Python for every
    # painted cell
