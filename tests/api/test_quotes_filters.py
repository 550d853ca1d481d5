"""GET /quotes: each filter alone and combined, on quotes a test extractor finds (see conftest.newsroom)."""
from __future__ import annotations

import pytest

from tests.api.conftest import said


def by_key(newsroom, *keys: str) -> set[str]:
    return {newsroom.quotes[k].text for k in keys}


def test_without_filters_lists_every_quote_newest_first_undated_last(client, newsroom, texts):
    listed = texts(client.get("/quotes"))
    assert set(listed) == by_key(newsroom, *newsroom.quotes)
    assert listed[-1] == newsroom.quotes["undated"].text
    dates = [item["said_on"] for item in client.get("/quotes").json()["items"][:-1]]
    assert dates == sorted(dates, reverse=True)


def test_oldest_sort_reverses_the_dated_quotes_and_keeps_undated_last(client, newsroom):
    items = client.get("/quotes?sort=oldest").json()["items"]
    assert items[0]["text"] == newsroom.quotes["cargo"].text
    assert items[-1]["said_on"] is None


@pytest.mark.parametrize("speaker", ["Ana Ruiz", "ana ruiz", "Ruiz", "RUIZ", "Ana M. Ruiz"])
def test_speaker_matches_name_surname_and_alias_case_insensitively(client, newsroom, texts, speaker):
    assert set(texts(client.get("/quotes", params={"speaker": speaker}))) == by_key(newsroom, "schedule", "ferries")


def test_speaker_that_nobody_is_gives_an_empty_page(client, newsroom):
    body = client.get("/quotes?speaker=Nobody").json()
    assert body == {"items": [], "next_cursor": None, "next_url": None}


def test_speaker_id(client, newsroom, texts):
    listed = texts(client.get(f"/quotes?speaker_id={newsroom.okafor.id}"))
    assert set(listed) == by_key(newsroom, "floods", "negotiating", "undated")


@pytest.mark.parametrize("topic", ["bridge", "Bridge", "the bridges"])
def test_topic_term_is_normalized(client, newsroom, texts, topic):
    assert set(texts(client.get("/quotes", params={"topic": topic}))) == by_key(newsroom, "schedule", "cargo")


def test_topic_plural_finds_the_lemmatized_term(client, newsroom, texts):
    assert set(texts(client.get("/quotes?topic=Hostages"))) == by_key(newsroom, "negotiating")


@pytest.mark.parametrize("topic", ["transport and infrastructure", "Transport and Infrastructure",
                                   "transport-and-infrastructure"])
def test_topic_subject_by_name_or_slug(client, newsroom, texts, topic):
    assert set(texts(client.get("/quotes", params={"topic": topic}))) == by_key(newsroom, "schedule")


def test_full_text_search_is_stemmed(client, newsroom, texts):
    assert set(texts(client.get("/quotes?q=negotiate"))) == by_key(newsroom, "negotiating", "undated")


def test_full_text_phrase_and_exclusion(client, newsroom, texts):
    assert set(texts(client.get('/quotes', params={"q": '"flood defences"'}))) == by_key(newsroom, "floods")
    assert set(texts(client.get('/quotes', params={"q": "negotiate -months"}))) == by_key(newsroom, "negotiating")


def test_relevance_sort_ranks_full_text_matches(client, newsroom, texts):
    listed = texts(client.get("/quotes", params={"q": "bridge", "sort": "relevance"}))
    assert set(listed) == by_key(newsroom, "schedule", "cargo")


def test_date_is_one_day(client, newsroom, texts):
    assert set(texts(client.get("/quotes?date=2024-03-07"))) == by_key(newsroom, "schedule", "ferries")


def test_from_and_to_are_inclusive_bounds_on_said_on(client, newsroom, texts):
    listed = texts(client.get("/quotes?from=2024-03-07&to=2024-03-11"))
    assert set(listed) == by_key(newsroom, "schedule", "ferries", "negotiating")
    assert set(texts(client.get("/quotes?from=2024-03-12"))) == by_key(newsroom, "floods", "anonymous")
    assert set(texts(client.get("/quotes?to=2024-03-06"))) == by_key(newsroom, "cargo")


def test_article_id(client, newsroom, texts):
    listed = texts(client.get(f"/quotes?article_id={newsroom.bridge.id}"))
    assert set(listed) == by_key(newsroom, "schedule", "ferries", "cargo")


def test_source_is_case_insensitive(client, newsroom, texts):
    assert set(texts(client.get("/quotes?source=valley courier"))) == by_key(
        newsroom, "floods", "negotiating", "anonymous", "undated")


