"""Corrections over HTTP: writes need the key, the corrected quotes say so, and the corrections are listed."""
from __future__ import annotations

import pytest

from tests.api.conftest import WRITE_HEADERS, person, said


def test_corrections_need_the_write_key(client, newsroom):
    attempts = [("post", f"/speakers/{newsroom.okafor.id}/merge", {"into_speaker_id": newsroom.ruiz.id}),
                ("post", f"/speakers/{newsroom.ruiz.id}/split", {"alias": "Ruiz"}),
                ("put", f"/quotes/{newsroom.quotes['floods'].id}/speaker", {"speaker_id": newsroom.ruiz.id})]
    for method, path, body in attempts:
        assert getattr(client, method)(path, json=body).status_code == 401, path
        assert getattr(client, method)(path, json=body, headers={"X-API-Key": "wrong"}).status_code == 403, path


def test_a_reassigned_quote_shows_its_new_speaker_and_that_it_was_corrected(client, newsroom):
    quote = newsroom.quotes["floods"]
    response = client.put(f"/quotes/{quote.id}/speaker", json={"speaker_id": newsroom.ruiz.id}, headers=WRITE_HEADERS)
    assert response.status_code == 200, response.text
    assert response.json()["speaker"]["name"] == "Ana Ruiz" and response.json()["speaker_corrected"] is True
    items = client.get("/quotes", params={"speaker_id": newsroom.ruiz.id, "limit": 50}).json()["items"]
    assert {item["text"]: item["speaker_corrected"] for item in items}[quote.text] is True
    assert not any(item["speaker_corrected"] for item in items if item["id"] != quote.id)


def test_a_merge_answers_with_the_speaker_holding_both_quote_counts(client, newsroom):
    response = client.post(f"/speakers/{newsroom.okafor.id}/merge", json={"into_speaker_id": newsroom.ruiz.id},
                           headers=WRITE_HEADERS)
    assert response.status_code == 200, response.text
    assert response.json()["quote_count"] == 5 and "Okafor" in response.json()["aliases"]
    assert client.get(f"/speakers/{newsroom.okafor.id}").status_code == 404
    [listed] = client.get("/corrections").json()["items"]
    assert listed["action"] == "merge" and listed["speaker_id"] == newsroom.ruiz.id


def test_a_split_creates_the_speaker_and_points_to_it(client, newsroom):
    response = client.post(f"/speakers/{newsroom.ruiz.id}/split", json={"alias": "Ruiz"}, headers=WRITE_HEADERS)
    assert response.status_code == 201, response.text
    assert response.headers["location"] == f"/speakers/{response.json()['id']}"
    assert "Ruiz" not in client.get(f"/speakers/{newsroom.ruiz.id}").json()["aliases"]


@pytest.mark.parametrize(("path", "body", "status", "kind"), [
    ("/speakers/{okafor}/merge", {"into_speaker_id": 999}, 404, "speaker-not-found"),
    ("/speakers/{okafor}/merge", {"into_speaker_id": "{okafor}"}, 422, "correction-rejected"),
    ("/speakers/{okafor}/split", {"alias": "Ana Ruiz"}, 422, "correction-rejected"),
    ("/quotes/999/speaker", {"speaker_id": None}, 404, "quote-not-found"),
])
def test_a_correction_that_cannot_be_made_is_a_problem_saying_why(client, newsroom, path, body, status, kind):
    okafor = str(newsroom.okafor.id)
    body = {k: int(okafor) if v == "{okafor}" else v for k, v in body.items()}
    method = client.put if path.startswith("/quotes") else client.post
    response = method(path.replace("{okafor}", okafor), json=body, headers=WRITE_HEADERS)
    assert response.status_code == status, response.text
    assert response.json()["type"] == f"/problems/{kind}"


def test_speaker_full_name_asks_for_that_person_and_a_surname_for_everyone_of_that_name(client, store, texts):
    store.article("Farm sold", said("The farm stays in the family", person("Mara Ellery"), mention="Mara J. Ellery"),
                  said("My mother built this place", person("Tomas Ellery"), start=40))
    assert texts(client.get("/quotes", params={"speaker": "Mara Ellery"})) == ["The farm stays in the family"]
    assert texts(client.get("/quotes", params={"speaker": "Mara Q. Ellery"})) == ["The farm stays in the family"]
    assert sorted(texts(client.get("/quotes", params={"speaker": "Ellery"}))) == [
        "My mother built this place", "The farm stays in the family"]
    candidates = client.get("/speakers", params={"q": "ellery"}).json()["items"]
    assert {(s["name"], s["quote_count"]) for s in candidates} == {("Mara Ellery", 1), ("Tomas Ellery", 1)}
