"""Store-test helpers: build extractor records by hand and save articles with a fixed extractor.

The store tests do not depend on the extractor's accuracy: each test says which quotes the
"extractor" finds, and checks what the store does with them.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from sqlmodel import Session

from app.extract.records import Quote as ExtractedQuote
from app.extract.records import Speaker as ExtractedSpeaker
from app.extract.records import SubjectScore
from app.store.models import ArticleIn
from app.ingest import ingest_article
from app.store.articles import SaveResult

BRIDGE_ARTICLE = (
    "Harbour bridge to reopen in May\n\n"
    '"We are on schedule and the bridge will reopen in May," Mayor Ana Ruiz said on Tuesday.\n'
    'Ruiz added: "The crews have worked through the winter."\n'
)


def person(name: str | None, mention: str | None = None, title: str | None = None) -> ExtractedSpeaker:
    kind = "person" if name else "anonymous"
    return ExtractedSpeaker(name=name, kind=kind, mention=mention or name, title=title)


def said(text: str, speaker: ExtractedSpeaker | None = None, *, topics: tuple[str, ...] = (),
         said_on: date | None = None, start: int = 0, subjects: tuple[SubjectScore, ...] = (),
         subject_details: tuple[SubjectScore, ...] = ()) -> ExtractedQuote:
    return ExtractedQuote(text=text, start=start, end=start + len(text), context=f'"{text}," someone said.',
                          kind="full", speaker=speaker, cue="said", said_on=said_on, topics=topics,
                          subjects=subjects, subject_details=subject_details, sieve="test", confidence=0.9)


Save = Callable[..., SaveResult]


@pytest.fixture
def save(session: Session) -> Save:
    """save(quotes, text=..., url=..., title=..., published=...): ingest_article with an extractor finding `quotes`."""

    def save_with(quotes: list[ExtractedQuote], *, text: str = BRIDGE_ARTICLE, url: str | None = None,
                  title: str | None = "Harbour bridge to reopen in May", published: date | None = None,
                  source: str | None = "Harbour Herald") -> SaveResult:
        article = ArticleIn(title=title, text=text, url=url, published=published, source=source)
        return ingest_article(session, article, extractor=lambda *args, **kwargs: list(quotes))

    return save_with
