"""`/speakers`: search speakers, one speaker, and a speaker's quotes (the `/quotes` list with speaker_id set)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request, Response

from app.api.cursor import decode_cursor
from app.api.deps import ReadKeyDep, SessionDep
from app.api.errors import Problem, problem_responses
from app.api.pages import Page, page_of
from app.api.routes.quotes import quote_list
from app.api.routes.topics import topics_response
from app.api.schemas import MAX_ROW_ID, SpeakerListQuery, SpeakerQuoteQuery, SpeakerTopicsQuery
from app.queries.speakers import get_speaker, speaker_page
from app.queries.topics import TopicFilters
from app.store.models import QuotePublic, SpeakerPublic, TopicPublic

router = APIRouter(tags=["speakers"], dependencies=[ReadKeyDep])

SpeakerId = Annotated[int, Path(ge=1, le=MAX_ROW_ID, examples=[3], description="Speaker id, as in /speakers.")]


def existing_speaker(session: SessionDep, speaker_id: int) -> SpeakerPublic:
    speaker = get_speaker(session, speaker_id)
    if speaker is None:
        raise Problem(404, f"There is no speaker with id {speaker_id}.", kind="speaker-not-found")
    return speaker


@router.get(
    "/speakers",
    response_model=Page[SpeakerPublic],
    summary="List speakers",
    description="Speakers in name order, each with the ways their name was written (aliases: names "
    "only, never descriptions) and their number of quotes; `q` keeps those whose name or an "
    "alias contains it: the candidates a `speaker=` name may mean, to pick one by "
    "`speaker_id`.",
    responses=problem_responses(400, 401, 403, 422),
)
def list_speakers(request: Request, session: SessionDep, query: Annotated[SpeakerListQuery, Query()]) -> Response:
    after = decode_cursor(query.cursor, sort="name", key_type=str) if query.cursor else None
    page = speaker_page(session, q=query.q, limit=query.limit, after=after)
    return page_of(request, page.items, page.next)


@router.get(
    "/speakers/{speaker_id}",
    response_model=SpeakerPublic,
    summary="Get one speaker",
    operation_id="get_speaker",
    description="A speaker with aliases and quote count.",
    responses=problem_responses(401, 403, 404, 422),
)
def read_speaker(session: SessionDep, speaker_id: SpeakerId) -> SpeakerPublic:
    return existing_speaker(session, speaker_id)


@router.get(
    "/speakers/{speaker_id}/quotes",
    response_model=Page[QuotePublic],
    summary="List a speaker's quotes",
    description="The quotes of one speaker, with every filter, order and page of `/quotes` "
    "(and CSV with `Accept: text/csv`).",
    responses=problem_responses(400, 401, 403, 404, 422),
)
def list_speaker_quotes(
    request: Request, session: SessionDep, speaker_id: SpeakerId, query: Annotated[SpeakerQuoteQuery, Query()]
) -> Response:
    existing_speaker(session, speaker_id)
    return quote_list(request, session, query, query.filters(speaker_id))


@router.get(
    "/speakers/{speaker_id}/topics",
    response_model=Page[TopicPublic],
    summary="List a speaker's topics",
    description="What a speaker talked about: the subjects and key terms of their quotes, each with the "
    "number of their quotes filed under it, most first (`sort=slug` for alphabetical); "
    "`from` and `to` count only quotes said in that range, `kind` keeps subjects or terms.",
    responses=problem_responses(400, 401, 403, 404, 422),
)
def list_speaker_topics(
    request: Request, session: SessionDep, speaker_id: SpeakerId, query: Annotated[SpeakerTopicsQuery, Query()]
) -> Response:
    existing_speaker(session, speaker_id)
    filters = TopicFilters(kind=query.kind, speaker_ids=(speaker_id,), said_from=query.said_from, said_to=query.said_to)
    return topics_response(request, session, query, filters)
