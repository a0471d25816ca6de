"""The icons of the lists' toolbars and buttons (N2: «Создать» with its icon), all from one set shipped
with the program: Tabler Icons, MIT (``resources/icons/tabler/README.md``)."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from ksdesk_desktop.core.resources import resource

# what a command does → the icon's file (without .svg) in resources/icons/tabler
CREATE, REFRESH, OPEN, FILTER, SEARCH, ADD_CONTACT, EDIT, DELETE = (
    "plus", "refresh", "folder-open", "filter", "search", "user-plus", "pencil", "trash")


def list_icon(name: str) -> QIcon:
    """A list command's icon; a missing file is an error, not a blank button."""
    path = resource("icons", "tabler", f"{name}.svg")
    if not path.is_file():
        raise FileNotFoundError(f"icon {path} is missing")
    return QIcon(str(path))
