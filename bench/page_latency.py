"""Page latency: server time (p50/p99) of each journalist page and the bytes it ships before the first
quote card, on the 1-million-quote benchmark database.

The database is bench/api_latency.py's (bench/synthetic_db.py, built here when it is not there yet).
Requests go to the app in-process (Starlette's TestClient), so the time is the server's: routing, the
queries, rendering the template; no network. Beside the wall-clock time, the process's CPU time per
request is shown: on a loaded machine it is the steadier figure (the wall time then also holds the
waits for a core). Each row sends --requests different pages in turn,
picked as bench/api_latency.py picks its queries (speakers and topics as `/speakers` and `/topics`
list them, words of the quote vocabulary, date ranges of 1-30 days), plus the most quoted speakers
and topics, the slowest pages to draw. "Before the first card" counts the page's HTML up to its first
quote card (on an article page, its first marked quote) plus the stylesheet and the script it loads.
Targets (issue 14): p50 under 50 ms and under 100 KB before the first card, for every page.

Usage: python bench/page_latency.py [--database bench/out/quotes-1000000.db] [--requests 100]
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlencode

from fastapi.testclient import TestClient

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic_db import DAYS, START_DAY, WORDS, build  # noqa: E402

from app.api.main import create_app  # noqa: E402
from app.config import Settings  # noqa: E402

FIRST_CARD = ('<article class="card"', '<a class="quote ')
ASSETS = ("/static/quotewire.css", "/static/quotewire.js")
MOST_QUOTED = 20
TARGET_MS, TARGET_KB = 50, 100


def most_quoted_speakers(database: Path) -> list[int]:
    with sqlite3.connect(database) as connection:
        rows = connection.execute(
            "SELECT speaker_id FROM quotes WHERE speaker_id IS NOT NULL GROUP BY speaker_id "
            "ORDER BY count(*) DESC LIMIT ?",
            (MOST_QUOTED,),
        )
        return [speaker_id for (speaker_id,) in rows]


def page_makers(client: TestClient, database: Path, rng: random.Random) -> dict[str, Callable[[], str]]:
    """Page address makers per row."""
    speakers = client.get("/speakers?limit=200").json()["items"]
    topics = client.get("/topics?limit=200").json()["items"]
    busiest_topics = client.get(f"/topics?sort=count&limit={MOST_QUOTED}").json()["items"]
    busiest_speakers = most_quoted_speakers(database)
    articles = client.get("/articles?limit=1").json()["items"][0]["id"]

    def date_range() -> str:
        first = START_DAY + timedelta(days=rng.randrange(DAYS - 30))
        return "/?" + urlencode({"from": first, "to": first + timedelta(days=rng.randint(1, 30))})

    return {
        "search, nothing asked (/)": lambda: "/",
        "search speaker=<surname>": lambda: "/?" + urlencode({"speaker": rng.choice(speakers)["name"].split()[-1]}),
        "search topic=<term>": lambda: "/?" + urlencode({"topic": rng.choice(topics)["name"]}),
        "search q=<common word>": lambda: "/?" + urlencode({"q": rng.choice(WORDS)}),
        "search from=...&to=...": date_range,
        "speaker page": lambda: f"/speaker/{rng.choice(speakers)['id']}",
        f"speaker page, {MOST_QUOTED} most quoted": lambda: f"/speaker/{rng.choice(busiest_speakers)}",
        "topic page": lambda: f"/topic/{rng.choice(topics)['slug']}",
        f"topic page, {MOST_QUOTED} most quoted": lambda: f"/topic/{rng.choice(busiest_topics)['slug']}",
        "article page": lambda: f"/article/{rng.randint(1, articles)}",
    }


def before_first_card(html: bytes, asset_bytes: int) -> int:
    text = html.decode()
    cut = min((text.find(marker) for marker in FIRST_CARD if marker in text), default=len(text))
    return len(text[:cut].encode()) + asset_bytes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", type=Path, default=Path("bench/out/quotes-1000000.db"))
    parser.add_argument("--quotes", type=int, default=1_000_000, help="size of the database when it is built here")
    parser.add_argument("--requests", type=int, default=100, help="pages per row")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    if not args.database.exists():
        args.database.parent.mkdir(parents=True, exist_ok=True)
        print(f"building {args.database} ({args.quotes:,} quotes)...", flush=True)
        build(args.database, args.quotes)
    rng = random.Random(args.seed)
    with TestClient(create_app(Settings(database_url=f"sqlite:///{args.database}"))) as client:
        asset_bytes = sum(len(client.get(asset).content) for asset in ASSETS)
        makers = page_makers(client, args.database, rng)
        print(
            f"{args.database}: {args.requests} pages a row, in-process; load average "
            f"{os.getloadavg()[0]:.1f}; stylesheet and script {asset_bytes / 1000:.1f} KB"
        )
        print(f"{'page':<36} {'p50 ms':>7} {'p99 ms':>7} {'CPU p50 ms':>10} {'max KB before 1st card':>23}")
        worst_p50, worst_kb = 0.0, 0.0
        for name, make in makers.items():
            for _ in range(3):  # warm: first statements built, first pages read
                client.get(make())
            times, cpu_times, kilobytes = [], [], []
            for _ in range(args.requests):
                path = make()
                started, cpu_started = time.perf_counter(), time.process_time()
                response = client.get(path)
                times.append((time.perf_counter() - started) * 1000)
                cpu_times.append((time.process_time() - cpu_started) * 1000)
                assert response.status_code == 200, (path, response.status_code)
                kilobytes.append(before_first_card(response.content, asset_bytes) / 1000)
            p50, p99 = statistics.median(times), statistics.quantiles(times, n=100)[98]
            worst_p50, worst_kb = max(worst_p50, p50), max(worst_kb, max(kilobytes))
            cpu_p50 = statistics.median(cpu_times)
            print(f"{name:<36} {p50:>7.1f} {p99:>7.1f} {cpu_p50:>10.1f} {max(kilobytes):>23.1f}", flush=True)
    met = worst_p50 < TARGET_MS and worst_kb < TARGET_KB
    print(
        f"targets (p50 < {TARGET_MS} ms, < {TARGET_KB} KB before the first card, every page): "
        f"{'met' if met else 'NOT met'} (worst p50 {worst_p50:.1f} ms, worst {worst_kb:.1f} KB)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
