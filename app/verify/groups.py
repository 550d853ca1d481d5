"""Occurrence groups: the same quote carried by several articles (wire copy, re-quotes, small wording drift).

    group_new_quotes(session, article_id, quote_ids, texts)   # on ingest, inside the article's transaction
    occurrences(session, quote_id)                             # every article carrying it, first seen first
    FIRST_OF_ITS_GROUP                                          # the condition of /quotes?distinct=true
    group_counts(session, quotes)                               # occurrences and outlets of each listed quote

A new quote of at least MIN_GROUP_WORDS words joins the group of the stored quote (of another
article) whose words it repeats: the same words, or nearly (SAME_WORDING_SIMILARITY of its words in
common, in order, with the stored one, case and punctuation aside). Candidates come from the
word-pair index, as for a claim (`app.verify.search`). Speakers play no part in joining: two
articles giving the same words to different people join one group, and every reading of the group
says so (`speakers_disagree`) instead of picking one.

The first seen is the occurrence in the earliest published article (undated ones last), then the
first stored.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date
from typing import Any

from rapidfuzz.distance import Indel
from sqlalchemy import (
    ColumnElement,
    Date,
    Row,
    String,
    and_,
    bindparam,
    cast,
    exists,
    func,
    literal,
    or_,
    select,
    update,
)
from sqlalchemy.orm import aliased
from sqlmodel import Session, col

from app.store.keys import source_key
from app.store.models import Article, Quote, QuotePublic, SpeakerRef, metadata
from app.verify.lookup import RECORDS, article_of, diff_of, speaker_of
from app.verify.records import (
    DistinctQuotePublic,
    GroupCounts,
    Occurrence,
    Occurrences,
    SpeakerCount,
    WordingVariant,
)
from app.verify.search import candidate_ids
from app.verify.wording import keys

MIN_GROUP_WORDS = 6  # shorter quotes ("a disgrace") are said by many people in many stories
SAME_WORDING_SIMILARITY = 0.85  # one word changed in a quote of seven still joins
GROUP_CANDIDATES = 5
UNDATED = literal(date.max, Date)  # sorts an article without a publication day after every dated one

Earlier = aliased(Quote, name="earlier")
EarlierArticle = aliased(Article, name="earlier_article")


def _published(article_id: Any) -> ColumnElement:
    """The publication day of the article `article_id` (a column of the outer quote), undated last."""
    return (
        select(func.coalesce(col(Article.published_at), UNDATED))
        .where(col(Article.id) == article_id)
        .correlate(Quote)
        .scalar_subquery()
    )


# A quote no other member of its group precedes (earlier publication, or same day and stored before):
# each group once, at its first seen occurrence. Ungrouped quotes are their own group.
FIRST_OF_ITS_GROUP: ColumnElement[bool] = or_(
    col(Quote.occurrence_group).is_(None),
    ~exists(
        select(col(Earlier.id))
        .join(EarlierArticle, col(EarlierArticle.id) == col(Earlier.article_id))
        .where(
            col(Earlier.occurrence_group) == col(Quote.occurrence_group),
            col(Earlier.id) != col(Quote.id),
            or_(
                func.coalesce(col(EarlierArticle.published_at), UNDATED) < _published(col(Quote.article_id)),
                and_(
                    func.coalesce(col(EarlierArticle.published_at), UNDATED) == _published(col(Quote.article_id)),
                    col(Earlier.id) < col(Quote.id),
                ),
            ),
        )
    ),
)


STORED_WORDS = select(col(Quote.id), col(Quote.text), col(Quote.occurrence_group)).where(
    col(Quote.id).in_(bindparam("ids", expanding=True))
)
QUOTES = metadata.tables["quotes"]
SET_GROUP = update(QUOTES).where(QUOTES.c.id == bindparam("quote_id")).values(occurrence_group=bindparam("group"))


def group_new_quotes(session: Session, article_id: int, quote_ids: Sequence[int], texts: Sequence[str]) -> int:
    """Put each new quote of article `article_id` in the group of a stored quote of another article
    that has its words; returns how many joined a group. Call after inserting them, before commit."""
    joined = 0
    for quote_id, text in zip(quote_ids, texts):
        new_keys = keys(text)
        if len(new_keys) < MIN_GROUP_WORDS:
            continue
        found = candidate_ids(session, new_keys, GROUP_CANDIDATES, other_than_article=article_id)
        if not found:
            continue
        rows = session.connection().execute(STORED_WORDS, {"ids": found})
        scored = [
            (Indel.normalized_similarity(new_keys, keys(stored_text)), stored_id, group)
            for stored_id, stored_text, group in rows
        ]
        best = max(scored, default=None)
        if best is None or best[0] < SAME_WORDING_SIMILARITY:
            continue
        _, stored_id, group = best
        if group is None:
            group = stored_id
            session.connection().execute(SET_GROUP, {"quote_id": stored_id, "group": group})
        session.connection().execute(SET_GROUP, {"quote_id": quote_id, "group": group})
        joined += 1
    return joined


def _occurrence(row: Row) -> Occurrence:
    return Occurrence(quote_id=row[0], text=row[1], said_on=row[2], speaker=speaker_of(row), article=article_of(row))


def _first_seen_order(occurrence: Occurrence) -> tuple:
    published = occurrence.article.published_at
    return (published is None, published, occurrence.quote_id)


def occurrences(session: Session, quote_id: int) -> Occurrences | None:
    """Every article carrying quote `quote_id`'s words, first seen first; None when there is no such quote."""
    group = session.scalar(select(col(Quote.occurrence_group)).where(col(Quote.id) == quote_id))
    exists_at_all = group is not None or session.get(Quote, quote_id) is not None
    if not exists_at_all:
        return None
    member = col(Quote.occurrence_group) == group if group is not None else col(Quote.id) == quote_id
    rows = session.connection().execute(RECORDS.where(member))
    found = sorted((_occurrence(row) for row in rows), key=_first_seen_order)
    first = found[0]
    return Occurrences(
        group=group,
        first_seen=first,
        occurrences=found,
        outlets=_outlets(found),
        variants=_variants(first, found),
        speakers=_speakers(found),
        speakers_disagree=len({o.speaker.id if o.speaker else None for o in found}) > 1,
    )


