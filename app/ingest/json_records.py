"""One JSON object to an article: fields title, text or html, url, published, source, author."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from app.ingest.compose import compose_article
from app.ingest.records import Metadata, ReadOptions, RecordError
from app.store.models import ArticleIn

STRING_FIELDS = ("title", "text", "html", "url", "source", "author", "published")


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
    """A publication date written as YYYY-MM-DD or as an ISO 8601 date-time (its date part is kept)."""
    try:
        return date.fromisoformat(value)
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(value).date()
    except ValueError:
        raise RecordError(f'bad date in "published": {value!r} (expected YYYY-MM-DD)') from None


def _string_field(record: dict, name: str) -> str | None:
    value = record.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        raise RecordError(f'"{name}" must be a string, got {_json_type(value)}')
    if name in ("text", "html"):
        return value
    return value.strip() or None


def _json_type(value: Any) -> str:
    names = {dict: "an object", list: "a list", str: "a string", bool: "true/false", type(None): "null"}
    return names.get(type(value), "a number")
