"""The extractor's output records: frozen, offset-carrying dataclasses, and their JSON form."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

SpeakerKind = Literal["person", "organization", "group", "anonymous"]
QuoteKind = Literal["full", "partial", "continuation"]


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who said a quote: the resolved canonical name and the mention actually written."""

    name: str | None  # canonical, e.g. "Antony Blinken"; None for an anonymous source
    kind: SpeakerKind
    mention: str | None = None  # as written at the attribution, e.g. "the top US diplomat"
    mention_start: int | None = None
    mention_end: int | None = None
    title: str | None = None  # role the article gives, e.g. "US Secretary of State"


@dataclass(frozen=True, slots=True)
class SubjectScore:
    """A taxonomy subject a quote is about: its label, its code ("medtop:11000000") and how strongly."""

    name: str
    code: str | None
    score: float
    slug: str = ""  # the subject's slug in its taxonomy


@dataclass(frozen=True, slots=True)
class Quote:
    """One quotation: its text between the marks, offsets into the article, and its attribution."""

    text: str
    start: int
    end: int
    context: str
    kind: QuoteKind
    speaker: Speaker | None = None
    cue: str | None = None
    said_on: date | None = None
    topics: tuple[str, ...] = ()
    subjects: tuple[SubjectScore, ...] = ()  # top-level subjects, best first
    subject_details: tuple[SubjectScore, ...] = ()  # the narrower subject chosen under each of them
    sieve: str | None = None
    confidence: float = 0.0


def speaker_to_dict(speaker: Speaker | None) -> dict | None:
    if speaker is None:
        return None
    return {
        "name": speaker.name,
        "kind": speaker.kind,
        "mention": speaker.mention,
        "mention_start": speaker.mention_start,
        "mention_end": speaker.mention_end,
        "title": speaker.title,
    }


def subject_to_dict(subject: SubjectScore) -> dict:
    return {"name": subject.name, "code": subject.code, "score": subject.score}


def quote_to_dict(quote: Quote) -> dict:
    """The JSON shape printed by `quotewire extract` (the scorer's contract)."""
    return {
        "text": quote.text,
        "start": quote.start,
        "end": quote.end,
        "context": quote.context,
        "kind": quote.kind,
        "speaker": speaker_to_dict(quote.speaker),
        "cue": quote.cue,
        "said_on": quote.said_on.isoformat() if quote.said_on else None,
        "topics": list(quote.topics),
        "subjects": [subject_to_dict(s) for s in quote.subjects],
        "subjects_detail": [subject_to_dict(s) for s in quote.subject_details],
        "sieve": quote.sieve,
        "confidence": round(quote.confidence, 3),
    }
