"""Names, titles, canonical names, kinds and genders of an article's speakers."""
import pytest

from app.extract import extract_quotes
from app.extract.discourse import Discourse
from app.extract.entities import CAPITALISED_RUN, EntityRegistry, _next_run, first_name_gender, name_mentions


def registry_of(text):
    registry = EntityRegistry()
    for mention in name_mentions(text, 0, len(text)):
        registry.add(mention)
    return registry


def mentions(text):
    return [(m.name, m.title) for m in name_mentions(text, 0, len(text))]


@pytest.mark.parametrize("text", [
    "McAllister and O’Neill met U.S. Sen. Ines Moro of the Harbor Trust in iPhone-lit New York.",
    "J.R. Ruiz, Mara de la Cruz and Omar bin Rashid said: “Yes.” 'Quite,' Tom Lee’s aide added.",
    "the 2024 race.And then Ruiz’s team.W. Harbor",
])
def test_run_scan_finds_what_a_search_finds_from_any_offset(text):
    for position in range(len(text) + 1):
        for end in (len(text), (position + len(text)) // 2):
            expected = CAPITALISED_RUN.search(text, position, end)
            found = _next_run(text, position, end)
            assert (found and found.span()) == (expected and expected.span())


@pytest.mark.parametrize("text, name, title", [
    ("Harbor Commissioner Ines Moro spoke.", "Ines Moro", "Harbor Commissioner"),
    ("Saudi Crown Prince Omar bin Rashid arrived.", "Omar bin Rashid", "Saudi Crown Prince"),
    ("US Secretary of State Clara Vance flew in.", "Clara Vance", "US Secretary of State"),
    ("Then Sen. Paul Okafor left.", "Paul Okafor", "Sen."),
    ("Mr. Okafor left.", "Okafor", "Mr."),
])
def test_title_words_written_before_a_name_are_split_from_it(text, name, title):
    assert (name, title) in mentions(text)


@pytest.mark.parametrize("text, name", [
    ("The pilot, Sven van der Hoek, said so.", "Sven van der Hoek"),
    ("Then Ana de la Cruz Ibarra spoke.", "Ana de la Cruz Ibarra"),
])
def test_a_name_with_two_particles_is_read_whole(text, name):
    assert (name, None) in mentions(text)


def test_function_words_and_trailing_days_are_not_part_of_a_name():
    assert mentions("But Dana Ruiz arrived in Port Alder Tuesday.") == [("Dana Ruiz", None), ("Port Alder", None)]


def test_a_person_of_an_institution_is_the_person():
    assert mentions("as Joel Brant of Harbor Weekly observed") == [("Joel Brant", None)]


def test_an_institution_is_named_whole():
    assert mentions("The Harbor Department said") == [("Harbor Department", None)]


def test_possessives_are_marked():
    [mention] = name_mentions("Ruiz’s plan", 0, 11)
    assert mention.name == "Ruiz" and mention.possessive


def test_a_name_ending_in_s_takes_a_bare_apostrophe_as_its_possessive():
    for text in ("Pellows’ plan", "Pellows' plan"):
        [mention] = name_mentions(text, 0, len(text))
        assert mention.name == "Pellows" and mention.possessive
    registry = registry_of("Tom Pellows spoke. Pellows’ plan won.")
    assert registry.lookup("Pellows").name == "Tom Pellows"


def test_the_fullest_form_is_the_canonical_name_and_a_surname_joins_it():
    registry = registry_of("Ruiz spoke. Mayor Dana Ruiz left.")
    entity = registry.lookup("Ruiz")
    assert (entity.name, entity.title, entity.kind) == ("Dana Ruiz", "Mayor", "person")
    assert entity.aliases == {"Ruiz", "Dana Ruiz"}


def test_gender_comes_from_honorifics_and_first_names():
    registry = registry_of("Mrs. Hale met Paul Okafor and Dana Ruiz.")
    assert registry.lookup("Hale").gender == "female"
    assert registry.lookup("Okafor").gender == "male"
    assert first_name_gender("Maria") == "female"
    assert first_name_gender("Qzxv") is None


def test_organisations_are_told_from_people():
    registry = registry_of("The Harbor Transit Authority and NATO met Dana Ruiz.")
    assert registry.lookup("Harbor Transit Authority").kind == "organization"
    assert registry.lookup("NATO").kind == "organization"
    assert registry.lookup("Ruiz").kind == "person"


def test_a_pronoun_learns_the_gender_of_a_person_the_text_has_not_gendered():
    registry = EntityRegistry()
    text = "Mx. Q. Tarrant spoke."
    mention = name_mentions(text, 0, len(text))[0]
    entity = registry.add(mention)
    entity.personal = True
    speech = Discourse(registry, [mention], set())
    speech.note(0, [entity])
    assert speech.resolve_pronoun("she", 0) is entity
    assert entity.gender == "female"


def test_speaker_names_are_canonical_with_the_title_the_article_gives():
    text = ("Mayor Dana Ruiz opened the hearing on the harbor budget on Monday night.\n\n"
            "“We will not raise fares,” Ruiz said.")
    speaker = extract_quotes(text)[-1].speaker
    assert (speaker.name, speaker.title, speaker.mention, speaker.kind) == ("Dana Ruiz", "Mayor", "Ruiz", "person")
    assert text[speaker.mention_start:speaker.mention_end] == "Ruiz"


def test_a_generation_suffix_is_not_the_surname():
    registry = registry_of("Carl Benning Jr. arrived. Later Tom Ashby Jr. spoke, and then Benning left.")
    assert registry.lookup("Benning").name == "Carl Benning Jr"
    assert registry.lookup("Tom Ashby Jr.").name != registry.lookup("Benning").name


def test_an_honorific_outweighs_the_gender_guessed_from_a_first_name():
    registry = registry_of("Kelly Varga opened the hearing. Mr. Varga spoke for an hour.")
    assert registry.lookup("Varga").gender == "male"


def test_a_name_with_an_owner_in_front_is_no_fuller_canonical_name():
    registry = registry_of("Rita Olsen Jr. spoke. The Harbor Institute’s Olsen Jr. said more.")
    assert registry.lookup("Olsen").name == "Rita Olsen Jr"


def test_a_party_of_a_state_is_no_title_and_the_state_no_person():
    registry = registry_of("Senator Tom Lee, Republican of South Dakota, spoke.")
    assert registry.lookup("South Dakota").title is None
    assert not registry.lookup("South Dakota").personal


@pytest.mark.parametrize("written", [
    "Rau\u0301l Ordon\u0303ez",  # accents written as combining marks
    "Rau\u00c3\u00bal Ordo\u00c3\u00b1ez",  # UTF-8 accents read back as Latin-1
])
def test_an_accented_name_is_read_whole(written):
    assert mentions(f"Mayor {written} spoke first.") == [(written, "Mayor")]
    quote = extract_quotes(f"“The ferry runs again,” {written} said.")[-1]
    assert quote.speaker.name == written


def test_neither_and_a_month_abbreviation_begin_no_name():
    assert mentions("Neither Tomas Veldt nor Dana Ruiz came.") == [("Tomas Veldt", None), ("Dana Ruiz", None)]
    assert mentions("BRINMOOR, Dec. 8 — the pier reopened.") == [("BRINMOOR", None)]


def test_family_members_sharing_a_surname_stay_two_people():
    registry = registry_of("Mara Ellery opened the bakery. Her son, Oskar Ellery, runs the ovens.")
    names = sorted(e.name for e in registry.entities())
    assert names == ["Mara Ellery", "Oskar Ellery"]


def test_a_middle_initial_or_middle_name_is_the_same_person():
    registry = registry_of("Paul R. Okafor spoke. Paul Okafor left. Later Paul Rowan Okafor returned.")
    assert [e.name for e in registry.entities()] == ["Paul R. Okafor"]


@pytest.mark.parametrize("text, bare_at, expected", [
    # an honorific's gender picks the family member
    ("Mara Ellery and Oskar Ellery spoke. Mrs Ellery left.", "Mrs Ellery", "Mara Ellery"),
    # without one, the member the article names most often so far ...
    ("Mara Ellery spoke first. Ellery thanked the crew. Her brother, Oskar Ellery, was there. Ellery left.",
     "Ellery left", "Mara Ellery"),
    # ... and between members named equally often, the one named most recently before it
    ("Mara Ellery spoke first. Then Oskar Ellery stood up. Ellery sat down.", "Ellery sat", "Oskar Ellery"),
    # a title repeats the one the article gave
    ("State Sen. Mara Ellery and Oskar Ellery met. Sen. Ellery spoke.", "Sen. Ellery spoke", "Mara Ellery"),
])
def test_a_bare_surname_resolves_to_one_family_member(text, bare_at, expected):
    registry = registry_of(text)
    at = text.index(bare_at)
    mention = next(m for m in name_mentions(text, 0, len(text)) if m.start == at)
    assert registry.lookup(mention.name, mention.start).name == expected


@pytest.mark.parametrize("text, name", [
    ("Rain fell all day. Wherever Nadia Vardakis goes, the cameras follow.", "Nadia Vardakis"),
    ("“Using Oskar Brandt as a foil,” she wrote.", "Oskar Brandt"),
    ("Vardakis won the seat in six rounds.\n\nSix Vardakis aides resigned on Monday.", "Vardakis"),
    ("Vardakis won the seat.\n\nTwelve Vardakis aides resigned on Monday.", "Vardakis"),
])
def test_a_word_that_only_opens_the_sentence_is_no_first_name(text, name):
    assert name in [m.name for m in name_mentions(text, 0, len(text))]
    assert registry_of(text).lookup(name).name == name


@pytest.mark.parametrize("text, name", [
    ("Rain fell. New Hampshire voted first.", "New Hampshire"),   # the one word is never written alone
    ("North of the river. Western Gazette reported it.", "Western Gazette"),  # the next word is a word too
    ("It rained. Pat Vardakis said so.", "Pat Vardakis"),             # a given name, though also a word
    ("Mayor Pat Vardakis spoke. Ruiz said six Vardakis aides quit.", "Pat Vardakis"),  # not opening a sentence
])
def test_a_name_that_opens_a_sentence_is_kept_whole(text, name):
    assert name in [m.name for m in name_mentions(text, 0, len(text))]


@pytest.mark.parametrize("headline", ["Voters Rip Nadia Vardakis As A Fraud", "Liar Of The Year Nadia Vardakis"])
def test_a_common_word_glued_before_a_first_name_and_surname_is_not_part_of_the_name(headline):
    text = f"{headline}\n\nNadia Vardakis spoke on Monday."
    assert [e.name for e in registry_of(text).entities() if e.surname == "vardakis"] == ["Nadia Vardakis"]
