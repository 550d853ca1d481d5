"""Topics of stored quotes: each quote linked to its key terms and its taxonomy subjects.

    link_topics(session, extracted_quotes, quote_ids, said_on_dates)   # inside save_article's transaction

A term spelled like a subject of the configured taxonomy (`app.store.taxonomy`) files the quote
under that subject; a topic row is made the first time its slug is met.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import insert, select
from sqlmodel import Session, col

from app.extract.records import Quote as ExtractedQuote
from app.store.backends import insert_skipping_duplicates
from app.store.models import QuoteTopic, Topic, metadata
from app.store.taxonomy import get_taxonomy, slugify

QUOTE_TOPICS = metadata.tables[QuoteTopic.__tablename__]


@dataclass(slots=True)
class _WantedTopic:
    name: str
    kind: str  # "term" or "subject"
    code: str | None = None
    broader: str | None = None


def link_topics(session: Session, quotes: list[ExtractedQuote], quote_ids: list[int], dates: list[date | None]) -> None:
    """Link each quote to its key terms (kind "term") and its ranked subjects, top level and narrower
    (kind "subject", with the score). Only the ranking files a quote under a subject: a key term spelled
    like one ("government" in "the government's plan") is left out, since `topic=` on a subject would
    return every quote that merely names it."""
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
            if not slug or slug in scores or slug in taxonomy.by_slug:
                continue
            wanted[slug] = wanted.get(slug) or _WantedTopic(term, "term")
            scores[slug] = None
        per_quote.append(scores)
    topic_ids = _topic_ids(session, wanted)
    rows = [
        {"quote_id": quote_id, "topic_id": topic_ids[slug], "said_on": said_on, "score": score}
        for quote_id, said_on, scores in zip(quote_ids, dates, per_quote)
        for slug, score in scores.items()
    ]
    if rows:
        session.execute(insert(QUOTE_TOPICS), rows)  # the table, not the model: no ORM work per link


def _topic_ids(session: Session, wanted: dict[str, _WantedTopic]) -> dict[str, int]:
    """Ids of the topics with these slugs, creating the missing ones (and promoting terms to subjects)."""
    if not wanted:
        return {}
    existing = {t.slug: t for t in session.scalars(select(Topic).where(col(Topic.slug).in_(list(wanted))))}
    missing = [
        {"slug": slug, "name": want.name, "kind": want.kind, "code": want.code, "broader": want.broader}
        for slug, want in sorted(wanted.items())
        if slug not in existing
    ]
    if missing:  # upserted: a concurrent writer may be adding the same topics
        statement = insert_skipping_duplicates(session, Topic).returning(Topic)
        existing.update((t.slug, t) for t in session.scalars(statement, missing))
        taken = [row["slug"] for row in missing if row["slug"] not in existing]  # by the concurrent writer
        if taken:
            existing.update((t.slug, t) for t in session.scalars(select(Topic).where(col(Topic.slug).in_(taken))))
    for slug, want in wanted.items():
        topic = existing[slug]
        if want.kind == "subject" and (topic.kind, topic.name, topic.code, topic.broader) != (
            want.kind,
            want.name,
            want.code,
            want.broader,
        ):
            topic.kind, topic.name, topic.code, topic.broader = want.kind, want.name, want.code, want.broader
    session.flush()
    return {slug: topic.id for slug, topic in existing.items() if topic.id is not None}  # all, once flushed
