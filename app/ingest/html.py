"""HTML to article: main text and metadata (title, author, url, date, site name) by trafilatura."""

from __future__ import annotations

import re
from datetime import date

from app.ingest.records import RecordError
from app.store.models import ArticleIn

# Only dates the page states in its markup; a deep search of the body guesses too often on news pages.
DATE_EXTRACTION = {"original_date": True, "extensive_search": False}

# The charset a page declares in its first bytes: <meta charset="windows-1252"> or
# <meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">.
DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.IGNORECASE)


def article_from_html(
    html: str | bytes, *, url: str | None = None, source: str | None = None, published: date | None = None
) -> ArticleIn:
    """The article in a web page; `url`, `source` and `published` win over what the page says.

    The text keeps one paragraph per block, separated by blank lines, without the headline.
    Raises RecordError when no article text can be found.
    """
    import trafilatura  # imported on first use: it takes a noticeable part of a second to load

    document = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        date_extraction_params=DATE_EXTRACTION,
    )
    assert not isinstance(document, dict)  # bare_extraction returns a dict only with as_dict=True
    if document is None or not (document.text or "").strip():
        raise RecordError("no article text found in the HTML")
    title = _clean(document.title)
    text = paragraphs_from_lines(document.text or "", drop_first_if=title)
    if not text:
        raise RecordError("no article text found in the HTML (only a headline)")
    return ArticleIn(
        title=title,
        text=text,
        url=url or _clean(document.url),
        source=source or _clean(document.sitename),
        author=_clean(document.author),
        published=published or _parse_page_date(document.date),
    )


def decode_html(raw: bytes) -> str:
    """The page as text: UTF-8, else the charset it declares; RecordError when neither works."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    declared = DECLARED_CHARSET.search(raw[:4096])
    if declared is None:
        raise RecordError(f"not UTF-8 (invalid byte at offset {utf8_error.start}) and no charset declared")
    charset = declared.group(1).decode("ascii")
    try:
        return raw.decode(charset)
    except LookupError:
        raise RecordError(f"unknown charset {charset!r} declared") from None
    except UnicodeDecodeError as exc:
        raise RecordError(f"not valid {charset} as declared (invalid byte at offset {exc.start})") from None


def paragraphs_from_lines(text: str, drop_first_if: str | None = None) -> str:
    """trafilatura's one-line-per-block text as blank-line separated paragraphs (what the extractor expects)."""
    lines = [line.strip() for line in text.splitlines()]
    paragraphs = [line for line in lines if line]
    if paragraphs and drop_first_if and _same_words(paragraphs[0], drop_first_if):
        paragraphs = paragraphs[1:]
    return "\n\n".join(paragraphs)


def _same_words(a: str, b: str) -> bool:
    return a.split() == b.split()


def _clean(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def _parse_page_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
