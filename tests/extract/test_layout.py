"""Page layout: furniture lines and Q&A labels never yield quotes nor feed speaker guesses."""
import pytest

from app.extract import extract_quotes
from app.extract.layout import (
    AD_BREAK, BYLINE, CREDIT_AT_END, CREDIT_IN_PARENTHESES, CREDIT_LINE, DATELINE, MARKUP_TAG, QA_LABEL, TEASER,
    blank_layout,
    qa_lines,
)


@pytest.mark.parametrize("pattern, line", [
    (AD_BREAK, "Story continues below advertisement"),
    (AD_BREAK, "ADVERTISEMENT"),
    (BYLINE, "By Tobias Renn"),
    (BYLINE, "By Ana Ruiz and Tom Lee, Staff Writers"),
])
def test_whole_furniture_lines(pattern, line):
    assert pattern.fullmatch(line)


@pytest.mark.parametrize("pattern, line", [
    (AD_BREAK, "Advertisers pulled out of the fair, the organisers said."),
    (BYLINE, "By Tuesday, the river had crested."),
    (BYLINE, "By 9 a.m., it was ankle-deep."),
])
def test_story_lines_that_look_like_furniture(pattern, line):
    assert not pattern.fullmatch(line)


@pytest.mark.parametrize("pattern, line, found", [
    (TEASER, "READ MORE: Ferry fares to rise in spring", "READ MORE:"),
    (TEASER, "Watch: Drone footage of the flooded pier", "Watch:"),
    (TEASER, "Related: How the harbor was built", "Related:"),
    (CREDIT_IN_PARENTHESES, "Ana Diaz on the pier on Friday. (AP Photo/Tom Reed)", "(AP Photo/Tom Reed)"),
    (CREDIT_IN_PARENTHESES, "The flooded pier. (Photo: Tom Reed/The Herald)", "(Photo: Tom Reed/The Herald)"),
    (CREDIT_AT_END, "Reuters Photo Jane Roe", "Reuters Photo Jane Roe"),
    (CREDIT_AT_END, "The flooded pier on Friday. Photo: Jane Roe/Reuters", ". Photo: Jane Roe/Reuters"),
    (CREDIT_LINE, "(Reporting by Ana Ruiz; Editing by Tom Lee)", "(Reporting by"),
    (CREDIT_LINE, "Copyright 2026 Harbor Radio. All rights reserved.", "Copyright 2026"),
    (DATELINE, "PORT ALDER, Ore. — The council voted", "PORT ALDER, Ore. — "),
    (DATELINE, "HALVIK, March 4 (Wire Service) - Dockworkers", "HALVIK, March 4 (Wire Service) - "),
    (QA_LABEL, "Q: Will the ferry run?", "Q: "),
    (MARKUP_TAG, 'Ruiz posted <post author="harborcity" id="12">Ferry back', '<post author="harborcity" id="12">'),
    (MARKUP_TAG, "See <a href=”/ferry”>the timetable</a>.", "<a href=”/ferry”>"),
])
def test_furniture_patterns_on_their_lines(pattern, line, found):
    match = pattern.search(line)
    assert match and match.group() == found


@pytest.mark.parametrize("line", [
    "Reuters Photo Jane Roe", "The flooded pier on Friday. Photo: Jane Roe/Reuters", "Photograph by Jane Roe",
    "Harbor Images Tom Reed", "PHOTO: TOM REED", "The pier at dawn. Pictures by Tom Reed",
])
def test_credit_lines_without_parentheses_are_blanked(line):
    text = line + "\n\n“The ferry runs again,” Ruiz said."
    assert blank_layout(text)[:len(line)].strip() == ""
    assert blank_layout(text)[len(line):] == text[len(line):]


@pytest.mark.parametrize("pattern, line", [
    (TEASER, "More than 40 ships were waiting, the port said."),
    (CREDIT_IN_PARENTHESES, "He posted a picture of the pier (a photo of his dog) online."),
    (CREDIT_LINE, "Copyright holders called the ruling “a disaster.”"),
    (DATELINE, "US officials — and their allies — disagreed."),
    (QA_LABEL, "A. Ruiz chaired the meeting."),
    (MARKUP_TAG, "Turnout was < 40% and > 30%, the clerk said."),
])
def test_story_text_is_not_furniture(pattern, line):
    assert not pattern.search(line)


def test_blanking_keeps_every_offset_and_the_story():
    text = ("PORT ALDER — “We will reopen,” said Dana Ruiz.\n\n"
            "Dana Ruiz at her shop. (Photo: Tom Reed/The Herald)\n\n"
            "Story continues below advertisement\n\n"
            "“Soon,” she said.")
    blanked = blank_layout(text)
    assert len(blanked) == len(text)
    lines = text.split("\n")
    assert blanked.split("\n") == [" " * len("PORT ALDER — ") + "“We will reopen,” said Dana Ruiz.", "",
                                   " " * len(lines[2]), "", " " * len(lines[4]), "", "“Soon,” she said."]


def test_a_caption_naming_someone_else_does_not_take_the_next_pronoun():
    text = ("Dana Ruiz has run the corner shop for thirty years.\n\n"
            "Ana Diaz carries sandbags past the shop on Friday. (Photo: Tom Reed/The Herald)\n\n"
            "“It will take months to dry out,” she said.")
    [quote] = extract_quotes(text)
    assert quote.speaker.name == "Dana Ruiz"


def test_a_teaser_headline_is_no_quote_and_names_no_speaker():
    text = ("Dana Ruiz has run the corner shop for thirty years.\n\n"
            "READ MORE: Ana Diaz says ‘the river will win’\n\n"
            "“It will take months to dry out,” she said.")
    quotes = extract_quotes(text)
    assert [(q.text, q.speaker.name) for q in quotes] == [("It will take months to dry out,", "Dana Ruiz")]


INTERVIEW = ("“We will rebuild the pier by spring,” said Dana Ruiz, the harbor master. "
             "“The money is there.”\n\n"
             "By Tom Reed\n\n"
             "Q: Critics call the plan “a fantasy”. Are they wrong?\n\n"
             "A: They are. We will open in “a month or two”, and nobody will remember the fuss.\n\n"
             "Q: And your predecessor?\n\n"
             "A: He told me “never promise a date”, and I did anyway.")


def test_qa_lines_tell_questions_from_answers():
    assert [answer for _, _, answer in qa_lines(INTERVIEW)] == [False, True, False, True]


def test_quotes_in_a_qa_section_are_attributed_sensibly():
    quotes = {q.text: q for q in extract_quotes(INTERVIEW)}
    assert quotes["a month or two"].speaker.name == "Dana Ruiz"
    assert quotes["a month or two"].sieve == "interview_answer"
    assert quotes["a fantasy"].speaker is None or quotes["a fantasy"].speaker.name is None
    assert quotes["never promise a date"].speaker is None or quotes["never promise a date"].speaker.name != "Dana Ruiz"
    assert all(q.speaker is None or q.speaker.name not in ("Q", "A", "Tom Reed") for q in quotes.values())


def test_quoted_attributes_of_scraped_markup_are_no_quotes():
    text = ('Dana Ruiz wrote on social media: <post pic="" author="harborcity" stamp="1">The ferry runs '
            'again.</post> “We did it,” she said.')
    assert [q.text for q in extract_quotes(text)] == ["We did it,"]


def test_a_quote_holding_markup_keeps_the_text_as_written():
    text = '“Read the <a href="/plan">plan</a> first,” said Dana Ruiz.'
    [quote] = extract_quotes(text)
    assert quote.text == text[quote.start:quote.end] == 'Read the <a href="/plan">plan</a> first,'
