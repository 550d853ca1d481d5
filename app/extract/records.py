"""The extractor's output records: frozen, offset-carrying dataclasses, and their JSON form.

The JSON form (what `quotewire extract` prints, the scorer's contract) is read from the records'
fields in the order they are declared, so a new field reaches it with no second list to keep. A
field's metadata adjusts its entry: `JSON_KEY` names it differently, `JSON_OMIT` leaves it out,
`JSON_DIGITS` rounds a float.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, is_dataclass
from datetime import date
from typing import Any, Literal

JSON_KEY = "json_key"  # the field's key in the JSON form, when it is not the field's name
JSON_OMIT = "json_omit"  # True: the field stays out of the JSON form
JSON_DIGITS = "json_digits"  # a float field is rounded to this many digits

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
    slug: str = field(default="", metadata={JSON_OMIT: True})  # the subject's slug in its taxonomy


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
    # the narrower subject chosen under each of them
    subject_details: tuple[SubjectScore, ...] = field(default=(), metadata={JSON_KEY: "subjects_detail"})
    sieve: str | None = None
    confidence: float = field(default=0.0, metadata={JSON_DIGITS: 3})


def quote_to_dict(quote: Quote) -> dict[str, Any]:
    """The JSON shape printed by `quotewire extract` (the scorer's contract)."""
    return record_to_dict(quote)


def record_to_dict(record: Any) -> dict[str, Any]:
    """A record's JSON form: its fields in declared order, records within it as dicts, tuples as lists,
    dates as ISO strings."""
    return {
        f.metadata.get(JSON_KEY, f.name): json_value(getattr(record, f.name), f.metadata.get(JSON_DIGITS))
        for f in fields(record)
        if not f.metadata.get(JSON_OMIT)
    }


def json_value(value: Any, digits: int | None = None) -> Any:
    if is_dataclass(value):
        return record_to_dict(value)
    if isinstance(value, tuple):
        return [json_value(item) for item in value]
    if isinstance(value, date):
        return value.isoformat()
    if digits is not None:
        return round(value, digits)
    return value
