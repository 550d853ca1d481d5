"""Slow and stalled clients. Against a real server (`quotewire serve`, one worker): clients that start a
big CSV export and stop reading hold no database connection, so `/health` and ordinary reads still
answer; a connection that does not finish sending its request headers in time is closed.

One server runs for the module, on a database holding one article with a few thousand long quotes
(its CSV export is far larger than the socket buffers between server and client), with
QUOTEWIRE_HEADER_TIMEOUT_SECONDS=1. No test measures how fast anything is: each asks whether an
answer comes at all (the generous client timeouts only stop a test that would hang).

In process: a request over QUOTEWIRE_MAX_PENDING_REQUESTS is answered 503 with Retry-After at once, and
a posted web page is parsed in a worker thread while the event loop answers others.
"""
from __future__ import annotations

import http.client
import os
import socket
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from sqlmodel import Session

from app.api.routes import articles as article_routes
from app.api.routes import speakers as speaker_routes
from app.ingest import ingest_article
from app.store.engine import create_engine_for
from app.store.models import ArticleIn
from tests.api.conftest import WRITE_HEADERS, person, said

QUOTEWIRE = [sys.executable, "-c", "from app.cli import main; main()"]
START_SECONDS = 180  # importing, migrating and building the export take a while on a loaded machine
STALLED_READERS = 16  # more than the 15 connections the pool held at most before (5 + 10 overflow)
QUOTES = 3000
LONG_QUOTE = "We will keep the harbour open through every storm this winter, " * 15  # about 1,000 characters
PATIENCE = 60  # seconds: far beyond any answer, and beyond the 30 s a read used to wait for a connection


@dataclass
class Server:
    process: subprocess.Popen
    port: int
    log: Path

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def big_export_database(template: Path, folder: Path) -> Path:
    database = folder / "quotewire.db"
    database.write_bytes(template.read_bytes())
    engine = create_engine_for(f"sqlite:///{database}")
    quotes = [said(f"{number}: {LONG_QUOTE}", person("Tamsin Orrell"), start=number) for number in range(QUOTES)]
    try:
        with Session(engine) as session:
            article = ArticleIn(title="Harbour stays open", text="Harbour stays open\n\nBody.", source="Quay Post")
            ingest_article(session, article, extractor=lambda *args, **kwargs: quotes)
    finally:
        engine.dispose()
    return database


@pytest.fixture(scope="module")
def server(migrated_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    folder = tmp_path_factory.mktemp("slow-clients")
    database = big_export_database(migrated_template, folder)
    env = {**os.environ, "QUOTEWIRE_DATABASE_URL": f"sqlite:///{database}", "QUOTEWIRE_HEADER_TIMEOUT_SECONDS": "1"}
    port, log = free_port(), folder / "server.log"
    with log.open("wb") as output:
        process = subprocess.Popen([*QUOTEWIRE, "serve", "--port", str(port), "--workers", "1", "--no-access-log"],
                                   env=env, stdout=output, stderr=subprocess.STDOUT)
    running = Server(process, port, log)
    try:
        deadline = time.monotonic() + START_SECONDS
        while not answers(running):
            assert process.poll() is None and time.monotonic() < deadline, log.read_text()
            time.sleep(0.2)
        yield running
    finally:
        process.kill()
        process.wait()


def answers(server: Server) -> bool:
    try:
        return httpx.get(f"{server.base}/health", timeout=1).status_code == 200
    except httpx.HTTPError:
        return False


def connect(server: Server) -> socket.socket:
    client = socket.create_connection(("127.0.0.1", server.port), timeout=PATIENCE)
    return client


def stalled_csv_reader(server: Server) -> socket.socket:
    """Asks for the whole CSV export, sees it start, and never reads again."""
    client = socket.socket()
    client.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)  # a small window: the server's writes stall sooner
    client.settimeout(PATIENCE)
    client.connect(("127.0.0.1", server.port))
    client.sendall(f"GET /quotes.csv HTTP/1.1\r\nHost: 127.0.0.1:{server.port}\r\n\r\n".encode())
    assert client.recv(64).startswith(b"HTTP/1.1 200")
    return client


def read_until_closed(client: socket.socket) -> bytes:
    received = b""
    while chunk := client.recv(4096):
        received += chunk
    return received


