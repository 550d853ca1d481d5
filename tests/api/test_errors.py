"""Every error is RFC 9457 problem+json naming what is wrong; user input never causes a 500."""
from __future__ import annotations

import pytest

PROBLEM_FIELDS = {"type", "title", "status", "detail", "instance"}


def assert_problem(response, status: int, parameter: str | None = None) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert PROBLEM_FIELDS <= set(body) and body["status"] == status
    if parameter is not None:
        assert parameter in [e["parameter"] for e in body["errors"]]
    return body


def test_misspelt_parameter_is_named(client):
    body = assert_problem(client.get("/quotes?speakr=Ruiz"), 422, "speakr")
    assert "unknown parameter" in body["detail"]
    assert body["instance"] == "/quotes?speakr=Ruiz"


@pytest.mark.parametrize("query, parameter", [
    ("date=yesterday", "date"), ("from=2024-02-30", "from"), ("to=soon", "to"), ("speaker_id=abc", "speaker_id"),
    ("kind=rumour", "kind"), ("sort=loudest", "sort"), ("article_id=0", "article_id"), ("speaker=", "speaker"),
])
def test_invalid_values_are_422_naming_the_parameter(client, query, parameter):
    assert_problem(client.get(f"/quotes?{query}"), 422, parameter)


def test_relevance_without_q_is_a_400(client):
    body = assert_problem(client.get("/quotes?sort=relevance"), 400, "sort")
    assert "q" in body["detail"]


def test_from_after_to_is_a_400(client):
    assert_problem(client.get("/quotes?from=2024-03-02&to=2024-03-01"), 400, "from")


@pytest.mark.parametrize("q", ['"unbalanced', 'bridge"', "OR", "ceasefire AND", "AND OR", "NOT", "-alone", "***",
                               "(", '""'])
def test_malformed_full_text_is_a_400_naming_q(client, newsroom, q):
    body = assert_problem(client.get("/quotes", params={"q": q}), 400, "q")
    assert body["detail"].startswith("q")


def test_overlong_q_is_a_422(client):
    assert_problem(client.get("/quotes", params={"q": "a" * 501}), 422, "q")


@pytest.mark.parametrize("q", ["NEAR(", "col:umn", "^start", "a+b", "NEAR(a b)", "bridge:", "café"])
def test_fts5_syntax_characters_are_searched_as_text(client, newsroom, q):
    assert client.get("/quotes", params={"q": q}).status_code == 200


@pytest.mark.parametrize("path", ["/quotes/999999", "/speakers/999999", "/speakers/999999/quotes",
                                  "/articles/999999", "/topics/no-such-topic", "/no/such/route"])
def test_unknown_ids_and_routes_are_404(client, path):
    assert_problem(client.get(path), 404)


def test_non_numeric_id_is_a_422(client):
    assert_problem(client.get("/quotes/abc"), 422, "quote_id")


def test_missing_key_is_401_and_wrong_key_is_403(client):
    body = {"text": '"Fine," said Mira Stone.'}
    missing = assert_problem(client.post("/articles", json=body), 401)
    assert "X-API-Key" in missing["detail"]
    assert_problem(client.post("/articles", json=body, headers={"X-API-Key": "guess"}), 403)
    assert_problem(client.delete("/articles/1", headers={"X-API-Key": "guess"}), 403)


def test_writes_without_a_configured_key_say_how_to_set_one(client_with):
    response = client_with(api_key=None).post("/articles", json={"text": "x"}, headers={"X-API-Key": "anything"})
    body = assert_problem(response, 403)
    assert "QUOTEWIRE_API_KEY" in body["detail"]


def test_reads_are_open_unless_read_key_required(client_with):
    assert client_with().get("/quotes").status_code == 200
    guarded = client_with(read_key_required=True)
    assert_problem(guarded.get("/quotes"), 401)
    assert_problem(guarded.get("/speakers", headers={"X-API-Key": "nope"}), 403)
    assert guarded.get("/topics", headers={"X-API-Key": "test-secret-key"}).status_code == 200
    assert guarded.get("/health").status_code == 200


def test_body_over_the_limit_is_413_by_content_length(client):
    response = client.post("/articles", content=b"{" + b" " * 30_000 + b"}",
                           headers={"X-API-Key": "test-secret-key", "Content-Type": "application/json"})
    assert "20,000 bytes" in assert_problem(response, 413)["detail"]


def test_streamed_body_over_the_limit_is_413(client):
    def chunks():
        for _ in range(30):
            yield b" " * 1000

    response = client.post("/articles", content=chunks(),
                           headers={"X-API-Key": "test-secret-key", "Content-Type": "application/json"})
    assert "content-length" not in response.request.headers
    assert_problem(response, 413)


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded", "text/html", ""])
def test_non_json_body_is_415(client, content_type):
    headers = {"X-API-Key": "test-secret-key"}
    if content_type:
        headers["Content-Type"] = content_type
    assert_problem(client.post("/articles", content=b'{"text": "hello"}', headers=headers), 415)


@pytest.mark.parametrize("body, parameter", [
    ({}, "body"), ({"text": ""}, "body.text"),
    ({"text": "ok", "published": "someday"}, "body.published"), ({"text": "ok", "colour": "red"}, "body.colour"),
])
def test_invalid_article_body_is_422_naming_the_field(client, body, parameter):
    response = client.post("/articles", json=body, headers={"X-API-Key": "test-secret-key"})
    assert_problem(response, 422, parameter)


def test_malformed_json_is_422(client):
    response = client.post("/articles", content=b'{"text": ', headers={"X-API-Key": "test-secret-key",
                                                                      "Content-Type": "application/json"})
    assert_problem(response, 422)
