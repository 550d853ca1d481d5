"""The ids and sort keys of one page of quotes: in date order (newest/oldest) or by full-text rank.

Only `(id, key)` pairs are read here, from indexes where the filters allow; `quote_items` then loads
the page. A speaker or topic filter can name several ids (two speakers called Marsh; a topic term
and a subject); SQLite cannot merge several index ranges in order, and would sort every quote of
all of them. So each id is read as its own stream, already in date order, from the
(speaker_id, said_on, id) or (topic_id, said_on, quote_id) index, and the few rows of each stream
are merged here: a page costs `limit + 1` rows per id, however many quotes the ids have. Past
MAX_STREAMS ids (a common surname), one query over all of them costs less than a query per id.

A full-text query with no other filter but dates is read from the full-text index itself, which
holds the matches in date order (see `app.store`): a page of the commonest word costs `limit + 1`
index entries too.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import cache
from typing import cast

from sqlalchemy import ColumnElement, Date, Integer, Select, SQLColumnExpression, bindparam, select, tuple_
from sqlmodel import Session, col

from app.queries.keyset import KeysetPosition, after_ascending, after_in_date_order
from app.queries.selection import QuoteSelection
from app.store.base import DateKeys
from app.store.models import Quote, QuoteTopic

KeyColumns = tuple[SQLColumnExpression, SQLColumnExpression]  # (id, said_on)
Stream = tuple[KeyColumns, Callable[[KeyColumns], Select]]
MAX_STREAMS = 8


def date_sorted_keys(
    session: Session, selection: QuoteSelection, count: int, after: KeysetPosition | None, *, descending: bool
) -> DateKeys:
    """(id, said_on) of up to `count` matching quotes after `after`: dated in date order, then undated by id."""
    if selection.nothing:
        return []
    if selection.by_date is not None:
        position = None if after is None else (cast(date | None, after.key), after.id)
        return selection.by_date.keys(
            session.connection(),
            count,
            descending=descending,
            after=position,
            first_day=selection.first_day,
            last_day=selection.last_day,
        )
    merged: dict[int, date | None] = {}
    plain = plain_streams(selection)
    if plain is not None:
        source, stream_ids = plain
        for stream_id in stream_ids:
            merged.update(plain_section_keys(session, source, stream_id, selection, count, after, descending))
    else:
        for stream in date_streams(selection):
            merged.update(section_keys(session, stream, count, after, descending))
    return in_date_order(list(merged.items()), descending)[:count]


def plain_streams(selection: QuoteSelection) -> tuple[str, tuple[int | None, ...]] | None:
    """For a selection of speakers, topics or dates alone (the common requests): the index the
    streams read ("speaker", "topic" or "quotes") and the id of each stream; None for any other."""
    if selection.conditions or selection.fulltext is not None:
        return None
    if selection.topic_ids is not None:
        if selection.speaker_ids is None and len(selection.topic_ids) <= MAX_STREAMS:
            return "topic", selection.topic_ids
        return None
    if selection.speaker_ids is not None:
        return ("speaker", selection.speaker_ids) if len(selection.speaker_ids) <= MAX_STREAMS else None
    return "quotes", (None,)


def plain_section_keys(
    session: Session,
    source: str,
    stream_id: int | None,
    selection: QuoteSelection,
    count: int,
    after: KeysetPosition | None,
    descending: bool,
) -> DateKeys:
    """`section_keys` for a plain stream, with statements built once per shape (see plain_statement)."""
    dated_range = selection.first_day is not None or selection.last_day is not None
    shape = (source, selection.first_day is not None, selection.last_day is not None, descending)
    values = {
        "stream_id": stream_id,
        "first_day": selection.first_day,
        "last_day": selection.last_day,
        "after_on": None if after is None else after.key,
        "after_id": None if after is None else after.id,
    }
    connection = session.connection()
    rows: DateKeys = []
    if after is None or after.key is not None:
        statement = plain_statement(*shape, dated=True, positioned=after is not None)
        rows = [
            (found_id, found_on) for found_id, found_on in connection.execute(statement, {**values, "count": count})
        ]
    if len(rows) < count and not dated_range:  # a date range leaves out undated quotes
        positioned = after is not None and after.key is None
        statement = plain_statement(*shape, dated=False, positioned=positioned)
        rows += [
            (found_id, found_on)
            for found_id, found_on in connection.execute(statement, {**values, "count": count - len(rows)})
        ]
    return rows


@cache
def plain_statement(
    source: str, first_day: bool, last_day: bool, descending: bool, *, dated: bool, positioned: bool
) -> Select:
    """The statement of one section of a plain stream, every value a bound parameter: built once per
    shape, so a request pays neither for building it nor for SQLAlchemy working out its cache key."""
    columns: KeyColumns
    if source == "topic":
        columns = col(QuoteTopic.quote_id), col(QuoteTopic.said_on)
    else:
        columns = col(Quote.id), col(Quote.said_on)
    row_id, said_on = columns
    statement = select(row_id, said_on)
    if source == "topic":
        statement = statement.where(col(QuoteTopic.topic_id) == bindparam("stream_id"))
    elif source == "speaker":
        statement = statement.where(col(Quote.speaker_id) == bindparam("stream_id"))
    if first_day:
        statement = statement.where(said_on >= bindparam("first_day", type_=Date))
    if last_day:
        statement = statement.where(said_on <= bindparam("last_day", type_=Date))
    order: tuple[SQLColumnExpression, ...]
    if dated:
        statement = statement.where(said_on.is_not(None))
        if positioned:
            pair, bound = tuple_(said_on, row_id), tuple_(bindparam("after_on", type_=Date), bindparam("after_id"))
            statement = statement.where(pair < bound if descending else pair > bound)
        order = (said_on.desc(), row_id.desc()) if descending else (said_on, row_id)
    else:
        statement = statement.where(said_on.is_(None))
        if positioned:
            statement = statement.where(
                row_id < bindparam("after_id") if descending else row_id > bindparam("after_id")
            )
        order = (row_id.desc(),) if descending else (row_id,)
    return statement.order_by(*order).limit(bindparam("count", type_=Integer))


def date_streams(selection: QuoteSelection) -> list[Stream]:
    """One stream per topic id, else one per speaker id, else a single stream over `quotes`."""
    quote_columns: KeyColumns = (col(Quote.id), col(Quote.said_on))
    if selection.topic_ids is not None and len(selection.topic_ids) <= MAX_STREAMS:
        topic_columns: KeyColumns = (col(QuoteTopic.quote_id), col(QuoteTopic.said_on))
        where = selection.where(topics=False, dates=False)
        dates = selection.date_range(col(QuoteTopic.said_on))

        def of_topic(topic_id: int) -> Callable[[KeyColumns], Select]:
            def base(columns: KeyColumns) -> Select:
                statement = select(*columns).where(col(QuoteTopic.topic_id) == topic_id, *dates)
                if where:
                    statement = statement.join(Quote, col(Quote.id) == col(QuoteTopic.quote_id)).where(*where)
                return statement

            return base

        return [(topic_columns, of_topic(topic_id)) for topic_id in selection.topic_ids]

    def of_quotes(speaker_id: int | None = None) -> Stream:
        where = selection.where(speaker_id=speaker_id)
        return quote_columns, lambda columns: select(*columns).where(*where)

    if selection.speaker_ids is not None and 1 < len(selection.speaker_ids) <= MAX_STREAMS:
        return [of_quotes(speaker_id) for speaker_id in selection.speaker_ids]
    return [of_quotes()]


def section_keys(
    session: Session, stream: Stream, count: int, after: KeysetPosition | None, descending: bool
) -> DateKeys:
    """Up to `count` (id, said_on) rows of a stream after `after`: the dated section, then the undated one."""
    columns, base = stream
    row_id, said_on = columns
    in_dated_section = True
    position_condition: ColumnElement[bool] = said_on.is_not(None)
    if after is not None:
        position_condition, in_dated_section = after_in_date_order(said_on, row_id, after, descending)
    rows: DateKeys = []
    if in_dated_section:
        order = (said_on.desc(), row_id.desc()) if descending else (said_on, row_id)
        statement = base(columns).where(position_condition).order_by(*order).limit(count)
        rows = [(found_id, found_on) for found_id, found_on in session.connection().execute(statement)]
        position_condition = said_on.is_(None)
    if len(rows) < count:
        statement = (
            base(columns)
            .where(position_condition)
            .order_by(row_id.desc() if descending else row_id)
            .limit(count - len(rows))
        )
        rows += [(found_id, found_on) for found_id, found_on in session.connection().execute(statement)]
    return rows


def in_date_order(rows: DateKeys, descending: bool) -> DateKeys:
    dated = sorted(((i, d) for i, d in rows if d is not None), key=lambda row: (row[1], row[0]), reverse=descending)
    undated = sorted(((i, d) for i, d in rows if d is None), reverse=descending)
    return [*dated, *undated]


def relevance_sorted_keys(
    session: Session, selection: QuoteSelection, count: int, after: KeysetPosition | None
) -> list[tuple[int, float]]:
    """(id, rank) of up to `count` full-text matches after `after`, most relevant first."""
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
