"""Reading topics: which topics a user's `topic=` names, and the `/topics` listing with quote counts.

`topic=` names a topic three ways, all case-insensitive: an extractor term after `normalize_term`
("the Hostages" -> the term "hostage"), a taxonomy subject by slug or name ("Humanitarian Aid"),
or a topic's slug as listed by `/topics`. `topic_ids_named` runs that lookup.
"""
from __future__ import annotations

from sqlalchemy import Connection, bindparam, func, select
from sqlmodel import Session

from app.extract.topics import normalize_term
from app.models import QuoteTopic, Topic, TopicPublic
from app.queries.keyset import KeysetPage, KeysetPosition, after_ascending, split_page
from app.taxonomy import find_subject, slugify


def topic_slugs_for(text: str) -> set[str]:
    """Slugs of the stored topics a user's topic text can name."""
    slugs = {slugify(text), slugify(normalize_term(text))}
    subject = find_subject(text)
    if subject is not None:
        slugs.add(subject.slug)
    return {slug for slug in slugs if slug}


# Built once, so a request only binds its slugs (building it cost more than running it).
TOPIC_IDS_BY_SLUGS = select(Topic.id).where(Topic.slug.in_(bindparam("slugs", expanding=True)))


def topic_ids_named(connection: Connection, text: str) -> list[int]:
    """Ids of the topics `text` names (a term, a subject, or a slug)."""
    return [topic_id for topic_id, in connection.execute(TOPIC_IDS_BY_SLUGS, {"slugs": sorted(topic_slugs_for(text))})]


TopicPage = KeysetPage[TopicPublic]


def topic_page(session: Session, *, kind: str | None = None, limit: int = 50,
               after: KeysetPosition | None = None) -> TopicPage:
    """Topics in slug order, with the number of quotes each carries (counted for this page only)."""
    statement = select(Topic.id, Topic.slug).order_by(Topic.slug, Topic.id).limit(limit + 1)
    if kind is not None:
        statement = statement.where(Topic.kind == kind)
    if after is not None:
        statement = statement.where(after_ascending(Topic.slug, Topic.id, after))
    ids, next_position = split_page(session.exec(statement).all(), limit, "slug")
    return KeysetPage(items=topics_with_counts(session, ids), next=next_position)


def topics_with_counts(session: Session, ids: list[int]) -> list[TopicPublic]:
    if not ids:
        return []
    counts = dict(session.exec(select(QuoteTopic.topic_id, func.count()).where(QuoteTopic.topic_id.in_(ids))
                               .group_by(QuoteTopic.topic_id)).all())
    topics = {t.id: t for t in session.scalars(select(Topic).where(Topic.id.in_(ids)))}
    return [TopicPublic.model_validate(topics[i], update={"quote_count": counts.get(i, 0)}) for i in ids]


def get_topic(session: Session, slug: str) -> TopicPublic | None:
    topic_id = session.scalars(select(Topic.id).where(Topic.slug == slugify(slug))).first()
    return topics_with_counts(session, [topic_id])[0] if topic_id is not None else None
