"""Reading quotes: the filters of `/quotes`, built once in `quote_selection`, and keyset pages over them.

The JSON list, the CSV export and `/speakers/{id}/quotes` all go through `quote_page`, so a filter
behaves the same everywhere. A page is read in two steps: the ids and sort keys of `limit + 1` rows
(index-only where the filters allow), then the items for those ids with speaker, article and topics.
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import ColumnElement, FromClause, func, select
from sqlmodel import Session

from app.models import Article, ArticleRef, Quote, QuotePublic, QuoteTopic, Speaker, SpeakerRef, Topic
from app.queries.keyset import (KeysetPage, KeysetPosition, QuoteSort, after_ascending, after_in_date_order,
                                split_page)
from app.queries.topics import topic_ids_matching
from app.speaker_keys import speaker_ids_matching
from app.store import backend_for

CSV_BATCH_SIZE = 500


@dataclass(frozen=True, slots=True)
class QuoteFilters:
    """Every filter of `/quotes`; None means "any". All given filters must hold."""

    speaker: str | None = None
    speaker_id: int | None = None
    topic: str | None = None
    q: str | None = None
    said_on: date | None = None
    said_from: date | None = None
    said_to: date | None = None
    article_id: int | None = None
    source: str | None = None
    kind: str | None = None


@dataclass(frozen=True, slots=True)
class QuoteSelection:
    """The WHERE conditions for a set of filters, and the ranked full-text matches when `q` was given."""

    conditions: tuple[ColumnElement[bool], ...]
    ranked: FromClause | None


QuotePage = KeysetPage[QuotePublic]


def quote_selection(session: Session, filters: QuoteFilters) -> QuoteSelection:
    """The one place filters become SQL. Raises FullTextSyntaxError for a malformed `q`."""
    conditions: list[ColumnElement[bool]] = []
    ranked = None
    if filters.speaker is not None:
        conditions.append(Quote.speaker_id.in_(speaker_ids_matching(filters.speaker)))
    if filters.speaker_id is not None:
        conditions.append(Quote.speaker_id == filters.speaker_id)
    if filters.topic is not None:
        topic_ids = topic_ids_matching(session, filters.topic)
        conditions.append(Quote.id.in_(select(QuoteTopic.quote_id).where(QuoteTopic.topic_id.in_(topic_ids))))
    if filters.said_on is not None:
        conditions.append(Quote.said_on == filters.said_on)
    if filters.said_from is not None:
        conditions.append(Quote.said_on >= filters.said_from)
    if filters.said_to is not None:
        conditions.append(Quote.said_on <= filters.said_to)
    if filters.article_id is not None:
        conditions.append(Quote.article_id == filters.article_id)
    if filters.source is not None:
        same_source = func.lower(Article.source) == filters.source.casefold()
        conditions.append(Quote.article_id.in_(select(Article.id).where(same_source)))
    if filters.kind is not None:
        conditions.append(Quote.kind == filters.kind)
    if filters.q is not None:
        match = backend_for(session.get_bind().dialect.name).fulltext(filters.q)
        conditions.append(match.condition)
        ranked = match.ranked
    return QuoteSelection(conditions=tuple(conditions), ranked=ranked)


def quote_page(session: Session, filters: QuoteFilters, *, sort: QuoteSort = "newest", limit: int = 20,
               after: KeysetPosition | None = None) -> QuotePage:
    """One page of quotes matching `filters`, after `after`; `next` is set when more rows follow."""
    selection = quote_selection(session, filters)
    if sort == "relevance":
        rows = relevance_sorted_keys(session, selection, limit + 1, after)
    else:
        rows = date_sorted_keys(session, selection, limit + 1, after, descending=sort == "newest")
    ids, next_position = split_page(rows, limit, sort)
    return KeysetPage(items=quote_items(session, ids), next=next_position)


def iter_quote_pages(session: Session, filters: QuoteFilters, *, sort: QuoteSort = "newest",
                     batch_size: int = CSV_BATCH_SIZE) -> Iterator[list[QuotePublic]]:
    """Every matching quote, a keyset page at a time (for streaming exports)."""
    after = None
    while True:
        page = quote_page(session, filters, sort=sort, limit=batch_size, after=after)
        if page.items:
            yield page.items
        if page.next is None:
            return
        after = page.next


def date_sorted_keys(session: Session, selection: QuoteSelection, count: int, after: KeysetPosition | None,
                     *, descending: bool) -> list[tuple[int, date | None]]:
    """(id, said_on) of up to `count` rows after `after`: dated rows in date order, then undated by id."""
    in_dated_section = True
    position_condition = Quote.said_on.is_not(None)
    if after is not None:
        position_condition, in_dated_section = after_in_date_order(Quote.said_on, Quote.id, after, descending)
    rows: list[tuple[int, date | None]] = []
    if in_dated_section:
        order = (Quote.said_on.desc(), Quote.id.desc()) if descending else (Quote.said_on, Quote.id)
        statement = (select(Quote.id, Quote.said_on).where(*selection.conditions, position_condition)
                     .order_by(*order).limit(count))
        rows = [tuple(row) for row in session.exec(statement)]
        position_condition = Quote.said_on.is_(None)
    if len(rows) < count:
        statement = (select(Quote.id, Quote.said_on).where(*selection.conditions, position_condition)
                     .order_by(Quote.id.desc() if descending else Quote.id).limit(count - len(rows)))
        rows += [tuple(row) for row in session.exec(statement)]
    return rows


def relevance_sorted_keys(session: Session, selection: QuoteSelection, count: int,
                          after: KeysetPosition | None) -> list[tuple[int, float]]:
    """(id, rank) of up to `count` full-text matches after `after`, most relevant first."""
    assert selection.ranked is not None, "relevance needs q"
    rank = selection.ranked.c.rank
    statement = (select(Quote.id, rank).join(selection.ranked, selection.ranked.c.quote_id == Quote.id)
                 .where(*selection.conditions).order_by(rank, Quote.id).limit(count))
    if after is not None:
        statement = statement.where(after_ascending(rank, Quote.id, after))
    return [tuple(row) for row in session.exec(statement)]


def quote_items(session: Session, ids: Sequence[int]) -> list[QuotePublic]:
    """The API items of quotes `ids`, in that order, with speaker, article and topics embedded."""
    if not ids:
        return []
    statement = (
        select(Quote, Speaker.id, Speaker.name, Speaker.title, Article.id, Article.title, Article.url,
               Article.source, Article.published_at)
        .join(Article, Article.id == Quote.article_id)
        .outerjoin(Speaker, Speaker.id == Quote.speaker_id)
        .where(Quote.id.in_(ids))
    )
    topics = topics_by_quote(session, ids)
    items: dict[int, QuotePublic] = {}
    for quote, speaker_id, name, title, article_id, article_title, url, source, published_at in session.exec(statement):
        speaker = SpeakerRef(id=speaker_id, name=name, title=title) if speaker_id is not None else None
        article = ArticleRef(id=article_id, title=article_title, url=url, source=source, published_at=published_at)
        items[quote.id] = QuotePublic.model_validate(
            quote, update={"speaker": speaker, "article": article, "topics": topics.get(quote.id, [])})
    return [items[i] for i in ids if i in items]


def topics_by_quote(session: Session, ids: Sequence[int]) -> dict[int, list[str]]:
    statement = (select(QuoteTopic.quote_id, Topic.name).join(Topic, Topic.id == QuoteTopic.topic_id)
                 .where(QuoteTopic.quote_id.in_(ids)).order_by(QuoteTopic.quote_id, Topic.kind, Topic.name))
    topics: dict[int, list[str]] = {}
    for quote_id, name in session.exec(statement):
        topics.setdefault(quote_id, []).append(name)
    return topics


def get_quote(session: Session, quote_id: int) -> QuotePublic | None:
    items = quote_items(session, [quote_id])
    return items[0] if items else None


def with_filter(filters: QuoteFilters, **changes: object) -> QuoteFilters:
    """`filters` with some fields replaced (e.g. the speaker of `/speakers/{id}/quotes`)."""
    return replace(filters, **changes)
