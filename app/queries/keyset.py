"""Keyset pagination over quotes sorted by date: the position after which the next page starts.

Quotes without a date (`said_on` NULL) come after every dated quote, in both date orders, as in SQL's
`NULLS LAST`. A page is read from the dated section with a row-value comparison an index can seek on
(`(said_on, id) < (:key, :id)`), then, when the dated rows run out, from the undated section by id; so
no page needs an OFFSET and no page costs more than `limit + 1` index steps. `in_section` builds a
section's statement, `read_sections` reads a page from them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Generic, Literal, TypeVar

from sqlalchemy import (
    ColumnElement,
    Connection,
    Date,
    Executable,
    Integer,
    Select,
    SQLColumnExpression,
    bindparam,
    tuple_,
)

from app.store.base import DateKeys

QuoteSort = Literal["newest", "oldest", "relevance"]
SortKey = date | float | int | str | None
Item = TypeVar("Item")


@dataclass(frozen=True, slots=True)
class KeysetPosition:
    """The last row of a page: its sort key (a date, a rank, a name key...) and its id."""

    sort: str
    key: SortKey
    id: int


def page_order(
    row_id: SQLColumnExpression, said_on: SQLColumnExpression, *, descending: bool, dated: bool
) -> tuple[SQLColumnExpression, ...]:
    """The ORDER BY of a section: (said_on, id) for the dated one, id for the undated one."""
    if dated:
        return (said_on.desc(), row_id.desc()) if descending else (said_on, row_id)
    return (row_id.desc(),) if descending else (row_id,)


def in_section(
    statement: Select,
    row_id: SQLColumnExpression,
    said_on: SQLColumnExpression,
    *,
    descending: bool,
    dated: bool,
    positioned: bool,
) -> Select:
    """`statement` cut to one section, after the bound position (`:after_on`, `:after_id`) when
    `positioned`, in page order, at most `:count` rows. Every value is bound, so the statement can
    be built once and run for any page."""
    after_id = bindparam("after_id", type_=Integer)
    if dated:
        statement = statement.where(said_on.is_not(None))
        if positioned:
            pair, bound = tuple_(said_on, row_id), tuple_(bindparam("after_on", type_=Date), after_id)
            statement = statement.where(pair < bound if descending else pair > bound)
    else:
        statement = statement.where(said_on.is_(None))
        if positioned:
            statement = statement.where(row_id < after_id if descending else row_id > after_id)
    order = page_order(row_id, said_on, descending=descending, dated=dated)
    return statement.order_by(*order).limit(bindparam("count", type_=Integer))


SectionStatement = Callable[[bool, bool], Executable]  # (dated, positioned) -> the statement of that section


def read_sections(
    connection: Connection,
    statement_for: SectionStatement,
    values: dict[str, object],
    count: int,
    after: KeysetPosition | None,
    *,
    dated_only: bool,
) -> DateKeys:
    """(id, said_on) of up to `count` quotes after `after`: from the dated section, then, while the page
    is short, from the undated one (which a date range leaves out)."""
    values = {
        **values,
        "after_on": None if after is None else after.key,
        "after_id": None if after is None else after.id,
    }
    rows: DateKeys = []
    if after is None or after.key is not None:
        statement = statement_for(True, after is not None)
        rows = [
            (found_id, found_on) for found_id, found_on in connection.execute(statement, {**values, "count": count})
        ]
    if len(rows) < count and not dated_only:
        statement = statement_for(False, after is not None and after.key is None)
        found = connection.execute(statement, {**values, "count": count - len(rows)})
        rows += [(found_id, found_on) for found_id, found_on in found]
    return rows


def after_ascending(
    key: SQLColumnExpression, row_id: SQLColumnExpression, position: KeysetPosition
) -> ColumnElement[bool]:
    """Rows after `position` in (key, id) ascending order; the key is never NULL."""
    return tuple_(key, row_id) > tuple_(position.key, position.id)


@dataclass(frozen=True, slots=True)
class KeysetPage(Generic[Item]):
    """One page of a listing and the position the next page starts after (None on the last page)."""

    items: list[Item]
    next: KeysetPosition | None


def split_page(keys: Sequence[tuple[int, SortKey]], limit: int, sort: str) -> tuple[list[int], KeysetPosition | None]:
    """The ids of a page from `limit + 1` (id, sort key) rows, and the position after it when more follow."""
    page = list(keys[:limit])
    next_position = KeysetPosition(sort=sort, key=page[-1][1], id=page[-1][0]) if len(keys) > limit else None
    return [row_id for row_id, _ in page], next_position
