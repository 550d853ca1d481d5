"""The JSON form of the extractor's records: the shape `quotewire extract` prints and the scorer reads."""

import json
from dataclasses import dataclass, fields
from datetime import date

from typer.testing import CliRunner

from app.cli import app as cli
from app.extract.records import JSON_KEY, JSON_OMIT, Quote, Speaker, SubjectScore, quote_to_dict, record_to_dict

BRIDGE_QUOTE = Quote(
    text="The bridge reopens in May,",
    start=1,
    end=27,
    context='"The bridge reopens in May," said Ilse Varga, the transport minister.',
    kind="full",
    speaker=Speaker("Ilse Varga", "person", "Ilse Varga", 34, 44, "transport minister"),
    cue="said",
    said_on=date(2031, 3, 4),
    topics=("bridge",),
    subjects=(SubjectScore("economy", "medtop:04000000", 1.5, "economy"),),
    subject_details=(SubjectScore("transport", "medtop:20000000", 1.25, "transport"),),
    sieve="trailing_said_name",
    confidence=0.87654,
)


def test_a_quote_prints_every_field_in_declared_order_with_its_json_key():
    printed = list(quote_to_dict(BRIDGE_QUOTE).items())
    assert [key for key, _ in printed] == [
        field.metadata.get(JSON_KEY, field.name) for field in fields(Quote) if not field.metadata.get(JSON_OMIT)
    ]
    assert printed[: len(BRIDGE_QUOTE_JSON)] == BRIDGE_QUOTE_JSON


BRIDGE_QUOTE_JSON = [  # the fields the scorer and today's users read, in their order
    ("text", "The bridge reopens in May,"),
    ("start", 1),
    ("end", 27),
    ("context", '"The bridge reopens in May," said Ilse Varga, the transport minister.'),
    ("kind", "full"),
    (
        "speaker",
        {
            "name": "Ilse Varga",
            "kind": "person",
            "mention": "Ilse Varga",
            "mention_start": 34,
            "mention_end": 44,
            "title": "transport minister",
        },
    ),
    ("cue", "said"),
    ("said_on", "2031-03-04"),
    ("topics", ["bridge"]),
    ("subjects", [{"name": "economy", "code": "medtop:04000000", "score": 1.5}]),
    ("subjects_detail", [{"name": "transport", "code": "medtop:20000000", "score": 1.25}]),
    ("sieve", "trailing_said_name"),
    ("confidence", 0.877),
]


def test_an_unattributed_undated_quote_prints_nulls_and_empty_lists():
    record = quote_to_dict(Quote(text="No comment", start=1, end=11, context='"No comment"', kind="full"))
    assert record["speaker"] is None and record["said_on"] is None and record["cue"] is None
    assert record["topics"] == record["subjects"] == record["subjects_detail"] == []
    assert record["confidence"] == 0.0


def test_a_field_declared_on_a_record_reaches_its_json_form():
    @dataclass(frozen=True)
    class Extended:
        text: str
        paragraph: int

    assert record_to_dict(Extended("The bridge reopens in May", 3)) == {
        "text": "The bridge reopens in May",
        "paragraph": 3,
    }


def test_quotewire_extract_prints_the_records_json_form(tmp_path):
    article = tmp_path / "bridge.txt"
    article.write_text('"The bridge reopens in May," said Ilse Varga, the transport minister.\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(article)])
    assert result.exit_code == 0, result.output
    quotes = json.loads(result.output)["quotes"]
    assert [quote["text"] for quote in quotes] == ["The bridge reopens in May,"]
    assert list(quotes[0]) == list(quote_to_dict(BRIDGE_QUOTE))
    assert quotes[0]["speaker"]["name"] == "Ilse Varga"
