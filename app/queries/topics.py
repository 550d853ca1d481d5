"""Reading topics: which topics a user's `topic=` names, and the `/topics` listings with quote counts.

`topic=` names a topic three ways, all case-insensitive: a taxonomy subject by name, slug or code
("Politics", "medtop:11000000"), which takes in every narrower subject ("politics" finds quotes
filed under "election"); else a key term after `normalize_term` ("the Hostages" -> "hostage");
or a topic's slug as listed by `/topics`. `topic_ids_named` runs that lookup.

A listing is in slug order, or by quote count (most first); narrowed to a speaker or a date range,
it counts only those quotes and lists only topics they carry.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal, cast

from sqlalchemy import Connection, and_, bindparam, func, or_, select
from sqlmodel import Session, col

from app.extract.topics import normalize_term
from app.queries.counts import quote_counts
from app.queries.keyset import KeysetPage, KeysetPosition, after_ascending, split_page
from app.store.models import Quote, QuoteTopic, Topic, TopicPublic
from app.store.taxonomy import find_subject, get_taxonomy, slugify

TopicSort = Literal["slug", "count"]


def topic_slugs_for(text: str) -> set[str]:
    """Slugs of the stored topics a user's topic text can name: a subject with its narrower subjects,
    else a key term or a slug."""
    subject = find_subject(text)
    if subject is not None:
        return get_taxonomy().narrower_slugs(subject.slug)
    return {slug for slug in (slugify(text), slugify(normalize_term(text))) if slug}


# Built once, so a request only binds its slugs (building it cost more than running it).
TOPIC_IDS_BY_SLUGS = select(col(Topic.id)).where(col(Topic.slug).in_(bindparam("slugs", expanding=True)))


def topic_ids_named(connection: Connection, text: str) -> list[int]:
    """Ids of the topics `text` names (a subject and those under it, a term, or a slug)."""
    rows = connection.execute(TOPIC_IDS_BY_SLUGS, {"slugs": sorted(topic_slugs_for(text))})
    return cast(list[int], [topic_id for (topic_id,) in rows])  # stored ids are never None


@dataclass(frozen=True, slots=True)
class TopicFilters:
    """What a topic listing counts: topics of one kind, quotes of these speakers, said in this range."""

    kind: str | None = None
    speaker_ids: tuple[int, ...] | None = None  # None: any speaker; (): no speaker matched
    said_from: date | None = None
    said_to: date | None = None

    @property
    def narrows_quotes(self) -> bool:
        return self.speaker_ids is not None or self.said_from is not None or self.said_to is not None


TopicPage = KeysetPage[TopicPublic]


def topic_page(
    session: Session,
    filters: TopicFilters = TopicFilters(),
    *,
    sort: TopicSort = "slug",
    limit: int = 50,
    after: KeysetPosition | None = None,
) -> TopicPage:
    """Topics in slug order or by quote count (most first, then slug), with their quote counts."""
    if sort == "slug" and not filters.narrows_quotes:
        return _all_topics_by_slug(session, filters.kind, limit, after)
    if filters.speaker_ids == ():
        return KeysetPage(items=[], next=None)
    counted = _counts(filters).subquery()
    statement = select(col(Topic.id), col(Topic.slug), counted.c.n).join(counted, counted.c.topic_id == col(Topic.id))
    if filters.kind is not None:
        statement = statement.where(col(Topic.kind) == filters.kind)
    if sort == "count":
        statement = statement.order_by(counted.c.n.desc(), col(Topic.slug), col(Topic.id))
        if after is not None:
            key, slug = _count_key(after)
            statement = statement.where(
                or_(
                    counted.c.n < key,
                    and_(
                        counted.c.n == key,
                        or_(col(Topic.slug) > slug, and_(col(Topic.slug) == slug, col(Topic.id) > after.id)),
                    ),
                )
            )
    else:
        statement = statement.order_by(col(Topic.slug), col(Topic.id))
        if after is not None:
            statement = statement.where(after_ascending(col(Topic.slug), col(Topic.id), after))
    found = session.execute(statement.limit(limit + 1)).all()
    rows = cast(list[tuple[int, str, int]], found)  # stored ids are never None
    counts = {topic_id: n for topic_id, _, n in rows}
    keys = [(topic_id, f"{n}:{slug}" if sort == "count" else slug) for topic_id, slug, n in rows]
    ids, next_position = split_page(keys, limit, sort)
    return KeysetPage(items=_public(session, ids, counts), next=next_position)


def _count_key(after: KeysetPosition) -> tuple[int, str]:
    """A count-sorted page's position is "count:slug"; a malformed one starts from the top."""
    count, _, slug = str(after.key).partition(":")
    return (int(count), slug) if count.isdigit() else (2**62, "")


def _counts(filters: TopicFilters):
    """topic_id, n: quotes per topic under the filters' speakers and dates."""
    statement = select(col(QuoteTopic.topic_id), func.count().label("n")).group_by(col(QuoteTopic.topic_id))
    if filters.speaker_ids is not None:
        statement = statement.join(Quote, col(Quote.id) == col(QuoteTopic.quote_id)).where(
            col(Quote.speaker_id).in_(filters.speaker_ids)
        )
    if filters.said_from is not None:
        statement = statement.where(col(QuoteTopic.said_on) >= filters.said_from)
    if filters.said_to is not None:
        statement = statement.where(col(QuoteTopic.said_on) <= filters.said_to)
    return statement


def _all_topics_by_slug(session: Session, kind: str | None, limit: int, after: KeysetPosition | None) -> TopicPage:
    """Every topic in slug order, quotes counted for the page only."""
    statement = select(col(Topic.id), col(Topic.slug)).order_by(col(Topic.slug), col(Topic.id)).limit(limit + 1)
    if kind is not None:
        statement = statement.where(col(Topic.kind) == kind)
    if after is not None:
        statement = statement.where(after_ascending(col(Topic.slug), col(Topic.id), after))
    rows = cast(list[tuple[int, str]], session.execute(statement).all())  # stored ids are never None
    ids, next_position = split_page(rows, limit, "slug")
    return KeysetPage(items=topics_with_counts(session, ids), next=next_position)


def topics_with_counts(session: Session, ids: list[int]) -> list[TopicPublic]:
    if not ids:
        return []
    counts = quote_counts(session, col(QuoteTopic.topic_id), ids)
    return _public(session, ids, counts)


def _public(session: Session, ids: list[int], counts: dict[int, int]) -> list[TopicPublic]:
    if not ids:
        return []
    topics = {t.id: t for t in session.scalars(select(Topic).where(col(Topic.id).in_(ids)))}
    return [TopicPublic.model_validate(topics[i], update={"quote_count": counts.get(i, 0)}) for i in ids]


def get_topic(session: Session, slug: str) -> TopicPublic | None:
    topic_id = session.scalars(select(col(Topic.id)).where(col(Topic.slug) == slugify(slug))).first()
    return topics_with_counts(session, [topic_id])[0] if topic_id is not None else None
