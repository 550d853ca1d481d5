"""Articles' folded source: `source=` matches "ÉCHO Zürich" whatever its case or accents.

`articles.source_key` holds the source folded as speaker names are (`app.store.keys.source_key`),
indexed for the `source=` filter; it replaces the index on `source`, which SQLite's ASCII-only
lower() could not use for a case-insensitive match anyway. Existing articles get their key here.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01 19:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

from app.store.keys import source_key

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.add_column(sa.Column("source_key", sqlmodel.sql.sqltypes.AutoString(), nullable=True))
        batch.drop_index("ix_articles_source")
        batch.create_index("ix_articles_source_key", ["source_key"], unique=False)
    connection = op.get_bind()
    sources = connection.execute(sa.text("SELECT DISTINCT source FROM articles WHERE source IS NOT NULL")).scalars()
    keys = [{"key": source_key(source), "source": source} for source in sources.all()]
    if keys:
        connection.execute(sa.text("UPDATE articles SET source_key = :key WHERE source = :source"), keys)


def downgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.drop_index("ix_articles_source_key")
        batch.create_index("ix_articles_source", ["source"], unique=False)
    # SQLite (3.35+) drops the column in place, without a batch copy of the whole table.
    op.execute("ALTER TABLE articles DROP COLUMN source_key")
