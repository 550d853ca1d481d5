"""One write path: POST /articles and `quotewire ingest` both store what ingest_article's extractor finds."""
from __future__ import annotations

from pathlib import Path

import pytest

import app.ingest.write
from app.config import get_settings
from app.ingest import run_ingest
from tests.api.conftest import WRITE_HEADERS, person, said


@pytest.fixture
def fake_extractor(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every article extracted goes through here; returns the texts it was given."""
    seen: list[str] = []

    def extract(text: str, **_: object):
        seen.append(text)
        return [said("The night ferry stays", person("Ines Varga"), start=1)]

    monkeypatch.setattr(app.ingest.write, "configured_extractor", extract)
    return seen


def test_post_and_the_cli_store_through_the_same_extractor(client, db_url, tmp_path: Path, fake_extractor,
                                                           monkeypatch: pytest.MonkeyPatch, texts):
    posted = client.post("/articles", json={"text": "Ferry news from the pier.", "source": "Pier Post"},
                         headers=WRITE_HEADERS)
    assert posted.status_code == 201, posted.text
    (tmp_path / "ferry.txt").write_text("Ferry timetable\n\nThe ferry timetable stays as it is.\n", encoding="utf-8")
    monkeypatch.setenv("QUOTEWIRE_DATABASE_URL", db_url)
    get_settings.cache_clear()
    assert run_ingest([tmp_path / "ferry.txt"], source="Night Desk") == 0
    get_settings.cache_clear()
    assert fake_extractor == ["Ferry news from the pier.", "The ferry timetable stays as it is."]
    assert texts(client.get("/quotes", params={"speaker": "Ines Varga"})) == ["The night ferry stays"] * 2
