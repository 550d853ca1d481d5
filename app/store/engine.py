"""Engines and sessions: one engine per database URL, with the store backend's settings on every connection.

engine = get_engine()                 # cached per URL; SQLite pragmas set on every connection
with Session(engine) as session: ...  # or `get_session`, the API's dependency
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlmodel import Session

from app.config import get_settings
from app.store.backends import backend_for

# SQLite connections are local files, cheap to open: a checkout never waits for one (no overflow limit),
# so no request, on the event loop or in a worker thread, can wait on a connection that a response still
# being sent holds. The pool keeps open at least as many as a server process has worker threads
# (QUOTEWIRE_WORKER_THREADS).
SQLITE_POOL_SIZE = 16
SQLITE_NO_OVERFLOW_LIMIT = -1


def sqlite_options(database: str | None) -> dict[str, Any]:
    """`create_engine` options for a SQLite database: every SQLite-specific engine setting is here
    (the per-connection pragmas are the store backend's, `app.store.sqlite`)."""
    options: dict[str, Any] = {"connect_args": {"check_same_thread": False}}  # the API hands connections on
    if database and database != ":memory:" and not database.startswith("file:"):
        Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        options.update(pool_size=SQLITE_POOL_SIZE, max_overflow=SQLITE_NO_OVERFLOW_LIMIT)
    return options


def create_engine_for(url: str) -> Engine:
    """A new engine for `url`, with the store backend's connect hook; prefer the cached `get_engine`."""
    parsed = make_url(url)
    options = sqlite_options(parsed.database) if parsed.get_backend_name() == "sqlite" else {}
    engine = create_engine(url, **options)
    event.listen(engine, "connect", backend_for(engine.dialect.name).on_connect)
    return engine


@lru_cache(maxsize=8)
def _cached_engine(url: str) -> Engine:
    return create_engine_for(url)


def get_engine(url: str | None = None) -> Engine:
    """The shared engine for `url` (default: the configured database URL)."""
    return _cached_engine(url or get_settings().database_url)


def get_session() -> Iterator[Session]:
    """A Session on the configured database, closed afterwards (a FastAPI dependency)."""
    with Session(get_engine()) as session:
        yield session
