"""Load check: one slow or stalled client must not freeze the server for everyone else.

On the 1-million-quote database of bench/api_latency.py (built once, then reused), starts the server
as deployed (`quotewire serve --workers N --no-access-log`, one worker per core by default) and runs
four phases while a probe asks `/health` every 20 ms on a connection of its own:

1. mix      64 connections (wrk) over the mixed read routes: half `/speakers` (list, search, one
            speaker), half `/quotes` (speaker, topic, full text, dates)
2. stalled  16 clients start `/quotes.csv` on the whole table (a million rows) and stop reading
3. both     the mix again, for --seconds, while the 16 stalled readers still hang
4. after    the mix has stopped, the stalled readers still hang

Passes when the mix gets 0 errors (every response a 2xx within wrk's 10 s timeout) and `/health`
answers every probe, with a p99 under 100 ms, in every phase. Exit status 0 when it passes, 1 when not.

Usage: python bench/load_check.py [--seconds 60] [--mix-seconds 20] [--workers N] [--out bench/out]
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import socket
import subprocess
import sys
import threading
import time
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from urllib.parse import urlencode

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from api_latency import free_port, query_makers, start_server, synthetic_database  # noqa: E402
from load_clients import percentile, wrk_available, wrk_summary  # noqa: E402

QUOTES = 1_000_000
CONNECTIONS = 64
STALLED_READERS = 16
STALLED_PATH = "/quotes.csv"  # every quote: far more than the socket buffers between server and client hold
PROBE_INTERVAL = 0.02
PROBE_TIMEOUT = 10.0
HEALTH_P99_LIMIT_MS = 100.0
PATHS_PER_KIND = 200


@dataclass
class Phase:
    """What one phase measured: the mix's counts and latency (when it ran) and the /health probes."""

    name: str
    seconds: float
    mix_requests: int = 0
    mix_errors: int = 0
    mix_p50_ms: float | None = None
    mix_p99_ms: float | None = None
    mix_max_ms: float | None = None
    health_probes: int = 0
    health_failures: int = 0
    health_p50_ms: float | None = None
    health_p99_ms: float | None = None
    health_max_ms: float | None = None
    failures: list[str] = field(default_factory=list)

    def passed(self) -> bool:
        return not self.failures


class HealthProbe(threading.Thread):
    """Asks /health every PROBE_INTERVAL on one keep-alive connection; a probe that fails or takes longer
    than PROBE_TIMEOUT counts as a failure (with the time it took)."""

    def __init__(self, port: int) -> None:
        super().__init__(daemon=True)
        self.port = port
        self.stopping = threading.Event()
        self.lock = threading.Lock()
        self.latencies: list[float] = []
        self.failures = 0

    def take(self) -> tuple[list[float], int]:
        """The probes since the last call: latencies (seconds, failures included) and how many failed."""
        with self.lock:
            taken, failed = self.latencies, self.failures
            self.latencies, self.failures = [], 0
        return taken, failed

    def run(self) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=PROBE_TIMEOUT)
        while not self.stopping.is_set():
            started = time.perf_counter()
            try:
                connection.request("GET", "/health")
                response = connection.getresponse()
                response.read()
                ok = response.status == 200
            except (OSError, http.client.HTTPException):
                ok = False
                connection.close()  # the next request opens a new connection
            with self.lock:
                self.latencies.append(time.perf_counter() - started)
                self.failures += not ok
            self.stopping.wait(PROBE_INTERVAL)
        connection.close()


def mixed_read_paths(base: str, rng: random.Random) -> list[str]:
    """Half speaker routes (list pages, name search, one speaker), half quote lists (api_latency's makers)."""
    speakers = httpx.get(f"{base}/speakers?limit=200").json()["items"]
    quote_makers = list(query_makers(base, rng).values())
    speaker_makers = [
        lambda: "/speakers?" + urlencode({"limit": rng.choice((20, 50))}),
        lambda: "/speakers?" + urlencode({"q": rng.choice(speakers)["name"].split()[-1][:4].lower()}),
        lambda: f"/speakers/{rng.choice(speakers)['id']}",
    ]
    paths = []
    for _ in range(PATHS_PER_KIND):
        paths.append(rng.choice(speaker_makers)())
        paths.append(rng.choice(quote_makers)())
    return paths


