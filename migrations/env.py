"""Alembic environment: the models' metadata, batch mode for SQLite, FTS5 tables left out of autogenerate.

The database comes from, in order: a connection handed over in `config.attributes["connection"]`
(app.store.migrate.upgrade_database, the tests), the `sqlalchemy.url` option of the caller's config, or Settings.
"""

from logging.config import fileConfig
from typing import Any

from alembic import context

from app.config import get_settings
from app.store.engine import create_engine_for
from app.store.migrate import include_in_autogenerate
from app.store.models import metadata

config = context.config
if config.config_file_name is not None and config.attributes.get("configure_logging", True):
    fileConfig(config.config_file_name, disable_existing_loggers=False)


# Batch mode for SQLite's ALTER limits; the FTS tables, made by hand, stay out of autogenerate.
OPTIONS: dict[str, Any] = {
    "target_metadata": metadata,
    "render_as_batch": True,
    "include_object": include_in_autogenerate,
}


def configure(connection) -> None:
    context.configure(connection=connection, compare_type=True, **OPTIONS)


def database_url() -> str:
    return config.get_main_option("sqlalchemy.url") or get_settings().database_url


def run_migrations_offline() -> None:
    context.configure(url=database_url(), literal_binds=True, **OPTIONS)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        configure(connection)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = create_engine_for(database_url())
    try:
        with engine.connect() as connection:
            configure(connection)
            with context.begin_transaction():
                context.run_migrations()
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
