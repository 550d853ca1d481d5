"""/speakers and /topics: listings with counts, search, one by id or slug, a speaker's quotes, what topic= finds."""
from __future__ import annotations

from app.queries.topics import topic_ids_named
from tests.api.conftest import WRITE_HEADERS


def test_speakers_list_with_aliases_and_quote_counts(client, newsroom):
    items = client.get("/speakers").json()["items"]
    assert [s["name"] for s in items] == ["Ana Ruiz", "Riverton Port Authority", "Tomas Okafor"]
    ruiz = items[0]
    assert ruiz["quote_count"] == 2 and ruiz["title"] == "Mayor of Riverton" and ruiz["kind"] == "person"
    assert set(ruiz["aliases"]) == {"Ana Ruiz", "Ruiz", "Ana M. Ruiz"}


def test_speakers_search_by_name_part_or_alias(client, newsroom):
    assert [s["name"] for s in client.get("/speakers?q=oka").json()["items"]] == ["Tomas Okafor"]
    assert [s["name"] for s in client.get("/speakers?q=tomas b").json()["items"]] == ["Tomas Okafor"]
    assert [s["name"] for s in client.get("/speakers?q=PORT").json()["items"]] == ["Riverton Port Authority"]
    assert client.get("/speakers?q=100%").json()["items"] == []


def test_one_speaker(client, newsroom):
    body = client.get(f"/speakers/{newsroom.okafor.id}").json()
    assert body["name"] == "Tomas Okafor" and body["quote_count"] == 3


def test_a_speakers_quotes_take_the_quote_filters(client, newsroom, texts):
    url = f"/speakers/{newsroom.okafor.id}/quotes"
    assert len(texts(client.get(url))) == 3
    assert texts(client.get(f"{url}?q=flood")) == [newsroom.quotes["floods"].text]
    assert texts(client.get(f"{url}?sort=oldest&limit=1")) == [newsroom.quotes["negotiating"].text]
    assert client.get(f"{url}?speakr=x").status_code == 422


def test_a_speakers_quotes_page_with_link_header(client, newsroom):
    response = client.get(f"/speakers/{newsroom.okafor.id}/quotes?limit=2")
    next_url = response.json()["next_url"]
    assert next_url.startswith(f"/speakers/{newsroom.okafor.id}/quotes?limit=2&cursor=")
    assert response.headers["link"] == f'<{next_url}>; rel="next"'
    assert len(client.get(next_url).json()["items"]) == 1


def test_topics_list_with_counts_and_kind_filter(client, newsroom):
    items = {t["slug"]: t for t in client.get("/topics").json()["items"]}
    assert items["bridge"]["quote_count"] == 2 and items["bridge"]["kind"] == "term"
    assert items["transport-and-infrastructure"]["kind"] == "subject"
    subjects = [t["slug"] for t in client.get("/topics?kind=subject").json()["items"]]
    assert subjects == ["climate-and-weather", "transport-and-infrastructure"]


def test_one_topic_by_slug(client, newsroom):
    body = client.get("/topics/flood-defence").json()
    assert body == {"slug": "flood-defence", "name": "flood defence", "kind": "term", "quote_count": 1, "code": None,
                    "broader": None}
    assert client.get("/topics/Flood Defence").json()["slug"] == "flood-defence"


def test_every_topic_slug_listed_works_as_a_quote_filter(client, newsroom):
    for topic in client.get("/topics").json()["items"]:
        listed = client.get("/quotes", params={"topic": topic["slug"]}).json()["items"]
        assert len(listed) == topic["quote_count"], topic


def test_topic_text_finds_its_term_subject_or_slug(store, newsroom):
    connection = store.session.connection()
    for text, names in (("the Hostages", ["hostage"]), ("Flood-Defence", ["flood defence"]),
                        ("Climate and Weather", ["climate and weather"]), ("astrology", [])):
        ids = {store.topic(name).id for name in names}
        assert set(topic_ids_named(connection, text)) == ids, text


def slugs_and_counts(response) -> list[tuple[str, int]]:
    assert response.status_code == 200, response.text
    return [(t["slug"], t["quote_count"]) for t in response.json()["items"]]


def test_topics_sorted_by_quote_count_then_slug_and_paged(client, newsroom):
    listed = slugs_and_counts(client.get("/topics?sort=count&limit=3"))
    assert listed == [("bridge", 2), ("cargo", 1), ("climate-and-weather", 1)]
    next_url = client.get("/topics?sort=count&limit=3").json()["next_url"]
    assert slugs_and_counts(client.get(next_url))[0] == ("ferry", 1)
    assert client.get("/topics?sort=popular").status_code == 422


def test_topics_counted_for_one_speaker_and_a_date_range(client, newsroom):
    assert slugs_and_counts(client.get("/topics?sort=count&speaker=Okafor")) == [
        ("climate-and-weather", 1), ("flood-defence", 1), ("hostage", 1), ("planning", 1)]
    assert slugs_and_counts(client.get("/topics?sort=count&from=2024-03-07&to=2024-03-07")) == [
        ("bridge", 1), ("ferry", 1), ("schedule", 1), ("transport-and-infrastructure", 1)]
    assert slugs_and_counts(client.get("/topics?speaker=nobody")) == []


def test_a_speakers_topics_with_counts(client, newsroom):
    url = f"/speakers/{newsroom.ruiz.id}/topics"
    assert slugs_and_counts(client.get(url)) == [("bridge", 1), ("ferry", 1), ("schedule", 1),
                                                 ("transport-and-infrastructure", 1)]
    assert slugs_and_counts(client.get(f"{url}?kind=subject")) == [("transport-and-infrastructure", 1)]
    assert client.get("/speakers/9999/topics").status_code == 404


def test_topic_names_a_subject_with_its_narrower_subjects_by_name_or_code(client):
    article = {"title": "Council race goes to a runoff", "published": "2024-05-02",
               "text": "Voters in Harlow return to the polls next month for a runoff election.\n\n"
                       '"Every ballot will be counted before the runoff," said Lena Marsh, the county election '
                       "officer, after the vote on Tuesday."}
    assert client.post("/articles", json=article, headers=WRITE_HEADERS).status_code == 201
    ballot = "Every ballot will be counted before the runoff,"
    for topic in ("politics", "Election", "medtop:11000000", "20000574"):
        assert [q["text"] for q in client.get("/quotes", params={"topic": topic}).json()["items"]] == [ballot], topic
    election = client.get("/topics/election").json()
    assert (election["kind"], election["code"], election["broader"]) == ("subject", "medtop:20000574", "politics")
