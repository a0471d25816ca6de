"""The one rule for text a client sends, the same on both sides and on both databases (issue 16).

PostgreSQL refuses a NUL in text that SQLite stores, and a lone surrogate («\\ud800», which JSON may
carry) cannot be encoded at all; other control characters are invisible in every list and card. So
text with any control character except tab, line feed and carriage return (Unicode category Cc:
C0, DEL, C1) or with a surrogate is refused with a Russian message, never stripped: the client's
models refuse it before it is saved, and the server refuses an entry that still carries one
(``validation_error``), so both databases only ever see the same, clean text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Annotated, Any

from pydantic import AfterValidator, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, PydanticCustomError

TEXT_ERROR = "text_character"  # pydantic error type of this rule; ctx: char (U+XXXX) and field

_REFUSED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def unencodable(value: str) -> bool:
    """Whether ``value`` holds a lone surrogate: no UTF-8 for it, so it cannot even be named in an answer."""
    return _SURROGATE.search(value) is not None


def bad_character(value: str) -> str | None:
    """The first refused character of ``value`` as «U+0000», or None when the text is fine."""
    found = _REFUSED.search(value)
    return None if found is None else f"U+{ord(found.group()):04X}"


def stripped(value: str) -> str:
    """Text that comes from outside, not typed by a user (an e-mail's subject and body), with the
    refused characters removed: there is nobody to ask to remove them, and both databases must get
    the same, clean text."""
    return _REFUSED.sub("", value)


def text_error(char: str, field: str | None = None) -> PydanticCustomError:
    return PydanticCustomError(TEXT_ERROR, "Недопустимый символ {char} в тексте: уберите его.",
                               {"char": char, "field": field or ""})


def checked(value: str) -> str:
    """``value`` itself, or a validation error naming its first refused character."""
    char = bad_character(value)
    if char is not None:
        raise text_error(char)
    return value


# the rule as a JSON Schema pattern (ECMA-262), so that /openapi.json says which text is refused; lone
# surrogates are refused too, but a pattern cannot say so (ECMA-262 sees an emoji as two surrogates)
TEXT_PATTERN = r"^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]*$"


class _Described:
    """Adds :data:`TEXT_PATTERN` to a text field's JSON Schema (the check itself is :func:`checked`)."""

    def __get_pydantic_json_schema__(self, core_schema: CoreSchema, handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        schema = handler(core_schema)
        schema["pattern"] = TEXT_PATTERN
        schema.setdefault("description", "text without control characters (tab and line breaks allowed)")
        return schema


# a text field of a request body (a record's fields are checked all at once: :func:`check_fields`)
Text = Annotated[str, AfterValidator(checked), _Described()]


def check_fields(data: Any, skip: frozenset[str] = frozenset()) -> Any:
    """Refuse a body whose text fields (or text in a list field) carry a refused character, before
    any other check of the fields sees them (an identifier's normalisation would drop some of them
    as spaces). ``data`` is returned as it came; a body that is no mapping is left to pydantic."""
    if isinstance(data, Mapping):
        for name, value in data.items():
            if not isinstance(name, str) or bad_character(name) is not None:
                raise text_error(bad_character(str(name)) or "?")  # not echoed: it could not be encoded
            if name in skip:
                continue
            items = value if isinstance(value, list) else [value]
            for item in items:
                char = bad_character(item) if isinstance(item, str) else None
                if char is not None:
                    raise text_error(char, str(name))
    return data
