"""/articles: post text or html (quotes extracted end to end), re-post, list, read, delete."""
from __future__ import annotations

import pytest

KEY = {"X-API-Key": "test-secret-key"}

HARBOUR_TEXT = (
    "Works on the new quay at Eastport are running late.\n\n"
    '"The new quay will be finished by the autumn," harbour master Lena Marsh said on Tuesday.\n\n'
    'Fishing crews have complained about the dredging for months. "We lose a day of work every week," '
    'said Piet Vander, who skippers a trawler out of the port.\n\n'
    'Marsh said the works were "worth every delay".'
)

HARBOUR_HTML = (
    "<html><head><title>Quay works run late</title></head><body><article>"
    "<h1>Quay works run late</h1>"
    "<p>&#8220;The new quay will be finished by the autumn,&#8221; harbour master Lena Marsh said on Tuesday.</p>"
    "<p>Fishing crews have complained about the dredging for months. &#8220;We lose a day of work every "
    "week,&#8221; said Piet Vander, who skippers a trawler out of the port.</p>"
    "<p>The harbour board will meet again next month to review the timetable for the works.</p>"
    "</article></body></html>"
)


def post(client, **body):
    return client.post("/articles", json=body, headers=KEY)


def test_posting_text_returns_201_with_extracted_quotes(client):
    response = post(client, title="Quay works run late", text=HARBOUR_TEXT, source="Harbour Gazette",
                    published="2024-05-08", url="https://gazette.example/quay")
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["status"] == "new" and response.headers["location"] == f"/articles/{body['id']}"
    speakers = {q["text"]: (q["speaker"] or {}).get("name") for q in body["quotes"]}
    assert speakers["The new quay will be finished by the autumn,"] == "Lena Marsh"
    assert speakers["We lose a day of work every week,"] == "Piet Vander"
    first = body["quotes"][0]
    assert first["said_on"] == "2024-05-07"  # "said on Tuesday" before a Wednesday publication
    assert HARBOUR_TEXT[first["start"]:first["end"]] == first["text"]
    assert body["quote_count"] == len(body["quotes"])


def test_posted_quotes_are_searchable_by_speaker(client):
    post(client, title="Quay works run late", text=HARBOUR_TEXT, published="2024-05-08")
    listed = client.get("/quotes?speaker=marsh").json()["items"]
    assert "The new quay will be finished by the autumn," in [q["text"] for q in listed]


def test_identical_content_again_is_200_unchanged(client):
    first = post(client, title="Quay", text=HARBOUR_TEXT)
    again = post(client, title="Quay", text=HARBOUR_TEXT)
    assert again.status_code == 200 and again.json()["status"] == "unchanged"
    assert again.json()["id"] == first.json()["id"]
    assert len(client.get("/articles").json()["items"]) == 1


def test_same_url_new_content_replaces_the_quotes(client):
    first = post(client, title="Quay", text=HARBOUR_TEXT, url="https://gazette.example/quay").json()
    updated = post(client, title="Quay", text='"All done," Lena Marsh said.', url="https://gazette.example/quay")
    assert updated.status_code == 201 and updated.json()["status"] == "updated"
    assert updated.json()["id"] == first["id"]
    assert [q["text"] for q in client.get(f"/articles/{first['id']}").json()["quotes"]] == ["All done,"]


def test_posting_html_reads_text_and_title(client):
    response = post(client, html=HARBOUR_HTML, published="2024-05-08", source="Harbour Gazette")
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["title"] == "Quay works run late" and body["source"] == "Harbour Gazette"
    assert "We lose a day of work every week," in [q["text"] for q in body["quotes"]]


def test_html_without_article_text_is_a_422_like_every_body_error(client):
    response = post(client, html="<html><body></body></html>")
    assert response.status_code == 422 and response.json()["errors"][0]["parameter"] == "body.html"


def test_article_over_the_character_limit_is_413(client_with):
    response = client_with(max_article_chars=50).post("/articles", json={"text": HARBOUR_TEXT}, headers=KEY)
    assert response.status_code == 413 and "QUOTEWIRE_MAX_ARTICLE_CHARS" in response.json()["detail"]


def test_get_article_lists_its_quotes_in_order_of_appearance(client):
    article_id = post(client, title="Quay", text=HARBOUR_TEXT).json()["id"]
    body = client.get(f"/articles/{article_id}").json()
    starts = [q["start"] for q in body["quotes"]]
    assert starts == sorted(starts) and len(starts) >= 2
    assert all(q["article"]["id"] == article_id for q in body["quotes"])


def test_list_articles_newest_first_with_counts_and_source_filter(client, newsroom):
    body = client.get("/articles").json()
    assert [a["id"] for a in body["items"]] == [newsroom.budget.id, newsroom.bridge.id]
    assert [a["quote_count"] for a in body["items"]] == [4, 3]
    assert [a["id"] for a in client.get("/articles?source=riverton ledger").json()["items"]] == [newsroom.bridge.id]


def test_delete_removes_the_article_and_its_quotes(client, newsroom):
    quote_id = newsroom.quotes["schedule"].id
    response = client.delete(f"/articles/{newsroom.bridge.id}", headers=KEY)
    assert response.status_code == 204 and response.content == b""
    assert client.get(f"/articles/{newsroom.bridge.id}").status_code == 404
    assert client.get(f"/quotes/{quote_id}").status_code == 404
    assert client.get("/quotes?speaker=Ruiz").json()["items"] == []
    assert client.delete(f"/articles/{newsroom.bridge.id}", headers=KEY).status_code == 404


@pytest.mark.parametrize("method", ["post", "delete"])
def test_writes_need_the_key(client, newsroom, method):
    if method == "post":
        response = client.post("/articles", json={"text": HARBOUR_TEXT})
    else:
        response = client.delete(f"/articles/{newsroom.bridge.id}")
    assert response.status_code == 401
    assert client.get(f"/articles/{newsroom.bridge.id}").status_code == 200


AID_TEXT = (
    "Relief agencies met in Northgate on Monday.\n\n"
    '"Humanitarian assistance must reach the valley before the snow," said Ines Haddad, who leads the '
    "Northgate relief office.\n\n"
    '"Every convoy carries life-saving assistance for families cut off by the floods," Haddad added.\n\n'
    '"The new stadium will open in June," said Jonas Brandt, the sports director.'
)


def test_topic_subject_finds_quotes_by_taxonomy_terms_end_to_end(client):
    post(client, title="Aid convoys set out", text=AID_TEXT, published="2024-11-04")

    def found(topic: str) -> list[str]:
        return [q["text"] for q in client.get("/quotes", params={"topic": topic}).json()["items"]]

    disaster = found("Disaster, Accident and Emergency Incident")
    assert any(text.startswith("Humanitarian assistance must reach") for text in disaster)
    assert any(text.startswith("Every convoy carries life-saving assistance") for text in disaster)
    assert found("medtop:03000000") == disaster
    sport = found("sport")
    assert any("stadium" in text for text in sport) and not any("assistance" in text for text in sport)


def test_text_and_html_together_store_the_text_as_the_schema_allows(client):
    response = post(client, text='"The quay opens Monday," Ines Varga said.', html=HARBOUR_HTML)
    assert response.status_code == 201, response.text
    assert [quote["text"] for quote in response.json()["quotes"]] == ["The quay opens Monday,"]
    schema = client.get("/openapi.json").json()["components"]["schemas"]["ArticlePost"]
    assert "text" not in schema.get("required", []) and "html" not in schema.get("required", [])


def test_a_body_with_neither_text_nor_html_is_a_422(client):
    assert post(client, title="Only a headline").status_code == 422
