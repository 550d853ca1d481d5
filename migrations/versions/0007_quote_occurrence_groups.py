"""Occurrence groups: `quotes.occurrence_group` links the same words carried by several articles.

Every member of a group holds the id of the group's first stored quote (a label: it stays when that
quote is deleted); a quote no other stored quote repeats has NULL. Ingest fills it
(`app.verify.groups`); quotes stored before this migration stay ungrouped until their article is
ingested again. Its index serves `/quotes/{id}/occurrences` and `/quotes?distinct=true`.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01 21:45:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # A nullable column is added in place (no batch copy of the table, which holds the FTS triggers).
    op.add_column("quotes", sa.Column("occurrence_group", sa.Integer(), nullable=True))
    op.create_index("ix_quotes_occurrence_group", "quotes", ["occurrence_group"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_quotes_occurrence_group", table_name="quotes")
    op.execute("ALTER TABLE quotes DROP COLUMN occurrence_group")
