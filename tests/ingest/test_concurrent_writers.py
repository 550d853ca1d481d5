"""Several writers at once: `quotewire ingest` processes started together on a fresh database all store
their articles (the migrations run once, under the database's write lock), and a write that finds
the database busy is tried again instead of failing its article. The towns and people are invented.
"""
from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func
from sqlalchemy.exc import OperationalError
from sqlmodel import Session, select

from app.ingest import write
from app.ingest.write import ingest_article, retry_when_busy
from app.store import sqlite as sqlite_backend
from app.store.engine import create_engine_for
from app.store.models import Article, ArticleIn, Speaker

QUOTEWIRE = [sys.executable, "-c", "from app.cli import main; main()"]
PROCESSES = 8
ARTICLES_EACH = 3
TOWNS = ["Carrow", "Lindquay", "Morvale", "Ashbeck", "Tolland", "Brennick", "Seaholm", "Dunmere"]
TRADERS = ["Pella Drusk", "Corin Vale", "Anouk Brisby", "Teodor Renn", "Ilse Marrow", "Jonah Tarquil",
           "Wren Osgood", "Halla Fenwick"]
EVERYONE_QUOTES = "Oriel Vantag"  # quoted in every article, so every process looks this speaker up at once


def article_text(town: str, trader: str, number: int) -> str:
    return (
        f"Harbour levy talks resume in {town}, round {number}\n\n"
        f'"We will keep the ferries running through the winter," {EVERYONE_QUOTES} said on Tuesday.\n\n'
        f'"The levy must fall before spring," said {trader}, who chairs the {town} traders group.\n'
    )


def test_eight_ingest_processes_on_a_fresh_database_store_every_article_once(tmp_path: Path) -> None:
    folders = []
    for town, trader in zip(TOWNS, TRADERS):
        folder = tmp_path / town
        folder.mkdir()
        for number in range(1, ARTICLES_EACH + 1):
            (folder / f"round-{number}.txt").write_text(article_text(town, trader, number), encoding="utf-8")
        folders.append(folder)
    url = f"sqlite:///{tmp_path / 'fresh' / 'quotewire.db'}"  # no file yet: every process finds it unmigrated
    env = {**os.environ, "QUOTEWIRE_DATABASE_URL": url}
    processes = [
        subprocess.Popen([*QUOTEWIRE, "ingest", str(folder)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         text=True)
        for folder in folders
    ]
    outcomes = [(process.wait(timeout=600), *process.communicate()) for process in processes]

    for status, out, err in outcomes:
        assert (status, err) == (0, ""), out + err
        assert out.startswith(f"{ARTICLES_EACH} articles: {ARTICLES_EACH} new, 0 updated, 0 unchanged, 0 failed;")
    engine = create_engine_for(url)
    try:
        with Session(engine) as session:
            assert session.exec(select(func.count()).select_from(Article)).one() == PROCESSES * ARTICLES_EACH
            names = list(session.exec(select(Speaker.name)).all())
    finally:
        engine.dispose()
    assert sorted(names) == sorted([EVERYONE_QUOTES, *TRADERS])  # each person once: no duplicate speakers


@pytest.fixture
def impatient_engine(db_url: str, monkeypatch: pytest.MonkeyPatch):
    """An engine whose connections give up waiting for the write lock after 50 ms."""
    monkeypatch.setattr(sqlite_backend, "BUSY_TIMEOUT_MS", 50)
    engine = create_engine_for(db_url)
    yield engine
    engine.dispose()


@pytest.mark.sqlite_only  # SQLite's one write lock; PostgreSQL queues writers on row locks
def test_a_write_that_finds_the_database_busy_is_tried_again(impatient_engine, db_url, monkeypatch) -> None:
    other_writer = sqlite3.connect(db_url.removeprefix("sqlite:///"), isolation_level=None)
    other_writer.execute("BEGIN IMMEDIATE")  # holds the write lock while the article is saved
    pauses: list[int] = []

    def other_writer_commits(attempt: int) -> None:
        pauses.append(attempt)
        if other_writer.in_transaction:
            other_writer.execute("COMMIT")

    monkeypatch.setattr(write, "pause_before_retry", other_writer_commits)
    article = ArticleIn(title="Quay works run late", text='"We are behind by a month," the harbour master said.')
    try:
        with Session(impatient_engine) as session:
            result = ingest_article(session, article, extractor=lambda *args, **kwargs: [])
    finally:
        other_writer.close()
    assert result.status == "new"
    assert pauses == [1]  # failed once on the lock, stored on the second attempt
    with Session(impatient_engine) as session:
        assert session.exec(select(Article.title)).all() == ["Quay works run late"]


def test_an_error_other_than_busy_is_not_tried_again() -> None:
    attempts = []

    def broken_write() -> None:
        attempts.append(1)
        raise OperationalError("INSERT ...", {}, sqlite3.OperationalError("disk I/O error"))

    with pytest.raises(OperationalError):
        retry_when_busy("sqlite", broken_write)
    assert len(attempts) == 1
