"""Folded keys the store matches user input on, besides speaker names (`app.speaker_keys`).

    source_key("ÉCHO Zürich") -> "echo zurich"   (case, accents and punctuation folded, as for `speaker=`)

SQLite's lower() folds ASCII letters only, so the folded form is stored beside the value and indexed.
"""

from __future__ import annotations

from app.speaker_keys import name_key


def source_key(source: str | None) -> str | None:
    """The folded form `source=` is matched on; None for an article without a source."""
    return name_key(source) if source is not None else None
