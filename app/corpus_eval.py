"""`quotewire eval --corpus`: speaker identity across an archive, measured on annotated folders.

Every article of the folders is stored in ONE scratch database, as `quotewire ingest` would store a
JSONL record of it (title = first line, url = gold://FOLDER/NAME, published, source). Then, through
the API's own query code (not HTTP):
- every gold person with at least `min_quotes` quotes is asked as `speaker=<full name>` (all pages).
  A returned quote is matched to the first gold quote of its article whose text holds it or is held
  by it (the shorter at least half the longer): right when that gold speaker is the person asked,
  wrong when it is someone else; a null gold speaker or no match is neutral; a gold quote of the
  person not returned is missed. Precision = right / (right + wrong), recall = right / gold.
- every IPTC subject with at least `min_quotes` gold quotes is asked as `topic=<label>`.
- the stored speakers (`/speakers`) are mapped to gold people: a person under two or more stored
  speakers is split; a stored speaker with quotes that names no gold person matches none.

Gold people: a one-word gold name ("Trump") is the corpus's most quoted full gold name ending in
it; names with the same first and last word are one person ("Donald J. Trump"); role words in
front are not part of the name ("Gov. Mike Pence"); a gold name ending with another full gold name
is that person. These are the rules of ../shared/tools/corpus_speakers.py, whose figures these equal.
"""

from __future__ import annotations

import collections
import json
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from sqlmodel import Session

from app.evaluation import GOLD_SUFFIX, _f1, _ratio, name_words, normalize_name, subject_labels

# Role, office, party and origin words written before a gold name ("Gov. Mike Pence"): the name is
# asked without them. The reference script's words (less one naming a place), so the figures agree.
GOLD_ROLE_WORDS = frozenset(
    """president vice former gov governor sen senator rep representative congressman
    congresswoman chancellor speaker house senate majority minority leader secretary state mayor minister prime
    chief executive ceo chairman chairwoman chair director spokesman spokeswoman spokesperson republican democrat
    democratic gop candidate nominee rival attorney general judge justice pope king queen prince princess sheikh
    crown dr mr mrs ms u s us uk british american""".split()
)
MIN_SHARE = 0.5  # a returned quote matches a gold quote when the shorter text is at least half the longer
TOP_PEOPLE = 50  # splits are also counted among this many most quoted gold people


def untitled(words: list[str]) -> list[str]:
    """ "President Barack Obama", "Gov. Mike Pence" -> the name's words."""
    while len(words) > 1 and words[0] in GOLD_ROLE_WORDS:
        words = words[1:]
    return words


def first_last(words: list[str]) -> str:
    """ "donald j trump" and "donald trump" are one person."""
    return " ".join(words) if len(words) < 2 else f"{words[0]} {words[-1]}"


def same_quote(returned: str, gold: str) -> bool:
    """One text holds the other, and the shorter is at least half the longer."""
    returned, gold = normalize_name(returned), normalize_name(gold)
    return bool(
        returned
        and gold
        and (gold in returned or returned in gold)
        and min(len(gold), len(returned)) >= MIN_SHARE * max(len(gold), len(returned))
    )


class GoldPeople:
    """Who each gold speaker name is, by the rules in the module docstring."""

    def __init__(self, quotes: list[dict]) -> None:
        self.counts = collections.Counter(q["speaker"] for q in quotes if q.get("speaker") and not q.get("optional"))
        self.full = [n for n in self.counts if len(untitled(name_words(n))) > 1]
        self.full_tails = [untitled(name_words(n)) for n in self.full]
        self.full_people = collections.Counter()
        for name in self.full:
            self.full_people[first_last(untitled(name_words(name)))] += self.counts[name]
        self._people: dict[str, str | None] = {}

    def person(self, name: str | None) -> str | None:
        if not name:
            return None
        if name not in self._people:
            self._people[name] = self._person(name)
        return self._people[name]

    def _person(self, name: str) -> str:
        words = untitled(name_words(name))
        if len(words) == 1:
            candidates = [k for k in self.full_people if k.split()[-1] == words[0]]
            if candidates:
                return max(candidates, key=lambda k: self.full_people[k])
        else:  # words in front of a known full name ("RNC Chairman Reince Priebus")
            tails = [t for t in self.full_tails if len(t) < len(words) and words[-len(t) :] == t]
            if tails:
                return first_last(min(tails, key=len))
        return first_last(words)

    def asked(self, min_quotes: int) -> dict[str, str]:
        """Each person with at least `min_quotes` quotes -> the name asked (their most quoted gold name
        without words in front)."""
        per_person = collections.Counter()
        for name, count in self.counts.items():
            per_person[self.person(name)] += count
        display: dict[str, str] = {}
        for name in sorted(self.counts, key=lambda n: -self.counts[n]):
            words = name_words(name)
            if len(words) > 1 and untitled(words) == words and self.person(name) not in display:
                display[self.person(name)] = name
        return {p: display[p] for p in sorted(per_person) if p and per_person[p] >= min_quotes and p in display}


