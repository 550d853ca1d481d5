"""Named mentions and the article's entities: canonical names, titles, kinds and genders.

A name mention is a run of capitalised words ("US Secretary of State Antony Blinken"); the title is
the role words written before the name. Within one article the fullest form is the canonical name
and a surname alone joins it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

import simplemma

from app.extract.lexicon import (
    CAPITALISED_FUNCTION_WORDS,
    DATE_WORDS,
    HONORIFIC_GENDER,
    NAME_PARTICLES,
    ORGANIZATION_WORDS,
)
from app.extract.names import TITLE_CONNECTIVES, clean_name, is_common_word, is_title_word, split_title

# One capitalised word: an abbreviated title (Sen.), initials (U.S., W.) or a plain word (Blinken).
# Letters may carry combining accents ("Jose\u0301"), and a mis-decoded accent ("PeÃ±a": Ã then a Latin-1
# sign) stays inside its word. The letters after the capital are read as runs of plain letters, each
# run after such a sign, so the usual word is one quick repeat of one character class.
WORD_LETTER = r"[\w’'\-\u0300-\u036f]"
WORD_REST = rf"{WORD_LETTER}*+(?:(?<=[ÃÂ\u0302\u0303])[\u0080-\u00bf]{WORD_LETTER}*+)*+"
CAPITALISED_WORD = (
    r"(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Adm|Maj|Rev|Prof|St|Jr|Sr|Inc|Ltd|Co|Corp)\."
    rf"|(?:[A-Z]\.)+|[A-Z]{WORD_REST})"
)
CAPITALISED_RUN = re.compile(
    rf"(?<![\w’'.]){CAPITALISED_WORD}"
    rf"(?:[ \t\xa0]+(?:(?:of|bin|ibn|al|el|de|del|da|di|van|von|der|la|le)[ \t\xa0]+){{0,2}}{CAPITALISED_WORD})*"
)
# Every run opens with a capital letter: scanning for one is much faster than trying CAPITALISED_RUN at every offset.
RUN_OPENING = re.compile(r"[A-Z]")
GENERATION_SUFFIX = re.compile(r"(?:Jr|Sr)\.?|I{2,3}|IV")  # "Luther Pate IV" is keyed by "Pate"
INNER_POSSESSIVE = re.compile(r"\w[’']s\s")
NAME_SUFFIX = re.compile(r"[ \t\xa0](?:Jr|Sr|Inc|Ltd|Co|Corp)\.$")  # "James Cole Jr.", "Garrick Foods Inc." end a name
COMPANY_SUFFIX = re.compile(r"[ \t\xa0](?:Inc|Ltd|Co|Corp)\.$")  # and a company keeps its period
END_OF_TEXT = 1 << 60
# After an organisation's "of", an "and" goes on with its name: "Ministry of Transport and Maritime Affairs".
ORGANISATION_AND = re.compile(r"[ \t]+(?:and|&)[ \t]+")
INITIALISM = re.compile(r"^(?:[A-Z]\.)+[A-Z]?\.?$|^[A-Z]{2,}$")
# What may stand before a run that opens a sentence: spaces and opening marks ("Using Nadia Vardakis", "“Six Vardakis").
SENTENCE_OPENING = re.compile(r"(?:^|[.!?;:\n])[\s\"“‘'(«—–-]*$")
OPENING_LOOKBACK = 12  # characters read back from a run for SENTENCE_OPENING
# Counts, which no one is named: "Six Ruiz aides resigned" opens with no first name.
NUMBER_WORDS = frozenset(
    """one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred dozen dozens
    hundreds thousands several few many""".split()
)


class NameMention(NamedTuple):
    """A name as written: its offsets, the name part and the title words before it. (A named tuple,
    like `marks.Mark`: thousands are made per article, and a tuple is made fastest.)"""

    start: int
    end: int
    name: str
    title: str | None
    possessive: bool
    honorific: str | None


@dataclass(slots=True)
class Entity:
    """One speaker candidate of an article; filled while the article is read, hence mutable."""

    name: str
    kind: str
    title: str | None = None
    gender: str | None = None
    surname: str = ""
    aliases: set[str] = field(default_factory=set)
    mentions: int = 0  # how often it is named outside quotes
    gender_from_honorific: bool = False  # "Mr."/"Ms." outweighs a guess from the first name
    personal: bool = False  # the text shows it is a person: honorific, title, first name, or a speaker
    gender_hedged: bool = False  # guessed from a first name borne by men and women alike ("mostly" one)
    descriptions: set[str] = field(default_factory=set)  # words the article describes it by: "resident", "kelby"
    age: int | None = None


@lru_cache(maxsize=1)
def _gender_detector():
    import gender_guesser.detector

    return gender_guesser.detector.Detector(case_sensitive=False)


@lru_cache(maxsize=4096)
def _first_name_guess(first: str) -> str:
    return _gender_detector().get_gender(first)


def first_name_is_shared(first: str) -> bool:
    """True for a first name that men and women both bear, so its gender is only likely."""
    return _first_name_guess(first) in ("mostly_male", "mostly_female", "andy")


def _is_first_name(word: str) -> bool:
    return _first_name_guess(word) != "unknown"


def first_name_gender(first: str) -> str | None:
    guess = _first_name_guess(first)
    if guess in ("male", "mostly_male"):
        return "male"
    if guess in ("female", "mostly_female"):
        return "female"
    return None


@lru_cache(maxsize=8192)
def _is_dictionary_word(word: str) -> bool:
    """The dictionary holds the word in lower case ("rip", "year"; not "Vardakis", which it does not hold)."""
    folded = word.casefold()
    return simplemma.is_known(folded, lang="en") and simplemma.lemmatize(folded, lang="en")[:1].islower()


@lru_cache(maxsize=8192)
def is_capitalised_common_word(word: str) -> bool:
    """A word of lower-case English capitalised only by its place ("Derelict", "Using", "Six", "Rip"): the
    dictionary holds it in lower case and no list of given names knows it ("Will", "Grant" and "Pat" are given
    names; a surname the dictionary does not hold in lower case is a name)."""
    return not _is_first_name(word) and _is_dictionary_word(word)


@lru_cache(maxsize=8192)
def _droppable_opening(word: str) -> bool:
    """A sentence's first word that is no part of the name after it: a common word that is no title,
    honorific or organisation word ("Using Nadia Vardakis", "Six Vardakis supporters"; not "Senator Ruiz")."""
    low = word.lower().rstrip(".,")
    return (
        not word.isupper()
        and low not in CAPITALISED_FUNCTION_WORDS
        and low not in ORGANIZATION_WORDS
        and not is_title_word(word)
        and is_capitalised_common_word(word)
    )


def _name_start(text: str, run: re.Match[str]) -> int:
    """Where the name of a run whose first word is `_droppable_opening` begins, when the run opens a
    sentence: past that word, when a
    given name follows ("Wherever Nadia Vardakis goes"), or when that word is a count or one the article
    writes in lower case and the one word after it is written without it too ("Six Vardakis supporters" where
    a lone "Vardakis" is named elsewhere; not "New Hampshire")."""
    if not SENTENCE_OPENING.search(text, max(0, run.start() - OPENING_LOOKBACK), run.start()):
        return run.start()
    words = run.group().split()
    if is_capitalised_common_word(words[1]):
        return run.start()  # "Western Journalism": a name of common words keeps them all
    if any(w.lower().rstrip(".,") in ORGANIZATION_WORDS or is_title_word(w) for w in words[1:]):
        return run.start()  # "North Carolina Gov. Pat Lane", "National Rifle Association": the word belongs
    if len(words) > 2 and first_name_gender(words[1]) is None:
        return run.start()
    if len(words) == 2 and (
        text.count(words[1]) <= text.count(run.group())
        or not (words[0].lower() in NUMBER_WORDS or _written_in_lower_case(text, words[0]))
    ):
        return run.start()
    return run.start() + run.group().index(words[1], len(words[0]))


def _written_in_lower_case(text: str, word: str) -> bool:
    """Whether `text` holds `word` in lower case as a word of its own ("six" in "in six rounds")."""
    low = word.lower()
    at = text.find(low)
    while at != -1:
        if not text[at - 1 : at].isalpha() and not text[at + len(low) : at + len(low) + 1].isalpha():
            return True
        at = text.find(low, at + 1)
    return False


def parse_name_run(text: str, start: int, end: int) -> NameMention | None:
    """Read one capitalised run into a name mention; None when it holds no name."""
    parsed = _parse_run(text[start:end])
    if parsed is None:
        return None
    return NameMention(
        parsed.start + start, parsed.end + start, parsed.name, parsed.title, parsed.possessive, parsed.honorific
    )


@lru_cache(maxsize=8192)  # the same runs come back in every window a sieve reads, and across articles
def _parse_run(text: str) -> NameMention | None:
    """`parse_name_run` of a whole string, with offsets into it."""
    start, end = 0, len(text)
    words = text.split()
    for i, word in enumerate(words[1:-1], start=1):
        if word == "of" and not all(map(is_title_word, words[:i])) and words[i - 1].lower() not in ORGANIZATION_WORDS:
            words = words[:i]  # "Joel Pollak of Breitbart California": the person, then his employer
            break
    offsets = []
    pos = start
    for word in words:
        pos = text.index(word, pos)
        offsets.append(pos)
        pos += len(word)
    while words and words[0].lower() in CAPITALISED_FUNCTION_WORDS and words[0].lower() not in HONORIFIC_GENDER:
        words, offsets = words[1:], offsets[1:]
    while words and words[-1].lower().rstrip(".,") in DATE_WORDS:
        words, offsets = words[:-1], offsets[:-1]  # "Israel Tuesday"
        end = offsets[-1] + len(words[-1]) if words else start
    if not words:
        return None
    possessive_mark = 0  # "Lee’s": 2; "Sanders’" (a plural-looking name's bare apostrophe): 1
    if len(words[-1]) > 2 and words[-1].endswith(("’s", "'s")):
        possessive_mark = 2
    elif len(words[-1]) > 3 and words[-1].endswith(("s’", "s'")):
        possessive_mark = 1
    possessive = possessive_mark > 0
    honorific = None
    title_words, name_words = split_title(words)
    if title_words and title_words[-1].lower().rstrip(".") in HONORIFIC_GENDER:
        honorific = title_words[-1].lower().rstrip(".")
    if not name_words:
        return None
    name = " ".join(name_words)
    if possessive:
        name = name[:-possessive_mark]
    if not INITIALISM.match(name_words[-1]) and not COMPANY_SUFFIX.search(" " + name):
        name = name.rstrip(".,")
    title = " ".join(title_words) or None
    mention_start = offsets[0]
    return NameMention(mention_start, end, name, title, possessive, honorific) if name else None


def name_mentions(text: str, start: int, end: int) -> list[NameMention]:
    mentions = []
    position = start
    while (run := _next_run(text, position, end)) is not None:
        run_end = position = _organisation_end(text, run, end)
        while (
            run_end > run.start() and text[run_end - 1] in ".," and not NAME_SUFFIX.search(text, run.start(), run_end)
        ):
            run_end -= 1
        start = run.start()
        space = text.find(" ", start, run_end)  # most runs are one word, or open with no common word
        if space != -1 and _droppable_opening(text[start:space]):
            start = _name_start(text, run)
        mention = parse_name_run(text, start, run_end)
        if mention:
            mentions.append(mention)
    return mentions


def _next_run(text: str, position: int, end: int) -> re.Match[str] | None:
    """The first capitalised run in text[position:end], as `CAPITALISED_RUN.search(text, position, end)` finds it."""
    while (opening := RUN_OPENING.search(text, position, end)) is not None:
        run = CAPITALISED_RUN.match(text, opening.start(), end)
        if run is not None:
            return run
        position = opening.start() + 1
    return None


def _organisation_end(text: str, run: re.Match, end: int) -> int:
    """Where a run ends, taking in "and ..." after an organisation's "of": "Ministry of Transport and
    Maritime Affairs", "Union of Port and Dock Workers"."""
    if " of " not in run.group():
        return run.end()
    words = run.group().lower().split()
    if not any(word in ORGANIZATION_WORDS and following == "of" for word, following in zip(words, words[1:])):
        return run.end()
    joint = ORGANISATION_AND.match(text, run.end(), end)
    following = CAPITALISED_RUN.match(text, joint.end(), end) if joint else None
    return following.end() if following else run.end()


