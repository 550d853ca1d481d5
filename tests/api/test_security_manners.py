"""Security manners: CSV cells a spreadsheet would run are defused, only web addresses are stored as an
article's link, and the shipped settings file holds no working key."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.config import Settings
from tests.api.conftest import WRITE_HEADERS, person, said

ENV_EXAMPLE = Path(__file__).resolve().parents[2] / "quotewire.env.example"


@pytest.mark.parametrize("text", ["=1+2", "+41 22 555", "-7 degrees tonight", "@channel listen", "\tindented"])
def test_csv_cells_a_spreadsheet_would_run_start_with_an_apostrophe(client: TestClient, store, text: str) -> None:
    store.article("Weather desk", said(text, person("Lea Brun")))
    [row] = csv.DictReader(io.StringIO(client.get("/quotes.csv").text))
    assert row["text"] == "'" + text


def test_csv_cells_of_plain_text_and_numbers_are_unchanged(client: TestClient, store) -> None:
    store.article("Weather desk", said("Rain at noon", person("Lea Brun")))
    [row] = csv.DictReader(io.StringIO(client.get("/quotes.csv").text))
    assert row["text"] == "Rain at noon" and row["speaker"] == "Lea Brun" and not row["id"].startswith("'")


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,hi", "ftp://files.example/a", "//no.scheme/a"])
def test_an_article_url_that_is_no_web_address_is_a_422(client: TestClient, url: str) -> None:
    response = client.post("/articles", headers=WRITE_HEADERS, json={"text": '"Yes," Ida Moe said.', "url": url})
    assert response.status_code == 422, response.text
    assert response.json()["errors"][0]["parameter"] == "body.url"


def test_an_https_article_url_is_stored_as_sent(client: TestClient) -> None:
    url = "HTTPS://news.example/2024/harbour"
    response = client.post("/articles", headers=WRITE_HEADERS, json={"text": '"Yes," Ida Moe said.', "url": url})
    assert response.status_code == 201 and response.json()["url"] == url


def test_the_shipped_settings_file_enables_no_writes(client_with) -> None:
    values = dict(
        line.split("=", 1) for line in ENV_EXAMPLE.read_text().splitlines() if line and not line.startswith("#")
    )
    api_key = values["QUOTEWIRE_API_KEY"]
    assert api_key == ""
    client = client_with(api_key=Settings(api_key=api_key).api_key or None)
    response = client.post("/articles", headers={"X-API-Key": api_key}, json={"text": '"Yes," Ida Moe said.'})
    assert response.status_code == 403


@pytest.mark.parametrize("body", [b"{not json", b'{"text": "\xff"}'])
@pytest.mark.parametrize("path", ["/articles", "/speakers/1/merge", "/speakers/1/split"])
def test_the_key_is_checked_before_the_body_is_read(client: TestClient, path: str, body: bytes) -> None:
    json_type = {"content-type": "application/json"}
    assert client.post(path, headers=json_type, content=body).status_code == 401
    assert client.post(path, headers={**json_type, "X-API-Key": "wrong"}, content=body).status_code == 403
    assert client.post(path, headers={**json_type, **WRITE_HEADERS}, content=body).status_code in (400, 422)


def test_a_stored_url_a_browser_would_run_is_not_served_as_a_link(client: TestClient, store) -> None:
    stored = store.article("Old import", said("We sail at dawn", person("Ida Moe")), url="javascript:alert(1)")
    article_id = stored.article.id
    assert client.get(f"/articles/{article_id}").json()["url"] is None
    assert client.get("/articles").json()["items"][0]["url"] is None
    assert client.get("/quotes").json()["items"][0]["article"]["url"] is None
    [row] = csv.DictReader(io.StringIO(client.get("/quotes.csv").text))
    assert row["article_url"] == ""


@pytest.mark.parametrize(
    ("method", "path", "allowed"),
    [
        ("PUT", "/articles", "GET, HEAD, POST"),
        ("PUT", "/articles/1", "DELETE, GET, HEAD"),
        ("DELETE", "/quotes", "GET, HEAD"),
    ],
)
def test_a_405_lists_every_method_of_the_path(client: TestClient, method: str, path: str, allowed: str) -> None:
    response = client.request(method, path)
    assert response.status_code == 405 and response.headers["allow"] == allowed


def test_a_trailing_slash_redirects_on_this_server_whatever_the_host_header(client: TestClient, newsroom) -> None:
    response = client.get("/quotes/?speaker=Ruiz", headers={"Host": "elsewhere.example"}, follow_redirects=False)
    assert response.status_code == 308 and response.headers["location"] == "/quotes?speaker=Ruiz"
    assert client.get("/quotes/?speaker=Ruiz").json()["items"]


def test_a_trailing_slash_redirect_never_names_another_host(client: TestClient) -> None:
    response = client.get("http://testserver//elsewhere.example/", follow_redirects=False)
    assert response.status_code == 308 and response.headers["location"] == "/elsewhere.example"


def test_an_encoded_slash_at_the_end_of_an_id_is_no_trailing_slash(client: TestClient) -> None:
    assert client.get("/quotes/12%2F", follow_redirects=False).status_code == 404  # no such quote, no redirect
