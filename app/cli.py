"""The `quotewire` command line: extract, eval, ingest, verify, serve and db upgrade."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Annotated, NoReturn

import typer

app = typer.Typer(help="Quotewire: who said what, when, in news articles.", no_args_is_help=True, add_completion=False)
db_app = typer.Typer(help="Database maintenance.", no_args_is_help=True)
app.add_typer(db_app, name="db")


def print_version(asked: bool) -> None:
    if asked:
        from app import __version__

        typer.echo(f"quotewire {__version__}")
        raise typer.Exit()


@app.callback()
def options(
    version: Annotated[
        bool, typer.Option("--version", callback=print_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Quotewire: who said what, when, in news articles."""


def fail(message: str, code: int = 2) -> NoReturn:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


HTML_SUFFIXES = (".html", ".htm")


def read_article(source: str) -> tuple[str, str | None, date | None]:
    """The text, title and publication day of FILE (or stdin for '-'): a web page (.html) is read for its
    article text, not its markup; other text as UTF-8, else Windows-1252. Exits with a clear message."""
    from app.ingest.html import article_from_html, decode_html
    from app.ingest.readers import decode_text
    from app.ingest.records import RecordError

    try:
        raw = sys.stdin.buffer.read() if source == "-" else Path(source).read_bytes()
    except OSError as exc:
        fail(f"cannot read {source}: {exc.strerror or exc}")
    try:
        if source.lower().endswith(HTML_SUFFIXES):
            page = article_from_html(decode_html(raw))
            return page.text, page.title, page.published
        return decode_text(raw), None, None
    except RecordError as exc:
        fail(f"{source}: {exc}")


def parse_published(value: str | None) -> date | None:
    """The --published option as a date; exits with a clear message when it is not YYYY-MM-DD."""
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        fail(f"--published must be YYYY-MM-DD, got {value!r}")


