"""Engines and sessions: one engine per database URL, with the store backend's settings on every connection.

engine = get_engine()                 # cached per URL; SQLite pragmas set on every connection
with Session(engine) as session: ...  # or `get_session`, the API's dependency

URLs: `sqlite:///path.db` (the default, a file under ./data/) or a PostgreSQL server,
`postgresql+psycopg://user:password@host:5432/quotewire`; `postgresql://` and `postgres://` (as
hosting services write them) mean the same, through psycopg 3 (`pip install quotewire[postgres]`).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlmodel import Session

from app.config import get_settings
from app.store.backends import backend_for

POSTGRES_DRIVER = "postgresql+psycopg"
POSTGRES_SCHEMES = frozenset({"postgres", "postgresql", POSTGRES_DRIVER})


def database_url(url: str) -> URL:
    """`url` parsed, a PostgreSQL URL of any common spelling set to the psycopg 3 driver."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url.removeprefix("postgres://")
    parsed = make_url(url)
    return parsed.set(drivername=POSTGRES_DRIVER) if parsed.drivername in POSTGRES_SCHEMES else parsed


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
    parsed = database_url(url)
    options = sqlite_options(parsed.database) if parsed.get_backend_name() == "sqlite" else {}
    if parsed.get_backend_name() != "sqlite":
        options["pool_pre_ping"] = True  # a server restarts or drops idle connections; SQLite files do not
    engine = create_engine(parsed, **options)
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
