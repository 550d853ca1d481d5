"""API fixtures: an app on a migrated database, a client, and a small store of hand-made quotes.

`stored` inserts rows directly through the models (not through the extractor), so filter tests
know exactly which quote has which speaker, date and topic. The people and events are invented.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from app.api.main import create_app
from app.config import Settings
from app.models import Article, Quote, QuoteTopic, Speaker, SpeakerAlias, Topic
from app.speaker_keys import name_key, surname_key
from app.store.keys import source_key
from app.taxonomy import slugify

API_KEY = "test-secret-key"
WRITE_HEADERS = {"X-API-Key": API_KEY}


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


@dataclass
class Store:
    """Adds rows and commits; returns them with their ids."""

    session: Session
    topics: dict[str, Topic] = field(default_factory=dict)

    def article(self, title: str, *, source: str = "Riverton Ledger", published: date | None = date(2024, 3, 8),
                url: str | None = None) -> Article:
        row = Article(title=title, source=source, source_key=source_key(source), published_at=published, url=url,
                      text=f"{title}\n\nBody.",
                      content_hash=slugify(title))
        return self.saved(row)

    def speaker(self, name: str, *aliases: str, title: str | None = None, kind: str = "person") -> Speaker:
        key = name_key(name)
        row = self.saved(Speaker(name=name, title=title, kind=kind, key=key,
                                 surname_key=surname_key(key) if kind == "person" else None))
        for alias in (name, *aliases):
            self.session.add(SpeakerAlias(speaker_id=row.id, alias=alias, key=name_key(alias)))
        self.session.commit()
        return row

    def topic(self, name: str, kind: str = "term") -> Topic:
        if name not in self.topics:
            self.topics[name] = self.saved(Topic(slug=slugify(name), name=name, kind=kind))
        return self.topics[name]

    def quote(self, article: Article, text: str, *, speaker: Speaker | None = None, said_on: date | None = None,
              kind: str = "full", topics: tuple[str, ...] = (), subjects: tuple[str, ...] = (),
              start: int = 0) -> Quote:
        row = self.saved(Quote(article_id=article.id, speaker_id=speaker.id if speaker else None, text=text,
                               start=start, end=start + len(text), context=f'"{text}" the speaker said.',
                               cue="said", kind=kind, said_on=said_on, sieve="test", confidence=0.9))
        linked = [self.topic(t) for t in topics] + [self.topic(s, "subject") for s in subjects]
        self.session.add_all(QuoteTopic(quote_id=row.id, topic_id=t.id, said_on=said_on) for t in linked)
        self.session.commit()
        return row

    def saved(self, row):
        self.session.add(row)
        self.session.commit()
        self.session.refresh(row)
        return row


@pytest.fixture
def store(session: Session) -> Store:
    return Store(session)


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
    ruiz = store.speaker("Ana Ruiz", "Ruiz", "the mayor", title="Mayor of Riverton")
    okafor = store.speaker("Tomas Okafor", "Okafor", "the finance minister", title="Finance Minister")
    port = store.speaker("Riverton Port Authority", kind="organization")
    bridge = store.article("Bridge to reopen in May, mayor says", url="https://ledger.example/bridge")
    budget = store.article("Minister defends flood budget", source="Valley Courier", published=date(2024, 3, 12))
    q = {
        "schedule": store.quote(bridge, "We are on schedule and the bridge will reopen in May", speaker=ruiz,
                                said_on=date(2024, 3, 7), topics=("bridge", "schedule"),
                                subjects=("transport and infrastructure",)),
        "ferries": store.quote(bridge, "temporary ferries", speaker=ruiz, said_on=date(2024, 3, 7), kind="partial",
                               topics=("ferry",), start=80),
        "cargo": store.quote(bridge, "Cargo volumes fell by a third while the bridge was closed", speaker=port,
                             said_on=date(2024, 3, 6), topics=("cargo", "bridge"), start=140),
        "floods": store.quote(budget, "Every village on the river deserves flood defences", speaker=okafor,
                              said_on=date(2024, 3, 12), topics=("flood defence",), subjects=("climate and weather",)),
        "negotiating": store.quote(budget, "We are negotiating with the regions on the hostages of bad planning",
                                   speaker=okafor, said_on=date(2024, 3, 11), kind="continuation",
                                   topics=("hostage", "planning"), start=90),
        "anonymous": store.quote(budget, "The figures do not add up", said_on=date(2024, 3, 12), start=200),
        "undated": store.quote(budget, "Negotiations will take months", speaker=okafor, said_on=None, start=260),
    }
    return Newsroom(ruiz=ruiz, okafor=okafor, port=port, bridge=bridge, budget=budget, quotes=q)


def quote_texts(response) -> list[str]:
    assert response.status_code == 200, response.text
    return [item["text"] for item in response.json()["items"]]


@pytest.fixture
def texts():
    """texts(response): the quote texts of a list response, in order (asserting a 200)."""
    return quote_texts
