"""Extraction speed on one core: articles/s, words/s and ms per article over a folder of .txt articles.

Usage: python bench/extract_speed.py DIR [--repeat N]

Every article is read into memory first, the extractor is warmed up once over all of
them (lemma caches, lazy imports), then each pass times `extract_quotes` per article in
this single process. Publication dates come from NAME.gold.json when it is there.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from datetime import date
from pathlib import Path

from app.extract import extract_quotes
from app.store.taxonomy import get_taxonomy


def load_articles(folder: Path) -> list[tuple[str, date | None]]:
    articles = []
    for path in sorted(folder.glob("*.txt")):
        gold = path.with_name(path.stem + ".gold.json")
        published = None
        if gold.exists():
            published_text = json.loads(gold.read_text(encoding="utf-8")).get("metadata", {}).get("published")
            published = date.fromisoformat(published_text) if published_text else None
        articles.append((path.read_text(encoding="utf-8"), published))
    return articles


def percentile(sorted_values: list[float], share: float) -> float:
    return sorted_values[min(len(sorted_values) - 1, int(share * len(sorted_values)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--repeat", type=int, default=1, help="timed passes over the folder (default 1)")
    args = parser.parse_args()
    articles = load_articles(args.folder)
    if not articles:
        print(f"error: no .txt articles in {args.folder}", file=sys.stderr)
        return 2
    taxonomy = get_taxonomy()  # ranking subjects is part of extraction, as at ingest
    for text, published in articles:
        extract_quotes(text, published=published, taxonomy=taxonomy)

    per_article: list[float] = []
    quotes = 0
    for _ in range(max(1, args.repeat)):
        for text, published in articles:
            began = time.perf_counter()
            quotes += len(extract_quotes(text, published=published, taxonomy=taxonomy))
            per_article.append(time.perf_counter() - began)
    total = sum(per_article)
    words = sum(len(text.split()) for text, _ in articles) * max(1, args.repeat)
    ordered = sorted(per_article)
    print(
        f"{len(per_article)} articles ({len(articles)} x {max(1, args.repeat)}), {words:,} words, {quotes:,} quotes "
        f"in {total:.2f} s"
    )
    print(
        f"{len(per_article) / total:,.0f} articles/s | {words / total:,.0f} words/s | "
        f"ms/article median {1000 * statistics.median(ordered):.2f} p95 {1000 * percentile(ordered, 0.95):.2f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
