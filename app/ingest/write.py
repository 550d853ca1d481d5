"""The only write path: an article's quotes extracted, then the article stored with them.

    result = ingest_article(session, article)      # the CLI (`quotewire ingest`) and POST /articles
    result.status                                  # "new" | "updated" | "unchanged"

An article already stored with the same title and text is not extracted again. Tests hand in an
`extractor` that finds the quotes they choose, so the store is tested without the extractor's accuracy.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from sqlmodel import Session

from app.extract import extract_quotes
from app.extract.records import Quote as ExtractedQuote
from app.store.articles import SaveResult, save_article, stored_copy
from app.store.models import ArticleIn
from app.store.taxonomy import get_taxonomy

Extractor = Callable[..., list[ExtractedQuote]]  # extractor(text, *, title, published) -> the article's quotes


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
    return save_article(session, article, quotes)