@app.command()
def extract(
    file: Annotated[str, typer.Argument(help="Article text file, or - for standard input.")],
    published: Annotated[str | None, typer.Option(help="Publication date, YYYY-MM-DD.")] = None,
    title: Annotated[str | None, typer.Option(help="Headline, when it is not part of the text.")] = None,
) -> None:
    """Print the quotes of one article as JSON: {"quotes": [...]}."""
    from app.config import get_settings
    from app.extract import extract_quotes, quote_to_dict
    from app.store.taxonomy import get_taxonomy

    published_on = parse_published(published)
    text, page_title, page_published = read_article(file)
    title, published_on = title or page_title, published_on or page_published
    limit = get_settings().max_article_chars
    if len(text) > limit:
        fail(f"{file} has {len(text):,} characters, over the limit of {limit:,} (QUOTEWIRE_MAX_ARTICLE_CHARS)")
    quotes = extract_quotes(text, title=title, published=published_on, taxonomy=get_taxonomy())
    json.dump({"quotes": [quote_to_dict(q) for q in quotes]}, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


@app.command("eval")
def evaluate(
    folders: Annotated[
        list[Path],
        typer.Argument(
            help="Folder of NAME.txt articles with NAME.gold.json annotations (with --corpus, one or more)."
        ),
    ],
    corpus: Annotated[
        bool,
        typer.Option(
            "--corpus",
            help="Store every article of the folders in one scratch "
            "database and measure speaker identity across them: "
            "speaker= precision and recall, split people.",
        ),
    ] = False,
    errors: Annotated[
        bool, typer.Option("--errors/--no-errors", help="List each error (with --corpus: each person).")
    ] = True,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
    min_e2e_f1: Annotated[float | None, typer.Option(help="Exit 1 when end-to-end F1 is below this.")] = None,
    min_span_f1: Annotated[float | None, typer.Option(help="Exit 1 when span F1 is below this.")] = None,
    min_speaker_acc: Annotated[float | None, typer.Option(help="Exit 1 when speaker accuracy is below this.")] = None,
    min_precision: Annotated[
        float | None, typer.Option(help="With --corpus: exit 1 when speaker= precision is below this.")
    ] = None,
    min_recall: Annotated[
        float | None, typer.Option(help="With --corpus: exit 1 when speaker= recall is below this.")
    ] = None,
    min_subjects_f1: Annotated[float | None, typer.Option(help="Exit 1 when subjects F1 is below this.")] = None,
    min_topic_precision: Annotated[
        float | None, typer.Option(help="With --corpus: exit 1 when topic= precision is below this.")
    ] = None,
    min_topic_recall: Annotated[
        float | None, typer.Option(help="With --corpus: exit 1 when topic= recall is below this.")
    ] = None,
) -> None:
    """Score the extractor against annotated articles: span P/R/F1, speaker accuracy, end-to-end F1;
    with --corpus, speaker identity across the whole archive."""
    if corpus:
        from app.corpus_eval import run_corpus_eval

        raise typer.Exit(
            run_corpus_eval(
                folders,
                show_rows=errors,
                as_json=as_json,
                min_precision=min_precision,
                min_recall=min_recall,
                min_topic_precision=min_topic_precision,
                min_topic_recall=min_topic_recall,
            )
        )
    if len(folders) != 1:
        fail("give one folder (or several with --corpus)")
    from app.evaluation import run_eval

    code = run_eval(
        folders[0],
        show_errors=errors,
        as_json=as_json,
        min_e2e_f1=min_e2e_f1,
        min_span_f1=min_span_f1,
        min_speaker_acc=min_speaker_acc,
        min_subjects_f1=min_subjects_f1,
    )
    raise typer.Exit(code)


@app.command()
def ingest(
    paths: Annotated[
        list[Path], typer.Argument(help="Files (.txt, .html, .json, .jsonl) or folders, read recursively.")
    ],
    published: Annotated[
        str | None,
        typer.Option(help="Publication date, YYYY-MM-DD, of plain-text articles and of records that give none."),
    ] = None,
    source: Annotated[
        str | None, typer.Option(help="Source (publisher) of plain-text articles and of records that give none.")
    ] = None,
    no_title: Annotated[
        bool, typer.Option("--no-title", help="The first line of a .txt file is text, not the title.")
    ] = False,
    if_empty: Annotated[
        bool, typer.Option("--if-empty", help="Do nothing when the database already holds articles.")
    ] = False,
    jobs: Annotated[
        int, typer.Option(min=1, help="Processes extracting quotes (one per CPU core is fastest); one process writes.")
    ] = 1,
) -> None:
    """Extract and store the quotes of articles; prints a summary and exits non-zero if any article failed."""
    from app.ingest import run_ingest

    published_on = parse_published(published)
    raise typer.Exit(
        run_ingest(
            paths, published=published_on, source=source, title_first_line=not no_title, if_empty=if_empty, jobs=jobs
        )
    )


@app.command()
def verify(
    text: Annotated[
        str, typer.Argument(help="The words as claimed (quotation marks, case and punctuation do not matter).")
    ],
    speaker: Annotated[str | None, typer.Option(help="Who is said to have said them.")] = None,
    said_around: Annotated[
        str | None, typer.Option(help="About when, YYYY-MM-DD: the nearest record first among equals.")
    ] = None,
) -> None:
    """Did they really say that? Print the verdict (verbatim, reworded, other_speaker, not_found) and the
    closest stored quotes as JSON, as POST /verify answers; exit 1 when not_found."""
    from pydantic import ValidationError
    from sqlmodel import Session

    from app.store.engine import get_engine
    from app.verify.lookup import verify_claim
    from app.verify.records import ClaimIn

    try:
        claim = ClaimIn.model_validate({"text": text, "speaker": speaker, "said_around": said_around})
    except ValidationError as exc:
        fail("; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()))
    with Session(get_engine()) as session:
        result = verify_claim(session, claim)
    sys.stdout.write(result.model_dump_json(indent=1) + "\n")
    raise typer.Exit(1 if result.verdict == "not_found" else 0)


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    workers: Annotated[
        int,
        typer.Option(
            min=1,
            envvar="QUOTEWIRE_WORKERS",
            help="Server processes; one per CPU core serves the most clients. On Linux "
            "each listens on its own socket, so connections spread evenly.",
        ),
    ] = 1,
    access_log: Annotated[bool, typer.Option("--access-log/--no-access-log", help="Log every request.")] = True,
) -> None:
    """Run the HTTP API (migrate the database first with `quotewire db upgrade`)."""
    from app.serving import serve as run_server

    run_server(host, port, workers, access_log=access_log)


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Apply every pending migration to the configured database."""
    from app.config import get_settings
    from app.ingest.run import database_error
    from app.store.migrate import upgrade_database

    try:
        upgrade_database()
    except Exception as exc:  # noqa: BLE001 - a database that cannot be opened or migrated: one line, no traceback
        fail(database_error(get_settings().database_url, exc), code=1)
    typer.echo("database at head")


def main() -> None:
    app()
