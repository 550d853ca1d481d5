"""Quote counts per speaker, article or topic: the figure every listing shows beside an item."""

from __future__ import annotations

from sqlalchemy import SQLColumnExpression, func, select
from sqlmodel import Session


def quote_counts(session: Session, column: SQLColumnExpression, ids: list[int]) -> dict[int, int]:
    """How many rows hold each of `ids` in `column` (Quote.speaker_id, Quote.article_id, QuoteTopic.topic_id)."""
    return dict(session.execute(select(column, func.count()).where(column.in_(ids)).group_by(column)).all())