@dataclass(slots=True)
class CorpusReport:
    articles: int
    failed: int
    seconds: float
    rows: list[dict] = field(default_factory=list)
    totals: collections.Counter = field(default_factory=collections.Counter)
    topic_totals: collections.Counter = field(default_factory=collections.Counter)
    split: dict[str, int] = field(default_factory=dict)
    split_top: dict[str, int] = field(default_factory=dict)
    unmatched: list[tuple[str, int]] = field(default_factory=list)
    stored_speakers: int = 0
    miss_causes: collections.Counter = field(default_factory=collections.Counter)
    wrong_causes: collections.Counter = field(default_factory=collections.Counter)

    def summary(self) -> dict:
        t, tt = self.totals, self.topic_totals
        precision = _ratio(t["right"], t["right"] + t["wrong"])
        recall = _ratio(t["right"], t["right"] + t["missed"])
        out = {
            "speakers_asked": len(self.rows),
            "articles": self.articles,
            "failed": self.failed,
            "right": t["right"],
            "wrong": t["wrong"],
            "missed": t["missed"],
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": round(_f1(precision, recall), 4),
            "split_people": len(self.split),
            f"split_top{TOP_PEOPLE}": len(self.split_top),
            "stored_speakers": self.stored_speakers,
            "unmatched_speakers": len(self.unmatched),
        }
        if tt:
            out["topic_precision"] = round(_ratio(tt["right"], tt["right"] + tt["wrong"]), 4)
            out["topic_recall"] = round(_ratio(tt["right"], tt["right"] + tt["missed"]), 4)
        out["seconds"] = round(self.seconds, 1)
        return out


def load_corpora(folders: list[Path]) -> tuple[dict[str, dict], list[dict]]:
    """Gold annotations by article url, and the JSONL-style records to ingest."""
    golds, records = {}, []
    for folder in folders:
        for gold_path in sorted(folder.glob("*" + GOLD_SUFFIX)):
            name = gold_path.name[: -len(GOLD_SUFFIX)]
            text = gold_path.with_name(name + ".txt").read_text(encoding="utf-8")
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            meta = gold.get("metadata", {})
            url = f"gold://{folder.name}/{name}"
            golds[url] = gold
            record = {
                "title": text.split("\n", 1)[0].strip() or name,
                "text": text,
                "url": url,
                "published": meta.get("published") or None,
                "source": meta.get("source") or folder.name,
            }
            records.append({k: v for k, v in record.items() if v})
    return golds, records


def ingest_records(session: Session, records: list[dict]) -> int:
    """Store each record as `quotewire ingest` stores a JSONL line; the number that failed."""
    from app.ingest.json_records import article_from_record
    from app.ingest.records import ReadOptions
    from app.ingest.write import ingest_article

    failed = 0
    for record in records:
        try:
            ingest_article(session, article_from_record(record, ReadOptions()))
        except Exception:  # noqa: BLE001 - a failed article is reported as a count, as ingest reports it
            failed += 1
    return failed


def every_item(read_page) -> list:
    """Every item of a keyset-paged listing: `read_page(after)` gives one page."""
    items, after = [], None
    while True:
        page = read_page(after)
        items += page.items
        if page.next is None:
            return items
        after = page.next


