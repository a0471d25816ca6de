"""The client's end of the live change stream (S3): a thread holding ``GET /sync/stream`` open.

Each ``changed`` event, and every (re)connect, calls ``on_hint``: the sync runner then pulls from
its cursor, which is the truth; a hint lost while disconnected costs nothing. The agent desk's
``offer`` and ``offer_ended`` events (A4) carry JSON data, handed to ``on_offer(event, data)`` as
they come (the server sends a pending offer again at every reconnect). Qt-free.
"""

from __future__ import annotations

import contextlib
import json
import logging
import socket
import threading
from collections.abc import Callable
from typing import Any

import httpx

from ksdesk_desktop.core.api_client import ApiClient, ApiError
from ksdesk_desktop.core.backoff import Backoff

log = logging.getLogger(__name__)
OFFER_EVENTS = frozenset({"offer", "offer_ended"})  # the agent desk's events (docs/agent-desk.md)


class LiveListener:
    def __init__(self, api: ApiClient, on_hint: Callable[[], None], on_connected: Callable[[bool], None],
                 backoff: Backoff | None = None,
                 on_offer: Callable[[str, dict[str, Any]], None] | None = None) -> None:
        self._api, self._on_hint, self._on_connected = api, on_hint, on_connected
        self._on_offer = on_offer
        self._backoff = backoff or Backoff(first=1.0, cap=30.0)
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._socket: socket.socket | None = None
        self._thread = threading.Thread(target=self._run, name="live-stream", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self, wait_s: float = 2.0) -> None:
        """Ends the stream at once: the blocked read is woken by shutting the socket down."""
        self._stop.set()
        with self._lock:
            sock = self._socket
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
        if self._thread.is_alive() and threading.current_thread() is not self._thread:
            self._thread.join(wait_s)

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self._listen()
            except (ApiError, httpx.HTTPError, OSError) as exc:
                log.info("change stream closed: %s", exc)
            except RuntimeError:
                if not self._api.closed:
                    raise
                break  # the session's client was closed while this thread was between two connections
            if self._stop.is_set():
                break
            self._on_connected(False)
            self._stop.wait(self._backoff.next_delay())

    def _listen(self) -> None:
        with self._api.stream("/sync/stream") as response:
            stream = response.extensions.get("network_stream")
            with self._lock:
                self._socket = stream.get_extra_info("socket") if stream is not None else None
            if self._stop.is_set():
                return
            self._backoff.reset()
            self._on_connected(True)
            self._on_hint()  # changes made while we were away
            event, data = "", []
            for line in response.iter_lines():
                if self._stop.is_set():
                    return
                if line.startswith("event:"):
                    event = line[6:].strip()
                elif line.startswith("data:"):
                    data.append(line[5:].strip())
                elif not line:
                    if event == "changed":
                        self._on_hint()
                    elif event in OFFER_EVENTS:
                        self._offer_event(event, "\n".join(data))
                    event, data = "", []
        with self._lock:
            self._socket = None

    def _offer_event(self, event: str, data: str) -> None:
        if self._on_offer is None:
            return
        try:
            payload = json.loads(data)
        except ValueError:
            log.warning("a %s event with data that is not JSON: %.200s", event, data)
            return
        if isinstance(payload, dict):
            self._on_offer(event, payload)
