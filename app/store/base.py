"""The store backend interface and its shared records; implementations live beside it (sqlite.py)."""
from __future__ import annotations

from dataclasses import dataclass
from contextlib import AbstractContextManager
from typing import Any, Protocol

from sqlalchemy import Connection

from sqlalchemy.sql import ColumnElement, FromClause, Select


class FullTextSyntaxError(ValueError):
    """The user's full-text query cannot be searched; the message says why (for a 400 response)."""


@dataclass(frozen=True, slots=True)
class FullTextMatch:
    """A full-text query ready for SQL.

    condition: a WHERE clause on `quotes.id`, true for matching quotes.
    ranked:    a subquery with columns `quote_id` and `rank` (lower ranks first: more relevant),
               to join on `quotes.id` when sorting by relevance.
    ids:       a SELECT of the matching quote ids (what `condition` tests), for callers that
               count matches or build their own condition; None when a backend has none.
    """

    condition: ColumnElement[bool]
    ranked: FromClause
    ids: Select | None = None


class StoreBackend(Protocol):
    """The engine-specific part of the store."""

    name: str

    def on_connect(self, dbapi_connection: Any, connection_record: Any) -> None:
        """Prepare a new DBAPI connection (pragmas); registered as the engine's "connect" event."""

    def migrating(self, connection: Connection) -> AbstractContextManager[None]:
        """Wrap a migration run on `connection` (SQLite: foreign keys off, so batch table copies cascade nothing)."""

    def fulltext(self, query: str) -> FullTextMatch:
        """Translate a user's search text into SQL; raises FullTextSyntaxError when it is malformed."""

    def compact_fulltext(self, connection: Connection) -> None:
        """Reorganise the full-text index after a batch of writes, so searches read one piece of it."""
