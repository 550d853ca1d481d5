"""`GET /problems/{kind}`: what each error `type` of the API means, so the type URIs resolve."""

from __future__ import annotations

from http import HTTPStatus

from fastapi import APIRouter, Path
from pydantic import BaseModel, Field

from app.api.errors import PROBLEM_TYPE_BASE, Problem, problem_responses, slug_of_status

router = APIRouter(tags=["problems"])

PROBLEM_KINDS: dict[str, str] = {
    "invalid-parameter": "A query parameter, the cursor or a body field was rejected; `errors` names each and why.",
    "missing-api-key": "A write (or, when configured, a read) was sent without the X-API-Key header.",
    "wrong-api-key": "The X-API-Key header does not match QUOTEWIRE_API_KEY.",
    "no-api-key-configured": "Writes are disabled until the server is started with QUOTEWIRE_API_KEY set.",
    "body-too-large": "The request body is over QUOTEWIRE_MAX_BODY_BYTES.",
    "article-too-long": "The article text is over QUOTEWIRE_MAX_ARTICLE_CHARS characters.",
    "unsupported-media-type": "Writes take application/json bodies.",
    "quote-not-found": "No quote has that id.",
    "speaker-not-found": "No speaker has that id.",
    "topic-not-found": "No topic has that slug.",
    "article-not-found": "No article has that id.",
    "correction-rejected": "A speaker correction that cannot be made as asked; the detail says why and what to do.",
    "database-unreachable": "The health check could not query the database.",
    "schema-outdated": "The database is not at the latest migration: run `quotewire db upgrade`.",
    "overloaded": "The server holds as many requests as it is configured for: retry after the Retry-After seconds.",
}
STATUS_KINDS = {slug_of_status(status): status.phrase for status in HTTPStatus if status >= 400}


class ProblemType(BaseModel):
    """The meaning of one problem `type`."""

    type: str = Field(examples=[PROBLEM_TYPE_BASE + "invalid-parameter"])
    description: str = Field(examples=[PROBLEM_KINDS["invalid-parameter"]])


@router.get(
    "/problems/{kind}",
    response_model=ProblemType,
    summary="What an error type means",
    description="The `type` of every problem+json error is `/problems/{kind}`; this explains it.",
    responses=problem_responses(404, 422),
)
def problem_type(kind: str = Path(examples=["invalid-parameter"])) -> ProblemType:
    description = PROBLEM_KINDS.get(kind) or STATUS_KINDS.get(kind)
    if description is None:
        raise Problem(404, f"No problem type is called {kind!r}.")
    return ProblemType(type=PROBLEM_TYPE_BASE + kind, description=description)
