"""The API items of a page of quotes: each quote with its speaker, article and topics embedded."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

from pydantic import BaseModel
from sqlalchemy import bindparam, func, select
from sqlmodel import Session, col

from app.store.models import Article, ArticleRef, Quote, QuotePublic, QuoteTopic, Speaker, SpeakerRef, Topic

# Read from the models, so a field added to QuotePublic (and its table) reaches every item.
QUOTE_FIELDS = tuple(name for name in QuotePublic.model_fields if name in Quote.model_fields)
SPEAKER_FIELDS = tuple(SpeakerRef.model_fields)
ARTICLE_FIELDS = tuple(ArticleRef.model_fields)
QUOTE_COLUMNS = tuple(getattr(Quote, name) for name in QUOTE_FIELDS)
SPEAKER_COLUMNS = tuple(getattr(Speaker, name) for name in SPEAKER_FIELDS)
ARTICLE_COLUMNS = tuple(getattr(Article, name) for name in ARTICLE_FIELDS)


# A quote's topics as one string, "kind<US>name<US>kind<US>name...": read with the quote (a second
# query cost more than the subquery), put in order here. US, the ASCII unit separator, is in no
# topic name (terms are words and spaces; subject names are a taxonomy's).
TOPIC_SEPARATOR = "\x1f"
TOPICS_OF_QUOTE = (
    select(func.aggregate_strings(col(Topic.kind) + TOPIC_SEPARATOR + col(Topic.name), TOPIC_SEPARATOR))
    .join_from(QuoteTopic, Topic, col(Topic.id) == col(QuoteTopic.topic_id))
    .where(col(QuoteTopic.quote_id) == col(Quote.id))
    .scalar_subquery()
)
# Built once: a page's ids go in as one expanding parameter, so no request pays for building the
# statement, and it runs on the session's connection without the ORM's execution layer (it selects
# columns, not objects).
ITEMS_STATEMENT = (
    select(*QUOTE_COLUMNS, *SPEAKER_COLUMNS, *ARTICLE_COLUMNS, TOPICS_OF_QUOTE)
    .join(Article, col(Article.id) == col(Quote.article_id))
    .outerjoin(Speaker, col(Speaker.id) == col(Quote.speaker_id))
    .where(col(Quote.id).in_(bindparam("ids", expanding=True)))
)
SPEAKER_START = len(QUOTE_FIELDS)
ARTICLE_START = SPEAKER_START + len(SPEAKER_FIELDS)
TOPICS_AT = ARTICLE_START + len(ARTICLE_FIELDS)

Model = TypeVar("Model", bound=BaseModel)
_set_attribute = object.__setattr__


def trusted(model: type[Model], values: dict[str, Any]) -> Model:
    """A `model` holding `values` unvalidated, as `model.model_construct(**values)` makes it, in half the time.

    For values read from our own tables, which are already of the fields' types. Every field must be
    given (a KeyError names one that is not). The values are put in the order of the fields, which is
    the order a model's JSON follows.
    """
    fields = model.__pydantic_fields__
    item = object.__new__(model)
    _set_attribute(item, "__dict__", {name: values[name] for name in fields})
    _set_attribute(item, "__pydantic_fields_set__", set(fields))
    _set_attribute(item, "__pydantic_extra__", None)
    _set_attribute(item, "__pydantic_private__", None)
    return item


def quote_items(session: Session, ids: Sequence[int]) -> list[QuotePublic]:
    """The API items of quotes `ids`, in that order, with speaker, article and topics embedded."""
    if not ids:
        return []
    ids = list(ids)
    items: dict[int, QuotePublic] = {}
    for row in session.connection().execute(ITEMS_STATEMENT, {"ids": ids}):
        values = dict(zip(QUOTE_FIELDS, row[:SPEAKER_START]))
        speaker_values = dict(zip(SPEAKER_FIELDS, row[SPEAKER_START:ARTICLE_START]))
        values["speaker"] = trusted(SpeakerRef, speaker_values) if speaker_values["id"] is not None else None
        values["article"] = trusted(ArticleRef, dict(zip(ARTICLE_FIELDS, row[ARTICLE_START:TOPICS_AT])))
        values["topics"] = topic_names(row[TOPICS_AT])
        items[values["id"]] = trusted(QuotePublic, values)
    return [items[i] for i in ids if i in items]


def topic_names(joined: str | None) -> list[str]:
    """The topic names in a quote's topics string: subjects, then terms, each kind by name."""
    if not joined:
        return []
    parts = joined.split(TOPIC_SEPARATOR)
    return [name for _, name in sorted(zip(parts[::2], parts[1::2]))]
