"""Full-text index in date order: each quote's FTS5 rowid becomes its search key (day << 32 | id).

The key's high bits are the day the quote was said (SQLite's `julianday`, truncated; 0 when undated)
and its low 32 bits the quote id. FTS5 walks a word's matches in rowid order and seeks on rowid
ranges, so the newest matches of even the commonest word are the first rows it reads: a page of
`q=the` costs microseconds instead of reading every match. The index now takes its content from the
view `quotes_fts_content` (search_key, text); the search never reads it, `rebuild` does.

Quote ids must stay below 2**32 (4 billion quotes).

PostgreSQL needs nothing here: its planner reads a word's matches in date order by walking the
(said_on, id) index and testing each quote's stored search vector (migration 0002).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24 19:45:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def search_key(row: str) -> str:
    """The SQL of a quote row's search key; app.store.sqlite.search_key computes the same in Python."""
    return f"((COALESCE(CAST(julianday({row}.said_on) AS INTEGER), 0) << 32) | {row}.id)"


DROP_STATEMENTS = (
    "DROP TRIGGER IF EXISTS quotes_fts_after_update",
    "DROP TRIGGER IF EXISTS quotes_fts_after_delete",
    "DROP TRIGGER IF EXISTS quotes_fts_after_insert",
    "DROP TABLE IF EXISTS quotes_fts",
)

CREATE_STATEMENTS = (
    f"CREATE VIEW quotes_fts_content AS SELECT {search_key('quotes')} AS search_key, text FROM quotes",
    """CREATE VIRTUAL TABLE quotes_fts USING fts5(
           text, content='quotes_fts_content', content_rowid='search_key', tokenize='porter unicode61')""",
    f"""CREATE TRIGGER quotes_fts_after_insert AFTER INSERT ON quotes BEGIN
           INSERT INTO quotes_fts(rowid, text) VALUES ({search_key("new")}, new.text);
       END""",
    f"""CREATE TRIGGER quotes_fts_after_delete AFTER DELETE ON quotes BEGIN
           INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', {search_key("old")}, old.text);
       END""",
    f"""CREATE TRIGGER quotes_fts_after_update AFTER UPDATE OF text, said_on ON quotes BEGIN
           INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', {search_key("old")}, old.text);
           INSERT INTO quotes_fts(rowid, text) VALUES ({search_key("new")}, new.text);
       END""",
    "INSERT INTO quotes_fts(quotes_fts) VALUES ('rebuild')",
    "INSERT INTO quotes_fts(quotes_fts) VALUES ('optimize')",
)


def is_sqlite() -> bool:
    return op.get_context().dialect.name == "sqlite"


def upgrade() -> None:
    if is_sqlite():
        for statement in DROP_STATEMENTS + CREATE_STATEMENTS:
            op.execute(statement)


def downgrade() -> None:
    if is_sqlite():
        for statement in DROP_STATEMENTS:
            op.execute(statement)
        op.execute("DROP VIEW IF EXISTS quotes_fts_content")
        previous = op.get_context().script.get_revision("0002").module  # type: ignore[union-attr]
        previous.create_fulltext()
