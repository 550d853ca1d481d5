"""`/topics`: the topic terms and taxonomy subjects quotes are filed under, with quote counts."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request, Response

from app.api.cursor import decode_cursor
from app.api.deps import ReadKeyDep, SessionDep
from app.api.errors import Problem, problem_responses
from app.api.pages import Page, page_of
from app.api.schemas import TopicListQuery
from app.models import TopicPublic
from app.queries.topics import get_topic, topic_page

router = APIRouter(tags=["topics"], dependencies=[ReadKeyDep])


@router.get("/topics", response_model=Page[TopicPublic], summary="List topics",
            description="Topics in slug order with the number of quotes filed under each: `term` topics are "
                        "words the extractor found in quotes, `subject` topics come from the taxonomy. Any slug "
                        "or name here works as `/quotes?topic=`.",
            responses=problem_responses(400, 401, 403, 422))
def list_topics(request: Request, session: SessionDep,
                query: Annotated[TopicListQuery, Query()]) -> Response:
    after = decode_cursor(query.cursor, sort="slug", key_type=str) if query.cursor else None
    page = topic_page(session, kind=query.kind, limit=query.limit, after=after)
    return page_of(request, page.items, page.next)


@router.get("/topics/{slug}", response_model=TopicPublic, summary="Get one topic",
            description="A topic by slug (as listed by `/topics`), with its quote count.",
            responses=problem_responses(401, 403, 404, 422))
def read_topic(session: SessionDep,
               slug: Annotated[str, Path(examples=["humanitarian-aid"], description="Topic slug.")]) -> TopicPublic:
    topic = get_topic(session, slug)
    if topic is None:
        raise Problem(404, f"There is no topic with slug {slug!r}; see /topics.", kind="topic-not-found")
    return topic
