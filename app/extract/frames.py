"""Speaker mentions next to a reporting cue, read from the words around a quotation.

`subject_before` reads the noun phrase that ends where a cue begins ("Ruiz, the mayor of Y," said);
`phrase_after` reads the one that follows a cue ("said Ruiz"). Both return a `Mention` with its form:
a name, a pronoun, a description ("the top diplomat") or a group ("officials").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.extract.entities import INNER_POSSESSIVE, NameMention, first_name_gender, name_mentions
from app.extract.lexicon import CAPITALISED_FUNCTION_WORDS, DATE_WORDS, GROUP_NOUNS
from app.extract.marks import end_before_space

# Words that may stand between a subject and its cue: "Blinken has also publicly said".
VERB_PADDING = frozenset(
    "has have had also again then later once previously recently further would will could did does do "
    "was were is are be been being to not never often just simply repeatedly first since yet already still "
    "reportedly apparently separately similarly privately publicly openly flatly bluntly angrily even".split()
)
TRAILING_PRONOUN = re.compile(r"(?<![\w’'])(he|she|they|it|we|I)$", re.IGNORECASE)  # "..., she" said
LEADING_PRONOUN = re.compile(r"(he|she|they|it|we|I)(?![\w’'])", re.IGNORECASE)  # said "he"
# "the top harbor official" said / said "a spokeswoman" for the city
TRAILING_DESCRIPTION = re.compile(
    r"(?<![\w’'])(?:the|a|an|one|another|two|three|several|some|many|other)\s+(?:[\w’'.\-]+\s+){0,5}?[a-z][\w\-]*$",
    re.IGNORECASE,
)
LEADING_DESCRIPTION = re.compile(
    r"(?:the|a|an|one|another|two|three|several|some|many|other)\s+(?:[\w’'.\-]+\s+){0,4}?"
    r"[a-z][\w\-]*(?=\s*(?:$|[,.;:]|\s(?:for|of|at|in|on|with|who|from|during|after|to|and)\b))",
    re.IGNORECASE,
)
# Who speaks for the person named before it: "Mrs. Clinton's campaign said".
POSSESSIVE_AGENT = re.compile(
    r"\s((?:campaign(?: manager| chairman| chairwoman)?|spokesman|spokeswoman|spokesperson|office|team|aides?|camp|"
    r"press secretary|press office|representatives?))$"
)
POSSESSIVE_WORD = INNER_POSSESSIVE  # "the city’s mayor, Dana Ruiz,"
# Who speaks for the name inside a description: "the Trump campaign", "a Freedom Partners official".
AGENT_WORDS = re.compile(
    r"(?:\s+(?:campaign|spokesman|spokeswoman|spokesperson|official|aide|adviser|advisor|"
    r"senior|top|press|secretary|representative|ad|statement|office|team|camp)){1,3}"
)
TRAILING_GROUP = re.compile(r"(?<![\w’'])([\w\-]+\s+){0,3}?([a-z]+s)$")  # "many harbor officials" said
# Words after a cue that start no speaker: said "in a statement", said "that ..."
PREPOSITION_START = re.compile(
    r"(?:in|on|at|during|after|before|to|of|about|with|from|through|by|for|while|when|"
    r"that|this|last|earlier|later|told|it)\b",
    re.IGNORECASE,
)
AFFILIATION_GAP = re.compile(r"\s+(?:of|at|from|with)\s+(?:the\s+)?")  # "Joel Brant of the Harbor Institute"
INSTITUTION_JOIN = re.compile(r"\s+(?:of|at|from|with|for|on|and)\s+(?:the\s+)?")  # "Center for Harbor Studies"
# Role words between two names, the first only qualifying the second: "said RNC spokesman Sean Spicer"
QUALIFIER_GAP = re.compile(
    r"(?:\s+(?!(?:in|on|at|of|for|to|and|by|with|from|who|which|that)\b)[a-z0-9][\w\-]*){1,3}\s+"
)
OWNER_ROLE_GAP = re.compile(r"(?:\s+[a-z][\w\-]*){1,5},?\s+")  # Ruiz’s "top harbor aide" Tom Lee
ROLE_WORDS = re.compile(r"(?:[\w\-’']+\s+){0,4}")  # said "former harbor pilot" Tom Lee
DETERMINER_START = re.compile(r"(?:the|a|an)\s+(?:[a-z][\w\-]*\s+){0,2}", re.IGNORECASE)  # says "the" Kelby resident
ATTRIBUTIVE_NAME = re.compile(r"[ \t]+[a-z][\w\-]*(?=\s*(?:[,.;:!?]|$))")  # the Kelby " resident".
STATE_ABBREVIATION = re.compile(r"[A-Z][a-z]{1,4}\.")  # "James, 22, of Flint, Mich., said"
PARTY_AND_STATE = re.compile(r"[A-Z]-[A-Z][\w.]*")  # "McConnell, R-Ky., said"
PLACE_TAIL = re.compile(
    r"\b(?:in|of|from|at|near)\s+[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*){0,2}$"
)  # "in Salem", then ", Ore."
# A verb and "to" before an infinitive cue: Pratt "jumped in to " say, Lee "rose to " reply.
INFINITIVE_LEAD = re.compile(r"\s(?:[a-z]+ed|rose|went|came|took)(?:\s+(?:in|up|on|out|back|forward))?\s+to\s+$")
ON_BEFORE = re.compile(r"\bon\s+$")
# After a name, an apposition or a relative clause running to the cue with no comma to close it:
# ", the polling analyst who runs harborpolls.com" (a period only inside a word).
UNCLOSED_APPOSITION = re.compile(r",\s+(?:(?:who|whose|the|a|an)\s|(?=[a-z]))(?:[^,;:!?“”\"().]|\.(?=\w)){3,120}?\s*")
RELATIVE_OPENERS = ("who ", "whose ", "which ", "whom ")
PLACE_OPENERS = ("of ", "from ", "in ", "at ")


@dataclass(frozen=True, slots=True)
class Mention:
    """A speaker as written next to a cue."""

    start: int
    end: int
    text: str
    form: str  # name | pronoun | description | group
    name: NameMention | None = None
    appositive: bool = False
    relative: bool = False


def _strip_padding(text: str, lo: int, hi: int) -> int:
    """Move `hi` left over whitespace and the auxiliaries/adverbs between a subject and its cue."""
    while True:
        while hi > lo and text[hi - 1].isspace():
            hi -= 1
        if hi > lo and text[hi - 1] == ")":
            opening = text.rfind("(", max(lo, hi - 40), hi)
            if opening > lo:  # "Sen. Jason Holsman (D) said"
                hi = opening
                continue
        start = hi
        while start > lo and (text[start - 1].isalpha()):
            start -= 1
        word = text[start:hi]
        if word and (word in VERB_PADDING or (word.endswith("ly") and word.islower() and len(word) > 4)):
            hi = start
            continue
        if word and word.lower() in DATE_WORDS and start > lo:  # "Ruiz later Thursday told", "Ruiz on Monday said"
            on = ON_BEFORE.search(text, max(lo, start - 4), start)
            hi = on.start() if on else start
            continue
        return hi


def _head_mention(text: str, lo: int, hi: int) -> Mention | None:
    """The mention that ends exactly at `hi`: a name, a pronoun, a description or a group noun."""
    window_lo = max(lo, hi - 120)
    chunk = text[window_lo:hi]
    pronoun = TRAILING_PRONOUN.search(chunk)
    if pronoun:
        return Mention(window_lo + pronoun.start(), hi, pronoun.group(1), "pronoun")
    agent = POSSESSIVE_AGENT.search(chunk)
    if agent:
        owners = [m for m in name_mentions(text, window_lo, window_lo + agent.start()) if m.possessive]
        if owners and owners[-1].end == window_lo + agent.start():
            owner = owners[-1]
            return Mention(owner.start, hi, text[owner.start : hi], "name", owner)
    all_names = name_mentions(text, window_lo, hi)
    names = [m for m in all_names if m.end == hi and not m.possessive]
    if names:
        name = names[-1]
        person = _affiliated_person(text, all_names, name)
        if person is not None:
            return Mention(person.start, hi, text[person.start : hi], "name", person)
        return Mention(name.start, name.end, text[name.start : name.end], "name", name)
    description = TRAILING_DESCRIPTION.search(chunk)
    if description and description.group().split()[-1].lower() not in CAPITALISED_FUNCTION_WORDS:
        on_behalf = _named_agent(text, window_lo + description.start(), hi)
        if on_behalf is not None:
            return on_behalf
        words = description.group().split()
        form = "group" if words[-1].lower() in GROUP_NOUNS else "description"
        return Mention(window_lo + description.start(), hi, description.group(), form)
    group = TRAILING_GROUP.search(chunk)
    if group and group.group(2).lower() in GROUP_NOUNS:
        return Mention(window_lo + group.start(), hi, group.group(), "group")
    return None


def _affiliated_person(text: str, names: list[NameMention], last: NameMention) -> NameMention | None:
    """ "Joel Brant of the Carver Institute for Harbor Studies": the person before the institution,
    whose name may itself be cut by "for", "of" or "and"."""
    index = names.index(last)
    while index > 0 and INSTITUTION_JOIN.fullmatch(text, names[index - 1].end, names[index].start):
        index -= 1
        person = names[index]
        if AFFILIATION_GAP.fullmatch(text, person.end, names[index + 1].start) and len(person.name.split()) > 1:
            earlier = names[index - 1] if index else None
            if earlier is None or not INSTITUTION_JOIN.fullmatch(text, earlier.end, person.start):
                return person
    return None


def _named_agent(text: str, lo: int, hi: int) -> Mention | None:
    """ "the Trump campaign", "a Freedom Partners official": speaks for the name inside it."""
    names = name_mentions(text, lo, hi)
    if names and AGENT_WORDS.fullmatch(text, names[-1].end, hi):
        owner = names[-1]
        return Mention(lo, hi, text[lo:hi], "name", owner)
    return None


def subject_before(text: str, lo: int, hi: int) -> Mention | None:
    """The subject of a cue starting at `hi`, allowing asides between: an apposition, a relative
    clause, an age or a hometown ("James, 22, of Flint, Mich., said")."""
    leading_verb = INFINITIVE_LEAD.search(text, max(lo, hi - 40), hi)
    if leading_verb is not None:
        hi = leading_verb.start()  # "Pratt jumped in to say": the one who jumped in says it
    hi = _strip_padding(text, lo, hi)
    if hi <= lo:
        return None
    if text[hi - 1] in "—–":  # "Tom Lee — a pilot from Salem — says"
        opening = max(text.rfind("—", max(lo, hi - 160), hi - 1), text.rfind("–", max(lo, hi - 160), hi - 1))
        head_end = end_before_space(text, opening) if opening > lo else lo
        head = _head_mention(text, lo, head_end) if head_end > lo else None
        if head is not None and head.form == "name":
            return Mention(head.start, head.end, head.text, head.form, head.name, True)
        return None
    if text[hi - 1] != ",":
        return _unclosed_apposition(text, lo, hi) or _head_mention(text, lo, hi)
    pieces = text[lo : hi - 1].split(", ")
    if len(pieces) >= 2 and _renames_subject(pieces[-2], pieces[-1]):
        named = _head_mention(text, hi - 1 - len(pieces[-1]), hi - 1)
        if named and named.form == "name" and named.start == hi - 1 - len(pieces[-1]) and " " in named.name.name:
            return Mention(named.start, named.end, named.text, "name", named.name, True)  # "the mayor, Dana Ruiz,"
    for cut in range(1, len(pieces)):
        if pieces[cut].startswith(RELATIVE_OPENERS):  # the clause may hold commas of its own
            before = lo + len(", ".join(pieces[:cut]))
            head = (subject_before(text, lo, before + 1) if cut > 1 else None) or _head_mention(text, lo, before)
            if head and head.form in ("name", "pronoun", "description"):
                return Mention(head.start, head.end, head.text, head.form, head.name, False, True)
            break
    best: Mention | None = None
    for cut in range(len(pieces) - 1, 0, -1):
        if not _looks_like_aside(pieces[cut], pieces[cut - 1]):
            break
        aside = ", ".join(pieces[cut:])
        if len(aside) > 160:
            break
        head = _head_mention(text, lo, lo + len(", ".join(pieces[:cut])))
        if head and head.form in ("name", "pronoun", "description"):
            relative = aside.startswith(RELATIVE_OPENERS)
            best = Mention(head.start, head.end, head.text, head.form, head.name, not relative, relative)
    if best is None and len(pieces) >= 2:  # "After the vote, Gov. Tom Lee (D-Ore.), said": a stray comma
        piece_start = hi - 1 - len(pieces[-1])
        named = _head_mention(text, piece_start, _strip_padding(text, piece_start, hi - 1))
        if named is not None and named.form == "name" and named.start == piece_start:
            return named
    return best


def _unclosed_apposition(text: str, lo: int, hi: int) -> Mention | None:
    """ "Tom Lee, the harbor pilot who found the wreck said": a full name opens the clause and an apposition
    follows it, its closing comma forgotten; the name is the subject of the cue at `hi`."""
    if not text[lo : lo + 1].isupper() or text.find(", ", lo, min(hi, lo + 80)) < 0:
        return None  # no name opening the clause, or no comma soon after it
    names = name_mentions(text, lo, min(hi, lo + 80))
    if not names or names[0].start != lo or names[0].possessive or len(names[0].name.split()) < 2:
        return None
    name = names[0]
    if not UNCLOSED_APPOSITION.fullmatch(text, name.end, hi):
        return None
    return Mention(name.start, name.end, text[name.start : name.end], "name", name, True)


def _renames_subject(previous: str, last: str) -> bool:
    """ "the harbor master, Tomas Lee," renames its subject; "a pilot from Salem, Oregon," names a state."""
    if not (previous[:1].islower() or POSSESSIVE_WORD.search(previous)):
        return False
    words = last.split()
    return not PLACE_TAIL.search(previous) or (bool(words) and first_name_gender(words[0]) is not None)


def _looks_like_aside(piece: str, previous: str) -> bool:
    words = piece.split()
    if not words:
        return False
    first = words[0]
    if piece.startswith(RELATIVE_OPENERS) or first[0].islower() or first[0].isdigit():
        return True
    if previous.startswith(PLACE_OPENERS) or PARTY_AND_STATE.fullmatch(piece):
        return True  # "of Flint, Mich.", "R-Ky."
    if PLACE_TAIL.search(previous) and len(words) <= 2 and first_name_gender(first) is None:
        return True  # "at a rally in Salem, Ore.": the state after its town
    if first.lower() in CAPITALISED_FUNCTION_WORDS or STATE_ABBREVIATION.fullmatch(piece):
        return True
    return len(words) <= 8 and any(w[0].islower() for w in words[1:])  # "Republican of New York"


def phrase_after(text: str, lo: int, hi: int) -> Mention | None:
    """The speaker written right after a cue: "said Ruiz", "said a spokeswoman for the city"."""
    while lo < hi and text[lo].isspace():
        lo += 1
    if lo >= hi:
        return None
    if PREPOSITION_START.match(text, lo, hi):
        return None
    names = name_mentions(text, lo, min(hi, lo + 120))
    if (
        len(names) > 1
        and names[0].possessive
        and names[0].start == lo
        and OWNER_ROLE_GAP.fullmatch(text, names[0].end, names[1].start)
    ):
        name = names[1]  # "said Ruiz’s chief of staff, Tom Lee": the one named after the role speaks
        return Mention(name.start, name.end, text[name.start : name.end], "name", name)
    if (
        names
        and DETERMINER_START.fullmatch(text, lo, names[0].start)
        and ATTRIBUTIVE_NAME.match(text, names[0].end, hi)
    ):
        names = []  # "says the Kelby resident": a place qualifying the noun that speaks
    if names and not names[0].possessive and ROLE_WORDS.fullmatch(text, lo, names[0].start):
        name = names[0]
        if len(names) > 1 and QUALIFIER_GAP.fullmatch(text, name.end, names[1].start):
            name = names[1]  # "said RNC spokesman Sean Spicer"
        return Mention(name.start, name.end, text[name.start : name.end], "name", name)
    pronoun = LEADING_PRONOUN.match(text, lo, hi)
    if pronoun:
        return Mention(lo, pronoun.end(), pronoun.group(1), "pronoun")
    description = LEADING_DESCRIPTION.match(text[lo:hi])
    if description:
        on_behalf = _named_agent(text, lo, lo + description.end())
        if on_behalf is not None:
            return on_behalf  # said "a Harbor Trust spokesman", according to "the Ruiz campaign"
        words = description.group().split()
        form = "group" if words[-1].lower() in GROUP_NOUNS else "description"
        return Mention(lo, lo + description.end(), description.group(), form)
    return None
