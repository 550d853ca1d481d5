"""Hostile input never becomes a 500: ids past SQLite's integer range, impossible combinations,
repeated empty urls and dates before year 1 are answered as problem+json 4xx, and an unexpected
error is answered without escaping the app (so the server keeps the connection open)."""

from __future__ import annotations

import base64
import json

import pytest
from fastapi.testclient import TestClient

from tests.api.conftest import WRITE_HEADERS

TOO_BIG = 2**63  # one past SQLite's largest INTEGER


def cursor_of(*parts: object) -> str:
    return base64.urlsafe_b64encode(json.dumps(list(parts)).encode()).rstrip(b"=").decode()


def assert_problem(response, *statuses: int) -> None:
    assert response.status_code in statuses, response.text
    assert response.headers["content-type"] == "application/problem+json"


@pytest.mark.parametrize(
    "path",
    [
        f"/quotes/{TOO_BIG}",
        f"/speakers/{TOO_BIG}",
        f"/speakers/{TOO_BIG}/quotes",
        f"/speakers/{TOO_BIG}/topics",
        f"/articles/{TOO_BIG}",
        f"/quotes?speaker_id={TOO_BIG}",
        f"/quotes?article_id={TOO_BIG}",
        f"/quotes.csv?speaker_id={TOO_BIG}",
    ],
)
def test_an_id_past_the_integer_range_is_a_client_error(client: TestClient, newsroom, path: str) -> None:
    assert_problem(client.get(path), 404, 422)


@pytest.mark.parametrize(
    "path, cursor",
    [
        ("/quotes", cursor_of("newest", "2024-03-07", TOO_BIG)),
        ("/quotes", cursor_of("newest", None, -TOO_BIG - 1)),
        ("/speakers", cursor_of("name", "ana ruiz", TOO_BIG)),
        ("/articles", cursor_of("ingested", TOO_BIG, 1)),
        ("/topics", cursor_of("slug", "bridge", TOO_BIG)),
        ("/topics?sort=count", cursor_of("count", f"{TOO_BIG}:bridge", 1)),
    ],
)
def test_a_cursor_holding_an_id_past_the_integer_range_is_a_400(client: TestClient, newsroom, path, cursor) -> None:
    response = client.get(path, params={"cursor": cursor})
    assert_problem(response, 400)
    assert response.json()["errors"][0]["parameter"] == "cursor"


def test_relevance_with_a_filter_that_matches_nothing_is_an_empty_page(client: TestClient, newsroom) -> None:
    for params in (
        {"q": "bridge", "speaker": "Nobody Known", "sort": "relevance"},
        {"q": "bridge", "topic": "no-such-topic", "sort": "relevance"},
        {"q": "bridge", "speaker_id": 999, "sort": "relevance"},
    ):
        response = client.get("/quotes", params=params)
        assert response.status_code == 200, (params, response.text)
        assert response.json()["items"] == []


def test_two_articles_posted_with_an_empty_url_are_both_stored(client: TestClient) -> None:
    first = client.post(
        "/articles", headers=WRITE_HEADERS, json={"text": '"We will build it," Mia Lund said.', "url": ""}
    )
    second = client.post(
        "/articles", headers=WRITE_HEADERS, json={"text": '"It is too late," Ola Berg said.', "url": ""}
    )
    assert (first.status_code, second.status_code) == (201, 201), second.text
    assert first.json()["id"] != second.json()["id"]
    assert second.json()["url"] is None


def test_relative_days_before_year_one_are_a_422_naming_published(client: TestClient) -> None:
    response = client.post(
        "/articles",
        headers=WRITE_HEADERS,
        json={"text": '"We won," Mia Lund said yesterday.', "published": "0001-01-01"},
    )
    assert_problem(response, 422)
    assert response.json()["errors"][0]["parameter"] == "body.published"


def test_an_unexpected_error_is_answered_without_escaping_the_app(settings) -> None:
    from app.api.main import create_app

    app = create_app(settings)

    @app.get("/boom")
    def boom() -> None:
        raise RuntimeError("a bug")

    with TestClient(app, raise_server_exceptions=True) as client:  # an escaping error would be raised here
        response = client.get("/boom")
    assert_problem(response, 500)
    assert "a bug" not in response.text
