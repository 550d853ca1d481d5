"""CSV export of quotes: one header row, then one row per quote, streamed a keyset page at a time."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Iterator
from operator import attrgetter

from app.store.models import QuotePublic, web_link

CSV_MEDIA_TYPE = "text/csv; charset=utf-8"


def speaker_field(name: str) -> Callable[[QuotePublic], object]:
    return lambda quote: getattr(quote.speaker, name) if quote.speaker else None


def article_field(name: str) -> Callable[[QuotePublic], object]:
    return lambda quote: getattr(quote.article, name)


# The columns newsrooms' spreadsheets know, in their order; every other field of QuotePublic follows
# under its own name (EXTRA_FIELDS), so a field added to the model is exported with no change here.
NAMED_COLUMNS: tuple[tuple[str, Callable[[QuotePublic], object]], ...] = (
    ("id", attrgetter("id")),
    ("said_on", attrgetter("said_on")),
    ("speaker_id", speaker_field("id")),
    ("speaker", speaker_field("name")),
    ("speaker_title", speaker_field("title")),
    ("mention", attrgetter("mention")),
    ("text", attrgetter("text")),
    ("cue", attrgetter("cue")),
    ("kind", attrgetter("kind")),
    ("topics", attrgetter("topics")),
    ("article_id", article_field("id")),
    ("article_title", article_field("title")),
    ("article_url", lambda quote: web_link(quote.article.url)),
    ("source", article_field("source")),
    ("published_at", article_field("published_at")),
    ("start", attrgetter("start")),
    ("end", attrgetter("end")),
    ("context", attrgetter("context")),
    ("sieve", attrgetter("sieve")),
    ("confidence", attrgetter("confidence")),
)
EMBEDDED = {"speaker", "article"}  # spread over the named speaker_* and article columns
EXTRA_FIELDS = tuple(
    name
    for name in QuotePublic.model_fields
    if name not in EMBEDDED and name not in {column for column, _ in NAMED_COLUMNS}
)
COLUMNS = NAMED_COLUMNS + tuple((name, attrgetter(name)) for name in EXTRA_FIELDS)
CSV_COLUMNS = tuple(column for column, _ in COLUMNS)
LIST_SEPARATOR = "; "


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # what a spreadsheet reads as the start of a formula


def cell(value: object) -> object:
    """A value as the CSV shows it: an empty cell for None, a list joined by "; ", and text that a
    spreadsheet would run as a formula behind an apostrophe (OWASP's advice against CSV injection)."""
    if value is None:
        return ""
    if isinstance(value, list):
        value = LIST_SEPARATOR.join(map(str, value))
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_row(quote: QuotePublic) -> tuple:
    return tuple(cell(read(quote)) for _, read in COLUMNS)


def csv_chunks(pages: Iterable[list[QuotePublic]]) -> Iterator[str]:
    """The CSV text: the header, then one chunk per page of quotes."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for page in pages:
        writer.writerows(csv_row(quote) for quote in page)
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    if buffer.tell():
        yield buffer.getvalue()