@lru_cache(maxsize=8192)
def classify(name: str, honorific: str | None) -> str:
    words = name.split()
    lowered = {w.lower().strip(".") for w in words}
    if honorific:
        return "person"
    if lowered & ORGANIZATION_WORDS or (len(words) == 1 and INITIALISM.match(words[0])):
        return "organization"
    return "person"


class EntityRegistry:
    """The entities of one article, grouped by surname; the fullest form of a name wins.

    People who share a surname stay apart when their first names differ ("Mara Ellery", "Tomas
    Ellery"); a bare surname ("Ellery", "Mrs Ellery") joins the one its honorific's gender fits, else
    the one named most often so far (the article's subject, not a relative named once in passing),
    else the one named most recently before it."""

    def __init__(self, lowercase_words: frozenset[str] | set[str] = frozenset()) -> None:
        self.lowercase_words = lowercase_words  # words the article writes in lower case: "rival", "asked"
        self.by_key: dict[str, list[Entity]] = {}
        self.by_start: dict[int, Entity] = {}  # where each added mention is written -> its entity
        self.last_named: dict[int, int] = {}  # id(entity) -> offset of its latest mention
        self.given_names: dict[str, list[str]] = {}  # a name -> its first and middle names, read once
        self.clean_names: dict[str, tuple[str, str | None]] = {}  # a person's name as written -> `clean_name` of it

    @staticmethod
    @lru_cache(maxsize=8192)
    def _key(name: str) -> str:
        words = [w for w in name.split() if w.lower() not in NAME_PARTICLES and not GENERATION_SUFFIX.fullmatch(w)]
        return (words[-1] if words else name).lower().strip(".")

    def entities(self) -> list[Entity]:
        return [entity for members in self.by_key.values() for entity in members]

    def add(self, mention: NameMention) -> Entity:
        kind = classify(mention.name, mention.honorific)
        name, label = self._clean(mention.name) if kind == "person" else (mention.name, None)
        if label:
            mention = mention._replace(name=name, title=" ".join(filter(None, (mention.title, label))))
        key = self._key(name)
        entity = self._find(key, name, kind, mention.honorific, mention.start, mention.title)
        if entity is None:
            entity = Entity(name=name, kind=kind, surname=key)
            self.by_key.setdefault(key, []).append(entity)
        elif (
            len(name.split()) > len(entity.name.split()) and kind == entity.kind and not INNER_POSSESSIVE.search(name)
        ):  # "Harbor Institute’s Olsen" is no fuller name
            entity.name = name
        self.by_start[mention.start] = entity
        self.last_named[id(entity)] = mention.start
        entity.aliases.add(mention.name)
        entity.mentions += 1
        if mention.title and not entity.title and mention.title.lower() not in HONORIFIC_GENDER:
            entity.title = mention.title
        if mention.honorific in HONORIFIC_GENDER and not entity.gender_from_honorific:
            entity.gender = HONORIFIC_GENDER[mention.honorific]  # "Mr. Sanders" after a first name read as female
            entity.gender_from_honorific = True
        elif entity.gender is None:
            entity.gender = self._gender(mention, entity)
            entity.gender_hedged = entity.gender is not None and first_name_is_shared(mention.name.split()[0])
        if entity.kind == "person" and (mention.honorific or mention.title or entity.gender):
            entity.personal = True
        return entity

    def _clean(self, name: str) -> tuple[str, str | None]:
        if name not in self.clean_names:
            cleaned, label = clean_name(name, self.lowercase_words, _is_first_name)
            words = cleaned.split()
            if (
                len(words) > 2
                and first_name_gender(words[0]) is None
                and _is_dictionary_word(words[0])
                and first_name_gender(words[1]) is not None
            ):
                cleaned = " ".join(words[1:])  # "Rip Nadia Vardakis", "Year Tom Lee": a word, then the name
            self.clean_names[name] = cleaned, label
        return self.clean_names[name]

    def _find(
        self, key: str, name: str, kind: str, honorific: str | None, at: int, title: str | None = None
    ) -> Entity | None:
        members = self.by_key.get(key)
        if not members:
            return None
        given = self._given_names(name)
        if given:
            for entity in members:
                if entity.kind == kind and _same_given_names(given, self._given_names(entity.name)):
                    return entity
            return None  # another first name: another person of the same surname
        if len(members) == 1:  # a bare surname with one bearer: that one
            return members[0]
        gender = HONORIFIC_GENDER.get(honorific or "")
        fitting = [e for e in members if gender is None or e.gender in (gender, None)] or members
        if title:  # "Sen. Ellery" is the Ellery the article introduced as "State Sen."
            fitting = [e for e in fitting if _titles_share_a_word(title, e.title)] or fitting
        earlier = [e for e in fitting if self.last_named.get(id(e), -1) < at] or fitting
        return max(earlier, key=lambda e: (e.kind == kind, e.mentions, self.last_named.get(id(e), -1)))

    def _given_names(self, name: str) -> list[str]:
        """ "While Ellery", "One Ellery": words the article writes in lower case are no first names."""
        if name not in self.given_names:
            self.given_names[name] = [
                w for w in _given_names(name) if not is_common_word(w, self.lowercase_words) or _is_first_name(w)
            ]
        return self.given_names[name]

    @staticmethod
    def _gender(mention: NameMention, entity: Entity) -> str | None:
        if entity.kind != "person" or len(mention.name.split()) < 2:
            return None
        return first_name_gender(mention.name.split()[0])

    def lookup(self, name: str, at: int | None = None) -> Entity | None:
        """The entity a name written at offset `at` (or anywhere, without it) refers to."""
        if at is not None and at in self.by_start:
            return self.by_start[at]
        name = self._clean(name)[0]
        return self._find(self._key(name), name, classify(name, None), None, END_OF_TEXT if at is None else at)


def _given_names(name: str) -> list[str]:
    """The words of a name before its surname, without particles: "Mara" of "Mara de Ellery"."""
    words = [w for w in name.split() if not GENERATION_SUFFIX.fullmatch(w)]
    owners = [i for i, w in enumerate(words) if w.endswith(("’s", "'s"))]
    words = words[owners[-1] + 1 :] if owners else words  # "Harbor Institute’s Olsen": the owner is no first name
    return [w.rstrip(".").lower() for w in words[:-1] if w.lower() not in NAME_PARTICLES]


def _titles_share_a_word(one: str, other: str | None) -> bool:
    words = {w.lower().strip(".,") for w in one.split()} - TITLE_CONNECTIVES
    return other is not None and bool(words & {w.lower().strip(".,") for w in other.split()})


def _same_given_names(one: list[str], other: list[str]) -> bool:
    """ "Tom J." and "Tom", "M." and "Mara Jane": one person; "Tom" and "Mara": two."""
    if not one or not other or set(one) <= set(other) or set(other) <= set(one):
        return True
    first, second = one[0], other[0]
    return (
        first == second
        or (len(first) == 1 and second.startswith(first))
        or (len(second) == 1 and first.startswith(second))
    )
