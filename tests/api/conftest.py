"""API fixtures: an app on a migrated database, a client, and a small newsroom stored through the real write path.

`store.article(title, *quotes)` saves an article with `ingest_article`, its extractor finding exactly the
quotes a test lists (`said(...)`), so filter tests know which quote has which speaker, date and topic,
while speakers, aliases and topics are what the write path makes of them. Subjects come from the
bundled taxonomy plus two invented ones (`test_taxonomy`). The people and events are invented.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.api.main import create_app
from app.config import Settings, get_settings
from app.extract.records import Quote as ExtractedQuote
from app.extract.records import Speaker as ExtractedSpeaker
from app.extract.records import SubjectScore
from app.ingest import ingest_article
from app.store.models import Article, ArticleIn, Quote, Speaker, Topic
from app.store.taxonomy import DEFAULT_TAXONOMY_PATH, slugify

API_KEY = "test-secret-key"
WRITE_HEADERS = {"X-API-Key": API_KEY}
# Subjects the fixtures file quotes under, beside the bundled taxonomy's (terms no test article uses).
INVENTED_SUBJECTS = [
    {"name": "transport and infrastructure", "terms": ["flyover ring road"]},
    {"name": "climate and weather", "terms": ["hailstorm season"]},
]


@pytest.fixture
def extra_subjects() -> list[dict]:
    """Subjects a test module adds to the taxonomy (override this fixture in the module)."""
    return []


@pytest.fixture(autouse=True)
def test_taxonomy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, extra_subjects: list[dict]) -> Iterator[Path]:
    """The bundled taxonomy plus INVENTED_SUBJECTS (and a module's extra_subjects), configured as a
    newsroom would (QUOTEWIRE_TAXONOMY_PATH)."""
    bundled = json.loads(DEFAULT_TAXONOMY_PATH.read_text(encoding="utf-8"))
    path = tmp_path / "taxonomy.json"
    subjects = bundled["subjects"] + INVENTED_SUBJECTS + extra_subjects
    path.write_text(json.dumps({"subjects": subjects}), encoding="utf-8")
    monkeypatch.setenv("QUOTEWIRE_TAXONOMY_PATH", str(path))
    get_settings.cache_clear()
    yield path
    get_settings.cache_clear()


@pytest.fixture
def settings(db_url: str) -> Settings:
    return Settings(database_url=db_url, api_key=API_KEY, max_body_bytes=20_000)


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings)) as test_client:
        yield test_client


@pytest.fixture
def client_with(settings: Settings):
    """A client on the same database with some settings changed: `client_with(api_key=None)`."""
    def make(**changes: object) -> TestClient:
        return TestClient(create_app(settings.model_copy(update=changes)))
    return make


def person(name: str, *, title: str | None = None, kind: str = "person") -> ExtractedSpeaker:
    """A speaker as the extractor names it."""
    return ExtractedSpeaker(name=name, kind=kind, mention=name, title=title)


def said(text: str, speaker: ExtractedSpeaker | None = None, *, mention: str | None = None,
         said_on: date | None = None, kind: str = "full", topics: tuple[str, ...] = (),
         subjects: tuple[str, ...] = (), start: int = 0) -> ExtractedQuote:
    """A quote as the extractor finds it; `mention` is how the speaker is written at it (default: the name)."""
    if speaker is not None and mention is not None:
        speaker = replace(speaker, mention=mention)
    scores = tuple(SubjectScore(name=name, code=None, score=1.0, slug=slugify(name)) for name in subjects)
    return ExtractedQuote(text=text, start=start, end=start + len(text), context=f'"{text}" the speaker said.',
                          kind=kind, speaker=speaker, cue="said", said_on=said_on, topics=topics, subjects=scores,
                          sieve="test", confidence=0.9)


@dataclass(frozen=True)
class Stored:
    """A saved article's row and its quotes' rows, in the order the extractor found them."""

    article: Article
    quotes: list[Quote]


@dataclass
class Store:
    """Saves articles through the real write path and reads back the rows it made."""

    session: Session

    def article(self, title: str, *quotes: ExtractedQuote, source: str = "Riverton Ledger",
                published: date | None = date(2024, 3, 8), url: str | None = None) -> Stored:
        """Ingest an article whose extractor finds `quotes` (an undated quote takes `published`, as ever)."""
        article = ArticleIn(title=title, text=f"{title}\n\nBody.", url=url, source=source, published=published)
        result = ingest_article(self.session, article, extractor=lambda *args, **kwargs: list(quotes))
        rows = self.session.scalars(select(Quote).where(Quote.article_id == result.article_id).order_by(Quote.id))
        return Stored(self.session.get(Article, result.article_id), list(rows))

    def speaker(self, name: str) -> Speaker:
        """The stored speaker of that name."""
        return self.session.scalars(select(Speaker).where(Speaker.name == name)).one()

    def topic(self, name: str) -> Topic:
        """The stored topic of that name (term or subject)."""
        return self.session.scalars(select(Topic).where(Topic.slug == slugify(name))).one()


@pytest.fixture
def store(session: Session) -> Store:
    return Store(session)


RUIZ = person("Ana Ruiz", title="Mayor of Riverton")
OKAFOR = person("Tomas Okafor", title="Finance Minister")
PORT = person("Riverton Port Authority", kind="organization")


@dataclass(frozen=True)
class Newsroom:
    """The standard fixture: two articles, three speakers, seven quotes."""

    ruiz: Speaker
    okafor: Speaker
    port: Speaker
    bridge: Article
    budget: Article
    quotes: dict[str, Quote]


@pytest.fixture
def newsroom(store: Store) -> Newsroom:
    bridge = store.article(
        "Bridge to reopen in May, mayor says",
        said("We are on schedule and the bridge will reopen in May", RUIZ, mention="Ana M. Ruiz",
             said_on=date(2024, 3, 7), topics=("bridge", "schedule"), subjects=("transport and infrastructure",)),
        said("temporary ferries", RUIZ, mention="Ruiz", said_on=date(2024, 3, 7), kind="partial", topics=("ferry",),
             start=80),
        said("Cargo volumes fell by a third while the bridge was closed", PORT, said_on=date(2024, 3, 6),
             topics=("cargo", "bridge"), start=140),
        url="https://ledger.example/bridge")
    budget = store.article(  # no publication date: the undated quote stays undated
        "Minister defends flood budget",
        said("Every village on the river deserves flood defences", OKAFOR, said_on=date(2024, 3, 12),
             topics=("flood defence",), subjects=("climate and weather",)),
        said("We are negotiating with the regions on the hostages of bad planning", OKAFOR, mention="Tomas B. Okafor",
             said_on=date(2024, 3, 11), kind="continuation", topics=("hostage", "planning"), start=90),
        said("The figures do not add up", said_on=date(2024, 3, 12), start=200),
        said("Negotiations will take months", OKAFOR, mention="Okafor", start=260),
        source="Valley Courier", published=None)
    keys = ("schedule", "ferries", "cargo", "floods", "negotiating", "anonymous", "undated")
    return Newsroom(ruiz=store.speaker("Ana Ruiz"), okafor=store.speaker("Tomas Okafor"),
                    port=store.speaker("Riverton Port Authority"), bridge=bridge.article, budget=budget.article,
                    quotes=dict(zip(keys, bridge.quotes + budget.quotes)))


def quote_texts(response) -> list[str]:
    assert response.status_code == 200, response.text
    return [item["text"] for item in response.json()["items"]]


@pytest.fixture
def texts():
    """texts(response): the quote texts of a list response, in order (asserting a 200)."""
    return quote_texts
