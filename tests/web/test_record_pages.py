"""The speaker, topic and article pages."""
from __future__ import annotations

import re
from datetime import date

from sqlmodel import select

from app.ingest import ingest_article
from app.store.models import ArticleIn, Quote

BAR = re.compile(r'<rect class="bar" [^>]*><title>([^<]+)</title>')

# Invented: two named speakers and an unnamed one, for the extractor to attribute.
INVENTED_ARTICLE = (
    'Harbour master Lena Marsh warned on Monday that the quay was sinking. "We will close the north quay '
    'before winter," Marsh said.\n\n"The money is already there," said Piet Varga, the port treasurer.\n\n'
    '"Nobody told the crews," one fisherman said.'
)


def test_the_speaker_page_shows_name_title_names_written_count_chart_topics_and_latest_quotes(client, newsroom):
    html = client.get(f"/speaker/{newsroom.ruiz.id}").text
    assert "<h1>Ana Ruiz</h1>" in html and "Mayor of Riverton" in html
    assert "<dt>Quotes</dt><dd>2</dd>" in html
    written = html.split("<dt>Written as</dt><dd>")[1].split("</dd>")[0]
    assert "Ana Ruiz" in written and "Ana M. Ruiz" in written
    assert BAR.findall(html) == ["Mar 2024: 2"]
    assert "2 dated quotes by month, from Mar 2024 to Mar 2024" in html
    assert f'href="/?speaker_id={newsroom.ruiz.id}&amp;topic=bridge"' in html
    assert html.count('<article class="card"') == 2
    assert f'href="/quotes?speaker_id={newsroom.ruiz.id}"' in html


def test_an_unknown_speaker_topic_or_article_is_a_404_page(client, newsroom):
    for path in ("/speaker/999", "/topic/no-such-topic", "/article/999"):
        response = client.get(path)
        assert response.status_code == 404 and "<h1>Not found</h1>" in response.text


def test_the_topic_page_shows_its_quotes_and_their_months(client, newsroom):
    html = client.get("/topic/bridge").text
    assert "<h1>bridge</h1>" in html and "Key term" in html
    assert html.count('<article class="card"') == 2
    assert BAR.findall(html) == ["Mar 2024: 2"]


def test_a_subjects_page_counts_a_quote_once_with_its_narrower_subjects(client, store):
    from tests.api.conftest import said
    store.article("Votes", said("The vote will be close", said_on=date(2024, 5, 2), subjects=("politics", "election")))
    html = client.get("/topic/politics").text
    assert "Subject" in html and BAR.findall(html) == ["May 2024: 1"]


def test_the_article_page_marks_each_quote_in_its_speakers_colour_and_says_why(client, store):
    result = ingest_article(store.session, ArticleIn(title="Quay to close", text=INVENTED_ARTICLE,
                                                     source="Harbour Gazette", published=date(2025, 10, 6)))
    quotes = store.session.scalars(select(Quote).where(Quote.article_id == result.article_id)).all()
    html = client.get(f"/article/{result.article_id}").text
    marked = re.findall(r'<a class="quote ([\w-]+)" href="#attribution-(\d+)" aria-describedby="tip-\d+">([^<]+)</a>',
                        html)
    assert [(int(quote_id), text) for _, quote_id, text in marked] == [(q.id, q.text) for q in quotes]
    colours = [colour for colour, _, _ in marked]
    assert colours == ["speaker-0", "speaker-1", "anonymous"]
    first_tip = html.split(f'id="tip-{quotes[0].id}">')[1].split("</span>")[0]
    assert first_tip.startswith("Lena Marsh · written “Marsh” · sieve ") and "confidence 0." in first_tip
    assert '<span class="swatch speaker-0"></span><a href="/speaker/' in html


def test_time_is_counted_from_the_speakers_dated_quotes_only(client, newsroom):
    html = client.get(f"/speaker/{newsroom.okafor.id}").text  # one of his four quotes is undated
    assert BAR.findall(html) == ["Mar 2024: 2"]
