"""The API items of a page of quotes: each quote with its speaker, article and topics embedded."""
from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import bindparam, select
from sqlmodel import Session

from app.models import Article, ArticleRef, Quote, QuotePublic, QuoteTopic, Speaker, SpeakerRef, Topic

QUOTE_FIELDS = ("id", "text", "start", "end", "context", "cue", "kind", "said_on", "mention", "sieve", "confidence")
SPEAKER_FIELDS = ("id", "name", "title")
ARTICLE_FIELDS = ("id", "title", "url", "source", "author", "published_at")
QUOTE_COLUMNS = tuple(getattr(Quote, name) for name in QUOTE_FIELDS)
SPEAKER_COLUMNS = tuple(getattr(Speaker, name) for name in SPEAKER_FIELDS)
ARTICLE_COLUMNS = tuple(getattr(Article, name) for name in ARTICLE_FIELDS)


# Built once: a page's ids go in as one expanding parameter, so no request pays for building these
# statements, and they run on the session's connection without the ORM's execution layer (they
# select columns, not objects).
ITEMS_STATEMENT = (
    select(*QUOTE_COLUMNS, *SPEAKER_COLUMNS, *ARTICLE_COLUMNS)
    .join(Article, Article.id == Quote.article_id)
    .outerjoin(Speaker, Speaker.id == Quote.speaker_id)
    .where(Quote.id.in_(bindparam("ids", expanding=True)))
)
TOPICS_STATEMENT = (
    select(QuoteTopic.quote_id, Topic.name).join(Topic, Topic.id == QuoteTopic.topic_id)
    .where(QuoteTopic.quote_id.in_(bindparam("ids", expanding=True)))
    .order_by(QuoteTopic.quote_id, Topic.kind, Topic.name)
)
SPEAKER_START = len(QUOTE_FIELDS)
ARTICLE_START = SPEAKER_START + len(SPEAKER_FIELDS)


def quote_items(session: Session, ids: Sequence[int]) -> list[QuotePublic]:
    """The API items of quotes `ids`, in that order, with speaker, article and topics embedded."""
    if not ids:
        return []
    ids = list(ids)
    topics = topics_by_quote(session, ids)
    items: dict[int, QuotePublic] = {}
    for row in session.connection().execute(ITEMS_STATEMENT, {"ids": ids}):
        values = dict(zip(QUOTE_FIELDS, row[:SPEAKER_START]))
        speaker_values = dict(zip(SPEAKER_FIELDS, row[SPEAKER_START:ARTICLE_START]))
        # rows straight from our own tables: built without re-validating every field
        values["speaker"] = SpeakerRef.model_construct(**speaker_values) if speaker_values["id"] is not None else None
        values["article"] = ArticleRef.model_construct(**dict(zip(ARTICLE_FIELDS, row[ARTICLE_START:])))
        values["topics"] = topics.get(values["id"], [])
        items[values["id"]] = QuotePublic.model_construct(**values)
    return [items[i] for i in ids if i in items]


def topics_by_quote(session: Session, ids: Sequence[int]) -> dict[int, list[str]]:
    topics: dict[int, list[str]] = {}
    for quote_id, name in session.connection().execute(TOPICS_STATEMENT, {"ids": list(ids)}):
        topics.setdefault(quote_id, []).append(name)
    return topics
