"""`quotewire serve --workers 2` on Linux: connections spread over both workers, SIGTERM stops them all,
and a second server on the same port fails instead of joining the first one's socket group.

One real server runs for the module (its workers take a few seconds to start). Which worker holds a
connection is read from /proc: the socket inodes of each worker's open files, against the established
TCP sockets whose local port is the server's. The SIGTERM test ends the server, so it comes last.
"""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="SO_REUSEPORT workers and /proc are Linux only")

QUOTEWIRE = [sys.executable, "-c", "from app.cli import main; main()"]
CONNECTIONS = 32
FEWEST = 4  # of 32 hashed evenly, a worker gets fewer with probability 3e-6; a shared socket often gave 2 or 3
START_SECONDS = 30
TCP_ESTABLISHED, TCP_LISTEN = "01", "0A"


@dataclass
class Server:
    process: subprocess.Popen
    port: int
    env: dict[str, str]
    log: Path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        if int(stat.rpartition(")")[2].split()[1]) == pid:  # the field after the state is the parent's pid
            found.append(int(entry.name))
    return found


def socket_inodes(pid: int) -> set[str]:
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[len("socket:["):-1])
    return inodes


def tcp_inodes(port: int, state: str) -> set[str]:
    """Inodes of the TCP sockets (IPv4 and IPv6) in `state` whose local port is `port`."""
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for row in Path(table).read_text().splitlines()[1:]:
            fields = row.split()
            if int(fields[1].rpartition(":")[2], 16) == port and fields[3] == state:
                inodes.add(fields[9])
    return inodes


def workers_of(server: Server) -> list[int]:
    """The children of the server process that listen on its port."""
    listening = tcp_inodes(server.port, TCP_LISTEN)
    return [pid for pid in children(server.process.pid) if socket_inodes(pid) & listening]


@pytest.fixture(scope="module")
def server(migrated_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    folder = tmp_path_factory.mktemp("serving")
    database = folder / "quotewire.db"
    database.write_bytes(migrated_template.read_bytes())
    env = {**os.environ, "QUOTEWIRE_DATABASE_URL": f"sqlite:///{database}"}
    port, log = free_port(), folder / "server.log"
    with log.open("wb") as output:
        process = subprocess.Popen([*QUOTEWIRE, "serve", "--port", str(port), "--workers", "2", "--no-access-log"],
                                   env=env, stdout=output, stderr=subprocess.STDOUT)
    running = Server(process, port, env, log)
    try:
        deadline = time.monotonic() + START_SECONDS
        while not health_ok(port) or len(workers_of(running)) < 2:
            assert process.poll() is None and time.monotonic() < deadline, log.read_text()
            time.sleep(0.1)
        yield running
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def health_ok(port: int) -> bool:
    try:
        return httpx.get(f"http://127.0.0.1:{port}/health", timeout=1).status_code == 200
    except httpx.HTTPError:
        return False


def test_keep_alive_connections_spread_over_both_workers(server: Server) -> None:
    request = f"GET /health HTTP/1.1\r\nHost: 127.0.0.1:{server.port}\r\n\r\n".encode()
    clients = [socket.create_connection(("127.0.0.1", server.port), timeout=10) for _ in range(CONNECTIONS)]
    try:
        for client in clients:  # answered, so a worker has accepted it and holds it open (keep-alive)
            client.sendall(request)
            assert client.recv(65536).startswith(b"HTTP/1.1 200")
        established = tcp_inodes(server.port, TCP_ESTABLISHED)
        held = Counter({pid: len(socket_inodes(pid) & established) for pid in workers_of(server)})
    finally:
        for client in clients:
            client.close()
    assert len(held) == 2 and sum(held.values()) == CONNECTIONS, held
    assert min(held.values()) >= FEWEST, f"connections not spread over the workers: {held}"


def test_each_worker_listens_on_a_socket_of_its_own_and_the_parent_on_none(server: Server) -> None:
    listening = tcp_inodes(server.port, TCP_LISTEN)
    held = [socket_inodes(pid) & listening for pid in workers_of(server)]
    assert len(held) == 2 and all(len(inodes) == 1 for inodes in held) and held[0] != held[1], held
    assert not socket_inodes(server.process.pid) & listening


def test_a_second_server_on_the_same_port_fails_naming_the_address(server: Server) -> None:
    second = subprocess.run([*QUOTEWIRE, "serve", "--port", str(server.port), "--workers", "2"],
                            env=server.env, capture_output=True, text=True, timeout=30)
    assert second.returncode != 0
    assert f"127.0.0.1:{server.port}" in second.stderr
    assert health_ok(server.port)


def test_sigterm_stops_every_worker_and_exits_zero(server: Server) -> None:
    workers = workers_of(server)
    server.process.send_signal(signal.SIGTERM)
    assert server.process.wait(timeout=10) == 0, server.log.read_text()
    assert not [pid for pid in workers if Path(f"/proc/{pid}").exists()]
