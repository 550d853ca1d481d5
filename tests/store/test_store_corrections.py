"""Newsroom corrections: merge, split and reassign are stored, mark their quotes, and survive re-ingest."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from app.corrections import CorrectionError, merge, reassign, split
from app.store.models import Quote, Speaker, SpeakerCorrection
from conftest import person, said

URL = "https://example.news/harbour"


def speaker_id(session, name: str) -> int:
    return session.scalar(select(Speaker.id).where(Speaker.name == name))


def said_by(session) -> dict[str, tuple[str | None, bool]]:
    """Each stored quote's text -> (its speaker's name, whether a correction set it)."""
    rows = session.execute(select(Quote.text, Speaker.name, Quote.speaker_corrected)
                           .outerjoin(Speaker, Speaker.id == Quote.speaker_id))
    return {text: (name, corrected) for text, name, corrected in rows}


def test_a_merge_moves_the_quotes_marks_them_and_holds_for_later_articles(session, save):
    save([said("The ferry runs again", person("Kit Abernathy"))], text="one")
    save([said("Fares stay the same", person("Christopher Abernathy"))], text="two")
    merge(session, speaker_id(session, "Kit Abernathy"), speaker_id(session, "Christopher Abernathy"))
    assert said_by(session) == {"The ferry runs again": ("Christopher Abernathy", True),
                                "Fares stay the same": ("Christopher Abernathy", False)}
    save([said("A second boat in May", person("Kit Abernathy"))], text="three")
    assert said_by(session)["A second boat in May"] == ("Christopher Abernathy", True)
    assert session.scalar(select(SpeakerCorrection.action)) == "merge"


def test_a_split_gives_the_name_its_own_speaker_now_and_on_re_ingest(session, save):
    quotes = [said("I built the first pier", person("Tomas Ellery")),
              said("My father built the first pier", person("Tomas Ellery Jr."), start=40)]
    save(quotes, text="one", url=URL)
    assert len(set(session.scalars(select(Quote.speaker_id)))) == 1  # a suffix alone is the same person
    son = split(session, speaker_id(session, "Tomas Ellery"), "Tomas Ellery Jr.")
    assert said_by(session) == {"I built the first pier": ("Tomas Ellery", False),
                                "My father built the first pier": ("Tomas Ellery Jr.", True)}
    save(quotes, text="one, corrected", url=URL)  # the same article, edited
    assert said_by(session)["My father built the first pier"] == ("Tomas Ellery Jr.", True)
    assert speaker_id(session, "Tomas Ellery Jr.") == son.id


def test_a_reassignment_survives_re_ingesting_the_article(session, save):
    quotes = [said("The crane is unsafe", person("Ines Duarte")), said("It was inspected", person("Ines Duarte"), start=30)]
    save(quotes, text="first version", url=URL)
    save([said("Cranes are my job", person("Bo Lindqvist"))], text="other")
    crane = session.scalar(select(Quote.id).where(Quote.text == "It was inspected"))
    reassign(session, crane, speaker_id(session, "Bo Lindqvist"))
    save(quotes + [said("A new paragraph", person("Ines Duarte"), start=60)], text="second version", url=URL)
    assert said_by(session)["It was inspected"] == ("Bo Lindqvist", True)
    assert said_by(session)["The crane is unsafe"] == ("Ines Duarte", False)


def test_a_quote_can_be_reassigned_to_no_one(session, save):
    save([said("Sources say otherwise", person("Ines Duarte"))])
    quote = session.scalar(select(Quote.id))
    reassign(session, quote, None)
    assert said_by(session) == {"Sources say otherwise": (None, True)}
    assert speaker_id(session, "Ines Duarte") is None  # a speaker left without quotes goes


def test_corrections_that_cannot_be_made_say_why(session, save):
    save([said("One", person("Ines Duarte")), said("Two", person("Bo Lindqvist"))])
    duarte = speaker_id(session, "Ines Duarte")
    with pytest.raises(CorrectionError, match="itself"):
        merge(session, duarte, duarte)
    with pytest.raises(CorrectionError, match="no alias"):
        split(session, duarte, "Bo Lindqvist")
    with pytest.raises(CorrectionError) as missing:
        reassign(session, 999, duarte)
    assert missing.value.status == 404
