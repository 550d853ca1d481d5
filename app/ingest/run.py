"""One ingest batch: read the files, extract each article's quotes (in `jobs` processes), store them, sum up.

One writer stores the articles in reading order, BATCH_ARTICLES per transaction, each in a savepoint
of its own (an article that fails leaves nothing behind and the batch goes on); the extraction runs
in a pool of processes (`app.ingest.pool`) when `jobs` > 1.

Output: notes on skipped files and the failures (each with its reason) on stderr, then one summary line on
stdout, e.g. `7 articles: 4 new, 1 updated, 1 unchanged, 1 failed; 23 quotes stored`.
Exit status: 0 when every article was stored or already present, 1 when any failed or the database cannot
be opened, 2 for a path that does not exist or a file type no reader handles, 130 when interrupted (Ctrl-C).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path

import typer
from sqlalchemy import Engine
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError
from sqlmodel import Session, select

from app.extract.records import Quote as ExtractedQuote
from app.ingest.pool import Outcome
from app.ingest.readers import PathError, collect_files, read_file
from app.ingest.records import Loaded, Origin, ReadOptions, Skipped, Unreadable
from app.store.articles import SaveResult
from app.store.backends import backend_for

EXIT_OK, EXIT_FAILURES, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
SKIP_NOTES_PER_REASON = 3
# Articles per commit: a commit per article costs SQLite a WAL write and a server database a round
# trip and a log flush each; larger batches gain little and hold their locks longer.
BATCH_ARTICLES = 50


@dataclass(slots=True)
class Tally:
    """What a batch has done so far."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0
    quotes_stored: int = 0
    failures: list[Unreadable] = field(default_factory=list)
    interrupted: bool = False

    @property
    def articles(self) -> int:
        return self.new + self.updated + self.unchanged + len(self.failures)

    def count(self, status: str, quote_count: int) -> None:
        setattr(self, status, getattr(self, status) + 1)
        if status != "unchanged":
            self.quotes_stored += quote_count

    def summary(self) -> str:
        noun = "article" if self.articles == 1 else "articles"
        return (
            f"{self.articles} {noun}: {self.new} new, {self.updated} updated, {self.unchanged} unchanged, "
            f"{len(self.failures)} failed; {self.quotes_stored} quotes stored"
        )


def run_ingest(
    paths: Iterable[Path],
    *,
    published: date | None = None,
    source: str | None = None,
    title_first_line: bool = True,
    if_empty: bool = False,
    jobs: int = 1,
) -> int:
    """Ingest files and folders into the configured database (extracting in `jobs` processes); the exit status."""
    from app.config import get_settings
    from app.store.engine import get_engine
    from app.store.migrate import upgrade_database

    try:
        files, skipped = collect_files(paths)
    except PathError as exc:
        typer.echo(f"error: {exc}", err=True)
        return EXIT_USAGE
    try:
        upgrade_database()
        engine = get_engine()
        already_filled = if_empty and database_has_articles(engine)
    except Exception as exc:  # noqa: BLE001 - an unusable database ends the run with one clear line
        typer.echo(f"error: {database_error(get_settings().database_url, exc)}", err=True)
        return EXIT_FAILURES
    if already_filled:
        typer.echo("the database already holds articles: nothing ingested (--if-empty)")
        return EXIT_OK
    options = ReadOptions(
        published=published,
        source=source,
        title_first_line=title_first_line,
        max_article_chars=get_settings().max_article_chars,
    )
    report_skipped(skipped)
    tally = ingest_files(engine, files, options, jobs=jobs)
    if (tally.new or tally.updated) and not tally.interrupted:
        compact_fulltext(engine)
    for failure in tally.failures:
        typer.echo(f"failed: {failure.origin}: {failure.reason}", err=True)
    if tally.interrupted:
        typer.echo("interrupted: the article being saved was rolled back; the ones before it are stored", err=True)
    typer.echo(tally.summary())
    if tally.interrupted:
        return EXIT_INTERRUPTED
    return EXIT_FAILURES if tally.failures else EXIT_OK


def ingest_files(engine: Engine, files: list[Path], options: ReadOptions, *, jobs: int = 1) -> Tally:
    """Store every article of `files`; one failing article never stops the batch, Ctrl-C stops it cleanly
    (the articles before the one being saved are kept)."""
    from app.ingest.pool import extraction

    tally = Tally()
    with progress_bar(len(files)) as advance, Session(engine) as session, extraction(jobs) as extract:
        writer = BatchWriter(session, tally)
        try:
            for item, outcome in extract(writer.new_articles(files, options, advance)):
                writer.store(item, outcome)
        except KeyboardInterrupt:
            tally.interrupted = True
        writer.commit()
    return tally


