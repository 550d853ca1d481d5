"""Keyset pages: following next_url (and the Link header) visits every quote once, in order; cursors are checked."""
from __future__ import annotations

import base64
import json
from datetime import date, timedelta

import pytest

from tests.api.conftest import person, said


@pytest.fixture
def many(store):
    """23 quotes: dates with ties (three per day), and three undated quotes."""
    marsh = person("Lena Marsh", title="Harbour master")
    quotes = [said(f"Dredging update number {n} for the harbour", marsh,
                   said_on=date(2024, 1, 1) + timedelta(days=n // 3), start=n * 50) for n in range(20)]
    quotes += [said(f"Undated harbour remark {n}", marsh, start=2000 + n * 50) for n in range(3)]
    return store.article("Harbour dredging begins", *quotes, published=None).quotes


def expected_order(rows, newest: bool) -> list[int]:
    dated = sorted((r for r in rows if r.said_on), key=lambda r: (r.said_on, r.id), reverse=newest)
    undated = sorted((r for r in rows if not r.said_on), key=lambda r: r.id, reverse=newest)
    return [r.id for r in dated + undated]


def follow(client, url: str) -> tuple[list[int], int]:
    """Every id reached by following next_url from `url`, and the number of pages."""
    ids, pages = [], 0
    while url:
        response = client.get(url)
        assert response.status_code == 200, response.text
        body = response.json()
        ids += [item["id"] for item in body["items"]]
        pages += 1
        if body["next_url"]:
            assert response.headers["link"] == f'<{body["next_url"]}>; rel="next"'
            assert f"cursor={body['next_cursor']}" in body["next_url"]
        else:
            assert "link" not in response.headers and body["next_cursor"] is None
        url = body["next_url"]
    return ids, pages


@pytest.mark.parametrize("sort", ["newest", "oldest"])
def test_pages_cover_every_quote_once_in_order(client, many, sort):
    ids, pages = follow(client, f"/quotes?limit=4&sort={sort}")
    assert ids == expected_order(many, newest=sort == "newest")
    assert pages == 6  # 23 quotes, 4 a page


def test_next_url_keeps_the_filters(client, many, store):
    store.article("Unrelated", said("Dredging is not my business", person("Someone Else"), said_on=date(2024, 1, 2)))
    ids, _ = follow(client, "/quotes?speaker=Marsh&limit=5")
    assert ids == expected_order(many, newest=True)


def test_relevance_pages_follow_rank_then_id(client, many):
    ids, _ = follow(client, "/quotes?q=dredging&sort=relevance&limit=6")
    assert sorted(ids) == sorted(r.id for r in many if r.said_on)
    assert len(ids) == len(set(ids))


def test_default_limit_is_20(client, many):
    body = client.get("/quotes").json()
    assert len(body["items"]) == 20 and body["next_cursor"]


@pytest.mark.parametrize("cursor", ["not-a-cursor", "!!!", base64.urlsafe_b64encode(b'{"a": 1}').decode(),
                                    base64.urlsafe_b64encode(b'["newest", "2024-13-40", 5]').decode(),
                                    base64.urlsafe_b64encode(b'["newest", "2024-01-01", "5"]').decode()])
def test_a_tampered_cursor_is_a_400_naming_cursor(client, many, cursor):
    response = client.get("/quotes", params={"cursor": cursor})
    assert response.status_code == 400
    assert response.json()["errors"][0]["parameter"] == "cursor"


def test_a_cursor_for_another_sort_is_refused(client, many):
    cursor = client.get("/quotes?limit=2").json()["next_cursor"]
    response = client.get("/quotes", params={"cursor": cursor, "sort": "oldest"})
    assert response.status_code == 400
    assert "sort=newest" in response.json()["detail"]


def test_cursor_is_opaque_base64url_of_sort_key_and_id(client, many):
    cursor = client.get("/quotes?limit=1").json()["next_cursor"]
    assert set(cursor) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
    sort, key, row_id = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    assert (sort, key, row_id) == ("newest", "2024-01-07", expected_order(many, newest=True)[0])


@pytest.mark.parametrize("limit", ["0", "201", "-1", "ten"])
def test_limit_out_of_range_is_a_422_naming_limit(client, limit):
    response = client.get("/quotes", params={"limit": limit})
    assert response.status_code == 422
    assert [e["parameter"] for e in response.json()["errors"]] == ["limit"]


def test_listings_page_too(client, store):
    store.article("Five voices", *(said(f"Remark {n}", person(f"Voice Number{n}"), start=n * 20) for n in range(5)))
    names = []
    url = "/speakers?limit=2"
    while url:
        body = client.get(url).json()
        names += [s["name"] for s in body["items"]]
        url = body["next_url"]
    assert names == [f"Voice Number{n}" for n in range(5)]


@pytest.fixture
def extra_subjects() -> list[dict]:
    return [{"name": "hostages", "terms": ["hostage exchange"]},
            {"name": "hostage talks", "broader": "hostages", "terms": ["hostage negotiator"]}]


@pytest.fixture
def namesakes(store):
    """Two speakers sharing a surname; quotes on the subject "hostages" or its narrower "hostage talks"
    (both named by topic=hostages)."""
    first, second = person("Ada Quill"), person("Ben Quill")
    quotes = []
    for n in range(12):
        speaker = first if n % 3 else second
        subjects = ("hostage talks",) if n % 2 else ("hostages",)
        quotes.append(said(f"Quill remark {n}", speaker, subjects=subjects,
                           said_on=date(2024, 5, 1) + timedelta(days=n % 5), start=n * 30))
    quotes.append(said("Quill remark undated", second, subjects=("hostage talks",), start=999))
    return store.article("Two Quills", *quotes, published=None).quotes


@pytest.mark.parametrize("max_streams", [8, 1])
@pytest.mark.parametrize("sort", ["newest", "oldest"])
@pytest.mark.parametrize("query", ["speaker=Quill", "topic=hostages"])
def test_several_speakers_or_topics_page_in_one_order(client, namesakes, monkeypatch, max_streams, sort, query):
    """A name matching several speakers (or a topic naming a term and a subject) pages like one list,
    whether each id is read on its own and merged or all are read in one query."""
    monkeypatch.setattr("app.queries.planner.MAX_STREAMS", max_streams)
    ids, _ = follow(client, f"/quotes?{query}&limit=5&sort={sort}")
    assert ids == expected_order(namesakes, newest=sort == "newest")
