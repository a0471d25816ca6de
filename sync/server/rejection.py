"""A mutation refused by a rule, raised by the services that apply pushed changes."""

from __future__ import annotations

from sync.errors import ErrorCode, message_ru
from sync.protocol import ErrorDetail


class Rejected(Exception):
    """Answered ``rejected`` with a stable code, a Russian message and the field at fault."""


    def __init__(self, code: ErrorCode, message: str | None = None, field: str | None = None) -> None:
        super().__init__(code)
        self.detail = ErrorDetail(code=code, message=message or message_ru(code), field=field)
