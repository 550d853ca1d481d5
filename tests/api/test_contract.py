"""The OpenAPI schema says what the API does: declared statuses, security, examples, parameters and
operation ids a generated client is named by; and HTTP manners (HEAD, ISO days, no empty articles)."""

from __future__ import annotations

import base64
import json
import re

import pytest
from fastapi.testclient import TestClient

from tests.api.conftest import WRITE_HEADERS

OPERATION_ID = re.compile(r"[a-z]+(?:_[a-z]+){0,3}")  # list_speaker_quotes


def operations(client: TestClient) -> dict[tuple[str, str], dict]:
    schema = client.get("/openapi.json").json()
    return {(method, path): op for path, ops in schema["paths"].items() for method, op in ops.items()}


def test_every_operation_id_is_short_unique_and_named_for_what_it_does(client: TestClient) -> None:
    ids = {key: op["operationId"] for key, op in operations(client).items()}
    assert all(OPERATION_ID.fullmatch(i) for i in ids.values()), ids
    assert len(set(ids.values())) == len(ids)
    assert ids[("get", "/quotes")] == "list_quotes"
    assert ids[("get", "/speakers/{speaker_id}")] == "get_speaker"
    assert ids[("delete", "/articles/{article_id}")] == "delete_article"


def test_reads_are_marked_as_needing_the_key_only_when_they_do(client: TestClient, client_with) -> None:
    open_reads = operations(client)
    assert "security" not in open_reads[("get", "/quotes")]
    assert "security" not in open_reads[("get", "/speakers/{speaker_id}")]
    assert open_reads[("post", "/articles")]["security"] == [{"APIKeyHeader": []}]
    closed_reads = operations(client_with(read_key_required=True))
    assert closed_reads[("get", "/quotes")]["security"] == [{"APIKeyHeader": []}]
    assert "security" not in closed_reads[("get", "/health")]


@pytest.mark.parametrize(
    "path, sort",
    [
        ("/topics", "slug"),
        ("/articles", "ingested"),
        ("/speakers", "name"),
        ("/speakers/{speaker_id}/topics", "count"),
        ("/quotes", "newest"),
    ],
)
def test_each_list_shows_a_cursor_of_its_own_as_example(client: TestClient, path: str, sort: str) -> None:
    parameters = operations(client)[("get", path)]["parameters"]
    example = next(p for p in parameters if p["name"] == "cursor")["schema"]["examples"][0]
    assert json.loads(base64.urlsafe_b64decode(example + "=" * (-len(example) % 4)))[0] == sort


def test_a_speakers_quotes_declare_speaker_id_once(client: TestClient) -> None:
    parameters = operations(client)[("get", "/speakers/{speaker_id}/quotes")]["parameters"]
    assert [p["in"] for p in parameters if p["name"] == "speaker_id"] == ["path"]


def test_a_speakers_quotes_are_still_only_that_speakers(client: TestClient, newsroom, texts) -> None:
    quotes = texts(client.get(f"/speakers/{newsroom.okafor.id}/quotes", params={"sort": "oldest"}))
    assert quotes and all(newsroom.quotes["schedule"].text != text for text in quotes)
    assert client.get(f"/speakers/{newsroom.okafor.id}/quotes", params={"speaker_id": 1}).status_code == 422


@pytest.mark.parametrize("params", [{"to": "0"}, {"from": "1700000000"}, {"date": "2024"}])
def test_a_day_that_is_not_yyyy_mm_dd_is_a_422(client: TestClient, params: dict) -> None:
    response = client.get("/quotes", params=params)
    assert response.status_code == 422, response.text
    assert "YYYY-MM-DD" in response.json()["detail"]


def test_a_posted_publication_day_as_a_number_is_a_422(client: TestClient) -> None:
    response = client.post("/articles", headers=WRITE_HEADERS, json={"text": '"Yes," Ida Moe said.', "published": 0})
    assert response.status_code == 422, response.text


@pytest.mark.parametrize("text", ["   \n\t ", "\u200b\u2060 \ufeff", "\u00a0"])
def test_text_with_nothing_visible_is_a_422_and_stores_nothing(client: TestClient, text: str) -> None:
    response = client.post("/articles", headers=WRITE_HEADERS, json={"text": text})
    assert response.status_code == 422, response.text
    assert response.json()["errors"][0]["parameter"] == "body.text"
    assert client.get("/articles").json()["items"] == []


def test_post_articles_declares_every_status_it_answers(client: TestClient) -> None:
    declared = set(operations(client)[("post", "/articles")]["responses"])
    answers = [
        client.post("/articles", headers=WRITE_HEADERS, json={"text": "  "}),
        client.post("/articles", headers=WRITE_HEADERS, json={"html": "<p> </p>"}),
        client.post("/articles", headers=WRITE_HEADERS, json={"text": "x", "html": "<p>y</p>"}),
        client.post(
            "/articles",
            headers=WRITE_HEADERS,
            content=b"{not json",
        ),
        client.post("/articles", headers={**WRITE_HEADERS, "content-type": "text/plain"}, content=b"text"),
        client.post("/articles", json={"text": '"Yes," Ida Moe said.'}),
        client.post("/articles", headers=WRITE_HEADERS, json={"text": '"Yes," Ida Moe said.'}),
        client.post("/articles", headers=WRITE_HEADERS, json={"text": '"Yes," Ida Moe said.'}),
    ]
    assert {str(r.status_code) for r in answers} <= declared, [(r.status_code, r.text) for r in answers]


@pytest.mark.parametrize("path", ["/quotes", "/quotes.csv", "/speakers", "/topics", "/articles", "/health"])
def test_head_answers_like_get_without_a_body(client: TestClient, newsroom, path: str) -> None:
    get, head = client.get(path), client.head(path)
    assert head.status_code == get.status_code == 200
    assert head.headers["content-type"] == get.headers["content-type"]
    assert head.content == b""


def test_head_on_a_missing_resource_is_a_404(client: TestClient) -> None:
    response = client.head("/quotes/999")
    assert (response.status_code, response.content) == (404, b"")


def test_a_body_that_is_not_utf8_is_a_declared_400(client: TestClient) -> None:
    response = client.post(
        "/articles", headers={**WRITE_HEADERS, "content-type": "application/json"}, content=b'{"text": "\xff"}'
    )
    assert response.status_code == 400
    assert "400" in operations(client)[("post", "/articles")]["responses"]


def test_every_operation_that_reads_a_json_body_declares_the_400_of_a_malformed_one(client: TestClient) -> None:
    with_body = {key: op for key, op in operations(client).items() if "requestBody" in op}
    assert ("post", "/verify") in with_body
    assert [key for key, op in with_body.items() if "400" not in op["responses"]] == []
    response = client.post("/verify", headers={"content-type": "application/json"}, content=b'{"text": "\xff"}')
    assert response.status_code == 400
    assert response.headers["content-type"] == "application/problem+json"
