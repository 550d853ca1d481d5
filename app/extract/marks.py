"""Finding quotation spans: pairs quotation marks paragraph by paragraph, tells quotes from apostrophes.

Owns the span layer only: where each quotation starts and ends (marks and the spaces just inside
them excluded). Who said it is decided later by the sieves.

Each family of marks is paired on its own: guillemets (« » and » « alike), double marks (" “ ” „
and doubled single marks), single guillemets (‹ ›), then single marks, which double as
apostrophes. A quote nested in another is part of the outer one, whatever the house style (double
inside single, single inside double, double inside guillemets): only the outermost spans are kept,
so spans never overlap.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

PARAGRAPH = re.compile(r"[^\n]+")
# One mark, or a run of single marks: two of them ('' ’’ ‘‘ ‘’) stand for a double mark in some
# archives and typesetting (see `_marks_of`). Written as any mark, then more single marks after a
# single one, so a search skips to the next mark at once instead of trying both branches at every offset.
MARK_RUN = re.compile(r"[\"“”„‟«»‹›'‘’](?:(?<=['‘’])['‘’]*)?")
FAMILY_OF_GLYPH = {
    "«": "guillemet",
    "»": "guillemet",
    "‹": "single guillemet",
    "›": "single guillemet",
    "'": "single",
    "‘": "single",
    "’": "single",
}  # any other mark is a double one
PAIRED_FAMILIES = ("guillemet", "double", "single guillemet")  # paired by glyph, never apostrophes
# Elisions written with a leading apostrophe: '90s, 'em, 'til, 'cause, 'bout, rock 'n' roll.
LEADING_ELISION = re.compile(r"(?:\d0s|\d\d\b|em\b|til\b|cause\b|bout\b|tis\b|twas\b|n['’]\s|n\b|s\b)", re.IGNORECASE)

# Every glyph that can open or close a quotation, for the modules that read around quotes.
OPENING_MARK_CHARS = "\"'“‘„‟«‹»›"
CLOSING_MARK_CHARS = "\"'”’»›«‹"

OPENING_NEIGHBOURS = set(" \t([{—–-/“‘\"'«‹»›„") | {""}
CLOSING_FOLLOWERS = set(" \t.,;:!?)]}—–-/”’\"'…»›«‹") | {""}
# A glyph's usual role, for a mark whose neighbours allow both (`“ word ”`, French `« mot »`).
OPENING_GLYPHS = frozenset("“„‟«‹")
CLOSING_GLYPHS = frozenset("”»›")
OPENING_SINGLE = frozenset("‘'")  # a paragraph opening with one of these may run on to the next


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """The text between a pair of marks: offsets of the content and of the marks around it."""

    start: int
    end: int
    open_mark: int  # offset of the opening mark
    close_mark: int  # offset of the closing mark, or the paragraph end when the quote runs on
    paragraph: int  # index of the paragraph holding the opening mark
    closed: bool
    single: bool  # delimited by single quotes
    after_mark: int = -1  # first offset after the closing mark

    def after(self) -> int:
        return self.after_mark if self.after_mark >= 0 else self.close_mark + 1


class Mark(NamedTuple):
    """One quotation mark (two characters for a doubled single mark) and its family."""

    start: int
    end: int
    glyph: str
    family: str  # guillemet | double | single guillemet | single


@lru_cache(maxsize=4)  # spans, sentences and subjects read the paragraphs of the same text
def paragraphs(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of every non-empty line: news text separates paragraphs by line breaks."""
    return tuple((m.start(), m.end()) for m in PARAGRAPH.finditer(text) if m.group().strip())


def end_before_space(text: str, end: int) -> int:
    """`len(text[:end].rstrip())` without copying the text before `end`."""
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


def _start_after_space(text: str, start: int, end: int) -> int:
    while start < end and text[start].isspace():
        start += 1
    return start


def _marks_of(text: str, run: re.Match[str]) -> list[Mark]:
    """The marks a run of mark characters stands for. Two single marks make a double mark; of three
    or more, the pair is the first two before a word (`'''Slow lane' is right,'' she said`), else
    the last two (`it the 'slow lane,''' she said`); the single marks left are nested in it. A single
    mark between two letters or digits is an apostrophe (don't, Netanyahu’s), no mark at all."""
    start, end, glyph = run.start(), run.end(), run.group()
    if len(glyph) == 1:
        family = FAMILY_OF_GLYPH.get(glyph, "double")
        if family == "single" and start > 0 and end < len(text) and text[start - 1].isalnum() and text[end].isalnum():
            return []
        return [Mark(start, end, glyph, family)]
    pair_at = start if len(glyph) == 2 or (end < len(text) and text[end].isalnum()) else end - 2
    return [Mark(pair_at, pair_at + 2, text[pair_at : pair_at + 2], "double")]


def _span(
    text: str, open_at: int, content_start: int, close_at: int, index: int, closed: bool, single: bool, after: int = -1
) -> QuoteSpan | None:
    """The span between two marks, without the spaces inside them (`« mot »`); None when empty."""
    start = _start_after_space(text, content_start, close_at)
    end = end_before_space(text, close_at)
    if end <= start:
        return None
    return QuoteSpan(start, end, open_at, close_at, index, closed, single, after)


