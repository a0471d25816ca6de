"""Rules of ticket attachments (T12), shared by the client and the server: the size limit and its
message, a file name that can never become a path, and the wire shapes of the resumable upload.

Sizes are binary: «50 МБ» is :data:`~sync.reference.MAX_ATTACHMENT_BYTES` = 52 428 800 bytes. A file
of exactly that size is accepted; one byte more is refused.
"""

from __future__ import annotations

import math
import mimetypes
import re
import unicodedata

from pydantic import BaseModel, Field

from sync.reference import MAX_ATTACHMENT_BYTES
from sync.texts import translate

MIB = 1024 * 1024
CHUNK_BYTES = MIB  # what a client sends per request; the server takes any size up to the whole file
MAX_NAME = 255
FALLBACK_NAME = "файл"
DEFAULT_CONTENT_TYPE = "application/octet-stream"
CONTENT_TYPE_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,99}/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,99}$"
SHA256_PATTERN = r"^[0-9a-f]{64}$"
# names Windows keeps for devices, with or without an extension
_DEVICES = frozenset({"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(10)), *(f"LPT{i}" for i in range(10))})


def format_size(size: int, *, up: bool = False) -> str:
    """«512 байт», «3,4 КБ», «50,1 МБ»; ``up`` rounds up, so a size over a limit never reads as the limit."""
    if size < 1024:
        return translate("Sizes", "{n} байт").format(n=size)
    unit, label = (MIB, translate("Sizes", "МБ")) if size >= MIB else (1024, translate("Sizes", "КБ"))
    tenths = math.ceil(size * 10 / unit) if up else round(size * 10 / unit)
    comma = translate("Sizes", ",")  # the decimal separator
    return f"{tenths // 10}{comma}{tenths % 10} {label}"


def too_large(name: str, size: int) -> str | None:
    """The operator's message when a file is over the limit, naming it and its size (None: it fits)."""
    if size <= MAX_ATTACHMENT_BYTES:
        return None
    limit = format_size(MAX_ATTACHMENT_BYTES).replace(translate("Sizes", ",") + "0", "")
    return translate("SharedRules", "Файл «{name}» ({size}) больше {limit} и не прикреплён.").format(
        name=safe_name(name), size=format_size(size, up=True), limit=limit)


def safe_name(name: str) -> str:
    """The last part of a file name with no path, control characters or device name left in it, at most
    255 characters (the extension kept). Only ever shown and offered as a name, never used as a path."""
    base = re.split(r"[/\\]", name or "")[-1]
    base = "".join(ch for ch in base if unicodedata.category(ch)[0] != "C")
    base = re.sub(r'[<>:"|?*]', "_", base).strip().rstrip(". ")  # what Windows refuses (``C:x`` is a path there)
    if base in ("", ".", ".."):
        return FALLBACK_NAME
    stem, dot, extension = base.rpartition(".") if "." in base[1:] else (base, "", "")
    if stem.split(".")[0].strip().upper() in _DEVICES:
        base = "_" + base
    if len(base) > MAX_NAME:
        extension = extension[:20]
        base = stem[: MAX_NAME - len(dot) - len(extension)] + dot + extension
    return base


def content_type(name: str) -> str:
    """The media type a file's name suggests (``application/octet-stream`` when unknown)."""
    guessed = mimetypes.guess_type(safe_name(name), strict=False)[0]
    return guessed if guessed and re.fullmatch(CONTENT_TYPE_PATTERN, guessed) else DEFAULT_CONTENT_TYPE


# --- the upload protocol -------------------------------------------------------------------------
#
# GET  /api/v1/attachments/{id}/upload   → UploadState: how many bytes the server holds
# PUT  /api/v1/attachments/{id}/content  with ``Content-Range: bytes START-END/TOTAL`` appends bytes
#      START..END (inclusive) when START is what the server holds; ``bytes */TOTAL`` with an empty body
#      just asks it to finish a file whose bytes are all there. The answer is the new UploadState.
# GET  /api/v1/attachments/{id}/content  → the file, under its name


class UploadState(BaseModel):
    uploaded_bytes: int = Field(ge=0, description="bytes the server holds; the next upload starts here")
    size: int = Field(ge=0)
    complete: bool = Field(description="the whole file is stored and its SHA-256 checked")


class InvalidRange(ValueError):
    pass


def content_range(start: int, length: int, total: int) -> str:
    """The ``Content-Range`` header of ``length`` bytes from ``start`` of a ``total``-byte file."""
    return f"bytes {start}-{start + length - 1}/{total}" if length else f"bytes */{total}"


def parse_content_range(header: str) -> tuple[int, int, int]:
    """``(start, length, total)`` of a ``Content-Range`` header (length 0 for ``bytes */TOTAL``)."""
    match = re.fullmatch(r"bytes (?:(\d{1,15})-(\d{1,15})|\*)/(\d{1,15})", header.strip())
    if match is None:
        raise InvalidRange(header)
    total = int(match[3])
    if match[1] is None:
        return total, 0, total
    start, end = int(match[1]), int(match[2])
    if end < start or end >= total:
        raise InvalidRange(header)
    return start, end - start + 1, total
