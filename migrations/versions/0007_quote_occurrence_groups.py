"""Claims and repeats found by word pairs: `quote_word_pairs`, and `quotes.occurrence_group`.

`quote_word_pairs` holds each pair of neighbouring words of every quote as a 64-bit key
(`app.verify.search`): `POST /verify` and ingest find the quotes a text may repeat from it. Existing
quotes get their pairs here.

`quotes.occurrence_group` links the same words carried by several articles: every member of a
group holds the id of the group's first stored quote (a label: it stays when that quote is
deleted); a quote no other stored quote repeats has NULL. Ingest fills it (`app.verify.groups`);
quotes stored before this migration stay ungrouped until their article is ingested again.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01 21:45:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from app.verify.search import pair_rows

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BATCH = 20_000  # quotes read and indexed at a time


def upgrade() -> None:
    # A nullable column is added in place (no batch copy of the table, which holds the FTS triggers).
    op.add_column("quotes", sa.Column("occurrence_group", sa.Integer(), nullable=True))
    op.create_index("ix_quotes_occurrence_group", "quotes", ["occurrence_group"], unique=False)
    op.create_table(
        "quote_word_pairs",
        sa.Column("pair", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("quote_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.ForeignKeyConstraint(
            ["quote_id"], ["quotes.id"], name="fk_quote_word_pairs_quote_id_quotes", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("pair", "quote_id", name="pk_quote_word_pairs"),
        sqlite_with_rowid=False,
    )
    index_existing_quotes()
    op.create_index("ix_quote_word_pairs_quote_id", "quote_word_pairs", ["quote_id"], unique=False)


def index_existing_quotes() -> None:
    connection = op.get_bind()
    insert = sa.text("INSERT INTO quote_word_pairs (pair, quote_id) VALUES (:pair, :quote_id)")
    last = 0
    while True:
        rows = connection.execute(
            sa.text("SELECT id, text FROM quotes WHERE id > :last ORDER BY id LIMIT :batch"),
            {"last": last, "batch": BATCH},
        ).all()
        if not rows:
            return
        pairs = sorted(pair_rows([row[0] for row in rows], [row[1] for row in rows]), key=lambda r: r["pair"])
        if pairs:
            connection.execute(insert, pairs)
        last = rows[-1][0]


def downgrade() -> None:
    op.drop_index("ix_quote_word_pairs_quote_id", table_name="quote_word_pairs")
    op.drop_table("quote_word_pairs")
    op.drop_index("ix_quotes_occurrence_group", table_name="quotes")
    op.execute("ALTER TABLE quotes DROP COLUMN occurrence_group")
