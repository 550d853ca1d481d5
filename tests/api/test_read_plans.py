"""Every fast path of the keyset planner pages through the same quotes, in the same order, as the general plan.

`app.queries.planner.FAST_PATHS` registers the plans that read a page straight from one index; the
general plan (one statement with every filter, SQLite choosing the index) is the truth. On a store
of varied quotes (namesakes, a subject with more narrower subjects than a page has streams in most
stores, key terms, ties and gaps in dates, undated quotes, three kinds, two sources), each query a
path serves is paged through its `next_url` cursors twice: with that path alone registered, and
with none. The pages must be equal, and the path must have read them.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from app.queries.planner import FAST_PATHS, FastPath, reads_one_index_in_order
from app.queries.selection import QuoteFilters
from tests.api.conftest import person, said

NARROWER = ["ferries", "dredging", "moorings", "lighthouses", "fisheries", "shipyards", "cargo handling",
            "port fees", "harbour police", "tides"]
# Queries for each registered path: filters alone, with dates, with other filters tested on each quote.
QUERIES = {
    "fulltext_index": ["q=harbour", "q=ferry&from=2024-04-05&to=2024-04-15", "q=harbour&date=2024-04-07",
                       "q=harbour OR tide&to=2024-04-10"],
    "topic_streams": ["topic=waterfront", "topic=ferry", "topic=dredging&from=2024-04-03&to=2024-04-12",
                      "topic=waterfront&kind=partial", "topic=waterfront&speaker=Vell", "topic=waterfront&q=harbour",
                      "topic=waterfront&source=Valley Courier&to=2024-04-16"],
    "speaker_streams": ["speaker=Vell", "speaker=Mara Vell", "speaker=Orrin&from=2024-04-08",
                        "speaker=Vell&q=harbour", "speaker=Vell&kind=full&source=Valley Courier",
                        "speaker=Quayside Trust&from=2024-04-09"],
    "date_index": ["", "from=2024-04-10", "to=2024-04-06", "date=2024-04-11", "from=2024-04-02&to=2024-04-04"],
}


@pytest.fixture
def extra_subjects() -> list[dict]:
    """A broad subject with ten narrower ones: `topic=waterfront` names eleven topics."""
    return [{"name": "waterfront", "terms": ["quayside renewal"]}] + [
        {"name": name, "broader": "waterfront", "terms": [f"{name} committee"]} for name in NARROWER
    ]


@pytest.fixture
def varied(store) -> None:
    """180 quotes in four articles of two sources over 20 days (several a day, one in nine undated)."""
    speakers = [person("Mara Vell"), person("Ido Vell"), person("Ada Orrin"),
                person("Quayside Trust", kind="organization"), None]
    for article in range(4):
        quotes = []
        for n in range(45):
            number = article * 45 + n
            words = (["The works go on"] + ["at the harbour"] * (number % 3 == 0) + ["and the ferry waits"]
                     * (number % 5 == 0) + ["with the tide"] * (number % 7 == 0))
            subjects = (("waterfront",) * (number % 4 == 0) + (NARROWER[number % len(NARROWER)],) * (number % 3 != 2))
            said_on = None if number % 9 == 0 else date(2024, 4, 1) + timedelta(days=number * 7 % 20)
            quotes.append(said(" ".join(words), speakers[number % len(speakers)], said_on=said_on,
                               kind=("full", "partial", "continuation")[number % 3 if number % 2 else 0],
                               topics=("ferry",) * (number % 5 == 0), subjects=subjects, start=n * 100))
        store.article(f"Harbour works, part {article + 1}", *quotes, published=None,
                      source=("Riverton Ledger", "Valley Courier")[article % 2])


def page_sequence(client, query: str, limit: int) -> list[list[int]]:
    pages, url = [], f"/quotes?{query}&limit={limit}"
    while url:
        assert len(pages) < 200, f"{query}: a cursor leads back to quotes already paged"
        response = client.get(url)
        assert response.status_code == 200, response.text
        pages.append([item["id"] for item in response.json()["items"]])
        url = response.json()["next_url"]
    return pages


def counting(path: FastPath, calls: list[str]) -> FastPath:
    def keys(*args):
        calls.append(path.name)
        return path.keys(*args)

    return replace(path, keys=keys)


def test_every_registered_path_has_queries_here():
    assert set(QUERIES) == {path.name for path in FAST_PATHS}


@pytest.mark.parametrize("path", FAST_PATHS, ids=lambda path: path.name)
def test_every_fast_path_pages_like_the_general_plan(client, varied, monkeypatch, path, engine_name):
    reference = {}
    with monkeypatch.context() as general_only:
        general_only.setattr("app.queries.planner.FAST_PATHS", ())
        for query in QUERIES[path.name]:
            for sort in ("newest", "oldest"):
                for limit in (4, 15):
                    reference[(query, sort, limit)] = page_sequence(client, f"{query}&sort={sort}", limit)
    assert sum(map(len, reference[(QUERIES[path.name][0], "newest", 15)])) > 15  # more than one page
    assert [key for key, pages in reference.items() if pages == [[]]] == []  # every query finds quotes
    calls: list[str] = []
    monkeypatch.setattr("app.queries.planner.FAST_PATHS", (counting(path, calls),))
    for (query, sort, limit), pages in reference.items():
        calls.clear()
        assert page_sequence(client, f"{query}&sort={sort}", limit) == pages, (query, sort, limit)
        if path.name == "fulltext_index" and engine_name != "sqlite":
            continue  # PostgreSQL's full-text index has no date order to walk: GIN plus a sort answers
        assert calls and set(calls) == {path.name}, f"{query}: the {path.name} plan did not read the pages"


def test_a_topic_naming_many_subjects_is_read_from_its_streams(client, varied, monkeypatch):
    """`topic=waterfront` names eleven topics; a page reads each one's index, not every tagged quote."""
    calls: list[str] = []
    monkeypatch.setattr("app.queries.planner.FAST_PATHS", tuple(counting(path, calls) for path in FAST_PATHS))
    assert len(page_sequence(client, "topic=waterfront", 20)) > 1
    assert set(calls) == {"topic_streams"}


@pytest.mark.parametrize("query, in_order", [
    ({}, True), ({"speaker": "Vell"}, True), ({"topic": "waterfront", "said_to": date(2024, 4, 9)}, True),
    ({"q": "harbour", "said_from": date(2024, 4, 2)}, True), ({"speaker": "Vell", "kind": "full"}, False),
    ({"q": "harbour", "speaker": "Vell"}, False), ({"kind": "partial"}, False), ({"source": "Valley Courier"}, False),
])
def test_only_a_page_read_straight_from_one_index_is_answered_on_the_event_loop(query, in_order):
    assert reads_one_index_in_order(QuoteFilters(**query), "newest") is in_order
    assert not reads_one_index_in_order(QuoteFilters(**query), "relevance")
