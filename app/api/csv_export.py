"""CSV export of quotes: one header row, then one row per quote, streamed a keyset page at a time."""
from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator

from app.models import QuotePublic

CSV_MEDIA_TYPE = "text/csv; charset=utf-8"
CSV_COLUMNS = ("id", "said_on", "speaker_id", "speaker", "speaker_title", "mention", "text", "cue", "kind",
               "topics", "article_id", "article_title", "article_url", "source", "published_at", "start", "end",
               "context", "sieve", "confidence")


def csv_row(quote: QuotePublic) -> tuple:
    speaker, article = quote.speaker, quote.article
    return (quote.id, quote.said_on or "", speaker.id if speaker else "", speaker.name if speaker else "",
            (speaker.title or "") if speaker else "", quote.mention or "", quote.text, quote.cue or "", quote.kind,
            "; ".join(quote.topics), article.id, article.title or "", article.url or "", article.source or "",
            article.published_at or "", quote.start, quote.end, quote.context, quote.sieve or "", quote.confidence)


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
