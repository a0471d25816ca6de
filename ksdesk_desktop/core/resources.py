"""Locating ``resources/`` and ``forms/``: beside the source tree, or where the installer put them."""

from __future__ import annotations

import os
import sys
from pathlib import Path

_SOURCE_ROOT = Path(__file__).resolve().parent.parent.parent


def _root() -> Path:
    override = os.environ.get("KSDESK_RESOURCES_ROOT")
    if override:
        return Path(override)
    if (_SOURCE_ROOT / "resources").is_dir():
        return _SOURCE_ROOT
    return Path(sys.prefix) / "share" / "ksdesk"


def resource(*parts: str) -> Path:
    return _root().joinpath("resources", *parts)


def form(name: str) -> Path:
    return _root() / "forms" / name
