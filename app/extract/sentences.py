"""Sentence splitting with character offsets, aware of abbreviations and of quoted stretches.

A boundary is never placed inside a quotation, so `"One. Two," she said.` is one sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import NamedTuple

from app.extract.lexicon import CUE_PATTERN
from app.extract.marks import CLOSING_MARK_CHARS, OPENING_MARK_CHARS, QuoteSpan, end_before_space, paragraphs

ABBREVIATIONS = frozenset(
    "mr mrs ms dr sen rep gov gen lt col sgt capt cmdr adm maj rev prof st jr sr vs etc inc corp co ltd "
    "jan feb mar apr aug sep sept oct nov dec mt ft no gop u.s u.k u.n d.c a.m p.m e.g i.e".split()
)
# Closing marks after end punctuation: French ones after a no-break space (`fin. »`), German ones
# (« ‹) only right after it (`Ende.«`), as a French « after a space opens the next sentence.
_CLOSING = rf"(?:\s?[{re.escape(CLOSING_MARK_CHARS.replace('«', '').replace('‹', ''))})\]]|[«‹])"
_OPENING = rf"(?:[{re.escape(OPENING_MARK_CHARS)}(\[]\s?)"
# End punctuation, then closing marks, then space, then something that can start a sentence.
# (The first character is written apart, so a search skips to the next stop at once.)
SENTENCE_END = re.compile(rf"[.!?…][.!?…]*{_CLOSING}*\s+(?={_OPENING}*[A-Z0-9])")
# After a quote ending in ?, ! or a trailing-off …, a capitalised speaker and cue continue the
# sentence: `?" Trump asked.`
SPEAKER_THEN_CUE = re.compile(rf"(?:[A-Z][\w.’'\-]*\s+){{0,3}}[A-Z][\w.’'\-]*(?:,[^,]{{1,80}},)?\s+{CUE_PATTERN}")
WORD_BEFORE_DOT = re.compile(rf"([A-Za-z.]+)\.{_CLOSING}*\s+$")


class Sentence(NamedTuple):
    """A sentence's offsets and its paragraph's index (a named tuple: made and hashed fast, as a dict key)."""

    start: int
    end: int
    paragraph: int


def _is_abbreviation(text: str, boundary_start: int, boundary_end: int) -> bool:
    match = WORD_BEFORE_DOT.search(text, max(0, boundary_start - 12), boundary_end)
    if not match:
        return False
    word = match.group(1).lower()
    return word in ABBREVIATIONS or len(word) == 1 or (len(word) <= 4 and "." in word)


def split_sentences(text: str, spans: list[QuoteSpan]) -> list[Sentence]:
    """Sentences of every paragraph, never cut inside a quote span."""
    starts = [s.start for s in spans]
    sentences: list[Sentence] = []
    for index, (p_start, p_end) in enumerate(paragraphs(text)):
        start = p_start
        for match in SENTENCE_END.finditer(text, p_start, p_end):
            cut = match.end()
            holder = bisect_left(starts, match.start()) - 1  # the last quote opening before the mark
            if holder >= 0 and cut - 1 < spans[holder].end:
                continue
            quote_closes = text[end_before_space(text, cut) - 1] in CLOSING_MARK_CHARS
            if text[match.start()] in "?!…" and quote_closes and SPEAKER_THEN_CUE.match(text, cut, p_end):
                continue
            if text[match.start()] == "." and _is_abbreviation(text, match.start(), cut):
                continue
            sentences.append(Sentence(start, cut, index))
            start = cut
        if start < p_end:
            sentences.append(Sentence(start, p_end, index))
    return sentences
