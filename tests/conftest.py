"""Shared fixtures: every test that touches the database gets its own, built by the migrations.

    db_url   URL of a fresh SQLite file in tmp_path, migrated to head (a copy of one database
             migrated once per test session, so each test pays a file copy, not a migration)
    engine   an engine on db_url with the store's pragmas (foreign keys, WAL, busy timeout); disposed after
    session  a SQLModel Session on that engine; closed after
"""
from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlmodel import Session

from app.store.engine import create_engine_for
from app.store.migrate import upgrade_database


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "quotewire.db"
    upgrade_database(sqlite_url(path))
    engine = create_engine_for(sqlite_url(path))
    with engine.connect() as connection:  # fold the WAL into the main file, so copying it is enough
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    return path


@pytest.fixture
def db_url(migrated_template: Path, tmp_path: Path) -> str:
    path = tmp_path / "quotewire.db"
    shutil.copyfile(migrated_template, path)
    return sqlite_url(path)


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    engine = create_engine_for(db_url)
    yield engine
    engine.dispose()


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    with Session(engine) as session:
        yield session
