"""The pages for journalists: search (`/`), a speaker (`/speaker/{id}`), a topic (`/topic/{slug}`) and an
article (`/article/{id}`), rendered on the server from the same query functions as the API.

The search page reads exactly the parameters of `/quotes` (validated by the API's own `QuoteQuery`), so
a page's address and its JSON and CSV twins differ only in their path. A parameter the API would
refuse is shown as an error beside the form, with a 400. Every page reads with the API's read key rule.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, FastAPI, Request, Response
from fastapi import Path as PathParam
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from pydantic import ValidationError
from sqlmodel import Session

from app.api.cursor import decode_cursor, encode_cursor
from app.api.deps import ReadKeyDep, SessionDep
from app.api.errors import Problem
from app.api.routes.quotes import checked, cursor_position, read_page
from app.api.schemas import MAX_ROW_ID, QuoteQuery
from app.queries import KeysetPosition, QuoteFilters, QuotePage, quote_page
from app.queries.articles import get_article, get_article_text
from app.queries.records import (
    RECENT_QUOTES,
    quotes_per_month_of_speakers,
    quotes_per_month_of_topics,
    topics_of_latest_quotes,
)
from app.queries.speakers import get_speaker
from app.queries.topics import get_topic, topic_ids_named
from app.web.chart import quotes_over_time
from app.web.highlight import article_passages, colour_of, paragraphs, sentence_parts, speaker_colours

HERE = Path(__file__).parent
PAGE_SIZE = 20
TOP_TOPICS = 10

templates = Jinja2Templates(directory=HERE / "templates")
templates.env.globals["sentence_parts"] = sentence_parts
templates.env.filters["day"] = lambda day: f"{day.day} {day:%b %Y}" if isinstance(day, date) else ""

router = APIRouter(include_in_schema=False, dependencies=[ReadKeyDep])

SpeakerId = Annotated[int, PathParam(ge=1, le=MAX_ROW_ID)]
ArticleId = Annotated[int, PathParam(ge=1, le=MAX_ROW_ID)]


def install_web_pages(app: FastAPI) -> None:
    """Serve the pages and their stylesheet and script (bundled in the package: no CDN, no build step)."""
    app.include_router(router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")


def page(request: Request, template: str, status_code: int = 200, **context: Any) -> Response:
    return templates.TemplateResponse(request, template, context, status_code=status_code)


def not_found(request: Request, what: str) -> Response:
    return page(request, "not_found.html", 404, title="Not found", what=what)


def search_params(request: Request) -> dict[str, str]:
    """The query string without empty fields (a submitted form sends every field, filled or not)."""
    return {name: value for name, value in request.query_params.items() if value.strip()}


def with_query(path: str, params: dict[str, str]) -> str:
    return f"{path}?{urlencode(params)}" if params else path


def more_url(path: str, params: dict[str, str], next_position: KeysetPosition | None) -> str | None:
    """The address of the next keyset page, or None on the last."""
    if next_position is None:
        return None
    return with_query(path, {**params, "cursor": encode_cursor(next_position)})


def validation_messages(error: ValidationError) -> list[str]:
    return [f"{'.'.join(map(str, e['loc'])) or 'query'}: {e['msg']}" for e in error.errors()]


@router.get("/")
def search_page(request: Request, session: SessionDep) -> Response:
    params = search_params(request)
    try:
        query = checked(QuoteQuery.model_validate(params))
        quotes = read_page(session, query.filters(), query, after=cursor_position(query))
    except ValidationError as error:
        return search_error(request, params, validation_messages(error))
    except Problem as problem:
        return search_error(request, params, [problem.detail])
    exported = {name: value for name, value in params.items() if name != "cursor"}
    return page(
        request,
        "search.html",
        title="Search quotes" if params else "Latest quotes",
        params=params,
        quotes=quotes.items,
        more=more_url("/", params, quotes.next),
        json_url=with_query("/quotes", exported),
        csv_url=with_query("/quotes.csv", exported),
        errors=[],
    )


def search_error(request: Request, params: dict[str, str], errors: list[str]) -> Response:
    return page(request, "search.html", 400, title="Search quotes", params=params, quotes=[], more=None, errors=errors)


def later_page(session: Session, filters: QuoteFilters, cursor: str | None) -> QuotePage:
    """A speaker's or topic's quotes, newest first, after `cursor` (a 400 problem when it was not ours)."""
    after = decode_cursor(cursor, sort="newest", key_type=date) if cursor else None
    return quote_page(session, filters, sort="newest", limit=PAGE_SIZE, after=after)


@router.get("/speaker/{speaker_id}")
def speaker_page(request: Request, session: SessionDep, speaker_id: SpeakerId, cursor: str | None = None) -> Response:
    speaker = get_speaker(session, speaker_id)
    if speaker is None:
        return not_found(request, f"There is no speaker with id {speaker_id}.")
    quotes = later_page(session, QuoteFilters(speaker_id=speaker_id), cursor)
    topics = topics_of_latest_quotes(session, QuoteFilters(speaker_id=speaker_id), limit=TOP_TOPICS)
    params = {"speaker_id": str(speaker_id)}
    return page(
        request,
        "speaker.html",
        title=speaker.name,
        speaker=speaker,
        chart=quotes_over_time(quotes_per_month_of_speakers(session, [speaker_id])),
        topics=topics,
        recent_quotes=RECENT_QUOTES,
        quotes=quotes.items,
        more=more_url(request.url.path, {}, quotes.next),
        search_url=with_query("/", params),
        json_url=with_query("/quotes", params),
        csv_url=with_query("/quotes.csv", params),
    )


@router.get("/topic/{slug}")
def topic_page_view(request: Request, session: SessionDep, slug: str, cursor: str | None = None) -> Response:
    topic = get_topic(session, slug)
    if topic is None:
        return not_found(request, f"There is no topic {slug!r}.")
    quotes = later_page(session, QuoteFilters(topic=topic.slug), cursor)
    topic_ids = topic_ids_named(session.connection(), topic.slug)
    params = {"topic": topic.slug}
    return page(
        request,
        "topic.html",
        title=topic.name,
        topic=topic,
        chart=quotes_over_time(quotes_per_month_of_topics(session, topic_ids)),
        quotes=quotes.items,
        more=more_url(request.url.path, {}, quotes.next),
        search_url=with_query("/", params),
        json_url=with_query("/quotes", params),
        csv_url=with_query("/quotes.csv", params),
    )


@router.get("/article/{article_id}")
def article_page(request: Request, session: SessionDep, article_id: ArticleId) -> Response:
    article = get_article(session, article_id)
    text = get_article_text(session, article_id)
    if article is None or text is None:
        return not_found(request, f"There is no article with id {article_id}.")
    colours = speaker_colours(article.quotes)
    speakers = {q.speaker.id: q.speaker for q in article.quotes if q.speaker is not None}
    return page(
        request,
        "article.html",
        title=article.title or f"Article {article_id}",
        article=article,
        paragraphs=paragraphs(article_passages(text, article.quotes, colours)),
        legend=[(speakers[speaker_id], colour) for speaker_id, colour in colours.items()],
        colour_of=lambda quote: colour_of(quote, colours),
    )
