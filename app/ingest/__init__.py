"""Files, web pages and JSON feeds into the store: read each record as an article, extract, save.

`run_ingest` is the `quotewire ingest` command; `article_from_html` turns one web page into an article
(also used by `POST /articles`).
"""
from app.ingest.html import article_from_html
from app.ingest.records import RecordError
from app.ingest.run import run_ingest

__all__ = ["RecordError", "article_from_html", "run_ingest"]
