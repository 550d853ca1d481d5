"""What the readers hand to the run: an article read from a place, a record that could not be read, a skipped file."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from app.store.models import ArticleIn


@dataclass(frozen=True, slots=True)
class Metadata:
    """What is known about an article besides its text; None where nothing is known."""

    title: str | None = None
    url: str | None = None
    source: str | None = None
    author: str | None = None
    published: date | None = None


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How plain files are read; `published` and `source` fill in what a file does not say itself."""

    published: date | None = None
    source: str | None = None
    title_first_line: bool = True
    max_article_chars: int = 2_000_000

    @property
    def defaults(self) -> Metadata:
        """The command line's metadata, the last resort of `app.ingest.compose`'s precedence."""
        return Metadata(source=self.source, published=self.published)


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a record came from: a file, and for .json lists and .jsonl files which record in it."""

    path: Path
    line: int | None = None  # 1-based line of a .jsonl record
    item: int | None = None  # 1-based position in a .json list

    def __str__(self) -> str:
        if self.line is not None:
            return f"{self.path} line {self.line}"
        if self.item is not None:
            return f"{self.path} item {self.item}"
        return str(self.path)


@dataclass(frozen=True, slots=True)
class Loaded:
    """An article ready to store."""

    origin: Origin
    article: ArticleIn


@dataclass(frozen=True, slots=True)
class Unreadable:
    """A record that could not become an article, and why (counted as a failure)."""

    origin: Origin
    reason: str


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file a folder walk passed over on purpose (not a failure), and why."""

    path: Path
    reason: str


ReadItem = Loaded | Unreadable


class RecordError(ValueError):
    """A record's content is wrong; the message says what, in words a user can act on."""
