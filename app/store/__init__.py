"""The store: everything that knows the database, one module per job.

    models.py      tables and the API's public shapes (Base -> table -> Public chains)
    engine.py      engines and sessions
    migrate.py     running the Alembic scripts of migrations/ (shipped in the package)
    articles.py    saving an article with its extracted quotes, deleting one
    topics.py      linking quotes to their key terms and taxonomy subjects
    taxonomy.py    reading the taxonomy file, finding the subject a user names
    keys.py        folded keys matched on besides speaker names (source=)
    base.py, sqlite.py, search_syntax.py   the engine-specific part: pragmas and full-text search

Speakers (folding, merging, corrections) are still `app.speakers`, `app.speaker_keys` and `app.corrections`.
Errors raised here are domain errors (FullTextSyntaxError, ...); only `app/api/` turns them into problem+json.

`backend_for(dialect_name)` returns the `StoreBackend` for an engine's dialect. SQLite's is the only
one today (`app.store.sqlite`: pragmas and FTS5); a PostgreSQL backend (tsvector search) would be a
new module registered in `BACKENDS`, with no change to callers.

    backend = backend_for(engine.dialect.name)
    match = backend.fulltext("ceasefire talks")      # raises FullTextSyntaxError on malformed input
    select(Quote).where(match.condition)             # quotes matching every word (stemmed)
"""

from __future__ import annotations

from app.store.base import FullTextMatch, FullTextSyntaxError, StoreBackend
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


__all__ = ["FullTextMatch", "FullTextSyntaxError", "StoreBackend", "backend_for"]
