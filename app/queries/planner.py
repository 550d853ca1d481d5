"""The keyset planner: how the filters of a quote list become the ids of one page, in page order.

The general plan is the truth: one statement over `quotes` with every filter in its WHERE clause
(`QuoteSelection.where`), read a section at a time (`app.queries.keyset`), SQLite choosing the index.
It answers any filter set, but where the filters match many quotes SQLite may read them all and sort
them. FAST_PATHS declares, for the filter sets that need one, a plan that reads the page straight from
one index in page order; `tests/api/test_read_plans.py` pages every registered path against the
general plan, and `bench/api_latency.py` shows what each earns.

A speaker or topic filter can name several ids (two speakers called Marsh; a subject and the subjects
under it). SQLite cannot merge several ranges of an index in order, so each id is a stream of its own,
cut to a page, and one UNION merges them: a page costs `limit + 1` index entries per id, however many
quotes the ids have. Past MAX_STREAMS ids (a surname hundreds of speakers share) the general plan reads
fewer. The fast paths' statements are built once per shape with every value bound, so a request pays
neither for building SQL nor for SQLAlchemy working out its cache key.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import cast

from sqlalchemy import (
    ColumnElement,
    CompoundSelect,
    Connection,
    Date,
    Select,
    SQLColumnExpression,
    bindparam,
    select,
    union,
    union_all,
)
from sqlmodel import Session, col

from app.queries.keyset import (
    KeysetPosition,
    QuoteSort,
    SortKey,
    after_ascending,
    in_section,
    page_order,
    read_sections,
)
from app.queries.selection import DATE_FILTERS, FILTER_NAMES, QuoteFilters, QuoteSelection
from app.store.base import DateKeys
from app.store.models import Quote, QuoteTopic

MAX_STREAMS = 64
KeysReader = Callable[[Connection, QuoteSelection, int, "KeysetPosition | None", bool], DateKeys]


def general_keys(
    connection: Connection, selection: QuoteSelection, count: int, after: KeysetPosition | None, descending: bool
) -> DateKeys:
    """(id, said_on) of up to `count` matching quotes after `after`, in date order: the general plan."""
    row_id, said_on = col(Quote.id), col(Quote.said_on)
    matching = select(row_id, said_on).where(*selection.where())

    def section(dated: bool, positioned: bool) -> Select:
        return in_section(matching, row_id, said_on, descending=descending, dated=dated, positioned=positioned)

    return read_sections(connection, section, {}, count, after, dated_only=selection.dated_only)


# --- the fast paths ---------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class StreamIndex:
    """An index that yields quotes in date order, all of them or those of one id (`stream_id`)."""

    stream_id: SQLColumnExpression | None  # None: one stream over every quote
    row_id: SQLColumnExpression  # the quote id
    said_on: SQLColumnExpression
    on_quotes: bool  # its rows are `quotes` rows; else they are joined to `quotes` to test other filters
    shares_quotes: bool = False  # two streams may hold the same quote (a quote carries several topics)


DATE_INDEX = StreamIndex(None, col(Quote.id), col(Quote.said_on), on_quotes=True)  # ix_quotes_said_on_id
SPEAKER_INDEX = StreamIndex(col(Quote.speaker_id), col(Quote.id), col(Quote.said_on), on_quotes=True)
TOPIC_INDEX = StreamIndex(
    col(QuoteTopic.topic_id), col(QuoteTopic.quote_id), col(QuoteTopic.said_on), on_quotes=False, shares_quotes=True
)


def streams_statement(
    index: StreamIndex,
    streams: int,
    first_day: bool,
    last_day: bool,
    descending: bool,
    dated: bool,
    positioned: bool,
    tested: tuple[ColumnElement[bool], ...] = (),
) -> Select | CompoundSelect:
    """One section of `streams` streams of `index` (ids bound as `:stream_0`...), each cut to a page and
    merged in SQL (a UNION where streams may share a quote, dropping the copy), every quote also
    meeting `tested`."""
    arms = []
    for number in range(streams):
        arm: Select = select(index.row_id.label("id"), index.said_on.label("said_on"))
        if index.stream_id is not None:
            arm = arm.where(index.stream_id == bindparam(f"stream_{number}"))
        if first_day:
            arm = arm.where(index.said_on >= bindparam("first_day", type_=Date))
        if last_day:
            arm = arm.where(index.said_on <= bindparam("last_day", type_=Date))
        if tested and not index.on_quotes:
            arm = arm.join(Quote, col(Quote.id) == index.row_id)
        arms.append(
            in_section(
                arm.where(*tested),
                index.row_id,
                index.said_on,
                descending=descending,
                dated=dated,
                positioned=positioned,
            )
        )
    if streams == 1:
        return arms[0]
    merge = union if index.shares_quotes else union_all
    merged = merge(*(select(*arm.subquery().c) for arm in arms))
    order = page_order(merged.selected_columns.id, merged.selected_columns.said_on, descending=descending, dated=dated)
    return merged.order_by(*order).limit(bindparam("count"))


plain_streams_statement = cache(streams_statement)  # the statements of streams with no other filter


def stream_keys(
    connection: Connection,
    index: StreamIndex,
    stream_ids: Sequence[int | None],
    tested: tuple[ColumnElement[bool], ...],
    selection: QuoteSelection,
    count: int,
    after: KeysetPosition | None,
    descending: bool,
) -> DateKeys:
    """(id, said_on) of up to `count` quotes of the streams `stream_ids` of `index` after `after`."""
    shape = (index, len(stream_ids), selection.first_day is not None, selection.last_day is not None, descending)

    def section(dated: bool, positioned: bool) -> Select | CompoundSelect:
        if tested:
            return streams_statement(*shape, dated, positioned, tested)
        return plain_streams_statement(*shape, dated, positioned)

    values: dict[str, object] = {f"stream_{number}": stream_id for number, stream_id in enumerate(stream_ids)}
    values |= {"first_day": selection.first_day, "last_day": selection.last_day}
    return read_sections(connection, section, values, count, after, dated_only=selection.dated_only)


def date_index_keys(
    connection: Connection, selection: QuoteSelection, count: int, after: KeysetPosition | None, descending: bool
) -> DateKeys:
    return stream_keys(connection, DATE_INDEX, (None,), (), selection, count, after, descending)


def speaker_streams_keys(
    connection: Connection, selection: QuoteSelection, count: int, after: KeysetPosition | None, descending: bool
) -> DateKeys:
    tested = selection.where(speakers=False, dates=False)
    stream_ids = cast(tuple[int, ...], selection.speaker_ids)
    return stream_keys(connection, SPEAKER_INDEX, stream_ids, tested, selection, count, after, descending)


def topic_streams_keys(
    connection: Connection, selection: QuoteSelection, count: int, after: KeysetPosition | None, descending: bool
) -> DateKeys:
    tested = selection.where(topics=False, dates=False)
    stream_ids = cast(tuple[int, ...], selection.topic_ids)
    return stream_keys(connection, TOPIC_INDEX, stream_ids, tested, selection, count, after, descending)


def fulltext_index_keys(
    connection: Connection, selection: QuoteSelection, count: int, after: KeysetPosition | None, descending: bool
) -> DateKeys:
    assert selection.by_date is not None, "usable only where the backend reads matches in date order"
    position = None if after is None else (cast(date | None, after.key), after.id)
    return selection.by_date.keys(
        connection,
        count,
        descending=descending,
        after=position,
        first_day=selection.first_day,
        last_day=selection.last_day,
    )


def always(selection: QuoteSelection) -> bool:
    return True


@dataclass(frozen=True, slots=True)
class FastPath:
    """A plan reading pages straight from one index in page order, for the filter sets it declares:
    one of `reads` (whose index it reads; none: the date index), any of `beside` (tested on each
    quote it reads), nothing else."""

    name: str
    reads: frozenset[str]
    beside: frozenset[str]
    keys: KeysReader
    usable: Callable[[QuoteSelection], bool] = always  # what the filters resolved to allows it

    def serves(self, given: frozenset[str]) -> bool:
        return (bool(given & self.reads) or not self.reads) and given <= self.reads | self.beside


EVERY_FILTER = frozenset(FILTER_NAMES)
SPEAKER_FILTERS = frozenset({"speaker", "speaker_id"})

FAST_PATHS: tuple[FastPath, ...] = (  # the first that serves a filter set and is usable reads its pages
    FastPath(
        "fulltext_index",  # the backend's full-text index in date order (SQLite: rowid ranges of quotes_fts)
        reads=frozenset({"q"}),
        beside=DATE_FILTERS,
        keys=fulltext_index_keys,
        usable=lambda selection: selection.by_date is not None,
    ),
    FastPath(
        "topic_streams",  # (topic_id, said_on, quote_id) of quote_topics, a stream per topic id
        reads=frozenset({"topic"}),
        beside=EVERY_FILTER,
        keys=topic_streams_keys,
        usable=lambda selection: len(selection.topic_ids or ()) <= MAX_STREAMS,
    ),
    FastPath(
        "speaker_streams",  # (speaker_id, said_on, id) of quotes, a stream per speaker id
        reads=SPEAKER_FILTERS,
        beside=EVERY_FILTER,
        keys=speaker_streams_keys,
        usable=lambda selection: len(selection.speaker_ids or ()) <= MAX_STREAMS,
    ),
    FastPath("date_index", reads=frozenset(), beside=DATE_FILTERS, keys=date_index_keys),  # (said_on, id) of quotes
)


def fast_path_for(given: frozenset[str]) -> FastPath | None:
    """The fast path registered for a filter set, if any."""
    return next((path for path in FAST_PATHS if path.serves(given)), None)


def reads_one_index_in_order(filters: QuoteFilters, sort: QuoteSort) -> bool:
    """Whether a page is read straight from an index, every entry read on the page (about a
    millisecond): a fast path serves the filters, and the only others are dates. Ranking every match
    (sort=relevance), the general plan and a fast path testing other filters on each quote (a walk
    whose length depends on how the filters overlap) may take longer."""
    if sort == "relevance":
        return False
    given = filters.given
    path = fast_path_for(given)
    return path is not None and given <= path.reads | DATE_FILTERS


def date_sorted_keys(
    session: Session, selection: QuoteSelection, count: int, after: KeysetPosition | None, *, descending: bool
) -> DateKeys:
    """(id, said_on) of up to `count` matching quotes after `after`: dated in date order, then undated by id."""
    if selection.nothing:
        return []
    usable = (path for path in FAST_PATHS if path.serves(selection.given) and path.usable(selection))
    keys = next((path.keys for path in usable), general_keys)
    return keys(session.connection(), selection, count, after, descending)


def relevance_sorted_keys(
    session: Session, selection: QuoteSelection, count: int, after: KeysetPosition | None
) -> list[tuple[int, float]]:
    """(id, rank) of up to `count` full-text matches after `after`, most relevant first (one plan)."""
    if selection.nothing:  # a filter that matches nothing leaves no full-text query to rank
        return []
    assert selection.ranked is not None, "relevance needs q"
    ranked = selection.ranked
    rank, quote_id = ranked.c.rank, ranked.c.quote_id
    where = selection.where(fulltext=False)
    statement = select(quote_id, rank)
    if where:  # with q alone, joining `quotes` would only cost a lookup per match (118k: 300 ms instead of 80)
        statement = statement.join(Quote, col(Quote.id) == quote_id).where(*where)
    statement = statement.order_by(rank, quote_id).limit(count)
    if after is not None:
        statement = statement.where(after_ascending(rank, quote_id, after))
    return [(found_id, found_rank) for found_id, found_rank in session.connection().execute(statement)]


def page_keys(
    session: Session, selection: QuoteSelection, sort: QuoteSort, count: int, after: KeysetPosition | None
) -> Sequence[tuple[int, SortKey]]:
    """(id, sort key) of up to `count` matching quotes after `after`, in the order of `sort`."""
    if sort == "relevance":
        return relevance_sorted_keys(session, selection, count, after)
    return date_sorted_keys(session, selection, count, after, descending=sort == "newest")
