"""CSV export: /quotes.csv and Accept: text/csv give a header row and the same quotes as the JSON pages."""
from __future__ import annotations

import csv
import io

import pytest

import app.api.routes.quotes as quotes_routes
from app.api.csv_export import CSV_COLUMNS


def rows_of(response) -> list[dict]:
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    reader = csv.DictReader(io.StringIO(response.text))
    assert tuple(reader.fieldnames) == CSV_COLUMNS
    return list(reader)


def json_ids(client, query: str) -> list[int]:
    ids, url = [], f"/quotes?{query}&limit=200"
    while url:
        body = client.get(url).json()
        ids += [item["id"] for item in body["items"]]
        url = body["next_url"]
    return ids


@pytest.mark.parametrize("query", ["", "speaker=Okafor", "topic=bridge", "q=negotiate", "sort=oldest",
                                   "from=2024-03-07&to=2024-03-11"])
def test_csv_holds_the_same_quotes_in_the_same_order_as_json(client, newsroom, query):
    rows = rows_of(client.get(f"/quotes.csv?{query}"))
    assert [int(row["id"]) for row in rows] == json_ids(client, query)


def test_accept_text_csv_on_quotes_gives_csv(client, newsroom):
    rows = rows_of(client.get("/quotes?speaker=Ruiz", headers={"Accept": "text/csv"}))
    assert {row["text"] for row in rows} == {newsroom.quotes["schedule"].text, newsroom.quotes["ferries"].text}


def test_csv_row_carries_speaker_article_and_topics(client, newsroom):
    [row] = rows_of(client.get(f"/quotes.csv?article_id={newsroom.bridge.id}&kind=partial"))
    assert row["speaker"] == "Ana Ruiz" and row["speaker_title"] == "Mayor of Riverton"
    assert row["article_url"] == "https://ledger.example/bridge" and row["source"] == "Riverton Ledger"
    assert row["said_on"] == "2024-03-07" and row["topics"] == "ferry" and row["kind"] == "partial"


def test_csv_streams_every_batch_past_the_page_limit(client, newsroom, monkeypatch):
    monkeypatch.setattr(quotes_routes, "CSV_BATCH_SIZE", 2)
    with client.stream("GET", "/quotes.csv?limit=1") as response:
        chunks = list(response.iter_text())
    assert len(chunks) >= 4  # header with the first batch, then one chunk per further batch
    rows = list(csv.DictReader(io.StringIO("".join(chunks))))
    assert len(rows) == len(newsroom.quotes)


def test_empty_result_is_just_the_header(client):
    response = client.get("/quotes.csv?speaker=Nobody")
    assert response.text.strip() == ",".join(CSV_COLUMNS)


def test_csv_errors_are_problems_before_streaming(client):
    response = client.get("/quotes.csv", params={"q": '"open'})
    assert response.status_code == 400
    assert response.headers["content-type"] == "application/problem+json"


def test_csv_of_a_speakers_quotes(client, newsroom):
    rows = rows_of(client.get(f"/speakers/{newsroom.port.id}/quotes", headers={"Accept": "text/csv"}))
    assert [row["text"] for row in rows] == [newsroom.quotes["cargo"].text]


def test_every_field_of_a_quote_item_is_a_csv_column(client, newsroom):
    [row] = rows_of(client.get(f"/quotes.csv?article_id={newsroom.bridge.id}&kind=partial"))
    item = client.get(f"/quotes?article_id={newsroom.bridge.id}&kind=partial").json()["items"][0]
    flat = {name for name, value in item.items() if not isinstance(value, dict)}
    assert flat <= set(row)
    assert row["speaker_corrected"] == "False" and row["confidence"] == str(item["confidence"])
