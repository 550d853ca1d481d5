"""Running the HTTP API for `quotewire serve`: one uvicorn process, or N worker processes.

With several workers on Linux this module owns a small supervisor: each worker listens on its own
socket in one SO_REUSEPORT group, so the kernel spreads new connections over the workers by a hash
of the client address. (Uvicorn's own multiprocess mode shares one listening socket, and a burst of
keep-alive clients mostly lands on whichever worker accepts first.) The supervisor holds no listening
socket itself, forwards SIGTERM/SIGINT to the workers, and restarts a worker that dies, unless it died
right after starting. Elsewhere N workers run under uvicorn's multiprocess mode.

Every worker speaks HTTP/1.1 through `HeaderTimeoutProtocol`: uvicorn's httptools protocol with a
header-read timeout.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import signal
import socket
import sys
import time
from multiprocessing.connection import wait
from typing import Any

import typer
import uvicorn
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from app.api.logs import LOG_CONFIG
from app.config import get_settings

APP = "app.api.main:create_app"
HTTP_PROTOCOL = "app.serving:HeaderTimeoutProtocol"
BACKLOG = 2048
STOP_SECONDS = 30  # for in-flight requests, before a worker is killed
CRASH_LOOP_SECONDS = 5  # a worker that dies sooner after its start stops the server
POLL_SECONDS = 0.2


def serve(host: str, port: int, workers: int, access_log: bool = True) -> None:
    if workers > 1 and sys.platform == "linux" and hasattr(socket, "SO_REUSEPORT"):
        raise SystemExit(supervise(host, port, workers, access_log))
    uvicorn.run(APP, workers=workers, **uvicorn_options(host, port, access_log))


def uvicorn_options(host: str, port: int, access_log: bool) -> dict[str, Any]:
    """How every worker runs the app, whether uvicorn or the supervisor starts it."""
    return {
        "factory": True,
        "host": host,
        "port": port,
        "proxy_headers": True,
        "access_log": access_log,
        "log_config": LOG_CONFIG,
        "root_path": get_settings().root_path,
        "http": HTTP_PROTOCOL,
    }


def resolve(host: str, port: int) -> tuple[socket.AddressFamily, tuple]:
    family, _, _, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)[0]
    return family, address


def shown(host: str, port: int) -> str:
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def check_free(host: str, port: int) -> None:
    """Exits with a message when something listens on the address: a second server must not join the group."""
    family, address = resolve(host, port)
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as exc:
            raise SystemExit(f"error: cannot listen on {shown(host, port)}: {exc.strerror or exc}") from None


def run_worker(host: str, port: int, access_log: bool) -> None:
    family, address = resolve(host, port)
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind(address)
    sock.listen(BACKLOG)
    config = uvicorn.Config(APP, **uvicorn_options(host, port, access_log))
    uvicorn.Server(config).run(sockets=[sock])


def supervise(host: str, port: int, workers: int, access_log: bool) -> int:
    """Runs the workers until SIGTERM or SIGINT (exit code 0) or a crash loop (exit code 1)."""
    if port == 0:
        raise SystemExit("error: with --workers above 1, --port must name a port (0 would give each worker its own)")
    check_free(host, port)
    context = multiprocessing.get_context("spawn")
    stop_signals: list[int] = []
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda received, _frame: stop_signals.append(received))

    def start() -> tuple[multiprocessing.process.BaseProcess, float]:
        process = context.Process(target=run_worker, args=(host, port, access_log))
        process.start()
        return process, time.monotonic()

    running = [start() for _ in range(workers)]
    typer.echo(
        f"quotewire: listening on http://{shown(host, port)} with {workers} workers, "
        "one socket per worker (SO_REUSEPORT)",
        err=True,
    )
    code = 0
    while not stop_signals and not code:
        wait([process.sentinel for process, _ in running], timeout=POLL_SECONDS)
        for index, (process, started) in enumerate(running):
            if stop_signals or process.exitcode is None:
                continue
            lived = time.monotonic() - started
            ended = f"quotewire: worker {process.pid} exited with code {process.exitcode}"
            if lived < CRASH_LOOP_SECONDS:
                typer.echo(f"{ended} {lived:.1f} s after it started; stopping", err=True)
                code = 1
                break
            typer.echo(f"{ended}; restarting it", err=True)
            running[index] = start()
    for process, _ in running:
        if process.is_alive():
            process.terminate()
    deadline = time.monotonic() + STOP_SECONDS
    for process, _ in running:
        process.join(max(0.0, deadline - time.monotonic()))
        if process.is_alive():
            process.kill()
            process.join()
    return code


REQUEST_TIMEOUT_TEXT = b"The request headers came too late."
REQUEST_TIMEOUT_RESPONSE = (
    b"HTTP/1.1 408 Request Timeout\r\ncontent-type: text/plain; charset=utf-8\r\n"
    b"content-length: %d\r\nconnection: close\r\n\r\n%s" % (len(REQUEST_TIMEOUT_TEXT), REQUEST_TIMEOUT_TEXT)
)


class HeaderTimeoutProtocol(HttpToolsProtocol):
    """Uvicorn's HTTP/1.1 protocol, with a time limit on reading a request's headers.

    A connection has QUOTEWIRE_HEADER_TIMEOUT_SECONDS from when it opens, or from when its previous
    response was sent, to deliver a request line and headers; then it is closed, after a 408 if part of
    a request had come. Uvicorn's own keep-alive timeout stops at the first byte, so a client sending
    a header a byte at a time held its connection for ever.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.header_timeout = get_settings().header_timeout_seconds
        self.header_deadline: asyncio.TimerHandle | None = None
        self.request_begun = False

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self.await_headers()

    def connection_lost(self, exc: Exception | None) -> None:
        self.stop_awaiting_headers()
        super().connection_lost(exc)

    def on_message_begin(self) -> None:
        super().on_message_begin()
        self.request_begun = True

    def on_headers_complete(self) -> None:
        self.stop_awaiting_headers()
        super().on_headers_complete()

    def on_response_complete(self) -> None:
        pipelined = bool(self.pipeline)  # a request whose headers came already starts now
        super().on_response_complete()
        if not pipelined and not self.transport.is_closing():
            self.await_headers()

    def await_headers(self) -> None:
        self.stop_awaiting_headers()
        self.request_begun = False
        self.header_deadline = self.loop.call_later(self.header_timeout, self.headers_too_late)

    def stop_awaiting_headers(self) -> None:
        if self.header_deadline is not None:
            self.header_deadline.cancel()
            self.header_deadline = None

    def headers_too_late(self) -> None:
        self.header_deadline = None
        if self.transport.is_closing():
            return
        if self.request_begun:
            self.transport.write(REQUEST_TIMEOUT_RESPONSE)
        self.transport.close()
