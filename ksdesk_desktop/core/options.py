"""What the command line chose (``ksdesk [--server URL] [--data-dir DIR] [--lang en]``, parsed by
``ksdesk_desktop.app``), and the embedded demo server's login: read by every stage of the start."""

from __future__ import annotations

from dataclasses import dataclass

DEMO_LOGIN, DEMO_PASSWORD = "operator", "demo"


@dataclass(frozen=True)
class Options:
    server: str | None = None
    data_dir: str | None = None
    lang: str | None = None
    demo_tickets: int = 2000
