"""Browser tests: the pages served by a real server on the seed article's database, driven by Debian's
Chromium through Playwright, and checked with axe-core.

They need Playwright (the test extra), /usr/bin/chromium (apt-get install chromium) and axe-core
(`npm ci` here), and ../shared/corpus/seed. Without them the tests skip and say which is missing;
with QUOTEWIRE_BROWSER_TESTS=required (as .ci/run sets it) they fail instead.
"""
from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
import uvicorn
from sqlmodel import Session

from app.api.main import create_app
from app.config import Settings
from app.ingest import ingest_article
from app.ingest.readers import split_title_line
from app.store.engine import create_engine_for
from app.store.models import ArticleIn

HERE = Path(__file__).parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run"]
AXE = HERE / "node_modules" / "axe-core" / "axe.min.js"
SEED = HERE.parents[1] / ".." / "shared" / "corpus" / "seed" / "blinken-hamas-response.txt"
SCREENSHOTS = HERE.parents[1] / "build" / "screenshots"
REQUIRED = os.environ.get("QUOTEWIRE_BROWSER_TESTS") == "required"


SKIPPED_BECAUSE: set[str] = set()


def needs(present: bool, reason: str) -> None:
    if not present:
        if REQUIRED:
            pytest.fail(f"{reason} (QUOTEWIRE_BROWSER_TESTS=required)")
        SKIPPED_BECAUSE.add(reason)
        pytest.skip(reason)


def pytest_terminal_summary(terminalreporter) -> None:
    """Say why the browser tests were skipped, also under `-q` (as `make test` runs)."""
    for reason in sorted(SKIPPED_BECAUSE):
        terminalreporter.write_line(f"browser tests skipped: {reason}", yellow=True)


@dataclass(frozen=True)
class Server:
    base: str
    engine_url: str


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def seeded_server(migrated_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The app served on a free local port, over a database holding the seed article (published 2024-02-07)."""
    needs(SEED.is_file(), f"the seed article is absent ({SEED})")
    path = tmp_path_factory.mktemp("browser") / "quotewire.db"
    shutil.copyfile(migrated_template, path)
    url = f"sqlite:///{path}"
    engine = create_engine_for(url)
    title, body = split_title_line(SEED.read_text(encoding="utf-8"))
    with Session(engine) as session:
        ingest_article(session, ArticleIn(title=title, text=body, published=date(2024, 2, 7), source="Seed Wire",
                                          url="https://news.example/seed"))
    engine.dispose()
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(Settings(database_url=url)), host="127.0.0.1", port=port,
                                           log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "the server did not start"
        time.sleep(0.05)
    yield Server(base=f"http://127.0.0.1:{port}", engine_url=url)
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium (never a browser Playwright downloads)."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        needs(False, "Playwright is not installed (pip install the test extra)")
    needs(CHROMIUM.is_file(), f"{CHROMIUM} is absent (apt-get install chromium)")
    needs(AXE.is_file(), f"axe-core is absent ({AXE}: run npm ci in tests/browser)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser, seeded_server):
    """A desktop-sized page whose relative addresses go to the seeded server."""
    context = browser.new_context(base_url=seeded_server.base, viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=seeded_server.base)
    page = context.new_page()
    yield page
    context.close()
