"""API latency: p50/p99 and requests per second of the main `/quotes` queries, at 10 thousand and 1 million quotes.

For each size, builds a synthetic database (bench/synthetic_db.py; reused when it is already there),
starts `uvicorn app.api.main:create_app` in a subprocess on 127.0.0.1, and sends a bounded number of
requests per query type (speaker, topic, full text, a date range) from 1 and then 32 concurrent
clients (httpx, asyncio). Every response must be a 200. Targets (issue 3): p50 under 5 ms with one
client, p99 under 50 ms for every query, and the same latency at both sizes.

Usage: python bench/api_latency.py [--sizes 10000,1000000] [--requests 300] [--out bench/out]
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlencode

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic_db import DAYS, START_DAY, WORDS, build  # noqa: E402

CONCURRENCY = (1, 32)
SERVER_START_SECONDS = 30


@dataclass(frozen=True, slots=True)
class Result:
    quotes: int
    query: str
    clients: int
    requests: int
    p50_ms: float
    p99_ms: float
    rps: float


def query_makers(base: str, rng: random.Random) -> dict[str, Callable[[], str]]:
    """URL makers per query type; speakers and topics are picked from what the API lists."""
    speakers = [s["name"] for s in httpx.get(f"{base}/speakers?limit=200").json()["items"]]
    topics = [t["name"] for t in httpx.get(f"{base}/topics?limit=200").json()["items"]]

    def date_range() -> str:
        first = START_DAY + timedelta(days=rng.randrange(DAYS - 30))
        return f"/quotes?from={first}&to={first + timedelta(days=rng.randint(1, 30))}"

    return {
        "speaker_surname": lambda: "/quotes?" + urlencode({"speaker": rng.choice(speakers).split()[-1]}),
        "speaker_name": lambda: "/quotes?" + urlencode({"speaker": rng.choice(speakers)}),
        "topic": lambda: "/quotes?" + urlencode({"topic": rng.choice(topics)}),
        "q": lambda: "/quotes?" + urlencode({"q": rng.choice(WORDS)}),
        "date_range": date_range,
    }


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(database: Path, port: int) -> subprocess.Popen:
    env = {**os.environ, "QUOTEWIRE_DATABASE_URL": f"sqlite:///{database}"}
    server = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "app.api.main:create_app", "--factory", "--host", "127.0.0.1",
         "--port", str(port), "--log-level", "warning", "--no-access-log"], env=env)
    deadline = time.monotonic() + SERVER_START_SECONDS
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=1).status_code == 200:
                return server
        except httpx.HTTPError:
            time.sleep(0.2)
    server.terminate()
    raise RuntimeError("the server did not become healthy")


async def measure(base: str, make_url: Callable[[], str], clients: int, requests: int) -> tuple[list[float], float]:
    """Latencies (seconds) of `requests` requests spread over `clients` concurrent workers, and the wall time."""
    urls = [make_url() for _ in range(requests)]
    latencies: list[float] = []
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as client:
        for url in urls[:clients]:  # warm the connections and the server's caches
            (await client.get(url)).raise_for_status()

        async def worker(mine: list[str]) -> None:
            for url in mine:
                started = time.perf_counter()
                response = await client.get(url)
                latencies.append(time.perf_counter() - started)
                if response.status_code != 200:
                    raise RuntimeError(f"{url}: {response.status_code} {response.text[:200]}")

        started = time.perf_counter()
        await asyncio.gather(*(worker(urls[i::clients]) for i in range(clients)))
        return latencies, time.perf_counter() - started


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def bench_size(quotes: int, out: Path, requests: int) -> list[Result]:
    database = out / f"quotes-{quotes}.db"
    if not database.exists():
        report = build(database, quotes)
        print(f"built {quotes:,} quotes ({report.speakers:,} speakers) in {report.seconds:.0f} s", flush=True)
    port = free_port()
    server = start_server(database, port)
    results = []
    try:
        base = f"http://127.0.0.1:{port}"
        for name, make_url in query_makers(base, random.Random(11)).items():
            for clients in CONCURRENCY:
                latencies, wall = asyncio.run(measure(base, make_url, clients, requests))
                result = Result(quotes=quotes, query=name, clients=clients, requests=len(latencies),
                                p50_ms=round(percentile(latencies, 0.5) * 1000, 2),
                                p99_ms=round(percentile(latencies, 0.99) * 1000, 2),
                                rps=round(len(latencies) / wall, 1))
                print(f"{quotes:>9,} {name:<13} clients={clients:<3} p50={result.p50_ms:7.2f} ms "
                      f"p99={result.p99_ms:7.2f} ms  {result.rps:7.1f} req/s", flush=True)
                results.append(result)
    finally:
        server.terminate()
        server.wait(timeout=10)
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,1000000")
    parser.add_argument("--requests", type=int, default=300, help="requests per query type and concurrency")
    parser.add_argument("--out", type=Path, default=Path("bench/out"))
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    results = [r for size in args.sizes.split(",") for r in bench_size(int(size), args.out, args.requests)]
    report = args.out / f"api_latency-{date.today()}.json"
    report.write_text(json.dumps([asdict(r) for r in results], indent=1))
    single = [r for r in results if r.clients == 1]
    print(f"worst single-client p50: {max(r.p50_ms for r in single):.2f} ms (target < 5); "
          f"worst p99: {max(r.p99_ms for r in results):.2f} ms (target < 50); results in {report}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
