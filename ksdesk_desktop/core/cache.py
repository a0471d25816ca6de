"""The local cache as the widgets see it: the readers they are handed (``Services``, the controller)
and the values and errors those give. Widgets take these names from here, never from ``store/``
(``tests/test_architecture.py``), so what runs SQL stays behind this seam and the store can change
without a widget noticing."""

from __future__ import annotations

from ksdesk_desktop.store.db import LocalStore
from ksdesk_desktop.store.directory import ContractInfo, CustomerInfo, Directory
from ksdesk_desktop.store.drafts import Draft, Drafts
from ksdesk_desktop.store.replica import Batch, InvalidChange, Problem
from ksdesk_desktop.store.ticket_list import NOBODY, SortKey, TicketFilter, TicketList

__all__ = [
    "NOBODY",
    "Batch",
    "ContractInfo",
    "CustomerInfo",
    "Directory",
    "Draft",
    "Drafts",
    "InvalidChange",
    "LocalStore",
    "Problem",
    "SortKey",
    "TicketFilter",
    "TicketList",
]