@dataclass(slots=True)
class BatchWriter:
    """The one writer of a batch: stores extracted articles in reading order, BATCH_ARTICLES per commit.

    When an article fails (or Ctrl-C comes) the open transaction is rolled back, the articles added to
    it before are stored again one by one, each in its own transaction, and the failure is recorded.
    """

    session: Session
    tally: Tally
    uncommitted: list[tuple[Loaded, list[ExtractedQuote], SaveResult]] = field(default_factory=list)

    def new_articles(
        self, files: list[Path], options: ReadOptions, advance: Callable[[Tally], None]
    ) -> Iterator[Loaded]:
        """The articles of `files` not stored yet (stored ones are counted as unchanged, never extracted);
        unreadable records are counted as failures."""
        from app.store.articles import stored_copy

        for path in files:
            try:
                for item in read_file(path, options):
                    if not isinstance(item, Loaded):
                        self.tally.failures.append(item)
                    elif (stored := stored_copy(self.session, item.article)) is not None:
                        self.tally.count(stored.status, stored.quote_count)
                    else:
                        yield item
            except Exception as exc:  # noqa: BLE001 - a file no reader foresaw fails alone; the batch goes on
                self.tally.failures.append(Unreadable(Origin(path), f"cannot read: {describe_error(exc)}"))
            advance(self.tally)

    def store(self, item: Loaded, outcome: Outcome) -> None:
        """Add one article to the open transaction; a failure is recorded, and nothing of it is kept."""
        from app.store.articles import add_article

        if isinstance(outcome, Exception):
            self.tally.failures.append(Unreadable(item.origin, f"not stored: {describe_error(outcome)}"))
            return
        try:
            result = add_article(self.session, item.article, outcome)
        except BaseException as error:
            self.session.rollback()
            self.store_one_by_one([(done, quotes) for done, quotes, _ in self.uncommitted])
            self.uncommitted.clear()
            if not isinstance(error, Exception):
                raise  # Ctrl-C: the articles before this one are stored
            if isinstance(error, DBAPIError) and self.transient(error):
                self.store_one_by_one([(item, outcome)])  # a concurrent writer got in the way: alone, retried
            else:
                self.tally.failures.append(Unreadable(item.origin, f"not stored: {describe_error(error)}"))
            return
        self.uncommitted.append((item, outcome, result))
        if len(self.uncommitted) >= BATCH_ARTICLES:
            self.commit()

    def commit(self) -> None:
        """Commit the articles added since the last commit and count them (one by one if the commit fails)."""
        try:
            self.session.commit()
        except Exception:  # noqa: BLE001 - each article is tried again alone and fails or succeeds alone
            self.session.rollback()
            self.store_one_by_one([(done, quotes) for done, quotes, _ in self.uncommitted])
        else:
            for _, _, result in self.uncommitted:
                self.tally.count(result.status, result.quote_count)
        self.uncommitted.clear()

    def store_one_by_one(self, articles: list[tuple[Loaded, list[ExtractedQuote]]]) -> None:
        from app.ingest.write import retry_when_busy
        from app.store.articles import save_article

        dialect = self.session.get_bind().dialect.name
        for item, quotes in articles:
            try:
                # commits; retries unique-key races, and here also a database busy with other writers
                result = retry_when_busy(dialect, partial(save_article, self.session, item.article, quotes))
            except Exception as exc:  # noqa: BLE001 - any error fails this article only; the batch goes on
                self.tally.failures.append(Unreadable(item.origin, f"not stored: {describe_error(exc)}"))
            else:
                self.tally.count(result.status, result.quote_count)

    def transient(self, error: DBAPIError) -> bool:
        backend = backend_for(self.session.get_bind().dialect.name)
        return backend.is_transient(error) or backend.is_busy(error)


def compact_fulltext(engine: Engine) -> None:
    """Merge the full-text index after a batch (searches get faster); other writers may keep it waiting,
    and when it cannot be done the articles stay stored and searchable: a warning, not a failure."""
    from app.ingest.write import retry_when_busy

    def compact() -> None:
        with engine.connect() as connection:
            backend_for(engine.dialect.name).compact_fulltext(connection)

    try:
        retry_when_busy(engine.dialect.name, compact)
    except Exception as exc:  # noqa: BLE001 - the batch is stored; only its index is left unmerged
        typer.echo(f"warning: the full-text index was not compacted: {describe_error(exc)}", err=True)


def database_error(url: str, exc: Exception) -> str:
    """One line on a database that cannot be opened, naming it without its password (or not at all, when
    the setting is not a database URL: it could be a password pasted in the wrong place)."""
    try:
        shown = make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        example = "sqlite:///./data/quotewire.db"
        return f"QUOTEWIRE_DATABASE_URL is not a database URL such as {example}: {describe_error(exc)}"
    return f"cannot open the database {shown}: {describe_error(exc)}"


def database_has_articles(engine: Engine) -> bool:
    from app.store.models import Article

    with Session(engine) as session:
        return session.exec(select(Article.id).limit(1)).first() is not None


def report_skipped(skipped: list[Skipped]) -> None:
    """A note per skipped file, up to a few per reason, then how many more were skipped for it."""
    by_reason: dict[str, list[Path]] = {}
    for note in skipped:
        by_reason.setdefault(note.reason, []).append(note.path)
    for reason, paths in by_reason.items():
        for path in paths[:SKIP_NOTES_PER_REASON]:
            typer.echo(f"skipped: {path}: {reason}", err=True)
        if len(paths) > SKIP_NOTES_PER_REASON:
            typer.echo(f"skipped: {len(paths) - SKIP_NOTES_PER_REASON} more files: {reason}", err=True)


def describe_error(exc: Exception) -> str:
    message = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {message}" if message else type(exc).__name__


@contextmanager
def progress_bar(total_files: int) -> Iterator:
    """A rich progress bar over files on a terminal (stderr); elsewhere a silent no-op."""
    if not sys.stderr.isatty():
        yield lambda tally: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (
        TextColumn("ingesting"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("files"),
        TextColumn("{task.fields[counts]}"),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("ingest", total=total_files, counts="")

        def advance(tally: Tally) -> None:
            progress.update(task, advance=1, counts=f"{tally.articles} articles, {len(tally.failures)} failed")

        yield advance
