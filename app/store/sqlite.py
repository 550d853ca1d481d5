"""SQLite's store backend: connection pragmas and FTS5 full-text search over quote text.

The FTS5 table `quotes_fts` (external content on `quotes`, tokenizer `porter unicode61`) and the
triggers that keep it in sync are created by migration 0002.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, Float, Integer, column, select, table

from app.models import Quote
from app.store.base import FullTextMatch
from app.store.search_syntax import SearchQuery, SearchTerm, parse_search

BUSY_TIMEOUT_MS = 5000
FTS_TABLE = "quotes_fts"

fts_table = table(FTS_TABLE, column("rowid", Integer), column("rank", Float), column(FTS_TABLE))


def _fts_string(term: SearchTerm) -> str:
    """An FTS5 string literal: the tokenizer splits and stems it, and no character is an operator."""
    literal = '"' + term.text.replace('"', '""') + '"'
    return literal + " *" if term.prefix else literal


def render_fts5(query: SearchQuery) -> str:
    """FTS5 MATCH syntax for a parsed query: (a OR b) AND c NOT d."""
    required = " AND ".join(
        "(" + " OR ".join(map(_fts_string, alternatives)) + ")" for alternatives in query.required
    )
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
            yield
            violations = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
            if violations:
                raise RuntimeError(f"migration left {len(violations)} broken foreign keys, first: {violations[0]}")
        finally:
            connection.rollback()
            connection.exec_driver_sql("PRAGMA foreign_keys=ON")
            connection.commit()

    def compact_fulltext(self, connection: Connection) -> None:
        # Trigger-fed FTS5 grows one index segment per few writes; a search tests every segment, so a
        # merged index answers common words several times faster (3 ms instead of 8 at 1M quotes).
        connection.exec_driver_sql(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('optimize')")
        connection.commit()

    def fulltext(self, query: str) -> FullTextMatch:
        expression = render_fts5(parse_search(query))
        matches = fts_table.c[FTS_TABLE].op("MATCH")(expression)
        ranked = (
            select(fts_table.c.rowid.label("quote_id"), fts_table.c.rank.label("rank"))
            .where(matches)
            .subquery("fulltext")
        )
        ids = select(fts_table.c.rowid).where(matches)
        return FullTextMatch(condition=Quote.id.in_(ids), ranked=ranked, ids=ids)
