"""The ids and sort keys of one page of quotes: in date order (newest/oldest) or by full-text rank.

Only `(id, key)` pairs are read here, from indexes where the filters allow; `quote_items` then loads
the page. With a topic filter, each matching topic's rows are read from the quote_topics index
(topic_id, said_on, quote_id) already in date order, and the few rows per topic are merged here,
so a page never sorts every quote of a popular topic.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import date

from sqlalchemy import ColumnElement, Select, select
from sqlmodel import Session

from app.models import Quote, QuoteTopic
from app.queries.keyset import KeysetPosition, after_ascending, after_in_date_order
from app.queries.selection import QuoteSelection

DateKeys = list[tuple[int, date | None]]


def date_sorted_keys(session: Session, selection: QuoteSelection, count: int, after: KeysetPosition | None,
                     *, descending: bool) -> DateKeys:
    """(id, said_on) of up to `count` matching quotes after `after`: dated in date order, then undated by id."""
    if selection.nothing:
        return []
    if selection.topic_ids is None:
        def from_quotes(columns: tuple) -> Select:
            return select(*columns).where(*selection.conditions)
        return section_keys(session, (Quote.id, Quote.said_on), from_quotes, count, after, descending)
    merged: dict[int, date | None] = {}
    for topic_id in selection.topic_ids:
        def from_topic(columns: tuple, topic_id: int = topic_id) -> Select:
            statement = select(*columns).where(QuoteTopic.topic_id == topic_id)
            if selection.conditions:
                statement = statement.join(Quote, Quote.id == QuoteTopic.quote_id).where(*selection.conditions)
            return statement
        merged.update(section_keys(session, (QuoteTopic.quote_id, QuoteTopic.said_on), from_topic, count, after,
                                   descending))
    return in_date_order(list(merged.items()), descending)[:count]


def section_keys(session: Session, columns: tuple[ColumnElement, ColumnElement], base: Callable[[tuple], Select],
                 count: int, after: KeysetPosition | None, descending: bool) -> DateKeys:
    """Up to `count` (id, said_on) rows of `base` after `after`: the dated section, then the undated one."""
    row_id, said_on = columns
    in_dated_section = True
    position_condition = said_on.is_not(None)
    if after is not None:
        position_condition, in_dated_section = after_in_date_order(said_on, row_id, after, descending)
    rows: DateKeys = []
    if in_dated_section:
        order = (said_on.desc(), row_id.desc()) if descending else (said_on, row_id)
        statement = base(columns).where(position_condition).order_by(*order).limit(count)
        rows = [(found_id, found_on) for found_id, found_on in session.exec(statement)]
        position_condition = said_on.is_(None)
    if len(rows) < count:
        statement = (base(columns).where(position_condition)
                     .order_by(row_id.desc() if descending else row_id).limit(count - len(rows)))
        rows += [(found_id, found_on) for found_id, found_on in session.exec(statement)]
    return rows


def in_date_order(rows: DateKeys, descending: bool) -> DateKeys:
    dated = sorted(((i, d) for i, d in rows if d is not None), key=lambda row: (row[1], row[0]), reverse=descending)
    undated = sorted(((i, d) for i, d in rows if d is None), reverse=descending)
    return dated + undated


def relevance_sorted_keys(session: Session, selection: QuoteSelection, count: int,
                          after: KeysetPosition | None) -> list[tuple[int, float]]:
    """(id, rank) of up to `count` full-text matches after `after`, most relevant first."""
    assert selection.ranked is not None, "relevance needs q"
    if selection.nothing:
        return []
    rank = selection.ranked.c.rank
    statement = (select(Quote.id, rank).join(selection.ranked, selection.ranked.c.quote_id == Quote.id)
                 .where(*selection.conditions).order_by(rank, Quote.id).limit(count))
    if selection.topic_ids is not None:
        statement = statement.where(Quote.id.in_(select(QuoteTopic.quote_id)
                                                 .where(QuoteTopic.topic_id.in_(selection.topic_ids))))
    if after is not None:
        statement = statement.where(after_ascending(rank, Quote.id, after))
    return [(found_id, found_rank) for found_id, found_rank in session.exec(statement)]
