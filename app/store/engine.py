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


def create_engine_for(url: str) -> Engine:
    """A new engine for `url`, with the store backend's connect hook; prefer the cached `get_engine`."""
    parsed = database_url(url)
    connect_args: dict = {}
    options: dict[str, Any] = {}
    if parsed.get_backend_name() == "sqlite":
        connect_args["check_same_thread"] = False  # the API hands connections between threads
        if parsed.database and parsed.database != ":memory:" and not parsed.database.startswith("file:"):
            Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
    else:
        options["pool_pre_ping"] = True  # a server restarts or drops idle connections; SQLite files do not
    engine = create_engine(parsed, connect_args=connect_args, **options)
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
