"""Readers: every input format becomes articles, and every bad record a failure that says what is wrong."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from app.ingest.readers import PathError, collect_files, read_file, split_title_line
from app.ingest.records import Loaded, ReadOptions, Unreadable

LIBRARY = Path(__file__).resolve().parents[1] / "fixtures" / "ingest" / "library"


def read_all(path: Path, options: ReadOptions = ReadOptions()) -> list[Loaded | Unreadable]:
    return list(read_file(path, options))


def only_article(path: Path, options: ReadOptions = ReadOptions()):
    [item] = read_all(path, options)
    assert isinstance(item, Loaded), item
    return item.article


def only_reason(path: Path, options: ReadOptions = ReadOptions()) -> str:
    [item] = read_all(path, options)
    assert isinstance(item, Unreadable), item
    return item.reason


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


# --- .txt ---------------------------------------------------------------------------------------

def test_txt_first_line_is_the_title_and_options_fill_source_and_date():
    options = ReadOptions(published=date(2024, 2, 7), source="Night Desk")
    article = only_article(LIBRARY / "council-vote.txt", options)
    assert article.title == "Council approves new night bus routes"
    assert article.text.startswith("The city council voted 9 to 2")
    assert "\n\n\"Nurses and cleaners" in article.text  # paragraphs stay blank-line separated
    assert (article.source, article.published) == ("Night Desk", date(2024, 2, 7))


def test_txt_without_title_line_keeps_the_first_line_as_text():
    article = only_article(LIBRARY / "council-vote.txt", ReadOptions(title_first_line=False))
    assert article.title is None
    assert article.text.startswith("Council approves new night bus routes\n\nThe city council")


def test_txt_windows_line_endings_and_byte_order_mark_are_normalized(tmp_path):
    path = write(tmp_path / "crlf.txt", "\ufeffHeadline\r\n\r\nOne paragraph.\r\n\r\nAnother.\r\n".encode())
    article = only_article(path)
    assert (article.title, article.text) == ("Headline", "One paragraph.\n\nAnother.")


def test_split_title_line_skips_leading_blank_lines():
    assert split_title_line("\n\n  Headline  \nBody") == ("Headline", "Body")


@pytest.mark.parametrize(("content", "reason"), [
    (b"Headline\n\nbad \x81 byte\n", "not UTF-8 (invalid byte 0x81 at line 3, column 5) nor Windows-1252"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file, not text"),
    (b"   \n\n", "empty text"),
    (b"Only a headline\n\n", "empty text (only a title line)"),
])
def test_txt_failures_say_what_is_wrong(tmp_path, content, reason):
    assert only_reason(write(tmp_path / "bad.txt", content)) == reason


def test_a_text_file_saved_as_windows_1252_is_read(tmp_path):
    text = "Caf\u00e9 reopens\n\n\u201cWe missed our regulars,\u201d said Ren\u00e9e Dub\u00e9 \u2013 the owner."
    article = only_article(write(tmp_path / "cafe.txt", text.encode("cp1252")))
    assert (article.title, article.text) == ("Caf\u00e9 reopens", text.split("\n\n", 1)[1])


def test_text_over_the_configured_limit_is_refused(tmp_path):
    path = write(tmp_path / "long.txt", "Headline\n\n" + "word " * 50)
    assert "over the limit of 100" in only_reason(path, ReadOptions(max_article_chars=100))


# --- .html --------------------------------------------------------------------------------------

def test_html_page_gives_text_and_metadata():
    article = only_article(LIBRARY / "pages" / "ferry.html", ReadOptions(source="Ignored", published=date(2020, 1, 1)))
    assert article.title == "Harbor council backs second ferry line"
    assert article.author == "Mira Castell"
    assert article.url == "https://gazette.example.com/2025/03/04/ferry-line"
    assert article.source == "Coastline Gazette"  # the page's own site name wins over --source
    assert article.published == date(2025, 3, 4)
    assert article.text.startswith("The harbor council voted on Monday")
    assert "Home" not in article.text and "Copyright" not in article.text


def test_html_without_metadata_takes_source_and_date_from_options(tmp_path):
    page = "<html><body><article><p>" + "The committee met again to discuss the harbor budget. " * 3 + "</p></article></body></html>"
    article = only_article(write(tmp_path / "bare.htm", page), ReadOptions(source="Desk", published=date(2024, 5, 1)))
    assert (article.source, article.published) == ("Desk", date(2024, 5, 1))


def test_html_without_article_text_fails(tmp_path):
    assert only_reason(write(tmp_path / "empty.html", "<html><body></body></html>")) == "no article text found in the HTML"


# --- .json --------------------------------------------------------------------------------------

def test_json_object_is_one_article(tmp_path):
    record = {"title": "T", "text": "Body.", "url": "https://x.example.com/a", "source": "S", "author": "A",
              "published": "2024-02-07"}
    article = only_article(write(tmp_path / "one.json", json.dumps(record)))
    assert article.model_dump() == {**record, "published": date(2024, 2, 7)}


def test_json_list_is_one_article_per_item_and_a_bad_item_fails_alone(tmp_path):
    records = [{"text": "First."}, {"title": "No body"}, "not an object", {"text": "Fourth."}]
    items = read_all(write(tmp_path / "list.json", json.dumps(records)))
    assert [type(item).__name__ for item in items] == ["Loaded", "Unreadable", "Unreadable", "Loaded"]
    assert [str(items[1].origin), items[1].reason] == [f"{tmp_path / 'list.json'} item 2", 'missing "text" or "html"']
    assert items[2].reason == "expected a JSON object, got a string"


def test_json_record_values_win_over_options_which_fill_the_gaps(tmp_path):
    records = [{"text": "A.", "source": "Own", "published": "2024-01-02"}, {"text": "B."}]
    items = read_all(write(tmp_path / "list.json", json.dumps(records)), ReadOptions(source="CLI", published=date(2023, 9, 9)))
    assert [(i.article.source, i.article.published) for i in items] == [
        ("Own", date(2024, 1, 2)), ("CLI", date(2023, 9, 9))]


def test_json_record_with_html_is_extracted_and_its_fields_win(tmp_path):
    page = (LIBRARY / "pages" / "ferry.html").read_text(encoding="utf-8")
    record = {"html": page, "title": "Own headline", "url": "https://mirror.example.com/ferry"}
    article = only_article(write(tmp_path / "page.json", json.dumps(record)))
    assert (article.title, article.url, article.author) == ("Own headline", "https://mirror.example.com/ferry", "Mira Castell")
    assert "second ferry line between the old port" in article.text


@pytest.mark.parametrize(("record", "reason"), [
    ({"title": "x"}, 'missing "text" or "html"'),
    ({"text": "  \n"}, 'empty "text"'),
    ({"html": " "}, 'empty "html"'),
    ({"text": "x", "published": "last Tuesday"}, "bad date in \"published\": 'last Tuesday' (expected YYYY-MM-DD, an ISO 8601 or RSS date-time, or a Unix time)"),
    ({"text": "x", "title": 42}, '"title" must be a string, got a number'),
])
def test_json_record_failures_say_what_is_wrong(tmp_path, record, reason):
    assert only_reason(write(tmp_path / "bad.json", json.dumps(record))) == reason


@pytest.mark.parametrize("published", [
    "2024-02-07",
    "2024-02-07T23:30:00-05:00",  # the day where it was written, not UTC's
    "Wed, 07 Feb 2024 09:30:00 GMT",  # RSS (RFC 822)
    "Wed, 7 Feb 2024 23:30:00 -0500",
    1707298200,  # Unix time, seconds
    1707298200000,  # milliseconds, as JavaScript exports write it
    "1707298200",
])
def test_json_records_give_their_date_as_feeds_and_exports_write_it(tmp_path, published):
    path = write(tmp_path / "dated.json", json.dumps({"text": '"Yes," Ida Moe said.', "published": published}))
    assert only_article(path).published == date(2024, 2, 7)


@pytest.mark.parametrize("published", [True, 12, 1e300, "Wed, 45 Feb 2024 09:30:00 GMT"])
def test_json_records_with_a_number_or_rss_date_that_names_no_day_fail_with_a_reason(tmp_path, published):
    path = write(tmp_path / "dated.json", json.dumps({"text": '"Yes," Ida Moe said.', "published": published}))
    assert "published" in only_reason(path)


def test_invalid_json_is_reported_with_line_and_column(tmp_path):
    path = write(tmp_path / "broken.json", '{\n  "title": "x",\n  "text": "y"\n  "url": "z"\n}')
    assert only_reason(path) == "invalid JSON at 4:3: Expecting ',' delimiter"


def test_json_top_level_must_be_an_object_or_a_list(tmp_path):
    assert only_reason(write(tmp_path / "n.json", "42")) == "expected a JSON object or a list of objects"


# --- .jsonl -------------------------------------------------------------------------------------

def test_jsonl_is_one_article_per_line_skipping_blank_lines():
    items = read_all(LIBRARY / "feeds" / "wire.jsonl")
    assert [item.origin.line for item in items] == [1, 3]
    assert [item.article.title for item in items] == ["Library extends weekend hours", "Marathon route changes"]
    assert items[1].article.published == date(2024, 2, 24)  # date part of an ISO date-time


def test_jsonl_broken_line_fails_alone_with_its_line_number(tmp_path):
    lines = [b'{"text": "Good one."}', b'{"text": "unterminated', b'{"text": "bad \xff byte"}', b'{"text": "Good two."}']
    items = read_all(write(tmp_path / "feed.jsonl", b"\n".join(lines)))
    assert [type(item).__name__ for item in items] == ["Loaded", "Unreadable", "Unreadable", "Loaded"]
    assert str(items[1].origin) == f"{tmp_path / 'feed.jsonl'} line 2"
    assert items[1].reason.startswith("invalid JSON at column 10: Unterminated string")
    assert items[2].reason == "not UTF-8 (invalid byte 0xff at column 15)"


# --- folders and paths ---------------------------------------------------------------------------

def test_folder_is_read_recursively_in_sorted_order_skipping_hidden_files():
    files, skipped = collect_files([LIBRARY])
    assert [path.relative_to(LIBRARY).as_posix() for path in files] == [
        "council-vote.txt", "feeds/digest.json", "feeds/wire.jsonl", "pages/ferry.html"]
    assert {path.relative_to(LIBRARY).as_posix(): reason for path, reason in ((s.path, s.reason) for s in skipped)} == {
        "council-vote.gold.json": "annotation file (gold quotes), not an article",
        "notes.md": "unknown extension .md",
    }


def test_hidden_folders_are_not_entered(tmp_path):
    write(tmp_path / ".cache" / "old.txt", "Old\n\nStale copy.")
    write(tmp_path / "new.txt", "New\n\nFresh copy.")
    assert collect_files([tmp_path]) == ([tmp_path / "new.txt"], [])


def test_missing_path_and_unsupported_file_are_usage_errors(tmp_path):
    with pytest.raises(PathError, match="no such file or folder"):
        collect_files([tmp_path / "nowhere"])
    with pytest.raises(PathError, match="unsupported file type"):
        collect_files([write(tmp_path / "notes.md", "x")])


def test_unreadable_file_is_a_failure_not_a_crash(tmp_path):
    folder = tmp_path / "looks-like-a-file.txt"
    folder.mkdir()
    assert only_reason(folder).startswith("cannot read:")
