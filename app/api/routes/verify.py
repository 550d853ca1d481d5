"""`POST /verify` (did they really say that?) and `/quotes/{quote_id}/occurrences` (the same quote across articles)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Path

from app.api.deps import ReadKeyDep, SessionDep
from app.api.errors import Problem, problem_responses
from app.api.schemas import MAX_ROW_ID
from app.verify.groups import occurrences
from app.verify.lookup import verify_claim
from app.verify.records import ClaimIn, Occurrences, Verification

router = APIRouter(tags=["verify"], dependencies=[ReadKeyDep])

CLAIM_EXAMPLES: dict[str, Any] = {
    "a half-remembered quote": {
        "summary": "A quote as it circulates, with the speaker it is credited to",
        "value": {"text": "we will reopen the bridge in May", "speaker": "Ana Ruiz", "said_around": "2024-02-06"},
    },
    "words only": {"summary": "Who said this, if anyone?", "value": {"text": "The river will not wait for us"}},
}


@router.post(
    "/verify",
    response_model=Verification,
    summary="Verify a claimed quote",
    operation_id="verify_quote",
    description="The stored quotes closest to the claimed words, best first, each with its similarity, the "
    "exact stored words, a word-level diff (claim against record), speaker, article and day said, and a "
    "verdict: `verbatim` (the record holds these words as claimed; an excerpt counts), `reworded` (close, "
    "but the wording differs: see the diff), `other_speaker` (the archive gives these words to someone "
    "other than `speaker`), `not_found` (nothing close). The claim's verdict is its first candidate's. "
    "A read: it needs the API key only when reads do.",
    responses=problem_responses(400, 401, 403, 422),
)
def verify(session: SessionDep, claim: Annotated[ClaimIn, Body(openapi_examples=CLAIM_EXAMPLES)]) -> Verification:
    return verify_claim(session, claim)


@router.get(
    "/quotes/{quote_id}/occurrences",
    response_model=Occurrences,
    summary="Every article carrying a quote",
    operation_id="quote_occurrences",
    description="The quote's occurrence group: every stored article carrying the same words (or nearly: a "
    "changed word, different punctuation), the first seen (earliest published), the wording variants "
    "with their diff against the first seen, and the speakers the articles name: `speakers_disagree` is "
    "true when they name different people for the same words.",
    responses=problem_responses(401, 403, 404, 422),
)
def quote_occurrences(
    session: SessionDep, quote_id: Annotated[int, Path(ge=1, le=MAX_ROW_ID, examples=[101], description="Quote id.")]
) -> Occurrences:
    found = occurrences(session, quote_id)
    if found is None:
        raise Problem(404, f"There is no quote with id {quote_id}.", kind="quote-not-found")
    return found
