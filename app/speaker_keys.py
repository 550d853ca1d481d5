"""How speaker names are folded and matched: the one rule shared by the store (merging) and the API (`speaker=`).

    name_key("Antony J. Blinken") -> "antony j blinken"      (case, accents, punctuation folded)
    surname_key("Antony Blinken") -> "blinken"                (None for one-word names)

A speaker is found by a user's text when the folded text equals the speaker's key, one of their
alias keys, or their surname key (so `speaker=Blinken` finds "Antony Blinken"): `speaker_ids_named`
runs that lookup.
"""
from __future__ import annotations

import re
import unicodedata

from sqlalchemy import Connection, bindparam, or_, select, union

from app.models import Speaker, SpeakerAlias

# anything that is not a letter or digit separates words: "Jean-Luc O'Neill" -> jean luc o neill
NON_WORD_RUN = re.compile(r"[\W_]+")
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# words that belong to the last name they precede: "von der Leyen", "O'Neill", "de Gaulle"
SURNAME_PARTICLES = frozenset({"al", "bin", "d", "da", "de", "del", "della", "der", "di", "du", "el", "ibn",
                               "la", "le", "o", "st", "ten", "ter", "van", "von"})


def name_key(name: str) -> str:
    """`name` case-folded, without accents, words separated by single spaces ("" when nothing is left)."""
    decomposed = unicodedata.normalize("NFKD", name)
    without_accents = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return NON_WORD_RUN.sub(" ", without_accents.casefold()).strip()


def surname_key(key: str) -> str | None:
    """The last name of a folded person name with a first name: "john smith jr" -> "smith",
    "ursula von der leyen" -> "von der leyen"; None when `key` has no first name ("smith", "von der leyen").
    """
    words = key.split()
    while len(words) > 1 and words[-1] in NAME_SUFFIXES:
        words.pop()
    first = len(words) - 1
    while first > 0 and words[first - 1] in SURNAME_PARTICLES:
        first -= 1
    return " ".join(words[first:]) if first > 0 else None


# Built once, so a request only binds its folded key (building it cost more than running it).
_KEY = bindparam("key")
SPEAKER_IDS_BY_KEY = union(
    select(SpeakerAlias.speaker_id.label("id")).where(SpeakerAlias.key == _KEY),
    select(Speaker.id.label("id")).where(or_(Speaker.key == _KEY, Speaker.surname_key == _KEY)),
)


def speaker_ids_named(connection: Connection, text: str) -> list[int]:
    """Ids of the speakers the user's `text` names: by full name, alias or surname."""
    return [speaker_id for speaker_id, in connection.execute(SPEAKER_IDS_BY_KEY, {"key": name_key(text)})]
