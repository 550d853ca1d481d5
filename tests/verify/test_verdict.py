"""Each record's verdict and the order a fact-checker reads them in (no database)."""
from __future__ import annotations

from datetime import date

from app.verify.verdict import Judged, claim_verdict, ranked, record_verdict
from app.verify.wording import Comparison

EXACT = Comparison(similarity=1.0, excerpt=True)
CLOSE = Comparison(similarity=0.85, excerpt=False)
FAR = Comparison(similarity=0.3, excerpt=False)


def test_each_verdict():
    assert record_verdict(EXACT, by_claimed_speaker=None) == "verbatim"
    assert record_verdict(CLOSE, by_claimed_speaker=True) == "reworded"
    assert record_verdict(EXACT, by_claimed_speaker=False) == "other_speaker"
    assert record_verdict(FAR, by_claimed_speaker=True) == "not_found"


def test_the_claimed_speakers_record_comes_before_a_closer_one_by_someone_else():
    others = Judged(record_id=1, comparison=EXACT, verdict="other_speaker", said_on=None)
    theirs = Judged(record_id=2, comparison=CLOSE, verdict="reworded", said_on=None)
    assert claim_verdict(ranked([others, theirs], None)) == "reworded"
    assert claim_verdict(ranked([others], None)) == "other_speaker"
    assert claim_verdict([]) == "not_found"


def test_said_around_orders_equally_close_records_by_distance():
    early = Judged(record_id=1, comparison=EXACT, verdict="verbatim", said_on=date(2025, 1, 1))
    late = Judged(record_id=2, comparison=EXACT, verdict="verbatim", said_on=date(2025, 6, 1))
    assert [j.record_id for j in ranked([early, late], date(2025, 5, 20))] == [2, 1]
    assert [j.record_id for j in ranked([late, early], None)] == [1, 2]  # the earliest said first
