"""Every full-text plan of `/quotes`, and the plain streams, page through the same quotes in the same order.

A word alone (or with dates) is read from the full-text index in date order; beside other filters it
is tested by one of three shapes chosen by its number of matches (see
`app.queries.selection.fulltext_plan`). The reference is the plainest plan, `id IN (matches)` with
no date-ordered index; the thresholds are patched so a store of a few hundred quotes takes each
plan, and every page sequence, followed through its `next_url` cursors, must equal the reference.
"""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from app.store.sqlite import SqliteFullTextMatch
from tests.api.conftest import person, said

QUERIES = [
    "q=harbour", "q=harbour&sort=oldest", "q=ferry", "q=ferry&sort=oldest", "q=harbour&speaker=Vell",
    "q=harbour&kind=partial&sort=oldest", "q=harbour&from=2024-01-10&to=2024-02-01", "q=harbour ferry",
    "q=harbour&to=2024-01-20&sort=oldest", "q=ferry&date=2024-01-08", "q=harbour&speaker=Vell&sort=oldest",
]
PLANS = {  # constants of app.queries.selection for each plan
    "as configured": {},
    "seek per quote": {"FEW_FULLTEXT_MATCHES": 1, "MANY_FULLTEXT_MATCHES": 1},
    "match list walked": {"FEW_FULLTEXT_MATCHES": 1, "MANY_FULLTEXT_MATCHES": 10**9},
}


def without_date_ordered_index(monkeypatch) -> None:
    monkeypatch.setattr(SqliteFullTextMatch, "date_ordered", None)


@pytest.fixture
def harbour_quotes(store) -> None:
    """240 quotes over 40 days (several a day, some undated): 'harbour' in a third, 'ferry' in a fifth."""
    vell, orrin = person("Mara Vell"), person("Ido Orrin")
    quotes = []
    for number in range(240):
        words = (["The works go on"] + ["at the harbour"] * (number % 3 == 0)
                 + ["and the ferry waits"] * (number % 5 == 0))
        said_on = None if number % 17 == 0 else date(2024, 1, 1) + timedelta(days=number * 7 % 40)
        quotes.append(said(" ".join(words), (vell, orrin)[number % 2], mention=("Vell", "Orrin")[number % 2],
                           kind=("full", "partial")[number % 4 == 1], said_on=said_on, start=number * 100))
    store.article("Harbour works enter their second year", *quotes, published=None)


def page_sequence(client, query: str, limit: int) -> list[list[int]]:
    pages, url = [], f"/quotes?{query}&limit={limit}"
    while url:
        assert len(pages) < 100, f"{query}: a cursor leads back to quotes already paged"
        response = client.get(url)
        assert response.status_code == 200, response.text
        pages.append([item["id"] for item in response.json()["items"]])
        url = response.json()["next_url"]
    return pages


@pytest.mark.parametrize("plan", PLANS)
def test_every_full_text_plan_pages_alike(client, harbour_quotes, monkeypatch, plan):
    with monkeypatch.context() as plainest:
        without_date_ordered_index(plainest)
        plainest.setattr("app.queries.selection.FEW_FULLTEXT_MATCHES", 10**9)
        reference = {(query, limit): page_sequence(client, query, limit) for query in QUERIES for limit in (3, 10)}
    assert sum(map(len, reference[("q=harbour", 10)])) == 80
    for name, value in PLANS[plan].items():
        monkeypatch.setattr(f"app.queries.selection.{name}", value)
    for (query, limit), pages in reference.items():
        assert page_sequence(client, query, limit) == pages, (query, limit)


PLAIN_QUERIES = [
    "speaker=Vell", "speaker=Vell&sort=oldest", "speaker=Orrin&from=2024-01-05&to=2024-01-30", "", "sort=oldest",
    "to=2024-01-20", "from=2024-01-20&sort=oldest", "date=2024-01-08", "speaker=Vell&to=2024-01-25&sort=oldest",
]


def test_plain_streams_page_like_the_general_plan(client, harbour_quotes, monkeypatch):
    """Speakers or dates alone are read by statements built once per shape; the pages must be those
    of the general plan, which builds its statement for each request."""
    with monkeypatch.context() as general:
        general.setattr("app.queries.planner.FAST_PATHS", ())
        reference = {(query, limit): page_sequence(client, query, limit) for query in PLAIN_QUERIES for limit in (4, 25)}
    assert sum(map(len, reference[("", 25)])) == 240
    for (query, limit), pages in reference.items():
        assert page_sequence(client, query, limit) == pages, (query, limit)
