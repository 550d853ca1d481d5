"""Speaker identity across the archive: which stored speaker an extracted speaker is, and its aliases.

An extracted speaker's name is first cleaned (`app.speaker_keys.clean_name`: role words in front
dropped; a headline fragment or a bare role names no one). Then, for a name of two or more words:
1. a name a newsroom correction tied to a speaker is that speaker;
2. the speaker with that folded name or its identity (first name and surname: "Donald J. Trump" is
   "Donald Trump"; an organisation without its legal form) as key or alias;
3. the one person of that surname whose given name is this one with a letter doubled or not ("Phillip
   Ruiz" is "Philip Ruiz"; `app.speaker_keys.same_given_name`);
4. otherwise a new speaker.
Within an article, a bare surname is the one full name of that surname the article names (the
extractor usually did this already). Across articles a bare name ("Clinton", "Brightline") is kept
on a speaker of its own and joined (`reconcile_bare_name`) to the one person with that surname or
the one organisation whose name begins with it, while there is exactly one that fits: where the
article gives the bare name a gender ("Mr. Obama", "he said"), only the namesakes whose first name
is not of the other gender fit. When another namesake arrives the quotes are placed again. Each
quote keeps the name it was attributed under (`quotes.speaker_name`) and its mention, so the
result does not depend on the order articles arrive in.

Aliases are name variants only (`is_name_variant`): "Blinken", "Antony J. Blinken", "Mr. Blinken";
never "the top US diplomat" (kept on the quote as its mention) and never another person's name.
Anonymous sources get no speaker: their quotes have speaker NULL and keep the words written.
Quotes a newsroom correction set (`speaker_corrected`) are never moved by these rules.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import and_, delete, exists, or_, select, update
from sqlmodel import Session

from app.extract.entities import first_name_gender
from app.extract.lexicon import HONORIFIC_GENDER
from app.extract.records import Speaker as ExtractedSpeaker
from app.speaker_keys import (
    MIN_VARIANT_CHARS,
    clean_name,
    identity_key,
    is_name_variant,
    name_key,
    same_given_name,
    surname_key,
)
from app.store.backends import insert_skipping_duplicates
from app.store.models import Quote, Speaker, SpeakerAlias

MAX_ALIAS_CHARS = 200
MAX_NAMESAKES = 50  # namesakes weighed for a bare name; a name borne by more stays bare
PRONOUN_GENDER = {"he": "male", "him": "male", "she": "female", "her": "female"}


@dataclass(frozen=True, slots=True)
class Attribution:
    """The stored speaker of an extracted speaker, the name it was attributed under, and whether a
    correction decided."""

    speaker: Speaker
    name: str
    corrected: bool = False


def display_order(name: str) -> tuple:
    """Which way of writing a name a speaker shows: fewest words ("Donald Trump" before "Donald J.
    Trump"), most words capitalised as names are ("Hillary" before "HIllary" or "HILLARY"), accents kept
    ("José" before "Jose")."""
    words = name.split()
    return (len(words), -sum(word.istitle() for word in words), -sum(not ch.isascii() for ch in name), name)


def bare_names_of(speaker: Speaker) -> set[str]:
    """The one-word names that may join `speaker`: a person's surname, the first word of an organisation."""
    if speaker.kind == "organization":
        words = speaker.key.split()
        return {words[0]} if len(words) > 1 else set()
    return {speaker.surname_key} if speaker.surname_key and " " not in speaker.surname_key else set()


class SpeakerResolver:
    """Resolves the extracted speakers of one article against the store, within the caller's transaction.

    `resolve_all` before the quotes are written, `reconcile` after (bare names join or leave).
    """

    def __init__(self, session: Session) -> None:
        self.session = session
        self.bare_names: set[str] = set()  # bare names to reconcile after the quotes are written
        self.grown: set[str] = set()  # ... of which a new speaker with that surname or first word arrived
        self.gendered: set[str] = set()  # ... of which the article gives a gender ("Mr. Obama", "he")
        # what the store holds for the article's names, read in three queries (see _prefetch)
        self.corrected: dict[str, int] = {}
        self.by_key: dict[str, Speaker] = {}
        self.by_alias: dict[str, int] = {}

    def resolve_all(self, extracted: Iterable[ExtractedSpeaker | None]) -> dict[ExtractedSpeaker, Attribution]:
        """The attribution of each named extracted speaker (anonymous ones and non-names are left out)."""
        cleaned: dict[ExtractedSpeaker, str] = {}
        for speaker in {s for s in extracted if s is not None and s.name and s.kind != "anonymous"}:
            name = clean_name(speaker.name, speaker.kind)
            if name and name_key(name):
                cleaned[speaker] = name
        if not cleaned:
            return {}
        in_article = self._full_names_by_surname(cleaned)
        self._prefetch({(name_key(n), s.kind) for s, n in cleaned.items()})
        resolved: dict[str, Attribution] = {}
        attributions: dict[ExtractedSpeaker, Attribution] = {}
        forms: dict[int, tuple[Speaker, list[str | None]]] = {}
        # full names first, so a bare surname joins the full name written in the same article
        for speaker in sorted(cleaned, key=lambda s: (-len(name_key(cleaned[s]).split()), cleaned[s], s.mention or "")):
            name = cleaned[speaker]
            key = name_key(name)
            if " " not in key and speaker.kind == "person" and len(in_article.get(key, ())) == 1:
                name = next(iter(in_article[key]))
            if name_key(name) not in resolved:
                resolved[name_key(name)] = self.resolve(speaker, name)
            attribution = attributions[speaker] = resolved[name_key(name)]
            if " " not in name_key(name) and mention_gender(speaker.mention):
                self.gendered.add(name_key(name))
            if attribution.speaker.title is None and speaker.title:
                attribution.speaker.title = speaker.title
            forms.setdefault(attribution.speaker.id, (attribution.speaker, []))[1].extend([name, speaker.mention])
        self._add_aliases(forms)
        return attributions

    def resolve(self, extracted: ExtractedSpeaker, name: str) -> Attribution:
        key = name_key(name)
        if key in self.corrected:
            return Attribution(self.session.get(Speaker, self.corrected[key]), name, corrected=True)
        if " " not in key:
            row = self.by_key.get(key)
            if row is None:
                row = self.by_key[key] = self._create(name, key, extracted)
            self.bare_names.add(key)
            return Attribution(row, name)
        identity = identity_key(key, extracted.kind)
        row = self.by_key.get(identity) or self.by_key.get(key)
        if row is None and (key in self.by_alias or identity in self.by_alias):
            row = self.session.get(Speaker, min(self.by_alias[k] for k in (key, identity) if k in self.by_alias))
        if row is None and extracted.kind == "person":
            row = self._spelt_otherwise(identity)
        if row is None:
            row = self.by_key[identity] = self._create(name, identity, extracted)
            self.bare_names |= bare_names_of(row)
            self.grown |= bare_names_of(row)
        elif identity == row.key and display_order(name) < display_order(row.name):
            row.name = name  # the same way of writing the name is shown, whichever article came first
        return Attribution(row, name)

    def _spelt_otherwise(self, identity: str) -> Speaker | None:
        """The one stored person of this surname whose given name is this one spelt with a letter doubled or
        not ("Phillip Ruiz" is "Philip Ruiz"); None when there is none, or several."""
        surname = surname_key(identity)
        first = identity.split()[0]
        if not surname or len(first) < MIN_VARIANT_CHARS:
            return None
        namesakes = self.session.scalars(
            select(Speaker).where(Speaker.surname_key == surname, Speaker.kind == "person").limit(MAX_NAMESAKES)
        )
        found = [s for s in namesakes if s.key.split()[0] != first and same_given_name(s.key.split()[0], first)]
        return found[0] if len(found) == 1 else None

    def _prefetch(self, names: set[tuple[str, str]]) -> None:
        """Read the speakers and aliases the article's folded names (and their identities) may be."""
        keys = {key for key, _ in names} | {identity_key(key, kind) for key, kind in names if " " in key}
        self.corrected = dict(
            self.session.execute(
                select(SpeakerAlias.key, SpeakerAlias.speaker_id).where(
                    SpeakerAlias.corrected, SpeakerAlias.key.in_(keys)
                )
            ).all()
        )
        self.by_key = {row.key: row for row in self.session.scalars(select(Speaker).where(Speaker.key.in_(keys)))}
        self.by_alias = {}
        multiword = [key for key in keys if " " in key]
        for key, speaker_id in self.session.execute(
            select(SpeakerAlias.key, SpeakerAlias.speaker_id).where(SpeakerAlias.key.in_(multiword))
        ):
            self.by_alias[key] = min(speaker_id, self.by_alias.get(key, speaker_id))

    def _add_aliases(self, forms: dict[int, tuple[Speaker, list[str | None]]]) -> None:
        """Record the name variants among each speaker's forms as its aliases (descriptions and other names are not)."""
        known: dict[int, set[str]] = {speaker_id: set() for speaker_id in forms}
        for speaker_id, key in self.session.execute(
            select(SpeakerAlias.speaker_id, SpeakerAlias.key).where(SpeakerAlias.speaker_id.in_(list(forms)))
        ):
            known[speaker_id].add(key)
        rows = []
        for speaker_id, (speaker, written_forms) in forms.items():
            for form in written_forms:
                if not form or len(form) > MAX_ALIAS_CHARS or not is_name_variant(form, speaker.name, speaker.kind):
                    continue
                alias = clean_name(form, speaker.kind) or form
                for written in {alias, *self._identity_form(alias, speaker.kind)}:
                    key = name_key(written)
                    if key and key not in known[speaker_id]:
                        rows.append({"speaker_id": speaker_id, "alias": written.strip(), "key": key})
                        known[speaker_id].add(key)
        if rows:  # a concurrent writer may add the same alias: it is kept once
            self.session.execute(insert_skipping_duplicates(self.session, SpeakerAlias), rows)

    def reconcile(self, article_id: int | None = None) -> None:
        """After the quotes of article `article_id` are written: place the bare names it used, and all
        quotes of those it made ambiguous."""
        for bare in sorted(self.bare_names):
            separate = bare in self.grown
            reconcile_bare_name(
                self.session,
                bare,
                separate=separate,
                article_id=None if separate else article_id,
                gendered=bare in self.gendered,
            )

    @staticmethod
    def _identity_form(alias: str, kind: str) -> list[str]:
        """ "Donald Trump" for "Donald J. Trump", as written (so a search by first and last name finds it)."""
        words = alias.split()
        if kind != "person" or len(words) < 3:
            return []
        identity = identity_key(name_key(alias), kind).split()
        kept = [w for w in words if name_key(w) in identity]
        return [" ".join(kept)] if name_key(" ".join(kept)) == " ".join(identity) else []

    def _full_names_by_surname(self, cleaned: dict[ExtractedSpeaker, str]) -> dict[str, set[str]]:
        names: dict[str, set[str]] = {}
        for speaker, name in cleaned.items():
            key = name_key(name)
            surname = surname_key(identity_key(key, "person")) if speaker.kind == "person" and " " in key else None
            if surname:
                names.setdefault(surname, set()).add(name)
        # one person written two ways ("Donald Trump", "Donald J. Trump") is one candidate
        return {
            s: {min(n, key=len)} if len({identity_key(name_key(x), "person") for x in n}) == 1 else n
            for s, n in names.items()
        }

    def _create(self, name: str, key: str, extracted: ExtractedSpeaker) -> Speaker:
        """A new speaker; or the one a concurrent writer created with this key meanwhile (an upsert)."""
        surname = surname_key(key) if extracted.kind == "person" else None
        values = {
            "name": name.strip(),
            "title": extracted.title,
            "kind": extracted.kind,
            "key": key,
            "surname_key": surname,
        }
        self.session.flush()
        row = self.session.scalars(
            insert_skipping_duplicates(self.session, Speaker).values(**values).returning(Speaker)
        ).first()
        return row or self.session.scalars(select(Speaker).where(Speaker.key == key)).one()


def bare_name_candidates(session: Session, bare: str, kind: str) -> list[Speaker]:
    """The speakers a bare name could be: organisations whose name begins with it, and unless the bare
    name is an organisation's, persons with that surname."""
    starts_with = and_(Speaker.kind == "organization", Speaker.key > bare + " ", Speaker.key < bare + "!")
    which = starts_with if kind == "organization" else or_(Speaker.surname_key == bare, starts_with)
    return list(session.scalars(select(Speaker).where(which).order_by(Speaker.id).limit(MAX_NAMESAKES + 1)))


def mention_gender(mention: str | None) -> str | None:
    """The gender a mention gives its speaker: "he", "Mr. Obama" -> "male"; "she", "Ms Ruiz" -> "female"."""
    words = name_key(mention).split() if mention else []
    if len(words) == 1:
        return PRONOUN_GENDER.get(words[0])
    return HONORIFIC_GENDER.get(words[0]) if words else None


def speaker_gender(speaker: Speaker) -> str | None:
    """A person's gender as their first name tells it (None for a name borne by both, or unknown)."""
    words = speaker.name.split()
    return first_name_gender(words[0]) if speaker.kind == "person" and len(words) > 1 else None


def namesake_for(candidates: list[Speaker], gender: str | None) -> Speaker | None:
    """The one candidate a bare name of this gender (None: not known) can be, if there is exactly one.
    A gender picks among several namesakes, and only when the first name of every one tells theirs
    (a lone namesake is joined whatever the gender: the pronouns a quote was attributed through may err)."""
    if gender is not None and len(candidates) > 1:
        candidates = [c for c in candidates if c.kind == "person"]  # "he" or "Mr." is no organisation
        genders = [speaker_gender(c) for c in candidates]
        if None in genders:
            return None
        candidates = [c for c, g in zip(candidates, genders) if g == gender]
    return candidates[0] if len(candidates) == 1 else None


def reconcile_bare_name(
    session: Session, bare: str, *, separate: bool = False, article_id: int | None = None, gendered: bool = True
) -> None:
    """Put the quotes attributed under the bare name `bare` where the store now says they belong.

    Each quote goes to the one candidate (`bare_name_candidates`) that fits the gender its article
    gives the bare name (`namesake_for`), else to a bare speaker of its own. Without `separate`, the
    bare speaker's quotes are placed (only those of `article_id`, when the candidates did not change
    since the others were placed); with it (a candidate just arrived), also the quotes that joined a
    candidate under the bare name. A bare speaker left without quotes goes. Corrected quotes stay.
    Without `gendered` (the article gives the name no gender), quotes among several namesakes stay.
    """
    if session.scalar(select(SpeakerAlias.id).where(SpeakerAlias.key == bare, SpeakerAlias.corrected)) is not None:
        return  # a newsroom correction decided where this name belongs
    bare_row = session.scalar(select(Speaker).where(Speaker.key == bare))
    candidates = bare_name_candidates(session, bare, bare_row.kind if bare_row else "person")
    if not candidates or len(candidates) > MAX_NAMESAKES or (len(candidates) > 1 and not separate and not gendered):
        return
    holders = [bare_row.id] if bare_row is not None else []
    if separate:
        holders += [c.id for c in candidates]
    if not holders:
        return
    quotes = [
        (quote_id, article, speaker_id, mention)
        for quote_id, article, speaker_id, mention, name in session.execute(
            select(Quote.id, Quote.article_id, Quote.speaker_id, Quote.mention, Quote.speaker_name).where(
                Quote.speaker_id.in_(holders),
                ~Quote.speaker_corrected,
                *([Quote.article_id == article_id] if article_id is not None else []),
            )
        )
        if speaker_id == (bare_row.id if bare_row else None) or (name and name_key(name) == bare)
    ]
    genders: dict[int, set[str]] = {}  # article -> the genders it gives the bare name
    for _, article, _, mention in quotes:
        gender = mention_gender(mention)
        genders.setdefault(article, set()).update([gender] if gender else [])
    moves: dict[int | None, list[int]] = {}  # target speaker (None: the bare speaker) -> quotes
    left_bare_speaker = False
    for quote_id, article, speaker_id, _ in quotes:
        gender = next(iter(genders[article])) if len(genders[article]) == 1 else None
        target = namesake_for(candidates, gender)
        target_id = target.id if target is not None else (bare_row.id if bare_row is not None else None)
        if target_id != speaker_id:
            moves.setdefault(None if target is None else target_id, []).append(quote_id)
            left_bare_speaker |= bare_row is not None and speaker_id == bare_row.id
    if None in moves and bare_row is None:
        first = session.scalar(select(Quote.speaker_name).where(Quote.id == moves[None][0]))
        bare_row = Speaker(name=first, kind="person", key=bare)
        session.add(bare_row)
        session.flush()
        session.add(SpeakerAlias(speaker_id=bare_row.id, alias=first, key=bare))
    for target_id, quote_ids in moves.items():
        session.execute(
            update(Quote)
            .where(Quote.id.in_(quote_ids))
            .values(speaker_id=bare_row.id if target_id is None else target_id)
        )
    if left_bare_speaker and session.scalar(select(Quote.id).where(Quote.speaker_id == bare_row.id).limit(1)) is None:
        if len(candidates) == 1:
            _copy_aliases(session, bare_row, candidates[0])
        prune_speakers(session, [bare_row.id], reconcile=False)


def _copy_aliases(session: Session, source: Speaker, target: Speaker, *, corrected: bool = False) -> None:
    target_keys = set(session.scalars(select(SpeakerAlias.key).where(SpeakerAlias.speaker_id == target.id)))
    for alias in session.scalars(select(SpeakerAlias).where(SpeakerAlias.speaker_id == source.id)).all():
        if alias.key not in target_keys:
            session.add(
                SpeakerAlias(
                    speaker_id=target.id, alias=alias.alias, key=alias.key, corrected=corrected or alias.corrected
                )
            )
            target_keys.add(alias.key)
        elif corrected:
            session.execute(
                update(SpeakerAlias)
                .where(SpeakerAlias.speaker_id == target.id, SpeakerAlias.key == alias.key)
                .values(corrected=True)
            )


def merge_speakers(session: Session, source: Speaker, target: Speaker, *, corrected: bool = False) -> None:
    """Move every quote and alias of `source` to `target`, then delete `source` (in the caller's transaction).
    With `corrected` (a newsroom merge), the moved quotes and names are marked as set by hand."""
    values = {"speaker_id": target.id, **({"speaker_corrected": True} if corrected else {})}
    session.execute(update(Quote).where(Quote.speaker_id == source.id).values(**values))
    _copy_aliases(session, source, target, corrected=corrected)
    if corrected and source.key not in set(
        session.scalars(select(SpeakerAlias.key).where(SpeakerAlias.speaker_id == target.id, SpeakerAlias.corrected))
    ):
        session.add(SpeakerAlias(speaker_id=target.id, alias=source.name, key=source.key, corrected=True))
    if target.title is None:
        target.title = source.title
    session.delete(source)
    session.flush()


def prune_speakers(session: Session, speaker_ids: Iterable[int], *, reconcile: bool = True) -> None:
    """Delete those of these speakers that no quote refers to any more (their aliases go with them), unless
    a correction holds a name to them; bare names they made ambiguous are joined again."""
    ids = list(speaker_ids)
    if not ids:
        return
    has_quotes = exists().where(Quote.speaker_id == Speaker.id)
    held = exists().where(SpeakerAlias.speaker_id == Speaker.id, SpeakerAlias.corrected)
    gone = list(session.scalars(select(Speaker).where(Speaker.id.in_(ids), ~has_quotes, ~held)))
    if not gone:
        return
    bare_names = set().union(*(bare_names_of(s) for s in gone))
    session.execute(delete(Speaker).where(Speaker.id.in_([s.id for s in gone])))
    session.expire_all()
    if reconcile:
        for bare in sorted(bare_names):
            reconcile_bare_name(session, bare)
