"""The newsroom's corrections of speakers: merge two speakers, split a name off a speaker, reassign a quote.

Each is stored as a `SpeakerCorrection` and marks the quotes it moved as corrected by hand
(`quotes.speaker_corrected`), which the merging rules of `app.speakers` never move again. They
survive re-ingesting an article: a merged or split name is an alias held by a correction (the
resolver looks those up first), and a reassignment is applied again to the article's new quotes by
`apply_reassignments` (the quote is found by its text, nearest its old place).

Each function commits, or rolls back and raises `CorrectionError` (its message says why).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy import select, update
from sqlmodel import Session

from app.speaker_keys import clean_name, identity_key, name_key, surname_key
from app.speakers import merge_speakers, prune_speakers
from app.store.models import Quote, Speaker, SpeakerAlias, SpeakerCorrection

T = TypeVar("T")


class CorrectionError(ValueError):
    """A correction that cannot be made as asked; `status` is the HTTP status that says why and `kind` the
    problem type ("speaker-not-found", "quote-not-found", "correction-rejected")."""

    def __init__(self, message: str, status: int = 422, kind: str = "correction-rejected") -> None:
        super().__init__(message)
        self.status, self.kind = status, kind


def _in_one_transaction(correction: Callable[..., T]) -> Callable[..., T]:
    """The correction commits when it succeeds and rolls back whatever it did when it raises."""

    @functools.wraps(correction)
    def run(session: Session, *args: object) -> T:
        try:
            result = correction(session, *args)
            session.commit()
            return result
        except BaseException:
            session.rollback()
            raise

    return run


def _speaker(session: Session, speaker_id: int) -> Speaker:
    speaker = session.get(Speaker, speaker_id)
    if speaker is None:
        raise CorrectionError(f"There is no speaker with id {speaker_id}.", status=404, kind="speaker-not-found")
    return speaker


@_in_one_transaction
def merge(session: Session, source_id: int, target_id: int) -> Speaker:
    """Speaker `source_id` is speaker `target_id`: its quotes and names move there, and names it was
    known by resolve there from now on."""
    if source_id == target_id:
        raise CorrectionError("A speaker cannot be merged into itself.")
    source, target = _speaker(session, source_id), _speaker(session, target_id)
    session.add(SpeakerCorrection(action="merge", speaker_id=target.id, name=source.name, key=source.key))
    session.execute(
        update(SpeakerCorrection).where(SpeakerCorrection.speaker_id == source.id).values(speaker_id=target.id)
    )
    merge_speakers(session, source=source, target=target, corrected=True)
    return target


@_in_one_transaction
def split(session: Session, speaker_id: int, alias: str) -> Speaker:
    """The name `alias` of speaker `speaker_id` is someone else: a new speaker of that name takes the
    alias and the quotes attributed under it, now and on every later ingest."""
    speaker = _speaker(session, speaker_id)
    name = clean_name(alias, speaker.kind) or alias.strip()
    key = name_key(name)
    owned = session.scalar(
        select(SpeakerAlias.id).where(SpeakerAlias.speaker_id == speaker.id, SpeakerAlias.key == key)
    )
    if owned is None:
        raise CorrectionError(
            f"Speaker {speaker_id} has no alias {alias!r}; its aliases are in /speakers/{speaker_id}."
        )
    if key == speaker.key:
        raise CorrectionError(f"{alias!r} is the speaker's own name: reassign its quotes instead.")
    identity = identity_key(key, speaker.kind)
    new_key = identity if identity != speaker.key else key
    if session.scalar(select(Speaker.id).where(Speaker.key == new_key)) is not None:
        raise CorrectionError(f"A speaker called {name!r} exists already: merge into it instead.", status=409)
    new = Speaker(
        name=name,
        kind=speaker.kind,
        key=new_key,
        surname_key=surname_key(new_key) if speaker.kind == "person" else None,
    )
    session.add(new)
    session.flush()
    keys = {key, new_key}
    session.execute(
        update(SpeakerAlias)
        .where(SpeakerAlias.speaker_id == speaker.id, SpeakerAlias.key.in_(keys))
        .values(speaker_id=new.id, corrected=True)
    )
    moved = [
        quote_id
        for quote_id, written in session.execute(
            select(Quote.id, Quote.speaker_name).where(Quote.speaker_id == speaker.id, Quote.speaker_name.is_not(None))
        )
        if name_key(written) in keys
    ]
    if moved:
        session.execute(update(Quote).where(Quote.id.in_(moved)).values(speaker_id=new.id, speaker_corrected=True))
    session.add(SpeakerCorrection(action="split", speaker_id=new.id, name=name, key=key))
    session.flush()
    prune_speakers(session, [speaker.id])
    return new


@_in_one_transaction
def reassign(session: Session, quote_id: int, speaker_id: int | None) -> None:
    """Quote `quote_id` is by speaker `speaker_id` (None: by no one named), whatever the extractor said."""
    quote = session.get(Quote, quote_id)
    if quote is None:
        raise CorrectionError(f"There is no quote with id {quote_id}.", status=404, kind="quote-not-found")
    if speaker_id is not None:
        _speaker(session, speaker_id)
    previous = quote.speaker_id
    for earlier in session.scalars(
        select(SpeakerCorrection).where(
            SpeakerCorrection.action == "reassign",
            SpeakerCorrection.article_id == quote.article_id,
            SpeakerCorrection.quote_start == quote.start,
            SpeakerCorrection.quote_text == quote.text,
        )
    ):
        session.delete(earlier)
    session.add(
        SpeakerCorrection(
            action="reassign",
            speaker_id=speaker_id,
            article_id=quote.article_id,
            quote_text=quote.text,
            quote_start=quote.start,
        )
    )
    quote.speaker_id, quote.speaker_corrected = speaker_id, True
    session.flush()
    if previous is not None and previous != speaker_id:
        prune_speakers(session, [previous])


def apply_reassignments(session: Session, article_id: int) -> None:
    """Apply the stored reassignments of article `article_id` to its quotes as just written (caller's transaction)."""
    corrections = session.scalars(
        select(SpeakerCorrection).where(
            SpeakerCorrection.article_id == article_id, SpeakerCorrection.action == "reassign"
        )
    ).all()
    if not corrections:
        return
    quotes = session.execute(select(Quote.id, Quote.text, Quote.start).where(Quote.article_id == article_id)).all()
    speakers = set(
        session.scalars(
            select(Speaker.id).where(Speaker.id.in_([c.speaker_id for c in corrections if c.speaker_id is not None]))
        )
    )
    for correction in corrections:
        same_text = [q for q in quotes if q.text == correction.quote_text]
        if not same_text or (correction.speaker_id is not None and correction.speaker_id not in speakers):
            continue
        quote = min(same_text, key=lambda q: abs(q.start - (correction.quote_start or 0)))
        session.execute(
            update(Quote).where(Quote.id == quote.id).values(speaker_id=correction.speaker_id, speaker_corrected=True)
        )


def recent_corrections(session: Session, limit: int) -> list[SpeakerCorrection]:
    """The newest corrections first."""
    return list(session.scalars(select(SpeakerCorrection).order_by(SpeakerCorrection.id.desc()).limit(limit)))
