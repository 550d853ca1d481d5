"""Reading quotes: keyset pages over the filters of `/quotes` (made SQL in `app.queries.selection`).

A page is read in two steps: the ids and sort keys of `limit + 1` rows (`app.queries.planner`, from
indexes where the filters allow), then the items for those ids with speaker, article and topics
(`quote_items`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from sqlmodel import Session

from app.queries.keyset import KeysetPage, KeysetPosition, QuoteSort, split_page
from app.queries.planner import page_keys
from app.queries.quote_items import quote_items
from app.queries.selection import QuoteFilters, QuoteSelection, quote_selection
from app.store.models import QuotePublic

CSV_BATCH_SIZE = 500

QuotePage = KeysetPage[QuotePublic]


def quote_page(
    session: Session,
    filters: QuoteFilters,
    *,
    sort: QuoteSort = "newest",
    limit: int = 20,
    after: KeysetPosition | None = None,
) -> QuotePage:
    """One page of quotes matching `filters`, after `after`; `next` is set when more rows follow."""
    return _selected_page(session, quote_selection(session, filters), sort, limit, after)


def _selected_page(
    session: Session, selection: QuoteSelection, sort: QuoteSort, limit: int, after: KeysetPosition | None
) -> QuotePage:
    ids, next_position = split_page(page_keys(session, selection, sort, limit + 1, after), limit, sort)
    return KeysetPage(items=quote_items(session, ids), next=next_position)


def iter_quote_pages(
    open_session: Callable[[], Session],
    filters: QuoteFilters,
    *,
    sort: QuoteSort = "newest",
    batch_size: int = CSV_BATCH_SIZE,
    after: KeysetPosition,
) -> Iterator[list[QuotePublic]]:
    """Every matching quote after `after`, a keyset page at a time (for streaming exports).

    Each page is read in a session of its own, closed before the page is handed on: a consumer that
    stops reading (a client of a streamed export) holds no database connection.
    """
    selection: QuoteSelection | None = None  # names resolved and the plan chosen once per export
    position: KeysetPosition | None = after
    while position is not None:
        with open_session() as session:
            if selection is None:
                selection = quote_selection(session, filters)
            page = _selected_page(session, selection, sort, batch_size, position)
        if page.items:
            yield page.items
        position = page.next


def get_quote(session: Session, quote_id: int) -> QuotePublic | None:
    items = quote_items(session, [quote_id])
    return items[0] if items else None
