"""Load generators for bench/api_latency.py: wrk (when installed) and httpx, with one result shape.

wrk is a C program: on a small machine it leaves the cores to the server, where an httpx client in
Python would take about as much CPU as the server it measures. Both send a given list of paths in turn
from N concurrent connections, on 127.0.0.1 only, and are bounded: wrk by time, httpx by count.
"""

from __future__ import annotations

import asyncio
import json
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

WRK_SCRIPT = Path(__file__).resolve().parent / "wrk_rotate.lua"


@dataclass(frozen=True, slots=True)
class Load:
    """What a load run measured: latency percentiles (seconds), the count and requests per second."""

    requests: int
    p50: float
    p99: float
    rps: float


def wrk_available() -> bool:
    return shutil.which("wrk") is not None


def run_wrk(base: str, paths: list[str], clients: int, seconds: float) -> Load:
    """`clients` connections sending `paths` in turn for `seconds`; every response must be a 2xx."""
    summary = wrk_summary(base, paths, clients, seconds)
    if summary["non_2xx"] or summary["socket_errors"]:
        raise RuntimeError(f"wrk: {summary['non_2xx']} non-2xx responses, {summary['socket_errors']} socket errors")
    return Load(
        requests=summary["requests"],
        p50=summary["p50_us"] / 1e6,
        p99=summary["p99_us"] / 1e6,
        rps=summary["requests"] / summary["seconds"],
    )


def wrk_summary(base: str, paths: list[str], clients: int, seconds: float, timeout: float = 10.0) -> dict:
    """wrk's counts and percentiles (see wrk_rotate.lua), whatever the responses were."""
    with tempfile.NamedTemporaryFile("w", suffix=".txt") as listing:
        listing.write("\n".join(paths) + "\n")
        listing.flush()
        # one wrk thread drives thousands of requests a second; a second one would take a core from the server
        completed = subprocess.run(
            [
                "wrk",
                "-c",
                str(clients),
                "-t",
                "1",
                "-d",
                f"{seconds:g}s",
                "--timeout",
                f"{timeout:g}s",
                "-s",
                str(WRK_SCRIPT),
                base,
                "--",
                listing.name,
            ],
            capture_output=True,
            text=True,
            timeout=seconds + timeout + 30,
            check=True,
        )
    return json.loads(completed.stdout.strip().splitlines()[-1])


def run_httpx(base: str, paths: list[str], clients: int, requests: int) -> Load:
    """`requests` requests of `paths` spread over `clients` concurrent httpx workers."""
    latencies, wall = asyncio.run(_httpx_requests(base, (paths * (requests // len(paths) + 1))[:requests], clients))
    return Load(
        requests=len(latencies),
        p50=percentile(latencies, 0.5),
        p99=percentile(latencies, 0.99),
        rps=len(latencies) / wall,
    )


async def _httpx_requests(base: str, urls: list[str], clients: int) -> tuple[list[float], float]:
    latencies: list[float] = []
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as client:
        for url in urls[:clients]:  # open the connections first
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
