"""Runs the app under uvicorn on a socket we bind ourselves, so ``--port 0`` works and the chosen
port is announced on standard output only once the server accepts connections."""

from __future__ import annotations

import socket
import sys
import threading

import uvicorn

from sync.server.app import create_app
from sync.server.connections import ConnectionLimits, guarded_h11
from sync.server.live import ChangeHub
from sync.server.settings import Settings

READY_LINE = "KSDESK_SERVER_READY port={port}"


class _AnnouncingServer(uvicorn.Server):
    def __init__(self, config: uvicorn.Config, port: int, hub: ChangeHub) -> None:
        super().__init__(config)
        self._port, self._hub = port, hub

    async def shutdown(self, sockets: list[socket.socket] | None = None) -> None:
        self._hub.close()  # open change streams end now, so connections can drain
        await super().shutdown(sockets=sockets)

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets=sockets)
        if self.started:
            print(READY_LINE.format(port=self._port), flush=True)


def _bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # IPPROTO_TCP said outright: only then does asyncio switch Nagle off (TCP_NODELAY); without it every
    # answer written in two parts waits ~40 ms for the client's delayed ACK
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    if sys.platform != "win32":
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.set_inheritable(True)
    return sock


def _stop_on_stdin_eof(server: uvicorn.Server) -> None:
    """The parent holds our stdin open; when it exits (or dies) the pipe closes and we stop."""

    def watch() -> None:
        stream = sys.stdin.buffer if sys.stdin is not None else None
        if stream is None:
            return
        while stream.read(4096):
            pass
        server.should_exit = True

    threading.Thread(target=watch, name="stdin-watch", daemon=True).start()


def serve(settings: Settings, *, exit_on_stdin_eof: bool = False) -> int:
    sock = _bind(settings.host, settings.port)
    port = sock.getsockname()[1]
    app = create_app(settings)
    limits = ConnectionLimits(settings.header_timeout_s, settings.keep_alive_s, settings.max_connections)
    config = uvicorn.Config(
        app,
        http=guarded_h11(limits),  # h11 with a deadline for the request head and a cap on connections
        timeout_keep_alive=settings.keep_alive_s,
        log_level=settings.log_level,
        timeout_graceful_shutdown=5,
        access_log=settings.log_level == "debug",
    )
    server = _AnnouncingServer(config, port, app.state.ksdesk.hub)
    if exit_on_stdin_eof:
        _stop_on_stdin_eof(server)
    server.run(sockets=[sock])
    return 0
