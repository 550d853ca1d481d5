"""Every read of the store: quote filters and keyset pages, speakers, topics and articles listings.

The API and the CLI read only through here; writes go through `app.ingest.ingest_article`.
"""

from app.queries.keyset import KeysetPosition, QuoteSort
from app.queries.quotes import QuotePage, get_quote, iter_quote_pages, quote_page
from app.queries.selection import QuoteFilters

__all__ = ["KeysetPosition", "QuoteFilters", "QuotePage", "QuoteSort", "get_quote", "iter_quote_pages", "quote_page"]
