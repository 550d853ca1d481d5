"""Organisations as speakers: their names read whole, and "it", "the ministry", "the statement" resolved to them."""
import pytest

from app.extract import extract_quotes
from app.extract.entities import name_mentions

OPENING = "The harbour at Port Alder has been closed to cargo ships since Monday, when the pilots walked out.\n\n"


def speakers_of(text):
    return [(q.speaker.name, q.speaker.kind) if q.speaker and q.speaker.name else None for q in extract_quotes(OPENING + text)]


@pytest.mark.parametrize("text, name", [
    ("A spokesperson for the Ministry of Fisheries and Coastal Affairs said so.", "Ministry of Fisheries and Coastal Affairs"),
    ("The Federation of Pilots and Dock Workers met.", "Federation of Pilots and Dock Workers"),
    ("Shares in Garrick Foods Inc. fell.", "Garrick Foods Inc."),
])
def test_an_organisation_name_is_read_whole(text, name):
    assert name in [m.name for m in name_mentions(text, 0, len(text))]


def test_the_kind_of_an_organisation_resolves_to_the_one_the_article_named():
    text = ("The survey was paid for by the Brenmoor Wetlands Trust, which has backed it since 2019.\n\n"
            "“Ten years of data is rare,” the trust said.")
    assert speakers_of(text)[-1] == ("Brenmoor Wetlands Trust", "organization")


def test_it_said_is_the_organisation_of_the_sentence_before():
    text = ("Garrick Foods Inc. closed its Dunmore plant on Friday.\n\n"
            "“The decision was not made in haste,” it said.")
    assert speakers_of(text)[-1] == ("Garrick Foods Inc.", "organization")


def test_a_sentence_opening_on_the_organisation_makes_it_the_subject():
    text = ("Garrick Foods Inc. and the pilots’ union have not met since May.\n\n"
            "Later on Tuesday, the company said it would appeal. “We will see them in court,” it said.")
    assert speakers_of(text)[-1] == ("Garrick Foods Inc.", "organization")


def test_a_second_quote_of_a_sentence_keeps_the_speaker_of_the_first():
    text = ("A spokesperson for the Ministry of Fisheries and Coastal Affairs said the government was "
            "“watching closely” and urged both sides to “talk without conditions”.")
    assert speakers_of(text) == [("Ministry of Fisheries and Coastal Affairs", "organization")] * 2
