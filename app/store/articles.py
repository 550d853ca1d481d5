"""Articles: store one with its quotes, speakers, aliases and topics in one transaction; delete one.

    result = save_article(session, ArticleIn(title=..., text=..., url=...), extracted_quotes)
    result.status  # "new" | "updated" | "unchanged"
    add_article(session, article, extracted_quotes)   # the same, in the caller's transaction (a batch)

`app.ingest` is the one caller that saves: `ingest_article` extracts the quotes, then calls save_article;
`quotewire ingest` extracts in a pool of processes and writes batches with add_article.

An article is stored whole or not at all: any exception rolls the session back and is re-raised.
Same content (title and text) as a stored article: "unchanged", nothing written. Same URL with
new content: the article's text and quotes are replaced ("updated"). Speakers are merged across
articles as `app.speakers` describes; quotes are linked to topics by `app.store.topics` and join
the occurrence group of the same words in other articles (`app.verify.groups`); the
newsroom's corrections (`app.corrections`) are applied again to an article saved again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, fields
from datetime import date
from typing import Any, Literal

from sqlalchemy import delete, func, insert, select
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session, col

from app.corrections import apply_reassignments
from app.extract.records import Quote as ExtractedQuote
from app.speakers import Attribution, SpeakerResolver, prune_speakers
from app.store.backends import backend_for
from app.store.keys import source_key
from app.store.models import Article, ArticleIn, Quote, metadata
from app.store.topics import link_topics
from app.verify.groups import group_new_quotes
from app.verify.search import index_quotes

SaveStatus = Literal["new", "updated", "unchanged"]
# A write a concurrent writer spoiled (a unique key it took first, a deadlock the server broke) is
# tried again, from the start, up to this many times in all, then raised.
WRITE_ATTEMPTS = 5
# The extractor's fields stored as they are: a field added to both the record and the table is stored.
QUOTES = metadata.tables[Quote.__tablename__]
EXTRACTED_COLUMNS = tuple(field.name for field in fields(ExtractedQuote) if field.name in Quote.model_fields)


@dataclass(frozen=True, slots=True)
class SaveResult:
    status: SaveStatus
    article_id: int
    quote_count: int


def content_hash(article: ArticleIn) -> str:
    """sha256 of the title and text: two articles with the same hash are the same content."""
    content = f"{article.title or ''}\x1f{article.text}"
    return hashlib.sha256(content.encode("utf-8")).hexdigest()


def save_article(session: Session, article: ArticleIn, quotes: list[ExtractedQuote]) -> SaveResult:
    """Store `article` with the quotes extracted from it, or find it already stored; commits.

    Callers go through `app.ingest.ingest_article`, which extracts the quotes first.
    """
    digest = content_hash(article)
    try:
        stored = _find_by_hash(session, digest)
        if stored is not None:
            return stored
        for attempt in range(WRITE_ATTEMPTS):
            try:
                result = _write_article(session, article, digest, quotes)
                session.commit()
                return result
            except DBAPIError as error:
                session.rollback()
                if not backend_for(session.get_bind().dialect.name).is_transient(error):
                    raise
                stored = _find_by_hash(session, digest)  # a concurrent writer stored the same content
                if stored is not None:
                    return stored
                if attempt == WRITE_ATTEMPTS - 1:
                    raise
        raise AssertionError("unreachable")
    except BaseException:
        session.rollback()
        raise


def add_article(session: Session, article: ArticleIn, quotes: list[ExtractedQuote]) -> SaveResult:
    """`save_article` inside the caller's transaction, which commits many articles at once (a batch).

    Whatever it raises leaves the transaction spoiled: the caller rolls it back (savepoints would
    keep the other articles, but SQLite's Python driver commits when it releases one).
    """
    digest = content_hash(article)
    stored = _find_by_hash(session, digest)
    return stored if stored is not None else _write_article(session, article, digest, quotes)


def stored_copy(session: Session, article: ArticleIn) -> SaveResult | None:
    """The stored article with the same content (title and text) as `article`, as "unchanged"; None if none."""
    return _find_by_hash(session, content_hash(article))


def delete_article(session: Session, article_id: int) -> bool:
    """Delete an article with its quotes (and speakers left without quotes); False when it does not exist."""
    try:
        article = session.get(Article, article_id)
        if article is None:
            return False
        speaker_ids = _speaker_ids_of(session, article_id)
        session.delete(article)
        session.flush()  # ON DELETE CASCADE removes its quotes and their topic links
        prune_speakers(session, speaker_ids)
        session.commit()
        return True
    except BaseException:
        session.rollback()
        raise


def _find_by_hash(session: Session, digest: str) -> SaveResult | None:
    article_id = session.scalar(select(col(Article.id)).where(col(Article.content_hash) == digest))
    if article_id is None:
        return None
    count = session.scalar(select(func.count()).select_from(Quote).where(col(Quote.article_id) == article_id))
    return SaveResult(status="unchanged", article_id=article_id, quote_count=count or 0)


def _speaker_ids_of(session: Session, article_id: int) -> set[int]:
    rows = session.scalars(
        select(col(Quote.speaker_id)).where(col(Quote.article_id) == article_id, col(Quote.speaker_id).is_not(None))
    )
    return {speaker_id for speaker_id in rows if speaker_id is not None}


def _write_article(session: Session, article: ArticleIn, digest: str, quotes: list[ExtractedQuote]) -> SaveResult:
    row = session.scalars(select(Article).where(col(Article.url) == article.url)).first() if article.url else None
    status: SaveStatus = "new"
    replaced_speakers: set[int] = set()
    if row is None:
        row = Article(text=article.text, content_hash=digest)
        session.add(row)
    else:
        status = "updated"
        replaced_speakers = _speaker_ids_of(session, stored_id(row))
        session.execute(delete(Quote).where(col(Quote.article_id) == row.id))
    row.title, row.url, row.source, row.author = article.title, article.url, article.source, article.author
    row.published_at, row.text, row.content_hash = article.published, article.text, digest
    row.source_key = source_key(article.source)
    session.flush()
    article_id = stored_id(row)

    resolver = SpeakerResolver(session)
    speakers = resolver.resolve_all([q.speaker for q in quotes])
    values = [_quote_values(article_id, quote, speakers, article.published) for quote in quotes]
    quote_ids = _insert_quotes(session, values)
    link_topics(session, quotes, quote_ids, [v["said_on"] for v in values])
    texts = [quote.text for quote in quotes]
    index_quotes(session, quote_ids, texts)
    group_new_quotes(session, article_id, quote_ids, texts)
    if status == "updated":
        apply_reassignments(session, article_id)
    resolver.reconcile(article_id)
    prune_speakers(session, replaced_speakers)
    return SaveResult(status=status, article_id=article_id, quote_count=len(quote_ids))


def _quote_values(
    article_id: int, quote: ExtractedQuote, speakers: Mapping[Any, Attribution], published: date | None
) -> dict:
    attribution = speakers.get(quote.speaker)
    values = {name: getattr(quote, name) for name in EXTRACTED_COLUMNS}
    values.update(
        article_id=article_id,
        speaker_id=attribution.speaker.id if attribution else None,
        speaker_name=attribution.name if attribution else None,
        speaker_corrected=attribution.corrected if attribution else False,
        mention=quote.speaker.mention if quote.speaker else None,
        said_on=quote.said_on or published,
    )
    return values


def stored_id(row: Article) -> int:
    """The id of an article row the session has flushed."""
    if row.id is None:
        raise RuntimeError("the article row has no id: it was not flushed")
    return row.id


def _insert_quotes(session: Session, values: list[dict]) -> list[int]:
    """Insert quote rows in one bulk statement (no ORM objects: ingest speed); their ids in order."""
    if not values:
        return []
    statement = insert(QUOTES).returning(QUOTES.c.id, sort_by_parameter_order=True)  # the table: no ORM work per row
    return list(session.scalars(statement, values))
