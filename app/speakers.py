"""Speaker merging: which stored speaker an extracted speaker is, and the aliases they were written as.

Rules, in order, for an extracted speaker with a name (folded by `app.speaker_keys.name_key`):
1. the speaker whose key equals the folded name ("Antony Blinken" in two articles: one speaker);
2. for a person, the one speaker whose surname key equals the folded name, when exactly one
   exists ("Blinken" joins "Antony Blinken"; with two stored Blinkens it stays on its own);
3. otherwise a new speaker. A new full-name person then absorbs an earlier bare-surname speaker
   that rule 2 would now send to them (its quotes and aliases move, it is deleted), so the
   result does not depend on which article came first.

Anonymous sources (no name) get no speaker: their quotes have speaker NULL and keep the words
written ("a senior official") in `quotes.mention`. They are not aliases: an alias belongs to one
speaker, and two anonymous officials are not one person.

Aliases: the canonical name and every mention written at a quote ("the top US diplomat"),
one row per folded form; pronouns ("he", "she") are not aliases.
"""
from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import delete, exists, func, select, update
from sqlmodel import Session

from app.extract.records import Speaker as ExtractedSpeaker
from app.models import Quote, Speaker, SpeakerAlias
from app.speaker_keys import name_key, surname_key

PRONOUNS = frozenset("he she they him her them i we you it his hers their theirs one who".split())
MAX_ALIAS_CHARS = 200


class SpeakerResolver:
    """Resolves the extracted speakers of one article against the store, within the caller's transaction."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.known_aliases: dict[int, set[str]] = {}

    def resolve_all(self, extracted: Iterable[ExtractedSpeaker | None]) -> dict[ExtractedSpeaker, Speaker]:
        """The stored speaker of each named extracted speaker (anonymous ones are left out)."""
        named = {s for s in extracted if s is not None and s.name and s.kind != "anonymous" and name_key(s.name)}
        # full names first, so a bare surname in the same article joins the full name written beside it
        ordered = sorted(named, key=lambda s: (-len(name_key(s.name).split()), s.name, s.mention or ""))
        resolved: dict[ExtractedSpeaker, Speaker] = {}
        for speaker in ordered:
            resolved[speaker] = row = self.resolve(speaker)
            self.add_aliases(row, [speaker.name, speaker.mention])
        return resolved

    def resolve(self, extracted: ExtractedSpeaker) -> Speaker:
        key = name_key(extracted.name or "")
        row = self.session.scalar(select(Speaker).where(Speaker.key == key))
        if row is None and extracted.kind == "person":
            row = self._only_speaker_with_surname(key)
        if row is None:
            row = self._create(extracted, key)
        elif row.title is None and extracted.title:
            row.title = extracted.title
        return row

    def add_aliases(self, speaker: Speaker, forms: Iterable[str | None]) -> None:
        known = self._alias_keys(speaker.id)
        for form in forms:
            if not form or len(form) > MAX_ALIAS_CHARS:
                continue
            key = name_key(form)
            if key and key not in PRONOUNS and key not in known:
                self.session.add(SpeakerAlias(speaker_id=speaker.id, alias=form.strip(), key=key))
                known.add(key)

    def _alias_keys(self, speaker_id: int) -> set[str]:
        if speaker_id not in self.known_aliases:
            keys = self.session.scalars(select(SpeakerAlias.key).where(SpeakerAlias.speaker_id == speaker_id))
            self.known_aliases[speaker_id] = set(keys)
        return self.known_aliases[speaker_id]

    def _only_speaker_with_surname(self, key: str) -> Speaker | None:
        candidates = self.session.scalars(select(Speaker).where(Speaker.surname_key == key).limit(2)).all()
        return candidates[0] if len(candidates) == 1 else None

    def _create(self, extracted: ExtractedSpeaker, key: str) -> Speaker:
        surname = surname_key(key) if extracted.kind == "person" else None
        row = Speaker(name=extracted.name.strip(), title=extracted.title, kind=extracted.kind, key=key,
                      surname_key=surname)
        self.session.add(row)
        self.session.flush()
        if surname:
            self._absorb_bare_surname(row, surname)
        return row

    def _absorb_bare_surname(self, full: Speaker, surname: str) -> None:
        """Merge a stored speaker known only by `surname` into `full`, if `full` is the only one it could be."""
        bare = self.session.scalar(select(Speaker).where(Speaker.key == surname, Speaker.kind == "person"))
        if bare is None:
            return
        namesakes = self.session.scalar(select(func.count()).select_from(Speaker).where(Speaker.surname_key == surname))
        if namesakes == 1:
            merge_speakers(self.session, source=bare, target=full)
            self.known_aliases.pop(bare.id, None)
            self.known_aliases.pop(full.id, None)


def merge_speakers(session: Session, source: Speaker, target: Speaker) -> None:
    """Move every quote and alias of `source` to `target`, then delete `source` (in the caller's transaction)."""
    session.execute(update(Quote).where(Quote.speaker_id == source.id).values(speaker_id=target.id))
    target_keys = set(session.scalars(select(SpeakerAlias.key).where(SpeakerAlias.speaker_id == target.id)))
    for alias in session.scalars(select(SpeakerAlias).where(SpeakerAlias.speaker_id == source.id)).all():
        if alias.key not in target_keys:
            session.add(SpeakerAlias(speaker_id=target.id, alias=alias.alias, key=alias.key))
    if target.title is None:
        target.title = source.title
    session.delete(source)
    session.flush()


def prune_speakers(session: Session, speaker_ids: Iterable[int]) -> None:
    """Delete those of these speakers that no quote refers to any more (their aliases go with them)."""
    ids = list(speaker_ids)
    if not ids:
        return
    has_quotes = exists().where(Quote.speaker_id == Speaker.id)
    session.execute(delete(Speaker).where(Speaker.id.in_(ids), ~has_quotes))
