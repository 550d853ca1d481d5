"""Speaker identity across articles: the failures a newsroom met asking `speaker=` of an archive.

Each test stores invented articles with a fixed "extractor" output and asks the store who is who.
"""
from __future__ import annotations

from itertools import permutations

import pytest
from sqlalchemy import select

from app.extract.records import Speaker as ExtractedSpeaker
from app.store.models import Quote, Speaker, SpeakerAlias
from app.store.articles import delete_article
from app.speaker_keys import speaker_ids_named
from conftest import person, said


def organization(name: str, mention: str | None = None) -> ExtractedSpeaker:
    return ExtractedSpeaker(name=name, kind="organization", mention=mention or name)


def speaker_names(session) -> list[str]:
    return sorted(session.scalars(select(Speaker.name)))


def said_by(session) -> dict[str, str | None]:
    """Each stored quote's text -> its speaker's name."""
    rows = session.execute(select(Quote.text, Speaker.name).outerjoin(Speaker, Speaker.id == Quote.speaker_id))
    return dict(rows.all())


def quotes_for(session, name: str) -> set[str]:
    ids = speaker_ids_named(session.connection(), name)
    return set(session.scalars(select(Quote.text).where(Quote.speaker_id.in_(ids)))) if ids else set()


def test_a_description_is_kept_on_the_quote_and_never_becomes_an_alias(session, save):
    save([said("The budget is final", person("Ilona Varga", "the official"))], text="one")
    save([said("We have no comment", person(None, "the official"))], text="two")
    assert quotes_for(session, "the official") == set()
    assert set(session.scalars(select(SpeakerAlias.alias))) == {"Ilona Varga"}
    assert set(session.scalars(select(Quote.mention))) == {"the official"}


def test_another_persons_name_written_at_a_quote_is_not_an_alias(session, save):
    save([said("He will sign it", person("Osric Pellam", "Marta Pellam"))], text="one")
    save([said("I was not consulted", person("Marta Pellam"))], text="two")
    assert quotes_for(session, "Marta Pellam") == {"I was not consulted"}
    assert quotes_for(session, "Osric Pellam") == {"He will sign it"}


def test_family_members_quoted_in_several_articles_keep_their_own_quotes(session, save):
    save([said("The farm stays in the family", person("Mara Ellery")),
          said("My mother built this place", person("Tomas Ellery"))], text="one")
    save([said("We will appeal", person("Mara Ellery"))], text="two")
    save([said("Nothing has been decided", person("Ellery", "Ellery"))], text="three")
    assert quotes_for(session, "Mara Ellery") == {"The farm stays in the family", "We will appeal"}
    assert quotes_for(session, "Tomas Ellery") == {"My mother built this place"}
    assert said_by(session)["Nothing has been decided"] == "Ellery"  # either of them: kept apart
    assert len(quotes_for(session, "Ellery")) == 4  # a bare surname asks for every Ellery


@pytest.mark.parametrize("written", ["Harold J. Benning", "Harold Quincy Benning", "Harold Benning Jr.",
                                     "HAROLD BENNING", "Mr. Harold Benning"])
def test_middle_initials_middle_names_and_suffixes_are_the_same_person(session, save, written):
    save([said("The mill reopens in June", person("Harold Benning"))], text="one")
    save([said("Orders are up", person(written))], text="two")
    assert speaker_names(session) == ["Harold Benning"]
    assert quotes_for(session, written) == quotes_for(session, "Harold Benning") == {"The mill reopens in June",
                                                                                    "Orders are up"}


@pytest.mark.parametrize("other_form", ["Harold J. Benning", "HArold Benning", "HAROLD BENNING"])
@pytest.mark.parametrize("plain_first", [True, False])
def test_the_plainest_form_of_a_name_is_shown_whichever_article_came_first(session, save, other_form, plain_first):
    forms = ["Harold Benning", other_form] if plain_first else [other_form, "Harold Benning"]
    for number, form in enumerate(forms):
        save([said(f"Said by {form}", person(form))], text=f"article {number}")
    assert speaker_names(session) == ["Harold Benning"]


@pytest.mark.parametrize("role", ["Chief Executive Officer", "Democrat", "Detective Sergeant", "Harbour Master",
                                  "Rival", "Former Sen.", "Port Authority Director", "the union's", "Oslo-based"])
def test_role_words_glued_in_front_of_a_name_make_no_second_speaker(session, save, role):
    save([said("The tide gauges failed", person("Lena Ostrova"))], text="one")
    save([said("We replaced them", person(f"{role} Lena Ostrova"))], text="two")
    assert speaker_names(session) == ["Lena Ostrova"]


def test_a_headline_fragment_or_a_bare_role_names_no_one(session, save):
    save([said("Trust is earned", person("Voters Do Not Trust Lena Ostrova")),
          said("Sales rose", organization("CEO"))])
    assert speaker_names(session) == []
    assert set(said_by(session).values()) == {None}


