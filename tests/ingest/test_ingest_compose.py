"""compose_article: the one precedence for an article's metadata (stated > page > defaults) and its size limit."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from app.ingest import ArticleTooLong, Metadata, RecordError, compose_article

FERRY_PAGE = (Path(__file__).resolve().parents[1] / "fixtures" / "ingest" / "library" / "pages" / "ferry.html").read_text(
    encoding="utf-8")
LIMIT = 10_000


def test_stated_fields_win_over_the_page_which_wins_over_defaults():
    page_only = compose_article(html=FERRY_PAGE, max_chars=LIMIT)
    assert page_only.title and page_only.source and page_only.published
    stated = Metadata(title="Our own headline", author="Desk Editor")
    defaults = Metadata(source="Night Desk", published=date(2020, 1, 1), author="Nobody")
    article = compose_article(html=FERRY_PAGE, stated=stated, defaults=defaults, max_chars=LIMIT)
    assert (article.title, article.author) == ("Our own headline", "Desk Editor")
    assert (article.source, article.published) == (page_only.source, page_only.published)  # the page's, not defaults
    assert article.text == page_only.text


def test_defaults_fill_only_what_neither_the_record_nor_the_page_says():
    article = compose_article(text="Ferry fares rise in May.", stated=Metadata(title="Fares"),
                              defaults=Metadata(source="Night Desk", published=date(2024, 5, 1)), max_chars=LIMIT)
    assert (article.title, article.source, article.published) == ("Fares", "Night Desk", date(2024, 5, 1))


def test_text_wins_over_html_and_its_newlines_are_normalised():
    article = compose_article(text="  First line.\r\n\r\nSecond line.\r\n", html=FERRY_PAGE, max_chars=LIMIT)
    assert article.text == "First line.\n\nSecond line."
    assert article.title is None  # the page is not read when there is text


@pytest.mark.parametrize(("text", "html", "message"), [
    ("   ", None, 'empty "text"'),
    (None, "  ", 'empty "html"'),
    (None, None, 'missing "text" or "html"'),
])
def test_an_article_without_text_says_which_field_is_wrong(text, html, message):
    with pytest.raises(RecordError, match=message):
        compose_article(text=text, html=html, max_chars=LIMIT)


def test_a_text_over_the_limit_is_too_long_with_its_length_and_the_limit():
    with pytest.raises(ArticleTooLong) as raised:
        compose_article(text="Ferry fares rise in May. " * 10, max_chars=100)
    assert (raised.value.chars, raised.value.limit) == (249, 100)
    assert "over the limit of 100 (QUOTEWIRE_MAX_ARTICLE_CHARS)" in str(raised.value)
