"""A synthetic but realistic Quotewire database of N quotes, built fast through the migrated schema.

Thousands of speakers (a few quoted often, most rarely), articles from a score of sources over six
years, quote texts from a news vocabulary, two to four topic terms a quote and a taxonomy subject for
some. Rows go in with `executemany` on one sqlite3 connection in one transaction; the FTS5 index is
filled by the schema's own triggers, then merged, as `quotewire ingest` leaves it.

Usage: python bench/synthetic_db.py PATH --quotes N
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sqlite3
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from app.speaker_keys import name_key, surname_key
from app.store.keys import source_key
from app.store.migrate import upgrade_database
from app.store.sqlite import FTS_TABLE
from app.store.taxonomy import load_taxonomy, slugify
from app.verify.search import pair_rows

FIRST_NAMES = (
    "Ana Tomas Lena Piet Mira Omar Ines Jonas Keiko Ravi Sofia Emeka Hana Lucas Nadia Yusuf Clara "
    "Mateo Freya Idris Talia Bruno Amara Felix Noor Oskar Leila Dario Zofia Kwame"
).split()
# invented surnames from three parts (4,000 of them), so a surname names one or a few speakers, as in news
SURNAME_STARTS = (
    "Al Bar Cor Dal Ed Fen Gar Hal Ing Jor Kel Lan Mor Nor Ost Pel Quin Ros Sal Tor Ul Var Wes Yor Zan".split()
)
SURNAME_MIDDLES = ["", "a", "en", "il", "or", "um", "ber", "stad"]
SURNAME_ENDS = "by den ford gate holm ino ley man ova quist rick sen ton vic well ez ard ski elli ides".split()
LAST_NAMES = [start + middle + end for start in SURNAME_STARTS for middle in SURNAME_MIDDLES for end in SURNAME_ENDS]
TITLES = (
    "Mayor",
    "Finance Minister",
    "Senator",
    "Harbour master",
    "Union leader",
    "Police chief",
    "Spokesperson",
    "Governor",
    "Health Minister",
    "Chief Executive",
    None,
    None,
)
SOURCES = [
    f"{town} {paper}"
    for town in ("Riverton", "Valley", "Northgate", "Eastport", "Harwick")
    for paper in ("Ledger", "Courier", "Gazette", "Herald")
]
WORDS = (
    "the we will our people government budget plan vote city river bridge school hospital water police "
    "court election tax housing jobs workers strike union talks deal agreement ceasefire hostage aid "
    "flood storm drought energy prices inflation market trade border security army peace war health "
    "vaccine doctors nurses teachers students climate emissions coal solar wind farm farmers harvest "
    "food fuel rail road traffic airport port cargo ships fishing crews council minister mayor senator "
    "court judge law reform corruption inquiry report figures numbers growth debt bank loans rates "
    "families children parents elderly care support funding cuts investment future promise time now "
    "never always again today must should cannot will not is are have been continue ensure protect "
    "build repair open close delay finish start review negotiate demand reject accept"
).split()
TERMS = sorted({w for w in WORDS if len(w) > 3} | {f"{a} {b}" for a, b in zip(WORDS[::7], WORDS[3::7])})
START_DAY = date(2019, 1, 1)
DAYS = 6 * 365
QUOTES_PER_ARTICLE = 10


@dataclass(frozen=True, slots=True)
class BuildReport:
    quotes: int
    speakers: int
    topics: int
    seconds: float


def speaker_names(count: int, rng: random.Random) -> list[str]:
    names: set[str] = set()
    while len(names) < count:
        names.add(f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}")
    shuffled = sorted(names)
    rng.shuffle(shuffled)  # how often a speaker is quoted has nothing to do with their name
    return shuffled


def quote_text(rng: random.Random) -> str:
    return " ".join(rng.choices(WORDS, k=rng.randint(8, 24))).capitalize()


def build(path: Path, quotes: int, seed: int = 7, *, word_pairs: bool = False) -> BuildReport:
    """Create the database at `path` (migrated to head) holding `quotes` synthetic quotes; with `word_pairs`,
    also the word-pair index POST /verify reads (bench/verify.py; it doubles the time of a build)."""
    started = time.perf_counter()
    rng = random.Random(seed)
    path.unlink(missing_ok=True)
    upgrade_database(f"sqlite:///{path}")
    speakers = speaker_names(max(50, min(5000, quotes // 100)), rng)
    subjects = load_taxonomy().subjects
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=OFF")
    with connection:
        insert_speakers(connection, speakers, rng)
        term_ids, subject_ids = insert_topics(connection, subjects)
        insert_articles(connection, quotes // QUOTES_PER_ARTICLE + 1, rng)
        insert_quotes(connection, quotes, len(speakers), term_ids, subject_ids, rng, word_pairs)
        # as `quotewire ingest` leaves it after each batch: the full-text index merged into one segment
        connection.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('optimize')")
    connection.execute("ANALYZE")
    connection.close()
    return BuildReport(
        quotes=quotes,
        speakers=len(speakers),
        topics=len(term_ids) + len(subject_ids),
        seconds=time.perf_counter() - started,
    )


def insert_speakers(connection: sqlite3.Connection, names: list[str], rng: random.Random) -> None:
    rows = [
        (i + 1, name, rng.choice(TITLES), "person", name_key(name), surname_key(name_key(name)))
        for i, name in enumerate(names)
    ]
    connection.executemany("INSERT INTO speakers (id, name, title, kind, key, surname_key) VALUES (?,?,?,?,?,?)", rows)
    aliases = [(i + 1, form, name_key(form)) for i, name in enumerate(names) for form in (name, name.split()[-1])]
    connection.executemany("INSERT INTO speaker_aliases (speaker_id, alias, key) VALUES (?,?,?)", aliases)


def insert_topics(connection: sqlite3.Connection, subjects) -> tuple[list[int], list[int]]:
    """Term topics, then the taxonomy's subjects (ids after the terms); returns the ids of each."""
    rows = [(i + 1, slugify(term), term, "term") for i, term in enumerate(TERMS)]
    rows += [
        (len(TERMS) + i + 1, s.slug, s.name, "subject")
        for i, s in enumerate(subjects)
        if s.slug not in {slugify(t) for t in TERMS}
    ]
    connection.executemany("INSERT INTO topics (id, slug, name, kind) VALUES (?,?,?,?)", rows)
    return [row[0] for row in rows if row[3] == "term"], [row[0] for row in rows if row[3] == "subject"]


