"""Quotes per month, the figures behind the charts."""
from __future__ import annotations

from datetime import date

from app.queries.records import quotes_per_month_of_speakers, quotes_per_month_of_topics
from tests.api.conftest import RUIZ, said


def test_a_speakers_quotes_are_counted_by_month_and_undated_ones_left_out(store, newsroom):
    store.article("Later", said("The ferries stop in June", said_on=date(2024, 6, 1)))
    assert quotes_per_month_of_speakers(store.session, [newsroom.okafor.id]) == [("2024-03", 2)]
    assert quotes_per_month_of_speakers(store.session, [newsroom.ruiz.id, newsroom.okafor.id]) == [("2024-03", 4)]
    assert quotes_per_month_of_speakers(store.session, []) == []


def test_a_topics_quotes_are_counted_by_month(store, newsroom):
    assert quotes_per_month_of_topics(store.session, [store.topic("bridge").id]) == [("2024-03", 2)]


def test_the_topics_of_a_speakers_latest_quotes_are_counted_most_first(store, newsroom):
    from app.queries import QuoteFilters
    from app.queries.records import topics_of_latest_quotes
    topics = topics_of_latest_quotes(store.session, QuoteFilters(speaker_id=newsroom.ruiz.id))
    assert [(t.slug, t.quote_count) for t in topics] == [
        ("bridge", 1), ("ferry", 1), ("schedule", 1), ("transport-and-infrastructure", 1)]  # ties by slug
    store.article("Again", said("The bridge is fine", RUIZ, said_on=date(2024, 3, 20),
                                topics=("bridge",)))
    assert topics_of_latest_quotes(store.session, QuoteFilters(speaker_id=newsroom.ruiz.id))[0].slug == "bridge"
    latest_only = topics_of_latest_quotes(store.session, QuoteFilters(speaker_id=newsroom.okafor.id), quotes=1)
    assert {t.slug for t in latest_only} == {"flood-defence", "climate-and-weather"}  # his newest quote's
