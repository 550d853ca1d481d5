"""How many quotes were said in each month: a speaker's or a topic's record over time.

Read from the same indexes as their pages ((speaker_id, said_on, id) and (topic_id, said_on,
quote_id)), so counting never touches the quote rows. Undated quotes are left out.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import ColumnElement, SQLColumnExpression, String, func, select
from sqlmodel import Session, col

from app.store.models import Quote, QuoteTopic

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
    month = func.substr(said_on, 1, 7, type_=String)  # days are stored as YYYY-MM-DD
    statement = select(month, counted).where(owner.in_(list(ids)), said_on.is_not(None)).group_by(month).order_by(month)
    return [(str(m), int(n)) for m, n in session.execute(statement)]
