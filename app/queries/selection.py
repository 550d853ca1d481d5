"""Quote filters made SQL, in one place: `/quotes`, its CSV export and `/speakers/{id}/quotes` all use it.

`QuoteFilters` declares the filters; `quote_selection` resolves names to ids and turns the rest into
WHERE clauses (`QuoteSelection`); `app.queries.planner` decides which index a page is read from.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date

from sqlalchemy import ColumnElement, FromClause, SQLColumnExpression, func, select
from sqlmodel import Session, col

from app.queries.topics import topic_ids_named
from app.speaker_keys import speaker_ids_named
from app.store.backends import backend_for
from app.store.base import DateOrderedSearch, FullTextMatch
from app.store.keys import source_key
from app.store.models import Article, Quote, QuoteTopic
from app.verify.groups import FIRST_OF_ITS_GROUP

# How `q` is tested alongside other filters depends on how many quotes match (see fulltext_plan).
FEW_FULLTEXT_MATCHES = 2_000
MANY_FULLTEXT_MATCHES = 50_000
# Past this many articles, a source's quotes are found by walking the date index (see source_articles_condition).
MANY_SOURCE_ARTICLES = 500


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
    distinct: bool = False  # each occurrence group once, at its first seen quote (app.verify.groups)

    @property
    def given(self) -> frozenset[str]:
        """The names of the filters given: what the planner chooses a plan by."""
        return frozenset(name for name in FILTER_NAMES if getattr(self, name) not in (None, False))


FILTER_NAMES = tuple(field.name for field in fields(QuoteFilters))
DATE_FILTERS = frozenset({"said_on", "said_from", "said_to"})


@dataclass(frozen=True, slots=True)
class QuoteSelection:
    """Filters made SQL.

    given:       the names of the filters given (`QuoteFilters.given`).
    conditions:  WHERE clauses on `quotes` (article, source, kind).
    speaker_ids: with a speaker filter, a quote must be by one of these.
    topic_ids:   with a topic filter, a quote must carry one of these.
    first_day, last_day: the said_on range (date, from, to), either end open.
    fulltext:    the WHERE clause for `q`; ranked: its matches with their rank (for sort=relevance).
    by_date:     `q`'s matches read from the full-text index in date order (None when the backend
                 cannot), how a page of `q` alone or with dates is read.
    nothing:     a filter names nothing stored, so no query needs to run.

    Speakers, topics and dates are kept apart because a page reads best one id at a time, each from
    its own index in date order, with the date range on that index (see `app.queries.planner`).
    """

    given: frozenset[str] = frozenset()
    conditions: tuple[ColumnElement[bool], ...] = ()
    speaker_ids: tuple[int, ...] | None = None
    topic_ids: tuple[int, ...] | None = None
    first_day: date | None = None
    last_day: date | None = None
    fulltext: ColumnElement[bool] | None = None
    ranked: FromClause | None = None
    by_date: DateOrderedSearch | None = None
    nothing: bool = False

    @property
    def dated_only(self) -> bool:
        """Whether a date range is given, which leaves out undated quotes."""
        return self.first_day is not None or self.last_day is not None

    def where(
        self, *, speakers: bool = True, topics: bool = True, dates: bool = True, fulltext: bool = True
    ) -> tuple[ColumnElement[bool], ...]:
        """Every filter as a condition on `quotes`. A caller reading the speaker or topic index itself
        leaves out `speakers` or `topics`, and `dates` when it bounds that index by date; one joining
        the ranked matches leaves out `fulltext`."""
        where = list(self.conditions)
        if speakers and self.speaker_ids is not None:
            where.append(
                col(Quote.speaker_id).in_(self.speaker_ids)
                if len(self.speaker_ids) > 1
                else col(Quote.speaker_id) == self.speaker_ids[0]
            )
        if topics and self.topic_ids is not None:
            tagged = select(col(QuoteTopic.quote_id)).where(col(QuoteTopic.topic_id).in_(self.topic_ids))
            where.append(col(Quote.id).in_(tagged))
        if dates:
            where += self.date_range(col(Quote.said_on))
        if fulltext and self.fulltext is not None:
            where.append(self.fulltext)
        return tuple(where)

    def date_range(self, said_on: SQLColumnExpression) -> list[ColumnElement[bool]]:
        """The said_on range as conditions on `said_on` (quotes.said_on or quote_topics.said_on)."""
        bounds = []
        if self.first_day is not None:
            bounds.append(said_on >= self.first_day)
        if self.last_day is not None:
            bounds.append(said_on <= self.last_day)
        return bounds


def quote_selection(session: Session, filters: QuoteFilters) -> QuoteSelection:
    """The one place filters become SQL. Raises FullTextSyntaxError for a malformed `q`.

    Speaker and topic names are resolved to ids first (small indexed lookups), so the quote query
    compares plain ids and SQLite can read pages straight from an index in date order.
    """
    speaker_ids: set[int] | None = None
    if filters.speaker is not None:
        speaker_ids = set(speaker_ids_named(session.connection(), filters.speaker))
    if filters.speaker_id is not None:
        speaker_ids = {filters.speaker_id} if speaker_ids is None else speaker_ids & {filters.speaker_id}
    topic_ids = None
    if filters.topic is not None:
        topic_ids = tuple(topic_ids_named(session.connection(), filters.topic))
    first_day = max(filter(None, (filters.said_on, filters.said_from)), default=None)
    last_day = min(filter(None, (filters.said_on, filters.said_to)), default=None)
    if speaker_ids == set() or topic_ids == () or (first_day and last_day and first_day > last_day):
        return QuoteSelection(nothing=True)
    conditions: list[ColumnElement[bool]] = []
    if filters.article_id is not None:
        conditions.append(col(Quote.article_id) == filters.article_id)
    if filters.source is not None:
        conditions.append(source_articles_condition(session, filters.source))
    if filters.kind is not None:
        conditions.append(col(Quote.kind) == filters.kind)
    if filters.distinct:
        conditions.append(FIRST_OF_ITS_GROUP)
    fulltext = ranked = by_date = None
    if filters.q is not None:
        match = backend_for(session.get_bind().dialect.name).fulltext(filters.q)
        ranked, by_date = match.ranked, match.date_ordered
        walks_another_index = not filters.given <= {"q"} | DATE_FILTERS
        fulltext = fulltext_plan(session, match) if walks_another_index or by_date is None else match.condition
    return QuoteSelection(
        given=filters.given,
        conditions=tuple(conditions),
        first_day=first_day,
        last_day=last_day,
        speaker_ids=tuple(sorted(speaker_ids)) if speaker_ids is not None else None,
        topic_ids=topic_ids,
        fulltext=fulltext,
        ranked=ranked,
        by_date=by_date,
    )


def source_articles_condition(session: Session, source: str) -> ColumnElement[bool]:
    """Quotes from articles of `source`. A source of few articles drives the query from its quotes,
    sorted afterwards; one of many (50k quotes of 1M: 35 ms to sort) is a test on `article_id + 0`,
    which SQLite cannot drive from, so it walks the date index in page order and stops after a page."""
    articles = select(col(Article.id)).where(col(Article.source_key) == source_key(source))
    counted = select(func.count()).select_from(articles.limit(MANY_SOURCE_ARTICLES).subquery())
    many = (session.scalar(counted) or 0) >= MANY_SOURCE_ARTICLES
    article_id = col(Quote.article_id) + 0 if many else col(Quote.article_id)
    return article_id.in_(articles)


def fulltext_plan(session: Session, match: FullTextMatch) -> ColumnElement[bool]:
    """The WHERE clause for `q` beside other filters (which pick the index a page is read from), shaped
    for the number of matches.

    Few:  `id IN (matches)`: SQLite looks up every match and sorts them; fast for a rare word.
    More: the same test on `id + 0`, which cannot drive the query, so SQLite walks the other filter's
          index in page order, testing each quote against the match list it builds once.
    Many: one seek in the full-text index per quote on that walk (`contains`), which skips building
          a list of 50k+ matches; a common word is met within a few quotes.
    """
    if match.ids is None or match.contains is None:
        return match.condition
    counted = select(func.count()).select_from(match.ids.limit(MANY_FULLTEXT_MATCHES).subquery())
    matches = session.scalar(counted) or 0
    if matches < FEW_FULLTEXT_MATCHES:
        return match.condition
    if matches < MANY_FULLTEXT_MATCHES:
        return (col(Quote.id) + 0).in_(match.ids)
    return match.contains
