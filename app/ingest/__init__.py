"""Files, web pages, JSON feeds and posted articles into the store: the only write path.

`ingest_article` extracts one article's quotes and stores it (the CLI and `POST /articles` both call
it); `compose_article` decides its metadata and size limit; `run_ingest` is the `quotewire ingest` command.
"""

from app.ingest.compose import ArticleTooLong, compose_article
from app.ingest.html import article_from_html
from app.ingest.records import Metadata, RecordError
from app.ingest.run import run_ingest
from app.ingest.write import ingest_article

__all__ = [
    "ArticleTooLong",
    "Metadata",
    "RecordError",
    "article_from_html",
    "compose_article",
    "ingest_article",
    "run_ingest",
]
