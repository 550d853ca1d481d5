"""Keyset pagination over quotes sorted by date: the position after which the next page starts.

Quotes without a date (`said_on` NULL) come after every dated quote, in both date orders, as in SQL's
`NULLS LAST`. A page is read from the dated section with a row-value comparison an index can seek on
(`(said_on, id) < (:key, :id)`), then, when the dated rows run out, from the undated section by id; so
no page needs an OFFSET and no page costs more than `limit + 1` index steps.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Generic, Literal, TypeVar

from sqlalchemy import ColumnElement, SQLColumnExpression, and_, tuple_

QuoteSort = Literal["newest", "oldest", "relevance"]
SortKey = date | float | int | str | None
Item = TypeVar("Item")


@dataclass(frozen=True, slots=True)
class KeysetPosition:
    """The last row of a page: its sort key (a date, a rank, a name key...) and its id."""

    sort: str
    key: SortKey
    id: int


def after_in_date_order(
    said_on: SQLColumnExpression, row_id: SQLColumnExpression, position: KeysetPosition, descending: bool
) -> tuple[ColumnElement[bool], bool]:
    """The condition for rows after `position` in its section, and whether that section is the dated one."""
    if position.key is None:
        return and_(said_on.is_(None), row_id < position.id if descending else row_id > position.id), False
    pair, bound = tuple_(said_on, row_id), tuple_(position.key, position.id)
    return and_(said_on.is_not(None), pair < bound if descending else pair > bound), True


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
