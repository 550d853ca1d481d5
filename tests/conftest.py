"""Shared fixtures: every test that touches the database gets its own, built by the migrations, on each engine.

    engine_name  "sqlite", and "postgresql" too when QUOTEWIRE_TEST_POSTGRES_URL names a PostgreSQL server
                 (a database the tests may create databases from); a test using the fixtures below runs
                 once per engine, except those marked `sqlite_only` (SQLite's own pragmas and FTS5)
    db_url   URL of a fresh database, migrated to head: on SQLite a copy of one file migrated once per
             test session, on PostgreSQL a database created from one migrated template database, so
             each test pays a copy, not a migration
    engine   an engine on db_url with the store's connection settings; disposed after
    session  a SQLModel Session on that engine; closed after
"""
from __future__ import annotations

import itertools
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine
from sqlmodel import Session

from app.store.engine import create_engine_for, database_url, get_engine
from app.store.migrate import upgrade_database

POSTGRES_URL = os.environ.get("QUOTEWIRE_TEST_POSTGRES_URL")
ENGINES = ["sqlite", "postgresql"] if POSTGRES_URL else ["sqlite"]
_database_numbers = itertools.count()


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "sqlite_only: checks SQLite's own machinery (pragmas, FTS5); runs on SQLite only")
    config.addinivalue_line(
        "markers", "postgres_only: needs a server database (concurrent writers); skipped, and said so, without one"
    )


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "engine_name" in metafunc.fixturenames:
        engines = ENGINES
        if metafunc.definition.get_closest_marker("sqlite_only"):
            engines = ["sqlite"]
        elif metafunc.definition.get_closest_marker("postgres_only"):
            engines = [name for name in ENGINES if name == "postgresql"]  # none: pytest reports it skipped
        metafunc.parametrize("engine_name", engines)


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


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[Engine]:
    """An AUTOCOMMIT engine on the server of QUOTEWIRE_TEST_POSTGRES_URL, to create and drop databases."""
    assert POSTGRES_URL, "QUOTEWIRE_TEST_POSTGRES_URL is not set"
    server = create_engine(database_url(POSTGRES_URL), isolation_level="AUTOCOMMIT")
    yield server
    server.dispose()


def postgres_database_url(name: str) -> str:
    return database_url(POSTGRES_URL or "").set(database=name).render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def postgres_template(postgres_server: Engine) -> Iterator[str]:
    """The name of a database migrated to head once per test session, which each test's database copies."""
    name = f"quotewire_test_template_{os.getpid()}"
    with postgres_server.connect() as connection:
        connection.exec_driver_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        connection.exec_driver_sql(f"CREATE DATABASE {name}")
    url = postgres_database_url(name)
    upgrade_database(url)
    get_engine(url).dispose()  # a template must have no open connection when it is copied
    yield name
    with postgres_server.connect() as connection:
        connection.exec_driver_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def db_url(engine_name: str, request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if engine_name == "sqlite":
        path = tmp_path / "quotewire.db"
        shutil.copyfile(request.getfixturevalue("migrated_template"), path)
        yield sqlite_url(path)
        return
    server: Engine = request.getfixturevalue("postgres_server")
    template: str = request.getfixturevalue("postgres_template")
    name = f"quotewire_test_{os.getpid()}_{next(_database_numbers)}"
    with server.connect() as connection:
        connection.exec_driver_sql(f"CREATE DATABASE {name} TEMPLATE {template}")
    yield postgres_database_url(name)
    with server.connect() as connection:  # FORCE: the app's cached engines may still hold connections
        connection.exec_driver_sql(f"DROP DATABASE {name} WITH (FORCE)")


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    engine = create_engine_for(db_url)
    yield engine
    engine.dispose()


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    with Session(engine) as session:
        yield session
