"""Quote filters made SQL, in one place: `/quotes`, its CSV export and `/speakers/{id}/quotes` all use it."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, FromClause, func, select
from sqlmodel import Session

from app.models import Article, Quote
from app.queries.topics import topic_ids_matching
from app.speaker_keys import speaker_ids_matching
from app.store import backend_for


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
    """Filters made SQL.

    conditions: WHERE clauses on `quotes`.
    topic_ids:  with a topic filter, a quote must carry one of these (pages then come from the
                quote_topics index, one topic at a time).
    ranked:     the full-text matches with their rank, for `q`.
    nothing:    a speaker or topic filter names nothing stored, so no query needs to run.
    """

    conditions: tuple[ColumnElement[bool], ...] = ()
    topic_ids: tuple[int, ...] | None = None
    ranked: FromClause | None = None
    nothing: bool = False


def quote_selection(session: Session, filters: QuoteFilters) -> QuoteSelection:
    """The one place filters become SQL. Raises FullTextSyntaxError for a malformed `q`.

    Speaker and topic names are resolved to ids first (small indexed lookups), so the quote query
    compares plain ids and SQLite can read pages straight from an index in date order.
    """
    conditions: list[ColumnElement[bool]] = []
    topic_ids = ranked = None
    if filters.speaker is not None:
        speaker_ids = session.scalars(speaker_ids_matching(filters.speaker)).all()
        if not speaker_ids:
            return QuoteSelection(nothing=True)
        conditions.append(Quote.speaker_id == speaker_ids[0] if len(speaker_ids) == 1
                          else Quote.speaker_id.in_(speaker_ids))
    if filters.speaker_id is not None:
        conditions.append(Quote.speaker_id == filters.speaker_id)
    if filters.topic is not None:
        topic_ids = tuple(session.scalars(topic_ids_matching(session, filters.topic)).all())
        if not topic_ids:
            return QuoteSelection(nothing=True)
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
    return QuoteSelection(conditions=tuple(conditions), topic_ids=topic_ids, ranked=ranked)

