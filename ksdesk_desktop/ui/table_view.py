"""The read-only table every record list uses (kept free of the ``Qt`` namespace and of the record
model, so that the quick start's feed can use it too: see ``ksdesk_desktop.quick_start``)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView


def table_view(name: str, model: QAbstractItemModel, stretch: int, widths: dict[int, int]) -> QTableView:
    """A read-only table of records; the ``stretch`` column takes the room the others leave."""
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(24)
    header = view.horizontalHeader()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)  # never to contents: rows load lazily
    for column, width in widths.items():
        view.setColumnWidth(column, width)
    return view
