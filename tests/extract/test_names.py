"""The name cleaner: a speaker's name holds the name only; roles go to the title, headlines nowhere."""
import pytest

from app.extract import extract_quotes
from app.extract.entities import EntityRegistry, name_mentions
from app.extract.names import clean_name, is_page_furniture, split_title


def looks_like_first_name(word):
    return word in {"Ines", "Hal", "Nell", "Mia"}


@pytest.mark.parametrize("words, title, name", [
    ("Chief Executive Officer Nell Garrow", "Chief Executive Officer", "Nell Garrow"),
    ("Captain Mia Dorr", "Captain", "Mia Dorr"),
    ("Detective Sergeant Hal Brenn", "Detective Sergeant", "Hal Brenn"),
    ("Rival Nell Garrow", "Rival", "Nell Garrow"),
    ("CEO", "CEO", ""),
    ("Harbor Police Department", "", "Harbor Police Department"),
])
def test_role_words_before_a_name_are_its_title(words, title, name):
    title_words, name_words = split_title(words.split())
    assert (" ".join(title_words), " ".join(name_words)) == (title, name)


@pytest.mark.parametrize("name, lowercase, expected", [
    # the article writes "harbour" and "master" in lower case: a label before a first name
    ("Dock Warden Ines Farrell", {"dock", "warden"}, ("Ines Farrell", "Dock Warden")),
    # a headline's predicate after the name: "Nell Garrow Asked Voters To ..."
    ("Nell Garrow Asked Voters To", {"asked", "voters", "to"}, ("Nell Garrow", None)),
    # a first name alone after a common word is no person's full name: "Harbour Dana" is a thing's name
    ("Harbour Dana", {"harbour"}, ("Harbour Dana", None)),
    # no first name after the common words: a team or a place, left whole
    ("Old Mill Rovers", {"old", "mill"}, ("Old Mill Rovers", None)),
    # words the article never writes in lower case are part of the name
    ("Nell Garrow Brenn", set(), ("Nell Garrow Brenn", None)),
    # a headline's verb before a first name: the headline is no title
    ("Review Crowd Does Not Like Nell Garrow", set(), ("Nell Garrow", None)),
    # a second first name after a word that is none: a headline about the second person
    ("Nell Garrow Slams Ines Farrell", set(), ("Ines Farrell", None)),
    # a first name after a first name or an initial is a second given name
    ("Mia Ines Farrell", set(), ("Mia Ines Farrell", None)),
    ("Hal J. Ines Brenn", set(), ("Hal J. Ines Brenn", None)),
])
def test_the_article_shows_which_capitalised_words_are_no_name(name, lowercase, expected):
    assert clean_name(name, lowercase, looks_like_first_name) == expected


def test_a_label_glued_to_a_name_is_not_the_speaker_name():
    text = ("Port Alder’s council met on Monday to decide who should run the dock and who should be its warden.\n\n"
            "Dock Warden Ines Farrell said the pier was unsafe. “We close it tonight,” Farrell said.")
    [quote] = extract_quotes(text)
    assert (quote.speaker.name, quote.speaker.title) == ("Ines Farrell", "Dock Warden")


def test_a_headline_naming_two_people_gives_neither_a_headline_for_a_name():
    title = "Nell Garrow Slams Ines Farrell Over Docking Fees"
    text = f"{title}\n\nThe harbour chair answered her critic on Monday. “The fees stay,” Farrell said."
    [quote] = extract_quotes(text, title=title)
    assert quote.speaker.name == "Ines Farrell"


def test_a_role_word_alone_is_never_a_name():
    assert name_mentions("The CEO left.", 0, 13) == []


def test_a_function_word_run_into_a_name_is_no_first_name():
    text = "Mara Ellery flew to the U.S. While Ellery was there, she met the mayor."
    registry = EntityRegistry()
    for mention in name_mentions(text, 0, len(text)):
        registry.add(mention)
    assert [e.name for e in registry.entities() if e.surname == "ellery"] == ["Mara Ellery"]


def test_page_furniture_in_capitals_is_never_a_speaker():
    text = ("Pilots read more notices on Monday than in all of last year.\n\n"
            "READ MORE: Pilots walk out\n\n“We will not back down,” the pilot said.")
    [quote] = extract_quotes(text)
    assert quote.speaker is None or quote.speaker.name != "READ MORE"
    assert is_page_furniture("READ MORE", {"read", "more"}) and not is_page_furniture("US EPA", {"read"})