def stalled_reader(port: int) -> socket.socket:
    """A client that asks for the CSV export, sees it start, and then never reads again."""
    client = socket.socket()
    client.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)  # a small window: the server's writes stall sooner
    client.settimeout(PROBE_TIMEOUT)
    client.connect(("127.0.0.1", port))
    client.sendall(f"GET {STALLED_PATH} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode())
    first = client.recv(64)
    if not first.startswith(b"HTTP/1.1 200"):
        raise RuntimeError(f"{STALLED_PATH} did not start: {first!r}")
    return client


def run_phase(name: str, seconds: float, probe: HealthProbe, base: str, paths: list[str] | None) -> Phase:
    phase = Phase(name=name, seconds=seconds)
    probe.take()
    if paths is not None:
        summary = wrk_summary(base, paths, CONNECTIONS, seconds)
        phase.mix_requests = summary["requests"]
        phase.mix_errors = summary["non_2xx"] + summary["socket_errors"]
        phase.mix_p50_ms = summary["p50_us"] / 1000
        phase.mix_p99_ms = summary["p99_us"] / 1000
        phase.mix_max_ms = summary["max_us"] / 1000
        if phase.mix_errors or not phase.mix_requests:
            phase.failures.append(
                f"{phase.mix_requests} responses, {summary['non_2xx']} non-2xx, "
                f"{summary['socket_errors']} socket errors"
            )
    else:
        time.sleep(seconds)
    latencies, failed = probe.take()
    phase.health_probes, phase.health_failures = len(latencies), failed
    if latencies:
        phase.health_p50_ms = percentile(latencies, 0.5) * 1000
        phase.health_p99_ms = percentile(latencies, 0.99) * 1000
        phase.health_max_ms = max(latencies) * 1000
    if failed:
        phase.failures.append(f"/health failed {failed} of {len(latencies)} probes")
    if phase.health_p99_ms is None:
        phase.failures.append("/health answered no probe")
    elif phase.health_p99_ms >= HEALTH_P99_LIMIT_MS:
        phase.failures.append(f"/health p99 {phase.health_p99_ms:.0f} ms (limit {HEALTH_P99_LIMIT_MS:g})")
    return phase


def shown(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"


def report(phase: Phase) -> None:
    mix = (
        f"mix {phase.mix_requests:,} requests, {phase.mix_errors} errors, p50 {shown(phase.mix_p50_ms)} "
        f"p99 {shown(phase.mix_p99_ms)} max {shown(phase.mix_max_ms)} ms; "
        if phase.mix_p50_ms is not None
        else ""
    )
    health = (
        f"/health {phase.health_probes} probes, {phase.health_failures} failed, p50 {shown(phase.health_p50_ms)} "
        f"p99 {shown(phase.health_p99_ms)} max {shown(phase.health_max_ms)} ms"
    )
    verdict = "ok" if phase.passed() else "FAIL: " + "; ".join(phase.failures)
    print(f"{phase.name:<8} {phase.seconds:>4g} s  {mix}{health}  [{verdict}]", flush=True)


def stop(server: subprocess.Popen) -> None:
    """SIGTERM, then SIGKILL when requests still hang after the server's grace period."""
    server.terminate()
    try:
        server.wait(timeout=40)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60.0, help="length of the mix with the stalled readers")
    parser.add_argument("--mix-seconds", type=float, default=20.0, help="length of the mix alone")
    parser.add_argument("--stalled-seconds", type=float, default=10.0, help="stalled readers alone")
    parser.add_argument("--after-seconds", type=float, default=5.0, help="after the mix stopped")
    parser.add_argument(
        "--workers", type=int, default=os.cpu_count() or 1, help="server processes (default: one per core, as deployed)"
    )
    parser.add_argument("--quotes", type=int, default=QUOTES)
    parser.add_argument("--out", type=Path, default=Path("bench/out"))
    args = parser.parse_args()
    if not wrk_available():
        print("load check: needs wrk (apt-get install wrk)", flush=True)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    database = synthetic_database(args.quotes, args.out)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = start_server(database, port, args.workers)
    print(
        f"load check: {args.quotes:,} quotes, quotewire serve --workers {args.workers} on {os.cpu_count()} cores, "
        f"{CONNECTIONS} connections (wrk), {STALLED_READERS} stalled CSV readers, load average "
        f"{os.getloadavg()[0]:.2f}",
        flush=True,
    )
    probe = HealthProbe(port)
    stalled: list[socket.socket] = []
    phases: list[Phase] = []
    try:
        paths = mixed_read_paths(base, random.Random(12))
        wrk_summary(base, paths, CONNECTIONS, 2.0)  # every worker compiles its queries and fills its caches
        probe.start()
        phases.append(run_phase("mix", args.mix_seconds, probe, base, paths))
        report(phases[-1])
        stalled = [stalled_reader(port) for _ in range(STALLED_READERS)]
        phases.append(run_phase("stalled", args.stalled_seconds, probe, base, None))
        report(phases[-1])
        phases.append(run_phase("both", args.seconds, probe, base, paths))
        report(phases[-1])
        phases.append(run_phase("after", args.after_seconds, probe, base, None))
        report(phases[-1])
    finally:
        probe.stopping.set()
        for client in stalled:
            client.close()
        stop(server)
    result = args.out / f"load_check-{date.today()}.json"
    result.write_text(json.dumps([asdict(phase) for phase in phases], indent=1))
    passed = all(phase.passed() for phase in phases)
    print(
        f"load check {'passed' if passed else 'FAILED'}: 0 errors and /health p99 under "
        f"{HEALTH_P99_LIMIT_MS:g} ms in every phase {'held' if passed else 'did not hold'}; results in {result}"
    )
    return 0 if passed else 1


if __name__ == "__main__":
    raise SystemExit(main())
