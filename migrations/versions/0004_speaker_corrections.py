"""Speaker corrections by the newsroom, and what re-merging speakers needs.

- `speaker_corrections`: merges, splits and quote reassignments, applied again on re-ingest.
- `speaker_aliases.corrected`: a name variant a correction tied to its speaker.
- `quotes.speaker_name`: the name the extractor gave at the quote; `quotes.speaker_corrected`: set by hand.
- Descriptions stored as aliases by earlier versions ("the official") are dropped: aliases are names.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01 15:50:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "speaker_corrections",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("action", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("speaker_id", sa.Integer(), nullable=True),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("key", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("article_id", sa.Integer(), nullable=True),
        sa.Column("quote_text", sa.Text(), nullable=True),
        sa.Column("quote_start", sa.Integer(), nullable=True),
        sa.Column("made_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], name=op.f("fk_speaker_corrections_article_id_articles"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_speaker_corrections")),
    )
    with op.batch_alter_table("speaker_corrections", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_speaker_corrections_article_id"), ["article_id"], unique=False)
    # plain ADD COLUMN (no table rebuild): the quotes table keeps its full-text triggers
    op.add_column("speaker_aliases", sa.Column("corrected", sa.Boolean(), server_default="0", nullable=False))
    op.add_column("quotes", sa.Column("speaker_name", sqlmodel.sql.sqltypes.AutoString(), nullable=True))
    op.add_column("quotes", sa.Column("speaker_corrected", sa.Boolean(), server_default="0", nullable=False))
    op.execute("DELETE FROM speaker_aliases WHERE key LIKE 'the %' OR key LIKE 'a %' OR key LIKE 'an %'")


def downgrade() -> None:
    op.drop_column("quotes", "speaker_corrected")
    op.drop_column("quotes", "speaker_name")
    op.drop_column("speaker_aliases", "corrected")
    with op.batch_alter_table("speaker_corrections", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_speaker_corrections_article_id"))
    op.drop_table("speaker_corrections")
