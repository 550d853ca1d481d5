"""Full-text search over quote text: an FTS5 table kept in sync with `quotes` by triggers (SQLite only).

`quotes_fts` is an external-content FTS5 table (the text lives once, in `quotes`) with the
`porter unicode61` tokenizer, so "negotiate" finds "negotiations".

On PostgreSQL the same search is a stored, generated `tsvector` column `quotes.search_vector` with
a GIN index, through the text-search configuration `quotewire_english` (English stems, no stop
words, like FTS5's porter tokenizer); `app.store.postgres` searches it. Other databases get nothing.

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


POSTGRES_CREATE_STATEMENTS = (
    # English Snowball stems without the stop-word list, so every word of a quote can be searched
    "CREATE TEXT SEARCH DICTIONARY quotewire_english_stem (TEMPLATE = snowball, LANGUAGE = english)",
    "CREATE TEXT SEARCH CONFIGURATION quotewire_english (COPY = english)",
    """ALTER TEXT SEARCH CONFIGURATION quotewire_english
           ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part
           WITH quotewire_english_stem""",
    """ALTER TABLE quotes ADD COLUMN search_vector tsvector
           GENERATED ALWAYS AS (to_tsvector('quotewire_english'::regconfig, text)) STORED""",
    "CREATE INDEX ix_quotes_search_vector ON quotes USING gin (search_vector)",
)

POSTGRES_DROP_STATEMENTS = (
    "DROP INDEX IF EXISTS ix_quotes_search_vector",
    "ALTER TABLE quotes DROP COLUMN IF EXISTS search_vector",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS quotewire_english",
    "DROP TEXT SEARCH DICTIONARY IF EXISTS quotewire_english_stem",
)


def is_sqlite() -> bool:
    return op.get_context().dialect.name == "sqlite"  # works offline (--sql) too


def is_postgresql() -> bool:
    return op.get_context().dialect.name == "postgresql"


def create_fulltext() -> None:
    for statement in CREATE_STATEMENTS:
        op.execute(statement)


def upgrade() -> None:
    if is_sqlite():
        create_fulltext()
    elif is_postgresql():
        for statement in POSTGRES_CREATE_STATEMENTS:
            op.execute(statement)


def downgrade() -> None:
    if is_sqlite():
        for statement in DROP_STATEMENTS:
            op.execute(statement)
    elif is_postgresql():
        for statement in POSTGRES_DROP_STATEMENTS:
            op.execute(statement)
