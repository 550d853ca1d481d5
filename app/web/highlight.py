"""Where a quote's words stand in the text around them: the parts of a quote card's sentence and of an
article page, so the templates can mark the quote without searching text themselves.

An article page gives each speaker a colour, by order of first quote in the article, from a palette of
PALETTE_SIZE (the CSS defines `.speaker-0` ... for light and dark); anonymous quotes share a neutral one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from app.store.models import QuotePublic

PALETTE_SIZE = 8
ANONYMOUS = "anonymous"


@dataclass(frozen=True, slots=True)
class Passage:
    """A stretch of text, with the quote it belongs to (None for the text between quotes)."""

    text: str
    quote: QuotePublic | None = None
    colour: str = ""


def sentence_parts(context: str, words: str) -> tuple[str, str, str]:
    """The sentence around a quote split as (before, the quote, after); the quote is empty when the
    sentence does not hold its words (then `before` is the whole sentence)."""
    at = context.find(words) if words else -1
    if at < 0:
        return context, "", ""
    return context[:at], words, context[at + len(words) :]


def speaker_colours(quotes: Sequence[QuotePublic]) -> dict[int, str]:
    """The colour class of each speaker of an article, in order of their first quote."""
    colours: dict[int, str] = {}
    for quote in quotes:
        if quote.speaker is not None and quote.speaker.id not in colours:
            colours[quote.speaker.id] = f"speaker-{len(colours) % PALETTE_SIZE}"
    return colours


def colour_of(quote: QuotePublic, colours: dict[int, str]) -> str:
    return colours[quote.speaker.id] if quote.speaker is not None else ANONYMOUS


def article_passages(text: str, quotes: Sequence[QuotePublic], colours: dict[int, str]) -> list[Passage]:
    """The article text cut into passages: plain text, and each quote at its offsets.

    A quote whose offsets do not hold its words (an article stored before its text changed) or that
    overlaps the one before is left out here; the page still lists it among the attributions.
    """
    passages: list[Passage] = []
    done = 0
    for quote in sorted(quotes, key=lambda q: q.start):
        if quote.start < done or text[quote.start : quote.end] != quote.text:
            continue
        if quote.start > done:
            passages.append(Passage(text[done : quote.start]))
        passages.append(Passage(quote.text, quote, colour_of(quote, colours)))
        done = quote.end
    if done < len(text):
        passages.append(Passage(text[done:]))
    return passages


def paragraphs(passages: list[Passage]) -> list[list[Passage]]:
    """Passages grouped into paragraphs at blank lines (a quote never spans one: spans stop at paragraphs)."""
    result: list[list[Passage]] = [[]]
    for passage in passages:
        if passage.quote is not None:
            result[-1].append(passage)
            continue
        pieces = passage.text.split("\n\n")
        for number, piece in enumerate(pieces):
            if number:
                result.append([])
            if piece.strip("\n"):
                result[-1].append(Passage(piece.strip("\n") if len(pieces) > 1 else piece))
    return [paragraph for paragraph in result if paragraph]
