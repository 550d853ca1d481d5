"""Finding quotation spans: pairs quotation marks paragraph by paragraph, tells quotes from apostrophes.

Owns the span layer only: where each quotation starts and ends (marks excluded). Who said it is
decided later by the sieves.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

PARAGRAPH = re.compile(r"[^\n]+")
# A doubled straight apostrophe ('') stands for a double quote in some archives; it must win over
# the single apostrophe, so it comes first in the alternation. Where a nested single quote closes
# with it (`'slow lane,'''`) the closing pair is the last two marks, not the first two.
DOUBLE_MARK = re.compile(r"''(?!'(?!\w))|[\"“”„]")
SINGLE_MARK = re.compile(r"(?<!')['‘’](?!')")
# Elisions written with a leading apostrophe: '90s, 'em, 'til, 'cause, 'bout, rock 'n' roll.
LEADING_ELISION = re.compile(r"(?:\d0s|\d\d\b|em\b|til\b|cause\b|bout\b|tis\b|twas\b|n['’]\s|n\b|s\b)", re.IGNORECASE)

OPENING_NEIGHBOURS = set(" \t([{—–-/“‘\"'") | {""}
CLOSING_FOLLOWERS = set(" \t.,;:!?)]}—–-/”’\"'…") | {""}


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


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-empty line: news text separates paragraphs by line breaks."""
    return [(m.start(), m.end()) for m in PARAGRAPH.finditer(text) if m.group().strip()]


def end_before_space(text: str, end: int) -> int:
    """`len(text[:end].rstrip())` without copying the text before `end`."""
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


def _around(text: str, start: int, end: int) -> tuple[str, str]:
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    return before, after


def _double_role(text: str, start: int, end: int, glyph: str) -> str:
    """'open', 'close' or 'either' for a double mark, read from its neighbours first, glyph second."""
    before, after = _around(text, start, end)
    can_open = before in OPENING_NEIGHBOURS or before.isspace()
    can_close = after in CLOSING_FOLLOWERS or after.isspace()
    if can_open and not can_close:
        return "open"
    if can_close and not can_open:
        return "close"
    if glyph in "“„":
        return "open"
    if glyph == "”":
        return "close"
    return "either"


def _double_spans(text: str, p_start: int, p_end: int, index: int) -> list[QuoteSpan]:
    spans: list[QuoteSpan] = []
    opened: re.Match | None = None
    for mark in DOUBLE_MARK.finditer(text, p_start, p_end):
        role = _double_role(text, mark.start(), mark.end(), mark.group())
        if opened is None:
            if role != "close":
                opened = mark
            continue
        if role == "open" and mark.group() in "“„" and opened.group() in "“„":
            opened = mark  # the earlier curly opener was never closed: restart here
            continue
        spans.append(QuoteSpan(opened.end(), mark.start(), opened.start(), mark.start(), index, True, False, mark.end()))
        opened = None
    if opened is not None:
        end = end_before_space(text, p_end)
        if end > opened.end():
            spans.append(QuoteSpan(opened.end(), end, opened.start(), end, index, False, False))
    return spans


def _single_spans(text: str, p_start: int, p_end: int, index: int, taken: list[tuple[int, int]]) -> list[QuoteSpan]:
    """Single-quoted stretches outside double quotes; unmatched single marks are apostrophes."""
    openers: list[int] = []
    closers: list[int] = []
    taken_starts = [s for s, _ in taken]
    for mark in SINGLE_MARK.finditer(text, p_start, p_end):
        holder = bisect_right(taken_starts, mark.start()) - 1
        if holder >= 0 and mark.start() < taken[holder][1]:
            continue
        before, after = _around(text, mark.start(), mark.end())
        if before.isalnum() and after.isalnum():
            continue  # don't, Netanyahu’s
        if (before in OPENING_NEIGHBOURS or before.isspace()) and after and not after.isspace():
            if not LEADING_ELISION.match(text, mark.end()):
                openers.append(mark.start())
            continue
        if before and not before.isspace() and (after in CLOSING_FOLLOWERS or after.isspace()):
            closers.append(mark.start())
    spans: list[QuoteSpan] = []
    last_close = -1
    for open_at in openers:
        if open_at < last_close:
            continue
        following = bisect_right(closers, open_at + 1)
        if following == len(closers):
            continue
        close_at = closers[following]
        spans.append(QuoteSpan(open_at + 1, close_at, open_at, close_at, index, True, True))
        last_close = close_at
    return spans


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Every quoted stretch of `text`, in order; a quote left open at a paragraph end stops there."""
    spans: list[QuoteSpan] = []
    for index, (p_start, p_end) in enumerate(paragraphs(text)):
        doubles = _double_spans(text, p_start, p_end, index)
        taken = [(s.open_mark, s.close_mark + 1) for s in doubles]
        spans.extend(doubles)
        spans.extend(_single_spans(text, p_start, p_end, index, taken))
    spans.sort(key=lambda s: s.start)
    return [s for s in spans if text[s.start:s.end].strip()]
