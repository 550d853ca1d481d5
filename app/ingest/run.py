"""One ingest batch: read the files, store each article in its own transaction, show progress, sum up.

Output: notes on skipped files and the failures (each with its reason) on stderr, then one summary line on
stdout, e.g. `7 articles: 4 new, 1 updated, 1 unchanged, 1 failed; 23 quotes stored`.
Exit status: 0 when every article was stored or already present, 1 when any failed or the database cannot
be opened, 2 for a path that does not exist or a file type no reader handles, 130 when interrupted (Ctrl-C).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import typer
from sqlalchemy import Engine
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError
from sqlmodel import Session, select

from app.ingest.readers import PathError, collect_files, read_file
from app.ingest.records import Loaded, Origin, ReadOptions, Skipped, Unreadable
from app.store.backends import backend_for

EXIT_OK, EXIT_FAILURES, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
SKIP_NOTES_PER_REASON = 3


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
) -> int:
    """Ingest files and folders into the configured database; returns the exit status."""
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
    tally = ingest_files(engine, files, options)
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


def ingest_files(engine: Engine, files: list[Path], options: ReadOptions) -> Tally:
    """Store every article of `files`; one failing article never stops the batch, Ctrl-C stops it cleanly."""
    tally = Tally()
    with progress_bar(len(files)) as advance:
        try:
            for path in files:
                try:
                    for item in read_file(path, options):
                        if isinstance(item, Loaded):
                            store_article(engine, item, tally)
                        else:
                            tally.failures.append(item)
                except Exception as exc:  # noqa: BLE001 - a file no reader foresaw fails alone; the batch goes on
                    tally.failures.append(Unreadable(Origin(path), f"cannot read: {describe_error(exc)}"))
                advance(tally)
        except KeyboardInterrupt:
            tally.interrupted = True
    return tally


def store_article(engine: Engine, item: Loaded, tally: Tally) -> None:
    """Save one article in its own transaction; a failure is recorded, and nothing of the article is kept."""
    from app.ingest.write import ingest_article

    try:
        with Session(engine) as session:
            result = ingest_article(session, item.article)
    except Exception as exc:  # noqa: BLE001 - any error fails this article only; the batch goes on
        tally.failures.append(Unreadable(item.origin, f"not stored: {describe_error(exc)}"))
        return
    tally.count(result.status, result.quote_count)


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
