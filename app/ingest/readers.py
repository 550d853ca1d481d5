"""Paths to articles: which files a batch holds, and each file format's reader (.txt, .html, .json, .jsonl).

Every record becomes a `Loaded` article or an `Unreadable` with a precise reason (file, line, what is
wrong); a folder walk also reports the files it passes over (`Skipped`). Nothing here touches the database.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from app.ingest.compose import compose_article, normalize_newlines
from app.ingest.html import decode_html
from app.ingest.json_records import article_from_record
from app.ingest.records import Loaded, Metadata, Origin, ReadItem, ReadOptions, RecordError, Skipped, Unreadable

ANNOTATION_SUFFIX = ".gold.json"  # gold quotes beside a corpus article (see ../shared/corpus/README.md)
BINARY_SNIFF_BYTES = 8192
TOO_DEEP = "JSON nested too deeply to read (lists or objects inside each other thousands of levels down)"


class PathError(Exception):
    """A path given on the command line cannot be ingested at all (a usage error, not a failed article)."""


def collect_files(paths: Iterable[Path]) -> tuple[list[Path], list[Skipped]]:
    """The files to read, in order: each file given, then each folder's files walked recursively and sorted.

    Raises PathError for a path that does not exist or a file given by name that no reader handles.
    """
    files: list[Path] = []
    skipped: list[Skipped] = []
    for path in paths:
        if path.is_dir():
            found, passed_over = _walk_folder(path)
            files.extend(found)
            skipped.extend(passed_over)
        elif path.is_file():
            if _reader_for(path) is None:
                raise PathError(f"{path}: unsupported file type (expected {', '.join(sorted(READERS))})")
            files.append(path)
        else:
            raise PathError(f"{path}: no such file or folder")
    return files, skipped


def read_file(path: Path, options: ReadOptions) -> Iterator[ReadItem]:
    """Every record of one file, as articles or failures; never raises for bad content."""
    reader = _reader_for(path)
    if reader is None:
        yield Unreadable(Origin(path), "unsupported file type")
        return
    try:
        yield from reader(path, options)
    except RecordError as exc:
        yield Unreadable(Origin(path), str(exc))
    except OSError as exc:
        yield Unreadable(Origin(path), f"cannot read: {exc.strerror or exc}")


def read_txt(path: Path, options: ReadOptions) -> Iterator[ReadItem]:
    """A plain-text article: the first non-blank line is the title unless `title_first_line` is off."""
    text = normalize_newlines(decode_text(path.read_bytes()))
    title = None
    if options.title_first_line:
        title, text = split_title_line(text)
    if not text.strip():
        raise RecordError("empty text (only a title line)" if title else "empty text")
    article = compose_article(
        text=text, stated=Metadata(title=title), defaults=options.defaults, max_chars=options.max_article_chars
    )
    yield Loaded(Origin(path), article)


def read_html(path: Path, options: ReadOptions) -> Iterator[ReadItem]:
    """A saved web page: what the page says about itself first, then the command line's source and date."""
    raw = path.read_bytes()
    if not raw.strip():
        raise RecordError("empty file")
    article = compose_article(html=decode_html(raw), defaults=options.defaults, max_chars=options.max_article_chars)
    yield Loaded(Origin(path), article)


def read_json(path: Path, options: ReadOptions) -> Iterator[ReadItem]:
    """One JSON object, or a list of them (each a record of its own, failing alone)."""
    content = decode_text(path.read_bytes())
    try:
        document = json.loads(content)
    except json.JSONDecodeError as exc:
        raise RecordError(f"invalid JSON at {exc.lineno}:{exc.colno}: {exc.msg}") from None
    except RecursionError:
        raise RecordError(TOO_DEEP) from None
    if isinstance(document, dict):
        yield Loaded(Origin(path), article_from_record(document, options))
    elif isinstance(document, list):
        for position, record in enumerate(document, start=1):
            yield _record_item(record, Origin(path, item=position), options)
    else:
        raise RecordError("expected a JSON object or a list of objects")


def read_jsonl(path: Path, options: ReadOptions) -> Iterator[ReadItem]:
    """One JSON object per line; a broken line fails alone and is reported with its line number."""
    with path.open("rb") as handle:
        if b"\x00" in handle.read(BINARY_SNIFF_BYTES):
            raise RecordError("binary file, not text")
        handle.seek(0)
        for number, raw_line in enumerate(handle, start=1):
            if not raw_line.strip():
                continue
            origin = Origin(path, line=number)
            try:
                line = raw_line.rstrip(b"\r\n").decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                yield Unreadable(
                    origin, f"not UTF-8 (invalid byte 0x{raw_line[exc.start]:02x} at column {exc.start + 1})"
                )
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                yield Unreadable(origin, f"invalid JSON at column {exc.colno}: {exc.msg}")
                continue
            except RecursionError:
                yield Unreadable(origin, TOO_DEEP)
                continue
            yield _record_item(record, origin, options)


FALLBACK_ENCODING = "cp1252"


def decode_text(raw: bytes) -> str:
    """UTF-8 text (a byte-order mark is dropped), else Windows-1252, what Western newsrooms' Windows editors
    save; RecordError for binary content or bytes neither encoding has."""
    if b"\x00" in raw[:BINARY_SNIFF_BYTES]:
        raise RecordError("binary file, not text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    try:
        return raw.decode(FALLBACK_ENCODING)
    except UnicodeDecodeError:
        where = utf8_error.start
        line = raw.count(b"\n", 0, where) + 1
        column = where - (raw.rfind(b"\n", 0, where) + 1) + 1
        raise RecordError(
            f"not UTF-8 (invalid byte 0x{raw[where]:02x} at line {line}, column {column}) nor Windows-1252"
        ) from None


def split_title_line(text: str) -> tuple[str | None, str]:
    """The first non-blank line (the title) and the rest of the text."""
    stripped = text.lstrip()
    title, _, rest = stripped.partition("\n")
    return (title.strip() or None), rest


def _record_item(record: object, origin: Origin, options: ReadOptions) -> ReadItem:
    try:
        return Loaded(origin, article_from_record(record, options))
    except RecordError as exc:
        return Unreadable(origin, str(exc))


Reader = Callable[[Path, ReadOptions], Iterator[ReadItem]]
READERS: dict[str, Reader] = {
    ".txt": read_txt,
    ".html": read_html,
    ".htm": read_html,
    ".json": read_json,
    ".jsonl": read_jsonl,
}


def _reader_for(path: Path) -> Reader | None:
    return READERS.get(path.suffix.lower())


def _walk_folder(folder: Path) -> tuple[list[Path], list[Skipped]]:
    files: list[Path] = []
    skipped: list[Skipped] = []
    for directory, subdirectories, names in os.walk(folder):
        subdirectories[:] = [name for name in subdirectories if not name.startswith(".")]
        for name in names:
            path = Path(directory, name)
            if name.startswith("."):
                continue
            if name.lower().endswith(ANNOTATION_SUFFIX):
                skipped.append(Skipped(path, "annotation file (gold quotes), not an article"))
            elif _reader_for(path) is None:
                skipped.append(Skipped(path, f"unknown extension {path.suffix or '(none)'}"))
            else:
                files.append(path)
    files.sort(key=lambda path: path.parts)
    skipped.sort(key=lambda item: item.path.parts)
    return files, skipped
