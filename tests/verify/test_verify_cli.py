"""`quotewire verify TEXT`: the verdict and candidates as JSON, exit 1 when nothing close is stored."""
from __future__ import annotations

import json

import pytest
from sqlmodel import Session
from typer.testing import CliRunner

from app.cli import app as cli
from app.config import get_settings
from app.ingest import ingest_article
from app.store.engine import create_engine_for
from app.store.models import ArticleIn

ARTICLE = ('"Every classroom in the district will have a working heater by November," '
           "superintendent Odile Varga said on Thursday.")


@pytest.fixture
def stored(db_url, monkeypatch):
    monkeypatch.setenv("QUOTEWIRE_DATABASE_URL", db_url)
    get_settings.cache_clear()
    engine = create_engine_for(db_url)
    with Session(engine) as session:
        ingest_article(session, ArticleIn(title="Heaters", text=ARTICLE, source="Valley Post", published="2025-10-02"))
    engine.dispose()
    yield
    get_settings.cache_clear()


def test_verify_prints_the_verdict_and_the_record(stored):
    result = CliRunner().invoke(cli, ["verify", "every classroom will have a working heater by November",
                                      "--speaker", "Varga"])
    assert result.exit_code == 0, result.output
    body = json.loads(result.output)
    assert body["verdict"] == "reworded"
    assert body["candidates"][0]["speaker"]["name"] == "Odile Varga"
    assert body["candidates"][0]["article"]["source"] == "Valley Post"


def test_verify_exits_1_when_not_found(stored):
    result = CliRunner().invoke(cli, ["verify", "The swimming pool will close for the whole of next summer"])
    assert result.exit_code == 1
    assert json.loads(result.output)["verdict"] == "not_found"


def test_verify_rejects_a_malformed_date(stored):
    result = CliRunner().invoke(cli, ["verify", "anything at all", "--said-around", "last week"])
    assert result.exit_code == 2 and "said_around" in result.output
