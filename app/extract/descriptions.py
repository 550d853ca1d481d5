"""What the article calls each person, so a description written later finds them.

Appositions ("Anna Pike, 41, a Kelby resident,") and role words written before a name ("veteran
goalkeeper Sophie Brandt") give an entity its description words and its age; `describes` then
tells whether a later description ("the Kelby resident", "the 41-year-old analyst") fits it.
"""

from __future__ import annotations

import re

from app.extract.entities import Entity, EntityRegistry, NameMention

# ", 41, a Kelby resident," / ", the team's veteran goalkeeper." / ", chief economist at Grey Bank,"
APPOSITION = re.compile(r",[ \t]+(?:(\d{1,3}),[ \t]+)?(?:(?:the|a|an)[ \t]+|(?=[a-z]))([^,.;:“”\"()]{1,80})")
# Lower-case role words right before a name: "veteran goalkeeper Sophie Brandt", "the 41-year-old analyst Tom Reyes".
ROLE_BEFORE = re.compile(r"(?:(?<=\s)|^)((?:[a-z0-9][\w\-’']*[ \t]+){1,3})$")
ELDER_OR_YOUNGER = re.compile(r"\b(?:the|The)\s+(elder|older|younger)\s+$")  # "the elder " Marsh
AGE_WORD = re.compile(r"(\d{1,3})-year-old")
CLAUSE_CUT = re.compile(r"\s(?:who|which|that|at|of|for|with|from|in|on|and|said|says)\s")
CLAUSE_WORDS = frozenset("by said says told as than like about into over after before".split())  # "economist at" X
STOPWORDS = frozenset("the a an his her their its our and of at for with from in on to".split())
LAST_WORD_STOPS = STOPWORDS | CLAUSE_WORDS  # a description before a name never ends on one of these


def _words(phrase: str) -> set[str]:
    return {w.strip("’'").removesuffix("’s").removesuffix("'s") for w in phrase.lower().split()} - STOPWORDS


def learn_descriptions(text: str, free: list[NameMention], registry: EntityRegistry) -> None:
    """Fill each person's description words and age from the appositions and role words around their names."""
    for mention in free:
        if len(mention.name.split()) < 2:
            continue
        entity = registry.lookup(mention.name, mention.start)
        if entity is None or entity.kind != "person":
            continue
        apposition = APPOSITION.match(text, mention.end)
        if apposition:
            age, phrase = apposition.groups()
            phrase = CLAUSE_CUT.split(" " + phrase + " ")[0]
            entity.descriptions |= _words(phrase)
            if age:
                entity.age = int(age)
        written_after_a_word = mention.start > 1 and text[mention.start - 2].isalnum()
        before = ROLE_BEFORE.search(text, max(0, mention.start - 60), mention.start) if written_after_a_word else None
        if before and before.group(1).split()[-1] not in LAST_WORD_STOPS:
            for word in _words(before.group(1)):
                age = AGE_WORD.fullmatch(word)
                if age:
                    entity.age = int(age.group(1))
                else:
                    entity.descriptions.add(word)


def resolve_elder_and_younger(text: str, free: list[NameMention], registry: EntityRegistry) -> None:
    """ "the elder Marsh", "the younger Marsh": of family members sharing the surname, the oldest or the
    youngest by the ages the article gave."""
    for mention in free:
        if " " in mention.name:
            continue
        comparison = ELDER_OR_YOUNGER.search(text, max(0, mention.start - 16), mention.start)
        if comparison is None:
            continue
        family = [e for e in registry.by_key.get(mention.name.lower(), []) if e.age is not None]
        if len(family) > 1:
            pick = max if comparison.group(1).lower() in ("elder", "older") else min
            registry.by_start[mention.start] = pick(family, key=lambda e: e.age)


def describes(entity: Entity, words: list[str]) -> bool:
    """True when the description's head noun is one the article gave the entity, and any age it states fits."""
    if not entity.descriptions or words[-1] not in entity.descriptions:
        return False
    for word in words[:-1]:
        age = AGE_WORD.fullmatch(word)
        if age and entity.age != int(age.group(1)):
            return False
    return True
