"""What platform teams expect of every response: CORS only when configured, gzip, ETags with 304s,
`Vary: Accept`, request ids, JSON logs, Prometheus metrics, security headers, docs that work offline,
and a path prefix behind a proxy."""

from __future__ import annotations

import json
import logging
import logging.config
import re

import pytest
from asgi_correlation_id import correlation_id
from fastapi.testclient import TestClient

from app import serving
from app.api.logs import LOG_CONFIG
from app.api.main import create_app
from app.api.middleware import REQUEST_ID
from app.config import Settings, get_settings
from tests.api.conftest import WRITE_HEADERS

DESK = "https://desk.example.org"


def test_cors_is_off_unless_origins_are_configured(client: TestClient, newsroom) -> None:
    response = client.get("/quotes", headers={"Origin": DESK})
    assert response.status_code == 200 and "access-control-allow-origin" not in response.headers


def test_a_configured_origin_may_call_reads_and_writes_from_a_browser(client_with, newsroom) -> None:
    client = client_with(cors_origins=[DESK])
    preflight = client.options(
        "/articles",
        headers={
            "Origin": DESK,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "x-api-key",
        },
    )
    assert preflight.status_code == 200 and preflight.headers["access-control-allow-origin"] == DESK
    response = client.get("/quotes", headers={"Origin": DESK})
    assert response.headers["access-control-allow-origin"] == DESK
    assert "link" in response.headers["access-control-expose-headers"].lower()
    assert (
        "access-control-allow-origin" not in client.get("/quotes", headers={"Origin": "https://other.example"}).headers
    )


def test_cors_origins_are_read_comma_separated(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUOTEWIRE_CORS_ORIGINS", f"{DESK}, https://wall.example.org")
    assert Settings().cors_origins == [DESK, "https://wall.example.org"]


def test_large_answers_are_gzipped_when_the_client_accepts_it(client: TestClient, newsroom) -> None:
    response = client.get("/quotes?limit=200", headers={"Accept-Encoding": "gzip"})
    assert response.headers["content-encoding"] == "gzip"
    assert response.json()["items"]  # httpx decodes it


def test_a_repeated_get_with_the_etag_is_a_304_without_body(client: TestClient, newsroom) -> None:
    first = client.get("/quotes")
    assert first.headers["cache-control"] == "no-cache"
    again = client.get("/quotes", headers={"If-None-Match": first.headers["etag"]})
    assert again.status_code == 304 and again.content == b""
    assert again.headers["etag"] == first.headers["etag"] and "content-type" not in again.headers


def test_the_etag_changes_when_the_answer_does(client: TestClient, newsroom) -> None:
    tag = client.get("/quotes").headers["etag"]
    client.post("/articles", headers=WRITE_HEADERS, json={"text": '"The pier opens in June," Lia Moss said.'})
    response = client.get("/quotes", headers={"If-None-Match": tag})
    assert response.status_code == 200 and response.headers["etag"] != tag


def test_a_streamed_csv_export_is_sent_whole_without_an_etag(client: TestClient, newsroom) -> None:
    response = client.get("/quotes.csv", headers={"If-None-Match": "*"})
    assert response.status_code == 200 and response.text.startswith("id,") and "etag" not in response.headers


@pytest.mark.parametrize("path", ["/quotes", "/speakers/{id}/quotes"])
def test_content_negotiated_lists_vary_on_accept(client: TestClient, newsroom, path: str) -> None:
    url = path.format(id=newsroom.ruiz.id)
    for accept in ("application/json", "text/csv"):
        response = client.get(url, headers={"Accept": accept})
        assert response.status_code == 200
        assert "accept" in [value.strip().lower() for value in response.headers["vary"].split(",")]


def test_a_request_id_is_echoed_or_made(client: TestClient) -> None:
    assert client.get("/health", headers={"X-Request-ID": "desk-42.7"}).headers["x-request-id"] == "desk-42.7"
    made = client.get("/health").headers["x-request-id"]
    assert REQUEST_ID.fullmatch(made)
    assert client.get("/health", headers={"X-Request-ID": "bad id\x7f"}).headers["x-request-id"] != "bad id\x7f"


def test_request_ids_are_plain_tokens() -> None:
    assert REQUEST_ID.fullmatch("7d0c6a8e-5b1f-4c1e-9d7a-2f6b8e1c0a93")
    assert not REQUEST_ID.fullmatch("two words")


def test_server_logs_are_json_lines_with_the_request_id(capsys: pytest.CaptureFixture) -> None:
    logging.config.dictConfig(LOG_CONFIG)
    token = correlation_id.set("desk-7")  # as CorrelationIdMiddleware sets it for the request being answered
    try:
        logging.getLogger("uvicorn.access").info('%s - "%s %s HTTP/%s" %d', "10.0.0.1:5", "GET", "/quotes", "1.1", 200)
    finally:
        correlation_id.reset(token)
        for name in ("uvicorn", "uvicorn.access", ""):
            logging.getLogger(name).handlers.clear()
    record = json.loads(capsys.readouterr().out)
    assert record["request_id"] == "desk-7" and record["level"] == "INFO"
    assert record["method"] == "GET" and record["path"] == "/quotes" and record["status"] == 200


def test_metrics_are_served_for_prometheus(client: TestClient, newsroom) -> None:
    client.get("/quotes")
    response = client.get("/metrics")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/plain")
    assert re.search(r'^http_requests_total\{.*handler="/quotes".*\} \d', response.text, re.MULTILINE)
    assert "/metrics" not in client.get("/openapi.json").json()["paths"]


def test_every_answer_carries_the_security_headers(client: TestClient) -> None:
    for response in (client.get("/health"), client.get("/quotes/999"), client.get("/docs")):
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["x-frame-options"] == "DENY"
        assert response.headers["referrer-policy"] == "strict-origin-when-cross-origin"


@pytest.mark.parametrize("page", ["/docs", "/redoc"])
def test_the_docs_pages_load_nothing_from_other_hosts(client: TestClient, page: str) -> None:
    response = client.get(page)
    assert response.status_code == 200
    assert "default-src 'self'" in response.headers["content-security-policy"]
    assets = re.findall(r'(?:src|href)="([^"]+)"', response.text)
    assert assets and all(asset.startswith("/docs-assets/") for asset in assets), assets
    for asset in assets:
        assert client.get(asset).status_code == 200, asset


def test_behind_a_path_prefix_links_and_docs_carry_it(settings: Settings, newsroom) -> None:
    client = TestClient(create_app(settings), root_path="/quotewire")  # as `quotewire serve` runs it
    assert client.get("/quotewire/openapi.json").json()["servers"] == [{"url": "/quotewire"}]
    assert '"/quotewire/docs-assets/swagger-ui-bundle.js"' in client.get("/quotewire/docs").text
    assert client.get("/quotewire/quotes?limit=1").json()["next_url"].startswith("/quotewire/quotes?")


def test_the_server_runs_the_app_under_the_configured_path_prefix(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUOTEWIRE_ROOT_PATH", "/quotewire/")
    get_settings.cache_clear()
    started: dict[str, object] = {}
    monkeypatch.setattr(serving.uvicorn, "run", lambda *args, **options: started.update(options))
    serving.serve("127.0.0.1", 8000, workers=1)
    assert started["root_path"] == "/quotewire"
