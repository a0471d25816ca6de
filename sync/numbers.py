"""The integers a client may send, bounded by the database columns that keep them.

A number the column cannot hold (``after=2**63``, a ``sort_order`` of 2**31 on PostgreSQL) would
reach the database and fail there with a 5xx; bounded here, it is a ``validation_error`` like any
other bad value. Every integer field of a request model uses one of these types, a query its bounds.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Field

from sync.texts import QT_TRANSLATE_NOOP, translate

INT32_MAX = 2**31 - 1  # an Integer column (PostgreSQL ``integer``)
INT64_MAX = 2**63 - 1  # a BigInteger column (PostgreSQL ``bigint``, SQLite's INTEGER)

SortOrder = Annotated[int, Field(ge=0, le=INT32_MAX)]  # a place in a list (the dialogs offer 0…9999)
Version = Annotated[int, Field(ge=1, le=INT32_MAX)]  # a record's version: 1 when created, +1 per change
ByteCount = Annotated[int, Field(ge=0, le=INT64_MAX)]  # a file's size in bytes

# pydantic's error types for a number out of bounds (``int_parsing_size``: too long to be an int at all)
RANGE_ERRORS = frozenset({"greater_than_equal", "less_than_equal", "greater_than", "less_than", "int_parsing_size"})


def out_of_range(label: str, error_type: str, ctx: dict[str, Any]) -> str:
    """The Russian message of a pydantic range error (``error_type`` in :data:`RANGE_ERRORS`)."""
    templates = {
        "greater_than_equal": QT_TRANSLATE_NOOP("SharedRules", "Поле «{label}» должно быть не меньше {n}."),
        "less_than_equal": QT_TRANSLATE_NOOP("SharedRules", "Поле «{label}» должно быть не больше {n}."),
        "greater_than": QT_TRANSLATE_NOOP("SharedRules", "Поле «{label}» должно быть больше {n}."),
        "less_than": QT_TRANSLATE_NOOP("SharedRules", "Поле «{label}» должно быть меньше {n}."),
    }
    template = templates.get(error_type)
    if template is None or not ctx:
        return translate("SharedRules", "Поле «{label}»: число слишком велико.").format(label=label)
    return translate("SharedRules", template).format(label=label, n=next(iter(ctx.values())))
