"""The public shapes of a verification and of a quote's occurrences (the API's and the CLI's JSON)."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, Field

from app.store.models import ArticleRef, QuotePublic, SpeakerRef

Verdict = Literal["verbatim", "reworded", "other_speaker", "not_found"]


class ClaimIn(BaseModel):
    """A quote as someone claims it was said."""

    text: str = Field(
        min_length=1,
        max_length=2000,
        examples=["We will reopen the bridge in May"],
        description="The words as claimed; quotation marks, case and punctuation do not matter.",
    )
    speaker: str | None = Field(
        default=None,
        max_length=200,
        examples=["Ana Ruiz"],
        description="Who is said to have said them (any name variant, as in `speaker=`).",
    )
    said_around: date | None = Field(
        default=None,
        examples=["2024-02-06"],
        description="About when: among equally close records, the one said nearest this day comes first.",
    )


class DiffPartPublic(BaseModel):
    """One step of the word-level diff: the claim's words against the record's."""

    op: Literal["equal", "replace", "delete", "insert"] = Field(
        examples=["replace"],
        description="equal: same words; replace: claim words where the record has others; "
        "delete: words only in the claim; insert: words only in the record.",
    )
    claim: str = Field(examples=["in May"])
    record: str = Field(examples=["by the end of May"])


class Candidate(BaseModel):
    """A stored quote the claim may be, with how it differs and its own verdict."""

    quote_id: int = Field(examples=[101])
    verdict: Verdict = Field(examples=["reworded"])
    similarity: float = Field(
        examples=[0.83],
        description="0 to 1: words the claim shares with the record, in order, over the words of both "
        "(only the stretch of the record the claim covers). 1.0: word for word.",
    )
    text: str = Field(examples=["We will reopen the bridge by the end of May"], description="The stored words, exact.")
    diff: list[DiffPartPublic]
    speaker: SpeakerRef | None = None
    article: ArticleRef
    said_on: date | None = Field(default=None, examples=["2024-02-06"])


class Verification(BaseModel):
    """The claim's verdict (that of its first candidate, or not_found) and the closest records."""

    verdict: Verdict = Field(examples=["reworded"])
    candidates: list[Candidate] = Field(default_factory=list)


class Occurrence(BaseModel):
    """One article carrying the quote."""

    quote_id: int = Field(examples=[101])
    text: str = Field(examples=["We will reopen the bridge in May"])
    speaker: SpeakerRef | None = None
    article: ArticleRef
    said_on: date | None = Field(default=None, examples=["2024-02-06"])


class WordingVariant(BaseModel):
    """One wording of the quote (case and punctuation aside), how many articles carry it, and its
    diff against the first seen wording."""

    text: str = Field(examples=["We will reopen the bridge in early May"])
    occurrences: int = Field(examples=[2])
    diff: list[DiffPartPublic]


class SpeakerCount(BaseModel):
    """A speaker the articles give for these words (null: unnamed) and in how many of them."""

    speaker: SpeakerRef | None = None
    occurrences: int = Field(examples=[3])


class Occurrences(BaseModel):
    """Every article carrying a quote's words: the first seen, the wording variants, who they name.

    `speakers_disagree` is true when the articles name different speakers for the same words."""

    group: int | None = Field(
        examples=[101], description="The occurrence group (null: no other stored article carries these words)."
    )
    first_seen: Occurrence
    occurrences: list[Occurrence] = Field(description="Earliest published first (undated articles last).")
    outlets: int = Field(examples=[3], description="How many sources (or articles without one) carried the quote.")
    variants: list[WordingVariant]
    speakers: list[SpeakerCount]
    speakers_disagree: bool = Field(examples=[False])


class GroupCounts(BaseModel):
    """What `/quotes?distinct=true` adds to each quote: the size of its occurrence group."""

    occurrences: int = Field(examples=[3], description="Articles carrying these words (1: only this one).")
    outlets: int = Field(examples=[3])
    speakers_disagree: bool = Field(examples=[False])


class DistinctQuotePublic(QuotePublic):
    """A quote item of `/quotes?distinct=true`: the first seen occurrence of its words, and how widely they ran."""

    occurrences: int = Field(examples=[3], description="Articles carrying these words (1: only this one).")
    outlets: int = Field(examples=[3], description="Sources that carried them (an article without one counts alone).")
    speakers_disagree: bool = Field(examples=[False], description="The articles name different speakers.")
