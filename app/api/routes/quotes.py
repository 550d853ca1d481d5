"""`/quotes`: the filtered, keyset-paged list (JSON or CSV) and one quote by id."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from itertools import chain
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request, Response
from fastapi.responses import StreamingResponse
from sqlalchemy.exc import OperationalError
from sqlmodel import Session
from starlette.concurrency import run_in_threadpool

from app.api.csv_export import CSV_MEDIA_TYPE, csv_chunks
from app.api.cursor import decode_cursor
from app.api.deps import ReadKeyDep, SessionDep
from app.api.errors import Problem, invalid_parameter, problem_responses
from app.api.pages import Page, page_of
from app.api.schemas import MAX_ROW_ID, QuoteQuery, SpeakerQuoteQuery
from app.queries import KeysetPosition, QuoteFilters, QuotePage, get_quote, iter_quote_pages, quote_page
from app.queries.planner import reads_one_index_in_order
from app.queries.quotes import CSV_BATCH_SIZE
from app.store.base import FullTextSyntaxError
from app.store.models import QuotePublic
from app.verify.groups import with_group_counts

router = APIRouter(tags=["quotes"], dependencies=[ReadKeyDep])

LIST_ERRORS = problem_responses(400, 401, 403, 422)
CSV_CONTENT = {"text/csv": {"schema": {"type": "string"}, "example": "id,said_on,speaker_id,speaker,...\n"}}


def cursor_position(query: SpeakerQuoteQuery) -> KeysetPosition | None:
    if query.cursor is None:
        return None
    key_type = float if query.sort == "relevance" else date
    return decode_cursor(query.cursor, sort=query.sort, key_type=key_type)


def checked(query: SpeakerQuoteQuery) -> SpeakerQuoteQuery:
    """Reject combinations each parameter allows alone but not together."""
    if query.sort == "relevance" and query.q is None:
        raise invalid_parameter("sort", "relevance ranks full-text matches: give q too, or sort by newest/oldest")
    if query.said_from and query.said_to and query.said_from > query.said_to:
        raise invalid_parameter("from", f"{query.said_from} is after to={query.said_to}")
    return query


def read_page(
    session: Session,
    filters: QuoteFilters,
    query: SpeakerQuoteQuery,
    *,
    limit: int | None = None,
    after: KeysetPosition | None = None,
) -> QuotePage:
    """A page of quotes; malformed full-text syntax becomes a 400 naming `q`.

    The session hands its connection back to the pool as soon as the page is read, not when the
    response has been sent: under load, requests waiting to send held every pooled connection, and
    the next read on the event loop blocked it until one came back (p99 near a second).
    """
    try:
        return quote_page(session, filters, sort=query.sort, limit=limit or query.limit, after=after)
    except FullTextSyntaxError as exc:
        raise invalid_parameter("q", str(exc)) from None
    except OperationalError as exc:  # the engine rejected the search anyway: still the user's input
        if query.q is not None and "fts5" in str(exc).lower():
            raise invalid_parameter("q", "the full-text search could not be parsed") from None
        raise
    finally:
        session.close()


def wants_csv(request: Request) -> bool:
    accept = request.headers.get("accept", "")
    return "text/csv" in accept and "application/json" not in accept


def quote_list(request: Request, session: Session, query: SpeakerQuoteQuery, filters: QuoteFilters) -> Response:
    """The shared body of every quote list: JSON page, or the whole CSV when the client asks for it."""
    checked(query)
    after = cursor_position(query)
    if wants_csv(request):
        response: Response = csv_response(request, session, query, filters, after)
    else:
        page = read_page(session, filters, query, after=after)
        if filters.distinct:
            response = page_of(request, with_group_counts(session, page.items), page.next)
        else:
            response = page_of(request, page.items, page.next)
    response.headers["Vary"] = "Accept"  # the same URL answers JSON or CSV: caches must key on Accept
    return response


def csv_response(
    request: Request, session: Session, query: SpeakerQuoteQuery, filters: QuoteFilters, after: KeysetPosition | None
) -> StreamingResponse:
    """Every matching quote (from `cursor` on, `limit` ignored) as CSV, streamed in keyset batches."""
    first = read_page(session, filters, query, limit=CSV_BATCH_SIZE, after=after)  # errors surface before streaming
    engine = request.app.state.engine

    later_pages: Iterator[list[QuotePublic]] = iter(())
    if first.next is not None:
        later_pages = iter_quote_pages(
            lambda: Session(engine), filters, sort=query.sort, batch_size=CSV_BATCH_SIZE, after=first.next
        )
    chunks = csv_chunks(chain([first.items], later_pages))
    return StreamingResponse(
        chunks, media_type=CSV_MEDIA_TYPE, headers={"Content-Disposition": 'attachment; filename="quotes.csv"'}
    )


@router.get(
    "/quotes",
    response_model=Page[QuotePublic],
    summary="List quotes",
    description="Quotes matching every given filter, newest first by default, a keyset page at a time: "
    'follow `next_url` (or the `Link: rel="next"` header) until it is null. With '
    "`Accept: text/csv` the whole result is streamed as CSV, like `/quotes.csv`. Unknown "
    "parameters are an error (422), so a misspelt filter is never silently ignored. With `distinct=true` "
    "each item also says in how many articles (`occurrences`) and outlets (`outlets`) its words ran, and "
    "whether they name different speakers (`speakers_disagree`).",
    responses={
        **LIST_ERRORS,
        200: {
            "content": CSV_CONTENT,
            "description": "A page of quotes (JSON), or every match as CSV with Accept: text/csv.",
        },
    },
)
async def list_quotes(request: Request, session: SessionDep, query: Annotated[QuoteQuery, Query()]) -> Response:
    filters = query.filters()
    if reads_one_index_in_order(filters, query.sort):
        # a page of `limit + 1` index steps (about a millisecond): answering it here saves the
        # hand-off to a worker thread, which under load costs more than the read
        return quote_list(request, session, query, filters)
    return await run_in_threadpool(quote_list, request, session, query, filters)


@router.get(
    "/quotes.csv",
    response_class=StreamingResponse,
    summary="Export quotes as CSV",
    description="Every quote matching the filters of `/quotes`, as CSV with a header row, streamed in "
    "keyset batches (no page limit: `limit` is ignored; `cursor` starts after a JSON page).",
    responses={**LIST_ERRORS, 200: {"content": CSV_CONTENT, "description": "Every matching quote, as CSV."}},
)
def export_quotes(request: Request, session: SessionDep, query: Annotated[QuoteQuery, Query()]) -> StreamingResponse:
    checked(query)
    return csv_response(request, session, query, query.filters(), cursor_position(query))


@router.get(
    "/quotes/{quote_id}",
    response_model=QuotePublic,
    summary="Get one quote",
    operation_id="get_quote",
    description="One quote with its speaker, article, date, topics, offsets and context.",
    responses=problem_responses(401, 403, 404, 422),
)
def read_quote(
    session: SessionDep, quote_id: Annotated[int, Path(ge=1, le=MAX_ROW_ID, examples=[101], description="Quote id.")]
) -> QuotePublic:
    quote = get_quote(session, quote_id)
    if quote is None:
        raise Problem(404, f"There is no quote with id {quote_id}.", kind="quote-not-found")
    return quote
