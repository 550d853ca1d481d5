"""Schema migrations: running the Alembic scripts of `migrations/` (installed as `app.store.migrations`).

upgrade_database()                    # `alembic upgrade head` on the configured database
schema_is_current(engine)             # True when the database is at the newest migration (/health)
"""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from app.config import get_settings
from app.store.backends import backend_for
from app.store.engine import get_engine
from app.store.postgres import SEARCH_INDEX, SEARCH_VECTOR
from app.store.sqlite import FTS_TABLE

FULLTEXT_TABLE_PREFIX = FTS_TABLE  # the FTS5 table and its shadow tables, made by hand in migration 0002
FULLTEXT_OBJECTS = {("column", SEARCH_VECTOR), ("index", SEARCH_INDEX)}  # PostgreSQL's, made in migration 0002


def include_in_autogenerate(obj, name, type_, reflected, compare_to) -> bool:
    """Alembic's include_object: leave the hand-made full-text tables, column and index out of autogenerate."""
    if type_ == "table" and name is not None and name.startswith(FULLTEXT_TABLE_PREFIX):
        return False
    return (type_, name) not in FULLTEXT_OBJECTS


def migrations_dir() -> Path:
    """The Alembic script folder: `migrations/` of the checkout, `app/store/migrations` of an installed wheel."""
    return Path(str(files("app.store.migrations")))


def alembic_config(url: str | None = None) -> Config:
    """An Alembic configuration for `url` (default: the configured database), without alembic.ini."""
    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    config.set_main_option("sqlalchemy.url", (url or get_settings().database_url).replace("%", "%%"))
    return config


def upgrade_database(url: str | None = None) -> None:
    """Apply every pending migration (`alembic upgrade head`) to `url` (default: the configured database).

    The run is one transaction that the backend makes exclusive (`StoreBackend.migrating`): processes
    that start on a fresh database together wait for the first, then find nothing left to do.
    """
    engine = get_engine(url)
    config = alembic_config(url)
    with engine.connect() as connection, backend_for(engine.dialect.name).migrating(connection):
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


@lru_cache(maxsize=1)
def migration_heads() -> frozenset[str]:
    """The newest revisions in `migrations/`, read once: the code does not change while it runs."""
    return frozenset(ScriptDirectory(str(migrations_dir())).get_heads())


def schema_is_current(engine: Engine) -> bool:
    """True when the database has been migrated to the newest revision (for /health)."""
    with engine.connect() as connection:
        current = set(MigrationContext.configure(connection).get_current_heads())
    return current == migration_heads()