def all_quotes(session: Session, **filters) -> list:
    from app.queries import QuoteFilters, quote_page

    return every_item(lambda after: quote_page(session, QuoteFilters(**filters), limit=200, after=after))


def all_speakers(session: Session) -> list:
    from app.queries.speakers import speaker_page

    return every_item(lambda after: speaker_page(session, limit=200, after=after))


def matched_gold(golds: dict[str, dict], item) -> tuple[str, int, dict] | None:
    url = item.article.url
    for index, quote in enumerate(golds.get(url, {}).get("quotes", [])):
        if same_quote(item.text, quote["text"]):
            return url, index, quote
    return None


@dataclass(frozen=True, slots=True)
class StoredQuote:
    text: str
    speaker: str | None  # the stored speaker's name
    written: str | None  # the name the extractor gave at the quote


def stored_quotes(session: Session) -> dict[str, list[StoredQuote]]:
    """Every stored quote by its article's url."""
    from sqlalchemy import select

    from app.store.models import Article, Quote, Speaker

    rows = session.execute(
        select(Article.url, Quote.text, Speaker.name, Quote.speaker_name)
        .join(Article, Article.id == Quote.article_id)
        .outerjoin(Speaker, Speaker.id == Quote.speaker_id)
    )
    found: dict[str, list[StoredQuote]] = collections.defaultdict(list)
    for url, text, speaker, written in rows:
        found[url].append(StoredQuote(text, speaker, written))
    return found


def miss_cause(people: GoldPeople, person: str, stored: StoredQuote | None) -> str:
    """Why a gold quote of `person` was not returned for their name: the extractor's part (the quote, or
    the name it gave) or the store's (the name given is this person, but stored apart)."""
    if stored is None:
        return "extractor: quote not found"
    if not stored.written:
        return "extractor: no named speaker"
    written = name_words(stored.written)
    if len(written) == 1 and person.split()[-1] == written[0]:
        return "store: bare surname kept apart (namesakes known)"
    if people.person(stored.written) == person:
        return "store: name of this person stored under another speaker"
    return "extractor: another name given"


def wrong_cause(people: GoldPeople, person: str, stored: StoredQuote | None) -> str:
    """Why a quote of someone else was returned for `person`'s name."""
    if stored is None or not stored.written:
        return "unknown"
    written = name_words(stored.written)
    if len(written) == 1 and person.split()[-1] == written[0]:
        return "extractor gave the bare surname, the store joined it"
    if people.person(stored.written) == person:
        return "extractor: this person's name given"
    return "store: another name merged into this person"


def measure(session: Session, golds: dict[str, dict], min_quotes: int, report: CorpusReport) -> None:
    quotes = [q for g in golds.values() for q in g["quotes"]]
    people = GoldPeople(quotes)
    asked = people.asked(min_quotes)
    gold_of = collections.defaultdict(list)  # person -> (url, index, text) of each of their required quotes
    for url, gold in golds.items():
        for index, quote in enumerate(gold["quotes"]):
            if not quote.get("optional"):
                gold_of[people.person(quote.get("speaker"))].append((url, index, quote["text"]))
    gold_count = collections.Counter({person: len(found) for person, found in gold_of.items()})
    stored = stored_quotes(session)

    def stored_at(url: str, text: str) -> StoredQuote | None:
        return next((s for s in stored.get(url, ()) if same_quote(s.text, text)), None)

    for person, name in asked.items():
        right, wrong = set(), 0
        items = all_quotes(session, speaker=name)
        for item in items:
            match = matched_gold(golds, item)
            if not match or not match[2].get("speaker"):
                continue
            if people.person(match[2]["speaker"]) == person:
                right.add(match[:2])
            else:
                wrong += 1
                report.wrong_causes[wrong_cause(people, person, stored_at(item.article.url, item.text))] += 1
        for url, index, text in gold_of[person]:
            if (url, index) not in right:
                report.miss_causes[miss_cause(people, person, stored_at(url, text))] += 1
        report.totals.update(right=len(right), wrong=wrong, missed=gold_count[person] - len(right))
        report.rows.append(
            {
                "name": name,
                "gold": gold_count[person],
                "returned": len(items),
                "right": len(right),
                "wrong": wrong,
                "missed": gold_count[person] - len(right),
            }
        )
    subject_count = collections.Counter(
        label for q in quotes if not q.get("optional") for label in subject_labels(q.get("subjects"))
    )
    for label, count in sorted(subject_count.items()):
        if count < min_quotes:
            continue
        hit = set()
        for item in all_quotes(session, topic=label):
            for index, quote in enumerate(golds.get(item.article.url, {}).get("quotes", [])):
                if quote.get("subjects") and same_quote(item.text, quote["text"]):
                    if label in subject_labels(quote["subjects"]):
                        hit.add((item.article.url, index))
                    else:
                        report.topic_totals["wrong"] += 1
                    break
        report.topic_totals.update(right=len(hit), missed=count - len(hit))
    speakers = all_speakers(session)
    report.stored_speakers = len(speakers)
    stored_as = collections.Counter(people.person(s.name) for s in speakers)
    report.split = {asked[p]: stored_as[p] for p in asked if stored_as[p] > 1}
    top = sorted(asked, key=lambda p: -gold_count[p])[:TOP_PEOPLE]
    report.split_top = {asked[p]: stored_as[p] for p in top if stored_as[p] > 1}
    gold_people = set(gold_count)
    report.unmatched = sorted(
        ((s.name, s.quote_count) for s in speakers if s.quote_count and people.person(s.name) not in gold_people),
        key=lambda x: -x[1],
    )


