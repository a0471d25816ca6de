"""A throw-away kind, «widget», declared as ``docs/architecture.md`` says a kind is added: the shared
declaration and the client's cache table here (the test process), the server's model and declaration
in :mod:`tests.sync.widget_server` (the server's child process). Only supervisors may write it."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import Column, Text

from ksdesk_desktop.store import schema
from sync import records
from sync.roles import REFERENCE_ADMINS

WIDGET = "widget"


class WidgetData(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    name: str = Field(min_length=1, max_length=100, title="Наименование")


SPEC = records.KindSpec(WIDGET, WidgetData, creatable=True, access=REFERENCE_ADMINS)


def declare_shared() -> records.Kind:
    """Step 1: the kind as both sides know it."""
    return records.register(SPEC)


def declare_cache() -> None:
    """Step 4: its cache table, with the column a list would sort by."""
    schema.declare(WIDGET, "widgets", Column("name", Text), indexes=("name",))


def forget() -> None:
    schema.forget(WIDGET)
    records.unregister(WIDGET)
