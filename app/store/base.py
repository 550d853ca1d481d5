"""The store backend interface and its shared records; implementations live beside it (sqlite.py)."""

from __future__ import annotations

from contextlib import AbstractContextManager
from datetime import date
from typing import Any, Protocol

from sqlalchemy import Connection
from sqlalchemy.sql import ColumnElement, FromClause, Select

DateKeys = list[tuple[int, date | None]]  # (quote id, said_on) in page order
SearchPosition = tuple[date | None, int]  # (said_on, quote id) of the last quote of a page


class FullTextSyntaxError(ValueError):
    """The user's full-text query cannot be searched; the message says why (for a 400 response)."""


class DateOrderedSearch(Protocol):
    """A full-text query whose matches the index itself yields in date order."""

    def keys(
        self,
        connection: Connection,
        count: int,
        *,
        descending: bool,
        after: SearchPosition | None,
        first_day: date | None,
        last_day: date | None,
    ) -> DateKeys:
        """(id, said_on) of up to `count` matches after `after` within the date range, in date order
        (newest or oldest first; undated quotes last, by id), reading about `count` index entries."""


class FullTextMatch(Protocol):
    """A full-text query ready for SQL (a backend may build each part only when it is first used).

    condition:    a WHERE clause on `quotes.id`, true for matching quotes (drives a query from the matches).
    ranked:       a subquery with columns `quote_id` and `rank` (lower ranks first: more relevant),
                  to join on `quotes.id` when sorting by relevance.
    ids:          a SELECT of the matching quote ids (what `condition` tests), for callers that
                  count matches or build their own condition; None when a backend has none.
    contains:     a correlated test of the `quotes` row in scope, one index seek per row (for a
                  query walking another index); None when a backend has none.
    date_ordered: the matches read straight from the index in date order; None when a backend has none.
    """

    @property
    def condition(self) -> ColumnElement[bool]: ...

    @property
    def ranked(self) -> FromClause: ...

    @property
    def ids(self) -> Select | None: ...

    @property
    def contains(self) -> ColumnElement[bool] | None: ...

    @property
    def date_ordered(self) -> DateOrderedSearch | None: ...


class StoreBackend(Protocol):
    """The engine-specific part of the store."""

    name: str

    def on_connect(self, dbapi_connection: Any, connection_record: Any) -> None:
        """Prepare a new DBAPI connection (pragmas); registered as the engine's "connect" event."""

    def migrating(self, connection: Connection) -> AbstractContextManager[None]:
        """Run a migration on `connection` in one transaction that excludes concurrent runs (SQLite: the write
        lock, held from the start; foreign keys off, so batch table copies cascade nothing)."""

    def is_busy(self, error: BaseException) -> bool:
        """Whether `error` says the database was busy with another writer: the write may be tried again."""

    def fulltext(self, query: str) -> FullTextMatch:
        """Translate a user's search text into SQL; raises FullTextSyntaxError when it is malformed."""

    def compact_fulltext(self, connection: Connection) -> None:
        """Reorganise the full-text index after a batch of writes, so searches read one piece of it."""

    def fulltext_segments(self, connection: Connection) -> int:
        """How many pieces the full-text index is in now (1 after compact_fulltext)."""

    def is_transient(self, error: BaseException) -> bool:
        """Whether a write that raised `error` may succeed when tried again: a concurrent writer took
        the same unique key first, or the database broke a deadlock between them."""
