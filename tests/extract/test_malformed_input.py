"""Malformed input gives a clear error or an empty list: never a crash, never a hang.

The CLI cases run through `quotewire extract` in process; the large and pathological
inputs run `extract_quotes` in a child process whose timeout only detects a hang and whose
address space is capped, so a runaway allocation fails there instead of starving the machine.
"""
import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from app.cli import app as cli
from app.config import get_settings
from app.extract import extract_quotes

HANG_TIMEOUT_SECONDS = 60
CHILD_MEMORY_BYTES = 1 << 30

UNBALANCED = (
    "“We will finish the bridge by spring,” said Anna Berg, the city engineer.\n\n"
    "Critics said the plan was “unrealistic and the budget is wrong. Nobody closed that mark.\n\n"
    "A stray closing mark” sits here, and a straight one \" opens nothing.\n\n"
    "“The money is there,” said Tom Reed, the treasurer.\n"
)


def extract_file(path, *args):
    return CliRunner().invoke(cli, ["extract", str(path), *args])


def quote_texts(text):
    return [quote.text for quote in extract_quotes(text)]


def test_binary_file_is_a_clear_error(tmp_path):
    path = tmp_path / "photo.jpg"
    path.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" + bytes(range(256)))
    result = extract_file(path)
    assert result.exit_code == 2
    assert "binary file, not text" in result.stderr


def test_binary_stdin_is_a_clear_error():
    result = CliRunner().invoke(cli, ["extract", "-"], input=b"\x00\x01\x02binary")
    assert result.exit_code == 2
    assert "error: -: binary file, not text" in result.stderr


def test_a_windows_1252_file_is_read_in_that_encoding(tmp_path):
    path = tmp_path / "cp1252.txt"
    path.write_bytes("\u201cWe reopen the caf\u00e9 on Monday,\u201d said Ren\u00e9e Dub\u00e9.".encode("cp1252"))
    result = extract_file(path)
    assert result.exit_code == 0, result.stderr
    [quote] = json.loads(result.stdout)["quotes"]
    assert quote["text"] == "We reopen the caf\u00e9 on Monday," and quote["speaker"]["name"] == "Ren\u00e9e Dub\u00e9"


def test_bytes_of_no_known_encoding_are_a_clear_error(tmp_path):
    path = tmp_path / "garbled.txt"
    path.write_bytes(b"We \x81\x8d reopen")
    result = extract_file(path)
    assert result.exit_code == 2
    assert "not UTF-8 (invalid byte 0x81 at line 1, column 4) nor Windows-1252" in result.stderr


def test_an_html_file_is_read_as_a_page_its_text_and_its_publication_day(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><title>Ferry returns</title>"
        '<meta property="article:published_time" content="2024-02-07T08:00:00Z"></head><body><article>'
        "<p><img alt='\"The queue starts at six,\" Marta Lindqvist said.' src='q.jpg'>"
        "The ferry to the islands runs again after a month in dock.</p>"
        "<p>\u201cWe kept every crew member on the payroll,\u201d Marta Lindqvist, the operator\u2019s director, "
        "said on Tuesday.</p></article></body></html>",
        encoding="utf-8",
    )
    result = extract_file(path)
    assert result.exit_code == 0, result.stderr
    [quote] = json.loads(result.stdout)["quotes"]
    assert quote["text"] == "We kept every crew member on the payroll,"
    assert quote["said_on"] == "2024-02-06"  # Tuesday before the page's publication day


def test_missing_file_is_a_clear_error(tmp_path):
    result = extract_file(tmp_path / "absent.txt")
    assert result.exit_code == 2
    assert "cannot read" in result.stderr


def test_empty_file_gives_an_empty_list(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    result = extract_file(path)
    assert result.exit_code == 0
    assert json.loads(result.stdout) == {"quotes": []}


def test_empty_text_gives_an_empty_list():
    assert extract_quotes("") == []
    assert extract_quotes("   \n\n  ") == []


def test_ten_megabytes_of_text_is_refused_naming_the_limit(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_text("The council met again. " * (10_000_000 // 23), encoding="utf-8")
    result = extract_file(path)
    assert result.exit_code == 2
    limit = get_settings().max_article_chars
    assert f"over the limit of {limit:,} (QUOTEWIRE_MAX_ARTICLE_CHARS)" in result.stderr


def test_unbalanced_quotes_do_not_hide_the_quotes_around_them():
    texts = quote_texts(UNBALANCED)
    assert any("We will finish the bridge by spring" in text for text in texts)
    assert any("The money is there" in text for text in texts)


def test_unbalanced_quotes_through_the_cli(tmp_path):
    path = tmp_path / "unbalanced.txt"
    path.write_text(UNBALANCED, encoding="utf-8")
    result = extract_file(path, "--published", "2025-04-01")
    assert result.exit_code == 0
    texts = [quote["text"] for quote in json.loads(result.stdout)["quotes"]]
    assert any("The money is there" in text for text in texts)


@pytest.mark.parametrize(
    "text",
    ["“", "”", '"', "'", "“”", '""""', "''", "‘’‘", "“\n\n“\n\n“", "He said “", "” he said",
     "'" * 1000, "“" * 1000, "said “" * 500, "“a” " * 500, "“" + "word " * 2000],
)
def test_pathological_marks_do_not_crash(text):
    for quote in extract_quotes(text):
        assert 0 <= quote.start <= quote.end <= len(text)
        assert text[quote.start:quote.end] == quote.text


def run_extractor_in_child(expression: str) -> subprocess.CompletedProcess:
    """Run extract_quotes on the text built by `expression` in a child process; fails on a hang."""
    code = (f"import resource\nresource.setrlimit(resource.RLIMIT_AS, ({CHILD_MEMORY_BYTES}, {CHILD_MEMORY_BYTES}))\n"
            f"from app.extract import extract_quotes\nprint(len(extract_quotes({expression})))")
    try:
        return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                              timeout=HANG_TIMEOUT_SECONDS, check=False)
    except subprocess.TimeoutExpired:
        pytest.fail(f"extract_quotes hung (over {HANG_TIMEOUT_SECONDS} s) on {expression}")


@pytest.mark.parametrize(
    "expression",
    [
        "'\"' * 2_000_000",
        "'“' * 1_000_000",
        "'“' + 'and the council said nothing, ' * 60_000",
        "('“Every word here is quoted, said the mayor. ' + 'It goes on and on. ' * 400 + '\\n\\n') * 100",
        "'“a” ' * 200_000",
        "'“Yes,” she said. ' * 117_000",
    ],
    ids=["2MB-straight-marks", "1M-curly-marks", "one-enormous-unbalanced-quote", "unclosed-paragraph-quotes",
         "200k-quotes-in-one-sentence", "117k-quoted-sentences"],
)
def test_large_pathological_input_does_not_hang_or_crash(expression):
    result = run_extractor_in_child(expression)
    assert result.returncode == 0, result.stderr[-2000:]
