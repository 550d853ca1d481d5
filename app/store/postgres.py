"""PostgreSQL's store backend: full-text search over quote text with a tsvector column and a GIN index.

Migration 0002 gives `quotes` a stored, generated column `search_vector` (the text through the
text-search configuration `quotewire_english`: English Snowball stems and, as in SQLite's FTS5, no
stop words, so `q=the` finds quotes too) with a GIN index, `ix_quotes_search_vector`. Each term of a
parsed `q` becomes a tsquery (`websearch_to_tsquery` for words and phrases, a `:*` lexeme for
prefixes) and the terms are joined with tsquery's own operators, so a user's text is never parsed
as tsquery syntax.

Date order needs no index of its own here: `condition` is an ordinary WHERE clause, and PostgreSQL's
planner chooses per query between the GIN index (rare words: every match, then a sort) and a walk of
the (said_on, id) or (speaker_id, said_on, id) index that tests each quote's stored vector (common
words: stops after a page).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cached_property, reduce
from typing import Any

from sqlalchemy import (
    Boolean,
    ColumnElement,
    Connection,
    Float,
    FromClause,
    Select,
    cast,
    func,
    literal,
    literal_column,
    select,
)
from sqlalchemy.dialects.postgresql import REGCONFIG, TSQUERY
from sqlmodel import col

from app.store.models import Quote
from app.store.search_syntax import SearchQuery, SearchTerm, parse_search

TEXT_SEARCH_CONFIG = "quotewire_english"
SEARCH_VECTOR = "search_vector"
SEARCH_INDEX = "ix_quotes_search_vector"
# sqlstates a concurrent writer can cause: deadlock, serialization failure, unique key taken meanwhile
TRANSIENT_SQLSTATES = frozenset({"40P01", "40001", "23505"})

PREFIX_WORD = re.compile(r"[^\W_]+")  # the words of a prefix term, as lexemes to_tsquery reads safely

search_vector: ColumnElement[Any] = literal_column(f"quotes.{SEARCH_VECTOR}")


def _config() -> ColumnElement[Any]:
    return cast(literal(TEXT_SEARCH_CONFIG), REGCONFIG)


def term_query(term: SearchTerm) -> ColumnElement[Any]:
    """The tsquery of one term: its words side by side (a phrase), the last one a prefix for `negotiat*`."""
    if term.prefix:
        words = PREFIX_WORD.findall(term.text)
        lexemes = " <-> ".join(f"'{word}'" for word in words) + ":*"
        return func.to_tsquery(_config(), lexemes, type_=TSQUERY)
    phrase = '"' + term.text.replace('"', " ") + '"'
    return func.websearch_to_tsquery(_config(), phrase, type_=TSQUERY)


def render_tsquery(query: SearchQuery) -> ColumnElement[Any]:
    """A tsquery expression for a parsed query: (a | b) & c & !d, built with tsquery's own functions."""
    groups = [reduce(func.tsquery_or, map(term_query, terms)) for terms in query.required]
    combined = reduce(func.tsquery_and, groups)
    for term in query.excluded:
        combined = func.tsquery_and(combined, func.tsquery_not(term_query(term)))
    return combined


class PostgresBackend:
    name = "postgresql"

    def on_connect(self, dbapi_connection: Any, connection_record: Any) -> None:
        """Nothing to set: every search names its text-search configuration."""

    @contextmanager
    def migrating(self, connection: Connection) -> Iterator[None]:
        yield  # PostgreSQL alters tables in place; migrations run in one transaction

    def compact_fulltext(self, connection: Connection) -> None:
        # A GIN index takes new entries into a pending list first, which every search also scans;
        # merging it into the index is what FTS5's 'optimize' is to SQLite. ANALYZE refreshes the
        # word statistics the planner chooses between the GIN index and a date-ordered walk by.
        connection.exec_driver_sql(f"SELECT gin_clean_pending_list('{SEARCH_INDEX}'::regclass)")
        connection.exec_driver_sql("ANALYZE quotes")
        connection.commit()

    def fulltext_segments(self, connection: Connection) -> int:
        return 1  # one GIN index; its pending list is merged by compact_fulltext

    def fulltext(self, query: str) -> PostgresFullTextMatch:
        return PostgresFullTextMatch(render_tsquery(parse_search(query)))

    def is_busy(self, error: BaseException) -> bool:
        return False  # the server queues writers on row locks; its conflicts are `is_transient`'s

    def is_transient(self, error: BaseException) -> bool:
        return getattr(getattr(error, "orig", None), "sqlstate", None) in TRANSIENT_SQLSTATES


class PostgresFullTextMatch:
    """A FullTextMatch over `quotes.search_vector`; the planner picks the index (see the module docstring)."""

    date_ordered = None
    contains = None

    def __init__(self, tsquery: ColumnElement[Any]) -> None:
        self.tsquery = tsquery

    @cached_property
    def condition(self) -> ColumnElement[bool]:
        return search_vector.op("@@", return_type=Boolean)(self.tsquery)

    @cached_property
    def ids(self) -> Select:
        return select(col(Quote.id)).where(self.condition)

    @cached_property
    def ranked(self) -> FromClause:
        rank = cast(-func.ts_rank_cd(search_vector, self.tsquery), Float)  # lower first, as FTS5's bm25
        return select(col(Quote.id).label("quote_id"), rank.label("rank")).where(self.condition).subquery("fulltext")
