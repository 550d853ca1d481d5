"""POST /verify and /quotes/{id}/occurrences on invented articles stored through the real extractor."""
from __future__ import annotations

import pytest

KEY = {"X-API-Key": "test-secret-key"}

WIRE_QUOTE = "The new ferry terminal will open to passengers before the summer crowds arrive"
CHANGED_WORD = "The new ferry terminal will open to travellers before the summer crowds arrive"

# the same wire quote in three outlets: first on 3 March; a changed word on 4 March; another
# speaker named on 5 March (stored first, so "first seen" must come from the publication day)
OUTLETS = [
    ("Saltmarsh Sentinel", "2025-03-05", "https://sentinel.example/ferry",
     f'"{WIRE_QUOTE}," said Rhea Tollan, the harbour board\'s finance officer.\n\n'
     "Passenger numbers rose last year."),
    ("Coastline Wire", "2025-03-03", "https://wire.example/ferry",
     f'"{WIRE_QUOTE}," port director Ivo Brannigan said on Monday.\n\n'
     "The terminal cost more than planned."),
    ("Bayside Echo", "2025-03-04", "https://echo.example/ferry",
     f'"{CHANGED_WORD}," port director Ivo Brannigan said.\n\n'
     "Local cafes hope for a busy season."),
]


@pytest.fixture
def three_outlets(client) -> dict[str, int]:
    """The quote id of the wire quote in each outlet's article."""
    ids = {}
    for source, published, url, text in OUTLETS:
        response = client.post("/articles", json={"title": f"Ferry terminal ({source})", "text": text,
                                                  "source": source, "published": published, "url": url},
                               headers=KEY)
        assert response.status_code == 201, response.text
        quote = next(q for q in response.json()["quotes"] if "ferry terminal" in q["text"])
        ids[source] = quote["id"]
    return ids


def test_the_same_quote_in_three_outlets_is_one_group_first_seen_in_the_earliest(client, three_outlets):
    for quote_id in three_outlets.values():
        body = client.get(f"/quotes/{quote_id}/occurrences").json()
        assert body["first_seen"]["article"]["source"] == "Coastline Wire"
        assert body["first_seen"]["quote_id"] == three_outlets["Coastline Wire"]
        assert [o["article"]["source"] for o in body["occurrences"]] == [
            "Coastline Wire", "Bayside Echo", "Saltmarsh Sentinel"]
        assert body["outlets"] == 3


def test_a_group_shows_its_wording_variants_and_the_speakers_it_disagrees_on(client, three_outlets):
    body = client.get(f"/quotes/{three_outlets['Bayside Echo']}/occurrences").json()
    variants = {v["text"].rstrip(","): v for v in body["variants"]}
    assert variants[WIRE_QUOTE]["occurrences"] == 2
    assert {"op": "replace", "claim": "passengers", "record": "travellers"} in variants[CHANGED_WORD]["diff"]
    assert body["speakers_disagree"] is True
    named = {s["speaker"]["name"]: s["occurrences"] for s in body["speakers"]}
    assert named == {"Ivo Brannigan": 2, "Rhea Tollan": 1}


def test_distinct_lists_the_group_once_at_its_first_seen_occurrence(client, three_outlets):
    items = client.get("/quotes", params={"distinct": "true", "q": "ferry terminal"}).json()["items"]
    assert [item["id"] for item in items] == [three_outlets["Coastline Wire"]]
    assert items[0]["outlets"] == 3 and items[0]["occurrences"] == 3 and items[0]["speakers_disagree"] is True
    every = client.get("/quotes", params={"q": "ferry terminal"}).json()["items"]
    assert len(every) == 3


def test_a_quote_no_other_article_carries_is_its_own_single_occurrence(client, three_outlets):
    response = client.post("/articles", headers=KEY, json={
        "title": "Lighthouse", "source": "Bayside Echo", "published": "2025-03-06",
        "text": '"Nobody has climbed the old lighthouse stairs since the storm of last winter," said Ivo Brannigan.'})
    quote_id = response.json()["quotes"][0]["id"]
    body = client.get(f"/quotes/{quote_id}/occurrences").json()
    assert body["group"] is None and body["outlets"] == 1 and body["speakers_disagree"] is False
    assert [o["quote_id"] for o in body["occurrences"]] == [quote_id]


def test_occurrences_of_a_missing_quote_is_404(client):
    response = client.get("/quotes/999999/occurrences")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("application/problem+json")


def verify(client, **claim):
    response = client.post("/verify", json=claim)
    assert response.status_code == 200, response.text
    return response.json()


def test_verbatim_the_claimed_words_as_stored_an_excerpt_too(client, three_outlets):
    body = verify(client, text="the new ferry terminal will open to passengers", speaker="Ivo Brannigan")
    assert body["verdict"] == "verbatim"
    best = body["candidates"][0]
    assert best["speaker"]["name"] == "Ivo Brannigan" and best["similarity"] == 1.0
    assert best["text"].startswith(WIRE_QUOTE) and best["article"]["source"] in {"Coastline Wire", "Bayside Echo"}


def test_reworded_shows_the_words_that_differ(client, three_outlets):
    body = verify(client, text="The ferry terminal will open for passengers before summer crowds arrive.",
                  speaker="Brannigan")
    assert body["verdict"] == "reworded"
    diff = body["candidates"][0]["diff"]
    assert {"op": "replace", "claim": "for", "record": "to"} in diff
    assert {"op": "insert", "claim": "", "record": "new"} in diff


def test_other_speaker_when_the_archive_gives_the_words_to_someone_else(client):
    client.post("/articles", headers=KEY, json={
        "title": "Dunes", "source": "Coastline Wire", "published": "2025-04-01",
        "text": '"We cannot keep rebuilding the dunes after every single storm," said Nell Ostrander.'})
    body = verify(client, text="We cannot keep rebuilding the dunes after every storm", speaker="Ivo Brannigan")
    assert body["verdict"] == "other_speaker"
    assert body["candidates"][0]["speaker"]["name"] == "Nell Ostrander"


def test_not_found_when_nobody_said_anything_close(client, three_outlets):
    body = verify(client, text="Tax on bicycles will be doubled next year to pay for new parking")
    assert body == {"verdict": "not_found", "candidates": []}


def test_said_around_puts_the_nearest_day_first(client, three_outlets):
    body = verify(client, text=WIRE_QUOTE, said_around="2025-03-05")
    assert body["candidates"][0]["article"]["source"] == "Saltmarsh Sentinel"
    body = verify(client, text=WIRE_QUOTE, said_around="2025-03-02")
    assert body["candidates"][0]["article"]["source"] == "Coastline Wire"


def test_verify_rejects_an_empty_claim(client):
    assert client.post("/verify", json={"text": ""}).status_code == 422


def test_verify_is_a_read_open_unless_reads_need_the_key(client, client_with):
    assert client.post("/verify", json={"text": "anything"}).status_code == 200
    closed = client_with(read_key_required=True)
    assert closed.post("/verify", json={"text": "anything"}).status_code == 401
    assert closed.post("/verify", json={"text": "anything"}, headers=KEY).status_code == 200


def test_the_schema_shows_example_claims_and_every_verdict(client):
    schema = client.get("/openapi.json").json()
    body = schema["paths"]["/verify"]["post"]["requestBody"]["content"]["application/json"]
    assert all("text" in example["value"] for example in body["examples"].values())
    verdict = schema["components"]["schemas"]["Verification"]["properties"]["verdict"]
    assert set(verdict["enum"]) == {"verbatim", "reworded", "other_speaker", "not_found"}
