"""API latency: p50/p99 and requests per second of the main `/quotes` queries, at 10 thousand and 1 million quotes.

For each size, builds a synthetic database (bench/synthetic_db.py; reused when it is already there),
starts the server as deployed (`quotewire serve --workers N --no-access-log`: on Linux each worker
listens on its own SO_REUSEPORT socket) on 127.0.0.1, warms it, and sends the requests of each query type
(speaker, topic, full text, a date range) from 1 and then 32 concurrent clients. The load comes from
wrk when it is installed (bounded by --seconds per row), else from httpx (bounded by --requests per
row); the output says which, and the load average of the machine. Every response must be a 200.
Targets (issue 3): p50 under 5 ms with one client, p99 under 50 ms for every query, and the same
latency at both sizes.

Usage: python bench/api_latency.py [--sizes 10000,1000000] [--workers N] [--client auto|wrk|httpx]
                                   [--seconds 3] [--requests 300] [--queries q,topic]
                                   [--out bench/out]
"""

from __future__ import annotations

import argparse
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
from load_clients import Load, run_httpx, run_wrk, wrk_available  # noqa: E402
from synthetic_db import DAYS, START_DAY, WORDS, build  # noqa: E402

from app.store.backends import backend_for  # noqa: E402
from app.store.engine import create_engine_for  # noqa: E402
from app.store.migrate import upgrade_database  # noqa: E402

CONCURRENCY = (1, 32)
SERVER_START_SECONDS = 90  # a loaded machine takes a while to import and migrate
WARM_SECONDS = 1.0
SETTLE_SECONDS = 0.5  # after each row, so requests still queued from it do not slow the next


@dataclass(frozen=True, slots=True)
class Result:
    quotes: int
    query: str
    clients: int
    requests: int
    p50_ms: float
    p99_ms: float
    rps: float
    workers: int
    load_generator: str
    load_average: float


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


def quotewire_command() -> list[str]:
    """The `quotewire` console script next to this interpreter, or the same entry point through it."""
    script = Path(sys.executable).with_name("quotewire")
    return [str(script)] if script.exists() else [sys.executable, "-c", "from app.cli import main; main()"]


def start_server(database: Path, port: int, workers: int) -> subprocess.Popen:
    env = {**os.environ, "QUOTEWIRE_DATABASE_URL": f"sqlite:///{database}"}
    server = subprocess.Popen(
        [
            *quotewire_command(),
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--workers",
            str(workers),
            "--no-access-log",
        ],
        env=env,
    )
    deadline = time.monotonic() + SERVER_START_SECONDS
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=1).status_code == 200:
                return server
        except httpx.HTTPError:
            time.sleep(0.2)
    server.terminate()
    raise RuntimeError("the server did not become healthy")


def synthetic_database(quotes: int, out: Path) -> Path:
    """The synthetic database of `quotes` quotes in `out`: built when missing (minutes at 1M), else migrated."""
    database = out / f"quotes-{quotes}.db"
    if not database.exists():
        report = build(database, quotes)
        print(f"built {quotes:,} quotes ({report.speakers:,} speakers) in {report.seconds:.0f} s", flush=True)
    else:
        upgrade_database(f"sqlite:///{database}")  # one built by an older schema: migrated, as a deployment would be
    return database


def bench_size(quotes: int, args: argparse.Namespace, generator: str) -> list[Result]:
    database = synthetic_database(quotes, args.out)
    engine = create_engine_for(f"sqlite:///{database}")
    with engine.connect() as connection:
        segments = backend_for("sqlite").fulltext_segments(connection)
    engine.dispose()
    print(f"{database.name}: full-text index in {segments} segment(s)", flush=True)
    port = free_port()
    server = start_server(database, port, args.workers)
    base = f"http://127.0.0.1:{port}"

    def load(paths: list[str], clients: int, warming: bool = False) -> Load:
        if generator == "wrk":
            return run_wrk(base, paths, clients, WARM_SECONDS if warming else args.seconds)
        return run_httpx(base, paths, clients, 2 * clients if warming else args.requests)

    results = []
    try:
        rng = random.Random(11)
        makers = query_makers(base, rng)
        paths = {
            name: [make() for _ in range(args.requests)]
            for name, make in makers.items()
            if not args.queries or name in args.queries.split(",")
        }
        for name in paths:  # every worker process compiles its queries and fills its caches
            load(paths[name], max(CONCURRENCY), warming=True)
        time.sleep(SETTLE_SECONDS)
        for name, query_paths in paths.items():
            for clients in CONCURRENCY:
                load_average = os.getloadavg()[0]
                measured = load(query_paths, clients)
                time.sleep(SETTLE_SECONDS)
                result = Result(
                    quotes=quotes,
                    query=name,
                    clients=clients,
                    requests=measured.requests,
                    p50_ms=round(measured.p50 * 1000, 2),
                    p99_ms=round(measured.p99 * 1000, 2),
                    rps=round(measured.rps, 1),
                    workers=args.workers,
                    load_generator=generator,
                    load_average=round(load_average, 2),
                )
                print(
                    f"{quotes:>9,} {name:<15} clients={clients:<3} p50={result.p50_ms:7.2f} ms "
                    f"p99={result.p99_ms:7.2f} ms {result.rps:7.1f} req/s  ({result.requests} requests, "
                    f"load {load_average:.2f})",
                    flush=True,
                )
                results.append(result)
    finally:
        server.terminate()
        server.wait(timeout=10)
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,1000000")
    parser.add_argument(
        "--workers", type=int, default=os.cpu_count() or 1, help="server processes (default: one per core, as deployed)"
    )
    parser.add_argument(
        "--client",
        choices=("auto", "wrk", "httpx"),
        default="auto",
        help="load generator; auto: wrk when installed, else httpx",
    )
    parser.add_argument("--seconds", type=float, default=3.0, help="wrk: seconds per query type and concurrency")
    parser.add_argument(
        "--requests",
        type=int,
        default=300,
        help="distinct request paths per query type; httpx: requests per query type and concurrency",
    )
    parser.add_argument(
        "--queries",
        default="",
        help="comma-separated query types to measure (speaker_surname, speaker_name, topic, q, "
        "date_range); default: all",
    )
    parser.add_argument("--out", type=Path, default=Path("bench/out"))
    args = parser.parse_args()
    generator = args.client if args.client != "auto" else ("wrk" if wrk_available() else "httpx")
    print(
        f"load generator: {generator}; server: quotewire serve --workers {args.workers} on {os.cpu_count()} cores",
        flush=True,
    )
    args.out.mkdir(parents=True, exist_ok=True)
    results = [r for size in args.sizes.split(",") for r in bench_size(int(size), args, generator)]
    report = args.out / f"api_latency-{date.today()}.json"
    report.write_text(json.dumps([asdict(r) for r in results], indent=1))
    single = [r for r in results if r.clients == 1]
    print(
        f"worst single-client p50: {max(r.p50_ms for r in single):.2f} ms (target < 5); "
        f"worst p99: {max(r.p99_ms for r in results):.2f} ms (target < 50); results in {report}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