@pytest.mark.parametrize("first", ["short", "full"])
def test_an_organisations_short_and_full_forms_are_one_speaker(session, save, first):
    full = said("Shipments resume on Monday", organization("Corvane Thermal Systems Inc", "the company"))
    short = said("The recall is voluntary", person("Corvane", "A Corvane spokesperson"))  # as extractors give it
    articles = [(full, "one"), (short, "two")]
    for quote, text in (articles if first == "full" else articles[::-1]):
        save([quote], text=text)
    assert speaker_names(session) == ["Corvane Thermal Systems Inc"]
    assert quotes_for(session, "Corvane") == {"Shipments resume on Monday", "The recall is voluntary"}
    assert quotes_for(session, "Corvane Thermal Systems") == quotes_for(session, "Corvane")


def test_a_name_with_a_trailing_patronymic_is_the_name_without_it(session, save):
    save([said("The port will expand", person("Rahim Aziz bin Yusof"))], text="one")
    save([said("Dredging starts soon", person("Rahim Aziz"))], text="two")
    assert len(speaker_names(session)) == 1
    assert len(quotes_for(session, "Rahim Aziz")) == 2


FAMILY_ARTICLES = {
    "bare": [said("Nothing has been decided", person("Ellery", "Ellery"))],
    "mara": [said("We will appeal", person("Mara Ellery"))],
    "tomas": [said("My mother built this place", person("Tomas Ellery"))],
}


@pytest.mark.parametrize("order", list(permutations(FAMILY_ARTICLES)))
def test_the_store_does_not_depend_on_the_order_articles_arrive_in(session, save, order):
    for name in order:
        save(FAMILY_ARTICLES[name], text=name, url=f"https://example.news/{name}")
    assert said_by(session) == {"Nothing has been decided": "Ellery", "We will appeal": "Mara Ellery",
                                "My mother built this place": "Tomas Ellery"}


@pytest.mark.parametrize("order", list(permutations(["bare", "mara"])))
def test_a_bare_surname_joins_the_one_person_of_that_surname_in_either_order(session, save, order):
    for name in order:
        save(FAMILY_ARTICLES[name], text=name)
    assert said_by(session) == {"Nothing has been decided": "Mara Ellery", "We will appeal": "Mara Ellery"}


def test_deleting_the_second_namesake_lets_the_bare_surname_join_the_first_again(session, save):
    for name in ("bare", "mara", "tomas"):
        save(FAMILY_ARTICLES[name], text=name)
    tomas_article = session.scalar(select(Quote.article_id).where(Quote.text == "My mother built this place"))
    assert delete_article(session, tomas_article)
    assert said_by(session) == {"Nothing has been decided": "Mara Ellery", "We will appeal": "Mara Ellery"}


GENDERED_ARTICLES = {
    "mara": [said("We will appeal", person("Mara Ellery"))],
    "tomas": [said("My mother built this place", person("Tomas Ellery"))],
    "mr": [said("The herd was sold", person("Ellery", "Mr. Ellery")), said("I regret nothing", person("Ellery", "he"))],
    "she": [said("The lease ends in May", person("Ellery", "she"))],
    "bare": [said("Nothing has been decided", person("Ellery", "Ellery"))],
}


@pytest.mark.parametrize("order", list(permutations(["mara", "tomas", "mr", "she"])))
def test_a_bare_surname_the_article_gives_a_gender_joins_the_one_namesake_of_that_gender(session, save, order):
    for name in (*order, "bare"):
        save(GENDERED_ARTICLES[name], text=name, url=f"https://example.news/{name}")
    assert said_by(session) == {"We will appeal": "Mara Ellery", "The lease ends in May": "Mara Ellery",
                                "My mother built this place": "Tomas Ellery", "The herd was sold": "Tomas Ellery",
                                "I regret nothing": "Tomas Ellery", "Nothing has been decided": "Ellery"}


def test_a_gender_picks_no_namesake_while_the_first_name_of_one_tells_no_gender(session, save):
    for name in ("mara", "tomas", "mr"):
        save(GENDERED_ARTICLES[name], text=name)
    save([said("The fence is ours", person("Zorvath Ellery"))], text="zorvath")
    assert said_by(session)["The herd was sold"] == "Ellery"


def test_a_given_name_spelt_with_a_letter_doubled_or_not_is_the_same_person(session, save):
    save([said("The mill reopens in June", person("Phillipa Benning"))], text="one")
    save([said("Orders are up", person("Philipa Benning"))], text="two")
    assert speaker_names(session) == ["Phillipa Benning"]
    both = {"The mill reopens in June", "Orders are up"}
    assert quotes_for(session, "Phillipa Benning") == quotes_for(session, "Philipa Benning") == both


def test_a_given_name_one_letter_longer_is_another_person(session, save):
    save([said("The mill reopens in June", person("Ann Benning"))], text="one")
    save([said("Orders are up", person("Anna Benning"))], text="two")
    assert speaker_names(session) == ["Ann Benning", "Anna Benning"]


@pytest.mark.parametrize("asked", ["Ilse Brandt", "Actor Ilse Brandt", "Comedian Ilse Brandt"])
def test_an_occupation_written_before_a_name_is_no_part_of_it(session, save, asked):
    save([said("The play opens in June", person("Actor Ilse Brandt"))], text="one")
    save([said("I never rehearse", person("Ilse Brandt"))], text="two")
    assert speaker_names(session) == ["Ilse Brandt"]
    assert quotes_for(session, asked) == {"The play opens in June", "I never rehearse"}
