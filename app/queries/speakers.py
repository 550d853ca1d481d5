"""Reading speakers: the `/speakers` listing (search by name or alias) with aliases and quote counts."""

from __future__ import annotations

from typing import cast

from sqlalchemy import or_, select
from sqlmodel import Session, col

from app.queries.counts import quote_counts
from app.queries.keyset import KeysetPage, KeysetPosition, after_ascending, split_page
from app.speaker_keys import name_key
from app.store.models import Quote, Speaker, SpeakerAlias, SpeakerPublic

SpeakerPage = KeysetPage[SpeakerPublic]


def like_escaped(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def speaker_page(
    session: Session, *, q: str | None = None, limit: int = 50, after: KeysetPosition | None = None
) -> SpeakerPage:
    """Speakers in name order; with `q`, those whose name or an alias contains it (case and accents folded)."""
    statement = select(col(Speaker.id), col(Speaker.key)).order_by(col(Speaker.key), col(Speaker.id)).limit(limit + 1)
    if q is not None:
        pattern = f"%{like_escaped(name_key(q))}%"
        by_alias = select(col(SpeakerAlias.speaker_id)).where(col(SpeakerAlias.key).like(pattern, escape="\\"))
        statement = statement.where(or_(col(Speaker.key).like(pattern, escape="\\"), col(Speaker.id).in_(by_alias)))
    if after is not None:
        statement = statement.where(after_ascending(col(Speaker.key), col(Speaker.id), after))
    rows = cast(list[tuple[int, str]], session.execute(statement).all())  # stored ids are never None
    ids, next_position = split_page(rows, limit, "name")
    return KeysetPage(items=speakers_with_counts(session, ids), next=next_position)


def speakers_with_counts(session: Session, ids: list[int]) -> list[SpeakerPublic]:
    """The public form of speakers `ids`, in that order, with aliases and quote counts."""
    if not ids:
        return []
    counts = quote_counts(session, col(Quote.speaker_id), ids)
    aliases: dict[int, list[str]] = {}
    for speaker_id, alias in session.execute(
        select(col(SpeakerAlias.speaker_id), col(SpeakerAlias.alias))
        .where(col(SpeakerAlias.speaker_id).in_(ids))
        .order_by(col(SpeakerAlias.id))
    ):
        aliases.setdefault(speaker_id, []).append(alias)
    speakers = {s.id: s for s in session.scalars(select(Speaker).where(col(Speaker.id).in_(ids)))}
    return [
        SpeakerPublic.model_validate(
            speakers[i], update={"aliases": aliases.get(i, []), "quote_count": counts.get(i, 0)}
        )
        for i in ids
        if i in speakers
    ]


def get_speaker(session: Session, speaker_id: int) -> SpeakerPublic | None:
    found = speakers_with_counts(session, [speaker_id])
    return found[0] if found else None
