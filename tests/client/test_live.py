"""The live change stream's thread (S3) ends cleanly whatever ends the session under it."""

from __future__ import annotations

import socket
import threading

from ksdesk_desktop.core.api_client import ApiClient
from ksdesk_desktop.core.backoff import Backoff
from ksdesk_desktop.core.live import LiveListener


def _dead_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_s3_stream_thread_ends_quietly_when_its_client_is_closed_between_connections() -> None:
    """The session's client closed while the thread waits to reconnect (a logout, the embedded server's
    restart): the thread ends instead of dying of "the client has been closed"."""
    api = ApiClient(f"http://127.0.0.1:{_dead_port()}", timeout=2)
    refused = threading.Event()
    listener = LiveListener(api, lambda: None, lambda up: None if up else refused.set(),
                            backoff=Backoff(first=0.05, cap=0.05))
    errors: list[BaseException] = []
    previous = threading.excepthook
    threading.excepthook = lambda args: errors.append(args.exc_value)  # type: ignore[assignment]
    try:
        listener.start()
        assert refused.wait(10), "the dead server was never tried"
        api.close()
        listener._thread.join(10)
        assert not listener.running
    finally:
        threading.excepthook = previous
        listener.stop()
    assert errors == []
