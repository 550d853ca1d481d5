"""Quote subjects: a topic's taxonomy code and broader subject, and a subject's score on each quote.

`topics.code` ("medtop:20000574") and `topics.broader` (the broader subject's slug) describe
taxonomy subjects (kind "subject"); `quote_topics.score` is how strongly a quote is about a subject.
All three are NULL for key terms and for rows stored before this revision.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01 16:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("topics") as batch:
        batch.add_column(sa.Column("code", sa.String(), nullable=True))
        batch.add_column(sa.Column("broader", sa.String(), nullable=True))
    with op.batch_alter_table("quote_topics") as batch:
        batch.add_column(sa.Column("score", sa.Float(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("quote_topics") as batch:
        batch.drop_column("score")
    with op.batch_alter_table("topics") as batch:
        batch.drop_column("broader")
        batch.drop_column("code")
