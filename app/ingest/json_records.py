"""One JSON object to an article: fields title, text or html, url, published, source, author."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from app.ingest.compose import compose_article
from app.ingest.records import Metadata, ReadOptions, RecordError
from app.store.models import ArticleIn

STRING_FIELDS = ("title", "text", "html", "url", "source", "author", "published")
UNIX_TIME = re.compile(r"\d{9,13}")  # 1707298200 (seconds) or 1707298200000 (milliseconds)
MILLISECONDS_FROM = 10**11  # a count of seconds this large would be past the year 5000


def article_from_record(record: Any, options: ReadOptions) -> ArticleIn:
    """The article a JSON object describes; `text` wins over `html` when both are present, and the
    record's own fields win over the page's and the command line's (`app.ingest.compose`).

    RecordError says what is wrong.
    """
    if not isinstance(record, dict):
        raise RecordError(f"expected a JSON object, got {_json_type(record)}")
    fields = {name: _string_field(record, name) for name in STRING_FIELDS}
    stated = Metadata(
        title=fields["title"],
        url=fields["url"],
        source=fields["source"],
        author=fields["author"],
        published=parse_published(fields["published"]) if fields["published"] else None,
    )
    return compose_article(
        text=fields["text"],
        html=fields["html"],
        stated=stated,
        defaults=options.defaults,
        max_chars=options.max_article_chars,
    )


def parse_published(value: str) -> date:
    """A publication date as feeds and exports write it: YYYY-MM-DD, an ISO 8601 date-time, an RSS (RFC 822)
    date such as "Wed, 07 Feb 2024 09:30:00 GMT", or a Unix time in seconds or milliseconds ("1707298200").
    A date-time's own day is kept, in its own zone; a Unix time's day is UTC's."""
    if UNIX_TIME.fullmatch(value):
        return from_unix_time(int(value))
    for parse in (date.fromisoformat, lambda text: datetime.fromisoformat(text).date(), rfc822_day):
        try:
            return parse(value)
        except (ValueError, TypeError, OverflowError):
            continue
    raise RecordError(
        f'bad date in "published": {value!r} (expected YYYY-MM-DD, an ISO 8601 or RSS date-time, or a Unix time)'
    )


def rfc822_day(value: str) -> date:
    return parsedate_to_datetime(value).date()


def from_unix_time(seconds: int) -> date:
    if seconds > MILLISECONDS_FROM:
        seconds //= 1000
    try:
        return datetime.fromtimestamp(seconds, UTC).date()
    except (ValueError, OverflowError, OSError):
        raise RecordError(f'bad date in "published": {seconds} is no Unix time of a day we can write') from None


def _string_field(record: dict, name: str) -> str | None:
    value = record.get(name)
    if value is None:
        return None
    if name == "published" and isinstance(value, int | float) and not isinstance(value, bool):
        return f"{value:.0f}"  # a Unix time
    if not isinstance(value, str):
        raise RecordError(f'"{name}" must be a string, got {_json_type(value)}')
    if name in ("text", "html"):
        return value
    return value.strip() or None


def _json_type(value: Any) -> str:
    names = {dict: "an object", list: "a list", str: "a string", bool: "true/false", type(None): "null"}
    return names.get(type(value), "a number")
