"""`verify_claim`: did they really say that? The claim's candidates, found and judged.

    verify_claim(session, ClaimIn(text="We will reopen the bridge in May", speaker="Ruiz"))
    -> Verification(verdict="reworded", candidates=[Candidate(similarity=0.83, diff=[...], ...), ...])

Candidates come from the word-pair index (the quotes sharing the most pairs of neighbouring words
with the claim, `app.verify.search`), at most CANDIDATES of them, so the cost does not grow with the
archive; they are then compared word by word (`app.verify.wording`) and judged (`app.verify.verdict`).
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Row, bindparam, select
from sqlmodel import Session, col

from app.speaker_keys import speaker_ids_named
from app.store.models import Article, ArticleRef, Quote, Speaker, SpeakerRef
from app.verify.records import Candidate, ClaimIn, DiffPartPublic, Verification
from app.verify.search import candidate_ids
from app.verify.verdict import Judged, claim_verdict, ranked, record_verdict
from app.verify.wording import compare, diff, keys, words

CANDIDATES = 20  # records read from the index and compared
SHOWN = 5  # records returned

RECORD_COLUMNS = (
    col(Quote.id),
    col(Quote.text),
    col(Quote.said_on),
    col(Speaker.id),
    col(Speaker.name),
    col(Speaker.title),
    *(getattr(Article, name) for name in ArticleRef.model_fields),
)


RECORDS = (
    select(*RECORD_COLUMNS)
    .join(Article, col(Article.id) == col(Quote.article_id))
    .outerjoin(Speaker, col(Speaker.id) == col(Quote.speaker_id))
)
RECORDS_BY_ID = RECORDS.where(col(Quote.id).in_(bindparam("ids", expanding=True)))  # built once


def records(session: Session, ids: Sequence[int]) -> list[Row]:
    """The quotes `ids` with their speaker and article (RECORD_COLUMNS), in no particular order."""
    if not ids:
        return []
    return list(session.connection().execute(RECORDS_BY_ID, {"ids": list(ids)}))


def speaker_of(row: Row) -> SpeakerRef | None:
    return SpeakerRef(id=row[3], name=row[4], title=row[5]) if row[3] is not None else None


def article_of(row: Row) -> ArticleRef:
    return ArticleRef(**dict(zip(ArticleRef.model_fields, row[6:])))


def diff_of(claim: str, record: str) -> list[DiffPartPublic]:
    """The word-level diff of two texts, as the API shows it."""
    return [
        DiffPartPublic(op=part.tag, claim=part.claim, record=part.record) for part in diff(words(claim), words(record))
    ]


def verify_claim(session: Session, claim: ClaimIn, *, shown: int = SHOWN) -> Verification:
    """The claim's verdict and its closest records, best first (see `app.verify.verdict`)."""
    claim_keys = keys(claim.text)
    rows = {row[0]: row for row in records(session, candidate_ids(session, claim_keys, CANDIDATES))}
    claimed = set(speaker_ids_named(session.connection(), claim.speaker)) if claim.speaker else None
    judged = []
    for quote_id, row in rows.items():
        comparison = compare(claim_keys, keys(row[1]))
        by_claimed = None if claimed is None else row[3] in claimed
        verdict = record_verdict(comparison, by_claimed_speaker=by_claimed)
        judged.append(Judged(record_id=quote_id, comparison=comparison, verdict=verdict, said_on=row[2]))
    ordered = [item for item in ranked(judged, claim.said_around) if item.verdict != "not_found"]
    candidates = [
        Candidate(
            quote_id=item.record_id,
            verdict=item.verdict,
            similarity=round(item.comparison.similarity, 3),
            text=rows[item.record_id][1],
            diff=diff_of(claim.text, rows[item.record_id][1]),
            speaker=speaker_of(rows[item.record_id]),
            article=article_of(rows[item.record_id]),
            said_on=item.said_on,
        )
        for item in ordered[:shown]
    ]
    return Verification(verdict=claim_verdict(ordered), candidates=candidates)
