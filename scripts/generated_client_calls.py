"""Calls a live Quotewire server through the client openapi-python-client generated from its /openapi.json,
as a newsroom team would: post an article, list its quotes, get one, export them as CSV.

Run by scripts/generated-client.sh: python generated_client_calls.py BASE_URL API_KEY (the generated package
`quotewire_client` importable). Exits non-zero, naming the call, when one does not answer as declared.
"""

from __future__ import annotations

import csv
import io
import sys

from quotewire_client import AuthenticatedClient, Client
from quotewire_client.api.articles import get_article, post_article
from quotewire_client.api.quotes import export_quotes, get_quote, list_quotes
from quotewire_client.models import ArticlePost, ArticleWithQuotes, PageQuotePublic, PostedArticle, QuotePublic

ARTICLE = (
    "Harbour crews will work nights until the quay reopens, the port said on Monday.\n\n"
    '"We will not lose another season," harbour master Odile Brandt said. '
    '"Every berth will be ready by June," she added.'
)


def expect(what: str, condition: bool) -> None:
    print(("ok    " if condition else "FAIL  ") + what)
    if not condition:
        raise SystemExit(1)


def main(base_url: str, api_key: str) -> None:
    writer = AuthenticatedClient(base_url=base_url, token=api_key, prefix="", auth_header_name="X-API-Key")
    reader = Client(base_url=base_url)

    posted = post_article.sync_detailed(client=writer, body=ArticlePost(text=ARTICLE, source="Client check"))
    expect("post_article: 201 with the extracted quotes", posted.status_code == 201)
    article = posted.parsed
    assert isinstance(article, PostedArticle)
    expect("post_article: both quotes attributed to Odile Brandt",
           [quote.speaker.name for quote in article.quotes if quote.speaker] == ["Odile Brandt"] * 2)

    page = list_quotes.sync(client=reader, speaker="Brandt", article_id=article.id)
    expect("list_quotes: a page with the article's two quotes",
           isinstance(page, PageQuotePublic) and len(page.items) == 2)

    one = get_quote.sync(client=reader, quote_id=article.quotes[0].id)
    expect("get_quote: the first quote", isinstance(one, QuotePublic) and one.text == article.quotes[0].text)

    stored = get_article.sync(client=reader, article_id=article.id)
    expect("get_article: the stored article", isinstance(stored, ArticleWithQuotes) and stored.quote_count == 2)

    exported = export_quotes.sync(client=reader, article_id=article.id)
    rows = list(csv.DictReader(io.StringIO(exported))) if isinstance(exported, str) else []
    expect("export_quotes: CSV with a row per quote", [row["speaker"] for row in rows] == ["Odile Brandt"] * 2)


if __name__ == "__main__":
    main(*sys.argv[1:3])
