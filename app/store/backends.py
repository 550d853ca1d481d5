"""What depends on the database engine: connect-time settings and full-text search, behind one interface.

`backend_for(dialect_name)` returns the `StoreBackend` for an engine's dialect. SQLite's is the only
one today (`app.store.sqlite`: pragmas and FTS5); a PostgreSQL backend (tsvector search) would be a
new module registered in `BACKENDS`, with no change to callers.

    backend = backend_for(engine.dialect.name)
    match = backend.fulltext("ceasefire talks")      # raises FullTextSyntaxError on malformed input
    select(Quote).where(match.condition)             # quotes matching every word (stemmed)
"""

from __future__ import annotations

from app.store.base import StoreBackend
from app.store.sqlite import SqliteBackend

BACKENDS: dict[str, StoreBackend] = {"sqlite": SqliteBackend()}


def backend_for(dialect_name: str) -> StoreBackend:
    """The backend for a SQLAlchemy dialect name ("sqlite"); NotImplementedError for others."""
    try:
        return BACKENDS[dialect_name]
    except KeyError:
        raise NotImplementedError(
            f"Quotewire has no store backend for {dialect_name!r} yet; add one in app/store/"
        ) from None
