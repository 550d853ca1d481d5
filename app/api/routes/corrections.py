"""Corrections of speakers by the newsroom (writes need `X-API-Key`): merge, split, reassign a quote; list them.

The store side is `app.corrections`; corrections are kept and applied again when an article is
ingested again, and every quote a correction set shows `speaker_corrected: true`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request, Response, status
from pydantic import BaseModel, ConfigDict, Field

from app import corrections
from app.api.deps import ReadKeyDep, SessionDep, WriteKeyDep
from app.api.errors import Problem, problem_responses
from app.api.pages import Page, page_of
from app.api.schemas import MAX_LIMIT, MAX_ROW_ID
from app.queries import get_quote
from app.queries.speakers import get_speaker
from app.store.models import QuotePublic, SpeakerCorrectionPublic, SpeakerPublic

router = APIRouter(tags=["corrections"])

SpeakerId = Annotated[int, Path(ge=1, le=MAX_ROW_ID, examples=[3], description="Speaker id, as in /speakers.")]
QuoteId = Annotated[int, Path(ge=1, le=MAX_ROW_ID, examples=[101], description="Quote id, as in /quotes.")]


class MergeBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    into_speaker_id: int = Field(ge=1, le=MAX_ROW_ID, examples=[3], description="The speaker the merged one is.")


class SplitBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    alias: str = Field(
        min_length=1,
        max_length=200,
        examples=["Tomas Ellery Jr."],
        description="One of the speaker's aliases that is someone else.",
    )


class ReassignBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    speaker_id: int | None = Field(
        ge=1, le=MAX_ROW_ID, examples=[3], description="Who said the quote; null: no one named."
    )


@contextmanager
def as_problem() -> Iterator[None]:
    """A correction the store refuses becomes its problem+json answer."""
    try:
        yield
    except corrections.CorrectionError as error:
        raise Problem(error.status, str(error), kind=error.kind) from None


def corrected_speaker(session: SessionDep, speaker_id: int | None) -> SpeakerPublic:
    """The public form of the speaker a correction just committed (it exists: the correction wrote it)."""
    speaker = get_speaker(session, speaker_id) if speaker_id is not None else None
    if speaker is None:
        raise RuntimeError(f"speaker {speaker_id} is gone right after its correction was committed")
    return speaker


@router.post(
    "/speakers/{speaker_id}/merge",
    response_model=SpeakerPublic,
    summary="Merge a speaker into another",
    description="Speaker `speaker_id` is speaker `into_speaker_id`: its quotes and names move there, and "
    "its names resolve there when articles are ingested later. Needs `X-API-Key`.",
    dependencies=[WriteKeyDep],
    responses=problem_responses(400, 401, 403, 404, 422),
)
def merge_speaker(session: SessionDep, speaker_id: SpeakerId, body: MergeBody) -> SpeakerPublic:
    with as_problem():
        target = corrections.merge(session, speaker_id, body.into_speaker_id)
    return corrected_speaker(session, target.id)


@router.post(
    "/speakers/{speaker_id}/split",
    response_model=SpeakerPublic,
    status_code=status.HTTP_201_CREATED,
    summary="Split a name off a speaker",
    description="The alias `alias` of speaker `speaker_id` is someone else: a new speaker of that name "
    "takes it and the quotes attributed under it, now and when articles are ingested later. "
    "Needs `X-API-Key`.",
    dependencies=[WriteKeyDep],
    responses=problem_responses(400, 401, 403, 404, 409, 422),
)
def split_speaker(response: Response, session: SessionDep, speaker_id: SpeakerId, body: SplitBody) -> SpeakerPublic:
    with as_problem():
        new = corrections.split(session, speaker_id, body.alias)
    response.headers["Location"] = f"/speakers/{new.id}"
    return corrected_speaker(session, new.id)


@router.put(
    "/quotes/{quote_id}/speaker",
    response_model=QuotePublic,
    summary="Set who said a quote",
    description="Reassigns one quote to speaker `speaker_id` (null: no one named). Kept when the article is "
    "ingested again; the quote shows `speaker_corrected: true`. Needs `X-API-Key`.",
    dependencies=[WriteKeyDep],
    responses=problem_responses(400, 401, 403, 404, 422),
)
def reassign_quote(session: SessionDep, quote_id: QuoteId, body: ReassignBody) -> QuotePublic:
    with as_problem():
        corrections.reassign(session, quote_id, body.speaker_id)
    quote = get_quote(session, quote_id)
    if quote is None:
        raise RuntimeError(f"quote {quote_id} is gone right after its correction was committed")
    return quote


@router.get(
    "/corrections",
    response_model=Page[SpeakerCorrectionPublic],
    summary="List corrections",
    description="The newsroom's corrections of speakers, newest first.",
    dependencies=[ReadKeyDep],
    responses=problem_responses(401, 403, 422),
)
def list_corrections(
    request: Request,
    session: SessionDep,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, examples=[50], description="How many.")] = 50,
) -> Response:
    items = [
        SpeakerCorrectionPublic.model_validate(c, from_attributes=True)
        for c in corrections.recent_corrections(session, limit)
    ]
    return page_of(request, items, None)
