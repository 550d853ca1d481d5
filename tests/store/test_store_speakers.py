"""Speaker merging across articles, the surname join, aliases, and the shared name folding."""
from __future__ import annotations

from sqlalchemy import select

from app.store.models import Quote, Speaker, SpeakerAlias
from app.speaker_keys import (APOSTROPHE_PREFIX, DESCRIPTION_END, NON_WORD_RUN, name_key, speaker_ids_named,
                              surname_key)
from conftest import person, said


def speakers(session) -> list[str]:
    return sorted(session.scalars(select(Speaker.name)))


def aliases(session, name: str) -> set[str]:
    speaker_id = session.scalar(select(Speaker.id).where(Speaker.name == name))
    return set(session.scalars(select(SpeakerAlias.alias).where(SpeakerAlias.speaker_id == speaker_id)))


def test_the_same_name_in_two_articles_is_one_speaker(session, save):
    save([said("Talks resume on Monday", person("Dorota Kwiatek", "Foreign Minister Dorota Kwiatek"))], text="one")
    save([said("We expect progress", person("DOROTA  KWIATEK", "the foreign minister"))], text="two")
    assert speakers(session) == ["Dorota Kwiatek"]
    assert aliases(session, "Dorota Kwiatek") == {"Dorota Kwiatek"}  # the title in front and the description are not names


def test_accents_and_punctuation_are_folded(session, save):
    save([said("First", person("José Ortíz-Lama"))], text="one")
    save([said("Second", person("Jose Ortiz Lama"))], text="two")
    assert speakers(session) == ["José Ortíz-Lama"]


def test_a_bare_surname_joins_the_only_full_name_with_that_surname(session, save):
    save([said("Talks resume on Monday", person("Dorota Kwiatek"))], text="one")
    save([said("We expect progress", person("Kwiatek"))], text="two")
    assert speakers(session) == ["Dorota Kwiatek"]
    assert "Kwiatek" in aliases(session, "Dorota Kwiatek")


def test_a_bare_surname_shared_by_two_people_stays_apart(session, save):
    save([said("One", person("Dorota Kwiatek")), said("Two", person("Marek Kwiatek"))], text="one")
    save([said("Three", person("Kwiatek"))], text="two")
    assert speakers(session) == ["Dorota Kwiatek", "Kwiatek", "Marek Kwiatek"]


def test_a_full_name_arriving_later_absorbs_the_bare_surname(session, save):
    save([said("We expect progress", person("Kwiatek", "Kwiatek"))], text="one")
    save([said("Talks resume on Monday", person("Dorota Kwiatek"))], text="two")
    assert speakers(session) == ["Dorota Kwiatek"]
    speaker_ids = set(session.scalars(select(Quote.speaker_id)))
    assert len(speaker_ids) == 1 and "Kwiatek" in aliases(session, "Dorota Kwiatek")


def test_a_bare_surname_in_the_same_article_joins_the_full_name_written_later(session, save):
    save([said("One", person("Kwiatek")), said("Two", person("Dorota Kwiatek"))])
    assert speakers(session) == ["Dorota Kwiatek"]


def test_organizations_do_not_join_people_by_surname(session, save):
    from app.extract.records import Speaker as ExtractedSpeaker

    save([said("One", person("Lars Hansa"))], text="one")
    save([said("Two", ExtractedSpeaker(name="Hansa", kind="organization", mention="Hansa"))], text="two")
    assert speakers(session) == ["Hansa", "Lars Hansa"]


def test_pronouns_are_not_aliases_and_titles_are_kept(session, save):
    save([said("One", person("Dorota Kwiatek", "she", title="Foreign Minister"))])
    assert aliases(session, "Dorota Kwiatek") == {"Dorota Kwiatek"}
    assert session.scalar(select(Speaker.title)) == "Foreign Minister"


def test_speaker_ids_named_finds_by_name_alias_and_surname(session, save):
    save([said("One", person("Dorota Kwiatek", "the foreign minister")), said("Two", person("Ana Ruiz"))])
    kwiatek, ruiz = (session.scalar(select(Speaker.id).where(Speaker.name == name))
                     for name in ("Dorota Kwiatek", "Ana Ruiz"))
    for text, expected in (("dorota kwiatek", [kwiatek]), ("KWIATEK", [kwiatek]), ("The Foreign Minister", []),
                           ("Minister Dorota Kwiatek", [kwiatek]), ("Dorota M. Kwiatek", [kwiatek]),
                           ("Ruiz", [ruiz]), ("Dorota", [])):
        assert speaker_ids_named(session.connection(), text) == expected, text


def test_speaker_ids_named_finds_every_speaker_a_surname_names(session, save):
    save([said("One", person("Dorota Kwiatek")), said("Two", person("Marek Kwiatek"))])
    both = set(session.scalars(select(Speaker.id)))
    assert set(speaker_ids_named(session.connection(), "Kwiatek")) == both


def test_name_key_folds_case_accents_and_punctuation():
    assert name_key("  Benjamín  NETANYAHU ") == "benjamin netanyahu"
    assert name_key("Jean-Luc O’Neill Jr.") == "jean luc oneill jr"
    assert name_key("Paul D. Ryan") == "paul d ryan"


def test_non_word_run_pattern_splits_on_punctuation_and_underscores():
    assert NON_WORD_RUN.sub(" ", "o'neill_jr.-x") == "o neill jr x"


def test_apostrophe_prefix_pattern_glues_a_one_letter_prefix_to_its_word():
    assert APOSTROPHE_PREFIX.sub(r"\1", "Siobhan O'Neill met Luca D’Amato") == "Siobhan ONeill met Luca DAmato"
    assert APOSTROPHE_PREFIX.sub(r"\1", "the mayor's office") == "the mayor's office"


def test_description_end_pattern_finds_a_possessive_or_origin_before_a_name():
    words = "the union's lawyer, Oslo-based analyst, Democracy Corps’ pollster, Ruiz said".split()
    assert [w for w in words if DESCRIPTION_END.search(w)] == ["union's", "Oslo-based", "Corps’"]


def test_surname_key_keeps_particles_and_drops_suffixes():
    assert surname_key("antony blinken") == "blinken"
    assert surname_key("john smith jr") == "smith"
    assert surname_key("ursula von der leyen") == "von der leyen"
    assert surname_key("jean luc oneill") == "oneill"
    assert surname_key("lindsey o graham") == "graham"  # an initial, not a particle
    assert surname_key("blinken") is None and surname_key("von der leyen") is None
