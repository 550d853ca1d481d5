"""The schema the migrations build: every table, no drift from the models, pragmas on every connection."""
from __future__ import annotations

from datetime import date

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from app.store.engine import create_engine_for
from app.store.migrate import alembic_config, include_in_autogenerate, schema_is_current, upgrade_database
from app.store.models import metadata
from app.store.backends import backend_for


def test_migrations_create_every_table_and_the_fulltext_index(engine):
    inspector = inspect(engine)
    tables = set(inspector.get_table_names())
    assert {"articles", "speakers", "speaker_aliases", "quotes", "topics", "quote_topics"} <= tables
    if engine.dialect.name == "sqlite":
        assert "quotes_fts" in tables
    else:
        assert "search_vector" in {column["name"] for column in inspector.get_columns("quotes")}
        assert "ix_quotes_search_vector" in {index["name"] for index in inspector.get_indexes("quotes")}


def test_autogenerate_finds_no_drift_between_models_and_migrations(engine):
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"include_object": include_in_autogenerate, "compare_type": True}
        )
        assert compare_metadata(context, metadata) == []


def test_every_api_filter_has_an_index(engine):
    inspector = inspect(engine)
    indexed = {(table, tuple(index["column_names"])) for table in ("quotes", "quote_topics", "speaker_aliases",
                                                                  "speakers", "articles")
               for index in inspector.get_indexes(table)}
    assert ("quotes", ("speaker_id", "said_on", "id")) in indexed
    assert ("quotes", ("said_on", "id")) in indexed
    assert ("quotes", ("article_id", "start")) in indexed
    assert ("quotes", ("kind", "said_on", "id")) in indexed
    assert ("quote_topics", ("topic_id", "said_on", "quote_id")) in indexed
    assert ("speaker_aliases", ("key", "speaker_id")) in indexed
    assert ("speakers", ("surname_key",)) in indexed
    assert ("articles", ("source_key",)) in indexed


@pytest.mark.sqlite_only
def test_pragmas_are_set_on_every_connection(engine):
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000


def test_schema_is_current_only_after_upgrade(tmp_path):
    url = f"sqlite:///{tmp_path / 'sub' / 'fresh.db'}"  # the missing folder is created
    engine = create_engine_for(url)
    try:
        assert not schema_is_current(engine)
        upgrade_database(url)
        upgrade_database(url)  # a second upgrade is a no-op
        assert schema_is_current(engine)
    finally:
        engine.dispose()


def test_quotes_stored_before_the_date_ordered_index_are_found_after_upgrade_and_downgrade(tmp_path):
    url = f"sqlite:///{tmp_path / 'older.db'}"
    engine = create_engine_for(url)
    config = alembic_config(url)
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "0002")
            connection.exec_driver_sql("INSERT INTO articles (id, title, text, content_hash, ingested_at) "
                                       "VALUES (1, 'Pier works', 'body', 'hash', '2024-03-01 00:00:00')")
            for quote_id, said_on in ((1, "2024-03-01"), (2, None), (3, "2024-02-27")):
                connection.exec_driver_sql(
                    "INSERT INTO quotes (id, article_id, text, start, \"end\", context, kind, said_on, sieve, "
                    "confidence) VALUES (?, 1, 'The pier reopens soon', 0, 10, 'ctx', 'full', ?, 'test', 0.9)",
                    (quote_id, said_on))
        upgrade_database(url)
        match = backend_for("sqlite").fulltext("pier")
        with engine.connect() as connection:
            newest = match.date_ordered.keys(connection, 10, descending=True, after=None,
                                             first_day=None, last_day=None)
            assert newest == [(1, date(2024, 3, 1)), (3, date(2024, 2, 27)), (2, None)]
            assert sorted(connection.execute(match.ids).scalars()) == [1, 2, 3]
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, "0002")
        with engine.connect() as connection:
            found = connection.exec_driver_sql("SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH 'pier'")
            assert sorted(found.scalars()) == [1, 2, 3]
    finally:
        engine.dispose()


def test_sources_stored_before_the_folded_key_are_found_by_it_after_upgrade(tmp_path):
    url = f"sqlite:///{tmp_path / 'older.db'}"
    engine = create_engine_for(url)
    config = alembic_config(url)
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "0005")
            connection.exec_driver_sql("INSERT INTO articles (id, title, source, text, content_hash, ingested_at) "
                                       "VALUES (1, 'Lake ferry', 'ÉCHO Zürich', 'body', 'h1', '2024-03-01 00:00:00'), "
                                       "(2, 'No source', NULL, 'body', 'h2', '2024-03-01 00:00:00')")
        upgrade_database(url)
        with engine.connect() as connection:
            keys = connection.exec_driver_sql("SELECT id, source_key FROM articles ORDER BY id").all()
        assert keys == [(1, "echo zurich"), (2, None)]
    finally:
        engine.dispose()


def test_db_upgrade_on_a_setting_that_is_not_a_database_url_is_one_line_and_exit_one():
    from typer.testing import CliRunner

    from app.cli import app
    from app.config import get_settings

    get_settings.cache_clear()
    try:
        result = CliRunner().invoke(app, ["db", "upgrade"], env={"QUOTEWIRE_DATABASE_URL": "nonsense"})
    finally:
        get_settings.cache_clear()
    assert result.exit_code == 1
    assert result.stderr.startswith("error: QUOTEWIRE_DATABASE_URL is not a database URL") and result.stderr.count("\n") == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
