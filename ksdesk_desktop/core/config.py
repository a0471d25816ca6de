"""Declared user settings: each option once, with type and default; stored as plain JSON apart from
window state. Unknown or mistyped values fall back to the default instead of breaking the start.
Qt-free."""

from __future__ import annotations

import json
import logging
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Option:
    name: str
    type: type
    default: Any
    doc: str


OPTIONS: dict[str, Option] = {
    o.name: o
    for o in (
        Option("server_url", str, "", "Central server URL; empty runs the embedded demo server"),
        Option("login", str, "", "Last login used"),
        Option("remember", bool, True, "Keep the session in the system keyring"),
        Option("language", str, "ru", "Interface language: ru or en"),
        Option("health_interval_s", int, 5, "How often to check the server while online"),
        Option("sync_interval_s", int, 60, "Safety-net sync period; live hints and local changes sync at once"),
    )
}


def write_json_atomic(path: Path, data: dict[str, Any]) -> None:
    """Write JSON so that a crash leaves either the old or the new file, never half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name, dir=path.parent)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False, indent=2)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def read_json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        log.warning("ignoring unreadable %s: %s", path, exc)
        return {}
    return data if isinstance(data, dict) else {}


class UserSettings:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._values: dict[str, Any] = {}
        for name, value in read_json(path).items():
            option = OPTIONS.get(name)
            if option is None:
                log.info("ignoring unknown setting %r", name)
            elif isinstance(value, option.type):
                self._values[name] = value
            else:
                log.warning("setting %r has the wrong type; using the default", name)

    def get(self, name: str) -> Any:
        return self._values.get(name, OPTIONS[name].default)

    def set(self, name: str, value: Any) -> None:
        option = OPTIONS[name]
        if not isinstance(value, option.type):
            raise TypeError(f"setting {name} must be {option.type.__name__}")
        self._values[name] = value

    def save(self) -> None:
        write_json_atomic(self.path, self._values)
