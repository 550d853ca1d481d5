"""article_from_html (also behind POST /articles): text with paragraphs, metadata, and explicit values winning."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from app.ingest import RecordError, article_from_html
from app.ingest.html import DECLARED_CHARSET, decode_html, paragraphs_from_lines

FERRY_PAGE = (Path(__file__).resolve().parents[1] / "fixtures" / "ingest" / "library" / "pages" / "ferry.html").read_text(
    encoding="utf-8")


def test_paragraphs_are_blank_line_separated_and_the_headline_is_not_text():
    article = article_from_html(FERRY_PAGE)
    paragraphs = article.text.split("\n\n")
    assert len(paragraphs) == 3
    assert paragraphs[1].startswith("“This is the most important decision")
    assert "Harbor council backs second ferry line" not in article.text


def test_explicit_url_source_and_date_win_over_the_page():
    article = article_from_html(FERRY_PAGE, url="https://api.example.com/a/1", source="Wire", published=date(2025, 3, 5))
    assert (article.url, article.source, article.published) == ("https://api.example.com/a/1", "Wire", date(2025, 3, 5))
    assert article.author == "Mira Castell"


def test_page_bytes_are_accepted():
    assert article_from_html(FERRY_PAGE.encode()).title == "Harbor council backs second ferry line"


@pytest.mark.parametrize(("page", "reason"), [
    ("<html><body></body></html>", "no article text found in the HTML"),
    ("<html><head><title>Big news</title></head><body><article><h1>Big news</h1></article></body></html>",
     "no article text found in the HTML (only a headline)"),
])
def test_a_page_without_article_text_raises_a_record_error(page, reason):
    with pytest.raises(RecordError) as raised:
        article_from_html(page)
    assert str(raised.value) == reason


def test_paragraphs_from_lines_drops_blank_lines_and_a_repeated_headline():
    text = "Big  news\n  First paragraph.  \n\n\nSecond paragraph.\n"
    assert paragraphs_from_lines(text, drop_first_if="Big news") == "First paragraph.\n\nSecond paragraph."


@pytest.mark.parametrize(("head", "charset"), [
    (b'<meta charset="windows-1252">', b"windows-1252"),
    (b'<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">', b"iso-8859-1"),
])
def test_declared_charset_is_found_in_both_meta_forms(head, charset):
    assert DECLARED_CHARSET.search(b"<html><head>" + head + b"</head>").group(1) == charset


def test_a_page_in_its_declared_charset_is_decoded():
    raw = '<html><head><meta charset="windows-1252"></head><body><p>“Caf\u00e9,” she said.</p></body></html>'.encode("cp1252")
    assert "“Café,” she said." in decode_html(raw)


def test_a_page_in_another_encoding_without_a_declared_charset_fails():
    with pytest.raises(RecordError, match="not UTF-8 .* and no charset declared"):
        decode_html("<p>caf\u00e9</p>".encode("latin-1"))
