"""What a reader sees in a browser: search the seed article's quotes for speaker=Blinken, narrow by topic
and date, open the speaker and the article; no page with a serious or critical axe-core violation;
screenshots of every page at 1280 and 375 px under build/screenshots/."""
from __future__ import annotations

import json
from collections import Counter
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from tests.browser.conftest import AXE, SCREENSHOTS

WIDTHS = (1280, 375)


def api(server, path: str) -> dict:
    response = httpx.get(server.base + path)
    assert response.status_code == 200, response.text
    return response.json()


def card_texts(page) -> list[str]:
    return page.locator("article.card blockquote").all_inner_texts()


def asked(page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def blinken_pages(server) -> dict[str, str]:
    """The pages of the tour: search, search narrowed, speaker, topic, article (relative addresses)."""
    items = api(server, "/quotes?speaker=Blinken&limit=200")["items"]
    topic = Counter(t for item in items for t in item["topics"]).most_common(1)[0][0]
    return {
        "search": "/?speaker=Blinken",
        "search-narrowed": f"/?speaker=Blinken&topic={topic}&from=2024-02-01&to=2024-02-29",
        "speaker": f"/speaker/{items[0]['speaker']['id']}",
        "topic": f"/topic/{api(server, '/topics?sort=count&limit=1')['items'][0]['slug']}",
        "article": f"/article/{items[0]['article']['id']}",
    }


def test_a_reader_searches_for_blinken_then_narrows_by_topic_and_date(page, seeded_server):
    page.goto("/")
    page.get_by_label("Speaker").fill("Blinken")
    page.get_by_role("button", name="Search").click()
    page.wait_for_url("**/?speaker=Blinken")
    assert asked(page) == {"speaker": ["Blinken"]}  # empty fields stay out of the address, as in /quotes
    expected = api(seeded_server, "/quotes?speaker=Blinken")["items"]
    assert expected and card_texts(page) == [item["text"] for item in expected]
    assert all("Blinken" in name for name in page.locator("article.card .who a").all_inner_texts())
    marks = page.locator("article.card .context mark").all_inner_texts()
    assert marks and set(marks) <= set(card_texts(page))

    topic = Counter(t for item in expected for t in item["topics"]).most_common(1)[0][0]
    page.get_by_label("Topic").fill(topic)
    page.get_by_label("Said from").fill("2024-02-01")
    page.get_by_label("Said until").fill("2024-02-29")
    page.get_by_role("button", name="Search").click()
    page.wait_for_url("**topic=**")
    assert asked(page) == {"speaker": ["Blinken"], "topic": [topic], "from": ["2024-02-01"], "to": ["2024-02-29"]}
    narrowed = api(seeded_server, f"/quotes?speaker=Blinken&topic={topic}&from=2024-02-01&to=2024-02-29")["items"]
    assert narrowed and card_texts(page) == [item["text"] for item in narrowed]
    assert page.get_by_role("link", name="JSON").get_attribute("href") == urlsplit(page.url).path.replace(
        "/", "/quotes", 1) + "?" + urlsplit(page.url).query


def test_more_quotes_appends_the_next_page_in_place(page, seeded_server):
    page.goto("/?speaker=Blinken&limit=4")
    page.get_by_role("link", name="More quotes").click()
    page.wait_for_function("document.querySelectorAll('article.card').length > 4")
    expected = api(seeded_server, "/quotes?speaker=Blinken&limit=8")["items"]
    assert card_texts(page) == [item["text"] for item in expected]
    assert asked(page) == {"speaker": ["Blinken"], "limit": ["4"]}


def test_copy_citation_puts_speaker_words_outlet_day_and_address_on_the_clipboard(page, seeded_server):
    page.goto("/?speaker=Blinken&limit=1")
    [item] = api(seeded_server, "/quotes?speaker=Blinken&limit=1")["items"]
    page.get_by_role("button", name="Copy citation").click()
    page.get_by_role("status").filter(has_text="Citation copied").wait_for()
    copied = page.evaluate("navigator.clipboard.readText()")
    for part in (item["speaker"]["name"], item["text"], "Seed Wire", "https://news.example/seed"):
        assert part in copied


def test_the_speaker_page_shows_the_record_and_its_chart(page, seeded_server):
    page.goto("/?speaker=Blinken&limit=1")
    page.locator("article.card .who a").first.click()
    page.wait_for_url("**/speaker/*")
    speaker = api(seeded_server, urlsplit(page.url).path.replace("/speaker/", "/speakers/"))
    assert "Blinken" in page.get_by_role("heading", level=1).inner_text()
    assert page.locator("dl.facts dd").first.inner_text() == str(speaker["quote_count"])
    bars = page.locator("svg rect.bar")
    assert bars.count() >= 1 and max(float(bars.nth(i).get_attribute("height")) for i in range(bars.count())) > 0
    assert page.get_by_role("img", name="Quotes over time").is_visible()
    assert page.locator("ul.topics li").count() >= 1
    assert page.locator("article.card").count() == min(20, speaker["quote_count"])


def test_the_article_page_marks_every_quote_and_tells_why_it_was_attributed(page, seeded_server):
    page.goto("/?speaker=Blinken&limit=1")
    page.locator("article.card .when a").first.click()
    page.wait_for_url("**/article/*")
    article = api(seeded_server, urlsplit(page.url).path.replace("/article/", "/articles/"))
    marked = page.locator(".article-text a.quote")
    assert marked.all_inner_texts() == [quote["text"] for quote in article["quotes"]]
    classes = [marked.nth(i).get_attribute("class").split()[1] for i in range(marked.count())]
    by_speaker: dict[object, set[str]] = {}
    for quote, colour in zip(article["quotes"], classes):
        by_speaker.setdefault(quote["speaker"]["id"] if quote["speaker"] else None, set()).add(colour)
    assert all(len(colours) == 1 for colours in by_speaker.values())  # one colour a speaker
    named = [colours.pop() for speaker, colours in by_speaker.items() if speaker is not None]
    assert len(set(named)) == min(len(named), 8)  # and different speakers, different colours

    for _ in range(60):  # the keyboard reaches the first quote
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('quote')"):
            break
    first = article["quotes"][0]
    tip = page.locator(f"#tip-{first['id']}")
    assert tip.is_visible()
    for part in (first["speaker"]["name"] if first["speaker"] else "Unnamed source", first["sieve"],
                 f"{first['confidence']:.2f}"):
        assert part in tip.inner_text()
    page.locator(".article-text a.quote").nth(1).hover()
    assert page.locator(f"#tip-{article['quotes'][1]['id']}").is_visible()


def test_no_page_has_a_serious_or_critical_accessibility_violation(browser, seeded_server):
    failures = []
    for scheme in ("light", "dark"):
        context = browser.new_context(base_url=seeded_server.base, color_scheme=scheme)
        page = context.new_page()
        for name, path in blinken_pages(seeded_server).items():
            page.goto(path)
            page.add_script_tag(path=str(AXE))
            found = page.evaluate("async () => (await axe.run(document)).violations")
            failures += [f"{scheme} {name}: {v['id']} ({v['impact']}) at {[n['target'] for n in v['nodes']][:3]}"
                         for v in found if v["impact"] in ("serious", "critical")]
        context.close()
    assert not failures, json.dumps(failures, indent=1)


@pytest.mark.parametrize("width", WIDTHS)
def test_every_page_is_shot_and_fits_the_width(browser, seeded_server, width):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(base_url=seeded_server.base, viewport={"width": width, "height": 900})
    page = context.new_page()
    for name, path in blinken_pages(seeded_server).items():
        page.goto(path)
        page.screenshot(path=str(SCREENSHOTS / f"{name}-{width}.png"), full_page=True)
        assert page.evaluate("document.documentElement.scrollWidth") <= width, f"{name} scrolls sideways"
    context.close()


def test_pages_are_readable_at_320_px(browser, seeded_server):
    context = browser.new_context(base_url=seeded_server.base, viewport={"width": 320, "height": 640})
    page = context.new_page()
    for name, path in blinken_pages(seeded_server).items():
        page.goto(path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, f"{name} scrolls sideways at 320 px"
    context.close()


def test_the_speaker_field_suggests_names_from_speakers(page, seeded_server):
    page.goto("/")
    page.get_by_label("Speaker").press_sequentially("blin")
    page.wait_for_function("document.querySelectorAll('#speaker-suggestions option').length > 0")
    suggested = page.locator("#speaker-suggestions option").evaluate_all("options => options.map(o => o.value)")
    assert suggested == [s["name"] for s in api(seeded_server, "/speakers?limit=10&q=blin")["items"]]
    assert any("Blinken" in name for name in suggested)
