"""A column of a record table (``ui.record_model``): its title and how a record gives its text, and
when it shows in red. Plain Python: the first stage of the start builds the feed's columns before
PySide's ``Qt`` namespace exists (``quick_start``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

Record = dict[str, Any]


@dataclass(frozen=True)
class Column:
    title: str
    value: Callable[[Record], str]
    warn: Callable[[Record], bool] | None = None  # shown in red when true
    tip: Callable[[Record], str] | None = None  # the tooltip, when it is more than the text
