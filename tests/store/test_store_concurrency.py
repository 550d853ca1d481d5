"""Several writers at once on a server database: nothing lost, no speaker or topic stored twice.

Eight writers (threads, each with its own connection, as eight `quotewire ingest` processes or API
workers would be) store articles that name the same people and topics at the same moment; a
unique key and an upsert, not timing, keep each person one speaker.
"""
from __future__ import annotations

import threading
from collections import Counter
from datetime import date

import pytest
from sqlalchemy import func, select
from sqlmodel import Session

from app.ingest import ingest_article
from app.store.models import Article, ArticleIn, Quote, Speaker, Topic
from conftest import person, said

WRITERS = 8
ARTICLES_PER_WRITER = 6
PEOPLE = ["Ana Ruiz", "Tomas Okafor", "Lena Varga", "Priya Nair", "Jonas Berg", "Mira Solis"]
TOPICS = ["ferry", "bridge", "budget", "harbour"]


def article_of(writer: int, number: int) -> tuple[ArticleIn, list]:
    """An invented article: three quotes by people every writer names, on topics every writer uses."""
    quotes = [said(f"Statement {k} of article {number} by writer {writer}", person(PEOPLE[(writer + number + k) % 6]),
                   topics=(TOPICS[(writer + k) % 4],), said_on=date(2024, 3, 1 + number), start=k * 80)
              for k in range(3)]
    text = f"Council notes {writer}-{number}\n\n" + " ".join(q.text for q in quotes)
    return ArticleIn(title=f"Council notes {writer}-{number}", text=text), quotes


@pytest.mark.postgres_only
def test_eight_writers_at_once_lose_nothing_and_duplicate_no_speaker(engine):
    start = threading.Barrier(WRITERS)
    shared = ArticleIn(title="Joint statement", text="Joint statement\n\nEvery writer stores this one.")
    errors: list[BaseException] = []

    def write(writer: int) -> None:
        try:
            with Session(engine) as session:
                start.wait()
                for number in range(ARTICLES_PER_WRITER):
                    article, quotes = article_of(writer, number)
                    ingest_article(session, article, extractor=lambda *args, quotes=quotes, **kwargs: quotes)
                ingest_article(session, shared, extractor=lambda *args, **kwargs: [said("Together", person("Ana Ruiz"))])
        except BaseException as error:  # noqa: BLE001 - reported by the test below
            errors.append(error)

    threads = [threading.Thread(target=write, args=(writer,)) for writer in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    with Session(engine) as session:
        assert session.scalar(select(func.count()).select_from(Article)) == WRITERS * ARTICLES_PER_WRITER + 1
        assert session.scalar(select(func.count()).select_from(Quote)) == WRITERS * ARTICLES_PER_WRITER * 3 + 1
        assert sorted(session.scalars(select(Speaker.name))) == sorted(PEOPLE)
        assert sorted(session.scalars(select(Topic.slug))) == sorted(TOPICS)
        by_speaker = Counter(session.scalars(select(Speaker.name).join(Quote, Quote.speaker_id == Speaker.id)))
    expected = Counter(PEOPLE[(w + n + k) % 6] for w in range(WRITERS) for n in range(ARTICLES_PER_WRITER)
                       for k in range(3))
    expected["Ana Ruiz"] += 1
    assert by_speaker == expected
