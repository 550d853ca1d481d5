"""`quotewire ingest` as a user runs it: options, the summary on stdout, failures on stderr, exit status."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlmodel import Session, select
from typer.testing import CliRunner

from app.cli import app
from app.config import get_settings
from app.store.models import Article

LIBRARY = Path(__file__).resolve().parents[1] / "fixtures" / "ingest" / "library"


@pytest.fixture
def quotewire(db_url: str) -> Iterator:
    """Runs `quotewire ARGS...` against this test's database."""
    runner = CliRunner()

    def invoke(*args: str):
        get_settings.cache_clear()
        try:
            return runner.invoke(app, [str(arg) for arg in args], env={"QUOTEWIRE_DATABASE_URL": db_url})
        finally:
            get_settings.cache_clear()

    yield invoke


def test_ingest_prints_the_summary_and_exits_zero(quotewire, engine):
    result = quotewire("ingest", LIBRARY)
    assert result.exit_code == 0, result.output
    assert result.stdout.strip().startswith("6 articles: 6 new, 0 updated, 0 unchanged, 0 failed;")
    assert "skipped:" in result.stderr


def test_published_and_source_apply_to_plain_text(quotewire, engine):
    result = quotewire("ingest", "--published", "2024-02-07", "--source", "Night Desk", "--no-title",
                       LIBRARY / "council-vote.txt")
    assert result.exit_code == 0, result.output
    with Session(engine) as session:
        article = session.exec(select(Article)).one()
    assert (article.title, str(article.published_at), article.source) == (None, "2024-02-07", "Night Desk")
    assert article.text.startswith("Council approves new night bus routes")


def test_a_failed_article_is_listed_and_the_exit_status_is_one(quotewire, tmp_path):
    broken = tmp_path / "broken.txt"
    broken.write_bytes(b"Headline\n\n\x81\x8d not text")
    result = quotewire("ingest", LIBRARY / "council-vote.txt", broken)
    assert result.exit_code == 1
    assert f"failed: {broken}: not UTF-8 (invalid byte 0x81 at line 3, column 1) nor Windows-1252" in result.stderr
    assert result.stdout.strip().startswith("2 articles: 1 new, 0 updated, 0 unchanged, 1 failed; ")


@pytest.mark.parametrize("args", [["ingest", "no/such/folder"], ["ingest", "--published", "Feb 7", str(LIBRARY)]])
def test_usage_errors_exit_two(quotewire, args):
    result = quotewire(*args)
    assert result.exit_code == 2
    assert "error:" in result.stderr
