"""What depends on the database engine: connect-time settings and full-text search, behind one interface.

`backend_for(dialect_name)` returns the `StoreBackend` for an engine's dialect: SQLite's
(`app.store.sqlite`: pragmas and FTS5) or PostgreSQL's (`app.store.postgres`: tsvector and GIN).
Another database is a new module registered in `BACKENDS`, with no change to callers.

    backend = backend_for(engine.dialect.name)
    match = backend.fulltext("ceasefire talks")      # raises FullTextSyntaxError on malformed input
    select(Quote).where(match.condition)             # quotes matching every word (stemmed)
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.sql.dml import Insert
from sqlmodel import Session

from app.store.base import StoreBackend
from app.store.postgres import PostgresBackend
from app.store.sqlite import SqliteBackend

BACKENDS: dict[str, StoreBackend] = {"sqlite": SqliteBackend(), "postgresql": PostgresBackend()}


def backend_for(dialect_name: str) -> StoreBackend:
    """The backend for a SQLAlchemy dialect name ("sqlite", "postgresql"); NotImplementedError for others."""
    try:
        return BACKENDS[dialect_name]
    except KeyError:
        raise NotImplementedError(
            f"Quotewire has no store backend for {dialect_name!r} yet; add one in app/store/"
        ) from None


def insert_skipping_duplicates(session: Session, model: Any) -> Insert:
    """INSERT into `model`'s table that skips a row whose unique key is already taken (ON CONFLICT DO
    NOTHING), also by a concurrent writer: add `.returning(...)` to learn which rows went in."""
    if session.get_bind().dialect.name == "postgresql":
        return postgresql.insert(model).on_conflict_do_nothing()
    return sqlite.insert(model).on_conflict_do_nothing()
