"""Quotes per month, the figures behind the charts."""
from __future__ import annotations

from datetime import date

from app.queries.timeline import quotes_per_month_of_speakers, quotes_per_month_of_topics
from tests.api.conftest import said


def test_a_speakers_quotes_are_counted_by_month_and_undated_ones_left_out(store, newsroom):
    store.article("Later", said("The ferries stop in June", said_on=date(2024, 6, 1)))
    assert quotes_per_month_of_speakers(store.session, [newsroom.okafor.id]) == [("2024-03", 2)]
    assert quotes_per_month_of_speakers(store.session, [newsroom.ruiz.id, newsroom.okafor.id]) == [("2024-03", 4)]
    assert quotes_per_month_of_speakers(store.session, []) == []


def test_a_topics_quotes_are_counted_by_month(store, newsroom):
    assert quotes_per_month_of_topics(store.session, [store.topic("bridge").id]) == [("2024-03", 2)]