def _outlets(found: list[Occurrence]) -> int:
    """Distinct sources; an article without a source counts as its own outlet."""
    return len({source_key(o.article.source) or f"article {o.article.id}" for o in found})


def _variants(first: Occurrence, found: list[Occurrence]) -> list[WordingVariant]:
    counts: Counter[tuple[str, ...]] = Counter()
    written: dict[tuple[str, ...], str] = {}
    for occurrence in found:
        key = tuple(keys(occurrence.text))
        counts[key] += 1
        written.setdefault(key, occurrence.text)
    return [
        WordingVariant(text=written[key], occurrences=count, diff=diff_of(first.text, written[key]))
        for key, count in sorted(counts.items(), key=lambda item: list(written).index(item[0]))
    ]


def _speakers(found: list[Occurrence]) -> list[SpeakerCount]:
    counts: Counter[int | None] = Counter(o.speaker.id if o.speaker else None for o in found)
    refs: dict[int | None, SpeakerRef | None] = {o.speaker.id if o.speaker else None: o.speaker for o in found}
    return [SpeakerCount(speaker=refs[key], occurrences=count) for key, count in counts.most_common()]


def with_group_counts(session: Session, items: list[QuotePublic]) -> list[DistinctQuotePublic]:
    """Quote items of `/quotes?distinct=true`: each with how many articles and outlets carry its words."""
    ids = [item.id for item in items]
    statement = select(col(Quote.id), col(Quote.occurrence_group)).where(col(Quote.id).in_(ids))
    # a Result has keys(), so dict(result) would read it as a mapping
    groups = {quote_id: group for quote_id, group in session.connection().execute(statement)}  # noqa: C416
    counts = group_counts(session, [(quote_id, groups.get(quote_id)) for quote_id in ids])
    return [DistinctQuotePublic(**item.model_dump(), **counts[item.id].model_dump()) for item in items]


ARTICLE_AS_OUTLET = "article " + cast(col(Article.id), String)  # an article without a source is an outlet alone


def group_counts(session: Session, quotes: Sequence[tuple[int, int | None]]) -> dict[int, GroupCounts]:
    """For (quote id, occurrence group) pairs: how many articles and outlets carry each quote's words."""
    counts = {quote_id: GroupCounts(occurrences=1, outlets=1, speakers_disagree=False) for quote_id, _ in quotes}
    groups = {group for _, group in quotes if group is not None}
    if not groups:
        return counts
    statement = (
        select(
            col(Quote.occurrence_group),
            func.count(),
            func.count(
                func.distinct(func.coalesce(col(Article.source_key), "article " + cast(col(Article.id), String)))
            ),
            func.count(func.distinct(func.coalesce(col(Quote.speaker_id), 0))),
        )
        .join(Article, col(Article.id) == col(Quote.article_id))
        .where(col(Quote.occurrence_group).in_(groups))
        .group_by(col(Quote.occurrence_group))
    )
    by_group = {
        row[0]: GroupCounts(occurrences=row[1], outlets=row[2], speakers_disagree=row[3] > 1)
        for row in session.connection().execute(statement)
    }
    return {
        quote_id: by_group.get(group, counts[quote_id]) if group else counts[quote_id] for quote_id, group in quotes
    }