def test_clients_that_stop_reading_a_csv_export_do_not_block_health_or_reads(server: Server) -> None:
    stalled = [stalled_csv_reader(server) for _ in range(STALLED_READERS)]
    try:
        with httpx.Client(base_url=server.base, timeout=PATIENCE) as client:
            assert client.get("/health").status_code == 200
            page = client.get("/quotes", params={"limit": 5})
            assert page.status_code == 200 and len(page.json()["items"]) == 5
            assert client.get("/speakers", params={"q": "orrell"}).json()["items"][0]["name"] == "Tamsin Orrell"
            export = client.get("/quotes.csv", params={"limit": 1})  # a whole export still runs to its end
            assert export.status_code == 200 and export.text.count("\n") > QUOTES
    finally:
        for client in stalled:
            client.close()


def test_a_connection_that_never_finishes_its_headers_is_answered_408_and_closed(server: Server) -> None:
    with connect(server) as client:
        client.sendall(f"GET /health HTTP/1.1\r\nHost: 127.0.0.1:{server.port}\r\nX-Slow: ".encode())
        received = read_until_closed(client)
    assert received.startswith(b"HTTP/1.1 408 ")


def test_a_connection_that_sends_nothing_is_closed(server: Server) -> None:
    with connect(server) as client:
        assert read_until_closed(client) == b""


def test_a_kept_alive_connection_can_send_its_next_request_in_time(server: Server) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=PATIENCE)
    try:
        statuses, sockets = [], []
        for _ in range(3):
            connection.request("GET", "/health")
            response = connection.getresponse()
            response.read()
            statuses.append(response.status)
            sockets.append(connection.sock)
    finally:
        connection.close()
    assert statuses == [200, 200, 200]
    assert sockets[0] is sockets[1] is sockets[2]  # one connection, kept open between requests


@pytest.fixture
def blocked_route(monkeypatch: pytest.MonkeyPatch):
    """`GET /speakers` holds its worker thread until the test sets `release` (or 30 s pass: the test then
    fails instead of hanging); `entered` is set once it is held."""
    entered, release, released_in_time = threading.Event(), threading.Event(), []
    listing = speaker_routes.speaker_page

    def held_listing(*args, **kwargs):
        entered.set()
        released_in_time.append(release.wait(timeout=30))
        return listing(*args, **kwargs)

    monkeypatch.setattr(speaker_routes, "speaker_page", held_listing)
    return entered, release, released_in_time


def test_a_request_over_capacity_is_answered_503_with_retry_after(client_with, newsroom, blocked_route) -> None:
    entered, release, released_in_time = blocked_route
    with client_with(max_pending_requests=1) as client, ThreadPoolExecutor(1) as background:
        first = background.submit(client.get, "/speakers")
        assert entered.wait(timeout=30)
        refused = client.get("/quotes")
        health = client.get("/health")
        release.set()
        assert first.result(timeout=30).status_code == 200
        assert client.get("/quotes").status_code == 200  # capacity again once the first is answered
    assert refused.status_code == 503
    assert refused.headers["retry-after"] == "1"
    assert refused.json()["type"] == "/problems/overloaded"
    assert health.status_code == 200  # never refused: a busy server is not a broken one
    assert released_in_time == [True]


def test_a_posted_web_page_is_parsed_while_other_requests_are_answered(client, monkeypatch) -> None:
    entered, release, released_in_time = threading.Event(), threading.Event(), []
    compose = article_routes.compose_article

    def slow_parse(**kwargs):
        entered.set()
        released_in_time.append(release.wait(timeout=30))  # parsing on the event loop would hold /health here
        return compose(**kwargs)

    monkeypatch.setattr(article_routes, "compose_article", slow_parse)
    page = "<html><body><article><p>“We open the lock at dawn,” the keeper said.</p></article></body></html>"
    with ThreadPoolExecutor(1) as background:
        posted = background.submit(client.post, "/articles", json={"html": page}, headers=WRITE_HEADERS)
        assert entered.wait(timeout=30)
        health = client.get("/health")
        release.set()
        assert posted.result(timeout=60).status_code == 201
    assert health.status_code == 200
    assert released_in_time == [True]
