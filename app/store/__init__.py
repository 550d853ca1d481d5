"""The store: everything that knows the database, one module per job.

    models.py      tables and the API's public shapes (Base -> table -> Public chains)
    engine.py      engines and sessions
    migrate.py     running the Alembic scripts of the top-level migrations/ (shipped in the package)
    articles.py    saving an article with its extracted quotes, deleting one
    topics.py      linking quotes to their key terms and taxonomy subjects
    taxonomy.py    reading the taxonomy file, finding the subject a user names
    keys.py        folded keys matched on besides speaker names (source=)
    backends.py    the engine-specific part, behind one interface (`backend_for`)
    base.py, search_syntax.py   that interface and the search language of `q`
    sqlite.py, postgres.py      SQLite's pragmas and FTS5; PostgreSQL's tsvector search

Speakers (folding, merging, corrections) are still `app.speakers`, `app.speaker_keys` and `app.corrections`.
Errors raised here are domain errors (FullTextSyntaxError, ...); only `app/api/` turns them into problem+json.

This package imports nothing itself, so `quotewire extract` (which reads the taxonomy) loads no
database code.
"""
