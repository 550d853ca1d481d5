"""Writes: store an article with its quotes, speakers, aliases and topics in one transaction; delete one.

    result = save_article(session, ArticleIn(title=..., text=..., url=...))
    result.status  # "new" | "updated" | "unchanged"

An article is stored whole or not at all: any exception rolls the session back and is re-raised.
Same content (title and text) as a stored article: "unchanged", nothing written. Same URL with
new content: the article's text and quotes are replaced ("updated"). Speakers are merged across
articles as `app.speakers` describes; the newsroom's corrections (`app.corrections`) are applied
again to an article saved again.
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from datetime import date
from typing import Literal

from sqlalchemy import delete, func, insert, select
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from app.extract import extract_quotes
from app.extract.records import Quote as ExtractedQuote
from app.models import Article, ArticleIn, Quote, QuoteTopic, Topic
from app.corrections import apply_reassignments
from app.speakers import Attribution, SpeakerResolver, prune_speakers
from app.taxonomy import get_taxonomy, slugify

SaveStatus = Literal["new", "updated", "unchanged"]
Extractor = Callable[..., list[ExtractedQuote]]
WRITE_ATTEMPTS = 2  # a unique-key race with a concurrent writer is retried once, then raised


@dataclass(frozen=True, slots=True)
class SaveResult:
    status: SaveStatus
    article_id: int
    quote_count: int


def content_hash(article: ArticleIn) -> str:
    """sha256 of the title and text: two articles with the same hash are the same content."""
    content = f"{article.title or ''}\x1f{article.text}"
    return hashlib.sha256(content.encode("utf-8")).hexdigest()


def save_article(session: Session, article: ArticleIn, *, extractor: Extractor | None = None) -> SaveResult:
    """Extract the quotes of `article` and store it with them, or find it already stored; commits.

    `extractor` defaults to `app.extract.extract_quotes` with the configured taxonomy (looked up at call time).
    """
    digest = content_hash(article)
    try:
        stored = _find_by_hash(session, digest)
        if stored is not None:
            return stored
        extract = extractor or partial(extract_quotes, taxonomy=get_taxonomy())
        quotes = extract(article.text, title=article.title, published=article.published)
        for attempt in range(WRITE_ATTEMPTS):
            try:
                result = _write_article(session, article, digest, quotes)
                session.commit()
                return result
            except IntegrityError:
                session.rollback()
                stored = _find_by_hash(session, digest)  # a concurrent writer stored the same content
                if stored is not None:
                    return stored
                if attempt == WRITE_ATTEMPTS - 1:
                    raise
        raise AssertionError("unreachable")
    except BaseException:
        session.rollback()
        raise


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
    article_id = session.scalar(select(Article.id).where(Article.content_hash == digest))
    if article_id is None:
        return None
    count = session.scalar(select(func.count()).select_from(Quote).where(Quote.article_id == article_id))
    return SaveResult(status="unchanged", article_id=article_id, quote_count=count or 0)


def _speaker_ids_of(session: Session, article_id: int) -> set[int]:
    rows = session.scalars(select(Quote.speaker_id).where(Quote.article_id == article_id, Quote.speaker_id.is_not(None)))
    return set(rows)


def _write_article(session: Session, article: ArticleIn, digest: str, quotes: list[ExtractedQuote]) -> SaveResult:
    row = session.scalar(select(Article).where(Article.url == article.url)) if article.url else None
    status: SaveStatus = "new"
    replaced_speakers: set[int] = set()
    if row is None:
        row = Article(text=article.text, content_hash=digest)
        session.add(row)
    else:
        status = "updated"
        replaced_speakers = _speaker_ids_of(session, row.id)
        session.execute(delete(Quote).where(Quote.article_id == row.id))
    row.title, row.url, row.source, row.author = article.title, article.url, article.source, article.author
    row.published_at, row.text, row.content_hash = article.published, article.text, digest
    session.flush()

    resolver = SpeakerResolver(session)
    speakers = resolver.resolve_all([q.speaker for q in quotes])
    values = [_quote_values(row.id, quote, speakers, article.published) for quote in quotes]
    quote_ids = _insert_quotes(session, values)
    _link_topics(session, quotes, quote_ids, [v["said_on"] for v in values])
    if status == "updated":
        apply_reassignments(session, row.id)
    resolver.reconcile(row.id)
    prune_speakers(session, replaced_speakers)
    return SaveResult(status=status, article_id=row.id, quote_count=len(quote_ids))


def _quote_values(article_id: int, quote: ExtractedQuote, speakers: dict[object, Attribution],
                  published: date | None) -> dict:
    attribution = speakers.get(quote.speaker)
    return {
        "article_id": article_id,
        "speaker_id": attribution.speaker.id if attribution else None,
        "speaker_name": attribution.name if attribution else None,
        "speaker_corrected": attribution.corrected if attribution else False,
        "mention": quote.speaker.mention if quote.speaker else None,
        "text": quote.text,
        "start": quote.start,
        "end": quote.end,
        "context": quote.context,
        "cue": quote.cue,
        "kind": quote.kind,
        "said_on": quote.said_on or published,
        "sieve": quote.sieve,
        "confidence": quote.confidence,
    }


def _insert_quotes(session: Session, values: list[dict]) -> list[int]:
    """Insert quote rows in one bulk statement (no ORM objects: ingest speed); their ids in order."""
    if not values:
        return []
    statement = insert(Quote).returning(Quote.id, sort_by_parameter_order=True)
    return list(session.scalars(statement, values))


@dataclass(slots=True)
class _WantedTopic:
    name: str
    kind: str  # "term" or "subject"
    code: str | None = None
    broader: str | None = None


def _link_topics(session: Session, quotes: list[ExtractedQuote], quote_ids: list[int], dates: list[date | None]) -> None:
    """Link each quote to its key terms (kind "term") and its ranked subjects, top level and narrower
    (kind "subject", with the score). A term spelled like a subject ("election") files the quote under
    that subject (without a score)."""
    taxonomy = get_taxonomy()
    wanted: dict[str, _WantedTopic] = {}
    per_quote: list[dict[str, float | None]] = []  # per quote: topic slug -> subject score (None for a term)
    for quote in quotes:
        scores: dict[str, float | None] = {}
        for ranked in (*quote.subjects, *quote.subject_details):
            subject = taxonomy.by_slug.get(ranked.slug)
            if subject is not None:
                wanted[subject.slug] = _WantedTopic(subject.name, "subject", subject.code, subject.broader)
                scores[subject.slug] = ranked.score
        for term in quote.topics:
            slug = slugify(term)
            if not slug or slug in scores:
                continue
            subject = taxonomy.by_slug.get(slug)
            wanted[slug] = (_WantedTopic(subject.name, "subject", subject.code, subject.broader) if subject
                            else wanted.get(slug) or _WantedTopic(term, "term"))
            scores[slug] = None
        per_quote.append(scores)
    topic_ids = _topic_ids(session, wanted)
    rows = [
        {"quote_id": quote_id, "topic_id": topic_ids[slug], "said_on": said_on, "score": score}
        for quote_id, said_on, scores in zip(quote_ids, dates, per_quote)
        for slug, score in scores.items()
    ]
    if rows:
        session.execute(insert(QuoteTopic), rows)


def _topic_ids(session: Session, wanted: dict[str, _WantedTopic]) -> dict[str, int]:
    """Ids of the topics with these slugs, creating the missing ones (and promoting terms to subjects)."""
    existing = {t.slug: t for t in session.scalars(select(Topic).where(Topic.slug.in_(list(wanted))))} if wanted else {}
    for slug, want in wanted.items():
        topic = existing.get(slug)
        if topic is None:
            existing[slug] = topic = Topic(slug=slug, name=want.name, kind=want.kind, code=want.code,
                                           broader=want.broader)
            session.add(topic)
        elif want.kind == "subject" and (topic.kind, topic.name, topic.code, topic.broader) != (
                want.kind, want.name, want.code, want.broader):
            topic.kind, topic.name, topic.code, topic.broader = want.kind, want.name, want.code, want.broader
    session.flush()
    return {slug: topic.id for slug, topic in existing.items()}
