"""Full-text search over quote text: an FTS5 table kept in sync with `quotes` by triggers (SQLite only).

`quotes_fts` is an external-content FTS5 table (the text lives once, in `quotes`) with the
`porter unicode61` tokenizer, so "negotiate" finds "negotiations". On other databases this
revision does nothing; their store backend brings its own search (see app/store/).

Caution for later migrations: a batch ("move and copy") migration of `quotes` on SQLite drops
these triggers with the old table; such a migration must recreate them (call `create_fulltext`).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 17:10:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CREATE_STATEMENTS = (
    """CREATE VIRTUAL TABLE quotes_fts USING fts5(
           text, content='quotes', content_rowid='id', tokenize='porter unicode61')""",
    """CREATE TRIGGER quotes_fts_after_insert AFTER INSERT ON quotes BEGIN
           INSERT INTO quotes_fts(rowid, text) VALUES (new.id, new.text);
       END""",
    """CREATE TRIGGER quotes_fts_after_delete AFTER DELETE ON quotes BEGIN
           INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.id, old.text);
       END""",
    """CREATE TRIGGER quotes_fts_after_update AFTER UPDATE OF text ON quotes BEGIN
           INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.id, old.text);
           INSERT INTO quotes_fts(rowid, text) VALUES (new.id, new.text);
       END""",
    "INSERT INTO quotes_fts(quotes_fts) VALUES ('rebuild')",  # index quotes stored before this revision
)

DROP_STATEMENTS = (
    "DROP TRIGGER IF EXISTS quotes_fts_after_update",
    "DROP TRIGGER IF EXISTS quotes_fts_after_delete",
    "DROP TRIGGER IF EXISTS quotes_fts_after_insert",
    "DROP TABLE IF EXISTS quotes_fts",
)


def is_sqlite() -> bool:
    return op.get_context().dialect.name == "sqlite"  # works offline (--sql) too


def create_fulltext() -> None:
    for statement in CREATE_STATEMENTS:
        op.execute(statement)


def upgrade() -> None:
    if is_sqlite():
        create_fulltext()


def downgrade() -> None:
    if is_sqlite():
        for statement in DROP_STATEMENTS:
            op.execute(statement)
