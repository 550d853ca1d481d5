"""run_ingest: batches into a migrated database, re-ingest, replacement by URL, failures and interruption."""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, delete, event, func
from sqlmodel import Session, select

from app.config import get_settings
from app.ingest import readers, run_ingest
from app.store.backends import backend_for
from app.store.engine import get_engine
from app.store.models import Article, Quote, Speaker

REPOSITORY = Path(__file__).resolve().parents[2]
LIBRARY = REPOSITORY / "tests" / "fixtures" / "ingest" / "library"
SAMPLES = REPOSITORY / "app" / "samples"
LIBRARY_TITLES = {
    "Council approves new night bus routes", "School meals to include more vegetables",
    "Museum returns carved door to village", "Library extends weekend hours", "Marathon route changes",
    "Harbor council backs second ferry line",
}


@pytest.fixture
def configured_db(db_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """QUOTEWIRE_DATABASE_URL points at this test's migrated database."""
    monkeypatch.setenv("QUOTEWIRE_DATABASE_URL", db_url)
    get_settings.cache_clear()
    yield db_url
    get_settings.cache_clear()


def ingest(capsys: pytest.CaptureFixture, *paths: Path, **options) -> tuple[int, str, str]:
    """Exit status, stdout and stderr of one run."""
    status = run_ingest(list(paths), **options)
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def summary_line(out: str) -> str:
    return out.strip().splitlines()[-1]


def titles(engine: Engine) -> set[str]:
    with Session(engine) as session:
        return set(session.exec(select(Article.title)).all())


def quote_texts(engine: Engine, url: str) -> list[str]:
    with Session(engine) as session:
        statement = select(Quote.text).join(Article, Quote.article_id == Article.id).where(Article.url == url)
        return list(session.exec(statement.order_by(Quote.start)).all())


def count(engine: Engine, table: type) -> int:
    with Session(engine) as session:
        return session.exec(select(func.count()).select_from(table)).one()


def write_jsonl(path: Path, *records: dict) -> Path:
    path.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    return path


def test_a_folder_of_every_format_is_stored_and_summed_up(configured_db, engine, capsys):
    status, out, err = ingest(capsys, LIBRARY)
    assert status == 0
    assert titles(engine) == LIBRARY_TITLES
    quotes = count(engine, Quote)
    assert quotes >= len(LIBRARY_TITLES)  # each fixture article has at least one attributed quote
    assert summary_line(out) == f"6 articles: 6 new, 0 updated, 0 unchanged, 0 failed; {quotes} quotes stored"
    assert f"skipped: {LIBRARY / 'notes.md'}: unknown extension .md" in err
    assert "failed" not in err


def test_two_extracting_processes_store_what_one_does(configured_db, engine, capsys):
    status, out, err = ingest(capsys, LIBRARY, jobs=2)
    assert status == 0
    assert titles(engine) == LIBRARY_TITLES
    with Session(engine) as session:
        by_speaker = sorted(session.exec(select(Quote.text, Speaker.name).join(Speaker)).all())
    assert summary_line(out).startswith("6 articles: 6 new, 0 updated, 0 unchanged, 0 failed;")
    get_engine(configured_db).dispose()
    for table in (Quote, Article):  # the same files again into the emptied database, with one process
        with Session(engine) as session:
            session.exec(delete(table))
            session.commit()
    assert ingest(capsys, LIBRARY, jobs=1)[0] == 0
    with Session(engine) as session:
        assert sorted(session.exec(select(Quote.text, Speaker.name).join(Speaker)).all()) == by_speaker


def test_reingesting_the_same_content_changes_nothing(configured_db, engine, capsys):
    ingest(capsys, LIBRARY)
    before = (count(engine, Article), count(engine, Quote))
    status, out, _ = ingest(capsys, LIBRARY)
    assert status == 0
    assert summary_line(out) == "6 articles: 0 new, 0 updated, 6 unchanged, 0 failed; 0 quotes stored"
    assert (count(engine, Article), count(engine, Quote)) == before


def test_the_same_url_with_new_content_replaces_the_article_and_its_quotes(configured_db, engine, capsys, tmp_path):
    url = "https://wire.example.org/budget"
    first = {"title": "Budget vote delayed", "url": url, "published": "2024-04-02",
             "text": 'The budget vote was delayed by a week.\n\n"We need more time to read it," councillor Rosa Delgado said.'}
    second = {**first, "text": 'The budget vote was delayed again.\n\n"This is the last delay, I promise," council chair Amir Haddad said.'}
    ingest(capsys, write_jsonl(tmp_path / "v1.jsonl", first))
    assert quote_texts(engine, url) == ["We need more time to read it,"]

    status, out, _ = ingest(capsys, write_jsonl(tmp_path / "v2.jsonl", second))
    assert status == 0
    assert summary_line(out).startswith("1 article: 0 new, 1 updated, 0 unchanged, 0 failed;")
    assert count(engine, Article) == 1
    assert quote_texts(engine, url) == ["This is the last delay, I promise,"]


def test_a_broken_file_fails_alone_and_the_exit_status_says_so(configured_db, engine, capsys, tmp_path):
    batch = tmp_path / "batch"
    batch.mkdir()
    (batch / "a-good.txt").write_text((LIBRARY / "council-vote.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (batch / "b-broken.json").write_text('{"title": "Half", "text": ', encoding="utf-8")
    (batch / "c-also-good.jsonl").write_text((LIBRARY / "feeds" / "wire.jsonl").read_text(encoding="utf-8"), encoding="utf-8")

    status, out, err = ingest(capsys, batch)
    assert status == 1
    assert titles(engine) == {"Council approves new night bus routes", "Library extends weekend hours", "Marathon route changes"}
    assert err == f"failed: {batch / 'b-broken.json'}: invalid JSON at 1:27: Expecting value\n"
    assert summary_line(out).startswith("4 articles: 3 new, 0 updated, 0 unchanged, 1 failed;")


class FailAfterArticleInsert:
    """Makes the database fail mid-article: the statement after the marked article's INSERT raises."""

    def __init__(self, engine: Engine, title: str, error: BaseException) -> None:
        self.engine, self.title, self.error = engine, title, error
        self.armed = False
        self.fired = False

    def __enter__(self) -> FailAfterArticleInsert:
        event.listen(self.engine, "before_cursor_execute", self.before_execute)
        return self

    def __exit__(self, *exc_info) -> None:
        event.remove(self.engine, "before_cursor_execute", self.before_execute)

    def before_execute(self, connection, cursor, statement, parameters, context, executemany) -> None:
        if self.armed and statement.lstrip().upper().startswith("INSERT"):
            self.armed, self.fired = False, True
            raise self.error
        if statement.lstrip().upper().startswith("INSERT INTO ARTICLES") and self.title in str(parameters):
            self.armed = True


def test_a_failure_mid_article_keeps_nothing_of_it_and_the_batch_goes_on(configured_db, engine, capsys):
    victim = "Museum returns carved door to village"
    with FailAfterArticleInsert(get_engine(configured_db), victim, RuntimeError("disk on fire")) as failure:
        status, out, err = ingest(capsys, LIBRARY)
    assert failure.fired
    assert status == 1
    assert titles(engine) == LIBRARY_TITLES - {victim}
    assert quote_texts(engine, "https://digest.example.net/carved-door") == []
    assert f"failed: {LIBRARY / 'feeds' / 'digest.json'} item 2: not stored: RuntimeError: disk on fire" in err
    assert summary_line(out).startswith("6 articles: 5 new, 0 updated, 0 unchanged, 1 failed;")


def test_ctrl_c_mid_article_rolls_it_back_and_keeps_the_articles_before(configured_db, engine, capsys):
    victim = "Museum returns carved door to village"  # the third article of the library, in reading order
    with FailAfterArticleInsert(get_engine(configured_db), victim, KeyboardInterrupt()) as failure:
        status, out, err = ingest(capsys, LIBRARY)
    assert failure.fired
    assert status == 130
    assert titles(engine) == {"Council approves new night bus routes", "School meals to include more vegetables"}
    assert "interrupted" in err
    assert summary_line(out).startswith("2 articles: 2 new,")


def test_if_empty_does_nothing_once_the_database_holds_articles(configured_db, engine, capsys):
    status, _, _ = ingest(capsys, LIBRARY / "council-vote.txt", if_empty=True)
    assert status == 0 and count(engine, Article) == 1

    status, out, _ = ingest(capsys, LIBRARY, if_empty=True)
    assert status == 0
    assert "nothing ingested" in out
    assert count(engine, Article) == 1


def test_a_missing_path_is_a_usage_error_and_nothing_is_stored(configured_db, engine, capsys, tmp_path):
    status, out, err = ingest(capsys, LIBRARY, tmp_path / "nowhere")
    assert status == 2
    assert f"error: {tmp_path / 'nowhere'}: no such file or folder" in err
    assert count(engine, Article) == 0


def test_a_fresh_database_is_migrated_first(tmp_path, monkeypatch, capsys):
    url = f"sqlite:///{tmp_path / 'new' / 'quotewire.db'}"
    monkeypatch.setenv("QUOTEWIRE_DATABASE_URL", url)
    get_settings.cache_clear()
    try:
        status, out, _ = ingest(capsys, LIBRARY / "council-vote.txt")
    finally:
        get_settings.cache_clear()
    assert status == 0
    assert summary_line(out).startswith("1 article: 1 new,")


def test_an_unusable_database_ends_the_run_with_one_clear_line(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("QUOTEWIRE_DATABASE_URL", f"sqlite:///{tmp_path}")  # a folder, not a database file
    get_settings.cache_clear()
    try:
        status, out, err = ingest(capsys, LIBRARY / "council-vote.txt")
    finally:
        get_settings.cache_clear()
    assert (status, out) == (1, "")
    assert err.startswith(f"error: cannot open the database sqlite:///{tmp_path}: OperationalError")


def test_the_bundled_samples_ingest_cleanly_with_quotes(configured_db, engine, capsys):
    status, out, err = ingest(capsys, SAMPLES, source="Quotewire samples", if_empty=True)
    assert (status, err) == (0, "")
    assert summary_line(out).startswith("5 articles: 5 new, 0 updated, 0 unchanged, 0 failed;")
    assert count(engine, Quote) >= 25


def test_many_files_skipped_for_one_reason_are_noted_briefly(configured_db, capsys, tmp_path):
    batch = tmp_path / "batch"
    batch.mkdir()
    (batch / "story.txt").write_text("Headline\n\nA story.", encoding="utf-8")
    for number in range(5):
        (batch / f"photo-{number}.jpg").write_bytes(b"\xff\xd8")
    status, _, err = ingest(capsys, batch)
    assert status == 0
    assert err.splitlines() == [
        f"skipped: {batch / 'photo-0.jpg'}: unknown extension .jpg",
        f"skipped: {batch / 'photo-1.jpg'}: unknown extension .jpg",
        f"skipped: {batch / 'photo-2.jpg'}: unknown extension .jpg",
        "skipped: 2 more files: unknown extension .jpg",
    ]


def test_a_batch_leaves_the_full_text_index_merged_and_searchable(configured_db, engine, capsys, tmp_path):
    records = [{"title": f"Harbor notice {n}", "text": f'"The pier {n} reopens at dawn," harbor master Ida Brandt said.'}
               for n in range(40)]
    status, _, _ = ingest(capsys, write_jsonl(tmp_path / "notices.jsonl", *records))
    assert status == 0
    with Session(engine) as session:
        backend = backend_for(engine.dialect.name)
        assert backend.fulltext_segments(session.connection()) == 1
        matches = backend.fulltext("reopen").ids
        assert len(session.exec(matches).all()) == 40


def test_json_nested_a_hundred_thousand_deep_fails_alone_with_one_line(configured_db, engine, capsys, tmp_path):
    batch = tmp_path / "batch"
    batch.mkdir()
    (batch / "a-deep.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    write_jsonl(batch / "b-deep-line.jsonl", {"title": "Kept", "text": '"We open at dawn," the warden said.'})
    with (batch / "b-deep-line.jsonl").open("a", encoding="utf-8") as feed:
        feed.write('{"text": ' + "[" * 100_000 + "]" * 100_000 + "}\n")
    (batch / "c-good.txt").write_text((LIBRARY / "council-vote.txt").read_text(encoding="utf-8"), encoding="utf-8")

    status, out, err = ingest(capsys, batch)
    assert status == 1
    assert titles(engine) == {"Kept", "Council approves new night bus routes"}
    assert err.splitlines() == [
        f"failed: {batch / 'a-deep.json'}: JSON nested too deeply to read "
        "(lists or objects inside each other thousands of levels down)",
        f"failed: {batch / 'b-deep-line.jsonl'} line 2: JSON nested too deeply to read "
        "(lists or objects inside each other thousands of levels down)",
    ]
    assert summary_line(out).startswith("4 articles: 2 new, 0 updated, 0 unchanged, 2 failed;")


def test_a_lone_surrogate_fails_its_record_with_one_line(configured_db, engine, capsys, tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"title": "Broken", "text": "Half a character \\ud800 here."}\n'
                    '{"title": "Whole", "text": "\\"We sail at noon,\\" the pilot said."}\n', encoding="utf-8")
    status, out, err = ingest(capsys, feed)
    assert status == 1
    assert titles(engine) == {"Whole"}
    assert err == (f'failed: {feed} line 1: "text": not Unicode text: it holds a lone surrogate '
                   "(in JSON, an escape such as \\ud800 without its pair)\n")


def test_a_file_no_reader_foresaw_fails_alone_and_the_batch_goes_on(configured_db, engine, capsys, tmp_path,
                                                                    monkeypatch):
    batch = tmp_path / "batch"
    batch.mkdir()
    (batch / "a-trips.txt").write_text("Trips\n\nAnything.", encoding="utf-8")
    (batch / "b-good.txt").write_text((LIBRARY / "council-vote.txt").read_text(encoding="utf-8"), encoding="utf-8")
    read_txt = readers.READERS[".txt"]

    def trips_on_a(path, options):
        if path.name.startswith("a-"):
            raise ValueError("a parser fell over")
        return read_txt(path, options)

    monkeypatch.setitem(readers.READERS, ".txt", trips_on_a)
    status, out, err = ingest(capsys, batch)
    assert status == 1
    assert titles(engine) == {"Council approves new night bus routes"}
    assert err == f"failed: {batch / 'a-trips.txt'}: cannot read: ValueError: a parser fell over\n"
    assert summary_line(out).startswith("2 articles: 1 new, 0 updated, 0 unchanged, 1 failed;")


@pytest.mark.parametrize("url", ["nonsense", "nosuchengine://editor:s3cret@localhost/news"])
def test_a_database_setting_that_cannot_be_used_ends_the_run_with_one_line(url, monkeypatch, capsys):
    monkeypatch.setenv("QUOTEWIRE_DATABASE_URL", url)
    get_settings.cache_clear()
    try:
        status, out, err = ingest(capsys, LIBRARY / "council-vote.txt")
    finally:
        get_settings.cache_clear()
    assert (status, out) == (1, "")
    assert err.startswith("error: ") and err.count("\n") == 1, err
    assert "s3cret" not in err
