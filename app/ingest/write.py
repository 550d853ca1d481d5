"""The only write path: an article's quotes extracted, then the article stored with them.

    result = ingest_article(session, article)      # the CLI (`quotewire ingest`) and POST /articles
    result.status                                  # "new" | "updated" | "unchanged"

An article already stored with the same title and text is not extracted again. Tests hand in an
`extractor` that finds the quotes they choose, so the store is tested without the extractor's accuracy.
A write that finds the database busy with other writers (several `quotewire ingest` at once) is tried
again, with its quotes extracted once.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from datetime import date
from typing import TypeVar

from sqlalchemy.exc import OperationalError
from sqlmodel import Session

from app.extract import extract_quotes
from app.extract.records import Quote as ExtractedQuote
from app.store.articles import SaveResult, save_article, stored_copy
from app.store.backends import backend_for
from app.store.models import ArticleIn
from app.store.taxonomy import get_taxonomy

Extractor = Callable[..., list[ExtractedQuote]]  # extractor(text, *, title, published) -> the article's quotes
Result = TypeVar("Result")

WRITE_ATTEMPTS_WHEN_BUSY = 8  # each attempt also waits up to the backend's busy timeout (SQLite: 5 s)
BUSY_PAUSE_SECONDS = 0.25  # on average, times the attempt number; random, so writers do not retry in step


def configured_extractor(text: str, *, title: str | None, published: date | None) -> list[ExtractedQuote]:
    """`app.extract.extract_quotes` with the configured taxonomy (looked up at call time)."""
    return extract_quotes(text, title=title, published=published, taxonomy=get_taxonomy())


def ingest_article(session: Session, article: ArticleIn, *, extractor: Extractor | None = None) -> SaveResult:
    """Extract the quotes of `article` and store it with them, or find it already stored; commits.

    `extractor` defaults to `configured_extractor`, looked up at call time. Anything raised (by the
    extractor or the store) rolls the session back and is raised again.
    """
    try:
        stored = stored_copy(session, article)
        if stored is not None:
            return stored
        extract = extractor or configured_extractor
        quotes = extract(article.text, title=article.title, published=article.published)
    except BaseException:
        session.rollback()
        raise
    return retry_when_busy(session.get_bind().dialect.name, lambda: save_article(session, article, quotes))


def retry_when_busy(dialect_name: str, write: Callable[[], Result]) -> Result:
    """`write()`, one transaction that rolls itself back when it raises, run again while the database
    says it is busy with other writers; any other error, or the last busy one, is raised."""
    backend = backend_for(dialect_name)
    for attempt in range(1, WRITE_ATTEMPTS_WHEN_BUSY + 1):
        try:
            return write()
        except OperationalError as exc:
            if attempt == WRITE_ATTEMPTS_WHEN_BUSY or not backend.is_busy(exc):
                raise
        pause_before_retry(attempt)
    raise AssertionError("unreachable")


def pause_before_retry(attempt: int) -> None:
    time.sleep(random.uniform(0.5, 1.5) * BUSY_PAUSE_SECONDS * attempt)
