"""From what a record, a request or a file states to the article to store: the one place that decides
metadata precedence and the size limit, for `quotewire ingest` and `POST /articles` alike.

    compose_article(html=page, stated=Metadata(title="Quay works run late"),
                    defaults=Metadata(source="Night Desk"), max_chars=2_000_000)

Precedence, field by field: what the record or request states (JSON fields, the POST body, a text
file's title line) wins over what a web page says about itself (its HTML metadata), which wins over
the defaults (the command line's `--source` and `--published`).
"""

from __future__ import annotations

from dataclasses import fields
from datetime import date

from pydantic import ValidationError

from app.ingest.html import article_from_html
from app.ingest.records import Metadata, RecordError
from app.store.models import ArticleIn

NOTHING_KNOWN = Metadata()
NOT_UNICODE = "not Unicode text: it holds a lone surrogate (in JSON, an escape such as \\ud800 without its pair)"


class ArticleTooLong(RecordError):
    """The article's text is longer than QUOTEWIRE_MAX_ARTICLE_CHARS (413 over HTTP)."""

    def __init__(self, chars: int, limit: int) -> None:
        super().__init__(f"text has {chars:,} characters, over the limit of {limit:,} (QUOTEWIRE_MAX_ARTICLE_CHARS)")
        self.chars, self.limit = chars, limit


def compose_article(
    *,
    text: str | None = None,
    html: str | bytes | None = None,
    stated: Metadata = NOTHING_KNOWN,
    defaults: Metadata = NOTHING_KNOWN,
    max_chars: int,
) -> ArticleIn:
    """The article to store, from its `text` or else its web page `html`, with its metadata by precedence.

    Raises RecordError when there is no text (naming the field that is empty or missing), and
    ArticleTooLong when the text is longer than `max_chars`.
    """
    body = normalize_newlines(text or "").strip()
    if body:
        page = NOTHING_KNOWN
    elif html is not None and html.strip():
        found = article_from_html(html, url=stated.url, source=stated.source, published=stated.published)
        body = found.text
        page = Metadata(
            title=found.title, url=found.url, source=found.source, author=found.author, published=found.published
        )
    elif text is not None:
        raise RecordError('empty "text"')
    elif html is not None:
        raise RecordError('empty "html"')
    else:
        raise RecordError('missing "text" or "html"')
    check_length(body, max_chars)
    known = {field.name: first_known(field.name, stated, page, defaults) for field in fields(Metadata)}
    try:
        return ArticleIn.model_validate({"text": body, **known})
    except ValidationError as exc:
        error = exc.errors()[0]
        field = ".".join(map(str, error["loc"])) or "article"
        message = NOT_UNICODE if error["type"] == "string_unicode" else error["msg"]
        raise RecordError(f'"{field}": {message}') from None


def first_known(name: str, *layers: Metadata) -> str | date | None:
    """The first value of field `name` that is not None, in order of precedence."""
    return next((value for layer in layers if (value := getattr(layer, name)) is not None), None)


def check_length(text: str, limit: int) -> None:
    if len(text) > limit:
        raise ArticleTooLong(len(text), limit)


def normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")
