"""Quote filters made SQL, in one place: `/quotes`, its CSV export and `/speakers/{id}/quotes` all use it."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, FromClause, Select, func, select
from sqlmodel import Session

from app.models import Article, Quote, QuoteTopic
from app.queries.topics import topic_ids_matching
from app.speaker_keys import speaker_ids_matching
from app.store import FullTextMatch, backend_for
from app.store.sqlite import FTS_TABLE

# How a full-text filter is best tested depends on how many quotes match (see fulltext_condition).
FEW_FULLTEXT_MATCHES = 2_000
MANY_FULLTEXT_MATCHES = 50_000
# A window of newest candidates holds WINDOW_MARGIN times the matches a page needs, on average, so it
# seldom falls short; past MAX_WINDOW_CANDIDATES candidates the window costs more than the walk.
WINDOW_MARGIN = 2.0
MAX_WINDOW_CANDIDATES = 1_500
# Testing one quote on the walk costs as much as reading this many doclist entries (~20 ns each): the
# test seeks the quote in every segment of the FTS index, ~7 us with one segment, ~30 us with 13.
TEST_COST_IN_DOCLIST_ENTRIES = 240
TEST_COST_PER_INDEX_SEGMENT = 100


@dataclass(frozen=True, slots=True)
class FullTextWindow:
    """A common word's matches, to join against a window of the newest (or oldest) candidate quotes.

    ids:      a SELECT of the matching quote ids (the FTS doclist, read once in rowid order).
    matches:  the estimated number of matches; density: the estimated share of quotes that match.
    segments: how many segments the FTS index has (a merged index has one).
    """

    ids: Select
    matches: int
    density: float
    segments: int

    def candidates_for(self, count: int) -> int | None:
        """How many candidates to read for `count` matches, or None when a window would not pay: when
        the window grows too long (a rarer word), or when reading every match costs more than the
        ~count / density tests of the walk (a word in a large share of many quotes)."""
        candidates = int(WINDOW_MARGIN * count / self.density) + 1
        walk_cost = count / self.density * (TEST_COST_IN_DOCLIST_ENTRIES + TEST_COST_PER_INDEX_SEGMENT * self.segments)
        if candidates > MAX_WINDOW_CANDIDATES or self.matches > walk_cost:
            return None
        return candidates


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

    conditions:  WHERE clauses on `quotes` (article, source, kind).
    speaker_ids: with a speaker filter, a quote must be by one of these.
    topic_ids:   with a topic filter, a quote must carry one of these.
    first_day, last_day: the said_on range (date, from, to), either end open.
    fulltext:    the WHERE clause for `q`; ranked: its matches with their rank (for sort=relevance).
    window:      for a common word, its matches to join against a window of date-ordered candidates,
                 which a page tries before the `fulltext` walk (see `app.queries.quote_keys`).
    nothing:     a filter names nothing stored, so no query needs to run.

    Speakers, topics and dates are kept apart because a page reads best one id at a time, each from
    its own index in date order, with the date range on that index (see `app.queries.quote_keys`).
    """

    conditions: tuple[ColumnElement[bool], ...] = ()
    speaker_ids: tuple[int, ...] | None = None
    topic_ids: tuple[int, ...] | None = None
    first_day: date | None = None
    last_day: date | None = None
    fulltext: ColumnElement[bool] | None = None
    ranked: FromClause | None = None
    window: FullTextWindow | None = None
    nothing: bool = False

    def where(self, *, speaker_id: int | None = None, topics: bool = True, dates: bool = True,
              fulltext: bool = True) -> tuple[ColumnElement[bool], ...]:
        """The conditions on `quotes`; with `speaker_id`, for that one of the speakers only. A caller
        reading quote_topics itself leaves out `topics` and `dates` (and applies dates there); one
        joining the ranked matches leaves out `fulltext`."""
        where = list(self.conditions)
        if speaker_id is not None:
            where.append(Quote.speaker_id == speaker_id)
        elif self.speaker_ids is not None:
            where.append(Quote.speaker_id.in_(self.speaker_ids) if len(self.speaker_ids) > 1
                         else Quote.speaker_id == self.speaker_ids[0])
        if topics and self.topic_ids is not None:
            tagged = select(QuoteTopic.quote_id).where(QuoteTopic.topic_id.in_(self.topic_ids))
            where.append(Quote.id.in_(tagged))
        if dates:
            where += self.date_range(Quote.said_on)
        if fulltext and self.fulltext is not None:
            where.append(self.fulltext)
        return tuple(where)

    def date_range(self, said_on: ColumnElement) -> list[ColumnElement[bool]]:
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
        speaker_ids = set(session.connection().execute(speaker_ids_matching(filters.speaker)).scalars())
    if filters.speaker_id is not None:
        speaker_ids = {filters.speaker_id} if speaker_ids is None else speaker_ids & {filters.speaker_id}
    topic_ids = None
    if filters.topic is not None:
        topic_ids = tuple(session.connection().execute(topic_ids_matching(filters.topic)).scalars().all())
    first_day = max(filter(None, (filters.said_on, filters.said_from)), default=None)
    last_day = min(filter(None, (filters.said_on, filters.said_to)), default=None)
    if speaker_ids == set() or topic_ids == () or (first_day and last_day and first_day > last_day):
        return QuoteSelection(nothing=True)
    conditions: list[ColumnElement[bool]] = []
    if filters.article_id is not None:
        conditions.append(Quote.article_id == filters.article_id)
    if filters.source is not None:
        conditions.append(Quote.article_id.in_(select(Article.id).where(source_condition(session, filters.source))))
    if filters.kind is not None:
        conditions.append(Quote.kind == filters.kind)
    fulltext = ranked = window = None
    if filters.q is not None:
        match = backend_for(session.get_bind().dialect.name).fulltext(filters.q)
        (fulltext, window), ranked = fulltext_plan(session, match), match.ranked
    return QuoteSelection(conditions=tuple(conditions), first_day=first_day, last_day=last_day,
                          speaker_ids=tuple(sorted(speaker_ids)) if speaker_ids is not None else None,
                          topic_ids=topic_ids, fulltext=fulltext, ranked=ranked, window=window)


