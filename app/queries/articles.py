"""Reading articles: the `/articles` listing (newest ingested first) and one article with its quotes."""

from __future__ import annotations

from typing import cast

from sqlalchemy import select
from sqlmodel import Session, col

from app.queries.counts import quote_counts
from app.queries.keyset import KeysetPage, KeysetPosition, split_page
from app.queries.quote_items import quote_items
from app.store.keys import source_key
from app.store.models import Article, ArticlePublic, ArticleWithQuotes, Quote

ArticlePage = KeysetPage[ArticlePublic]


def article_page(
    session: Session, *, source: str | None = None, limit: int = 50, after: KeysetPosition | None = None
) -> ArticlePage:
    """Articles, most recently ingested first; with `source`, only that publisher's (case and accents folded)."""
    statement = select(col(Article.id), col(Article.id)).order_by(col(Article.id).desc()).limit(limit + 1)
    if source is not None:
        statement = statement.where(col(Article.source_key) == source_key(source))
    if after is not None:
        statement = statement.where(col(Article.id) < after.id)
    rows = cast(list[tuple[int, int]], session.execute(statement).all())  # stored ids are never None
    ids, next_position = split_page(rows, limit, "ingested")
    return KeysetPage(items=articles_with_counts(session, ids), next=next_position)


def articles_with_counts(session: Session, ids: list[int]) -> list[ArticlePublic]:
    if not ids:
        return []
    counts = quote_counts(session, col(Quote.article_id), ids)
    columns = (
        col(Article.id),
        col(Article.title),
        col(Article.url),
        col(Article.source),
        col(Article.author),
        col(Article.published_at),
        col(Article.ingested_at),
    )
    rows = {row.id: row for row in session.execute(select(*columns).where(col(Article.id).in_(ids)))}
    return [
        ArticlePublic.model_validate(rows[i]._asdict() | {"quote_count": counts.get(i, 0)}) for i in ids if i in rows
    ]


def get_article(session: Session, article_id: int) -> ArticleWithQuotes | None:
    """One article with every quote found in it, in order of appearance."""
    found = articles_with_counts(session, [article_id])
    if not found:
        return None
    in_order = select(col(Quote.id)).where(col(Quote.article_id) == article_id).order_by(col(Quote.start))
    quote_ids = cast(list[int], list(session.scalars(in_order)))
    return ArticleWithQuotes.model_validate(found[0].model_dump() | {"quotes": quote_items(session, quote_ids)})


def get_article_text(session: Session, article_id: int) -> str | None:
    """The stored text of an article (the one its quotes' offsets point into), None when there is no such article."""
    return session.scalar(select(col(Article.text)).where(col(Article.id) == article_id))
