"""SQLite's store backend: connection pragmas and FTS5 full-text search over quote text.

The FTS5 table `quotes_fts` (tokenizer `porter unicode61`) and the triggers that keep it in sync are
created by migrations 0002 and 0003. Its rowid is each quote's search key, `day << 32 | id` (the day
said, 0 when undated), so FTS5 itself reads a word's matches in date order, a page at a time.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from functools import cache, cached_property
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Float,
    FromClause,
    Integer,
    Select,
    and_,
    bindparam,
    cast,
    column,
    func,
    literal_column,
    select,
    table,
)
from sqlalchemy.exc import IntegrityError
from sqlmodel import col

from app.store.base import DateKeys, FullTextMatch, SearchPosition
from app.store.models import Quote
from app.store.search_syntax import SearchQuery, SearchTerm, parse_search

BUSY_TIMEOUT_MS = 5000
MIGRATION_LOCK_WAIT_MS = 600_000  # a concurrent first run waits for the one migrating (minutes on a large database)
FTS_TABLE = "quotes_fts"

fts_table = table(FTS_TABLE, column("rowid", Integer), column("rank", Float), column(FTS_TABLE))

DAY_SHIFT = 32
QUOTE_ID_MASK = (1 << DAY_SHIFT) - 1
FIRST_DATED_KEY = 1 << DAY_SHIFT  # keys below it are undated quotes
JULIAN_DAY_OF_ORDINAL_ZERO = 1721424  # CAST(julianday(d) AS INTEGER) == d.toordinal() + this


def search_key(said_on: date | None, quote_id: int) -> int:
    """A quote's FTS rowid, as migration 0003's triggers compute it in SQL."""
    day = said_on.toordinal() + JULIAN_DAY_OF_ORDINAL_ZERO if said_on is not None else 0
    return day << DAY_SHIFT | quote_id


def key_parts(key: int) -> tuple[int, date | None]:
    """(quote id, said_on) of a search key."""
    day = key >> DAY_SHIFT
    return key & QUOTE_ID_MASK, date.fromordinal(day - JULIAN_DAY_OF_ORDINAL_ZERO) if day else None


def quote_search_key() -> Any:
    """The search key of the `quotes` row in scope, as SQL (to seek a quote in the index)."""
    day = func.coalesce(cast(func.julianday(Quote.said_on), Integer), 0)
    return day.op("<<")(DAY_SHIFT).op("|")(Quote.id)


@dataclass(frozen=True, slots=True)
class SqliteDateOrderedSearch:
    """A full-text query read from the index in date order: the keys of each page are a rowid range."""

    expression: str  # FTS5 MATCH syntax

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
        """(id, said_on) of up to `count` matches after `after`, newest or oldest first, undated last."""
        sections = [
            (
                search_key(first_day, 0) if first_day else FIRST_DATED_KEY,
                search_key(last_day, QUOTE_ID_MASK) if last_day else None,
            )
        ]
        if first_day is None and last_day is None:  # a date range leaves out undated quotes
            sections.append((0, FIRST_DATED_KEY - 1))
        if after is not None:
            if after[0] is None:  # in the undated section: the dated one is done
                sections = sections[1:]
            if sections:
                key, (low, high) = search_key(*after), sections[0]
                sections[0] = (low, key - 1 if high is None else min(high, key - 1)) if descending else (key + 1, high)
        rows: DateKeys = []
        for low, high in sections:
            if len(rows) < count:
                rows += self._read(connection, low, high, count - len(rows), descending=descending)
        return rows

    def _read(self, connection: Connection, low: int, high: int | None, count: int, *, descending: bool) -> DateKeys:
        statement = date_ordered_statement(descending, bounded=high is not None)
        values = {"expression": self.expression, "low": low, "high": high, "count": count}
        return [key_parts(key) for (key,) in connection.execute(statement, values)]


@cache
def date_ordered_statement(descending: bool, *, bounded: bool) -> Select:
    """The matches of a MATCH expression within a range of search keys, in key order: built once per shape."""
    rowid = fts_table.c.rowid
    statement = select(rowid).where(
        fts_table.c[FTS_TABLE].op("MATCH")(bindparam("expression")), rowid >= bindparam("low")
    )
    if bounded:
        statement = statement.where(rowid <= bindparam("high"))
    return statement.order_by(rowid.desc() if descending else rowid).limit(bindparam("count", type_=Integer))


def _fts_string(term: SearchTerm) -> str:
    """An FTS5 string literal: the tokenizer splits and stems it, and no character is an operator."""
    literal = '"' + term.text.replace('"', '""') + '"'
    return literal + " *" if term.prefix else literal


def render_fts5(query: SearchQuery) -> str:
    """FTS5 MATCH syntax for a parsed query: (a OR b) AND c NOT d."""
    required = " AND ".join("(" + " OR ".join(map(_fts_string, alternatives)) + ")" for alternatives in query.required)
    expression = f"({required})"
    for term in query.excluded:
        expression += f" NOT {_fts_string(term)}"
    return expression


class SqliteBackend:
    name = "sqlite"

    def on_connect(self, dbapi_connection: Any, connection_record: Any) -> None:
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            cursor.execute("PRAGMA journal_mode=WAL")  # ignored (stays "memory") for in-memory databases
            cursor.execute("PRAGMA synchronous=NORMAL")  # safe with WAL; commits skip one fsync
        finally:
            cursor.close()

    @contextmanager
    def migrating(self, connection: Connection) -> Iterator[None]:
        # A batch migration copies a table and drops the old one; with foreign keys on, that DROP
        # would cascade-delete every child row. The pragma only takes effect outside a transaction.
        connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
        connection.commit()
        try:
            with connection.begin():
                # The write lock for the whole run: a second process migrating the same file waits here,
                # then finds the schema at head (SQLite's DDL is transactional).
                connection.exec_driver_sql(f"PRAGMA busy_timeout={MIGRATION_LOCK_WAIT_MS}")
                connection.exec_driver_sql("BEGIN IMMEDIATE")
                connection.exec_driver_sql(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
                yield
                violations = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
                if violations:
                    raise RuntimeError(f"migration left {len(violations)} broken foreign keys, first: {violations[0]}")
        finally:
            connection.rollback()
            connection.exec_driver_sql(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            connection.exec_driver_sql("PRAGMA foreign_keys=ON")
            connection.commit()

    def is_busy(self, error: BaseException) -> bool:
        # SQLITE_BUSY (another connection holds the write lock past the busy timeout) and SQLITE_LOCKED,
        # with their extended codes (BUSY_SNAPSHOT ...) in the bits above the primary code
        code = getattr(getattr(error, "orig", error), "sqlite_errorcode", None)
        return code is not None and code & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)

    def compact_fulltext(self, connection: Connection) -> None:
        # Trigger-fed FTS5 grows one index segment per few writes; a search tests every segment, so a
        # merged index answers common words several times faster (3 ms instead of 8 at 1M quotes).
        connection.exec_driver_sql(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('optimize')")
        connection.commit()

    def fulltext_segments(self, connection: Connection) -> int:
        return connection.exec_driver_sql(f"SELECT count(DISTINCT segid) FROM {FTS_TABLE}_idx").scalar() or 0

    def fulltext(self, query: str) -> FullTextMatch:
        return SqliteFullTextMatch(render_fts5(parse_search(query)))

    def is_transient(self, error: BaseException) -> bool:
        return isinstance(error, IntegrityError)  # writers queue for SQLite's one write lock: no deadlocks


class SqliteFullTextMatch:
    """A FullTextMatch over `quotes_fts`. Each clause is built when first used: a page of `q` alone
    reads only `date_ordered`, and building the others cost 40% of such a request."""

    def __init__(self, expression: str) -> None:
        self.expression = expression

    @cached_property
    def date_ordered(self) -> SqliteDateOrderedSearch | None:
        return SqliteDateOrderedSearch(self.expression)

    @cached_property
    def matches(self) -> ColumnElement[bool]:
        return fts_table.c[FTS_TABLE].op("MATCH")(self.expression)

    @cached_property
    def quote_id(self) -> ColumnElement[int]:
        return fts_table.c.rowid.op("&")(literal_column(str(QUOTE_ID_MASK)))

    @cached_property
    def ids(self) -> Select:
        return select(self.quote_id).where(self.matches)

    @cached_property
    def condition(self) -> ColumnElement[bool]:
        return col(Quote.id).in_(self.ids)

    @cached_property
    def ranked(self) -> FromClause:
        return (
            select(self.quote_id.label("quote_id"), fts_table.c.rank.label("rank"))
            .where(self.matches)
            .subquery("fulltext")
        )

    @cached_property
    def contains(self) -> ColumnElement[bool]:
        return select(fts_table.c.rowid).where(and_(self.matches, fts_table.c.rowid == quote_search_key())).exists()