def source_condition(session: Session, source: str) -> ColumnElement[bool]:
    """Articles of `source`, case-insensitively: by the source index when the case is exact (the usual
    case), else by comparing every article's source folded."""
    if session.scalar(select(Article.id).where(Article.source == source).limit(1)) is not None:
        return Article.source == source
    return func.lower(Article.source) == source.casefold()


def fulltext_plan(session: Session, match: FullTextMatch) -> tuple[ColumnElement[bool], FullTextWindow | None]:
    """The WHERE clause for `q`, shaped for the number of matches, and for many matches a window too.

    Few:  `id IN (matches)`: SQLite looks up every match and sorts them; fast for a rare word,
          slow for a common one (100k matches: 100+ ms).
    More: the same test on `id + 0`, which cannot drive the query, so SQLite walks the date index in
          page order, testing each quote against the match list it builds once, and stops after a page.
    Many: a correlated EXISTS per quote on that walk, which skips building the list of 50k+ matches.
          Each test costs ~25 us, ~250 tests a page; so a page first joins the word's matches (one
          pass over its FTS doclist, ~3 ms for 100k) with a window of the newest candidates, and
          walks only when the window holds too few (see FullTextWindow).
    """
    if match.ids is None:
        return match.condition, None
    matches, quotes = estimated_matches(session, match.ids)
    if matches < FEW_FULLTEXT_MATCHES:
        return match.condition, None
    if matches < MANY_FULLTEXT_MATCHES:
        return (Quote.id + 0).in_(match.ids), None
    matched_id = match.ids.selected_columns[0]
    window = FullTextWindow(ids=match.ids, matches=matches, density=min(1.0, matches / max(1, quotes)),
                            segments=fulltext_segments(session))
    return match.ids.where(matched_id == Quote.id).exists(), window


def fulltext_segments(session: Session) -> int:
    """How many segments SQLite's FTS5 index has now (a few microseconds: one row per index page)."""
    return session.connection().exec_driver_sql(f"SELECT count(DISTINCT segid) FROM {FTS_TABLE}_idx").scalar() or 0


def estimated_matches(session: Session, ids: Select) -> tuple[int, int]:
    """How many quotes `ids` matches (exact below FEW_FULLTEXT_MATCHES, else from a bounded sample),
    and about how many quotes there are (the highest id; only estimated for a sample).

    Counting 50,000 matches reads 50,000 ids (1.4 ms at 1M quotes, on every request for a common
    word). The newest FEW_FULLTEXT_MATCHES matches by id tell how densely the word occurs; spread
    over every quote, that density is the estimate, counted exactly only when it falls below
    MANY_FULLTEXT_MATCHES. A wrong estimate only picks a slower plan, never other quotes.
    """
    matched_id = ids.selected_columns[0]
    newest = ids.order_by(matched_id.desc()).limit(FEW_FULLTEXT_MATCHES).subquery()
    sampled, lowest_id = session.execute(select(func.count(), func.min(newest.c[0]))).one()
    if sampled < FEW_FULLTEXT_MATCHES:
        return sampled, sampled
    highest_id = session.scalar(select(func.max(Quote.id))) or lowest_id
    estimate = sampled * highest_id // max(1, highest_id - lowest_id + 1)
    if estimate >= MANY_FULLTEXT_MATCHES:
        return estimate, highest_id
    counted = select(func.count()).select_from(ids.limit(MANY_FULLTEXT_MATCHES).subquery())
    return session.scalar(counted) or 0, highest_id
