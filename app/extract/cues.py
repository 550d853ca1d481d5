"""Where a quotation's attribution is written: a cue after it, or a cue before it in its sentence.

`trailing_cue` reads `"...," Ruiz said` and `"...," said Ruiz`; `leading_cue` reads `Ruiz said: "..."`
and reported speech with a partial quote (`Ruiz dismissed the plan as "a fantasy"`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.extract.entities import name_mentions
from app.extract.frames import Mention, phrase_after, subject_before
from app.extract.lexicon import CUE

LEADING_PUNCTUATION = re.compile(r"[\s,;:—–\-]*")
CLAUSE_WORDS = frozenset(
    "in on at to of for with from by as that which who when while where way and but or before after until "
    "because since".split()
)
AS_START = re.compile(r"as\s+", re.IGNORECASE)  # "..." as Ruiz said
# Lowercase role words written before a name: "former FBI agent Tim Gill said", "spokesman Stuart Roy said".
ROLE_PREFIX = re.compile(r"^(?:[\w\-’'.]+\s+){1,6}$")
# What may sit between a cue and the quote it introduces: `said: "`, `told reporters "`, `wrote, "`.
INTRODUCTION_TAIL = re.compile(r"^(?:(?:\s+[\w.’']+){0,2}\s*[:,—–]|\s+[\w.’']+)?\s*$")
TRAILING_REACH = 150
MENTION_THEN_QUOTE = re.compile(r"\s*[,:—–]\s*")  # `, said Ruiz, "...`
CLAUSE_BREAK = re.compile(r"[,;:“”\"(]")
PASSIVE_AGENT = re.compile(r"\s+by\s+")  # asked "by" the host
PASSIVE_AUXILIARY = re.compile(r"\b(?:was|were|is|are|been|being)\s+(?:\w+ly\s+)?$")
NAME_AND = re.compile(r",?\s+and\s+")
NAME_LIST_GAP = re.compile(r",\s+|,?\s+and\s+")
# `Ruiz said Lee had told him: "..."`: words relayed with their first speaker's own cue are that speaker's.
PLUPERFECT = re.compile(r"\bhad\s+$")
# A sentence opening on its source, the quote right after: `According to the harbor board, "..."`.
OPENING_ACCORDING_TO = re.compile(r"According to\s+")
SENTENCE_CLOSE = re.compile(r"(?:\s+(?:says|said))?[\s.!?]*")  # what may follow the speaker: ` says.`, `.`
LEADING_CONJUNCTIONS = frozenset("and but so yet then".split())


@dataclass(frozen=True, slots=True)
class Cue:
    """A reporting cue with the speaker mention it governs."""

    mention: Mention | None  # None when the cue's speaker is not written next to it
    cue: str
    location: str  # trailing | introduction | reported


def trailing_cue(text: str, lo: int, hi: int) -> Cue | None:
    """The cue right after a quote, with its speaker before or after it."""
    if hi <= lo:
        return None
    lo = LEADING_PUNCTUATION.match(text, lo, hi).end()
    as_clause = AS_START.match(text, lo, hi)
    if as_clause:
        lo = as_clause.end()
    cue = CUE.search(text, lo, min(hi, lo + TRAILING_REACH))
    if cue is None:
        return None
    if not text[lo : cue.start()].strip():
        if cue.group().endswith("ing"):
            return None  # "...," noting that: a participle never has its speaker after it
        mention = phrase_after(text, cue.end(), hi)
        return Cue(mention, cue.group(), "trailing") if mention else None
    mention = subject_before(text, lo, cue.start())
    if mention is None:
        return None
    prefix = text[lo : mention.start]
    if mention.form == "name" and _is_coordinated_names(text, lo, mention.start):
        return Cue(mention, cue.group(), "trailing")  # "...," Lee and Ruiz wrote: the last named is kept
    if prefix.strip() and not (mention.form == "name" and (mention.appositive or _is_role_prefix(prefix))):
        return None  # an appositive renames what is written before it: "the city’s mayor, Dana Ruiz,"
    return Cue(mention, cue.group(), "trailing")


def leading_cue(text: str, lo: int, hi: int) -> Cue | None:
    """The nearest cue before a quote in its sentence that has a speaker, else the nearest cue."""
    opening = OPENING_ACCORDING_TO.match(text, LEADING_PUNCTUATION.match(text, lo, hi).end(), hi)
    if opening is not None:
        mention = phrase_after(text, opening.end(), hi)
        if mention is not None and MENTION_THEN_QUOTE.fullmatch(text, mention.end, hi):
            return Cue(mention, "according to", "reported")
    cues = list(CUE.finditer(text, lo, hi))
    participle: Cue | None = None
    for cue in reversed(cues):
        tail = text[cue.end() : hi]
        if cue.group() == "according to":
            mention = phrase_after(text, cue.end(), hi)
            if mention:
                return Cue(mention, cue.group(), "reported")
            continue
        location = "introduction" if INTRODUCTION_TAIL.match(tail) else "reported"
        agent = PASSIVE_AGENT.match(text, cue.end(), hi)
        if agent and PASSIVE_AUXILIARY.search(text, max(lo, cue.start() - 30), cue.start()):
            mention = phrase_after(text, agent.end(), hi)  # "Lee was asked by host Ana Ruiz whether “...”"
            if mention is not None and mention.form == "name":
                return Cue(mention, cue.group(), location)
        mention = subject_before(text, lo, cue.start())
        if cue.group().endswith("ing") and (
            mention is None or mention.form not in ("name", "pronoun") or text[lo : cue.start()].rstrip().endswith(",")
        ):
            participle = participle or Cue(None, cue.group(), location)
            continue  # "..., calling it": the main clause's subject speaks
        if mention is None and len(tail.split()) <= 6:
            mention = phrase_after(text, cue.end(), hi)
            if mention is not None and not MENTION_THEN_QUOTE.fullmatch(text, mention.end, hi):
                mention = None  # `said the senator can "..."`: the clause's subject, not the speaker
        if mention is not None and mention.form in ("description", "group") and _inside_clause(text, lo, mention.start):
            mention = None  # "shared a syllabus for a class called “Perception”": an object, not a subject
        if mention is None:
            continue
        relayed = ":" in tail or PLUPERFECT.search(text, max(lo, cue.start() - 12), cue.start())
        outer = None if relayed else _outer_speaker(text, lo, cues, cue, mention)
        return outer or Cue(mention, cue.group(), location)
    if participle is not None:
        return participle
    if cues:
        tail = text[cues[-1].end() : hi]
        return Cue(None, cues[-1].group(), "introduction" if INTRODUCTION_TAIL.match(tail) else "reported")
    return None


def _outer_speaker(text: str, lo: int, cues: list[re.Match], inner: re.Match, mention: Mention) -> Cue | None:
    """`Lee said Ruiz called it "a farce"`: the reported clause is Lee's account, so Lee is the source."""
    for outer in cues:
        if outer.start() >= inner.start() or outer.group().endswith("ing") or outer.group() == "according to":
            continue
        between = text[outer.end() : mention.start]
        if CLAUSE_BREAK.search(between) or len(between.split()) > 2:
            continue
        source = subject_before(text, lo, outer.start())
        if source is not None and source.form in ("name", "pronoun"):
            return Cue(source, outer.group(), "reported")
    return None