def corpus_report(folders: list[Path], min_quotes: int = 3) -> CorpusReport:
    """Ingest `folders` into a scratch database and measure speaker identity there."""
    from app.store.engine import create_engine_for
    from app.store.migrate import upgrade_database

    golds, records = load_corpora(folders)
    scratch = Path(tempfile.mkdtemp(prefix="quotewire-corpus-"))
    url = f"sqlite:///{scratch / 'corpus.db'}"
    engine = None
    try:
        upgrade_database(url)
        engine = create_engine_for(url)
        started = time.perf_counter()
        with Session(engine) as session:
            failed = ingest_records(session, records)
        report = CorpusReport(articles=len(records), failed=failed, seconds=time.perf_counter() - started)
        with Session(engine) as session:
            measure(session, golds, min_quotes, report)
        return report
    finally:
        if engine is not None:
            engine.dispose()
        shutil.rmtree(scratch, ignore_errors=True)


def run_corpus_eval(
    folders: list[Path],
    *,
    show_rows: bool = True,
    as_json: bool = False,
    min_quotes: int = 3,
    min_precision: float | None = None,
    min_recall: float | None = None,
    min_topic_precision: float | None = None,
    min_topic_recall: float | None = None,
) -> int:
    """Print the corpus figures (rows, then the summary); 1 when a gate fails."""
    report = corpus_report(folders, min_quotes)
    summary = report.summary()
    if as_json:
        print(json.dumps(summary))
    else:
        if show_rows:
            for row in sorted(report.rows, key=lambda r: (-r["gold"], r["name"])):
                print(
                    f"  {row['name']:32s} gold {row['gold']:4d}  returned {row['returned']:4d}  right {row['right']:4d}"
                    f"  wrong {row['wrong']:4d}  missed {row['missed']:4d}"
                )
            print(f"  split (one gold person under several stored speakers): {report.split or 'none'}")
            print(f"  stored speakers matching no gold name (most quoted): {report.unmatched[:20]}")
            print(f"  misses by cause: {dict(report.miss_causes.most_common())}")
            print(f"  wrong quotes by cause: {dict(report.wrong_causes.most_common())}")
        print(" | ".join(f"{k} {v}" for k, v in summary.items()))
    gates = {
        "precision": min_precision,
        "recall": min_recall,
        "topic_precision": min_topic_precision,
        "topic_recall": min_topic_recall,
    }
    failed = [
        f"{name} {summary.get(name, 0.0):.4f} < {gate}"
        for name, gate in gates.items()
        if gate is not None and summary.get(name, 0.0) < gate
    ]
    for line in failed:
        print(f"gate failed: {line}", file=sys.stderr)
    return 1 if failed else 0
