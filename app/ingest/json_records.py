"""One JSON object to an article: fields title, text or html, url, published, source, author."""
from __future__ import annotations

from datetime import date, datetime
from typing import Any

from app.ingest.html import article_from_html
from app.ingest.records import ReadOptions, RecordError
from app.models import ArticleIn

STRING_FIELDS = ("title", "text", "html", "url", "source", "author", "published")


def article_from_record(record: Any, options: ReadOptions) -> ArticleIn:
    """The article a JSON object describes; `text` wins over `html` when both are present.

    The record's own `published` and `source` win over the command line's; RecordError says what is wrong.
    """
    if not isinstance(record, dict):
        raise RecordError(f"expected a JSON object, got {_json_type(record)}")
    fields = {name: _string_field(record, name) for name in STRING_FIELDS}
    record_published = parse_published(fields["published"]) if fields["published"] else None
    text = normalize_newlines(fields["text"] or "").strip()
    html = fields["html"] or ""
    if text:
        article = ArticleIn(title=fields["title"], text=text, url=fields["url"],
                            source=fields["source"] or options.source, author=fields["author"],
                            published=record_published or options.published)
    elif html.strip():
        from_page = article_from_html(html, url=fields["url"], source=fields["source"], published=record_published)
        article = from_page.model_copy(update={
            "title": fields["title"] or from_page.title,
            "author": fields["author"] or from_page.author,
            "source": from_page.source or options.source,
            "published": from_page.published or options.published,
        })
    elif fields["text"] is not None:
        raise RecordError('empty "text"')
    elif fields["html"] is not None:
        raise RecordError('empty "html"')
    else:
        raise RecordError('missing "text" or "html"')
    check_length(article.text, options.max_article_chars)
    return article


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


def normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def check_length(text: str, limit: int) -> None:
    if len(text) > limit:
        raise RecordError(
            f"text has {len(text):,} characters, over the limit of {limit:,} (QUOTEWIRE_MAX_ARTICLE_CHARS)"
        )


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