def _is_coordinated_names(text: str, lo: int, hi: int) -> bool:
    """True for "Tom Lee and " or "Tom Lee, Ana Diaz and " before a last name."""
    names = name_mentions(text, lo, hi)
    if not names or names[0].start != lo or not NAME_AND.fullmatch(text, names[-1].end, hi):
        return False
    return all(NAME_LIST_GAP.fullmatch(text, a.end, b.start) for a, b in zip(names, names[1:]))


def _inside_clause(text: str, lo: int, at: int) -> bool:
    """True when words of the same clause come before `at`: a noun phrase there is no subject."""
    clause = text[lo:at]
    tail = CLAUSE_BREAK.split(clause)[-1].split()
    return any(word[:1].islower() and word.lower() not in LEADING_CONJUNCTIONS for word in tail)


def _is_role_prefix(words: str) -> bool:
    """True for "former FBI agent" before a name; false for a clause like "in the way the"."""
    return bool(ROLE_PREFIX.match(words)) and not any(w.lower() in CLAUSE_WORDS for w in words.split())


def closing_cue(text: str, start: int, end: int) -> Cue | None:
    """A named cue closing a sentence without a quote: `The ferry will run again, Tom Lee says.`"""
    comma = text.rfind(",", start, end)
    if comma < 0:
        return None
    found = trailing_cue(text, comma + 1, end)
    if found is None or found.mention.form != "name" or not SENTENCE_CLOSE.fullmatch(text, found.mention.end, end):
        return None
    return found


def late_cue(text: str, lo: int, hi: int) -> Cue | None:
    """A cue closing the sentence after more words: `"...," since it was close, said Ruiz.`"""
    for cue in reversed(list(CUE.finditer(text, lo, hi))):
        if cue.group() == "according to" or cue.group().endswith("ing"):
            continue
        clause_start = max(text.rfind(",", lo, cue.start()), text.rfind("—", lo, cue.start()))
        if clause_start < 0 or cue.start() - clause_start > 120:
            continue
        found = trailing_cue(text, clause_start, hi)
        if found is not None and found.mention.form == "name":
            return found
    return None
