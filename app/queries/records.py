"""A speaker's or a topic's record: how many quotes were said in each month, and what their latest
quotes were about.

Months are counted from the same indexes as their pages ((speaker_id, said_on, id) and (topic_id,
said_on, quote_id)), so counting never touches the quote rows; undated quotes are left out. Topics are
counted over the latest RECENT_QUOTES quotes only, so the cost of a speaker's page does not grow with
their record (all 100,000 quotes of the most quoted speaker of the benchmark database would take a
second to count by topic).
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import ColumnElement, SQLColumnExpression, String, cast, func, select
from sqlmodel import Session, col

from app.queries.planner import date_sorted_keys
from app.queries.selection import QuoteFilters, quote_selection
from app.store.models import Quote, QuoteTopic, Topic, TopicPublic

RECENT_QUOTES = 500

MonthCounts = list[tuple[str, int]]  # ("2024-02", 17), oldest month first


def quotes_per_month_of_speakers(session: Session, speaker_ids: Sequence[int]) -> MonthCounts:
    """Quotes per month ("YYYY-MM") of these speakers, oldest first."""
    return _per_month(session, col(Quote.said_on), col(Quote.speaker_id), speaker_ids, func.count())


def quotes_per_month_of_topics(session: Session, topic_ids: Sequence[int]) -> MonthCounts:
    """Quotes per month ("YYYY-MM") filed under any of these topics (a subject and those under it), oldest
    first; a quote filed under two of them counts once."""
    quotes = func.count(col(QuoteTopic.quote_id).distinct()) if len(topic_ids) > 1 else func.count()
    return _per_month(session, col(QuoteTopic.said_on), col(QuoteTopic.topic_id), topic_ids, quotes)


def _per_month(
    session: Session,
    said_on: SQLColumnExpression,
    owner: SQLColumnExpression,
    ids: Sequence[int],
    counted: ColumnElement[int],
) -> MonthCounts:
    if not ids:
        return []
    month = func.substr(cast(said_on, String), 1, 7)  # a day as text is YYYY-MM-DD in every database
    statement = select(month, counted).where(owner.in_(list(ids)), said_on.is_not(None)).group_by(month).order_by(month)
    return [(str(m), int(n)) for m, n in session.execute(statement)]


def topics_of_latest_quotes(
    session: Session, filters: QuoteFilters, *, quotes: int = RECENT_QUOTES, limit: int = 10
) -> list[TopicPublic]:
    """The topics most often given to the latest `quotes` quotes matching `filters`, most first (ties by
    slug), each with the number of those quotes it was given to."""
    keys = date_sorted_keys(session, quote_selection(session, filters), quotes, None, descending=True)
    if not keys:
        return []
    n = func.count().label("n")
    counted = (
        select(col(QuoteTopic.topic_id), n)
        .where(col(QuoteTopic.quote_id).in_([quote_id for quote_id, _ in keys]))
        .group_by(col(QuoteTopic.topic_id))
        .subquery()
    )
    rows = session.execute(
        select(Topic, counted.c.n)
        .join(counted, counted.c.topic_id == col(Topic.id))
        .order_by(counted.c.n.desc(), col(Topic.slug))
        .limit(limit)
    )
    return [TopicPublic.model_validate(topic, update={"quote_count": count}) for topic, count in rows]
