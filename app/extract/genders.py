"""Gender the article itself shows: a sentence that opens with a person's name and refers back to
them with "his" or "her" alone ("Ruiz thanked his crew").

A first name's usual gender is only a guess, and some names are read wrongly; when the article's
own sentences say otherwise, more than once, the article wins. One sure back-reference ("his",
"himself", "herself") is enough for a name with no first name to go by, or one borne by men and
women alike; an object "him" or "her" after another person's name is that person's. An honorific ("Mr.", "Ms.") is never
overruled. A full name given a role ("Zorvan Voss, the chief engineer,") is a person even when its first
name tells no gender.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter

from app.extract.entities import Entity, EntityRegistry, NameMention
from app.extract.marks import QuoteSpan
from app.extract.sentences import Sentence

MALE_BACK_REFERENCE = re.compile(r"\b(?:his|him|himself)\b")
FEMALE_BACK_REFERENCE = re.compile(r"\b(?:her|hers|herself)\b")
# Back-references that can only mean the sentence's own subject or its possession: not "him" or "her",
# often another person ("Pellow thanked her").
SURE_BACK_REFERENCE = re.compile(r"\b(?:his|himself|hers|herself)\b")
SENTENCE_LEAD = re.compile(r"[\s“\"‘'(]*")
MIN_VOTES = 2
# A name set off by a common-noun apposition: "Zorvan Voss, the harbor's chief engineer,",
# "Lee, the Harbor Board chairman,".
ROLE_APPOSITION = re.compile(r",\s+(?:the|a|an)\s+(?:[A-Z][\w.’'\-]*\s+){0,3}[a-z]")  # ", the Harbor Board chairman,"
# A name followed by "who", which only people take: "Brant, who was elected in 2014,".
PERSON_RELATIVE = re.compile(r",\s+who(?:se|m)?\s")


def _outside_quotes(text: str, start: int, end: int, spans: list[QuoteSpan], span_starts: list[int]) -> str:
    pieces = []
    index = max(0, bisect_left(span_starts, start) - 1)
    cursor = start
    while index < len(spans) and spans[index].open_mark < end:
        span = spans[index]
        if span.end > cursor:
            pieces.append(text[cursor : max(cursor, span.open_mark)])
            cursor = max(cursor, span.end)
        index += 1
    pieces.append(text[cursor:end])
    return " ".join(pieces)


def _next_person(free: list[NameMention], at: int, end: int, entity: Entity, registry: EntityRegistry) -> int:
    """Where the sentence first names another person after its subject's name `free[at]` (else `end`)."""
    for mention in free[at + 1 :]:
        if mention.start >= end:
            break
        other = registry.lookup(mention.name, mention.start)
        if other is not None and other is not entity and other.kind == "person":
            return mention.start
    return end


def learn_genders(
    text: str, sentences: list[Sentence], free: list[NameMention], registry: EntityRegistry, spans: list[QuoteSpan]
) -> None:
    """Correct or fill the gender of people whose sentences refer back to them with one gender only."""
    votes: dict[int, Counter] = {}
    entities: dict[int, Entity] = {}
    free_starts = [m.start for m in free]
    span_starts = [s.start for s in spans]
    for sentence in sentences:
        lead = SENTENCE_LEAD.match(text, sentence.start, sentence.end).end()
        at = bisect_left(free_starts, lead)
        if at == len(free) or free[at].start != lead or free[at].possessive:
            continue
        entity = registry.lookup(free[at].name, free[at].start)
        if entity is None or entity.kind != "person" or entity.gender_from_honorific:
            continue
        narration = _outside_quotes(text, free[at].end, sentence.end, spans, span_starts)
        before_another = _outside_quotes(
            text, free[at].end, _next_person(free, at, sentence.end, entity, registry), spans, span_starts
        )
        sure = SURE_BACK_REFERENCE.findall(narration)
        # "Ruiz accused Diaz of losing her notes": an object "him" or "her" after another person's name is theirs
        male = any(w in ("his", "himself") for w in sure) or bool(MALE_BACK_REFERENCE.search(before_another))
        female = any(w in ("hers", "herself") for w in sure) or bool(FEMALE_BACK_REFERENCE.search(before_another))
        if male != female:
            shown = "male" if male else "female"
            tally = votes.setdefault(id(entity), Counter())
            tally[shown] += 1
            tally["sure"] += bool(SURE_BACK_REFERENCE.search(narration))
            entities[id(entity)] = entity
    for key, counts in votes.items():
        entity = entities[key]
        shown = "male" if counts["male"] >= counts["female"] else "female"
        count = counts[shown]
        # with no first name to overrule, one sure sentence tells
        enough = count >= MIN_VOTES or ((entity.gender is None or entity.gender_hedged) and counts["sure"] >= 1)
        if enough and count > counts[entity.gender or ""] and shown != entity.gender:
            entity.gender, entity.gender_hedged = shown, False  # the article has said which
            entity.personal = True


def mark_described_people(text: str, free: list[NameMention], registry: EntityRegistry) -> None:
    """A full name followed by a role ("Zorvan Voss, the chief engineer,"), or any name followed by "who"
    ("Brant, who was elected in 2014,"), is a person: "he" or "she" may refer to it although its first name
    tells no gender."""
    for mention in free:
        role = len(mention.name.split()) >= 2 and ROLE_APPOSITION.match(text, mention.end)
        if not (role or PERSON_RELATIVE.match(text, mention.end)):
            continue
        entity = registry.lookup(mention.name, mention.start)
        if entity is not None and entity.kind == "person":
            entity.personal = True