def _around(text: str, start: int, end: int) -> tuple[str, str]:
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    return before, after


def _mark_role(text: str, mark: Mark) -> str:
    """'open', 'close' or 'either' for a paired mark, read from its neighbours first, glyph second."""
    before, after = _around(text, mark.start, mark.end)
    can_open = before in OPENING_NEIGHBOURS or before.isspace()
    can_close = after in CLOSING_FOLLOWERS or after.isspace()
    if can_open and not can_close:
        return "open"
    if can_close and not can_open:
        return "close"
    if mark.glyph in OPENING_GLYPHS:
        return "open"
    if mark.glyph in CLOSING_GLYPHS:
        return "close"
    return "either"


def _paired_spans(text: str, marks: list[Mark], p_end: int, index: int) -> list[QuoteSpan]:
    """Spans between the marks of one family in a paragraph; a quote left open runs to its end."""
    spans: list[QuoteSpan | None] = []
    opened: Mark | None = None
    for mark in marks:
        role = _mark_role(text, mark)
        if opened is None:
            if role != "close":
                opened = mark
            continue
        if role == "open" and mark.glyph in OPENING_GLYPHS and opened.glyph in OPENING_GLYPHS:
            opened = mark  # the earlier opener was never closed: restart here
            continue
        single = mark.family == "single guillemet"
        spans.append(_span(text, opened.start, opened.end, mark.start, index, True, single, mark.end))
        opened = None
    if opened is not None:
        end = end_before_space(text, p_end)
        spans.append(_span(text, opened.start, opened.end, end, index, False, opened.family == "single guillemet"))
    return [s for s in spans if s is not None]


def _single_spans(
    text: str, marks: list[Mark], p_end: int, index: int, runs_on: bool, taken: list[tuple[int, int]]
) -> list[QuoteSpan]:
    """Single-quoted stretches outside other quotes; unmatched single marks are apostrophes. The last
    quote of the paragraph, left without a closing mark, runs to its end when `runs_on` (the next
    paragraph reopens with a single mark, the British way of quoting over two paragraphs)."""
    openers: list[int] = []
    closers: list[int] = []
    taken_starts = [s for s, _ in taken]
    for mark in marks:
        holder = bisect_right(taken_starts, mark.start) - 1
        if holder >= 0 and mark.start < taken[holder][1]:
            continue
        before, after = _around(text, mark.start, mark.end)
        if (before in OPENING_NEIGHBOURS or before.isspace()) and after and not after.isspace():
            if not LEADING_ELISION.match(text, mark.end):
                openers.append(mark.start)
            continue
        if before and not before.isspace() and (after in CLOSING_FOLLOWERS or after.isspace()):
            closers.append(mark.start)
    spans: list[QuoteSpan | None] = []
    last_close = -1
    for open_at in openers:
        if open_at < last_close:
            continue
        following = bisect_right(closers, open_at + 1)
        if following == len(closers):
            if runs_on:
                end = end_before_space(text, p_end)
                spans.append(_span(text, open_at, open_at + 1, end, index, False, True))
            break
        close_at = closers[following]
        spans.append(_span(text, open_at, open_at + 1, close_at, index, True, True))
        last_close = close_at
    return [s for s in spans if s is not None]


def _outermost(spans: list[QuoteSpan]) -> list[QuoteSpan]:
    """The spans not inside or across an earlier one: a nested quote belongs to the outer span."""
    kept: list[QuoteSpan] = []
    reach = -1
    for span in sorted(spans, key=lambda s: (s.open_mark, -s.after())):
        if span.open_mark >= reach:
            kept.append(span)
            reach = span.after()
    return kept


def _paragraph_spans(text: str, found: tuple[tuple[int, int], ...], index: int, marks: list[Mark]) -> list[QuoteSpan]:
    """The outermost quotes of paragraph `index`, from the quotation marks and apostrophes in it."""
    families: dict[str, list[Mark]] = {}
    for mark in marks:
        families.setdefault(mark.family, []).append(mark)
    p_end = found[index][1]
    paired: list[QuoteSpan] = []
    for family in PAIRED_FAMILIES:
        if family in families:
            paired += _paired_spans(text, families[family], p_end, index)
    if "single" in families:
        taken = sorted((s.open_mark, s.after()) for s in paired)
        next_start = _start_after_space(text, *found[index + 1]) if index + 1 < len(found) else len(text)
        runs_on = next_start < len(text) and text[next_start] in OPENING_SINGLE
        paired += _single_spans(text, families["single"], p_end, index, runs_on, taken)
    return paired if len(families) == 1 else _outermost(paired)


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Every quoted stretch of `text`, in order; a quote left open at a paragraph end stops there."""
    spans: list[QuoteSpan] = []
    found = paragraphs(text)
    index, held = 0, []
    for run in MARK_RUN.finditer(text):
        if run.start() >= found[index][1]:
            if held:
                spans += _paragraph_spans(text, found, index, held)
                held = []
            while run.start() >= found[index][1]:
                index += 1
        held += _marks_of(text, run)
    if held:
        spans += _paragraph_spans(text, found, index, held)
    return spans
