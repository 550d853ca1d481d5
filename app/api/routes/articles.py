"""`/articles`: list and read articles; post one to extract and store its quotes; delete one (writes need a key)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Request, Response, status
from fastapi.concurrency import run_in_threadpool

from app.api.cursor import decode_cursor
from app.api.deps import ReadKeyDep, SessionDep, SettingsDep, WriteKeyDep
from app.api.errors import Problem, invalid_parameter, problem_responses
from app.api.pages import Page, page_of
from app.api.schemas import MAX_ROW_ID, ArticleListQuery, ArticlePost, PostedArticle
from app.ingest import ArticleTooLong, Metadata, RecordError, compose_article, ingest_article
from app.queries.articles import article_page, get_article
from app.store.articles import delete_article
from app.store.models import ArticleIn, ArticlePublic, ArticleWithQuotes

router = APIRouter(tags=["articles"])

ArticleId = Annotated[int, Path(ge=1, le=MAX_ROW_ID, examples=[12], description="Article id, as in /articles.")]


def require_json_body(request: Request) -> None:
    """415 unless the body is declared as JSON (checked before the body is parsed)."""
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    is_json = media_type == "application/json" or (
        media_type.startswith("application/") and media_type.endswith("+json")
    )
    if not is_json:
        raise Problem(
            415,
            f"Send the article as application/json, not {media_type or 'a body without Content-Type'}"
            ': {"text": "..."} or {"html": "..."}.',
            kind="unsupported-media-type",
        )


def article_in(posted: ArticlePost, max_chars: int) -> ArticleIn:
    """The article to store, by ingest's one precedence (`app.ingest.compose`): the posted fields win
    over what a posted web page says about itself."""
    stated = Metadata(
        title=posted.title, url=posted.url, source=posted.source, author=posted.author, published=posted.published
    )
    try:
        return compose_article(text=posted.text, html=posted.html, stated=stated, max_chars=max_chars)
    except ArticleTooLong as exc:
        raise Problem(
            413,
            f"The article has {exc.chars:,} characters, over the limit of {exc.limit:,} (QUOTEWIRE_MAX_ARTICLE_CHARS).",
            kind="article-too-long",
        ) from None
    except RecordError as exc:
        field = "body.html" if posted.html is not None else "body.text"
        raise invalid_parameter(field, str(exc), status=422) from None


def article_not_found(article_id: int) -> Problem:
    return Problem(404, f"There is no article with id {article_id}.", kind="article-not-found")


def existing_article(session: SessionDep, article_id: int) -> ArticleWithQuotes:
    article = get_article(session, article_id)
    if article is None:
        raise article_not_found(article_id)
    return article


@router.get(
    "/articles",
    response_model=Page[ArticlePublic],
    summary="List articles",
    dependencies=[ReadKeyDep],
    description="Articles, most recently ingested first, each with its number of quotes.",
    responses=problem_responses(400, 401, 403, 422),
)
def list_articles(request: Request, session: SessionDep, query: Annotated[ArticleListQuery, Query()]) -> Response:
    after = decode_cursor(query.cursor, sort="ingested", key_type=int) if query.cursor else None
    page = article_page(session, source=query.source, limit=query.limit, after=after)
    return page_of(request, page.items, page.next)


@router.get(
    "/articles/{article_id}",
    response_model=ArticleWithQuotes,
    summary="Get one article with its quotes",
    operation_id="get_article",
    description="An article's metadata and every quote found in it, in order of appearance.",
    dependencies=[ReadKeyDep],
    responses=problem_responses(401, 403, 404, 422),
)
def read_article(session: SessionDep, article_id: ArticleId) -> ArticleWithQuotes:
    return existing_article(session, article_id)


@router.post(
    "/articles",
    response_model=PostedArticle,
    status_code=status.HTTP_201_CREATED,
    summary="Add an article",
    dependencies=[WriteKeyDep, Depends(require_json_body)],
    description="Extracts the quotes of an article (`text`, or a web page as `html`) and stores them. "
    "201 with the extracted quotes when new or updated (same `url`, new content: its quotes "
    "are replaced); 200 when identical content is already stored. Needs `X-API-Key`.",
    responses={
        200: {"model": PostedArticle, "description": "Identical content already stored; nothing written."},
        **problem_responses(400, 401, 403, 413, 415, 422),
    },
)
async def post_article(
    response: Response, session: SessionDep, settings: SettingsDep, posted: ArticlePost
) -> PostedArticle:
    article = await run_in_threadpool(article_in, posted, settings.max_article_chars)  # parses a web page
    try:
        result = await run_in_threadpool(ingest_article, session, article)
    except OverflowError:  # the only date arithmetic on input: relative days ("yesterday") counted from it
        raise invalid_parameter(
            "body.published", f"{posted.published} is too close to year 1 to count relative days from", status=422
        ) from None
    if result.status == "unchanged":
        response.status_code = status.HTTP_200_OK
    response.headers["Location"] = f"/articles/{result.article_id}"
    stored = await run_in_threadpool(existing_article, session, result.article_id)
    return PostedArticle(**stored.model_dump(), status=result.status)


@router.delete(
    "/articles/{article_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Delete an article",
    operation_id="delete_article",
    description="Deletes an article with its quotes (speakers left without quotes go too). Needs `X-API-Key`.",
    dependencies=[WriteKeyDep],
    responses=problem_responses(401, 403, 404, 422),
)
def remove_article(session: SessionDep, article_id: ArticleId) -> Response:
    if not delete_article(session, article_id):
        raise article_not_found(article_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