def insert_articles(connection: sqlite3.Connection, count: int, rng: random.Random) -> None:
    def rows() -> Iterator[tuple]:
        for i in range(1, count + 1):
            published = START_DAY + timedelta(days=rng.randrange(DAYS))
            title = f"Story {i}: {quote_text(rng)[:60]}"
            source = rng.choice(SOURCES)
            yield (
                i,
                title,
                f"https://news.example/{i}",
                source,
                source_key(source),
                published.isoformat(),
                title + "\n\nBody.",
                hashlib.sha256(title.encode()).hexdigest(),
                "2024-01-01 00:00:00",
            )

    connection.executemany(
        "INSERT INTO articles (id, title, url, source, source_key, published_at, text, "
        "content_hash, ingested_at) VALUES (?,?,?,?,?,?,?,?,?)",
        rows(),
    )


def insert_quotes(
    connection: sqlite3.Connection,
    count: int,
    speaker_count: int,
    term_ids: list[int],
    subject_ids: list[int],
    rng: random.Random,
    word_pairs: bool,
) -> None:
    # a few speakers and terms are common, most are rare: weights ~ 1/rank
    speaker_weights = [1 / (rank + 1) for rank in range(speaker_count)]
    term_weights = [1 / (rank + 1) for rank in range(len(term_ids))]
    links: list[tuple[int, int, str]] = []
    batch: list[tuple] = []
    for quote_id in range(1, count + 1):
        article_id = (quote_id - 1) // QUOTES_PER_ARTICLE + 1
        said_on = (START_DAY + timedelta(days=rng.randrange(DAYS))).isoformat()
        speaker_id = rng.choices(range(1, speaker_count + 1), speaker_weights)[0] if rng.random() > 0.1 else None
        text = quote_text(rng)
        batch.append(
            (
                quote_id,
                article_id,
                speaker_id,
                text,
                0,
                len(text),
                f'"{text}," an official said.',
                "said",
                rng.choice(("full", "full", "partial", "continuation")),
                said_on,
                "synthetic",
                0.8,
            )
        )
        topics = set(rng.choices(term_ids, term_weights, k=rng.randint(2, 4)))
        if rng.random() < 0.3:
            topics.add(rng.choice(subject_ids))
        links += [(quote_id, topic_id, said_on) for topic_id in topics]
        if len(batch) == 20_000:
            flush_quotes(connection, batch, links, word_pairs)
    flush_quotes(connection, batch, links, word_pairs)


def flush_quotes(connection: sqlite3.Connection, batch: list[tuple], links: list[tuple], word_pairs: bool) -> None:
    connection.executemany(
        'INSERT INTO quotes (id, article_id, speaker_id, text, start, "end", context, cue, kind, '
        "said_on, sieve, confidence) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        batch,
    )
    if word_pairs:  # the index ingest fills (app.verify.search), which POST /verify reads
        pairs = pair_rows([row[0] for row in batch], [row[3] for row in batch])
        connection.executemany("INSERT INTO quote_word_pairs (pair, quote_id) VALUES (:pair, :quote_id)", pairs)
    connection.executemany("INSERT INTO quote_topics (quote_id, topic_id, said_on) VALUES (?,?,?)", links)
    batch.clear()
    links.clear()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--quotes", type=int, default=10_000)
    args = parser.parse_args()
    report = build(args.path, args.quotes)
    print(
        f"{report.quotes:,} quotes, {report.speakers:,} speakers, {report.topics:,} topics "
        f"in {report.seconds:.1f} s -> {args.path}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
