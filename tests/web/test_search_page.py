"""The search page at `/`: the quotes of `/quotes` for the same parameters, as cards, with keyset paging."""
from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest

CARD_ID = re.compile(r'<article class="card" id="quote-(\d+)"')
MORE_LINK = re.compile(r'<a class="more" href="([^"]+)"')


def card_ids(response) -> list[int]:
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/html")
    return [int(found) for found in CARD_ID.findall(response.text)]


def api_ids(client, query: str) -> list[int]:
    response = client.get(f"/quotes?{query}")
    assert response.status_code == 200, response.text
    return [item["id"] for item in response.json()["items"]]


@pytest.mark.parametrize("query", [
    "", "speaker=Ruiz", "speaker=Tomas Okafor", "topic=bridge", "q=bridge", "from=2024-03-07&to=2024-03-11",
    "source=valley courier", "sort=oldest", "speaker=Okafor&kind=continuation", "q=bridge&sort=relevance",
])
def test_the_page_shows_the_quotes_the_api_returns_for_the_same_parameters(client, newsroom, query):
    assert card_ids(client.get(f"/?{query}")) == api_ids(client, query)


def test_fields_left_empty_in_the_form_are_no_filter(client, newsroom):
    assert card_ids(client.get("/?q=&speaker=Ruiz&topic=&from=&to=&source=")) == api_ids(client, "speaker=Ruiz")


def test_a_card_shows_the_words_speaker_title_day_outlet_and_the_sentence_with_the_words_marked(client, newsroom):
    quote = newsroom.quotes["schedule"]
    html = client.get("/?speaker=Ruiz").text
    card = html.split(f'id="quote-{quote.id}"')[1].split("</article>")[0]
    assert f">{quote.text}</blockquote>" in card
    assert '<a href="/speaker/' in card and "Ana Ruiz</a>" in card and "Mayor of Riverton" in card
    assert '<time datetime="2024-03-07">7 Mar 2024</time>' in card
    assert "Riverton Ledger" in card and 'href="https://ledger.example/bridge"' in card
    assert f"<mark>{quote.text}</mark>" in card
    assert 'data-citation="Ana Ruiz, Mayor of Riverton: “We are on schedule' in card


def test_more_quotes_is_the_next_keyset_page_of_the_api(client, newsroom):
    first = client.get("/?limit=3")
    [more] = MORE_LINK.findall(first.text)
    cursor = parse_qs(urlsplit(more.replace("&amp;", "&")).query)["cursor"][0]
    assert card_ids(client.get(more.replace("&amp;", "&"))) == api_ids(client, f"limit=3&cursor={cursor}")
    everything = api_ids(client, "limit=200")
    assert card_ids(first) + api_ids(client, f"limit=3&cursor={cursor}") == everything[:6]


def test_the_json_and_csv_links_carry_the_search_without_its_cursor(client, newsroom):
    html = client.get("/?speaker=Ruiz&from=2024-03-01&limit=1").text
    assert 'href="/quotes?speaker=Ruiz&amp;from=2024-03-01&amp;limit=1"' in html
    assert 'href="/quotes.csv?speaker=Ruiz&amp;from=2024-03-01&amp;limit=1"' in html


@pytest.mark.parametrize("query, named", [
    ("from=7 March", "from"), ("limit=0", "limit"), ("speakr=Ruiz", "speakr"), ("q=%22unbalanced", "q"),
    ("sort=relevance", "sort"), ("from=2024-03-09&to=2024-03-01", "from"), ("cursor=not-ours", "cursor"),
])
def test_a_parameter_the_api_refuses_is_shown_beside_the_form_with_a_400(client, newsroom, query, named):
    response = client.get(f"/?{query}")
    assert response.status_code == 400
    assert response.headers["content-type"].startswith("text/html")
    alert = response.text.split('role="alert"')[1]
    assert f"<li>{named}" in alert
    assert '<form class="search"' in response.text


def test_the_form_keeps_what_was_asked(client, newsroom):
    html = client.get("/?speaker=Ruiz&topic=bridge&from=2024-03-01&to=2024-03-31&source=Ledger&article_id=1").text
    for field, value in [("speaker", "Ruiz"), ("topic", "bridge"), ("from", "2024-03-01"), ("to", "2024-03-31"),
                         ("source", "Ledger")]:
        assert re.search(rf'<input id="{field}" name="{field}" type="\w+" value="{value}"', html), field
    assert '<input type="hidden" name="article_id" value="1">' in html


def test_quote_text_is_escaped(client, store):
    from tests.api.conftest import said
    store.article("Tags", said("<script>alert(1)</script> is not a tag here"))
    html = client.get("/").text
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; is not a tag here" in html


def test_pages_need_the_read_key_when_reads_do(client_with, newsroom):
    closed = client_with(read_key_required=True)
    assert closed.get("/").status_code == 401
    assert closed.get(f"/speaker/{newsroom.ruiz.id}").status_code == 401
    assert closed.get("/", headers={"X-API-Key": "test-secret-key"}).status_code == 200


def test_the_pages_stay_out_of_the_api_schema(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert "/" not in paths and not any(path.startswith(("/speaker/", "/topic/", "/article/")) for path in paths)


def test_the_stylesheet_and_script_are_served_from_the_package(client):
    html = client.get("/").text
    for asset, kind in [("/static/quotewire.css", "text/css"), ("/static/quotewire.js", "javascript")]:
        assert f'"{asset}"' in html
        response = client.get(asset)
        assert response.status_code == 200 and kind in response.headers["content-type"]
    assert "http" not in re.sub(r'href="https?://[^"]*"', "", html.split("</head>")[0])  # no CDN
