"""Who the article is talking about: recent subjects, and resolution of pronouns and descriptions.

The discourse remembers, sentence by sentence, the entity each sentence is about (its subject, or
the speaker of its quote). A pronoun goes to the most recent compatible subject, not to the last
name written; a description ("the prime minister") goes to the entity whose title it matches.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from app.extract.descriptions import describes
from app.extract.entities import Entity, EntityRegistry, NameMention, name_mentions
from app.extract.lexicon import CUE, GROUP_NOUNS, ORGANIZATION_HEADS, PRONOUNS, STATEMENT_NOUNS, VOICE_NOUNS
from app.extract.names import is_page_furniture

INDEFINITE = frozenset("a an one another two three four several some many other".split())
TITLE_ABBREVIATIONS = {
    "senator": "sen",
    "representative": "rep",
    "governor": "gov",
    "general": "gen",
    "congressman": "rep",
    "congresswoman": "rep",
    "doctor": "dr",
    "professor": "prof",
}
PREPOSITION_BEFORE = re.compile(
    r"(?:\b(?:with|to|by|for|from|about|of|against|than|like|toward|towards|and|or|between|beat|defeat|"
    r"defeated|attack|attacked|criticized|met|meet|called|versus|vs\.|in|on|at|during|near|across|inside|"
    r"throughout|into|over|under)(?:\s+(?:the|a|an|either|neither|both))?|’s|'s)\s+$"
)
# A sentence about "he" or "she": `He`, `And she`, `In Port Alder, he`. (Matched at a sentence start, so no `^`:
# with a start offset, `^` would only match at the start of the article.)
SENTENCE_OPENER = re.compile(r"(?:[A-Z][^,“”\"]{0,60},\s+|(?:And|But|So|Yet|Then|Still|Now)\s+)?([Hh]e|[Ss]he)\b")
# Opening clauses before the main subject: "While Lee spoke, ", "And after the vote, ",
# "Ten minutes after Lee left, ", "Moments later, ", "And last week, while touring the pier, ".
SUBORDINATE_OPENING = re.compile(
    r"(?:(?:And|But|Yet|So|Then)\b,?\s+)?"
    r"(?:(?:[A-Z][a-z]+\s+(?:minutes|hours|days|weeks|months|years)\s+|"
    r"(?:Moments|Minutes|Hours|Days|Weeks|Months|Years)\s+(?=later|earlier|after|before))?"
    r"(?:While|Although|Though|When|After|Before|As|If|Because|Since|Unlike|Like|In|On|At|Of|During|From|Following|"
    r"Besides|Despite|Without|Amid|Under|With|[A-Z][a-z]+ing|[A-Z][a-z]+ly|while|although|though|when|after|"
    r"before|as|if|because|since|in|on|at|during|last|earlier|later)\b[^,“”\"]{0,200},\s+)+"
)
DATELINE_END = re.compile(
    r"(?:,\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)?\s*(?:\([A-Z][\w. ]*\)\s*)?[-–—]\s"
)  # "SALEM, Ore. — "
# A town, then its state: "at a rally in Port Alder, Ore., on Monday" - the state is a place, not a subject.
TOWN_BEFORE_STATE = re.compile(r"\b(?:in|of|from|at|near|outside)\s+[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*){0,2},\s+$")
# A verb right after a sentence's first word, maybe after an adverb: " readily agreed", " says", " told".
FINITE_VERB_AFTER = re.compile(
    r"\s+(?:[a-z]+ly\s+)?(?!(?:his|this|its|us)\b)(?:[a-z]+ed|[a-z]+[^s]s|told|said|says|wrote|made|took|gave|went|"
    r"has|had|is|was|will|would|could|can)\b"
)
MODIFIER_GAP = re.compile(r"(?:\s+[a-z][\w\-]*){1,2}\s+")
GAP_STOPWORDS = frozenset(
    "in on at to of for with from by and or but as than that who which said says told is was "
    "has had have will would met meet called".split()
)
# A sentence opening on a description: "The ministry said", "The veteran judge said" (its words, not a possessive).
DESCRIPTION_OPENING = re.compile(r"\s*[Tt]he\s+((?:[a-z][\w\-]*\s+){0,2}[a-z][\w\-]*)\b(?![’'])")
# What follows a possessive name whose words the sentence gives: "Ruiz’s campaign slogan", "Lee’s stock answer";
# not a role before the name of who holds it: "Ruiz’s campaign manager Tom Lee".
OWNED_VOICE = re.compile(
    r"(?:\s+[a-z][\w\-]*){0,2}?\s+(?:" + "|".join(sorted(VOICE_NOUNS)) + r")\b"
    r"(?!\s+(?:[a-z][\w\-]*\s+)?[A-Z])"
)
BEHALF_WORDS = frozenset("from for of at".split())
SPOKESPEOPLE = frozenset("spokesperson spokesman spokeswoman representative official".split())
# A byline on its own line: "By Maud Vale" (a name in capitals, nothing else).
BYLINE = re.compile(r"^[ \t]*By[ \t]+([A-Z][\w’'\-]*(?:[ \t]+[A-Z][\w’'.\-]*){1,3})[ \t]*$", re.MULTILINE)
BYLINE_REACH = 600
RECENT_PARAGRAPHS = 3
RECENT_SENTENCES = 12


class Discourse:
    """Salience state of one article, updated as its sentences are read in order."""

    def __init__(self, registry: EntityRegistry, free_mentions: list[NameMention], lowercase_words: set[str]) -> None:
        self.registry = registry
        self.free_mentions = free_mentions  # names outside quotes, in order
        self.free_starts = [m.start for m in free_mentions]
        self.lowercase_words = lowercase_words  # words the article writes in lower case: "Besides" is no name
        # one entry per sentence, oldest first: its paragraph and its entities, subject first
        self.history: list[tuple[int, list[Entity]]] = []
        self.author: Entity | None = None  # the byline's writer: "I" in the narration of a column

    def read_byline(self, article: str) -> None:
        """ "By Maud Vale" on a line of its own near the top names who "I" is outside quotes. `article` is
        the text as written: page layout blanks the byline before attribution."""
        byline = BYLINE.search(article, 0, BYLINE_REACH)
        if byline is not None:
            names = name_mentions(article, byline.start(1), byline.end(1))
            if names and names[0].start == byline.start(1):
                self.author = self.entity_for_name(names[0])

    def note(self, paragraph: int, entities: list[Entity | None]) -> None:
        present = [e for e in entities if e is not None]
        if present:
            self.history.append((paragraph, present))

    def names_between(self, start: int, end: int) -> list[NameMention]:
        """The free names written between two offsets, in order."""
        return self.free_mentions[bisect_left(self.free_starts, start) : bisect_left(self.free_starts, end)]

    def latest_subject(self) -> Entity | None:
        return self.history[-1][1][0] if self.history else None

    def latest(self, since_paragraph: int) -> Entity | None:
        """The subject of the most recent sentence about someone, if not older than `since_paragraph`."""
        if self.history and self.history[-1][0] >= since_paragraph:
            return self.history[-1][1][0]
        return None

    def entity_for_name(self, mention: NameMention) -> Entity:
        return self.registry.lookup(mention.name, mention.start) or self.registry.add(mention)

    def _recent(self, paragraph: int) -> list[Entity]:
        seen: list[Entity] = []
        for para, entities in reversed(self.history[-RECENT_SENTENCES:]):
            if paragraph - para > RECENT_PARAGRAPHS:
                break
            seen.extend(e for e in entities if e not in seen)
        return seen

    def resolve_pronoun(self, word: str, paragraph: int, first: Entity | None = None) -> Entity | None:
        """The entity `word` (he, she, they, it) refers to; `first` is the current sentence's subject."""
        low = word.lower()
        if low == "i":
            return self.author
        if low == "we":
            return None
        gender = PRONOUNS.get(low)
        candidates = ([first] if first else []) + self._recent(paragraph)
        return self._compatible(candidates, low, gender)

    @staticmethod
    def _compatible(candidates: list[Entity], low: str, gender: str | None) -> Entity | None:
        if low == "they":
            wanted = ("group", "organization")
        elif low == "it":
            wanted = ("organization",)
        else:
            wanted = ("person",)
        for entity in candidates:
            if entity.kind not in wanted:
                continue
            if gender is None or entity.gender == gender:
                return entity
            if entity.gender is None and entity.personal:
                entity.gender = gender  # the text has told us
                return entity
            if entity.gender_hedged and entity.personal:
                return entity  # "Robin" is borne by men and women: the pronoun may say which
        if gender is not None and wanted == ("person",):
            # no one fits: a gender guessed from a first name ("Bernie" reads as female) is only a guess
            guessed = [e for e in candidates[:1] if e.kind == "person" and e.gender and not e.gender_from_honorific]
            return guessed[0] if guessed else None
        return None

    def _recent_first(self, recent: list[Entity]) -> list[Entity]:
        """Every entity of the article, those of the recent sentences first."""
        seen = {id(e) for e in recent}
        return recent + [e for e in self.registry.entities() if id(e) not in seen]

    def resolve_description(self, phrase: str, paragraph: int) -> Entity | None:
        """The entity a description names, or None for an anonymous or plural source."""
        words = phrase.lower().replace("’s", "").split()
        behalf = next((i for i, w in enumerate(words[:-1]) if w in BEHALF_WORDS), None)
        if behalf is not None and (words[behalf - 1] in STATEMENT_NOUNS or words[behalf - 1] in SPOKESPEOPLE):
            return self.resolve_description(" ".join(words[behalf + 1 :]), paragraph)  # "a statement from the group"
        if not words or words[0] in INDEFINITE:
            return None
        if words[0] in ("the", "his", "her", "their", "its", "this", "that"):
            words = words[1:]
        if not words or words[-1] in GROUP_NOUNS:
            return None
        head = words[-1]
        recent = self._recent(paragraph)
        entities = self._recent_first(recent)
        for entity in entities:
            if entity.title and _title_matches(entity.title, words, head):
                return entity
        described = next((e for e in entities if describes(e, words)), None)
        if described is not None:
            return described
        if head in STATEMENT_NOUNS:  # "the statement went on": whoever the article was just reporting
            return recent[0] if recent else None
        if head in ORGANIZATION_HEADS:
            return self._organisation(head, entities, recent)
        return next((e for e in recent if e.kind == "person"), None)

    @staticmethod
    def _organisation(head: str, entities: list[Entity], recent: list[Entity]) -> Entity | None:
        """ "the foundation": the organisation whose name holds the word, else the latest one spoken of."""
        named = next((e for e in entities if e.kind == "organization" and head in e.name.lower().split()), None)
        return named or next((e for e in recent if e.kind == "organization"), None)

    def described_subject(self, text: str, start: int, end: int, paragraph: int) -> tuple[Entity | None, int]:
        """ "The judge said ...", "Later, the ministry said ...": a person named by the title the article gave,
        or an organisation by its kind, opens the sentence at `start` (after any opening clause);
        (entity, where) or (None, end)."""
        found = DESCRIPTION_OPENING.match(text, start, end)
        if found is None:
            return None, end
        recent = self._recent(paragraph)
        entities = self._recent_first(recent)
        words = found.group(1).lower().split()
        for length in range(1, len(words) + 1):
            head = words[length - 1]
            if head in ORGANIZATION_HEADS:
                return self._organisation(head, entities, recent), found.start()
            titled = next((e for e in entities if e.title and _title_matches(e.title, words[:length], head)), None)
            if titled is not None:
                return titled, found.start()
        return None, end

    def clause_subject(self, text: str, start: int, end: int) -> Entity | None:
        """The person or organisation a clause opening at `start` is about: its first free name before `end`
        that is not possessive and follows no preposition ("When Ruiz called ..." -> Ruiz)."""
        for mention in self.names_between(start, end):
            if mention.possessive or PREPOSITION_BEFORE.search(text, max(start, mention.start - 20), mention.start):
                continue
            entity = self.entity_for_name(mention)
            return entity if entity.kind in ("person", "organization") and mention.start - start <= 80 else None
        return None

    def _not_a_subject(self, text: str, mention: NameMention) -> bool:
        """A sentence's first capitalised word that is no name ("Besides", "Back"): one the article writes in
        lower case, or names nowhere else, unless the article showed it a person and a verb follows it
        ("Pellow readily agreed")."""
        if " " in mention.name:
            return False
        entity = self.registry.lookup(mention.name, mention.start)
        if mention.name.lower() in self.lowercase_words:
            return True
        once = entity is not None and entity.mentions == 1
        return once and not (entity.personal and FINITE_VERB_AFTER.match(text, mention.end) is not None)

    def _state_after_town(self, text: str, start: int, mention: NameMention) -> bool:
        """ "in Port Alder, Ore., on Monday": a name set off by commas after a town, and no known person."""
        if text[mention.end : mention.end + 1] not in (",", ".", ""):
            return False
        if not TOWN_BEFORE_STATE.search(text, max(start, mention.start - 60), mention.start):
            return False
        entity = self.registry.lookup(mention.name, mention.start)
        return entity is None or not entity.personal

    def read_sentence(
        self,
        text: str,
        start: int,
        end: int,
        paragraph: int,
    ) -> tuple[Entity | None, int, list[Entity]]:
        """The entity a sentence is about, where it is written, and the other people it names.

        The subject is an opening pronoun, else the first free name: not possessive,
        not after a preposition, not inside a quote, not in an opening subordinate clause."""
        free: list[tuple[int, Entity, int]] = []
        first, last = bisect_left(self.free_starts, start), bisect_left(self.free_starts, end)
        dateline = self.free_mentions[first] if first < last and self.free_mentions[first].start == start else None
        dateline_match = DATELINE_END.match(text, dateline.end) if dateline else None
        body_start = dateline_match.end() if dateline_match else start  # "SALEM, Ore. — " names no one
        for mention in self.free_mentions[first:last]:
            if mention.possessive and (free or not _owns_voice(text, mention)):
                continue
            if mention.start < body_start or is_page_furniture(mention.name, self.lowercase_words):
                continue
            if PREPOSITION_BEFORE.search(text, max(start, mention.start - 20), mention.start):
                continue
            if mention.start == start and self._not_a_subject(text, mention):
                continue
            if self._state_after_town(text, start, mention):
                continue
            if free and _qualifies_next(text[free[-1][2] : mention.start], mention):
                free.pop()  # "Obama consultant Cornell Belcher": the first name only qualifies the second
            free.append((mention.start, self.entity_for_name(mention), mention.end))
        others = [e for _, e, _ in free]
        opener = SENTENCE_OPENER.match(text, start, end)
        if opener:
            return self.resolve_pronoun(opener.group(1), paragraph), opener.start(1), others
        clause = SUBORDINATE_OPENING.match(text, start, end)
        main = [(at, e) for at, e, _ in free if not clause or at >= clause.end()] or [(at, e) for at, e, _ in free]
        described, described_at = self.described_subject(text, clause.end() if clause else start, end, paragraph)
        if described is not None and (not main or described_at < main[0][0]):
            return described, described_at, others
        if main:
            return main[0][1], main[0][0], others
        return None, end, others


def _title_matches(title: str, words: list[str], head: str) -> bool:
    title_words = title.lower().replace(".", "").split()
    if " ".join(words[-2:]) in " ".join(title_words) and len(words) >= 2:
        return True
    return head in title_words or TITLE_ABBREVIATIONS.get(head) in title_words


def _owns_voice(text: str, mention: NameMention) -> bool:
    """True for "Ruiz’s campaign slogan is": the possessive name owns the words the sentence quotes."""
    return OWNED_VOICE.match(text, mention.end) is not None


def _qualifies_next(gap: str, following: NameMention) -> bool:
    """True for "Obama consultant Cornell Belcher": a name, a role noun, then a full name."""
    if not MODIFIER_GAP.fullmatch(gap) or len(following.name.split()) < 2 or following.title:
        return False  # "Diaz backs Democrat Hillary Rowe": a name with a title of its own needs no role before it
    # a verb between them makes the first name the subject: "Ruiz accuses Tom Lee", "Ruiz backed Tom Lee"
    return not any(w in GAP_STOPWORDS or w.endswith(("ed", "es")) or CUE.fullmatch(w) for w in gap.split())
