"""`/topics`: the topic terms and taxonomy subjects quotes are filed under, with quote counts."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request, Response

from app.api.cursor import decode_cursor, is_row_integer
from app.api.deps import ReadKeyDep, SessionDep
from app.api.errors import Problem, invalid_parameter, problem_responses
from app.api.pages import Page, page_of
from app.api.schemas import SpeakerTopicsQuery, TopicListQuery
from app.queries.topics import TopicFilters, get_topic, topic_page
from app.speaker_keys import speaker_ids_named
from app.store.models import TopicPublic

router = APIRouter(tags=["topics"], dependencies=[ReadKeyDep])


@router.get(
    "/topics",
    response_model=Page[TopicPublic],
    summary="List topics",
    description="Topics with the number of quotes filed under each: `subject` topics come from the "
    "taxonomy (IPTC Media Topics by default, with `code` and the `broader` subject's slug), "
    "`term` topics are key terms of quotes. In slug order, or `sort=count` for the most "
    "quoted first; `speaker`, `from` and `to` count only those quotes. Any slug or name here "
    "works as `/quotes?topic=`.",
    responses=problem_responses(400, 401, 403, 422),
)
def list_topics(request: Request, session: SessionDep, query: Annotated[TopicListQuery, Query()]) -> Response:
    speaker_ids = None
    if query.speaker is not None:
        speaker_ids = tuple(speaker_ids_named(session.connection(), query.speaker))
    filters = TopicFilters(kind=query.kind, speaker_ids=speaker_ids, said_from=query.said_from, said_to=query.said_to)
    return topics_response(request, session, query, filters)


def topics_response(
    request: Request, session: SessionDep, query: SpeakerTopicsQuery, filters: TopicFilters
) -> Response:
    """A page of topics under `filters`, in the query's order and page (also `/speakers/{id}/topics`)."""
    after = decode_cursor(query.cursor, sort=query.sort, key_type=str) if query.cursor else None
    if after is not None and query.sort == "count" and not is_count_key(str(after.key)):
        raise invalid_parameter("cursor", "not a cursor this API issued (bad count)")
    page = topic_page(session, filters, sort=query.sort, limit=query.limit, after=after)
    return page_of(request, page.items, page.next)


@router.get(
    "/topics/{slug}",
    response_model=TopicPublic,
    summary="Get one topic",
    operation_id="get_topic",
    description="A topic by slug (as listed by `/topics`), with its quote count.",
    responses=problem_responses(401, 403, 404, 422),
)
def read_topic(
    session: SessionDep, slug: Annotated[str, Path(examples=["humanitarian-aid"], description="Topic slug.")]
) -> TopicPublic:
    topic = get_topic(session, slug)
    if topic is None:
        raise Problem(404, f"There is no topic with slug {slug!r}; see /topics.", kind="topic-not-found")
    return topic


def is_count_key(key: str) -> bool:
    """A count-sorted position is "count:slug" (`app.queries.topics`); its count must be an integer SQLite holds."""
    count, colon, _ = key.partition(":")
    return bool(colon) and count.isdecimal() and count.isascii() and is_row_integer(int(count))
