"""Verification quality and latency on the 1M-quote benchmark database (issue 15).

Takes a synthetic database of bench/synthetic_db.py with its word-pair index
(bench/out/quotes-N-word-pairs.db: built when missing, reused when there, migrated to head), then
checks CLAIMS stored quotes misquoted the way people misquote (the end cut off, about a fifth of the
remaining words dropped or swapped for others, capitals and punctuation changed) and CLAIMS sentences
nobody said (drawn from the same vocabulary), each through `app.verify.verify_claim` in process, as
`POST /verify` runs it. Prints:

    top-1 right:     the misquote's first candidate is the quote it was made from
    not_found right: the unsaid sentence's verdict is not_found
    latency:         p50 / p95 / max per claim (both sets), in milliseconds

Targets: top-1 >= 0.97, not_found >= 0.99, p95 < 100 ms.

Usage: python bench/verify.py [--quotes 1000000] [--claims 1000] [--out bench/out] [--seed 15]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

from sqlalchemy import select
from sqlmodel import Session, col

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic_db import WORDS, build, quote_text  # noqa: E402

from app.store.engine import create_engine_for  # noqa: E402
from app.store.migrate import upgrade_database  # noqa: E402
from app.store.models import Quote  # noqa: E402
from app.verify.lookup import verify_claim  # noqa: E402
from app.verify.records import ClaimIn  # noqa: E402

CHANGED_SHARE = 0.2  # of the words left after the cut: dropped or swapped
PUNCTUATION = (",", ".", "!", "?", ";", " -", "...")


def misquote(text: str, rng: random.Random) -> str:
    """`text` as someone misremembers it: end cut off, a fifth of the words dropped or swapped, case and
    punctuation changed."""
    words = text.split()
    cut = rng.randint(1, max(1, len(words) // 4))
    words = words[: max(6, len(words) - cut)]
    changed = rng.sample(range(len(words)), k=max(1, round(len(words) * CHANGED_SHARE)))
    kept = []
    for position, word in enumerate(words):
        if position in changed:
            if rng.random() < 0.5:
                continue  # dropped
            word = rng.choice([w for w in WORDS if w != word])  # swapped for another word
        kept.append(word)
    styled = []
    for word in kept:
        shape = rng.random()
        word = word.upper() if shape < 0.1 else word.capitalize() if shape < 0.3 else word.lower()
        if rng.random() < 0.15:
            word += rng.choice(PUNCTUATION)
        styled.append(word)
    return rng.choice(('"', "“", "")) + " ".join(styled) + rng.choice((".", "!", "…", '"', ""))


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quotes", type=int, default=1_000_000)
    parser.add_argument("--claims", type=int, default=1000)
    parser.add_argument("--out", type=Path, default=Path("bench/out"))
    parser.add_argument("--seed", type=int, default=15)
    args = parser.parse_args()
    database = args.out / f"quotes-{args.quotes}-word-pairs.db"
    if not database.exists():
        args.out.mkdir(parents=True, exist_ok=True)
        print(f"building {database} ...", flush=True)
        build(database, args.quotes, word_pairs=True)
    url = f"sqlite:///{database}"
    upgrade_database(url)
    rng = random.Random(args.seed)
    engine = create_engine_for(url)
    with Session(engine) as session:
        ids = rng.sample(range(1, args.quotes + 1), args.claims)
        statement = select(col(Quote.id), col(Quote.text)).where(col(Quote.id).in_(ids))
        texts = {quote_id: text for quote_id, text in session.connection().execute(statement)}  # noqa: C416
        misquotes = [(quote_id, misquote(texts[quote_id], rng)) for quote_id in ids if quote_id in texts]
        unsaid = [quote_text(rng) for _ in range(args.claims)]
        verify_claim(session, ClaimIn(text=unsaid[0]))  # warm: the first query opens the database files
        latencies: list[float] = []
        top1 = 0
        for quote_id, claim in misquotes:
            started = time.perf_counter()
            result = verify_claim(session, ClaimIn(text=claim))
            latencies.append((time.perf_counter() - started) * 1000)
            top1 += bool(result.candidates) and result.candidates[0].quote_id == quote_id
        not_found = 0
        for claim in unsaid:
            started = time.perf_counter()
            result = verify_claim(session, ClaimIn(text=claim))
            latencies.append((time.perf_counter() - started) * 1000)
            not_found += result.verdict == "not_found"
    engine.dispose()
    print(f"{args.quotes:,} quotes; {len(misquotes)} misquotes, {len(unsaid)} unsaid sentences")
    print(f"top-1 right:     {top1 / len(misquotes):.3f} ({top1}/{len(misquotes)})  target >= 0.97")
    print(f"not_found right: {not_found / len(unsaid):.3f} ({not_found}/{len(unsaid)})  target >= 0.99")
    print(
        f"latency ms:      p50 {statistics.median(latencies):.1f}  p95 {percentile(latencies, 0.95):.1f}  "
        f"max {max(latencies):.1f}  target p95 < 100"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