@pytest.mark.parametrize("sort", ["newest", "oldest"])
def test_a_source_of_many_articles_is_walked_in_date_order_with_the_same_pages(client, newsroom, texts,
                                                                              monkeypatch, sort):
    query = f"/quotes?source=Valley Courier&sort={sort}&limit=2"
    driven = texts(client.get(query)) + texts(client.get(client.get(query).json()["next_url"]))
    monkeypatch.setattr("app.queries.selection.MANY_SOURCE_ARTICLES", 1)
    walked = texts(client.get(query)) + texts(client.get(client.get(query).json()["next_url"]))
    assert walked == driven and set(walked) == by_key(newsroom, "floods", "negotiating", "anonymous", "undated")


def test_kind(client, newsroom, texts):
    assert texts(client.get("/quotes?kind=partial")) == [newsroom.quotes["ferries"].text]
    assert texts(client.get("/quotes?kind=continuation")) == [newsroom.quotes["negotiating"].text]


def test_filters_combine_with_and(client, newsroom, texts):
    listed = texts(client.get("/quotes", params={"speaker": "Okafor", "q": "flood", "source": "Valley Courier",
                                                 "from": "2024-03-01", "kind": "full"}))
    assert listed == [newsroom.quotes["floods"].text]


def test_quote_item_embeds_speaker_article_and_topics(client, newsroom):
    item = client.get(f"/quotes/{newsroom.quotes['schedule'].id}").json()
    assert item["speaker"] == {"id": newsroom.ruiz.id, "name": "Ana Ruiz", "title": "Mayor of Riverton"}
    assert item["article"] == {"id": newsroom.bridge.id, "title": "Bridge to reopen in May, mayor says",
                               "url": "https://ledger.example/bridge", "source": "Riverton Ledger",
                               "author": None, "published_at": "2024-03-08"}
    assert set(item["topics"]) == {"bridge", "schedule", "transport and infrastructure"}
    assert item["said_on"] == "2024-03-07" and item["cue"] == "said" and item["kind"] == "full"
    assert (item["start"], item["end"]) == (0, len(item["text"]))
    assert item["context"].startswith('"We are on schedule')


def test_anonymous_quote_has_null_speaker(client, newsroom):
    assert client.get(f"/quotes/{newsroom.quotes['anonymous'].id}").json()["speaker"] is None


@pytest.mark.parametrize("few, many", [(2000, 50_000), (1, 50_000), (1, 2)])
def test_full_text_gives_the_same_pages_whatever_the_plan(client, newsroom, texts, monkeypatch, few, many):
    """Rare, common and very common words are searched by three query shapes; all find the same quotes."""
    monkeypatch.setattr("app.queries.selection.FEW_FULLTEXT_MATCHES", few)
    monkeypatch.setattr("app.queries.selection.MANY_FULLTEXT_MATCHES", many)
    assert texts(client.get("/quotes?q=negotiate&limit=1")) == [newsroom.quotes["negotiating"].text]
    second = client.get("/quotes?q=negotiate&limit=1").json()["next_url"]
    assert texts(client.get(second)) == [newsroom.quotes["undated"].text]
    assert set(texts(client.get("/quotes?q=bridge&speaker=Ruiz"))) == by_key(newsroom, "schedule")


def test_topic_with_a_date_range(client, newsroom, texts):
    assert texts(client.get("/quotes?topic=bridge&from=2024-03-07")) == [newsroom.quotes["schedule"].text]
    assert texts(client.get("/quotes?topic=bridge&to=2024-03-06")) == [newsroom.quotes["cargo"].text]
    assert texts(client.get("/quotes?topic=bridge&date=2024-03-05")) == []


def test_date_and_range_together_must_all_hold(client, newsroom, texts):
    assert set(texts(client.get("/quotes?date=2024-03-07&from=2024-03-01"))) == by_key(newsroom, "schedule", "ferries")
    assert texts(client.get("/quotes?date=2024-03-07&from=2024-03-08")) == []


def test_source_in_its_exact_case(client, newsroom, texts):
    assert set(texts(client.get("/quotes?source=Riverton Ledger"))) == by_key(newsroom, "schedule", "ferries", "cargo")


def test_relevance_with_other_filters(client, newsroom, texts):
    listed = texts(client.get("/quotes", params={"q": "negotiate", "sort": "relevance", "speaker": "Okafor",
                                                 "from": "2024-03-01"}))
    assert listed == [newsroom.quotes["negotiating"].text]


def test_source_folds_case_and_accents_beyond_ascii(client, store, texts):
    store.article("Lake ferry timetable changes", said("The evening ferry will run until October"), source="ÉCHO Zürich")
    store.article("Harbour lights repaired", said("The lights are back"), source="Echo Zug")
    for asked in ("ÉCHO Zürich", "écho zürich", "Echo Zurich", "ECHO ZURICH"):
        assert texts(client.get("/quotes", params={"source": asked})) == ["The evening ferry will run until October"]
        listed = client.get("/articles", params={"source": asked}).json()["items"]
        assert [article["source"] for article in listed] == ["ÉCHO Zürich"]
    assert texts(client.get("/quotes", params={"source": "Echo"})) == []
