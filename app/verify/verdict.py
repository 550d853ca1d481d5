"""The verdict on a claimed quote (pure: no database).

    verbatim       the record holds the claim's words, side by side, as claimed (an excerpt counts)
    reworded       the record is close but its wording differs: the diff shows how
    other_speaker  close or exact, but the archive gives the words to someone else than the claimed speaker
    not_found      no stored quote comes close enough

A record counts as the claim's source when its similarity (`app.verify.wording`) reaches
SAME_QUOTE_SIMILARITY: a misquote that drops or swaps a fifth of the words and cuts the end
stays above it, two sentences that only share common words stay below.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.verify.records import Verdict
from app.verify.wording import Comparison

SAME_QUOTE_SIMILARITY = 0.7


@dataclass(frozen=True, slots=True)
class Judged:
    """A record compared with the claim: its verdict and what orders it among the others."""

    record_id: int
    comparison: Comparison
    verdict: Verdict
    said_on: date | None


def record_verdict(comparison: Comparison, *, by_claimed_speaker: bool | None) -> Verdict:
    """One record's verdict; `by_claimed_speaker` is None when the claim names no speaker."""
    if comparison.similarity < SAME_QUOTE_SIMILARITY:
        return "not_found"
    if by_claimed_speaker is False:
        return "other_speaker"
    return "verbatim" if comparison.excerpt else "reworded"


def ranked(judged: list[Judged], said_around: date | None) -> list[Judged]:
    """Records in the order a fact-checker reads them: the claimed speaker's matches first, then the
    closest wording, then (with `said_around`) the nearest day, then the earliest said."""

    def order(item: Judged) -> tuple:
        found = item.verdict != "not_found"
        distance = abs((item.said_on - said_around).days) if said_around and item.said_on else 0
        undated = item.said_on is None
        return (
            not found,
            item.verdict == "other_speaker",
            -round(item.comparison.similarity, 2),
            distance,
            undated,
            item.said_on or date.max,
            item.record_id,
        )

    return sorted(judged, key=order)


def claim_verdict(ordered: list[Judged]) -> Verdict:
    """The claim's verdict: that of the first record in `ranked` order, or not_found."""
    return ordered[0].verdict if ordered else "not_found"
