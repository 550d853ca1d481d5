"""Extraction for `quotewire ingest --jobs N`: articles' quotes found in N processes, handed back in reading order.

    with extraction(jobs=2) as extract:
        for item, quotes in extract(loaded_items):   # quotes: a list, or the exception the extractor raised
            ...

Extraction is pure CPU work on text, so processes (not threads) use every core; the one writer stays
in the calling process. With jobs=1 articles are extracted right here, one at a time. At most
IN_FLIGHT_PER_JOB articles per process wait in the pool, so memory stays flat on any batch size.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from multiprocessing.pool import AsyncResult

from app.extract.records import Quote as ExtractedQuote
from app.ingest import write
from app.ingest.records import Loaded

IN_FLIGHT_PER_JOB = 8

Outcome = list[ExtractedQuote] | Exception
Extract = Callable[[Iterable[Loaded]], Iterator[tuple[Loaded, Outcome]]]


def extract_article(item: Loaded) -> Outcome:
    """The quotes of one article, or the exception the extractor raised (one bad article fails alone)."""
    article = item.article
    try:  # looked up at call time, like ingest_article's default
        return write.configured_extractor(article.text, title=article.title, published=article.published)
    except Exception as exc:  # noqa: BLE001 - reported as this article's failure by the writer
        return exc


def extract_here(items: Iterable[Loaded]) -> Iterator[tuple[Loaded, Outcome]]:
    for item in items:
        yield item, extract_article(item)


@contextmanager
def extraction(jobs: int) -> Iterator[Extract]:
    """A function from articles to (article, outcome) pairs in the same order, extracting in `jobs` processes."""
    if jobs <= 1:
        yield extract_here
        return
    # fork: workers start with the extractor's lexicons loaded; they never touch the database
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    pool = context.Pool(jobs)
    try:

        def extract_in_pool(items: Iterable[Loaded]) -> Iterator[tuple[Loaded, Outcome]]:
            waiting: deque[tuple[Loaded, AsyncResult]] = deque()
            for item in items:
                waiting.append((item, pool.apply_async(extract_article, (item,))))
                if len(waiting) >= jobs * IN_FLIGHT_PER_JOB:
                    done, result = waiting.popleft()
                    yield done, result.get()
            while waiting:
                done, result = waiting.popleft()
                yield done, result.get()

        yield extract_in_pool
        pool.close()
    finally:
        pool.terminate()
        pool.join()
