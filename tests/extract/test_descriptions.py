"""Descriptions written after a quote find the person the article described that way."""
import pytest

from app.extract import extract_quotes
from app.extract.descriptions import APPOSITION, ROLE_BEFORE

OPENING = "The harbour at Port Alder has been closed to cargo ships since Monday, when the pilots walked out.\n\n"


def last_speaker(text):
    quote = extract_quotes(OPENING + text)[-1]
    return quote.speaker.name if quote.speaker else None


@pytest.mark.parametrize("text, speaker", [
    ("Anna Pike, a Kelby resident, has lived by the harbour for 20 years. Tom Lee runs the café.\n\n"
     "“Nobody asked us,” points out the Kelby resident.", "Anna Pike"),
    ("Tom Reyes, 44, an analyst at Grey Bank, expects a loss. Anna Pike, a pilot, disagrees.\n\n"
     "“It is priced in,” the 44-year-old analyst added.", "Tom Reyes"),
    ("Tom Reyes, chief economist at Grey Bank, expects a loss. Anna Pike disagrees.\n\n"
     "“It is priced in,” the Kelby-based economist added.", "Tom Reyes"),
    ("The pilots met veteran goalkeeper Sophie Brandt and Bea Okonjo at the rink.\n\n"
     "“I just stayed big,” says the veteran goalkeeper.", "Sophie Brandt"),
])
def test_a_description_after_the_quote_is_the_person_described_so(text, speaker):
    assert last_speaker(text) == speaker


def test_a_place_in_a_description_is_never_the_speaker():
    text = "Crowds gathered at the pier on Sunday.\n\n“Nobody asked us,” says the Kelby resident."
    assert last_speaker(text) != "Kelby"


def test_an_age_that_does_not_fit_rules_a_person_out():
    text = ("Tom Reyes, 44, an analyst at Grey Bank, expects a loss. Anna Pike, 29, an analyst, disagrees.\n\n"
            "“It is priced in,” the 44-year-old analyst added.")
    assert last_speaker(text) == "Tom Reyes"


@pytest.mark.parametrize("pattern, text, expected", [
    (APPOSITION, ", 41, a Kelby resident, said", ", 41, a Kelby resident"),
    (APPOSITION, ", Tom Lee and", None),
    (ROLE_BEFORE, "met veteran goalkeeper ", "met veteran goalkeeper "),
])
def test_description_patterns(pattern, text, expected):
    found = pattern.search(text)
    assert (found.group() if found else None) == expected


@pytest.mark.parametrize("which, speaker", [("elder", "Piet Halloran"), ("younger", "Sean Halloran")])
def test_the_elder_or_younger_of_a_family_is_told_by_the_ages_given(which, speaker):
    text = ("Piet Halloran, 71, is selling the farm. His son, Sean Halloran, 38, wants to keep it.\n\n"
            f"“It is time,” the {which} Halloran said.")
    assert last_speaker(text) == speaker
